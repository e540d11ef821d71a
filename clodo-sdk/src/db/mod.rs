//! Async access to the domain's own database, with bound parameters only.
//!
//! The same API is backed by SQLite natively and by D1 on Workers.
//!
//! # Rows to types and back
//!
//! Rows decode into any `serde::Deserialize` type, columns by name
//! ([`Db::query`], [`Db::first`]), and any `serde::Serialize` struct becomes
//! the columns of an insert or update ([`Db::insert_into`],
//! [`Db::update_by`], [`Statement::insert_into`] for batches); one value
//! becomes a parameter with [`Value::from_serde`]. The mapping is the same in
//! both directions:
//!
//! | Rust | column |
//! |---|---|
//! | `Option<T>` | `NULL` or `T` |
//! | `bool` | integer 0 / 1 |
//! | integers | integer, within ±(2^53 − 1) (below) |
//! | `f32`, `f64` | real (finite) |
//! | `String`, `char`, unit enum variants | text |
//! | [`Timestamp`](crate::time::Timestamp) | text, RFC 3339 UTC (`2026-11-25T09:10:11.250Z`) |
//! | `Vec<T>`, maps, structs, other enums | text holding JSON (a JSON column) |
//! | `Value::Blob` in `params!`, bytes types such as `serde_bytes::ByteBuf` | blob |
//!
//! Table and column names in generated SQL are checked with
//! [`is_identifier`] and quoted; values are always bound parameters.
//!
//! # The integer rule
//!
//! D1 passes numbers through JavaScript doubles, so integers are limited to
//! ±(2^53 − 1) ([`MAX_SAFE_INTEGER`]) on both backends. A value outside that
//! range is refused with [`DbError::IntegerOutOfRange`], naming the parameter,
//! field or column, wherever it crosses: bound with `params!`, serialized
//! from a struct field, or read from a row. Store larger numbers (or
//! exact decimals) as text. A block therefore never behaves differently after
//! deploy.
//!
//! # The parameter rule
//!
//! D1 refuses a statement that binds more than 100 parameters
//! ([`MAX_PARAMS`]), so both backends do: such a statement fails with
//! [`DbError::TooManyParameters`] before it reaches the database. Insert
//! many rows as a [`Db::batch`] of smaller statements, or pass a list as
//! one JSON parameter and read it with `json_each(?1)`.
//!
//! # Atomicity
//!
//! [`Db::batch`] runs statements atomically: all apply or none (a SQLite
//! transaction natively, a D1 batch on Workers). There are no interactive
//! transactions, because D1 has none: compute what to write first, then
//! send it as one batch; use `INSERT … SELECT`, subqueries or `RETURNING`
//! where a later statement needs an earlier one's result.

mod params;
mod row;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod typed_tests;
// Used by the D1 backend; compiled (and tested) on every target.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod split;
#[cfg(not(target_arch = "wasm32"))]
pub mod sqlite;

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use params::is_identifier;

use crate::maybe_send::{BoxFuture, MaybeSend, MaybeSync};

/// Largest integer magnitude that survives D1 (JavaScript's safe integer).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// Most parameters one statement may bind: D1's limit, applied on both backends.
pub const MAX_PARAMS: usize = 100;

/// A value bound to a statement or read from a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL `NULL`.
    Null,
    /// An integer within ±(2^53 − 1).
    Integer(i64),
    /// A double.
    Real(f64),
    /// UTF-8 text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

macro_rules! value_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Self { Value::Integer(i64::from(v)) }
        }
    )*};
}
value_from_int!(i8, i16, i32, i64, u8, u16, u32);

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Integer(i64::from(v))
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}
impl From<f32> for Value {
    fn from(v: f32) -> Self {
        Value::Real(f64::from(v))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Blob(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl Value {
    /// Converts any serializable value with the mapping of the module docs:
    /// scalars become integers, reals, text or `NULL`, structured values
    /// become JSON text (a JSON column), integers are checked against the
    /// integer rule.
    ///
    /// ```
    /// use clodo_sdk::db::Value;
    ///
    /// assert_eq!(Value::from_serde(&vec![1, 2]).unwrap(), Value::Text("[1,2]".into()));
    /// assert_eq!(Value::from_serde(&Some(true)).unwrap(), Value::Integer(1));
    /// assert!(Value::from_serde(&(1u64 << 60)).is_err());
    /// ```
    pub fn from_serde<T: Serialize + ?Sized>(value: &T) -> Result<Self, DbError> {
        params::to_value(value, "the value")
    }
}

/// One SQL statement with its bound parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// SQL text with `?` or `?N` placeholders. Never build it from request text.
    pub sql: Cow<'static, str>,
    /// Parameters, bound in order.
    pub params: Vec<Value>,
}

impl Statement {
    /// A statement from SQL and parameters.
    pub fn new(sql: impl Into<Cow<'static, str>>, params: Vec<Value>) -> Self {
        Self {
            sql: sql.into(),
            params,
        }
    }

    /// `INSERT INTO "table" ("a", "b", …) VALUES (?1, ?2, …)` from the fields of
    /// `row` (a struct or a string-keyed map), for use in a [`Db::batch`].
    /// Fields serde skips are left out, so the column's default applies.
    pub fn insert_into<T: Serialize + ?Sized>(table: &str, row: &T) -> Result<Self, DbError> {
        let table = params::quoted(table)?;
        let columns = params::to_columns(row)?;
        if columns.is_empty() {
            return Ok(Self::new(
                format!("INSERT INTO {table} DEFAULT VALUES"),
                Vec::new(),
            ));
        }
        let mut names = Vec::with_capacity(columns.len());
        let mut marks = Vec::with_capacity(columns.len());
        let mut values = Vec::with_capacity(columns.len());
        for (i, (name, value)) in columns.into_iter().enumerate() {
            names.push(params::quoted(&name)?);
            marks.push(format!("?{}", i + 1));
            values.push(value);
        }
        Ok(Self::new(
            format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            ),
            values,
        ))
    }

    /// `UPDATE "table" SET "a" = ?1, … WHERE "key_column" = ?N` from the fields
    /// of `changes`, for use in a [`Db::batch`]. Fields serde skips are left
    /// unchanged.
    pub fn update_by<T: Serialize + ?Sized>(
        table: &str,
        key_column: &str,
        key: impl Into<Value>,
        changes: &T,
    ) -> Result<Self, DbError> {
        let table = params::quoted(table)?;
        let key_column = params::quoted(key_column)?;
        let columns = params::to_columns(changes)?;
        if columns.is_empty() {
            return Err(DbError::Encode(format!(
                "nothing to update in {table}: the changes have no fields"
            )));
        }
        let mut sets = Vec::with_capacity(columns.len());
        let mut values = Vec::with_capacity(columns.len() + 1);
        for (i, (name, value)) in columns.into_iter().enumerate() {
            sets.push(format!("{} = ?{}", params::quoted(&name)?, i + 1));
            values.push(value);
        }
        values.push(key.into());
        Ok(Self::new(
            format!(
                "UPDATE {table} SET {} WHERE {key_column} = ?{}",
                sets.join(", "),
                values.len()
            ),
            values,
        ))
    }

    /// The parameter and integer rules, checked before a statement runs.
    fn check_params(&self) -> Result<(), DbError> {
        if self.params.len() > MAX_PARAMS {
            return Err(DbError::TooManyParameters {
                count: self.params.len(),
            });
        }
        for (i, p) in self.params.iter().enumerate() {
            if let Value::Integer(v) = p {
                check_integer(*v, &format!("parameter {}", i + 1))?;
            }
        }
        Ok(())
    }
}

fn check_integer(v: i64, place: &str) -> Result<(), DbError> {
    if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&v) {
        Ok(())
    } else {
        Err(DbError::IntegerOutOfRange {
            place: place.to_owned(),
            value: v,
        })
    }
}

/// Builds the parameter list of a statement: `params![id, name]`.
#[macro_export]
macro_rules! params {
    () => { ::std::vec::Vec::<$crate::db::Value>::new() };
    ($($v:expr),+ $(,)?) => { ::std::vec![$($crate::db::Value::from($v)),+] };
}

/// What an `execute` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExecResult {
    /// Rows inserted, updated or deleted.
    pub rows_affected: u64,
    /// Row id of the last insert on this connection.
    pub last_insert_id: i64,
}

/// Result rows: column names and values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Column names, in order.
    pub columns: Arc<[String]>,
    /// Row values, each as long as `columns`.
    pub rows: Vec<Vec<Value>>,
}

/// A database failure.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A constraint (unique, foreign key, check, not null) refused the change.
    #[error("constraint violated: {0}")]
    Constraint(String),
    /// An integer outside ±(2^53 − 1), the range D1 can represent.
    #[error(
        "{place} is {value}, outside ±9007199254740991, the integer range D1 can store exactly"
    )]
    IntegerOutOfRange {
        /// Where: a parameter or a column.
        place: String,
        /// The value.
        value: i64,
    },
    /// A statement binds more than [`MAX_PARAMS`] parameters, which D1 refuses.
    #[error(
        "the statement binds {count} parameters; D1 allows at most 100 per statement: \
         split it (insert rows as a batch of smaller statements) or pass a list as one JSON parameter"
    )]
    TooManyParameters {
        /// How many it binds.
        count: usize,
    },
    /// A value could not be turned into a parameter (a non-finite float,
    /// a row that is not a struct, a failing `Serialize`).
    #[error("cannot bind the value: {0}")]
    Encode(String),
    /// A table or column name is not a plain identifier (see [`is_identifier`]).
    #[error(
        "{0:?} is not a valid SQL identifier: use ASCII letters, digits and `_`, not starting with a digit"
    )]
    InvalidIdentifier(String),
    /// A row could not be turned into the requested type.
    #[error("row does not match the requested type: {0}")]
    Decode(String),
    /// A migration failed; start-up stops.
    #[error("migration {block}/{file} failed: {message}")]
    Migration {
        /// The block whose migration failed.
        block: String,
        /// The file name.
        file: String,
        /// The database's message.
        message: String,
    },
    /// No connection became free within the acquire timeout: the database
    /// is saturated. Answered 503 with `Retry-After`; retrying later helps.
    #[error("the database is busy: no connection became free within {waited_ms} ms")]
    Busy {
        /// How long the caller waited.
        waited_ms: u64,
    },
    /// Anything else the database reported.
    #[error("database error: {0}")]
    Backend(String),
}

/// A migration file embedded into a block at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// File name, e.g. `0001_init.sql`; applied in name order.
    pub name: &'static str,
    /// The SQL.
    pub sql: &'static str,
}

/// A migration to apply: embedded ([`Migration`]) or generated at start-up
/// (for example from a data schema).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationSource {
    /// Name; migrations apply in name order, each once per block.
    pub name: Cow<'static, str>,
    /// The SQL (several statements allowed).
    pub sql: Cow<'static, str>,
}

impl From<&Migration> for MigrationSource {
    fn from(m: &Migration) -> Self {
        Self {
            name: Cow::Borrowed(m.name),
            sql: Cow::Borrowed(m.sql),
        }
    }
}

/// What a database backend implements (SQLite natively, D1 on Workers).
pub trait DbBackend: MaybeSend + MaybeSync + 'static {
    /// Runs one statement that returns no rows.
    fn execute(&self, stmt: Statement) -> BoxFuture<'_, Result<ExecResult, DbError>>;
    /// Runs one query.
    fn query(&self, stmt: Statement) -> BoxFuture<'_, Result<Rows, DbError>>;
    /// Runs statements atomically: all apply or none.
    fn batch(&self, stmts: Vec<Statement>) -> BoxFuture<'_, Result<Vec<ExecResult>, DbError>>;
    /// Applies the block's migrations not yet recorded, each in a transaction.
    fn migrate(
        &self,
        block: String,
        migrations: Vec<MigrationSource>,
    ) -> BoxFuture<'_, Result<Vec<String>, DbError>>;
}

/// The domain's database, as handlers see it through `ctx.db()`.
#[derive(Clone)]
pub struct Db {
    backend: Arc<dyn DbBackend>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").finish_non_exhaustive()
    }
}

impl Db {
    /// Wraps a backend.
    pub fn new(backend: impl DbBackend) -> Self {
        Self {
            backend: Arc::new(backend),
        }
    }

    /// Runs a statement that returns no rows: `INSERT`, `UPDATE`, `DELETE`.
    pub async fn execute(
        &self,
        sql: impl Into<Cow<'static, str>>,
        params: Vec<Value>,
    ) -> Result<ExecResult, DbError> {
        let stmt = Statement::new(sql, params);
        stmt.check_params()?;
        self.backend.execute(stmt).await
    }

    /// Runs a query and deserializes every row into `T` (columns by name).
    pub async fn query<T: DeserializeOwned>(
        &self,
        sql: impl Into<Cow<'static, str>>,
        params: Vec<Value>,
    ) -> Result<Vec<T>, DbError> {
        let rows = self.query_rows(sql, params).await?;
        let columns = rows.columns;
        rows.rows
            .into_iter()
            .map(|row| decode_row(&columns, row))
            .collect()
    }

    /// Runs a query and deserializes the first row, if any.
    pub async fn first<T: DeserializeOwned>(
        &self,
        sql: impl Into<Cow<'static, str>>,
        params: Vec<Value>,
    ) -> Result<Option<T>, DbError> {
        let rows = self.query_rows(sql, params).await?;
        let columns = rows.columns;
        rows.rows
            .into_iter()
            .next()
            .map(|row| decode_row(&columns, row))
            .transpose()
    }

    /// Runs a query and returns raw rows.
    pub async fn query_rows(
        &self,
        sql: impl Into<Cow<'static, str>>,
        params: Vec<Value>,
    ) -> Result<Rows, DbError> {
        let stmt = Statement::new(sql, params);
        stmt.check_params()?;
        self.backend.query(stmt).await
    }

    /// Inserts `row` (a struct or a string-keyed map) into `table`, one column
    /// per serialized field; see [`Statement::insert_into`].
    ///
    /// ```no_run
    /// # async fn demo(db: &clodo_sdk::Db) -> Result<(), clodo_sdk::DbError> {
    /// #[derive(serde::Serialize)]
    /// struct NewItem<'a> { name: &'a str, price_cents: i64, tags: Vec<&'a str> }
    ///
    /// let done = db.insert_into("items", &NewItem { name: "bun", price_cents: 90, tags: vec!["sweet"] }).await?;
    /// println!("new id {}", done.last_insert_id);
    /// # Ok(()) }
    /// ```
    pub async fn insert_into<T: Serialize + ?Sized>(
        &self,
        table: &str,
        row: &T,
    ) -> Result<ExecResult, DbError> {
        let stmt = Statement::insert_into(table, row)?;
        self.execute(stmt.sql, stmt.params).await
    }

    /// Updates the rows of `table` whose `key_column` equals `key`, setting
    /// one column per serialized field of `changes`; see [`Statement::update_by`].
    pub async fn update_by<T: Serialize + ?Sized>(
        &self,
        table: &str,
        key_column: &str,
        key: impl Into<Value>,
        changes: &T,
    ) -> Result<ExecResult, DbError> {
        let stmt = Statement::update_by(table, key_column, key, changes)?;
        self.execute(stmt.sql, stmt.params).await
    }

    /// Runs statements atomically, in order: all apply or none do.
    /// (D1 has no interactive transactions, so neither does this API.)
    pub async fn batch(&self, stmts: Vec<Statement>) -> Result<Vec<ExecResult>, DbError> {
        for s in &stmts {
            s.check_params()?;
        }
        self.backend.batch(stmts).await
    }

    /// Applies a block's migrations; returns the names newly applied.
    pub async fn migrate(
        &self,
        block: &str,
        migrations: &[MigrationSource],
    ) -> Result<Vec<String>, DbError> {
        self.backend
            .migrate(block.to_owned(), migrations.to_vec())
            .await
    }
}

fn decode_row<T: DeserializeOwned>(columns: &[String], row: Vec<Value>) -> Result<T, DbError> {
    for (name, value) in columns.iter().zip(&row) {
        if let Value::Integer(i) = value {
            check_integer(*i, &format!("column `{name}`"))?;
        }
    }
    T::deserialize(row::RowDeserializer {
        columns,
        values: row.into_iter(),
        index: 0,
    })
    .map_err(|e| DbError::Decode(e.0))
}
