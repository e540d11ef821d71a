//! The cost of auth per request: requests per second of an authenticated
//! `GET /auth/me` and an authenticated bakery route (`GET /orders/{id}`),
//! each against the same handler mounted as a public route, in the same run.
//! The session is real (magic link, verify), so the check includes the
//! auth block's revocation hook.
//!
//! `cargo bench -p example-bakery-orders --bench auth_cost`
//! Environment: `BENCH_SECS` (default 3), `BENCH_CONNS` (default 32), `BENCH_ROUNDS` (default 3).

use std::net::SocketAddr;
use std::sync::OnceLock;

use clodo_auth::{Session, UserRecord};
use clodo_sdk::prelude::*;
use clodo_sdk::testing::TestServer;
use example_bakery_orders::{Order, load_order};

#[path = "common/load.rs"]
mod common;

use common::{Call, env_num, load};

/// The signed-in user the public twin of `/auth/me` reads.
/// The same handlers as the authenticated routes, marked public.
pub struct PublicTwins;

#[clodo_block(
    name = "public-twins",
    version = "0.0.0",
    migrations = "benches/no_migrations"
)]
impl PublicTwins {
    /// Twin of `GET /auth/me`.
    #[get("/me")]
    #[public]
    async fn twin_me(ctx: &Ctx) -> Result<Json<UserRecord>, ApiError> {
        let id = BENCH_USER
            .get()
            .ok_or_else(|| ApiError::internal("no bench user"))?;
        ctx.db()
            .first(
                "SELECT id, email, roles, disabled, created_at, last_sign_in_at FROM auth_users WHERE id = ?1",
                params![id.as_str()],
            )
            .await?
            .map(Json)
            .ok_or_else(|| ApiError::not_found("no such user"))
    }

    /// Twin of `GET /orders/{id}`.
    #[get("/orders/{id}")]
    #[public]
    async fn twin_get_order(ctx: &Ctx, id: Path<i64>) -> Result<Json<Order>, ApiError> {
        load_order(ctx.db(), *id)
            .await?
            .map(Json)
            .ok_or_else(|| ApiError::not_found("no such order"))
    }
}

fn get(path: &str, token: Option<&str>) -> Call {
    Call {
        method: "GET",
        path: path.to_owned(),
        authorization: token.map(|t| format!("Bearer {t}")),
        json: None,
        expect: 200,
    }
}

async fn sign_in(server: &TestServer) -> Session {
    let c = reqwest::Client::new();
    let r = c
        .post(server.url("/auth/magic-link"))
        .json(&serde_json::json!({"email": "bench@example.com"}))
        .send()
        .await
        .expect("magic link");
    assert_eq!(r.status(), 202);
    let dir = server.domain_dir().join("outbox");
    let file = std::fs::read_dir(dir)
        .expect("outbox")
        .next()
        .expect("a message")
        .expect("entry")
        .path();
    let msg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file).expect("read")).expect("json");
    let token = msg["link"]
        .as_str()
        .and_then(|l| l.split("token=").nth(1))
        .expect("token");
    c.post(server.url("/auth/verify"))
        .json(&serde_json::json!({"token": token}))
        .send()
        .await
        .expect("verify")
        .json()
        .await
        .expect("session")
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
        let app = example_bakery_orders::app().mount::<PublicTwins>("/public");
        let server = TestServer::start(app).await.expect("starts");
        let addr: SocketAddr = server.url("").trim_start_matches("http://").parse().expect("addr");
        let session = sign_in(&server).await;
        let c = reqwest::Client::new();
        let order = c
            .post(server.url("/orders"))
            .bearer_auth(&session.access_token)
            .json(&serde_json::json!({"pickup_date": "2999-01-01", "lines": [{"menu_item_id": 1, "quantity": 2}]}))
            .send()
            .await
            .expect("order");
        assert_eq!(order.status(), 201);
        BENCH_USER.set(session.user.id.clone()).ok();

        let token = session.access_token.as_str();
        let pairs = [
            ("GET /auth/me", get("/auth/me", Some(token)), get("/public/me", None)),
            ("GET /orders/{id}", get("/orders/1", Some(token)), get("/public/orders/1", None)),
        ];
        println!("auth cost per request ({conns} connections, {secs} s x {rounds} rounds, best round)");
        println!("{:<18} {:>14} {:>12} {:>8} {:>10}", "route", "authenticated", "public", "ratio", "auth cost");
        for (name, authed, public) in pairs {
            let (mut a, mut p) = (0f64, 0f64);
            for _ in 0..rounds {
                a = a.max(load(addr, &authed, conns, secs).await);
                p = p.max(load(addr, &public, conns, secs).await);
            }
            println!("{name:<18} {a:>14.0} {p:>12.0} {:>8.3} {:>9.1}%", a / p, (1.0 - a / p) * 100.0);
        }
        server.stop().await;
    });
}

static BENCH_USER: OnceLock<String> = OnceLock::new();
