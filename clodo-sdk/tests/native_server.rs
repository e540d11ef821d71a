//! The native server over raw TCP: slowloris and keep-alive timeouts, the
//! connection cap, draining on shutdown, ambiguous `Host` (RFC 9112 §3.2)
//! and `HEAD` wherever `GET` is served (RFC 9110 §9.3.2).

use std::sync::Arc;
use std::time::{Duration, Instant};

use clodo_sdk::Service;
use clodo_sdk::native::{
    HostRouter, RunningServer, ServerConfig, ServerOptions, serve_hosts_with, serve_on_with,
    start_service,
};
use clodo_sdk::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Slept {
    pub ms: i64,
}

pub struct Probe;

/// A block to probe the transport with.
#[clodo_block(name = "probe", version = "0.1.0")]
impl Probe {
    /// Answers after `ms` milliseconds.
    #[get("/slow/{ms}")]
    #[public]
    async fn slow(ms: Path<i64>) -> Json<Slept> {
        tokio::time::sleep(Duration::from_millis(u64::try_from(*ms).unwrap_or(0))).await;
        Json(Slept { ms: *ms })
    }

    /// Takes a post.
    #[post("/slow/{ms}")]
    #[public]
    async fn poke(ms: Path<i64>) -> Json<Slept> {
        Json(Slept { ms: *ms })
    }

    /// Only POST here.
    #[post("/jobs")]
    #[public]
    async fn job() -> Json<Slept> {
        Json(Slept { ms: 0 })
    }
}

async fn service(domain: &str, dir: &std::path::Path) -> Arc<Service> {
    let app = App::new().mount::<Probe>("/");
    let cfg = ServerConfig::for_tests(domain, &dir.join(domain));
    start_service(&app, &cfg).await.expect("starts").0
}

async fn serve(opts: ServerOptions) -> (RunningServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let svc = service("probe.localhost", dir.path()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    (serve_on_with(listener, svc, opts).await, dir)
}

/// Reads one response (head and a Content-Length body) from `s`; `None`
/// when the server closed first.
async fn read_response(s: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            let want = end + 4 + len;
            if buf.len() >= want {
                return Some(String::from_utf8_lossy(&buf[..want]).into_owned());
            }
        }
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return (!buf.is_empty()).then(|| String::from_utf8_lossy(&buf).into_owned());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Whether the server closes `s` within `within`.
async fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    let mut sink = Vec::new();
    matches!(
        tokio::time::timeout(within, s.read_to_end(&mut sink)).await,
        Ok(Ok(_)) | Ok(Err(_))
    )
}

fn status(resp: &str) -> u16 {
    resp.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: probe.localhost\r\n\r\n").into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn half_sent_headers_are_closed_after_the_header_timeout() {
    let (server, _dir) = serve(ServerOptions {
        header_read_timeout: Duration::from_millis(300),
        ..ServerOptions::default()
    })
    .await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    s.write_all(b"GET /slow/0 HTTP/1.1\r\nHost: probe.localhost\r\nX-A: 1\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    assert!(
        closed_within(&mut s, Duration::from_secs(5)).await,
        "a slowloris connection is closed"
    );
    assert!(started.elapsed() >= Duration::from_millis(250));
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_kept_alive_connections_close_after_the_keep_alive_timeout() {
    let (server, _dir) = serve(ServerOptions {
        keep_alive_timeout: Duration::from_millis(300),
        ..ServerOptions::default()
    })
    .await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    s.write_all(&get("/slow/0")).await.unwrap();
    let resp = read_response(&mut s).await.expect("an answer");
    assert_eq!(status(&resp), 200, "{resp}");
    // Still open for a second request right away…
    s.write_all(&get("/slow/0")).await.unwrap();
    assert_eq!(status(&read_response(&mut s).await.unwrap()), 200);
    // …and closed once idle past the keep-alive timeout.
    assert!(closed_within(&mut s, Duration::from_secs(5)).await);
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stalled_body_is_answered_408() {
    let (server, _dir) = serve(ServerOptions {
        idle_timeout: Duration::from_millis(300),
        ..ServerOptions::default()
    })
    .await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    s.write_all(
        b"POST /jobs HTTP/1.1\r\nHost: probe.localhost\r\nContent-Type: application/json\r\n\
          Content-Length: 100\r\n\r\n{\"a\"",
    )
    .await
    .unwrap();
    let resp = tokio::time::timeout(Duration::from_secs(5), read_response(&mut s))
        .await
        .expect("answered within the bound")
        .expect("an answer");
    assert_eq!(status(&resp), 408, "{resp}");
    assert!(resp.contains("application/problem+json"), "{resp}");
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn over_the_connection_cap_clients_get_503_with_retry_after() {
    let (server, _dir) = serve(ServerOptions {
        max_connections: 2,
        ..ServerOptions::default()
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut s = TcpStream::connect(server.addr()).await.unwrap();
        s.write_all(&get("/slow/0")).await.unwrap();
        assert_eq!(status(&read_response(&mut s).await.unwrap()), 200);
        held.push(s);
    }
    // The third connection is accepted, answered 503 and closed.
    let mut third = TcpStream::connect(server.addr()).await.unwrap();
    third.write_all(&get("/slow/0")).await.unwrap();
    let resp = tokio::time::timeout(Duration::from_secs(5), read_response(&mut third))
        .await
        .expect("answered, not left hanging")
        .expect("an answer");
    let lower = resp.to_ascii_lowercase();
    assert_eq!(status(&resp), 503, "{resp}");
    assert!(lower.contains("retry-after: 1"), "{resp}");
    assert!(lower.contains("application/problem+json"), "{resp}");
    assert!(closed_within(&mut third, Duration::from_secs(5)).await);
    // A freed slot serves again.
    drop(held.pop());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut s = TcpStream::connect(server.addr()).await.unwrap();
        s.write_all(&get("/slow/0")).await.unwrap();
        let code = read_response(&mut s).await.map_or(0, |r| status(&r));
        if code == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the slot never freed (got {code})"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_request_in_flight_completes_across_shutdown() {
    let (server, _dir) = serve(ServerOptions::default()).await;
    let addr = server.addr();
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(&get("/slow/600")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
    let stopping = tokio::spawn(server.shutdown());
    let resp = read_response(&mut s).await.expect("the request finishes");
    assert_eq!(status(&resp), 200, "{resp}");
    assert!(resp.contains(r#"{"ms":600}"#), "{resp}");
    tokio::time::timeout(Duration::from_secs(5), stopping)
        .await
        .expect("shutdown ends once drained")
        .unwrap();
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "no longer accepting"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_drain_is_bounded_by_the_drain_timeout() {
    let (server, _dir) = serve(ServerOptions {
        drain_timeout: Duration::from_millis(200),
        ..ServerOptions::default()
    })
    .await;
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    s.write_all(&get("/slow/30000")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(5), server.shutdown())
        .await
        .expect("shutdown does not wait for a request slower than the drain timeout");
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert!(closed_within(&mut s, Duration::from_secs(2)).await);
}

async fn two_domains() -> (RunningServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let a = service("a.example", dir.path()).await;
    let b = service("b.example", dir.path()).await;
    let mut router = HostRouter::new();
    router.add(&["a.example".to_owned()], &a).unwrap();
    router.add(&["b.example".to_owned()], &b).unwrap();
    router.set_loopback_default(a);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let server = serve_hosts_with(listener, Arc::new(router), ServerOptions::default()).await;
    (server, dir)
}

async fn exchange(server: &RunningServer, request: &str) -> String {
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), read_response(&mut s))
        .await
        .expect("answered")
        .expect("an answer")
}

#[tokio::test(flavor = "multi_thread")]
async fn ambiguous_hosts_get_400_and_absolute_targets_route_by_their_authority() {
    let (server, _dir) = two_domains().await;
    let two = exchange(
        &server,
        "GET /healthz HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n",
    )
    .await;
    assert_eq!(status(&two), 400, "two Host headers: {two}");
    assert!(two.contains("application/problem+json"), "{two}");
    assert!(two.contains("more than one Host"), "{two}");

    let none = exchange(&server, "GET /healthz HTTP/1.1\r\n\r\n").await;
    assert_eq!(status(&none), 400, "HTTP/1.1 without Host: {none}");
    assert!(none.contains("must carry a Host"), "{none}");

    // HTTP/1.0 needs no Host: the default domain answers.
    let old = exchange(&server, "GET /healthz HTTP/1.0\r\n\r\n").await;
    assert_eq!(status(&old), 200, "{old}");
    assert!(old.contains(r#""domain":"a.example""#), "{old}");

    // The authority of an absolute-form target wins over Host.
    let absolute = exchange(
        &server,
        "GET http://b.example/healthz HTTP/1.1\r\nHost: a.example\r\n\r\n",
    )
    .await;
    assert_eq!(status(&absolute), 200, "{absolute}");
    assert!(absolute.contains(r#""domain":"b.example""#), "{absolute}");
    let elsewhere = exchange(
        &server,
        "GET http://other.example/healthz HTTP/1.1\r\nHost: a.example\r\n\r\n",
    )
    .await;
    assert_eq!(status(&elsewhere), 421, "{elsewhere}");
    assert!(!elsewhere.contains("a.example"), "{elsewhere}");
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn head_is_served_wherever_get_is() {
    let (server, _dir) = serve(ServerOptions::default()).await;
    let base = format!("http://{}", server.addr());
    let c = reqwest::Client::new();
    for path in ["/slow/5", "/healthz", "/openapi.json"] {
        let got = c.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(got.status(), 200);
        let get_type = got.headers()["content-type"].clone();
        let get_len = got.bytes().await.unwrap().len();
        let head = c.head(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(head.status(), 200, "HEAD {path}");
        assert_eq!(head.headers()["content-type"], get_type, "HEAD {path}");
        assert_eq!(
            head.headers()["content-length"],
            get_len.to_string().as_str(),
            "HEAD {path}: the GET body's length"
        );
        assert!(
            head.bytes().await.unwrap().is_empty(),
            "HEAD {path}: no body"
        );
    }
    // HEAD on a path without GET: 405, and Allow lists HEAD beside GET only.
    let post_only = c.head(format!("{base}/jobs")).send().await.unwrap();
    assert_eq!(post_only.status(), 405);
    assert_eq!(post_only.headers()["allow"], "POST");
    let wrong = c.delete(format!("{base}/slow/5")).send().await.unwrap();
    assert_eq!(wrong.status(), 405);
    assert_eq!(wrong.headers()["allow"], "GET, HEAD, POST");
    // Over raw TCP: the head only, and the connection stays usable.
    let mut s = TcpStream::connect(server.addr()).await.unwrap();
    s.write_all(b"HEAD /slow/5 HTTP/1.1\r\nHost: probe.localhost\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]).into_owned();
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(
        text.ends_with("\r\n\r\n"),
        "no body after the head: {text:?}"
    );
    s.write_all(&get("/slow/5")).await.unwrap();
    let again = read_response(&mut s).await.unwrap();
    assert!(again.contains(r#"{"ms":5}"#), "{again}");
    server.shutdown().await;
}
