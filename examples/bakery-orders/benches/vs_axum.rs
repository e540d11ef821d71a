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

use clodo_sdk::testing::{TestServer, user};

#[path = "vs_axum/baseline.rs"]
mod baseline;
#[path = "common/load.rs"]
mod common;

use common::{Call, env_num, load};

#[derive(Clone, Copy, Debug)]
enum Workload {
    GetOrder,
    PostOrder,
}

const ORDER_JSON: &str = r#"{"pickup_date":"2999-01-01","lines":[{"menu_item_id":1,"quantity":2},{"menu_item_id":3,"quantity":3}]}"#;

fn call(work: Workload, token: &str) -> Call {
    let authorization = Some(format!("Bearer {token}"));
    match work {
        Workload::GetOrder => Call {
            method: "GET",
            path: "/orders/1".into(),
            authorization,
            json: None,
            expect: 200,
        },
        Workload::PostOrder => Call {
            method: "POST",
            path: "/orders".into(),
            authorization,
            json: Some(ORDER_JSON),
            expect: 201,
        },
    }
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
            let r = load(addr, &call(Workload::PostOrder, &token), 1, 0.05).await;
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
                best_c = best_c.max(load(clodo_addr, &call(work, &token), conns, secs).await);
                best_a = best_a.max(load(axum_addr, &call(work, &token), conns, secs).await);
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
