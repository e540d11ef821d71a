//! A closed-loop HTTP/1.1 load generator for the benchmarks: `conns`
//! keep-alive connections on raw hyper, each sending its next request as
//! soon as the previous answer is read.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;

/// One kind of request, repeated.
#[derive(Clone, Debug)]
pub struct Call {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Path and query.
    pub path: String,
    /// `Authorization` header value, if any.
    pub authorization: Option<String>,
    /// JSON body, if any.
    pub json: Option<&'static str>,
    /// Status every answer must have.
    pub expect: u16,
}

/// Drives `conns` connections for `secs` after a short warm-up; returns requests per second.
pub async fn load(addr: SocketAddr, call: &Call, conns: usize, secs: f64) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let stop = Arc::clone(&stop);
        let done = Arc::clone(&done);
        let call = call.clone();
        tasks.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
            stream.set_nodelay(true).ok();
            let (mut send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .expect("handshake");
            tokio::spawn(conn);
            while !stop.load(Ordering::Relaxed) {
                let mut req = Request::builder()
                    .method(call.method)
                    .uri(call.path.as_str())
                    .header("host", "127.0.0.1");
                if let Some(a) = &call.authorization {
                    req = req.header("authorization", a);
                }
                let body = match call.json {
                    Some(j) => {
                        req = req.header("content-type", "application/json");
                        Full::new(Bytes::from_static(j.as_bytes()))
                    }
                    None => Full::new(Bytes::new()),
                };
                let resp = send
                    .send_request(req.body(body).expect("request"))
                    .await
                    .expect("answer");
                let status = resp.status().as_u16();
                let _ = resp.into_body().collect().await;
                assert_eq!(status, call.expect, "{} {}", call.method, call.path);
                done.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
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

/// A number from the environment, or `default`.
pub fn env_num<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
