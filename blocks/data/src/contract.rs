//! The data block's part of the contract, generated from the schema: the
//! generic `/{model}` operations are replaced by operations per model, with
//! one component schema per model (and its input, patch and list forms).

use std::sync::Arc;

use openapiv3::{OpenAPI, PathItem, ReferenceOr};
use serde_json::{Map, Value as J, json};

use super::query::{DEFAULT_LIMIT, MAX_IN_VALUES, MAX_LIMIT, MAX_PAGE, MAX_SORT_KEYS, OPERATORS};
use clodo_sdk::db::MAX_SAFE_INTEGER;

/// An integer column or id: D1 stores ±(2^53 − 1) exactly, and the data
/// block refuses anything beyond (400 or 422), so the schema says so.
fn int64() -> J {
    json!({"type": "integer", "format": "int64", "minimum": -MAX_SAFE_INTEGER, "maximum": MAX_SAFE_INTEGER})
}
use super::record::{Col, MAX_OWNER_ID};
use super::schema::{Access, Field, FieldType, Model, Schema};

/// `order_lines` → `OrderLines`.
pub(crate) fn pascal(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn field_schema(f: &Field, nullable: bool) -> J {
    let mut s = match f.ty {
        FieldType::Text => json!({"type": "string"}),
        FieldType::Integer => int64(),
        FieldType::Real => json!({"type": "number", "format": "double"}),
        FieldType::Boolean => json!({"type": "boolean"}),
        FieldType::Timestamp => json!({"type": "string", "format": "date-time"}),
        FieldType::Json => json!({}),
    };
    let Some(o) = s.as_object_mut() else {
        return s;
    };
    let mut doc = f.description.clone().unwrap_or_default();
    if let Some(target) = &f.belongs_to {
        if !doc.is_empty() {
            doc.push(' ');
        }
        doc.push_str(&format!("The id of a `{target}` record."));
    }
    if f.ty == FieldType::Json && doc.is_empty() {
        doc.push_str("Any JSON value.");
    }
    if !doc.is_empty() {
        o.insert("description".into(), doc.into());
    }
    if nullable && f.ty != FieldType::Json {
        o.insert("nullable".into(), true.into());
    }
    let num = |v: f64| -> J {
        if f.ty == FieldType::Integer {
            J::from(v as i64)
        } else {
            J::from(v)
        }
    };
    // A field's own bounds replace the integer range (they lie within it).
    if let Some(v) = f.min {
        o.insert("minimum".into(), num(v));
    }
    if let Some(v) = f.max {
        o.insert("maximum".into(), num(v));
    }
    if let Some(v) = f.min_length {
        o.insert("minLength".into(), v.into());
    }
    if let Some(v) = f.max_length {
        o.insert("maxLength".into(), v.into());
    }
    if let Some(p) = &f.pattern {
        o.insert("pattern".into(), p.source.clone().into());
    }
    if !f.choices.is_empty() {
        let mut choices = f.choices.clone();
        // OpenAPI 3.0: `nullable` does not add null to an `enum`; the enum must.
        if nullable {
            choices.push(J::Null);
        }
        o.insert("enum".into(), choices.into());
    }
    if let Some(d) = &f.default {
        o.insert("default".into(), d.clone());
    }
    s
}

fn owner_schema() -> J {
    json!({"type": "string", "nullable": true, "minLength": 1, "maxLength": MAX_OWNER_ID,
           "description": "The user the record belongs to: its creator unless staff or admin set it (others get 403 for giving it)."})
}

/// A record as stored (`partial`: as `fields=` selects it, where every
/// field but `id` may be left out).
fn record_schema(m: &Model, partial: bool) -> J {
    let mut props = Map::new();
    let mut id = int64();
    id["description"] = "Assigned by the server.".into();
    props.insert("id".into(), id);
    props.insert("owner_id".into(), owner_schema());
    props.insert(
        "created_at".into(),
        json!({"type": "string", "format": "date-time", "description": "When it was created."}),
    );
    props.insert(
        "updated_at".into(),
        json!({"type": "string", "format": "date-time", "description": "When it last changed."}),
    );
    let mut required: Vec<J> = if partial {
        vec!["id".into()]
    } else {
        ["id", "created_at", "updated_at"].map(J::from).into()
    };
    for f in &m.fields {
        props.insert(f.name.clone(), field_schema(f, !f.required));
        if f.required && !partial {
            required.push(f.name.clone().into());
        }
    }
    let mut s = json!({"type": "object", "properties": props, "required": required});
    let doc = if partial {
        let whole = pascal(&m.name);
        Some(format!(
            "A `{}` record as reads answer it: the fields `fields` names (`id` always), \
             or, without `fields`, every field, as in `{whole}`.",
            m.name
        ))
    } else {
        m.description.clone()
    };
    if let Some(d) = doc {
        s["description"] = d.into();
    }
    s
}

/// `fields`: comma-separated names of the model's columns, exactly (a
/// pattern, so generated clients keep a plain string); anything else is
/// refused with 400.
fn fields_param(m: &Model) -> J {
    let names: Vec<&str> = Col::all(m).iter().map(|c| c.name(m)).collect();
    let one = format!("(?:{})", names.join("|"));
    json!({"name": "fields", "in": "query", "required": false,
           "description": format!("Comma-separated fields to return (`id` always is): {}.", names.join(", ")),
           "schema": {"type": "string", "pattern": format!("^{one}(?:,{one})*$")}})
}

fn input_schema(m: &Model, patch: bool) -> J {
    let mut props = Map::new();
    let mut required = Vec::<J>::new();
    for f in &m.fields {
        props.insert(f.name.clone(), field_schema(f, !f.required));
        if !patch && f.required && f.default.is_none() {
            required.push(f.name.clone().into());
        }
    }
    props.insert("owner_id".into(), owner_schema());
    let what = if patch {
        "The fields to change; the others stay as they are."
    } else {
        "A whole record; fields left out get their default, or null."
    };
    let mut s = json!({"type": "object", "description": what, "properties": props, "additionalProperties": false});
    if !required.is_empty() {
        s["required"] = required.into();
    }
    s
}

fn param(name: &str, description: &str, schema: J) -> J {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

fn column_param_schema(m: &Model, col: Col) -> J {
    match col.ty(m) {
        FieldType::Integer => int64(),
        FieldType::Real => json!({"type": "number", "format": "double"}),
        FieldType::Boolean => json!({"type": "boolean"}),
        FieldType::Timestamp => json!({"type": "string", "format": "date-time"}),
        FieldType::Text | FieldType::Json => json!({"type": "string"}),
    }
}

fn list_params(m: &Model) -> Vec<J> {
    let cols: Vec<Col> = Col::all(m)
        .into_iter()
        .filter(|c| c.ty(m) != FieldType::Json)
        .collect();
    let names: Vec<&str> = cols.iter().map(|c| c.name(m)).collect();
    let mut out = vec![
        param(
            "limit",
            &format!("Records per page: {DEFAULT_LIMIT} by default, at most {MAX_LIMIT}."),
            json!({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
        ),
        param(
            "cursor",
            "The `next_cursor` of the previous page (an opaque base64url token).",
            json!({"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}),
        ),
        param(
            "page",
            "A page number instead of a cursor (1 is the first); ignored beside `cursor`.",
            json!({"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
        ),
        param(
            "sort",
            &format!(
                "1 to {MAX_SORT_KEYS} comma-separated fields, `-` for descending, e.g. `-{}`; \
                 `id` breaks ties. Sortable: {}.",
                names[2],
                names.join(", ")
            ),
            {
                let one = format!("-?(?:{})", names.join("|"));
                json!({"type": "string", "pattern": format!("^{one}(?:,{one}){{0,{}}}$", MAX_SORT_KEYS - 1)})
            },
        ),
        fields_param(m),
    ];
    for col in cols {
        let name = col.name(m);
        let ty = col.ty(m);
        out.push(param(
            name,
            &format!("Only records whose `{name}` equals this."),
            column_param_schema(m, col),
        ));
        for (op, o) in OPERATORS.iter().skip(1) {
            if !o.applies_to(ty) {
                continue;
            }
            let (doc, schema) = match *op {
                "in" => {
                    let mut item = column_param_schema(m, col);
                    if matches!(ty, FieldType::Text) {
                        // Values are separated by commas, so none holds one,
                        // and none is empty (`a,,b` and `` are refused).
                        item["pattern"] = "^[^,]+$".into();
                    }
                    (
                        format!(
                            "Only records whose `{name}` is one of these values (comma-separated, 1 to {MAX_IN_VALUES})."
                        ),
                        json!({"type": "array", "items": item, "minItems": 1, "maxItems": MAX_IN_VALUES}),
                    )
                }
                "like" => (
                    format!(
                        "Only records whose `{name}` matches this SQL LIKE pattern (`%` any text, `_` one character)."
                    ),
                    json!({"type": "string"}),
                ),
                "ne" => (
                    format!("Only records whose `{name}` differs from this."),
                    column_param_schema(m, col),
                ),
                _ => (
                    format!(
                        "Only records whose `{name}` is {} this.",
                        match *op {
                            "gt" => "greater than",
                            "gte" => "at least",
                            "lt" => "less than",
                            _ => "at most",
                        }
                    ),
                    column_param_schema(m, col),
                ),
            };
            let mut p = param(&format!("{name}[{op}]"), &doc, schema);
            if *op == "in" {
                p["style"] = "form".into();
                p["explode"] = false.into();
            }
            out.push(p);
        }
    }
    out
}

struct Common {
    tags: J,
    security: J,
    problem: J,
}

fn problem(c: &Common, description: &str) -> J {
    json!({"description": description, "content": {"application/problem+json": {"schema": c.problem}}})
}

fn json_body(schema_ref: &str) -> J {
    json!({"required": true, "content": {"application/json": {"schema": {"$ref": schema_ref}}}})
}

fn operation(
    c: &Common,
    m: &Model,
    public: bool,
    id: &str,
    summary: String,
    mut responses: Map<String, J>,
    extra: Map<String, J>,
) -> J {
    responses.insert("400".into(), problem(c, "The request is malformed: an unknown field or operator, or a parameter or body that does not parse."));
    if !public {
        responses.insert(
            "401".into(),
            problem(c, "No valid bearer token of this domain."),
        );
    }
    let mut op = json!({
        "operationId": id,
        "summary": summary,
        "tags": c.tags,
        "responses": responses,
        "security": if public { json!([]) } else { c.security.clone() },
    });
    let access = match m.access {
        Access::Owner => {
            "Signed-in users see and change their own records; staff and admins see and change all."
        }
        Access::Domain => "Any signed-in user of the domain reads and writes every record.",
        Access::PublicRead => "Anyone reads; signed-in users write.",
    };
    op["description"] = match &m.description {
        Some(d) => format!("{d}\n\n{access}"),
        None => access.to_owned(),
    }
    .into();
    if let Some(o) = op.as_object_mut() {
        o.extend(extra);
        o.insert(
            "responses".into(),
            J::Object({
                let mut r = o
                    .get("responses")
                    .and_then(J::as_object)
                    .cloned()
                    .unwrap_or_default();
                r.insert(
                    "default".into(),
                    problem(c, "Any other error, as RFC 9457 problem details."),
                );
                r
            }),
        );
    }
    op
}

fn ok(description: &str, schema_ref: &str) -> J {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}})
}

fn model_paths(c: &Common, m: &Model) -> (J, J) {
    let name = &m.name;
    let p = pascal(name);
    let (rec, partial, input, patch, list) = (
        format!("#/components/schemas/{p}"),
        format!("#/components/schemas/{p}Partial"),
        format!("#/components/schemas/{p}Input"),
        format!("#/components/schemas/{p}Patch"),
        format!("#/components/schemas/{p}List"),
    );
    let public_read = m.access == Access::PublicRead;
    let id_param = json!({"name": "id", "in": "path", "required": true, "description": "The record's id.",
                          "schema": int64()});
    let fields = fields_param(m);
    let map = |pairs: Vec<(&str, J)>| -> Map<String, J> {
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    };
    let not_found = problem(c, "No such record (or not one of yours).");
    let invalid = problem(c, "Invalid fields, each listed under `errors`.");
    let forbidden = problem(
        c,
        "The body sets `owner_id`, which only staff and admins may.",
    );
    let conflict = problem(
        c,
        if m.fields.iter().any(|f| f.unique) {
            if m.access == Access::Owner {
                "A unique field clashes with another record of the same owner (listed under `errors`), other records belong to it, or a linked record is gone."
            } else {
                "A unique field clashes with another record (listed under `errors`), other records belong to it, or a linked record is gone."
            }
        } else {
            "Other records belong to it, or a linked record is gone."
        },
    );
    let created = json!({"description": "Created.",
        "headers": {"Location": {"description": "Where the created resource lives.", "required": true, "schema": {"type": "string"}}},
        "content": {"application/json": {"schema": {"$ref": rec}}}});
    let body_errors = |mut r: Vec<(&'static str, J)>| {
        r.push(("413", problem(c, "The body exceeds the size limit.")));
        r.push(("415", problem(c, "The body is not `application/json`.")));
        r.push(("422", invalid.clone()));
        r.push(("403", forbidden.clone()));
        r
    };
    let list_path = json!({
        "get": operation(c, m, public_read, &format!("list_{name}"), format!("List {name} records."),
            map(vec![("200", ok("A page of records.", &list))]),
            map(vec![("parameters", J::Array(list_params(m)))])),
        "post": operation(c, m, false, &format!("create_{name}"), format!("Create a {name} record."),
            map(body_errors(vec![("201", created), ("409", conflict.clone())])),
            map(vec![("requestBody", json_body(&input))])),
    });
    let item_path = json!({
        "parameters": [id_param],
        "get": operation(c, m, public_read, &format!("get_{name}"), format!("Read one {name} record."),
            map(vec![("200", ok("The record (only the fields `fields` names, when given).", &partial)), ("404", not_found.clone())]),
            map(vec![("parameters", json!([fields]))])),
        "put": operation(c, m, false, &format!("replace_{name}"), format!("Replace a {name} record."),
            map(body_errors(vec![("200", ok("The record as stored.", &rec)), ("404", not_found.clone()), ("409", conflict.clone())])),
            map(vec![("requestBody", json_body(&input))])),
        "patch": operation(c, m, false, &format!("update_{name}"), format!("Change fields of a {name} record."),
            map(body_errors(vec![("200", ok("The record as stored.", &rec)), ("404", not_found.clone()), ("409", conflict.clone())])),
            map(vec![("requestBody", json_body(&patch))])),
        "delete": operation(c, m, false, &format!("delete_{name}"), format!("Delete a {name} record."),
            map(vec![("204", json!({"description": "Deleted."})), ("404", not_found), ("409", conflict)]),
            Map::new()),
    });
    (list_path, item_path)
}

fn paging_schema() -> J {
    json!({"type": "object", "description": "Where a list stands.", "required": ["limit", "has_more"], "properties": {
        "limit": {"type": "integer", "description": "Most records per page."},
        "has_more": {"type": "boolean", "description": "Whether more records follow."},
        "next_cursor": {"type": "string", "nullable": true, "description": "Pass as `cursor` for the next page; null on the last page."},
        "page": {"type": "integer", "nullable": true, "description": "The page number, when the list was asked for by `page`."}
    }})
}

fn parse<T: serde::de::DeserializeOwned>(v: J, what: &str) -> Result<T, String> {
    serde_json::from_value(v).map_err(|e| format!("{what} is not valid OpenAPI: {e}"))
}

fn insert_schema(api: &mut OpenAPI, name: String, schema: J) -> Result<(), String> {
    let s = parse(schema, &format!("schema `{name}`"))?;
    let components = api.components.get_or_insert_with(Default::default);
    if components.schemas.contains_key(&name) {
        return Err(format!(
            "component schema `{name}` exists already; rename the model or the other block's type"
        ));
    }
    components.schemas.insert(name, ReferenceOr::Item(s));
    Ok(())
}

/// Replaces the generic operations at `prefix` with the schema's models.
pub(crate) fn rewrite(api: &mut OpenAPI, prefix: &str, schema: &Schema) -> Result<(), String> {
    let list_key = format!("{prefix}/{{model}}");
    let item_key = format!("{prefix}/{{model}}/{{id}}");
    let generic = match api.paths.paths.shift_remove(&list_key) {
        Some(ReferenceOr::Item(item)) => item,
        _ => return Err(format!("the generic path {list_key} is missing")),
    };
    api.paths.paths.shift_remove(&item_key);
    let post = generic
        .post
        .ok_or("the generic create operation is missing")?;
    let default = match &post.responses.default {
        Some(ReferenceOr::Item(r)) => r
            .content
            .get("application/problem+json")
            .and_then(|m| m.schema.clone()),
        _ => None,
    }
    .ok_or("the generic operations carry no problem schema")?;
    let common = Common {
        tags: json!(post.tags),
        security: serde_json::to_value(&post.security).map_err(|e| e.to_string())?,
        problem: serde_json::to_value(&default).map_err(|e| e.to_string())?,
    };
    let mut taken: Vec<String> = Vec::new();
    for (_, item) in api.paths.iter() {
        if let ReferenceOr::Item(item) = item {
            taken.extend(item.iter().filter_map(|(_, op)| op.operation_id.clone()));
        }
    }
    for m in &schema.models {
        let (list, item) = model_paths(&common, m);
        for (key, value) in [
            (format!("{prefix}/{}", m.name), list),
            (format!("{prefix}/{}/{{id}}", m.name), item),
        ] {
            let item: PathItem = parse(value, &format!("path {key}"))?;
            for (_, op) in item.iter() {
                if let Some(id) = &op.operation_id
                    && taken.contains(id)
                {
                    return Err(format!(
                        "operationId `{id}` of model `{}` is used by another operation",
                        m.name
                    ));
                }
            }
            if api.paths.paths.contains_key(&key) {
                return Err(format!(
                    "path {key} of model `{}` is served by another block",
                    m.name
                ));
            }
            api.paths.paths.insert(key, ReferenceOr::Item(item));
        }
        let p = pascal(&m.name);
        insert_schema(api, p.clone(), record_schema(m, false))?;
        insert_schema(api, format!("{p}Partial"), record_schema(m, true))?;
        insert_schema(api, format!("{p}Input"), input_schema(m, false))?;
        insert_schema(api, format!("{p}Patch"), input_schema(m, true))?;
        insert_schema(
            api,
            format!("{p}List"),
            json!({"type": "object", "description": format!("A page of {} records.", m.name),
            "required": ["items", "paging"], "properties": {
                "items": {"type": "array", "description": "The records, with only the fields `fields` names when given.",
                          "items": {"$ref": format!("#/components/schemas/{p}Partial")}},
                "paging": {"$ref": "#/components/schemas/DataPaging"}}}),
        )?;
    }
    if !schema.models.is_empty() {
        insert_schema(api, "DataPaging".to_owned(), paging_schema())?;
    }
    api.paths.paths.sort_keys();
    Ok(())
}

/// The contract hook a data block mounts with.
pub(crate) fn hook(schema: Arc<Schema>) -> clodo_sdk::app::ContractHook {
    Arc::new(move |api: &mut OpenAPI, prefix: &str| rewrite(api, prefix, &schema))
}
