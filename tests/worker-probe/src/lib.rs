//! A test block for what must behave the same natively and on Workers: the
//! database's results, errors and integer rule (SQLite vs D1), migrations
//! with triggers, and a panicking handler. Its tests (`tests/parity.rs`)
//! run every route on both targets with the same assertions.

use clodo_sdk::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A row of every storage class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// Row id.
    pub id: i64,
    /// Unique name.
    pub name: String,
    /// A REAL column (may be null).
    pub price: Option<f64>,
    /// A BLOB column (may be null).
    pub data: Option<Vec<u8>>,
}

/// A new item.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewItem {
    /// Unique name.
    pub name: String,
    /// Price.
    pub price: Option<f64>,
    /// Bytes.
    pub data: Option<Vec<u8>>,
}

/// What an execute reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Exec {
    /// Rows changed.
    pub rows_affected: u64,
    /// Last insert id.
    pub last_insert_id: i64,
}

/// A row of the trigger's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LogRow {
    /// The item.
    pub item_id: i64,
    /// What the trigger wrote.
    pub what: String,
}

/// Literal values of each type, read back through the row decoder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Literals {
    /// An integer.
    pub i: i64,
    /// A real.
    pub r: f64,
    /// A whole real (D1 hands it over as a number, SQLite as a REAL).
    pub whole: f64,
    /// Text.
    pub t: String,
    /// Null.
    pub n: Option<i64>,
    /// A blob.
    pub b: Vec<u8>,
    /// The largest integer D1 keeps exactly.
    pub max_safe: i64,
}

/// A migration record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Applied {
    /// Block.
    pub block: String,
    /// File.
    pub name: String,
}

/// The probe block.
pub struct Probe;

/// Probes of the runtime's database and panic handling.
#[clodo_block(name = "probe", version = "0.1.0")]
impl Probe {
    /// Always fine.
    #[get("/ok")]
    #[public]
    async fn ok() -> Result<Json<bool>, ApiError> {
        Ok(Json(true))
    }

    /// Panics.
    #[get("/panic")]
    #[public]
    async fn panics(ctx: &Ctx) -> Result<Json<bool>, ApiError> {
        let n = ctx
            .db()
            .query::<LogRow>("SELECT item_id, what FROM item_log", params![])
            .await?;
        panic!("the probe panics on purpose after reading {} rows", n.len());
    }

    /// Inserts an item (409 on a duplicate name).
    #[post("/items")]
    #[public]
    async fn add(ctx: &Ctx, item: Json<NewItem>) -> Result<Created<Exec>, ApiError> {
        let r = ctx
            .db()
            .execute(
                "INSERT INTO items (name, price, data) VALUES (?1, ?2, ?3)",
                params![item.name.as_str(), item.price, item.data.clone()],
            )
            .await?;
        Ok(Created::new(
            format!("/items/{}", r.last_insert_id),
            Exec {
                rows_affected: r.rows_affected,
                last_insert_id: r.last_insert_id,
            },
        ))
    }

    /// Inserts several items atomically: a duplicate leaves none behind.
    #[post("/items/batch")]
    #[public]
    async fn add_batch(ctx: &Ctx, items: Json<Vec<NewItem>>) -> Result<Json<Vec<Exec>>, ApiError> {
        let stmts = items
            .iter()
            .map(|i| {
                Statement::new(
                    "INSERT INTO items (name, price, data) VALUES (?1, ?2, ?3)",
                    params![i.name.as_str(), i.price, i.data.clone()],
                )
            })
            .collect();
        let done = ctx.db().batch(stmts).await?;
        Ok(Json(
            done.into_iter()
                .map(|r| Exec {
                    rows_affected: r.rows_affected,
                    last_insert_id: r.last_insert_id,
                })
                .collect(),
        ))
    }

    /// Every item, by id.
    #[get("/items")]
    #[public]
    async fn list(ctx: &Ctx) -> Result<Json<Vec<Item>>, ApiError> {
        Ok(Json(
            ctx.db()
                .query(
                    "SELECT id, name, price, data FROM items ORDER BY id",
                    params![],
                )
                .await?,
        ))
    }

    /// Deletes every item; reports the count.
    #[delete("/items")]
    #[public]
    async fn clear(ctx: &Ctx) -> Result<Json<Exec>, ApiError> {
        let r = ctx.db().execute("DELETE FROM items", params![]).await?;
        Ok(Json(Exec {
            rows_affected: r.rows_affected,
            last_insert_id: r.last_insert_id,
        }))
    }

    /// What the trigger logged.
    #[get("/log")]
    #[public]
    async fn log(ctx: &Ctx) -> Result<Json<Vec<LogRow>>, ApiError> {
        Ok(Json(
            ctx.db()
                .query(
                    "SELECT item_id, what FROM item_log ORDER BY rowid",
                    params![],
                )
                .await?,
        ))
    }

    /// One literal of each type.
    #[get("/literals")]
    #[public]
    async fn literals(ctx: &Ctx) -> Result<Json<Literals>, ApiError> {
        let row = ctx
            .db()
            .first(
                "SELECT 7 AS i, 2.5 AS r, 3.0 AS whole, 'x' AS t, NULL AS n, x'00ff10' AS b, \
                 9007199254740991 AS max_safe",
                params![],
            )
            .await?;
        row.map(Json).ok_or_else(|| ApiError::internal("no row"))
    }

    /// Reads an integer past ±(2^53 − 1): refused on both targets.
    #[get("/too-big/read")]
    #[public]
    async fn too_big_read(ctx: &Ctx) -> Result<Json<i64>, ApiError> {
        #[derive(Deserialize)]
        struct Big {
            big: i64,
        }
        let row: Option<Big> = ctx
            .db()
            .first("SELECT 9007199254740993 AS big", params![])
            .await?;
        Ok(Json(row.map_or(0, |r| r.big)))
    }

    /// Binds an integer past ±(2^53 − 1): refused on both targets.
    #[get("/too-big/bind")]
    #[public]
    async fn too_big_bind(ctx: &Ctx) -> Result<Json<bool>, ApiError> {
        ctx.db().execute("SELECT ?1", params![1i64 << 60]).await?;
        Ok(Json(true))
    }

    /// The migrations applied, as recorded.
    #[get("/migrations")]
    #[public]
    async fn migrations(ctx: &Ctx) -> Result<Json<Vec<Applied>>, ApiError> {
        Ok(Json(
            ctx.db()
                .query(
                    "SELECT block, name FROM _clodo_migrations ORDER BY block, name",
                    params![],
                )
                .await?,
        ))
    }

    /// Bad SQL: a 500 that hides the cause.
    #[get("/bad-sql")]
    #[public]
    async fn bad_sql(ctx: &Ctx) -> Result<Json<bool>, ApiError> {
        ctx.db().execute("SELEC nonsense", params![]).await?;
        Ok(Json(true))
    }
}

/// The probe app.
pub fn app() -> App {
    App::new().mount::<Probe>("/")
}

// The Workers `fetch` entrypoint (wasm32 only).
clodo_sdk::worker_app!(crate::app);
