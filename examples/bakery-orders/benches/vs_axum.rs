//! Requests per second of the bakery block served by Clodo, against a
//! hand-written axum + rusqlite equivalent, measured in the same run with
//! the same token check (HS256, the SDK's verifier), the same SQL and the
//! same connection-pool strategy (a few connections used from Tokio's
//! blocking pool).
//!
//! `cargo bench -p example-bakery-orders --bench vs_axum`
//! Environment: `BENCH_SECS` per round (default 3), `BENCH_CONNS` (default 32),
//! `BENCH_ROUNDS` (default 3; the best round of each side is reported),
//! `BENCH_WORK` (`get`, `post` or `all`, the default).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use clodo_sdk::testing::{TestServer, user};
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;

#[path = "vs_axum/baseline.rs"]
mod baseline;

#[derive(Clone, Copy, Debug)]
enum Workload {
    GetOrder,
    PostOrder,
}

const ORDER_JSON: &str = r#"{"pickup_date":"2026-12-01","lines":[{"menu_item_id":1,"quantity":2},{"menu_item_id":3,"quantity":3}]}"#;

/// Drives `conns` keep-alive connections for `secs`, returns requests per second.
async fn load(addr: SocketAddr, token: &str, work: Workload, conns: usize, secs: f64) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let stop = Arc::clone(&stop);
        let done = Arc::clone(&done);
        let auth = format!("Bearer {token}");
        tasks.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
            stream.set_nodelay(true).ok();
            let (mut send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .expect("handshake");
            tokio::spawn(conn);
            while !stop.load(Ordering::Relaxed) {
                let req = match work {
                    Workload::GetOrder => Request::get("/orders/1")
                        .header("host", "127.0.0.1")
                        .header("authorization", &auth)
                        .body(Full::new(Bytes::new()))
                        .unwrap(),
                    Workload::PostOrder => Request::post("/orders")
                        .header("host", "127.0.0.1")
                        .header("authorization", &auth)
                        .header("content-type", "application/json")
                        .body(Full::new(Bytes::from_static(ORDER_JSON.as_bytes())))
                        .unwrap(),
                };
                let resp = send.send_request(req).await.expect("request");
                let status = resp.status().as_u16();
                let _ = resp.into_body().collect().await;
                let expected = match work {
                    Workload::GetOrder => 200,
                    Workload::PostOrder => 201,
                };
                assert_eq!(status, expected, "{work:?}");
                done.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    // Warm up, then measure.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start_count = done.load(Ordering::Relaxed);
    let start = Instant::now();
    tokio::time::sleep(Duration::from_secs_f64(secs)).await;
    let n = done.load(Ordering::Relaxed) - start_count;
    let elapsed = start.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    n as f64 / elapsed
}

fn env_num<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let secs: f64 = env_num("BENCH_SECS", 3.0);
    let conns: usize = env_num("BENCH_CONNS", 32);
    let rounds: usize = env_num("BENCH_ROUNDS", 3);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let clodo = TestServer::start(example_bakery_orders::app()).await.expect("clodo starts");
        let clodo_addr: SocketAddr = clodo.url("").trim_start_matches("http://").parse().unwrap();
        let keys = clodo.keys().clone();
        let axum_dir = std::env::temp_dir().join(format!("clodo-bench-axum-{}", std::process::id()));
        let axum_addr = baseline::start(&axum_dir, keys.clone()).await;
        let customer = user("bench-customer", &["customer"]);
        let token = clodo.token(&customer);

        // Seed order 1 on both, owned by the benchmark's customer.
        for addr in [clodo_addr, axum_addr] {
            let r = load(addr, &token, Workload::PostOrder, 1, 0.05).await;
            assert!(r > 0.0);
        }

        println!("bakery-orders: Clodo vs hand-written axum + rusqlite ({conns} connections, {secs} s x {rounds} rounds, best round)");
        println!("{:<18} {:>12} {:>12} {:>8}", "workload", "clodo rps", "axum rps", "ratio");
        let works: &[Workload] = match std::env::var("BENCH_WORK").as_deref() {
            Ok("get") => &[Workload::GetOrder],
            Ok("post") => &[Workload::PostOrder],
            _ => &[Workload::GetOrder, Workload::PostOrder],
        };
        for &work in works {
            let (mut best_c, mut best_a) = (0f64, 0f64);
            for _ in 0..rounds {
                best_c = best_c.max(load(clodo_addr, &token, work, conns, secs).await);
                best_a = best_a.max(load(axum_addr, &token, work, conns, secs).await);
            }
            let name = match work {
                Workload::GetOrder => "GET /orders/{id}",
                Workload::PostOrder => "POST /orders",
            };
            println!("{name:<18} {best_c:>12.0} {best_a:>12.0} {:>8.3}", best_c / best_a);
        }
        clodo.stop().await;
        let _ = std::fs::remove_dir_all(&axum_dir);
    });
}
