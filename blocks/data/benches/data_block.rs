//! The generic data block on 100,000 rows: a filtered, sorted, paged list
//! through the block against the same query hand-written with rusqlite, in
//! the same run, and bulk-insert throughput through the API.
//!
//! `cargo bench -p clodo-data --bench data_block`
//!
//! Both sides run in-process, without HTTP: the data block through
//! `Service::handle` (routing, query parsing, SQL building, the SQLite pool
//! on Tokio's blocking threads, JSON), the hand-written side as a handler
//! body would (the same SQL through `prepare_cached` on a pooled connection
//! on Tokio's blocking threads, rows into a struct, the same JSON envelope).
//! Environment: `BENCH_ROWS` (default 100000), `BENCH_SECS` per measurement
//! (default 3), `BENCH_ROUNDS` (default 3; the best round of each side is
//! reported), `BENCH_CONNS` concurrent inserts (default 32).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clodo_data::DataBlock;
use clodo_sdk::http_types::Request;
use clodo_sdk::native::{ServerConfig, start_service};
use clodo_sdk::testing::{TEST_SIGNING_KEY, user};
use clodo_sdk::{App, Service};
use rusqlite::Connection;
use serde::Serialize;

const SCHEMA: &str = r#"
[models.items]
access = "domain"
[models.items.fields]
name = { type = "text", required = true }
category = { type = "text", required = true, index = true }
price_cents = { type = "integer", required = true, index = true }
in_stock = { type = "boolean", default = true }
"#;

const SQL_CATEGORY: &str = "SELECT \"id\", \"owner_id\", \"created_at\", \"updated_at\", \"name\", \"category\", \"price_cents\", \"in_stock\" \
     FROM \"data_items\" WHERE \"category\" = ?1 AND \"price_cents\" >= ?2 ORDER BY \"price_cents\" DESC, \"id\" DESC LIMIT ?3";

const SQL_IN_STOCK: &str = "SELECT \"id\", \"owner_id\", \"created_at\", \"updated_at\", \"name\", \"category\", \"price_cents\", \"in_stock\" \
     FROM \"data_items\" WHERE \"in_stock\" = ?1 AND \"price_cents\" >= ?2 ORDER BY \"price_cents\" DESC, \"id\" DESC LIMIT ?3";

const CATEGORIES: [&str; 10] = [
    "bread", "buns", "cakes", "pies", "tarts", "cookies", "rolls", "pastry", "drinks", "misc",
];

/// One list, as a request to the block and as hand-written SQL with its parameters.
struct Case {
    label: &'static str,
    path: &'static str,
    sql: &'static str,
    params: fn() -> Vec<rusqlite::types::Value>,
}

const CASES: [Case; 2] = [
    // Bread from 5.00, dearest first: SQLite reads the category's 10% of the rows and sorts them.
    Case {
        label: "category+price, sorted",
        path: "/data/items?category=bread&price_cents[gte]=500&sort=-price_cents&limit=20",
        sql: SQL_CATEGORY,
        params: || vec!["bread".to_owned().into(), 500i64.into(), 21i64.into()],
    },
    // In stock from 5.00, dearest first: the price index serves filter and order.
    Case {
        label: "in_stock+price, sorted",
        path: "/data/items?in_stock=true&price_cents[gte]=500&sort=-price_cents&limit=20",
        sql: SQL_IN_STOCK,
        params: || vec![1i64.into(), 500i64.into(), 21i64.into()],
    },
];

fn env_num<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn request(method: http::Method, path: &str, token: &str, body: Option<&str>) -> Request {
    let mut req = Request::new(method, path);
    req.headers.insert(
        "authorization",
        format!("Bearer {token}").parse().expect("header"),
    );
    if let Some(b) = body {
        req.headers
            .insert("content-type", "application/json".parse().expect("header"));
        req.body = bytes::Bytes::copy_from_slice(b.as_bytes());
    }
    req
}

#[derive(Serialize)]
struct Item {
    id: i64,
    owner_id: Option<String>,
    created_at: String,
    updated_at: String,
    name: String,
    category: String,
    price_cents: i64,
    in_stock: bool,
}

#[derive(Serialize)]
struct Paging {
    limit: u32,
    has_more: bool,
    next_cursor: Option<String>,
    page: Option<u32>,
}

#[derive(Serialize)]
struct ItemPage {
    items: Vec<Item>,
    paging: Paging,
}

/// The hand-written handler: the same query on a pooled connection, on the blocking pool.
async fn hand_written(pool: &Arc<Mutex<Vec<Connection>>>, case: &Case) -> Vec<u8> {
    let pool = Arc::clone(pool);
    let (sql, params) = (case.sql, (case.params)());
    tokio::task::spawn_blocking(move || {
        let conn = pool.lock().expect("pool").pop().expect("a connection");
        let page = {
            let mut stmt = conn.prepare_cached(sql).expect("prepare");
            let mut items: Vec<Item> = stmt
                .query_map(rusqlite::params_from_iter(params), |r| {
                    Ok(Item {
                        id: r.get(0)?,
                        owner_id: r.get(1)?,
                        created_at: r.get(2)?,
                        updated_at: r.get(3)?,
                        name: r.get(4)?,
                        category: r.get(5)?,
                        price_cents: r.get(6)?,
                        in_stock: r.get(7)?,
                    })
                })
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            let has_more = items.len() > 20;
            items.truncate(20);
            let next_cursor = has_more
                .then(|| items.last().map(|i| format!("{}:{}", i.price_cents, i.id)))
                .flatten();
            ItemPage {
                items,
                paging: Paging {
                    limit: 20,
                    has_more,
                    next_cursor,
                    page: None,
                },
            }
        };
        pool.lock().expect("pool").push(conn);
        serde_json::to_vec(&page).expect("json")
    })
    .await
    .expect("task")
}

/// Mean latency of sequential calls for `secs`, after a short warm-up.
async fn latency<F, Fut>(secs: f64, mut call: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        call().await;
    }
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed().as_secs_f64() < secs {
        assert!(call().await > 100, "a real page");
        n += 1;
    }
    start.elapsed() / n
}

fn seed(path: &std::path::Path, rows: usize) {
    let mut conn = Connection::open(path).expect("open");
    conn.busy_timeout(Duration::from_secs(30)).expect("timeout");
    let tx = conn.transaction().expect("tx");
    {
        let mut stmt = tx
            .prepare("INSERT INTO data_items (owner_id, created_at, updated_at, name, category, price_cents, in_stock) \
                      VALUES ('seed', ?1, ?1, ?2, ?3, ?4, ?5)")
            .expect("prepare");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..rows {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let price = (x % 10_000) as i64;
            stmt.execute(rusqlite::params![
                "2026-01-01T00:00:00.000Z",
                format!("item {i}"),
                CATEGORIES[i % CATEGORIES.len()],
                price,
                i % 7 != 0
            ])
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
    conn.execute_batch("ANALYZE").expect("analyze");
}

fn main() {
    let rows: usize = env_num("BENCH_ROWS", 100_000);
    let secs: f64 = env_num("BENCH_SECS", 3.0);
    let rounds: usize = env_num("BENCH_ROUNDS", 3);
    let conns: usize = env_num("BENCH_CONNS", 32);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(".dev.vars"), format!("CLODO_SIGNING_KEY={TEST_SIGNING_KEY}\n")).expect("vars");
        let app = DataBlock::from_toml("bench.toml", SCHEMA).expect("schema").mount(App::new(), "/data");
        let cfg = ServerConfig::for_tests("bench.localhost", dir.path());
        let (svc, _) = start_service(&app, &cfg).await.expect("starts");
        let db_path = cfg.domain_dir().join("db.sqlite3");
        let t = Instant::now();
        seed(&db_path, rows);
        println!("data block: {rows} rows seeded in {:.1} s", t.elapsed().as_secs_f64());

        let token = svc.runtime().keys.mint(&user("bench", &["staff"]), clodo_sdk::auth::unix_now(), 3600);
        let pool: Arc<Mutex<Vec<Connection>>> = Arc::new(Mutex::new(
            (0..4)
                .map(|_| {
                    let c = Connection::open(&db_path).expect("open");
                    c.execute_batch("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;").expect("pragma");
                    c
                })
                .collect(),
        ));

        let block_call = |svc: Arc<Service>, token: String, path: &'static str| async move {
            let resp = svc.handle(request(http::Method::GET, path, &token, None), Arc::from("bench")).await;
            assert_eq!(resp.status(), 200);
            resp.body().len()
        };
        println!("lists: in-process, sequential calls; {secs} s x {rounds} rounds, best round of each side");
        println!("{:<26} {:>12} {:>12} {:>8}", "list (20 of 100k rows)", "data block", "rusqlite", "ratio");
        for case in &CASES {
            let sample = svc.handle(request(http::Method::GET, case.path, &token, None), Arc::from("x")).await;
            let doc: serde_json::Value = serde_json::from_slice(sample.body()).expect("json");
            let hw: serde_json::Value = serde_json::from_slice(&hand_written(&pool, case).await).expect("json");
            let ids = |d: &serde_json::Value| {
                d["items"].as_array().map(|a| a.iter().map(|i| i["id"].clone()).collect::<Vec<_>>())
            };
            assert_eq!(ids(&doc), ids(&hw), "both sides answer the same page: {}", case.path);
            assert_eq!(doc["items"].as_array().map(Vec::len), Some(20));
            let (mut best_block, mut best_hand) = (Duration::MAX, Duration::MAX);
            for _ in 0..rounds {
                let (svc2, tok) = (Arc::clone(&svc), token.clone());
                best_block = best_block.min(latency(secs, || block_call(Arc::clone(&svc2), tok.clone(), case.path)).await);
                best_hand = best_hand.min(latency(secs, || async { hand_written(&pool, case).await.len() }).await);
            }
            println!(
                "{:<26} {:>9.1} µs {:>9.1} µs {:>8.3}",
                case.label,
                best_block.as_secs_f64() * 1e6,
                best_hand.as_secs_f64() * 1e6,
                best_block.as_secs_f64() / best_hand.as_secs_f64()
            );
            println!("  GET {}", case.path);
        }

        // Bulk inserts through the API: POST /data/items from `conns` concurrent callers.
        let body = r#"{"name":"new loaf","category":"bread","price_cents":450}"#;
        let done = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let start = Instant::now();
        let deadline = start + Duration::from_secs_f64(secs);
        let mut tasks = Vec::new();
        for _ in 0..conns {
            let (svc, token, done) = (Arc::clone(&svc), token.clone(), Arc::clone(&done));
            tasks.push(tokio::spawn(async move {
                while Instant::now() < deadline {
                    let resp = svc.handle(request(http::Method::POST, "/data/items", &token, Some(body)), Arc::from("b")).await;
                    assert_eq!(resp.status(), 201);
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }));
        }
        for t in tasks {
            t.await.expect("task");
        }
        let n = done.load(std::sync::atomic::Ordering::Relaxed);
        println!(
            "{:<24} {:>9.0} records/s ({n} POSTs, {conns} concurrent callers, one record each)",
            "bulk insert via API",
            n as f64 / start.elapsed().as_secs_f64()
        );
    });
}
