//! Schemas to Rust types: each component schema becomes a named type, inline
//! objects and enums become types named after where they appear.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::ClientError;
use super::load::{escape_token, percent_decode};
use super::model::{Def, DefKind, Field, Prim, Repr, Shape, Ty, Variant};
use super::names::{Scope, camel, snake};

/// Names the generated code uses unqualified; schemas with these names are renamed.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "String",
    "Vec",
    "Option",
    "Box",
    "Result",
    "Ok",
    "Err",
    "Some",
    "None",
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
    "Default",
    "Send",
    "Sync",
    "Sized",
    "Self",
];

/// How deep `$ref`s to non-component places may chain before we call it a cycle.
const MAX_DEPTH: usize = 64;

/// Every type generated from one document.
pub struct TypeSpace<'a> {
    root: &'a Value,
    /// The generated types, in the order they are emitted.
    pub defs: Vec<Def>,
    components: HashMap<String, usize>,
    nullable_components: HashSet<usize>,
    names: Scope,
    depth: usize,
}

type Result<T> = std::result::Result<T, ClientError>;

fn invalid(pointer: &str, message: impl Into<String>) -> ClientError {
    ClientError::Invalid {
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}

/// What converting a schema gives: a type expression, or a new type to define.
enum Out {
    Ty(Ty),
    Def(DefKind),
}

fn description(schema: &Value) -> Option<String> {
    let get = |k| schema.get(k).and_then(Value::as_str).map(str::trim);
    match (get("title"), get("description")) {
        (Some(t), Some(d)) if !d.is_empty() && !t.is_empty() && t != d => {
            Some(format!("{t}\n\n{d}"))
        }
        (_, Some(d)) if !d.is_empty() => Some(d.to_owned()),
        (Some(t), _) if !t.is_empty() => Some(t.to_owned()),
        _ => None,
    }
}

fn is_nullable(schema: &Value) -> bool {
    schema.get("nullable").and_then(Value::as_bool) == Some(true)
}

fn strings(schema: &Value) -> Option<Vec<Option<&str>>> {
    let values = schema.get("enum")?.as_array()?;
    values
        .iter()
        .map(|v| match v {
            Value::String(s) => Some(Some(s.as_str())),
            Value::Null => Some(None),
            _ => None,
        })
        .collect()
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

fn required(schema: &Value) -> HashSet<&str> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn is_object_like(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("object") || properties(schema).is_some()
}

impl<'a> TypeSpace<'a> {
    /// The whole document.
    pub fn root(&self) -> &'a Value {
        self.root
    }

    /// Names every component schema, then converts them all.
    pub fn new(root: &'a Value) -> Result<Self> {
        let mut space = TypeSpace {
            root,
            defs: Vec::new(),
            components: HashMap::new(),
            nullable_components: HashSet::new(),
            names: Scope::with_reserved(RESERVED_TYPE_NAMES),
            depth: 0,
        };
        let schemas = root
            .pointer("/components/schemas")
            .and_then(Value::as_object);
        let names: Vec<String> = schemas
            .map(|s| s.keys().cloned().collect())
            .unwrap_or_default();
        for name in &names {
            let rust = space.names.claim(&camel(name));
            space.components.insert(name.clone(), space.defs.len());
            space.defs.push(Def {
                name: rust,
                doc: None,
                kind: DefKind::Pending,
            });
        }
        for name in &names {
            let ptr = format!("/components/schemas/{}", escape_token(name));
            let id = space.components[name];
            let schema = space.at(&ptr)?;
            if is_nullable(schema) {
                space.nullable_components.insert(id);
            }
            let rust = space.defs[id].name.clone();
            let doc = description(schema);
            let kind = match space.shape(schema, &ptr, &rust)? {
                Out::Def(kind) => kind,
                Out::Ty(ty) => DefKind::Alias(ty),
            };
            space.defs[id].doc = doc;
            space.defs[id].kind = kind;
        }
        Ok(space)
    }

    fn at(&self, ptr: &str) -> Result<&'a Value> {
        self.root
            .pointer(ptr)
            .ok_or_else(|| invalid(ptr, "nothing at this place"))
    }

    /// The type of the schema at `ptr`; new types get names from `hint`.
    pub fn ty(&mut self, ptr: &str, hint: &str) -> Result<Ty> {
        let schema = self.at(ptr)?;
        if let Some(r) = schema.get("$ref") {
            return self.ref_ty(r, ptr, hint);
        }
        let nullable = is_nullable(schema);
        let ty = match self.shape(schema, ptr, hint)? {
            Out::Ty(ty) => ty,
            Out::Def(kind) => {
                let title = schema.get("title").and_then(Value::as_str);
                let name = self.names.claim(&camel(title.unwrap_or(hint)));
                self.defs.push(Def {
                    name,
                    doc: description(schema),
                    kind,
                });
                Ty::Named(self.defs.len() - 1)
            }
        };
        Ok(if nullable { ty.optional() } else { ty })
    }

    fn ref_ty(&mut self, r: &Value, ptr: &str, hint: &str) -> Result<Ty> {
        let here = format!("{ptr}/$ref");
        let r = r
            .as_str()
            .ok_or_else(|| invalid(&here, "`$ref` must be a string"))?;
        let target = percent_decode(r.strip_prefix('#').unwrap_or(r));
        if let Some(name) = target.strip_prefix("/components/schemas/")
            && !name.contains('/')
        {
            let name = name.replace("~1", "/").replace("~0", "~");
            let id = *self
                .components
                .get(&name)
                .ok_or_else(|| invalid(&here, format!("no schema named {name:?}")))?;
            return Ok(if self.nullable_components.contains(&id) {
                Ty::Named(id).optional()
            } else {
                Ty::Named(id)
            });
        }
        if self.depth > MAX_DEPTH {
            return Err(invalid(&here, "references form a cycle"));
        }
        self.depth += 1;
        let ty = self.ty(&target, hint);
        self.depth -= 1;
        ty
    }

    /// Follows `$ref`s to the schema itself, with its pointer.
    fn resolve(&self, ptr: &str) -> Result<(&'a Value, String)> {
        let mut ptr = ptr.to_owned();
        for _ in 0..MAX_DEPTH {
            let schema = self.at(&ptr)?;
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => ptr = percent_decode(r.strip_prefix('#').unwrap_or(r)),
                None => return Ok((schema, ptr)),
            }
        }
        Err(invalid(&ptr, "references form a cycle"))
    }

    fn shape(&mut self, schema: &'a Value, ptr: &str, hint: &str) -> Result<Out> {
        if !schema.is_object() {
            return Err(invalid(ptr, "a schema must be an object"));
        }
        if let Some(all) = schema.get("allOf") {
            return self.all_of(schema, all, ptr, hint);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(items) = schema.get(key) {
                return self.union(items, &format!("{ptr}/{key}"), hint);
            }
        }
        if schema.get("not").is_some() {
            return Ok(Out::Ty(Ty::Prim(Prim::Value)));
        }
        let typ = schema.get("type").and_then(Value::as_str);
        if matches!(typ, Some("string") | None)
            && let Some(values) = strings(schema)
            && values.iter().any(Option::is_some)
        {
            let variants = unit_variants(values.iter().flatten().map(|v| (*v, None)));
            return Ok(Out::Def(DefKind::Enum {
                repr: Repr::External,
                variants,
            }));
        }
        let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
        let prim = |p| Ok(Out::Ty(Ty::Prim(p)));
        match typ {
            Some("string") => prim(match format {
                "date-time" => Prim::DateTime,
                "date" => Prim::Date,
                "uuid" => Prim::Uuid,
                "ip" => Prim::IpAddr,
                "ipv4" => Prim::Ipv4Addr,
                "ipv6" => Prim::Ipv6Addr,
                _ => Prim::String,
            }),
            Some("integer") => prim(match format {
                "int8" => Prim::I8,
                "int16" => Prim::I16,
                "int32" => Prim::I32,
                "uint8" => Prim::U8,
                "uint16" => Prim::U16,
                "uint32" => Prim::U32,
                "uint64" | "uint" => Prim::U64,
                _ => Prim::I64,
            }),
            Some("number") => prim(if format == "float" {
                Prim::F32
            } else {
                Prim::F64
            }),
            Some("boolean") => prim(Prim::Bool),
            Some("array") => {
                let item = if schema.get("items").is_some() {
                    self.ty(&format!("{ptr}/items"), &format!("{hint}Item"))?
                } else {
                    Ty::Prim(Prim::Value)
                };
                Ok(Out::Ty(Ty::Vec(Box::new(item))))
            }
            Some("object") => self.object(&[(schema, ptr.to_owned())], hint),
            None if is_object_like(schema) || schema.get("additionalProperties").is_some() => {
                self.object(&[(schema, ptr.to_owned())], hint)
            }
            None => prim(Prim::Value),
            Some(other) => Err(invalid(
                &format!("{ptr}/type"),
                format!("unknown type {other:?}"),
            )),
        }
    }

    /// An object: a struct of its properties, or a map when it has none.
    /// `parts` are the schemas whose properties are merged (more than one for `allOf`).
    fn object(&mut self, parts: &[(&'a Value, String)], hint: &str) -> Result<Out> {
        let has_props = parts
            .iter()
            .any(|(s, _)| properties(s).is_some_and(|p| !p.is_empty()));
        let additional = parts
            .iter()
            .find_map(|(s, p)| s.get("additionalProperties").map(|a| (a, p)));
        let extra = match additional {
            Some((Value::Bool(false), _)) => None,
            Some((Value::Object(a), p)) if !a.is_empty() => Some(self.ty(
                &format!("{p}/additionalProperties"),
                &format!("{hint}Value"),
            )?),
            _ if has_props => None,
            _ => Some(Ty::Prim(Prim::Value)),
        };
        if !has_props {
            return Ok(Out::Ty(match extra {
                Some(Ty::Prim(Prim::Value)) => Ty::Prim(Prim::JsonMap),
                Some(ty) => Ty::Map(Box::new(ty)),
                None => {
                    return Ok(Out::Def(DefKind::Struct {
                        fields: Vec::new(),
                        extra: None,
                    }));
                }
            }));
        }
        let mut fields = Vec::new();
        let mut seen = HashSet::new();
        let mut scope = Scope::default();
        let required: HashSet<&str> = parts.iter().flat_map(|(s, _)| required(s)).collect();
        for (schema, part_ptr) in parts {
            let Some(props) = properties(schema) else {
                continue;
            };
            for (wire, prop) in props {
                if !seen.insert(wire.clone()) {
                    continue;
                }
                let prop_ptr = format!("{part_ptr}/properties/{}", escape_token(wire));
                let ty = self.ty(&prop_ptr, &format!("{hint}{}", camel(wire)))?;
                let optional = !required.contains(wire.as_str());
                fields.push(Field {
                    name: scope.claim(&snake(wire)),
                    wire: wire.clone(),
                    ty: if optional { ty.optional() } else { ty },
                    doc: description(prop),
                    optional,
                });
            }
        }
        let extra = extra.map(|ty| Ty::Map(Box::new(ty)));
        Ok(Out::Def(DefKind::Struct { fields, extra }))
    }

    fn all_of(&mut self, schema: &'a Value, all: &'a Value, ptr: &str, hint: &str) -> Result<Out> {
        let all_ptr = format!("{ptr}/allOf");
        let items = all
            .as_array()
            .ok_or_else(|| invalid(&all_ptr, "`allOf` must be an array"))?;
        let own_props = properties(schema).is_some_and(|p| !p.is_empty());
        if items.len() == 1 && !own_props {
            return Ok(Out::Ty(self.ty(&format!("{all_ptr}/0"), hint)?));
        }
        let mut parts = Vec::new();
        self.flatten_all_of(schema, ptr, &mut parts, 0)?;
        if parts
            .iter()
            .all(|(s, _)| is_object_like(s) || is_meta_only(s))
        {
            parts.retain(|(s, _)| is_object_like(s));
            if !parts.is_empty() {
                return self.object(&parts, hint);
            }
        }
        // One substantive member among metadata-only ones: that member's type.
        let substantive: Vec<usize> = (0..items.len())
            .filter(|&i| !is_meta_only(&items[i]))
            .collect();
        if let [only] = substantive[..] {
            return Ok(Out::Ty(self.ty(&format!("{all_ptr}/{only}"), hint)?));
        }
        Ok(Out::Ty(Ty::Prim(Prim::Value)))
    }

    fn flatten_all_of(
        &self,
        schema: &'a Value,
        ptr: &str,
        out: &mut Vec<(&'a Value, String)>,
        depth: usize,
    ) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(invalid(ptr, "`allOf` references form a cycle"));
        }
        if let Some(items) = schema.get("allOf").and_then(Value::as_array) {
            for i in 0..items.len() {
                let (member, member_ptr) = self.resolve(&format!("{ptr}/allOf/{i}"))?;
                self.flatten_all_of(member, &member_ptr, out, depth + 1)?;
            }
        }
        if properties(schema).is_some() || schema.get("allOf").is_none() {
            out.push((schema, ptr.to_owned()));
        }
        Ok(())
    }

    fn union(&mut self, items: &'a Value, ptr: &str, hint: &str) -> Result<Out> {
        let list = items
            .as_array()
            .ok_or_else(|| invalid(ptr, "must be an array of schemas"))?;
        if list.is_empty() {
            return Err(invalid(ptr, "must list at least one schema"));
        }
        if list.len() == 1 {
            return Ok(Out::Ty(self.ty(&format!("{ptr}/0"), hint)?));
        }
        let mut resolved = Vec::new();
        for i in 0..list.len() {
            resolved.push(self.resolve(&format!("{ptr}/{i}"))?);
        }
        if let Some(kind) = self.tagged(&resolved, hint)? {
            return Ok(Out::Def(kind));
        }
        if let Some(kind) = self.external(&resolved, hint)? {
            return Ok(Out::Def(kind));
        }
        let mut scope = Scope::default();
        let mut variants = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let item_ptr = format!("{ptr}/{i}");
            let (target, _) = &resolved[i];
            let base = match item.get("$ref").and_then(Value::as_str) {
                Some(r) => camel(r.rsplit('/').next().unwrap_or("Variant")),
                None => match target.get("title").and_then(Value::as_str) {
                    Some(t) => camel(t),
                    None => kind_name(target, i),
                },
            };
            let name = scope.claim(&base);
            let ty = self.ty(&item_ptr, &format!("{hint}{name}"))?;
            variants.push(Variant {
                name,
                wire: None,
                doc: description(target),
                shape: Shape::Newtype(ty),
            });
        }
        Ok(Out::Def(DefKind::Enum {
            repr: Repr::Untagged,
            variants,
        }))
    }

    /// Every variant an object with a required one-value string enum property
    /// in common: internally (or adjacently) tagged.
    fn tagged(&mut self, variants: &[(&'a Value, String)], hint: &str) -> Result<Option<DefKind>> {
        if !variants.iter().all(|(s, _)| properties(s).is_some()) {
            return Ok(None);
        }
        let Some(first) = properties(variants[0].0) else {
            return Ok(None);
        };
        let tag = first.keys().find(|key| {
            variants.iter().all(|(s, p)| {
                required(s).contains(key.as_str())
                    && self
                        .const_string(&format!("{p}/properties/{}", escape_token(key)))
                        .is_some()
            })
        });
        let Some(tag) = tag.cloned() else {
            return Ok(None);
        };
        let tag_token = escape_token(&tag);
        let mut values = HashSet::new();
        for (_, p) in variants {
            let v = self.const_string(&format!("{p}/properties/{tag_token}"));
            if !values.insert(v) {
                return Ok(None);
            }
        }
        // Adjacent when every variant has at most one other property, the same one.
        let others: HashSet<&str> = variants
            .iter()
            .flat_map(|(s, _)| properties(s).into_iter().flat_map(|p| p.keys()))
            .map(String::as_str)
            .filter(|k| *k != tag)
            .collect();
        let adjacent = others.len() == 1
            && variants.iter().all(|(s, _)| {
                let others_req = required(s);
                properties(s).is_some_and(|p| {
                    p.keys()
                        .filter(|k| *k != &tag)
                        .all(|k| others_req.contains(k.as_str()))
                })
            });
        let mut scope = Scope::default();
        let mut out = Vec::new();
        for (schema, p) in variants {
            let wire = self
                .const_string(&format!("{p}/properties/{tag_token}"))
                .unwrap_or_default();
            let name = scope.claim(&camel(&wire));
            let vhint = format!("{hint}{name}");
            let shape = if adjacent {
                match others.iter().next() {
                    Some(content)
                        if properties(schema).is_some_and(|m| m.contains_key(*content)) =>
                    {
                        let ty =
                            self.ty(&format!("{p}/properties/{}", escape_token(content)), &vhint)?;
                        Shape::Newtype(ty)
                    }
                    _ => Shape::Unit,
                }
            } else {
                match self.object(&[(schema, p.clone())], &vhint)? {
                    Out::Def(DefKind::Struct { mut fields, .. }) => {
                        fields.retain(|f| f.wire != tag);
                        if fields.is_empty() {
                            Shape::Unit
                        } else {
                            Shape::Struct(fields)
                        }
                    }
                    _ => Shape::Unit,
                }
            };
            out.push(Variant {
                name,
                wire: Some(wire),
                doc: description(schema),
                shape,
            });
        }
        let repr = match (adjacent, others.iter().next()) {
            (true, Some(content)) => Repr::Adjacent {
                tag,
                content: (*content).to_owned(),
            },
            _ => Repr::Internal { tag },
        };
        Ok(Some(DefKind::Enum {
            repr,
            variants: out,
        }))
    }

    /// The single value of a one-value string enum at `ptr` (after refs).
    fn const_string(&self, ptr: &str) -> Option<String> {
        let (schema, _) = self.resolve(ptr).ok()?;
        match strings(schema)?.as_slice() {
            [Some(v)] => Some((*v).to_owned()),
            _ => None,
        }
    }

    /// Every variant a string enum or an object of exactly one required
    /// property: serde's externally tagged enum.
    fn external(
        &mut self,
        variants: &[(&'a Value, String)],
        hint: &str,
    ) -> Result<Option<DefKind>> {
        let fits = variants.iter().all(|(s, _)| {
            strings(s).is_some_and(|v| v.iter().all(Option::is_some))
                || properties(s).is_some_and(|p| {
                    p.len() == 1
                        && p.keys().all(|k| required(s).contains(k.as_str()))
                        && matches!(
                            s.get("additionalProperties"),
                            None | Some(Value::Bool(false))
                        )
                })
        });
        if !fits {
            return Ok(None);
        }
        let mut scope = Scope::default();
        let mut out = Vec::new();
        let mut wires = HashSet::new();
        for (schema, p) in variants {
            if let Some(values) = strings(schema) {
                for v in values.into_iter().flatten() {
                    if !wires.insert(v.to_owned()) {
                        return Ok(None);
                    }
                    out.push(Variant {
                        name: scope.claim(&camel(v)),
                        wire: Some(v.to_owned()),
                        doc: description(schema),
                        shape: Shape::Unit,
                    });
                }
                continue;
            }
            let Some((wire, _)) = properties(schema).and_then(|m| m.iter().next()) else {
                return Ok(None);
            };
            if !wires.insert(wire.clone()) {
                return Ok(None);
            }
            let name = scope.claim(&camel(wire));
            let ty = self.ty(
                &format!("{p}/properties/{}", escape_token(wire)),
                &format!("{hint}{name}"),
            )?;
            out.push(Variant {
                name,
                wire: Some(wire.clone()),
                doc: description(schema),
                shape: Shape::Newtype(ty),
            });
        }
        Ok(Some(DefKind::Enum {
            repr: Repr::External,
            variants: out,
        }))
    }

    /// Wraps in `Box` every by-value reference that closes a cycle, so
    /// recursive types have a size.
    pub fn box_cycles(&mut self) {
        let n = self.defs.len();
        let edges: Vec<Vec<usize>> = self.defs.iter().map(direct_refs).collect();
        let reaches = |from: usize, to: usize| {
            let mut stack = vec![from];
            let mut seen = vec![false; n];
            while let Some(x) = stack.pop() {
                if x == to {
                    return true;
                }
                if !std::mem::replace(&mut seen[x], true) {
                    stack.extend(edges[x].iter().copied());
                }
            }
            false
        };
        for (id, targets) in edges.iter().enumerate() {
            let cyclic: HashSet<usize> = targets
                .iter()
                .copied()
                .filter(|&t| reaches(t, id))
                .collect();
            if cyclic.is_empty() {
                continue;
            }
            let wrap = |ty: &mut Ty| box_direct(ty, &cyclic);
            match &mut self.defs[id].kind {
                DefKind::Struct { fields, .. } => fields.iter_mut().for_each(|f| wrap(&mut f.ty)),
                DefKind::Enum { variants, .. } => {
                    for v in variants {
                        match &mut v.shape {
                            Shape::Newtype(ty) => wrap(ty),
                            Shape::Struct(fields) => {
                                fields.iter_mut().for_each(|f| wrap(&mut f.ty))
                            }
                            Shape::Unit => {}
                        }
                    }
                }
                DefKind::Alias(_) | DefKind::Pending => {}
            }
        }
    }
}

/// Enum variants for string values, names made unique.
fn unit_variants<'v>(values: impl Iterator<Item = (&'v str, Option<String>)>) -> Vec<Variant> {
    let mut scope = Scope::default();
    let mut seen = HashSet::new();
    values
        .filter(|(v, _)| seen.insert(*v))
        .map(|(v, doc)| Variant {
            name: scope.claim(&if v.is_empty() {
                "Empty".to_owned()
            } else {
                camel(v)
            }),
            wire: Some(v.to_owned()),
            doc,
            shape: Shape::Unit,
        })
        .collect()
}

fn is_meta_only(schema: &Value) -> bool {
    schema.as_object().is_some_and(|m| {
        m.keys().all(|k| {
            matches!(
                k.as_str(),
                "description"
                    | "title"
                    | "nullable"
                    | "default"
                    | "example"
                    | "readOnly"
                    | "writeOnly"
                    | "deprecated"
                    | "externalDocs"
            ) || k.starts_with("x-")
        })
    })
}

fn kind_name(schema: &Value, i: usize) -> String {
    match schema.get("type").and_then(Value::as_str) {
        Some("string") => "String".into(),
        Some("integer") => "Integer".into(),
        Some("number") => "Number".into(),
        Some("boolean") => "Boolean".into(),
        Some("array") => "Array".into(),
        Some("object") => "Object".into(),
        _ => format!("Variant{i}"),
    }
}

/// Generated types held by value (not behind `Vec` or a map).
fn direct_refs(def: &Def) -> Vec<usize> {
    fn walk(ty: &Ty, out: &mut Vec<usize>) {
        match ty {
            Ty::Named(id) => out.push(*id),
            Ty::Option(inner) => walk(inner, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match &def.kind {
        DefKind::Struct { fields, .. } => fields.iter().for_each(|f| walk(&f.ty, &mut out)),
        DefKind::Enum { variants, .. } => {
            for v in variants {
                match &v.shape {
                    Shape::Newtype(ty) => walk(ty, &mut out),
                    Shape::Struct(fields) => fields.iter().for_each(|f| walk(&f.ty, &mut out)),
                    Shape::Unit => {}
                }
            }
        }
        DefKind::Alias(ty) => walk(ty, &mut out),
        DefKind::Pending => {}
    }
    out
}

fn box_direct(ty: &mut Ty, cyclic: &HashSet<usize>) {
    match ty {
        Ty::Named(id) if cyclic.contains(id) => {
            *ty = Ty::Boxed(Box::new(Ty::Named(*id)));
        }
        Ty::Option(inner) => box_direct(inner, cyclic),
        _ => {}
    }
}
