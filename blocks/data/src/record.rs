//! Records: request bodies checked against a model (422 listing each field),
//! and rows written out as JSON.

use std::sync::Arc;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::schema::{Field, FieldType, Model, Schema};
use clodo_sdk::db::{MAX_SAFE_INTEGER, Value};
use clodo_sdk::error::{ApiError, FieldError};
use clodo_sdk::time::Timestamp;

/// A column of a model's table: a system column or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    Id,
    Owner,
    Created,
    Updated,
    Field(usize),
}

impl Col {
    pub(crate) fn name(self, m: &Model) -> &str {
        match self {
            Col::Id => "id",
            Col::Owner => "owner_id",
            Col::Created => "created_at",
            Col::Updated => "updated_at",
            Col::Field(i) => &m.fields[i].name,
        }
    }

    pub(crate) fn ty(self, m: &Model) -> FieldType {
        match self {
            Col::Id => FieldType::Integer,
            Col::Owner => FieldType::Text,
            Col::Created | Col::Updated => FieldType::Timestamp,
            Col::Field(i) => m.fields[i].ty,
        }
    }

    /// Every column, system columns first, then the fields in schema order.
    pub(crate) fn all(m: &Model) -> Vec<Col> {
        let mut cols = vec![Col::Id, Col::Owner, Col::Created, Col::Updated];
        cols.extend((0..m.fields.len()).map(Col::Field));
        cols
    }

    pub(crate) fn by_name(m: &Model, name: &str) -> Option<Col> {
        Some(match name {
            "id" => Col::Id,
            "owner_id" => Col::Owner,
            "created_at" => Col::Created,
            "updated_at" => Col::Updated,
            _ => Col::Field(m.fields.iter().position(|f| f.name == name)?),
        })
    }
}

fn plural(n: f64, one: &str) -> String {
    if n == 1.0 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// Checks one JSON value against a field; `Ok(Value::Null)` for JSON null
/// (whether null is allowed is the caller's call). The message completes
/// "`field` …" / "the default …".
pub(crate) fn check_value(f: &Field, v: &serde_json::Value) -> Result<Value, String> {
    use serde_json::Value as J;
    if v.is_null() {
        return Ok(Value::Null);
    }
    let value = match f.ty {
        FieldType::Text => {
            let J::String(s) = v else {
                return Err("must be text (a JSON string)".into());
            };
            let chars = s.chars().count() as f64;
            if let Some(min) = f.min_length
                && chars < f64::from(min)
            {
                return Err(format!(
                    "must be at least {} long",
                    plural(f64::from(min), "character")
                ));
            }
            if let Some(max) = f.max_length
                && chars > f64::from(max)
            {
                return Err(format!(
                    "must be at most {} long",
                    plural(f64::from(max), "character")
                ));
            }
            if let Some(p) = &f.pattern
                && !p.regex.is_match(s)
            {
                return Err(format!("must match the pattern `{}`", p.source));
            }
            Value::Text(s.clone())
        }
        FieldType::Integer => {
            let n = match v {
                J::Number(n) if n.is_i64() || n.is_u64() => n.as_i64(),
                _ => return Err("must be an integer".into()),
            };
            match n {
                Some(n) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&n) => {
                    check_bounds(f, n as f64)?;
                    Value::Integer(n)
                }
                _ => return Err("must be within ±9007199254740991".into()),
            }
        }
        FieldType::Real => {
            let Some(n) = v.as_f64() else {
                return Err("must be a number".into());
            };
            check_bounds(f, n)?;
            Value::Real(n)
        }
        FieldType::Boolean => match v {
            J::Bool(b) => Value::Integer(i64::from(*b)),
            _ => return Err("must be true or false".into()),
        },
        FieldType::Timestamp => match v.as_str().map(Timestamp::parse) {
            Some(Ok(t)) => Value::from(t),
            _ => {
                return Err("must be an RFC 3339 timestamp such as 2026-11-25T09:10:11Z".into());
            }
        },
        FieldType::Json => Value::Text(v.to_string()),
    };
    if !f.choices.is_empty() && !f.choices.contains(v) {
        let list: Vec<String> = f.choices.iter().map(|c| format!("{c}")).collect();
        return Err(format!("must be one of {}", list.join(", ")));
    }
    Ok(value)
}

fn check_bounds(f: &Field, n: f64) -> Result<(), String> {
    if let Some(min) = f.min
        && n < min
    {
        return Err(format!("must be at least {min}"));
    }
    if let Some(max) = f.max
        && n > max
    {
        return Err(format!("must be at most {max}"));
    }
    Ok(())
}

/// Longest `owner_id`, in characters (user ids are far shorter).
pub(crate) const MAX_OWNER_ID: usize = 256;

/// How a body is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Write {
    /// `POST`: a new record; left-out fields get their default.
    Create,
    /// `PUT`: every field replaced; left-out fields get their default or null.
    Replace,
    /// `PATCH`: only the fields given change.
    Patch,
}

/// The columns a body sets, and the links to check.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    /// (column, value), fields in schema order; `owner_id` last when given.
    pub(crate) columns: Vec<(Col, Value)>,
    /// (field index, record id) of every `belongs_to` value given.
    pub(crate) links: Vec<(usize, i64)>,
}

/// Checks a JSON body against `model`: 400 for a body that is not an object
/// or names unknown fields, 422 listing every invalid field.
pub(crate) fn changes(
    model: &Model,
    body: &serde_json::Value,
    mode: Write,
    may_set_owner: bool,
) -> Result<Changes, ApiError> {
    let Some(obj) = body.as_object() else {
        return Err(ApiError::bad_request(format!(
            "the body must be a JSON object with fields of `{}`",
            model.name
        )));
    };
    let unknown: Vec<String> = obj
        .keys()
        .filter(|k| Col::by_name(model, k).is_none())
        .map(|k| format!("`{}`", k.chars().take(64).collect::<String>()))
        .collect();
    if !unknown.is_empty() {
        let fields: Vec<&str> = model.fields.iter().map(|f| f.name.as_str()).collect();
        return Err(ApiError::bad_request(format!(
            "unknown {} {} in model `{}`; its fields are: {}",
            if unknown.len() == 1 {
                "field"
            } else {
                "fields"
            },
            unknown.join(", "),
            model.name,
            fields.join(", ")
        )));
    }
    let mut errors = Vec::new();
    let mut out = Changes::default();
    for (name, why) in [
        ("id", "is read-only: the server assigns it"),
        ("created_at", "is read-only: the server sets it"),
        ("updated_at", "is read-only: the server sets it"),
    ] {
        if obj.contains_key(name) {
            errors.push(FieldError {
                field: name.into(),
                message: why.into(),
            });
        }
    }
    for (i, f) in model.fields.iter().enumerate() {
        let given = obj.get(&f.name);
        let value = match (given, mode) {
            (Some(v), _) => match check_value(f, v) {
                Ok(Value::Null) if f.required => {
                    errors.push(FieldError {
                        field: f.name.clone(),
                        message: "is required; it cannot be null".into(),
                    });
                    continue;
                }
                Ok(v) => v,
                Err(message) => {
                    errors.push(FieldError {
                        field: f.name.clone(),
                        message,
                    });
                    continue;
                }
            },
            (None, Write::Patch) => continue,
            (None, Write::Create | Write::Replace) => match &f.default_value {
                Some(d) => d.clone(),
                None if f.required => {
                    errors.push(FieldError {
                        field: f.name.clone(),
                        message: "is required".into(),
                    });
                    continue;
                }
                None => Value::Null,
            },
        };
        if f.belongs_to.is_some()
            && let Value::Integer(id) = value
            && given.is_some()
        {
            out.links.push((i, id));
        }
        out.columns.push((Col::Field(i), value));
    }
    if let Some(owner) = obj.get("owner_id") {
        if !may_set_owner {
            // Not a malformed body but a right the caller lacks: 403, before
            // the fields are judged.
            return Err(ApiError::forbidden(
                "only staff or admin may set `owner_id`; leave it out and the record belongs to you",
            ));
        }
        match owner {
            serde_json::Value::String(s) if !s.is_empty() && s.chars().count() <= MAX_OWNER_ID => {
                out.columns.push((Col::Owner, Value::Text(s.clone())));
            }
            serde_json::Value::Null => out.columns.push((Col::Owner, Value::Null)),
            _ => errors.push(FieldError {
                field: "owner_id".into(),
                message: format!(
                    "must be a user id (text of 1 to {MAX_OWNER_ID} characters) or null"
                ),
            }),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        let n = errors.len();
        Err(ApiError::unprocessable(
            format!(
                "{n} {} of the `{}` record {} invalid",
                if n == 1 { "field" } else { "fields" },
                model.name,
                if n == 1 { "is" } else { "are" }
            ),
            errors,
        ))
    }
}

/// Rows of one model as JSON: which columns, and how many of them are shown
/// (the rest were selected for the cursor only).
#[derive(Debug, Clone)]
pub(crate) struct Shape {
    pub(crate) schema: Arc<Schema>,
    pub(crate) model: usize,
    pub(crate) cols: Vec<Col>,
    pub(crate) visible: usize,
}

impl Shape {
    pub(crate) fn model(&self) -> &Model {
        &self.schema.models[self.model]
    }
}

/// One record, as answered by `GET`, `POST`, `PUT` and `PATCH`.
#[derive(Debug, Clone)]
pub struct Record {
    pub(crate) shape: Arc<Shape>,
    pub(crate) values: Vec<Value>,
}

struct Row<'a> {
    shape: &'a Shape,
    values: &'a [Value],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let model = self.shape.model();
        let mut map = s.serialize_map(Some(self.shape.visible))?;
        for (col, value) in self
            .shape
            .cols
            .iter()
            .zip(self.values)
            .take(self.shape.visible)
        {
            let name = col.name(model);
            match (col.ty(model), value) {
                (_, Value::Null) => map.serialize_entry(name, &())?,
                (FieldType::Boolean, Value::Integer(i)) => map.serialize_entry(name, &(*i != 0))?,
                (FieldType::Json, Value::Text(t)) => {
                    match serde_json::from_str::<serde_json::Value>(t) {
                        Ok(j) => map.serialize_entry(name, &j)?,
                        Err(_) => map.serialize_entry(name, t)?,
                    }
                }
                (_, Value::Integer(i)) => map.serialize_entry(name, i)?,
                (_, Value::Real(r)) => map.serialize_entry(name, r)?,
                (_, Value::Text(t)) => map.serialize_entry(name, t)?,
                (_, Value::Blob(b)) => map.serialize_entry(name, b)?,
            }
        }
        map.end()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Row {
            shape: &self.shape,
            values: &self.values,
        }
        .serialize(s)
    }
}

/// Where a list stands.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Paging {
    /// Most records per page (default 20, at most 100).
    pub limit: u32,
    /// Whether more records follow.
    pub has_more: bool,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// The page number, when the list was asked for by `page`.
    pub page: Option<u32>,
}

/// A page of records: `{ "items": [...], "paging": {...} }`.
#[derive(Debug, Clone)]
pub struct Page {
    pub(crate) shape: Arc<Shape>,
    pub(crate) rows: Vec<Vec<Value>>,
    pub(crate) paging: Paging,
}

struct Items<'a>(&'a Page);

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.rows.iter().map(|values| Row {
            shape: &self.0.shape,
            values,
        }))
    }
}

impl Serialize for Page {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Page", 2)?;
        st.serialize_field("items", &Items(self))?;
        st.serialize_field("paging", &self.paging)?;
        st.end()
    }
}

/// Records and pages are described per model by the contract hook; the
/// generic routes only need some schema.
macro_rules! any_object_schema {
    ($($t:ty),*) => {$(
        impl schemars::JsonSchema for $t {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($t).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "object" })
            }
        }
    )*};
}
any_object_schema!(Record, Page);
