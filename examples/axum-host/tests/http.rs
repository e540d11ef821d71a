//! The axum host app over real HTTP: the bakery answers under `/bakery`
//! through tower-http's compression and timeout layers.

use std::io::Read as _;
use std::time::Duration;

use clodo_sdk::native::ServerConfig;
use reqwest::{Client, StatusCode};
use serde_json::Value;

struct Host {
    base: String,
    _data: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Host {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn start(timeout: Duration) -> Host {
    let data = tempfile::tempdir().expect("tempdir");
    let mut cfg = ServerConfig::for_tests("dev.localhost", data.path());
    // No domain files: the one domain above, whatever the Host.
    cfg.domains_dir = Some(data.path().join("no-domains"));
    let app = example_axum_host::router(cfg, timeout)
        .await
        .expect("the bakery starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Host {
        base,
        _data: data,
        task,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_bakery_answers_under_its_prefix_through_gzip() {
    let h = start(Duration::from_secs(10)).await;
    let resp = Client::new()
        .get(format!("{}/bakery/menu", h.base))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-encoding"], "gzip");
    assert!(
        resp.headers().contains_key("x-request-id"),
        "the bakery's own header"
    );
    let zipped = resp.bytes().await.unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&zipped[..])
        .read_to_string(&mut text)
        .expect("gzip");
    let menu: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(menu.as_array().map(Vec::len), Some(5), "{menu}");

    // Without Accept-Encoding, plain JSON.
    let plain = Client::new()
        .get(format!("{}/bakery/menu", h.base))
        .send()
        .await
        .unwrap();
    assert!(!plain.headers().contains_key("content-encoding"));
    let menu: Value = plain.json().await.unwrap();
    assert_eq!(menu.as_array().map(Vec::len), Some(5));
}

#[tokio::test(flavor = "multi_thread")]
async fn auth_errors_and_bodies_pass_through() {
    let h = start(Duration::from_secs(10)).await;
    let c = Client::new();
    let resp = c
        .post(format!("{}/bakery/orders", h.base))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let resp = c
        .post(format!("{}/bakery/auth/magic-link", h.base))
        .header("content-type", "application/json")
        .body(r#"{"email":"ann@example.com"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::ACCEPTED,
        "a body reaches the auth block"
    );
    let contract: Value = c
        .get(format!("{}/bakery/openapi.json", h.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(contract["paths"].get("/menu").is_some());
    let missing = c
        .get(format!("{}/bakery/no-such-route", h.base))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_host_keeps_its_own_routes_and_the_timeout_layer_applies() {
    let h = start(Duration::from_millis(200)).await;
    let c = Client::new();
    let home = c.get(format!("{}/", h.base)).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    assert!(home.text().await.unwrap().contains("axum app"));
    let slow = c.get(format!("{}/slow", h.base)).send().await.unwrap();
    assert_eq!(slow.status(), StatusCode::REQUEST_TIMEOUT);
}
