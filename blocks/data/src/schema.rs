//! The data schema: models, their fields and constraints, and who may see
//! them, read from TOML. Unknown keys are refused; every error names the
//! file, line, column and key.

use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::record;
use clodo_sdk::db::Value;

/// What a field holds, and how it is stored (SQLite and D1 alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// UTF-8 text (`TEXT`).
    Text,
    /// An integer within ±(2^53 − 1) (`INTEGER`).
    Integer,
    /// A double (`REAL`).
    Real,
    /// `true` / `false`, stored as 1 / 0 (`INTEGER`).
    Boolean,
    /// An RFC 3339 instant, stored as UTC text with milliseconds (`TEXT`).
    Timestamp,
    /// Any JSON value, stored as JSON text (`TEXT`).
    Json,
}

impl FieldType {
    /// The name used in schema files.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Integer => "integer",
            FieldType::Real => "real",
            FieldType::Boolean => "boolean",
            FieldType::Timestamp => "timestamp",
            FieldType::Json => "json",
        }
    }

    /// The column type in SQL.
    pub(crate) fn sql(self) -> &'static str {
        match self {
            FieldType::Text | FieldType::Timestamp | FieldType::Json => "TEXT",
            FieldType::Integer | FieldType::Boolean => "INTEGER",
            FieldType::Real => "REAL",
        }
    }
}

/// Who may read and write a model's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// Signed-in users see and change only the records they own; staff and
    /// admins see and change all. The default.
    Owner,
    /// Any signed-in user of the domain reads and writes every record.
    Domain,
    /// Anyone reads, without a token; signed-in users write.
    PublicRead,
}

/// What deleting a record does to the records that belong to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnDelete {
    /// The delete is refused (409) while records belong to it. The default.
    #[default]
    Restrict,
    /// They are deleted too.
    Cascade,
    /// Their link is set to null.
    SetNull,
}

impl OnDelete {
    /// The `ON DELETE` clause. "Restrict" is SQL's `NO ACTION` (the default,
    /// so no clause): unlike `RESTRICT` it honours `PRAGMA
    /// defer_foreign_keys`, which migrations that rebuild a table rely on.
    pub(crate) fn sql(self) -> &'static str {
        match self {
            OnDelete::Restrict => "",
            OnDelete::Cascade => " ON DELETE CASCADE",
            OnDelete::SetNull => " ON DELETE SET NULL",
        }
    }
}

/// A compiled `pattern` constraint.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The regular expression as written.
    pub source: String,
    pub(crate) regex: regex_lite::Regex,
}

/// One field of a model: a column of its table.
#[derive(Debug, Clone)]
pub struct Field {
    /// Name: the column, the JSON key and the query parameter.
    pub name: String,
    /// What it holds.
    pub ty: FieldType,
    /// Must be present (and not null) when a record is created or replaced.
    pub required: bool,
    /// No two records may share a value (a unique index).
    pub unique: bool,
    /// Indexed for filters and sorting.
    pub index: bool,
    /// The value a new record gets when the field is left out.
    pub default: Option<serde_json::Value>,
    pub(crate) default_value: Option<Value>,
    /// Smallest allowed number (integer and real fields).
    pub min: Option<f64>,
    /// Largest allowed number (integer and real fields).
    pub max: Option<f64>,
    /// Fewest characters (text fields).
    pub min_length: Option<u32>,
    /// Most characters (text fields).
    pub max_length: Option<u32>,
    /// A regular expression text must match (text fields).
    pub pattern: Option<Pattern>,
    /// The only allowed values (text and integer fields), when not empty.
    pub choices: Vec<serde_json::Value>,
    /// The model whose record id this field holds.
    pub belongs_to: Option<String>,
    /// What deleting that record does to this one.
    pub on_delete: OnDelete,
    /// Docs for the contract.
    pub description: Option<String>,
}

/// A model: a table of records with an id, an owner, timestamps and fields.
#[derive(Debug, Clone)]
pub struct Model {
    /// Name, as in `/data/{name}`.
    pub name: String,
    /// Docs for the contract.
    pub description: Option<String>,
    /// Who may read and write.
    pub access: Access,
    /// The fields, in schema order.
    pub fields: Vec<Field>,
    pub(crate) table: String,
}

impl Model {
    /// The table holding the records: `data_<name>`.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A validated data schema.
#[derive(Debug, Clone)]
pub struct Schema {
    /// The file it came from (for messages).
    pub file: String,
    /// The models, in schema order.
    pub models: Vec<Model>,
    /// Destructive migrations explicitly allowed: `model` or `model.field`.
    pub allow_destructive: Vec<String>,
}

impl Schema {
    /// The model called `name`.
    pub fn model(&self, name: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.name == name)
    }
}

/// Columns every table has, besides its fields.
pub const SYSTEM_COLUMNS: [&str; 4] = ["id", "owner_id", "created_at", "updated_at"];
/// Most fields one model may declare. Writing a record binds one parameter
/// per field plus at most four more (`owner_id`, `updated_at`, and the id
/// and owner checks of an update), so 64 keeps every statement far within
/// D1's 100 bound parameters.
pub const MAX_FIELDS: usize = 64;
const _: () = assert!(MAX_FIELDS + 4 <= clodo_sdk::db::MAX_PARAMS);

/// Query parameters of lists, which fields may therefore not be called.
pub const LIST_PARAMETERS: [&str; 5] = ["limit", "cursor", "page", "sort", "fields"];

/// One problem in a schema file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaProblem {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The dotted key, e.g. `models.customers.fields.email.pattern`.
    pub key: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for SchemaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.key.is_empty() {
            write!(f, "`{}`: ", self.key)?;
        }
        f.write_str(&self.message)
    }
}

/// Why a schema could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file could not be read.
    #[error("cannot read the data schema {file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a valid schema; every problem found is listed.
    #[error("invalid data schema:\n{}", .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<SchemaProblem>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchema {
    #[serde(default)]
    allow_destructive: Vec<Spanned<String>>,
    #[serde(default)]
    models: IndexMap<String, Spanned<RawModel>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    access: Option<Access>,
    description: Option<String>,
    #[serde(default)]
    fields: IndexMap<String, Spanned<RawField>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    #[serde(rename = "type")]
    ty: Option<Spanned<FieldType>>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    unique: bool,
    #[serde(default)]
    index: bool,
    default: Option<Spanned<serde_json::Value>>,
    min: Option<Spanned<f64>>,
    max: Option<Spanned<f64>>,
    length: Option<Spanned<RawLength>>,
    pattern: Option<Spanned<String>>,
    #[serde(rename = "enum")]
    choices: Option<Spanned<Vec<serde_json::Value>>>,
    belongs_to: Option<Spanned<String>>,
    on_delete: Option<Spanned<OnDelete>>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLength {
    min: Option<u32>,
    max: Option<u32>,
}

/// Collects problems with their positions.
struct Problems<'a> {
    file: &'a str,
    src: &'a str,
    list: Vec<SchemaProblem>,
}

impl Problems<'_> {
    fn push(&mut self, at: usize, key: String, message: impl Into<String>) {
        let (line, column) = position(self.src, at);
        self.list.push(SchemaProblem {
            file: self.file.to_owned(),
            line,
            column,
            key,
            message: message.into(),
        });
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn position(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset.min(src.len())).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether `name` may name a model or a field: lower-case ASCII letters,
/// digits and single underscores, starting with a letter, at most 40 characters.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z'))
        && name.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.contains("__")
        && !name.ends_with('_')
}

const NAME_RULE: &str = "use lower-case letters, digits and single underscores, starting with a letter \
                         (at most 40 characters), e.g. `customers` or `pickup_date`";

/// Parses and validates a schema; `file` names it in messages.
pub fn parse(file: &str, src: &str) -> Result<Schema, SchemaError> {
    let mut problems = Problems {
        file,
        src,
        list: Vec::new(),
    };
    let de = match toml::de::Deserializer::parse(src) {
        Ok(de) => de,
        Err(e) => {
            problems.push(e.span().map_or(0, |s| s.start), String::new(), e.message());
            return Err(SchemaError::Invalid(problems.list));
        }
    };
    let raw: RawSchema = match serde_path_to_error::deserialize(de) {
        Ok(raw) => raw,
        Err(e) => {
            // Spanned values add a private segment to the path; drop it.
            let key = e
                .path()
                .to_string()
                .split('.')
                .filter(|s| !s.starts_with("$__serde_spanned") && !s.is_empty())
                .collect::<Vec<_>>()
                .join(".");
            let inner = e.into_inner();
            problems.push(inner.span().map_or(0, |s| s.start), key, inner.message());
            return Err(SchemaError::Invalid(problems.list));
        }
    };
    let model_names: Vec<String> = raw.models.keys().cloned().collect();
    let mut models = Vec::new();
    for (name, model) in &raw.models {
        let key = format!("models.{name}");
        if !is_valid_name(name) {
            problems.push(
                model.span().start,
                key.clone(),
                format!("the model name is not valid: {NAME_RULE}"),
            );
        }
        let raw_model = model.get_ref();
        if raw_model.fields.is_empty() {
            problems.push(
                model.span().start,
                format!("{key}.fields"),
                "a model needs at least one field, e.g. `name = { type = \"text\", required = true }`",
            );
        }
        if raw_model.fields.len() > MAX_FIELDS {
            problems.push(
                model.span().start,
                format!("{key}.fields"),
                format!(
                    "a model has at most {MAX_FIELDS} fields (this one has {}), so that every statement \
                     the data block writes stays within D1's 100 bound parameters; split it into linked models",
                    raw_model.fields.len()
                ),
            );
        }
        let mut fields = Vec::new();
        for (fname, field) in &raw_model.fields {
            let fkey = format!("{key}.fields.{fname}");
            if let Some(f) = field_of(fname, field, &fkey, &model_names, &mut problems) {
                fields.push(f);
            }
        }
        models.push(Model {
            table: format!("data_{name}"),
            name: name.clone(),
            description: raw_model.description.clone(),
            access: raw_model.access.unwrap_or(Access::Owner),
            fields,
        });
    }
    let mut allow = Vec::new();
    for entry in &raw.allow_destructive {
        let text = entry.get_ref();
        let known = match text.split_once('.') {
            None => true,
            Some((m, f)) => is_valid_name(m) && is_valid_name(f),
        } && text.split('.').all(is_valid_name);
        if !known {
            problems.push(
                entry.span().start,
                "allow_destructive".to_owned(),
                format!("{text:?} is not `model` or `model.field`"),
            );
        }
        allow.push(text.clone());
    }
    if problems.list.is_empty() {
        Ok(Schema {
            file: file.to_owned(),
            models,
            allow_destructive: allow,
        })
    } else {
        Err(SchemaError::Invalid(problems.list))
    }
}

fn field_of(
    name: &str,
    field: &Spanned<RawField>,
    key: &str,
    models: &[String],
    problems: &mut Problems<'_>,
) -> Option<Field> {
    let raw = field.get_ref();
    let n = name;
    let at = field.span().start;
    let before = problems.list.len();
    if !is_valid_name(n) {
        problems.push(
            at,
            key.to_owned(),
            format!("the field name is not valid: {NAME_RULE}"),
        );
    } else if SYSTEM_COLUMNS.contains(&n) {
        problems.push(at, key.to_owned(), format!(
            "`{n}` is a column every model has already (id, owner_id, created_at, updated_at); pick another name"
        ));
    } else if LIST_PARAMETERS.contains(&n) {
        problems.push(at, key.to_owned(), format!(
            "`{n}` is a query parameter of lists (limit, cursor, page, sort, fields); pick another name"
        ));
    }
    let ty = match (&raw.ty, &raw.belongs_to) {
        (Some(t), _) => *t.get_ref(),
        (None, Some(_)) => FieldType::Integer,
        (None, None) => {
            problems.push(
                field.span().start,
                format!("{key}.type"),
                "missing `type`: one of text, integer, real, boolean, timestamp, json",
            );
            FieldType::Text
        }
    };
    let mut push = |span: &std::ops::Range<usize>, sub: &str, msg: String| {
        problems.push(span.start, format!("{key}.{sub}"), msg);
    };
    if let Some(target) = &raw.belongs_to {
        if ty != FieldType::Integer {
            push(
                &target.span(),
                "belongs_to",
                "a `belongs_to` field holds a record id: leave out `type` or set it to \"integer\""
                    .into(),
            );
        }
        if !models.contains(target.get_ref()) {
            push(
                &target.span(),
                "belongs_to",
                format!(
                    "no model `{}` in this schema (models: {})",
                    target.get_ref(),
                    models.join(", ")
                ),
            );
        }
        if let Some(d) = &raw.default {
            push(
                &d.span(),
                "default",
                "a `belongs_to` field cannot have a default".into(),
            );
        }
    }
    if let Some(od) = &raw.on_delete {
        if raw.belongs_to.is_none() {
            push(
                &od.span(),
                "on_delete",
                "`on_delete` applies to `belongs_to` fields only".into(),
            );
        } else if *od.get_ref() == OnDelete::SetNull && raw.required {
            push(&od.span(), "on_delete", "\"set-null\" needs an optional field; drop `required` or pick \"restrict\" or \"cascade\"".into());
        }
    }
    let numeric = matches!(ty, FieldType::Integer | FieldType::Real);
    for (bound, sub) in [(&raw.min, "min"), (&raw.max, "max")] {
        if let Some(b) = bound {
            let v = *b.get_ref();
            if !numeric {
                push(
                    &b.span(),
                    sub,
                    format!(
                        "`{sub}` applies to integer and real fields; for text use `length = {{ {sub} = … }}`"
                    ),
                );
            } else if ty == FieldType::Integer
                && (v.fract() != 0.0 || v.abs() > clodo_sdk::db::MAX_SAFE_INTEGER as f64)
            {
                push(
                    &b.span(),
                    sub,
                    format!(
                        "`{sub}` of an integer field must be a whole number within ±9007199254740991"
                    ),
                );
            }
        }
    }
    if let (Some(lo), Some(hi)) = (&raw.min, &raw.max)
        && lo.get_ref() > hi.get_ref()
    {
        push(
            &hi.span(),
            "max",
            format!("`max` ({}) is below `min` ({})", hi.get_ref(), lo.get_ref()),
        );
    }
    let (mut min_length, mut max_length) = (None, None);
    if let Some(len) = &raw.length {
        let l = len.get_ref();
        if ty != FieldType::Text {
            push(
                &len.span(),
                "length",
                "`length` applies to text fields; for numbers use `min` and `max`".into(),
            );
        } else if let (Some(lo), Some(hi)) = (l.min, l.max)
            && lo > hi
        {
            push(
                &len.span(),
                "length",
                format!("`length.max` ({hi}) is below `length.min` ({lo})"),
            );
        }
        (min_length, max_length) = (l.min, l.max);
    }
    let mut pattern = None;
    if let Some(p) = &raw.pattern {
        if ty != FieldType::Text {
            push(
                &p.span(),
                "pattern",
                "`pattern` applies to text fields".into(),
            );
        }
        match regex_lite::Regex::new(p.get_ref()) {
            Ok(regex) => {
                pattern = Some(Pattern {
                    source: p.get_ref().clone(),
                    regex,
                })
            }
            Err(e) => push(
                &p.span(),
                "pattern",
                format!("not a valid regular expression: {e}"),
            ),
        }
    }
    let mut choices = Vec::new();
    if let Some(c) = &raw.choices {
        let list = c.get_ref();
        let fits = |v: &serde_json::Value| match ty {
            FieldType::Text => v.is_string(),
            FieldType::Integer => v.is_i64(),
            _ => false,
        };
        if !matches!(ty, FieldType::Text | FieldType::Integer) {
            push(
                &c.span(),
                "enum",
                "`enum` applies to text and integer fields".into(),
            );
        } else if list.is_empty() {
            push(&c.span(), "enum", "`enum` needs at least one value".into());
        } else if let Some(bad) = list.iter().find(|v| !fits(v)) {
            push(
                &c.span(),
                "enum",
                format!("{bad} is not a {} value", ty.as_str()),
            );
        } else if list.iter().enumerate().any(|(i, v)| list[..i].contains(v)) {
            push(&c.span(), "enum", "the values must be distinct".into());
        }
        choices = list.clone();
    }
    if ty == FieldType::Json && (raw.unique || raw.index) {
        problems.push(
            field.span().start,
            key.to_owned(),
            "json fields cannot be `unique` or `index`: they are neither filtered nor sorted",
        );
    }
    if problems.list.len() > before {
        return None;
    }
    let mut f = Field {
        name: n.to_owned(),
        ty,
        required: raw.required,
        unique: raw.unique,
        index: raw.index,
        default: None,
        default_value: None,
        min: raw.min.as_ref().map(|m| *m.get_ref()),
        max: raw.max.as_ref().map(|m| *m.get_ref()),
        min_length,
        max_length,
        pattern,
        choices,
        belongs_to: raw.belongs_to.as_ref().map(|b| b.get_ref().clone()),
        on_delete: raw
            .on_delete
            .as_ref()
            .map(|o| *o.get_ref())
            .unwrap_or_default(),
        description: raw.description.clone(),
    };
    if let Some(d) = &raw.default {
        let json = toml_datetime_as_string(d.get_ref().clone());
        match record::check_value(&f, &json) {
            Ok(v) if v != Value::Null => {
                f.default_value = Some(v);
                f.default = Some(json);
            }
            Ok(_) => problems.push(
                d.span().start,
                format!("{key}.default"),
                "a default cannot be empty; leave `default` out instead",
            ),
            Err(msg) => problems.push(
                d.span().start,
                format!("{key}.default"),
                format!("the default {msg}"),
            ),
        }
    }
    (problems.list.len() == before).then_some(f)
}

/// TOML date-times reach serde as a one-key map; a default wants the text.
fn toml_datetime_as_string(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) if m.len() == 1 => match m.into_iter().next() {
            Some((k, serde_json::Value::String(s)))
                if k.contains("toml") && k.contains("datetime") =>
            {
                serde_json::Value::String(s)
            }
            Some((k, v)) => serde_json::Value::Object([(k, v)].into_iter().collect()),
            None => serde_json::Value::Object(Default::default()),
        },
        other => other,
    }
}
