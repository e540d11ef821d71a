//! The baseline: the same two routes written by hand with axum and rusqlite,
//! as a developer would without Clodo. Same schema and migrations, same
//! token verifier, same SQL, same pool strategy.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::extract::{Path as AxPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use clodo_sdk::auth::{TokenKeys, User, unix_now};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

#[derive(Clone)]
struct AppState {
    readers: Arc<(Mutex<Vec<Connection>>, Semaphore)>,
    writer: Arc<(Mutex<Vec<Connection>>, Semaphore)>,
    keys: TokenKeys,
}

#[derive(Serialize, Deserialize)]
struct Line {
    menu_item_id: i64,
    name: String,
    quantity: i64,
    unit_price_cents: i64,
}

#[derive(Serialize)]
struct Order {
    id: i64,
    customer_id: String,
    customer_email: String,
    pickup_date: String,
    status: String,
    note: Option<String>,
    total_cents: i64,
    created_at: String,
    ready_at: Option<String>,
    lines: Vec<Line>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewLine {
    menu_item_id: i64,
    quantity: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrder {
    pickup_date: String,
    lines: Vec<NewLine>,
    #[serde(default)]
    note: Option<String>,
}

fn err(status: StatusCode, detail: &str) -> Response {
    let body = serde_json::json!({"type": "about:blank", "title": status.canonical_reason(), "status": status.as_u16(), "detail": detail});
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

// Returning a ready response as the error is the usual axum style.
#[allow(clippy::result_large_err)]
fn auth(state: &AppState, headers: &HeaderMap) -> Result<User, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| err(StatusCode::UNAUTHORIZED, "missing token"))?;
    state
        .keys
        .verify(token, unix_now())
        .map_err(|e| err(StatusCode::UNAUTHORIZED, &e.to_string()))
}

type Pool = Arc<(Mutex<Vec<Connection>>, Semaphore)>;

async fn with_conn<R: Send + 'static>(
    pool: &Pool,
    f: impl FnOnce(&mut Connection) -> rusqlite::Result<R> + Send + 'static,
) -> Result<R, Response> {
    let _permit = pool
        .1
        .acquire()
        .await
        .map_err(|_| err(StatusCode::INTERNAL_SERVER_ERROR, "pool"))?;
    let pool = Arc::clone(pool);
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.0.lock().unwrap().pop().unwrap();
        let r = f(&mut conn);
        pool.0.lock().unwrap().push(conn);
        r
    })
    .await
    .map_err(|_| err(StatusCode::INTERNAL_SERVER_ERROR, "task"))?
    .map_err(|e| err(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))
}

const ORDER_SELECT: &str = "SELECT o.id, o.customer_id, o.customer_email, o.pickup_date, o.status, \
     o.note, o.total_cents, o.created_at, o.ready_at, \
     (SELECT json_group_array(json_object('menu_item_id', l.menu_item_id, 'name', l.name, \
         'quantity', l.quantity, 'unit_price_cents', l.unit_price_cents) ORDER BY l.line_no) \
      FROM order_lines AS l WHERE l.order_id = o.id) AS lines \
     FROM orders AS o WHERE o.id = ?1";

fn load_order(conn: &Connection, id: i64) -> rusqlite::Result<Option<Order>> {
    let mut stmt = conn.prepare_cached(ORDER_SELECT)?;
    stmt.query_row([id], |r| {
        let lines: String = r.get(9)?;
        Ok(Order {
            id: r.get(0)?,
            customer_id: r.get(1)?,
            customer_email: r.get(2)?,
            pickup_date: r.get(3)?,
            status: r.get(4)?,
            note: r.get(5)?,
            total_cents: r.get(6)?,
            created_at: r.get(7)?,
            ready_at: r.get(8)?,
            lines: serde_json::from_str(&lines).unwrap_or_default(),
        })
    })
    .optional()
}

async fn get_order(
    State(state): State<AppState>,
    headers: HeaderMap,
    AxPath(id): AxPath<i64>,
) -> Response {
    let user = match auth(&state, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    match with_conn(&state.readers, move |c| load_order(c, id)).await {
        Ok(Some(o)) if o.customer_id == user.id || user.has_role("staff") => {
            Json(o).into_response()
        }
        Ok(_) => err(StatusCode::NOT_FOUND, "no such order"),
        Err(r) => r,
    }
}

async fn place_order(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(order): Json<NewOrder>,
) -> Response {
    let user = match auth(&state, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let result = with_conn(&state.writer, move |c| {
        let menu: Vec<(i64, String, i64)> = {
            let mut s = c.prepare_cached("SELECT id, name, description, price_cents FROM menu_items WHERE available = 1")?;
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(3)?)))?.collect::<Result<_, _>>()?
        };
        let mut priced = Vec::new();
        for l in &order.lines {
            match menu.iter().find(|m| m.0 == l.menu_item_id) {
                Some(m) if (1..=100).contains(&l.quantity) => priced.push((m.0, m.1.clone(), i64::from(l.quantity), m.2)),
                _ => return Ok(None),
            }
        }
        if priced.is_empty() || order.pickup_date.len() != 10 {
            return Ok(None);
        }
        let total: i64 = priced.iter().map(|p| p.2 * p.3).sum();
        let mut raw = [0u8; 16];
        getrandom::fill(&mut raw).expect("random");
        let order_ref: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        let created_at = clodo_sdk::time::Timestamp::now().to_string();
        let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.prepare_cached("INSERT INTO orders (ref, customer_id, customer_email, pickup_date, note, total_cents, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?
            .execute(rusqlite::params![order_ref, user.id, user.email, order.pickup_date, order.note, total, created_at])?;
        let id = tx.last_insert_rowid();
        let lines: Vec<Line> = priced
            .iter()
            .map(|p| Line { menu_item_id: p.0, name: p.1.clone(), quantity: p.2, unit_price_cents: p.3 })
            .collect();
        let lines_json = serde_json::to_string(&lines).expect("lines serialize");
        tx.prepare_cached("INSERT INTO order_lines (order_id, line_no, menu_item_id, name, quantity, unit_price_cents) \
             SELECT o.id, l.key + 1, json_extract(l.value, '$.menu_item_id'), json_extract(l.value, '$.name'), \
                    json_extract(l.value, '$.quantity'), json_extract(l.value, '$.unit_price_cents') \
             FROM orders AS o, json_each(?2) AS l WHERE o.ref = ?1")?
            .execute(rusqlite::params![order_ref, lines_json])?;
        tx.commit()?;
        Ok(Some(Order {
            id,
            customer_id: user.id,
            customer_email: user.email,
            pickup_date: order.pickup_date,
            status: "placed".to_owned(),
            note: order.note,
            total_cents: total,
            created_at,
            ready_at: None,
            lines,
        }))
    })
    .await;
    match result {
        Ok(Some(o)) => {
            let loc = format!("/orders/{}", o.id);
            (StatusCode::CREATED, [(header::LOCATION, loc)], Json(o)).into_response()
        }
        Ok(None) => err(StatusCode::UNPROCESSABLE_ENTITY, "invalid order"),
        Err(r) => r,
    }
}

/// Starts the baseline on an ephemeral loopback port with its own database.
pub async fn start(dir: &Path, keys: TokenKeys) -> SocketAddr {
    std::fs::create_dir_all(dir).unwrap();
    let db = dir.join("db.sqlite3");
    let _ = std::fs::remove_file(&db);
    let open = |n: usize| -> Pool {
        let conns = (0..n)
            .map(|_| {
                let c = Connection::open(&db).unwrap();
                c.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;").unwrap();
                c
            })
            .collect();
        Arc::new((Mutex::new(conns), Semaphore::new(n)))
    };
    let writer = open(1);
    {
        let w = writer.0.lock().unwrap();
        w[0].execute_batch(include_str!("../../migrations/0001_init.sql"))
            .unwrap();
        w[0].execute_batch(include_str!("../../migrations/0002_seed_menu.sql"))
            .unwrap();
    }
    let state = AppState {
        readers: open(4),
        writer,
        keys,
    };
    let app = Router::new()
        .route("/orders/{id}", get(get_order))
        .route("/orders", post(place_order))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    addr
}
