//! Migrations generated from the schema. Deterministic: the same previous
//! and current schema always give the same SQL. The schema last applied is
//! kept in the database (`_clodo_data_schema`), so the next start diffs
//! against it: additions (models, fields, indexes) apply by themselves;
//! changes that lose data (a dropped model or field, a changed type or link)
//! are refused with an explanation unless the schema file lists them under
//! `allow_destructive`.

use std::fmt::Write as _;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::schema::{Access, Field, FieldType, OnDelete, Schema};
use clodo_sdk::db::{Db, MigrationSource, Value};

/// The table holding the schema each data block last applied.
pub const SCHEMA_TABLE: &str = "_clodo_data_schema";

const SCHEMA_TABLE_SQL: &str = "CREATE TABLE IF NOT EXISTS \"_clodo_data_schema\" (\
    \"block\" TEXT PRIMARY KEY, \"version\" INTEGER NOT NULL, \"hash\" TEXT NOT NULL, \
    \"schema\" TEXT NOT NULL, \"applied_at\" TEXT NOT NULL)";

/// What the database must know of a schema: its tables, columns and indexes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stored {
    pub(crate) models: Vec<StoredModel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredModel {
    pub(crate) name: String,
    pub(crate) fields: Vec<StoredField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredField {
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) ty: FieldType,
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) unique: bool,
    /// Unique among one owner's records only (models with `access = "owner"`):
    /// the index covers `owner_id` too, so a clash tells nothing about other
    /// owners' records. Schemas applied before this rule lack it (global).
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) per_owner: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) index: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) belongs_to: Option<String>,
    #[serde(default, skip_serializing_if = "is_restrict")]
    pub(crate) on_delete: OnDelete,
    /// The default as SQL, used when the column is added to existing rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) default_sql: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_restrict(o: &OnDelete) -> bool {
    *o == OnDelete::Restrict
}

impl Stored {
    pub(crate) fn of(schema: &Schema) -> Self {
        Self {
            models: schema
                .models
                .iter()
                .map(|m| StoredModel {
                    name: m.name.clone(),
                    fields: m.fields.iter().map(|f| stored_field(f, m.access)).collect(),
                })
                .collect(),
        }
    }

    fn model(&self, name: &str) -> Option<&StoredModel> {
        self.models.iter().find(|m| m.name == name)
    }

    pub(crate) fn hash(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let digest = Sha256::digest(json.as_bytes());
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }
}

fn stored_field(f: &Field, access: Access) -> StoredField {
    StoredField {
        name: f.name.clone(),
        ty: f.ty,
        unique: f.unique,
        per_owner: f.unique && access == Access::Owner,
        index: f.index,
        belongs_to: f.belongs_to.clone(),
        on_delete: f.on_delete,
        default_sql: f.default_value.as_ref().map(literal),
    }
}

/// A value as an SQL literal (schema defaults only; request values are always bound).
fn literal(v: &Value) -> String {
    match v {
        Value::Null | Value::Blob(_) => "NULL".to_owned(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => format!("{r:?}"),
        Value::Text(t) => format!("'{}'", t.replace('\'', "''")),
    }
}

fn table(model: &str) -> String {
    format!("\"data_{model}\"")
}

fn column_def(f: &StoredField) -> String {
    let mut s = format!("\"{}\" {}", f.name, f.ty.sql());
    if let Some(d) = &f.default_sql {
        let _ = write!(s, " DEFAULT {d}");
    }
    if let Some(target) = &f.belongs_to {
        let _ = write!(
            s,
            " REFERENCES {} (\"id\"){}",
            table(target),
            f.on_delete.sql()
        );
    }
    s
}

fn create_table(name: &str, m: &StoredModel) -> String {
    let mut cols = vec![
        "\"id\" INTEGER PRIMARY KEY".to_owned(),
        "\"owner_id\" TEXT".to_owned(),
        "\"created_at\" TEXT NOT NULL".to_owned(),
        "\"updated_at\" TEXT NOT NULL".to_owned(),
    ];
    cols.extend(m.fields.iter().map(column_def));
    format!("CREATE TABLE {name} (\n    {}\n)", cols.join(",\n    "))
}

/// The name of a unique index; constraint failures name it (see
/// `handlers::write_error`).
pub(crate) fn unique_index(model: &str, field: &str, per_owner: bool) -> String {
    if per_owner {
        format!("data_{model}__{field}__unique_per_owner")
    } else {
        format!("data_{model}__{field}__unique")
    }
}

fn field_indexes(model: &str, f: &StoredField) -> Vec<String> {
    let mut out = Vec::new();
    if f.unique && f.per_owner {
        // `ifnull`: records without an owner are one group, not each its own.
        out.push(format!(
            "CREATE UNIQUE INDEX \"{i}\" ON {t} (ifnull(\"owner_id\", ''), \"{f}\")",
            i = unique_index(model, &f.name, true),
            f = f.name,
            t = table(model)
        ));
    } else if f.unique {
        out.push(format!(
            "CREATE UNIQUE INDEX \"{i}\" ON {t} (\"{f}\")",
            i = unique_index(model, &f.name, false),
            f = f.name,
            t = table(model)
        ));
    }
    if f.index || f.belongs_to.is_some() {
        out.push(format!(
            "CREATE INDEX \"data_{model}__{f}__index\" ON {t} (\"{f}\", \"id\")",
            f = f.name,
            t = table(model)
        ));
    }
    out
}

fn drop_field_indexes(model: &str, f: &StoredField) -> Vec<String> {
    let mut out = Vec::new();
    if f.unique {
        out.push(format!(
            "DROP INDEX IF EXISTS \"{}\"",
            unique_index(model, &f.name, f.per_owner)
        ));
    }
    if f.index || f.belongs_to.is_some() {
        out.push(format!(
            "DROP INDEX IF EXISTS \"data_{model}__{}__index\"",
            f.name
        ));
    }
    out
}

fn model_indexes(m: &StoredModel) -> Vec<String> {
    let mut out = vec![format!(
        "CREATE INDEX \"data_{m}__owner\" ON {t} (\"owner_id\", \"id\")",
        t = table(&m.name),
        m = m.name
    )];
    for f in &m.fields {
        out.extend(field_indexes(&m.name, f));
    }
    out
}

/// A change refused because it would lose data, or cannot be made safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    /// (allow_destructive entry, explanation); entry empty when no entry helps.
    pub(crate) changes: Vec<(String, String)>,
    pub(crate) file: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "the data schema {} changed in ways that would lose data, so nothing was applied:",
            self.file
        )?;
        for (_, why) in &self.changes {
            writeln!(f, "  - {why}")?;
        }
        let entries: Vec<String> = self
            .changes
            .iter()
            .filter(|(e, _)| !e.is_empty())
            .map(|(e, _)| format!("{e:?}"))
            .collect();
        if entries.is_empty() {
            write!(
                f,
                "change the schema back, or make the change in smaller steps"
            )
        } else {
            write!(
                f,
                "to apply it anyway, add to {}: allow_destructive = [{}] (and remove the entry once the migration ran)",
                self.file,
                entries.join(", ")
            )
        }
    }
}

/// The statements that turn the `old` schema's tables into `new`'s.
pub(crate) fn diff(old: Option<&Stored>, schema: &Schema) -> Result<Vec<String>, Refused> {
    let new = Stored::of(schema);
    let empty = Stored { models: Vec::new() };
    let old = old.unwrap_or(&empty);
    let allowed = |entry: &str| schema.allow_destructive.iter().any(|a| a == entry);
    let mut refused = Vec::new();
    let mut destructive = false;
    let mut stmts = Vec::new();

    for m in old.models.iter().rev() {
        if new.model(&m.name).is_none() {
            destructive = true;
            if allowed(&m.name) {
                stmts.push(format!("DROP TABLE {}", table(&m.name)));
            } else {
                refused.push((
                    m.name.clone(),
                    format!(
                        "model `{}` was removed: its table and all its records would be deleted",
                        m.name
                    ),
                ));
            }
        }
    }
    for m in &new.models {
        let Some(before) = old.model(&m.name) else {
            stmts.push(create_table(&table(&m.name), m));
            stmts.extend(model_indexes(m));
            continue;
        };
        let mut rebuild = false;
        let mut model_stmts = Vec::new();
        for f in &before.fields {
            let entry = format!("{}.{}", m.name, f.name);
            let now = m.fields.iter().find(|n| n.name == f.name);
            let why = match now {
                None => format!("field `{entry}` was removed: its values would be deleted"),
                Some(n) if n.ty != f.ty => format!(
                    "field `{entry}` changed type from {} to {}: its values would be deleted",
                    f.ty.as_str(),
                    n.ty.as_str()
                ),
                Some(n) if n.belongs_to != f.belongs_to => format!(
                    "field `{entry}` now links to {} instead of {}: its values would point at the wrong records",
                    n.belongs_to
                        .as_deref()
                        .map_or("nothing".to_owned(), |t| format!("`{t}`")),
                    f.belongs_to
                        .as_deref()
                        .map_or("nothing".to_owned(), |t| format!("`{t}`"))
                ),
                Some(n) => {
                    if n.on_delete != f.on_delete {
                        rebuild = true;
                    }
                    model_stmts.extend(index_changes(&m.name, f, n));
                    continue;
                }
            };
            destructive = true;
            if !allowed(&entry) {
                refused.push((entry, why));
                continue;
            }
            if f.belongs_to.is_some() || now.is_some_and(|n| n.belongs_to.is_some()) {
                rebuild = true;
                continue;
            }
            model_stmts.extend(drop_field_indexes(&m.name, f));
            model_stmts.push(format!(
                "ALTER TABLE {} DROP COLUMN \"{}\"",
                table(&m.name),
                f.name
            ));
            if let Some(n) = now {
                model_stmts.push(format!(
                    "ALTER TABLE {} ADD COLUMN {}",
                    table(&m.name),
                    column_def(n)
                ));
                model_stmts.extend(field_indexes(&m.name, n));
            }
        }
        for n in &m.fields {
            if before.fields.iter().all(|f| f.name != n.name) {
                if n.belongs_to.is_some() && n.default_sql.is_some() {
                    rebuild = true;
                }
                model_stmts.push(format!(
                    "ALTER TABLE {} ADD COLUMN {}",
                    table(&m.name),
                    column_def(n)
                ));
                model_stmts.extend(field_indexes(&m.name, n));
            }
        }
        if rebuild {
            // Rebuilding drops the old table: records that belong to it by a
            // cascading or nulling link would be deleted or unlinked.
            let hurt: Vec<String> = new
                .models
                .iter()
                .flat_map(|o| o.fields.iter().map(move |f| (o, f)))
                .filter(|(_, f)| {
                    f.belongs_to.as_deref() == Some(&m.name) && f.on_delete != OnDelete::Restrict
                })
                .map(|(o, f)| format!("`{}.{}`", o.name, f.name))
                .collect();
            if !hurt.is_empty() {
                refused.push((String::new(), format!(
                    "changing a link of model `{}` rebuilds its table, which would delete or unlink the records of {} \
                     (their `on_delete` cascades or sets null); set their `on_delete` to \"restrict\" first",
                    m.name,
                    hurt.join(", ")
                )));
                continue;
            }
            destructive = true;
            stmts.extend(rebuild_table(before, m));
        } else {
            stmts.extend(model_stmts);
        }
    }
    if !refused.is_empty() {
        return Err(Refused {
            changes: refused,
            file: schema.file.clone(),
        });
    }
    if destructive {
        stmts.insert(0, "PRAGMA defer_foreign_keys = ON".to_owned());
    }
    Ok(stmts)
}

fn index_changes(model: &str, f: &StoredField, n: &StoredField) -> Vec<String> {
    let mut out = Vec::new();
    if f.unique != n.unique || f.per_owner != n.per_owner || f.index != n.index {
        let was = drop_field_indexes(model, f);
        let is = field_indexes(model, n);
        out.extend(was.into_iter().filter(|d| {
            // Keep an index both versions have.
            !is.iter()
                .any(|c| c.contains(&d["DROP INDEX IF EXISTS ".len()..]))
        }));
        let before = field_indexes(model, f);
        out.extend(is.into_iter().filter(|c| !before.contains(c)));
    }
    out
}

/// SQLite's way to change what `ALTER TABLE` cannot: copy into a new table.
fn rebuild_table(before: &StoredModel, m: &StoredModel) -> Vec<String> {
    let temp = format!("\"data_{}__rebuild\"", m.name);
    let mut kept = vec![
        "\"id\"".to_owned(),
        "\"owner_id\"".to_owned(),
        "\"created_at\"".to_owned(),
        "\"updated_at\"".to_owned(),
    ];
    for n in &m.fields {
        if before
            .fields
            .iter()
            .any(|f| f.name == n.name && f.ty == n.ty && f.belongs_to == n.belongs_to)
        {
            kept.push(format!("\"{}\"", n.name));
        }
    }
    let kept = kept.join(", ");
    let mut out = vec![
        create_table(&temp, m),
        format!(
            "INSERT INTO {temp} ({kept}) SELECT {kept} FROM {}",
            table(&m.name)
        ),
        format!("DROP TABLE {}", table(&m.name)),
        format!("ALTER TABLE {temp} RENAME TO {}", table(&m.name)),
    ];
    out.extend(model_indexes(m));
    out
}

/// The migration from `old` (with its version) to `schema`, if they differ.
pub(crate) fn migration(
    block: &str,
    old: Option<(i64, &Stored)>,
    schema: &Schema,
) -> Result<Option<MigrationSource>, Refused> {
    let new = Stored::of(schema);
    if old.is_some_and(|(_, s)| *s == new) {
        return Ok(None);
    }
    let mut stmts = diff(old.map(|(_, s)| s), schema)?;
    let version = old.map_or(0, |(v, _)| v) + 1;
    let hash = new.hash();
    let json = serde_json::to_string(&new).unwrap_or_default();
    stmts.push(format!(
        "INSERT INTO \"{SCHEMA_TABLE}\" (\"block\", \"version\", \"hash\", \"schema\", \"applied_at\") \
         VALUES ({}, {version}, '{hash}', {}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) \
         ON CONFLICT (\"block\") DO UPDATE SET \"version\" = excluded.\"version\", \"hash\" = excluded.\"hash\", \
         \"schema\" = excluded.\"schema\", \"applied_at\" = excluded.\"applied_at\"",
        literal(&Value::Text(block.to_owned())),
        literal(&Value::Text(json))
    ));
    let mut sql = stmts.join(";\n\n");
    sql.push_str(";\n");
    Ok(Some(MigrationSource {
        name: format!("{version:04}_schema_{hash}").into(),
        sql: sql.into(),
    }))
}

#[derive(Deserialize)]
struct Applied {
    version: i64,
    schema: String,
}

/// Reads the schema `block` last applied and plans the migration to `schema`.
pub(crate) async fn plan(
    db: &Db,
    block: &str,
    schema: &Schema,
) -> Result<Vec<MigrationSource>, String> {
    db.execute(SCHEMA_TABLE_SQL, Vec::new())
        .await
        .map_err(|e| format!("cannot create {SCHEMA_TABLE}: {e}"))?;
    let applied: Option<Applied> = db
        .first(
            "SELECT \"version\", \"schema\" FROM \"_clodo_data_schema\" WHERE \"block\" = ?1",
            clodo_sdk::params![block],
        )
        .await
        .map_err(|e| format!("cannot read {SCHEMA_TABLE}: {e}"))?;
    let old = match &applied {
        None => None,
        Some(a) => Some((
            a.version,
            serde_json::from_str::<Stored>(&a.schema)
                .map_err(|e| format!("the schema recorded in {SCHEMA_TABLE} is unreadable: {e}"))?,
        )),
    };
    let m =
        migration(block, old.as_ref().map(|(v, s)| (*v, s)), schema).map_err(|r| r.to_string())?;
    Ok(m.into_iter().collect())
}

/// The planner a data block mounts with.
pub(crate) fn planner(
    block: &'static str,
    schema: Arc<Schema>,
) -> clodo_sdk::app::MigrationPlanner {
    Arc::new(move |db: Db| {
        let schema = Arc::clone(&schema);
        Box::pin(async move { plan(&db, block, &schema).await })
    })
}
