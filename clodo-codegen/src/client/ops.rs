//! Operations of the document: one client method each, with its
//! parameters, body, success and error types and security requirements.

use serde_json::Value;

use super::ClientError;
use super::load::escape_token;
use super::model::{Prim, Ty};
use super::names::{Scope, camel, snake};
use super::types::TypeSpace;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Client method names that generated operations must not take.
pub const RESERVED_METHODS: &[&str] = &[
    "new",
    "builder",
    "base_url",
    "clone",
    "default",
    "fmt",
    "eq",
    "ne",
    "hash",
    "drop",
    "deref",
    "from",
    "into",
    "next",
    "add",
    "sub",
    "mul",
    "div",
    "neg",
    "not",
    "index",
    "from_str",
    "as_ref",
    "borrow",
    "to_owned",
    "to_string",
    "inner",
];

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

/// One parameter of an operation.
#[derive(Debug, Clone)]
pub struct Param {
    /// Rust argument name.
    pub name: String,
    /// Name in the document.
    pub wire: String,
    /// Where it goes.
    pub location: In,
    /// Its type (`Option` when not required).
    pub ty: Ty,
    /// Doc text.
    pub doc: Option<String>,
    /// A query array as one comma-separated value (`style: form, explode:
    /// false`) instead of the name repeated (the default).
    pub comma_separated: bool,
}

/// A body as encoded on the wire.
#[derive(Debug, Clone)]
pub enum BodyKind {
    /// JSON of a type.
    Json(Ty),
    /// A form of a type.
    Form(Ty),
    /// `multipart/form-data` of an object type: one part per field; the
    /// named fields (`format: binary`) are sent as files.
    Multipart(Ty, Vec<String>),
    /// Text.
    Text,
    /// Bytes.
    Bytes,
}

impl BodyKind {
    /// Whether the body's own type is an `Option` (a nullable schema).
    pub fn is_option(&self) -> bool {
        matches!(self, BodyKind::Json(ty) | BodyKind::Form(ty) | BodyKind::Multipart(ty, _) if ty.is_option())
    }
}

/// The request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// Rust argument name.
    pub name: String,
    /// Encoding.
    pub kind: BodyKind,
    /// Content type sent.
    pub content_type: String,
    /// Whether it must be sent.
    pub required: bool,
}

/// A response status pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusPat {
    /// One code.
    Code(u16),
    /// `4XX` is `Range(4)`.
    Range(u16),
    /// `default`.
    Default,
}

/// What a successful answer carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// Nothing.
    Empty,
    /// JSON of a type.
    Json(Ty),
    /// Text.
    Text,
    /// Bytes.
    Bytes,
}

/// One operation.
#[derive(Debug, Clone)]
pub struct Op {
    /// Rust method name.
    pub name: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Doc text.
    pub doc: Option<String>,
    /// Parameters, path ones first in template order.
    pub params: Vec<Param>,
    /// The body, if any.
    pub body: Option<Body>,
    /// Success type.
    pub success: Success,
    /// Statuses that are successes.
    pub ok: Vec<StatusPat>,
    /// Error body type, if documented.
    pub error: Option<Ty>,
    /// Statuses that are errors.
    pub err: Vec<StatusPat>,
    /// Security alternatives (each a set of scheme names).
    pub security: Vec<Vec<String>>,
    /// Whether it is deprecated.
    pub deprecated: bool,
}

type Result<T> = std::result::Result<T, ClientError>;

fn invalid(pointer: &str, message: impl Into<String>) -> ClientError {
    ClientError::Invalid {
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}

/// Follows a `$ref` (if any) to the object it names, returning it and its pointer.
fn deref<'v>(root: &'v Value, v: &'v Value, ptr: String) -> Result<(&'v Value, String)> {
    let mut cur = (v, ptr);
    for _ in 0..16 {
        match cur.0.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let target = super::load::percent_decode(r.trim_start_matches('#'));
                let next = root
                    .pointer(&target)
                    .ok_or_else(|| invalid(&cur.1, format!("{r:?} does not resolve")))?;
                cur = (next, target);
            }
            None => return Ok(cur),
        }
    }
    Err(invalid(&cur.1, "references form a cycle"))
}

/// Whether a schema describes structured data (an object, an array, a
/// number, a boolean, a combination) rather than a body of text or bytes
/// (`type: string`, any format). Follows local `$ref`s.
fn is_structured(root: &Value, schema: &Value) -> bool {
    let Ok((s, _)) = deref(root, schema, String::new()) else {
        return false;
    };
    let Some(obj) = s.as_object() else {
        return false;
    };
    match obj.get("type") {
        Some(Value::String(t)) => t != "string",
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t != "string" && t != "null")),
        _ => [
            "properties",
            "items",
            "allOf",
            "oneOf",
            "anyOf",
            "additionalProperties",
        ]
        .iter()
        .any(|k| obj.contains_key(*k)),
    }
}

/// The properties of an object schema (after local `$ref`s and `allOf`)
/// that hold files: `type: string` with `format: binary` (or OpenAPI 3.1's
/// `contentMediaType`/`contentEncoding`), alone or as array items.
fn binary_properties(root: &Value, schema: &Value) -> Vec<String> {
    fn follow<'v>(root: &'v Value, s: &'v Value) -> &'v Value {
        deref(root, s, String::new()).map_or(s, |(t, _)| t)
    }
    fn is_file(root: &Value, s: &Value) -> bool {
        let s = follow(root, s);
        let binary = s.get("format").and_then(Value::as_str) == Some("binary")
            || s.get("contentMediaType").is_some()
            || s.get("contentEncoding").is_some();
        binary || s.get("items").is_some_and(|i| is_file(root, i))
    }
    let s = follow(root, schema);
    let mut out = Vec::new();
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        for (name, p) in props {
            if is_file(root, p) {
                out.push(name.clone());
            }
        }
    }
    for part in s
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.extend(binary_properties(root, part));
    }
    out
}

fn is_json(media: &str) -> bool {
    let m = media.split(';').next().unwrap_or("").trim();
    m == "application/json" || m.ends_with("+json") || m == "*/*json"
}

/// Every operation of the document, in document order.
pub fn operations(root: &Value, types: &mut TypeSpace<'_>) -> Result<Vec<Op>> {
    let mut ops = Vec::new();
    let mut scope = Scope::with_reserved(RESERVED_METHODS);
    let global_security = security(root.get("security"));
    let Some(paths) = root.get("paths").and_then(Value::as_object) else {
        return Ok(ops);
    };
    for (path, item) in paths {
        let item_ptr = format!("/paths/{}", escape_token(path));
        for method in METHODS {
            let Some(op) = item.get(*method) else {
                continue;
            };
            let op_ptr = format!("{item_ptr}/{method}");
            let wanted = match op.get("operationId").and_then(Value::as_str) {
                Some(id) => snake(id),
                None => generated_name(method, path),
            };
            let name = scope.claim(&wanted);
            let hint = camel(&name);
            let mut op = operation(
                root, types, item, op, &item_ptr, &op_ptr, path, method, name, &hint,
            )?;
            if op.security.is_empty() && !has_own_security(root, &op_ptr) {
                op.security = global_security.clone();
            }
            ops.push(op);
        }
    }
    Ok(ops)
}

fn has_own_security(root: &Value, op_ptr: &str) -> bool {
    root.pointer(&format!("{op_ptr}/security")).is_some()
}

fn security(v: Option<&Value>) -> Vec<Vec<String>> {
    v.and_then(Value::as_array)
        .map(|alts| {
            alts.iter()
                .map(|alt| {
                    alt.as_object()
                        .map(|m| m.keys().cloned().collect())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `get_pets_pet_id` for `GET /pets/{petId}`: stable across runs.
fn generated_name(method: &str, path: &str) -> String {
    let words: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| snake(s.trim_matches(|c| c == '{' || c == '}')))
        .collect();
    if words.is_empty() {
        format!("{method}_root")
    } else {
        format!("{method}_{}", words.join("_"))
    }
}

#[allow(clippy::too_many_arguments)]
fn operation(
    root: &Value,
    types: &mut TypeSpace<'_>,
    item: &Value,
    op: &Value,
    item_ptr: &str,
    op_ptr: &str,
    path: &str,
    method: &str,
    name: String,
    hint: &str,
) -> Result<Op> {
    // Parameters: path-level ones, overridden by operation-level ones of the same name and place.
    let mut raw: Vec<(&Value, String)> = Vec::new();
    for (base, list) in [
        (format!("{item_ptr}/parameters"), item.get("parameters")),
        (format!("{op_ptr}/parameters"), op.get("parameters")),
    ] {
        for (i, p) in list
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let (p, ptr) = deref(root, p, format!("{base}/{i}"))?;
            let key = |v: &Value| {
                (
                    v.get("name").and_then(Value::as_str).map(str::to_owned),
                    v.get("in").and_then(Value::as_str).map(str::to_owned),
                )
            };
            let k = key(p);
            raw.retain(|(q, _)| key(q) != k);
            raw.push((p, ptr));
        }
    }
    let template = super::load::template_params(path).map_err(|m| invalid(item_ptr, m))?;
    raw.sort_by_key(|(p, _)| {
        let n = p.get("name").and_then(Value::as_str).unwrap_or("");
        match p.get("in").and_then(Value::as_str) {
            Some("path") => (
                0,
                template.iter().position(|t| t == n).unwrap_or(usize::MAX),
            ),
            _ => (1, 0),
        }
    });
    let mut scope = Scope::default();
    let mut params = Vec::new();
    for (p, ptr) in raw {
        let wire = p
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid(&ptr, "a parameter needs a `name`"))?;
        let location = match p.get("in").and_then(Value::as_str) {
            Some("path") => In::Path,
            Some("query") => In::Query,
            Some("header") => In::Header,
            Some("cookie") => In::Cookie,
            other => {
                return Err(invalid(
                    &format!("{ptr}/in"),
                    format!("`in` must be path, query, header or cookie, not {other:?}"),
                ));
            }
        };
        if location == In::Header
            && ["accept", "content-type"].contains(&wire.to_ascii_lowercase().as_str())
        {
            continue;
        }
        let phint = format!("{hint}{}", camel(wire));
        let ty = if p.get("schema").is_some() {
            types.ty(&format!("{ptr}/schema"), &phint)?
        } else if let Some((media, _)) = p
            .get("content")
            .and_then(Value::as_object)
            .and_then(|c| c.iter().next())
        {
            types.ty(
                &format!("{ptr}/content/{}/schema", escape_token(media)),
                &phint,
            )?
        } else {
            Ty::Prim(Prim::String)
        };
        let required =
            location == In::Path || p.get("required").and_then(Value::as_bool) == Some(true);
        // OpenAPI 3.0: query parameters are `style: form`, exploded unless
        // `explode: false` (which joins an array's items with commas).
        let style = p.get("style").and_then(Value::as_str).unwrap_or("form");
        let comma_separated = location == In::Query
            && style == "form"
            && p.get("explode").and_then(Value::as_bool) == Some(false);
        params.push(Param {
            name: scope.claim(&snake(wire)),
            wire: wire.to_owned(),
            location,
            ty: if required { ty } else { ty.optional() },
            doc: p
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_owned),
            comma_separated,
        });
    }
    let body = match op.get("requestBody") {
        Some(b) => {
            let (b, ptr) = deref(root, b, format!("{op_ptr}/requestBody"))?;
            request_body(types, b, &ptr, hint, &mut scope)?
        }
        None => None,
    };
    let (success, ok, error, err) = responses(root, types, op, op_ptr, hint)?;
    let doc = [op.get("summary"), op.get("description")]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
    let mut doc = doc.join("\n\n");
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("Sends `{} {path}`.", method.to_ascii_uppercase()));
    Ok(Op {
        name,
        method: method.to_ascii_uppercase(),
        path: path.to_owned(),
        doc: Some(doc),
        params,
        body,
        success,
        ok,
        error,
        err,
        security: security(op.get("security")),
        deprecated: op.get("deprecated").and_then(Value::as_bool) == Some(true),
    })
}

fn request_body(
    types: &mut TypeSpace<'_>,
    b: &Value,
    ptr: &str,
    hint: &str,
    scope: &mut Scope,
) -> Result<Option<Body>> {
    let Some(content) = b.get("content").and_then(Value::as_object) else {
        return Err(invalid(ptr, "a request body needs `content`"));
    };
    let pick = content
        .keys()
        .find(|m| is_json(m))
        .or_else(|| {
            content
                .keys()
                .find(|m| m.starts_with("application/x-www-form-urlencoded"))
        })
        .or_else(|| content.keys().next());
    let Some(media) = pick else {
        return Ok(None);
    };
    let schema_ptr = format!("{ptr}/content/{}/schema", escape_token(media));
    let has_schema = content[media].get("schema").is_some();
    let bhint = format!("{hint}Body");
    let kind = if is_json(media) {
        BodyKind::Json(if has_schema {
            types.ty(&schema_ptr, &bhint)?
        } else {
            Ty::Prim(Prim::Value)
        })
    } else if media.starts_with("application/x-www-form-urlencoded") && has_schema {
        BodyKind::Form(types.ty(&schema_ptr, &bhint)?)
    } else if media.starts_with("multipart/form-data") && has_schema {
        let schema = content[media].get("schema").unwrap_or(&Value::Null);
        BodyKind::Multipart(
            types.ty(&schema_ptr, &bhint)?,
            binary_properties(types.root(), schema),
        )
    } else if media.starts_with("text/") {
        BodyKind::Text
    } else {
        BodyKind::Bytes
    };
    Ok(Some(Body {
        name: scope.claim("body"),
        kind,
        content_type: media.clone(),
        required: b.get("required").and_then(Value::as_bool) == Some(true),
    }))
}

type Outcome = (Success, Vec<StatusPat>, Option<Ty>, Vec<StatusPat>);

fn responses(
    root: &Value,
    types: &mut TypeSpace<'_>,
    op: &Value,
    op_ptr: &str,
    hint: &str,
) -> Result<Outcome> {
    let rptr = format!("{op_ptr}/responses");
    let Some(map) = op.get("responses").and_then(Value::as_object) else {
        return Err(invalid(&rptr, "an operation needs `responses`"));
    };
    let mut parsed = Vec::new();
    for (code, resp) in map {
        let here = format!("{rptr}/{}", escape_token(code));
        let pat = if code == "default" {
            StatusPat::Default
        } else if let Ok(n) = code.parse::<u16>() {
            StatusPat::Code(n)
        } else if code.len() == 3 && code[1..].eq_ignore_ascii_case("xx") {
            match code[..1].parse::<u16>() {
                Ok(n) => StatusPat::Range(n),
                Err(_) => return Err(invalid(&here, format!("{code:?} is not a status code"))),
            }
        } else {
            return Err(invalid(&here, format!("{code:?} is not a status code")));
        };
        let (resp, ptr) = deref(root, resp, here)?;
        parsed.push((pat, resp, ptr));
    }
    let success_status = |p: &StatusPat| match p {
        StatusPat::Code(c) => *c < 400,
        StatusPat::Range(r) => *r < 4,
        StatusPat::Default => false,
    };
    let explicit_success = parsed.iter().any(|(p, _, _)| success_status(p));
    let mut ok = Vec::new();
    let mut err = Vec::new();
    let mut ok_kinds: Vec<Success> = Vec::new();
    let mut err_types: Vec<Ty> = Vec::new();
    let mut any_empty_ok = false;
    for (pat, resp, ptr) in &parsed {
        let is_ok = success_status(pat) || (*pat == StatusPat::Default && !explicit_success);
        let is_err = !success_status(pat);
        let suffix = if is_ok { "Response" } else { "Error" };
        let kind = body_kind(types, resp, ptr, &format!("{hint}{suffix}"))?;
        if is_ok {
            ok.push(*pat);
            match &kind {
                Success::Empty => any_empty_ok = true,
                k if !ok_kinds.contains(k) => ok_kinds.push(k.clone()),
                _ => {}
            }
        }
        if is_err {
            err.push(*pat);
            if let Success::Json(ty) = kind
                && !err_types.contains(&ty)
            {
                err_types.push(ty);
            }
        }
    }
    if parsed.is_empty() {
        // No responses documented (against the rules, but common for downloads).
        return Ok((Success::Bytes, vec![StatusPat::Range(2)], None, Vec::new()));
    }
    let success = match ok_kinds.as_slice() {
        [] => Success::Empty,
        [Success::Json(ty)] if any_empty_ok => Success::Json(ty.clone().optional()),
        [one] => one.clone(),
        _ => Success::Json(Ty::Prim(Prim::Value)),
    };
    let error = match err_types.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ => Some(Ty::Prim(Prim::Value)),
    };
    Ok((success, ok, error, err))
}

fn body_kind(types: &mut TypeSpace<'_>, resp: &Value, ptr: &str, hint: &str) -> Result<Success> {
    let Some(content) = resp.get("content").and_then(Value::as_object) else {
        return Ok(Success::Empty);
    };
    // JSON media first; then any other media type (`*/*`, `application/*`,
    // a vendor type) whose schema describes structured data: JSON is the one
    // encoding of such a schema the client can decode, so the declared type
    // is returned rather than raw bytes.
    let media = content.keys().find(|m| is_json(m)).or_else(|| {
        content.keys().find(|m| {
            content[m.as_str()]
                .get("schema")
                .is_some_and(|s| is_structured(types.root(), s))
        })
    });
    if let Some(media) = media {
        return Ok(Success::Json(if content[media].get("schema").is_some() {
            types.ty(
                &format!("{ptr}/content/{}/schema", escape_token(media)),
                hint,
            )?
        } else {
            Ty::Prim(Prim::Value)
        }));
    }
    Ok(match content.keys().next() {
        None => Success::Empty,
        Some(m) if m.starts_with("text/") => Success::Text,
        Some(_) => Success::Bytes,
    })
}
