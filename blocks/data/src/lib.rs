//! # clodo-data
//!
//! The generic data block: records of the models a schema file declares,
//! served as REST with no code.
//!
//! It is an ordinary `#[clodo_block]`, built on the public API of
//! `clodo-sdk` only, as a third party's block would be: it depends on
//! `clodo-sdk` (and on crates from the registry), never on another Clodo
//! block, and nothing in `clodo-sdk` depends on it. It mounts through
//! [`App::mount_spec`] with a [`MountSpec`] whose
//! [`MigrationPlanner`](clodo_sdk::app::MigrationPlanner) generates its
//! migrations from the schema and whose
//! [`ContractHook`](clodo_sdk::app::ContractHook) adds its models to the
//! contract.
//!
//! ```no_run
//! use clodo_sdk::App;
//! use clodo_data::DataBlock;
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let app = DataBlock::from_file("schema/data.toml")?.mount(App::new(), "/data");
//!     app.run_cli()?;
//!     Ok(())
//! }
//! ```
//!
//! # The schema file
//!
//! ```toml
//! [models.customers]
//! access = "owner"            # owner (default) | domain | public-read
//! description = "People who order from the bakery."
//!
//! [models.customers.fields]
//! name = { type = "text", required = true, length = { min = 1, max = 100 } }
//! email = { type = "text", required = true, unique = true, pattern = "^[^@\\s]+@[^@\\s]+$" }
//! tier = { type = "text", enum = ["regular", "wholesale"], default = "regular", index = true }
//! credit_cents = { type = "integer", min = 0, default = 0 }
//! birthday = { type = "timestamp" }
//! newsletter = { type = "boolean", default = false }
//! tags = { type = "json" }
//!
//! [models.notes.fields]
//! customer = { belongs_to = "customers", required = true, on_delete = "cascade" }
//! text = { type = "text", required = true }
//! ```
//!
//! Field keys: `type` (text, integer, real, boolean, timestamp, json),
//! `required`, `unique`, `index`, `default`, `min`/`max` (numbers),
//! `length = { min, max }` and `pattern` (text), `enum` (text, integer),
//! `belongs_to` (another model; the field holds its record id) with
//! `on_delete` (restrict, cascade, set-null), `description`. Unknown keys are
//! refused; every error names the file, line, column and key.
//!
//! Every record also has `id`, `owner_id` (its creator, unless staff set it),
//! `created_at` and `updated_at`. Model `x` lives in table `data_x`, so
//! custom blocks can read it with `ctx.db()`.
//!
//! # Access
//!
//! - `owner`: signed-in users see and change only their own records; users
//!   with role `staff` or `admin` see and change all, and may set `owner_id`.
//! - `domain`: any signed-in user reads and writes every record.
//! - `public-read`: anyone reads, without a token; signed-in users write.
//!
//! # REST, per model (mounted at `/data`)
//!
//! - `GET /data/{model}`: `{ "items": [...], "paging": { "limit", "has_more",
//!   "next_cursor", "page" } }`. `limit` (1 to 100, default 20);
//!   `cursor` (the previous page's `next_cursor`) or `page` (1-based);
//!   filters `field=value` or `field[op]=value` with `op` one of `eq`, `ne`,
//!   `gt`, `gte`, `lt`, `lte`, `like`, `in` (comma-separated); `sort=-a,b`;
//!   `fields=a,b` (declared names only, no spaces). `page` beside `cursor`
//!   is ignored. Each parameter is given at most once (400 otherwise).
//! - Limits, so that no statement binds more than D1's 100 parameters: up
//!   to 60 filter values ([`MAX_BOUND_FILTER_VALUES`]) are bound one each,
//!   more travel in one bound JSON array, so the filters a model declares
//!   can all be given at once; at most 100 values per `in`
//!   ([`MAX_IN_VALUES`]), 5 fields in `sort` ([`MAX_SORT_KEYS`]) and 64
//!   fields per model ([`MAX_FIELDS`]). Beyond one, 400 naming it. The
//!   contract declares each of these (`maxItems`, patterns).
//! - `GET /data/{model}/{id}` (`fields` too), `POST` (201 + `Location`),
//!   `PUT` (full replace), `PATCH` (partial), `DELETE` (204).
//! - Invalid bodies: 422 listing each field. Unknown model, field or
//!   operator: 400 naming it. Only names declared in the schema are written
//!   into SQL; every value is a bound parameter.
//! - `unique` fields: under `access = "owner"`, unique among one owner's
//!   records (records without an owner count as one owner), so a clash
//!   says nothing about other users' records; otherwise unique in the
//!   table. A clash answers 409 with the field under `errors`. Databases
//!   migrated before this rule move to the per-owner index on the next start.
//!
//! # Migrations
//!
//! Generated at start-up from the difference between the schema and the one
//! last applied (kept in `_clodo_data_schema`). Additions apply by
//! themselves; a dropped model or field or a changed type or link is refused
//! with an explanation unless listed in the schema's top-level
//! `allow_destructive = ["model", "model.field"]`.
//!
//! The contract served at `/openapi.json` describes every model: operations
//! `list_x`, `get_x`, `create_x`, `replace_x`, `update_x`, `delete_x` and
//! component schemas `X` (a whole record, as writes answer it),
//! `XPartial` (as reads answer it: with `fields`, only `id` is sure to be
//! there), `XInput`, `XPatch` and `XList` (of `XPartial`).
#![deny(missing_docs)]

mod contract;
mod handlers;
mod migrate;
mod query;
mod record;
mod schema;

#[cfg(test)]
mod bounds_tests;
#[cfg(test)]
mod tests;

use std::sync::Arc;

pub use handlers::{DataHandlers, STAFF_ROLES};
pub use migrate::SCHEMA_TABLE;
pub use query::{
    DEFAULT_LIMIT, MAX_BOUND_FILTER_VALUES, MAX_IN_VALUES, MAX_LIMIT, MAX_LIST_PARAMS, MAX_PAGE,
    MAX_SORT_KEYS, OPERATORS, Op, QueryParams,
};
pub use record::{Page, Paging, Record};
pub use schema::{
    Access, Field, FieldType, LIST_PARAMETERS, MAX_FIELDS, Model, OnDelete, Pattern,
    SYSTEM_COLUMNS, Schema, SchemaError, SchemaProblem, is_valid_name,
};

use clodo_sdk::app::{App, MountSpec};

/// The block name the data block mounts under (and records migrations as).
pub const BLOCK_NAME: &str = "data";

/// A data block: a validated schema, ready to mount.
#[derive(Debug, Clone)]
pub struct DataBlock {
    schema: Arc<Schema>,
}

impl DataBlock {
    /// Reads and validates a schema file.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Self, SchemaError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| SchemaError::Io {
            file: file.clone(),
            source,
        })?;
        Self::from_toml(&file, &text)
    }

    /// Validates schema text; `file` names it in messages. With
    /// `include_str!`, this also works on Workers, which have no files.
    pub fn from_toml(file: &str, text: &str) -> Result<Self, SchemaError> {
        Ok(Self {
            schema: Arc::new(schema::parse(file, text)?),
        })
    }

    /// The schema.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The migration SQL a database that has applied `previous` (`None`: a
    /// new database) gets when this schema starts; `Ok(None)` when there is
    /// nothing to do. `Err` explains a refused destructive change.
    pub fn migration_sql(&self, previous: Option<&DataBlock>) -> Result<Option<String>, String> {
        let old = previous.map(|p| migrate::Stored::of(&p.schema));
        migrate::migration(BLOCK_NAME, old.as_ref().map(|s| (1, s)), &self.schema)
            .map(|m| m.map(|m| m.sql.into_owned()))
            .map_err(|r| r.to_string())
    }

    /// Mounts the block at `prefix`: its routes, its generated migrations
    /// and its part of the contract. One data block per app: mounting a
    /// second one makes start-up fail with a message.
    pub fn mount(self, app: App, prefix: &str) -> App {
        let mut spec = MountSpec::of::<DataHandlers>();
        if app.state().get::<handlers::DataState>().is_some() {
            let msg =
                "a data block is mounted twice; put all models into one schema file".to_owned();
            return app.mount_spec(prefix, failing(spec, msg));
        }
        spec.migration_planner = Some(migrate::planner(BLOCK_NAME, Arc::clone(&self.schema)));
        spec.contract_hook = Some(contract::hook(Arc::clone(&self.schema)));
        app.with_state(handlers::DataState {
            schema: self.schema,
        })
        .mount_spec(prefix, spec)
    }
}

/// A spec that stops start-up (and contract export) with `msg`.
fn failing(mut spec: MountSpec, msg: String) -> MountSpec {
    let m = msg.clone();
    spec.migration_planner = Some(Arc::new(move |_| {
        let m = m.clone();
        Box::pin(async move { Err(m) })
    }));
    spec.contract_hook = Some(Arc::new(move |_: &mut openapiv3::OpenAPI, _: &str| {
        Err(msg.clone())
    }));
    spec
}

/// Mounts the schema `loaded` at `prefix`, or, when it failed to load, a
/// block that makes start-up (and `contract`) fail with the schema's errors.
/// For `fn app() -> App`, which cannot return the error itself:
///
/// ```no_run
/// use clodo_sdk::App;
/// use clodo_data::DataBlock;
///
/// // Usually `include_str!("../schema/data.toml")`.
/// const SCHEMA: &str = "[models.notes.fields]\ntext = { type = \"text\", required = true }\n";
///
/// pub fn app() -> App {
///     clodo_data::mount(App::new(), "/data", DataBlock::from_toml("schema/data.toml", SCHEMA))
/// }
/// ```
pub fn mount(app: App, prefix: &str, loaded: Result<DataBlock, SchemaError>) -> App {
    match loaded {
        Ok(block) => block.mount(app, prefix),
        Err(e) => app.mount_spec(
            prefix,
            failing(MountSpec::of::<DataHandlers>(), e.to_string()),
        ),
    }
}
