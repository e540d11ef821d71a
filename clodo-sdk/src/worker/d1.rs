//! The Workers backend: the domain's D1 database.
//!
//! Same results, errors and integer rule as the SQLite backend: rows come
//! back with their column names in order (`raw({columnNames: true})`),
//! constraint failures are [`DbError::Constraint`] with SQLite's message,
//! integers outside ±(2^53 − 1) are refused (the SDK checks parameters and
//! decoded rows for both backends). D1 hands numbers over as JavaScript
//! doubles, so a whole-valued `REAL` (2.0) reads back as the integer 2;
//! decoding it into an `f64` gives the same value either way.
//!
//! `batch` is D1's batch, which is atomic. Each write is followed in its
//! batch by `SELECT changes(), last_insert_rowid()`, so rows-affected counts
//! exclude rows changed by triggers, as SQLite's do (D1's `meta.changes`
//! includes them). D1 has no `BEGIN`/`COMMIT`, so
//! each migration file is split into statements and applied as one batch
//! together with its `_clodo_migrations` record: all of it or none.

use std::sync::Arc;

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use worker::D1Database;

use crate::db::split::split_statements;
use crate::db::{DbBackend, DbError, ExecResult, MigrationSource, Rows, Statement, Value};
use crate::maybe_send::BoxFuture;

/// A D1 database binding as a [`DbBackend`].
pub struct D1Db {
    db: D1Database,
}

impl std::fmt::Debug for D1Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("D1Db").finish_non_exhaustive()
    }
}

impl D1Db {
    /// Wraps a D1 binding (`env.d1("DB")`).
    pub fn new(db: D1Database) -> Self {
        Self { db }
    }
}

/// The message of a JavaScript error, without D1's `D1_ERROR: ` prefix.
fn js_message(v: &JsValue) -> String {
    let raw = v
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"));
    let mut msg = raw.as_str();
    for prefix in ["D1_ERROR: ", "D1_EXEC_ERROR: ", "D1_TYPE_ERROR: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            msg = rest;
        }
    }
    msg.to_owned()
}

/// Maps a D1 failure the way the SQLite backend maps rusqlite's.
fn db_error(v: JsValue) -> DbError {
    let msg = js_message(&v);
    if msg.contains("SQLITE_CONSTRAINT") || msg.contains("constraint failed") {
        // "UNIQUE constraint failed: t.c: SQLITE_CONSTRAINT" → SQLite's own text.
        let clean = msg
            .split(": SQLITE_CONSTRAINT")
            .next()
            .unwrap_or(&msg)
            .to_owned();
        DbError::Constraint(clean)
    } else {
        DbError::Backend(msg)
    }
}

fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        // Within ±(2^53 − 1): the SDK checked before the backend saw it.
        Value::Integer(i) => JsValue::from_f64(*i as f64),
        Value::Real(f) => JsValue::from_f64(*f),
        Value::Text(s) => JsValue::from_str(s),
        Value::Blob(b) => Uint8Array::from(b.as_slice()).buffer().into(),
    }
}

fn from_js(v: JsValue) -> Value {
    if v.is_null() || v.is_undefined() {
        return Value::Null;
    }
    if let Some(f) = v.as_f64() {
        // Whole numbers are integers (SQLite's INTEGER); the range check
        // happens when the row is decoded, as for SQLite.
        return if f.fract() == 0.0 && f.abs() < 9.2e18 {
            Value::Integer(f as i64)
        } else {
            Value::Real(f)
        };
    }
    if let Some(s) = v.as_string() {
        return Value::Text(s);
    }
    if let Some(b) = v.as_bool() {
        return Value::Integer(i64::from(b));
    }
    if v.is_instance_of::<js_sys::ArrayBuffer>() {
        return Value::Blob(Uint8Array::new(&v).to_vec());
    }
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Value::Blob(a.to_vec());
    }
    if let Some(a) = v.dyn_ref::<Array>() {
        return Value::Blob(a.iter().map(|b| b.as_f64().unwrap_or(0.0) as u8).collect());
    }
    Value::Text(format!("{v:?}"))
}

/// A prepared, bound D1 statement (the JavaScript object).
fn prepare(db: &D1Database, stmt: &Statement) -> Result<JsValue, DbError> {
    let prepared = db.prepare(stmt.sql.as_ref());
    let inner: &JsValue = prepared.inner().as_ref();
    if stmt.params.is_empty() {
        return Ok(inner.clone());
    }
    let params: Array = stmt.params.iter().map(to_js).collect();
    call(inner, "bind", &params).map_err(db_error)
}

/// Calls method `name` of `this` with `args` spread.
fn call(this: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(this, &JsValue::from_str(name))?.dyn_into()?;
    f.apply(this, args)
}

async fn call_async(this: &JsValue, name: &str, args: &Array) -> Result<JsValue, DbError> {
    let promise = call(this, name, args).map_err(db_error)?;
    JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(db_error)
}

/// Asks SQLite what the statement just before it did. D1's own
/// `meta.changes` also counts rows that triggers changed; SQLite's
/// `changes()` (what the native backend reports) does not.
const CHANGES: &str = "SELECT changes() AS c, last_insert_rowid() AS id";

/// The `{c, id}` row of a [`CHANGES`] result.
fn changes_of(result: &JsValue) -> ExecResult {
    let row = Reflect::get(result, &JsValue::from_str("results"))
        .ok()
        .and_then(|r| r.dyn_into::<Array>().ok())
        .map(|r| r.get(0))
        .unwrap_or(JsValue::UNDEFINED);
    let num = |k: &str| {
        Reflect::get(&row, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    ExecResult {
        rows_affected: num("c") as u64,
        last_insert_id: num("id") as i64,
    }
}

/// Runs `stmts` as one atomic D1 batch, each followed by [`CHANGES`]
/// (one round trip; nothing else runs on the database in between).
async fn run_batch(db: &D1Database, stmts: &[Statement]) -> Result<Vec<ExecResult>, DbError> {
    if stmts.is_empty() {
        return Ok(Vec::new());
    }
    let bound = Array::new();
    for s in stmts {
        bound.push(&prepare(db, s)?);
        bound.push(&prepare(db, &Statement::new(CHANGES, Vec::new()))?);
    }
    let this: &JsValue = db.as_ref();
    let results: Array = call_async(this, "batch", &Array::of1(&bound))
        .await?
        .dyn_into()
        .map_err(|_| DbError::Backend("D1 batch() did not return an array".into()))?;
    Ok((0..stmts.len() as u32)
        .map(|i| changes_of(&results.get(2 * i + 1)))
        .collect())
}

async fn execute(db: &D1Database, stmt: &Statement) -> Result<ExecResult, DbError> {
    let mut r = run_batch(db, std::slice::from_ref(stmt)).await?;
    Ok(r.pop().unwrap_or_default())
}

async fn query(db: &D1Database, stmt: &Statement) -> Result<Rows, DbError> {
    let bound = prepare(db, stmt)?;
    let opts = js_sys::Object::new();
    Reflect::set(&opts, &"columnNames".into(), &JsValue::TRUE).map_err(db_error)?;
    let raw: Array = call_async(&bound, "raw", &Array::of1(&opts))
        .await?
        .dyn_into()
        .map_err(|_| DbError::Backend("D1 raw() did not return an array".into()))?;
    let mut iter = raw.iter();
    let columns: Arc<[String]> = match iter.next() {
        Some(names) => names
            .unchecked_into::<Array>()
            .iter()
            .map(|n| n.as_string().unwrap_or_default())
            .collect(),
        None => Arc::from(Vec::new()),
    };
    let rows = iter
        .map(|row| row.unchecked_into::<Array>().iter().map(from_js).collect())
        .collect();
    Ok(Rows { columns, rows })
}

const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS _clodo_migrations (\
    block TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, \
    PRIMARY KEY (block, name))";

async fn applied(db: &D1Database, block: &str) -> Result<Vec<String>, DbError> {
    let rows = query(
        db,
        &Statement::new(
            "SELECT name FROM _clodo_migrations WHERE block = ?1",
            crate::params![block],
        ),
    )
    .await?;
    Ok(rows
        .rows
        .into_iter()
        .filter_map(|r| match r.into_iter().next() {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        })
        .collect())
}

async fn migrate(
    db: &D1Database,
    block: &str,
    mut migrations: Vec<MigrationSource>,
) -> Result<Vec<String>, DbError> {
    run_batch(db, &[Statement::new(MIGRATIONS_TABLE, Vec::new())]).await?;
    migrations.sort_by(|a, b| a.name.cmp(&b.name));
    let done = applied(db, block).await?;
    let mut newly = Vec::new();
    for m in migrations {
        if done.iter().any(|d| *d == m.name) {
            continue;
        }
        let fail = |message: String| DbError::Migration {
            block: block.to_owned(),
            file: m.name.to_string(),
            message,
        };
        let mut stmts: Vec<Statement> = split_statements(&m.sql)
            .into_iter()
            .map(|s| Statement::new(s, Vec::new()))
            .collect();
        stmts.push(Statement::new(
            "INSERT INTO _clodo_migrations (block, name, applied_at) \
             VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            crate::params![block, m.name.as_ref()],
        ));
        if let Err(e) = run_batch(db, &stmts).await {
            // Another isolate may have applied it a moment ago.
            if applied(db, block).await?.iter().any(|d| *d == m.name) {
                continue;
            }
            let message = match e {
                DbError::Constraint(m) | DbError::Backend(m) => m,
                other => other.to_string(),
            };
            return Err(fail(message));
        }
        newly.push(m.name.into_owned());
    }
    Ok(newly)
}

impl DbBackend for D1Db {
    fn execute(&self, stmt: Statement) -> BoxFuture<'_, Result<ExecResult, DbError>> {
        Box::pin(async move { execute(&self.db, &stmt).await })
    }

    fn query(&self, stmt: Statement) -> BoxFuture<'_, Result<Rows, DbError>> {
        Box::pin(async move { query(&self.db, &stmt).await })
    }

    fn batch(&self, stmts: Vec<Statement>) -> BoxFuture<'_, Result<Vec<ExecResult>, DbError>> {
        Box::pin(async move { run_batch(&self.db, &stmts).await })
    }

    fn migrate(
        &self,
        block: String,
        migrations: Vec<MigrationSource>,
    ) -> BoxFuture<'_, Result<Vec<String>, DbError>> {
        Box::pin(async move { migrate(&self.db, &block, migrations).await })
    }
}
