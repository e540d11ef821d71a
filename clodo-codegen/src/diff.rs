//! `cargo clodo diff`: what changed between two contracts, and which changes
//! break existing clients.
//!
//! Breaking: a removed operation, success status or response field; a new
//! required parameter or body field; a narrowed type, format or enum in a
//! request (or a widened one in a response, which a generated client cannot
//! decode); auth added or tightened (a public operation that now needs a
//! token, new `x-clodo-roles`). Everything else that differs is listed as
//! non-breaking.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::client::ClientError;

/// One difference between two contracts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Whether existing clients may break.
    pub breaking: bool,
    /// `METHOD /path`, or empty for document-wide changes.
    pub operation: String,
    /// Where in the operation: `parameter limit`, `request body .lines[].quantity`, `response 200 .status`.
    pub location: String,
    /// What changed.
    pub message: String,
}

/// The differences between `old` and `new`, breaking ones first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Every change.
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|c| c.breaking)
    }

    /// A plain-text listing.
    pub fn to_text(&self) -> String {
        if self.changes.is_empty() {
            return "no changes\n".into();
        }
        let mut out = String::new();
        for c in &self.changes {
            let tag = if c.breaking { "BREAKING" } else { "ok      " };
            let op = if c.operation.is_empty() {
                String::new()
            } else {
                format!("{} ", c.operation)
            };
            let loc = if c.location.is_empty() {
                String::new()
            } else {
                format!("{}: ", c.location)
            };
            out.push_str(&format!("{tag} {op}{loc}{}\n", c.message));
        }
        let breaking = self.changes.iter().filter(|c| c.breaking).count();
        out.push_str(&format!(
            "\n{breaking} breaking, {} non-breaking\n",
            self.changes.len() - breaking
        ));
        out
    }
}

/// Reads two documents (JSON or YAML) and compares them.
pub fn diff_texts(old: &str, new: &str) -> Result<Report, ClientError> {
    let old = crate::client::load_document(old)?;
    let new = crate::client::load_document(new)?;
    Ok(diff(&old, &new))
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

struct Ctx<'a> {
    old: &'a Value,
    new: &'a Value,
    changes: Vec<Change>,
    op: String,
    seen: HashSet<(String, String, bool)>,
}

impl Ctx<'_> {
    fn push(&mut self, breaking: bool, location: &str, message: String) {
        self.changes.push(Change {
            breaking,
            operation: self.op.clone(),
            location: location.to_owned(),
            message,
        });
    }
}

fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    let mut cur = v;
    for _ in 0..32 {
        match cur.get("$ref").and_then(Value::as_str) {
            Some(r) => match root.pointer(r.trim_start_matches('#')) {
                Some(next) => cur = next,
                None => return cur,
            },
            None => return cur,
        }
    }
    cur
}

/// Compares two loaded documents.
pub fn diff(old: &Value, new: &Value) -> Report {
    let mut cx = Ctx {
        old,
        new,
        changes: Vec::new(),
        op: String::new(),
        seen: HashSet::new(),
    };
    let empty = serde_json::Map::new();
    let old_paths = old
        .get("paths")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let new_paths = new
        .get("paths")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for (path, old_item) in old_paths {
        for m in METHODS {
            let Some(old_op) = old_item.get(*m) else {
                continue;
            };
            cx.op = format!("{} {path}", m.to_ascii_uppercase());
            match new_paths.get(path).and_then(|i| i.get(*m)) {
                None => cx.push(true, "", "operation removed".into()),
                Some(new_op) => {
                    let new_item = &new_paths[path];
                    operation(&mut cx, old_item, old_op, new_item, new_op);
                }
            }
        }
    }
    for (path, new_item) in new_paths {
        for m in METHODS {
            if new_item.get(*m).is_some() && old_paths.get(path).and_then(|i| i.get(*m)).is_none() {
                cx.op = format!("{} {path}", m.to_ascii_uppercase());
                cx.push(false, "", "operation added".into());
            }
        }
    }
    let mut changes = cx.changes;
    changes.sort_by_key(|c| !c.breaking);
    Report { changes }
}

/// Security alternatives: `None` when the operation is public.
fn requirements(root: &Value, op: &Value) -> Option<BTreeSet<BTreeSet<String>>> {
    let sec = op.get("security").or_else(|| root.get("security"))?;
    let alts: BTreeSet<BTreeSet<String>> = sec
        .as_array()?
        .iter()
        .map(|a| {
            a.as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        })
        .collect();
    if alts.is_empty() || alts.iter().any(BTreeSet::is_empty) {
        None
    } else {
        Some(alts)
    }
}

fn roles(op: &Value) -> BTreeSet<String> {
    op.get("x-clodo-roles")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn params(root: &Value, item: &Value, op: &Value) -> Vec<(String, String, Value)> {
    let mut out: Vec<(String, String, Value)> = Vec::new();
    for list in [item.get("parameters"), op.get("parameters")] {
        for p in list.and_then(Value::as_array).into_iter().flatten() {
            let p = resolve(root, p);
            let name = p
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let loc = p.get("in").and_then(Value::as_str).unwrap_or("").to_owned();
            out.retain(|(n, l, _)| !(n == &name && l == &loc));
            out.push((name, loc, p.clone()));
        }
    }
    out
}

fn operation(cx: &mut Ctx<'_>, old_item: &Value, old_op: &Value, new_item: &Value, new_op: &Value) {
    // Auth.
    match (requirements(cx.old, old_op), requirements(cx.new, new_op)) {
        (None, Some(_)) => cx.push(true, "auth", "now requires authentication".into()),
        (Some(_), None) => cx.push(false, "auth", "no longer requires authentication".into()),
        (Some(a), Some(b)) if !b.iter().all(|alt| a.contains(alt)) => cx.push(
            true,
            "auth",
            format!("security requirements changed from {a:?} to {b:?}"),
        ),
        _ => {}
    }
    let (old_roles, new_roles) = (roles(old_op), roles(new_op));
    if old_roles != new_roles {
        let tightened = !new_roles.is_empty()
            && (old_roles.is_empty()
                || !old_roles.is_superset(&new_roles)
                || new_roles.len() < old_roles.len());
        let msg = match (old_roles.is_empty(), new_roles.is_empty()) {
            (true, _) => format!("now requires role {}", join(&new_roles)),
            (_, true) => format!("no longer requires role {}", join(&old_roles)),
            _ => format!(
                "required roles changed from {} to {}",
                join(&old_roles),
                join(&new_roles)
            ),
        };
        cx.push(tightened, "auth", msg);
    }

    // Parameters.
    let old_params = params(cx.old, old_item, old_op);
    let new_params = params(cx.new, new_item, new_op);
    for (name, loc, np) in &new_params {
        let required = np.get("required").and_then(Value::as_bool) == Some(true);
        let at = format!("{loc} parameter {name}");
        match old_params.iter().find(|(n, l, _)| n == name && l == loc) {
            None if required => cx.push(true, &at, "new required parameter".into()),
            None => cx.push(false, &at, "new optional parameter".into()),
            Some((_, _, op)) => {
                let was = op.get("required").and_then(Value::as_bool) == Some(true);
                if required && !was {
                    cx.push(true, &at, "became required".into());
                }
                if let (Some(a), Some(b)) = (op.get("schema"), np.get("schema")) {
                    schema(cx, a, b, Side::Request, &at);
                }
            }
        }
    }
    for (name, loc, _) in &old_params {
        if !new_params.iter().any(|(n, l, _)| n == name && l == loc) {
            cx.push(
                false,
                &format!("{loc} parameter {name}"),
                "parameter removed (now ignored)".into(),
            );
        }
    }

    // Request body.
    let ob = old_op.get("requestBody").map(|b| resolve(cx.old, b));
    let nb = new_op.get("requestBody").map(|b| resolve(cx.new, b));
    let body_required = |b: &Value| b.get("required").and_then(Value::as_bool) == Some(true);
    match (ob, nb) {
        (None, Some(b)) if body_required(b) => {
            cx.push(true, "request body", "new required request body".into())
        }
        (None, Some(_)) => cx.push(false, "request body", "new optional request body".into()),
        (Some(_), None) => cx.push(false, "request body", "request body removed".into()),
        (Some(a), Some(b)) => {
            if body_required(b) && !body_required(a) {
                cx.push(true, "request body", "became required".into());
            }
            if let (Some(sa), Some(sb)) = (json_schema(a), json_schema(b)) {
                schema(cx, sa, sb, Side::Request, "request body");
            }
        }
        (None, None) => {}
    }

    // Responses.
    let empty = serde_json::Map::new();
    let old_resp = old_op
        .get("responses")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let new_resp = new_op
        .get("responses")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for (code, r) in old_resp {
        let success = code.starts_with('2');
        let at = format!("response {code}");
        match new_resp.get(code) {
            None if success => cx.push(true, &at, "success response removed".into()),
            None => cx.push(false, &at, "response removed".into()),
            Some(nr) => {
                let (a, b) = (resolve(cx.old, r), resolve(cx.new, nr));
                match (json_schema(a), json_schema(b)) {
                    (Some(sa), Some(sb)) => schema(cx, sa, sb, Side::Response, &at),
                    (Some(_), None) if success => cx.push(true, &at, "body removed".into()),
                    (None, Some(_)) if success => cx.push(false, &at, "body added".into()),
                    _ => {}
                }
            }
        }
    }
    for code in new_resp.keys() {
        if !old_resp.contains_key(code) {
            let success = code.starts_with('2');
            let msg = if success {
                "new success response (clients may not expect it)"
            } else {
                "new response"
            };
            cx.push(
                success && !old_resp.keys().any(|c| c.starts_with('2')),
                &format!("response {code}"),
                msg.into(),
            );
        }
    }
}

fn join(s: &BTreeSet<String>) -> String {
    s.iter().cloned().collect::<Vec<_>>().join(", ")
}

fn json_schema(body: &Value) -> Option<&Value> {
    let content = body.get("content")?.as_object()?;
    let (_, media) = content
        .iter()
        .find(|(m, _)| m.contains("json"))
        .or_else(|| content.iter().next())?;
    media.get("schema")
}

fn type_of(s: &Value) -> Option<&str> {
    s.get("type").and_then(Value::as_str)
}

fn enum_values(s: &Value) -> Option<BTreeSet<String>> {
    Some(
        s.get("enum")?
            .as_array()?
            .iter()
            .map(|v| v.to_string())
            .collect(),
    )
}

fn schema(cx: &mut Ctx<'_>, old: &Value, new: &Value, side: Side, at: &str) {
    let key = (
        old.get("$ref")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        new.get("$ref")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        side == Side::Request,
    );
    if !key.0.is_empty() && !key.1.is_empty() && !cx.seen.insert(key) {
        return; // Already compared (and recursive schemas end here).
    }
    let (o, n) = (resolve(cx.old, old), resolve(cx.new, new));
    let req = side == Side::Request;
    let nullable = |s: &Value| s.get("nullable").and_then(Value::as_bool) == Some(true);
    if nullable(o) && !nullable(n) && req {
        cx.push(true, at, "no longer accepts null".into());
    } else if !nullable(o) && nullable(n) && !req {
        cx.push(true, at, "may now be null".into());
    }
    match (type_of(o), type_of(n)) {
        (Some(a), Some(b)) if a != b => {
            let widened = a == "integer" && b == "number";
            let ok = if req {
                widened
            } else {
                a == "number" && b == "integer"
            };
            cx.push(!ok, at, format!("type changed from {a} to {b}"));
            return;
        }
        _ => {}
    }
    let fmt = |s: &Value| s.get("format").and_then(Value::as_str).map(str::to_owned);
    if fmt(o) != fmt(n) {
        cx.push(
            true,
            at,
            format!(
                "format changed from {} to {}",
                fmt(o).unwrap_or_else(|| "none".into()),
                fmt(n).unwrap_or_else(|| "none".into())
            ),
        );
    }
    if let (Some(a), Some(b)) = (enum_values(o), enum_values(n)) {
        let removed: Vec<_> = a.difference(&b).cloned().collect();
        let added: Vec<_> = b.difference(&a).cloned().collect();
        if !removed.is_empty() {
            cx.push(
                req,
                at,
                format!("enum values removed: {}", removed.join(", ")),
            );
        }
        if !added.is_empty() {
            let why = if req {
                ""
            } else {
                " (clients with closed enums cannot decode them)"
            };
            cx.push(
                !req,
                at,
                format!("enum values added: {}{why}", added.join(", ")),
            );
        }
    } else if enum_values(n).is_some() && enum_values(o).is_none() && req {
        cx.push(true, at, "now restricted to an enum".into());
    }
    // Objects.
    let props = |s: &Value| {
        s.get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let required = |s: &Value| -> BTreeSet<String> {
        s.get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let (op, np) = (props(o), props(n));
    let (or, nr) = (required(o), required(n));
    for (name, ns) in &np {
        let fat = format!("{at} .{name}");
        match op.get(name) {
            None if req && nr.contains(name) => cx.push(true, &fat, "new required field".into()),
            None => cx.push(false, &fat, "new field".into()),
            Some(os) => {
                if req && nr.contains(name) && !or.contains(name) {
                    cx.push(true, &fat, "became required".into());
                }
                if !req && or.contains(name) && !nr.contains(name) {
                    cx.push(true, &fat, "no longer always present".into());
                }
                schema(cx, os, ns, side, &fat);
            }
        }
    }
    for name in op.keys() {
        if !np.contains_key(name) {
            let fat = format!("{at} .{name}");
            if req {
                cx.push(false, &fat, "field removed (now ignored)".into());
            } else {
                cx.push(true, &fat, "field removed".into());
            }
        }
    }
    // Arrays.
    if let (Some(a), Some(b)) = (o.get("items"), n.get("items")) {
        schema(cx, a, b, side, &format!("{at}[]"));
    }
    // Maps.
    if let (Some(a @ Value::Object(_)), Some(b @ Value::Object(_))) =
        (o.get("additionalProperties"), n.get("additionalProperties"))
    {
        schema(cx, a, b, side, &format!("{at}{{*}}"));
    }
    // Compositions: variants by reference name (or position).
    for key in ["oneOf", "anyOf"] {
        let names = |s: &Value| -> BTreeSet<String> {
            s.get(key)
                .and_then(Value::as_array)
                .map(|v| {
                    v.iter()
                        .enumerate()
                        .map(|(i, x)| {
                            x.get("$ref")
                                .and_then(Value::as_str)
                                .map(str::to_owned)
                                .unwrap_or_else(|| format!("#{i}"))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let (a, b) = (names(o), names(n));
        let removed: Vec<_> = a.difference(&b).cloned().collect();
        let added: Vec<_> = b.difference(&a).cloned().collect();
        if !removed.is_empty() {
            cx.push(
                req,
                at,
                format!("{key} variants removed: {}", removed.join(", ")),
            );
        }
        if !added.is_empty() {
            cx.push(
                !req,
                at,
                format!("{key} variants added: {}", added.join(", ")),
            );
        }
    }
    if let (Some(a), Some(b)) = (
        o.get("allOf").and_then(Value::as_array),
        n.get("allOf").and_then(Value::as_array),
    ) && a.len() == b.len()
    {
        for (x, y) in a.iter().zip(b) {
            schema(cx, x, y, side, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(paths: Value, schemas: Value) -> Value {
        json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths,
               "components": {"schemas": schemas}})
    }

    fn order_schema(extra_required: &[&str]) -> Value {
        let mut req = vec!["id", "status"];
        req.extend_from_slice(extra_required);
        json!({"type": "object", "required": req, "properties": {
            "id": {"type": "integer", "format": "int64"},
            "status": {"type": "string", "enum": ["placed", "ready"]},
            "note": {"type": "string"}}})
    }

    fn base() -> Value {
        doc(
            json!({
                "/orders": {
                    "post": {"operationId": "place", "security": [{"bearerAuth": []}],
                        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewOrder"}}}},
                        "responses": {"201": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}}},
                    "get": {"operationId": "list", "security": [],
                        "parameters": [{"in": "query", "name": "date", "required": false, "schema": {"type": "string"}}],
                        "responses": {"200": {"description": "ok"}}}
                }
            }),
            json!({
                "Order": order_schema(&[]),
                "NewOrder": {"type": "object", "required": ["lines"], "properties": {
                    "lines": {"type": "array", "items": {"type": "integer"}},
                    "kind": {"type": "string", "enum": ["pickup", "delivery"]}}}
            }),
        )
    }

    #[test]
    fn identical_documents_have_no_changes() {
        let r = diff(&base(), &base());
        assert!(r.changes.is_empty(), "{:?}", r.changes);
        assert!(!r.is_breaking());
    }

    #[test]
    fn finds_breaking_changes() {
        let old = base();
        let mut new = base();
        // A removed operation.
        new["paths"]["/orders"]
            .as_object_mut()
            .expect("obj")
            .remove("post");
        let r = diff(&old, &new);
        assert!(r.is_breaking());
        assert_eq!(r.changes[0].message, "operation removed");

        // Auth added to a public operation; a new required parameter; roles.
        let mut new = base();
        new["paths"]["/orders"]["get"]["security"] = json!([{"bearerAuth": []}]);
        new["paths"]["/orders"]["get"]["x-clodo-roles"] = json!(["staff"]);
        new["paths"]["/orders"]["get"]["parameters"][0]["required"] = json!(true);
        let text = diff(&old, &new).to_text();
        assert!(
            text.contains("BREAKING GET /orders auth: now requires authentication"),
            "{text}"
        );
        assert!(text.contains("now requires role staff"), "{text}");
        assert!(
            text.contains("query parameter date: became required"),
            "{text}"
        );

        // Response field removed; enum narrowed in a request; new required body field.
        let mut new = base();
        new["components"]["schemas"]["Order"]["properties"]
            .as_object_mut()
            .expect("obj")
            .remove("note");
        new["components"]["schemas"]["NewOrder"]["properties"]["kind"]["enum"] = json!(["pickup"]);
        new["components"]["schemas"]["NewOrder"]["required"] = json!(["lines", "kind"]);
        new["components"]["schemas"]["NewOrder"]["properties"]["lines"]["items"]["type"] =
            json!("string");
        let r = diff(&old, &new);
        let text = r.to_text();
        assert!(text.contains("response 201 .note: field removed"), "{text}");
        assert!(
            text.contains("request body .kind: enum values removed: \"delivery\""),
            "{text}"
        );
        assert!(
            text.contains("request body .kind: became required"),
            "{text}"
        );
        assert!(
            text.contains("request body .lines[]: type changed from integer to string"),
            "{text}"
        );
        assert!(r.changes.iter().all(|c| c.breaking), "{text}");
    }

    #[test]
    fn finds_non_breaking_changes() {
        let old = base();
        let mut new = base();
        new["paths"]["/menu"] = json!({"get": {"responses": {"200": {"description": "ok"}}}});
        new["components"]["schemas"]["Order"]["properties"]["ready_at"] = json!({"type": "string"});
        new["components"]["schemas"]["NewOrder"]["properties"]["kind"]["enum"] =
            json!(["pickup", "delivery", "post"]);
        new["paths"]["/orders"]["post"]["security"] = json!([]);
        let r = diff(&old, &new);
        assert!(!r.is_breaking(), "{}", r.to_text());
        assert_eq!(r.changes.len(), 4, "{}", r.to_text());
        let json = serde_json::to_value(&r).expect("serializes");
        assert_eq!(json["changes"][0]["breaking"], false);
    }
}
