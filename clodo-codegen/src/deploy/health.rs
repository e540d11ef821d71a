//! The check after a deploy: `GET <base>/healthz` answers 200 with
//! `{"status":"ok","domain":...}`, retried for a bounded time (a new
//! Worker or custom domain may take a few seconds to answer).

use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_rustls::ConfigBuilderExt as _;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// How the check ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Healthy {
    /// The URL that answered.
    pub url: String,
    /// Tries it took.
    pub attempts: u32,
}

/// Checks `<base>/healthz` until it answers 200 with `"status":"ok"` (and
/// `"domain"` equal to `domain` when present), each try bounded by 10 s,
/// all of them by `total`. The error says what the last try saw.
pub fn check(base: &str, domain: &str, total: Duration) -> Result<Healthy, String> {
    let url = format!("{}/healthz", base.trim_end_matches('/'));
    let uri: hyper::Uri = url
        .parse()
        .map_err(|e| format!("{url} is not a valid URL: {e}"))?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
    rt.block_on(async move {
        let tls = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup: {e}"))?
        .with_webpki_roots()
        .with_no_client_auth();
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .build();
        let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build(https);
        let start = Instant::now();
        let mut attempts = 0;
        let mut delay = Duration::from_millis(250);
        loop {
            attempts += 1;
            let left = total.saturating_sub(start.elapsed());
            let per_try = left
                .min(Duration::from_secs(10))
                .max(Duration::from_millis(100));
            let last = match tokio::time::timeout(per_try, get(&client, uri.clone())).await {
                Err(_) => format!("no answer within {} ms", per_try.as_millis()),
                Ok(Err(e)) => e,
                Ok(Ok((status, body))) => match verdict(status, &body, domain) {
                    Ok(()) => return Ok(Healthy { url, attempts }),
                    Err(e) => e,
                },
            };
            if start.elapsed() + delay >= total {
                return Err(format!(
                    "GET {url} failed {attempts} time(s) in {} s; last: {last}",
                    start.elapsed().as_secs()
                ));
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    })
}

async fn get<C>(client: &Client<C, Empty<Bytes>>, uri: hyper::Uri) -> Result<(u16, String), String>
where
    C: hyper_util::client::legacy::connect::Connect + Clone + Send + Sync + 'static,
{
    let req = hyper::Request::get(uri)
        .header(
            "user-agent",
            concat!("cargo-clodo/", env!("CARGO_PKG_VERSION")),
        )
        .body(Empty::new())
        .map_err(|e| e.to_string())?;
    let res = client.request(req).await.map_err(|e| {
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            msg.push_str(&format!(": {s}"));
            src = s.source();
        }
        msg
    })?;
    let status = res.status().as_u16();
    let body = res
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

fn verdict(status: u16, body: &str, domain: &str) -> Result<(), String> {
    let short: String = body.chars().take(200).collect();
    if status != 200 {
        return Err(format!("HTTP {status}: {short}"));
    }
    let json: serde_json::Value =
        serde_json::from_str(body).map_err(|_| format!("HTTP 200 but not JSON: {short}"))?;
    if json["status"] != "ok" {
        return Err(format!("HTTP 200 but status is not \"ok\": {short}"));
    }
    match json["domain"].as_str() {
        Some(d) if d != domain => Err(format!(
            "the Worker answers for domain {d:?}, not {domain:?}: check CLODO_DOMAIN and the routes"
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert!(verdict(200, r#"{"status":"ok","domain":"a.com"}"#, "a.com").is_ok());
        assert!(verdict(200, r#"{"status":"ok"}"#, "a.com").is_ok());
        assert!(
            verdict(500, "boom", "a.com")
                .unwrap_err()
                .contains("HTTP 500")
        );
        assert!(verdict(200, r#"{"status":"ok","domain":"b.com"}"#, "a.com").is_err());
        assert!(verdict(200, "<html>", "a.com").is_err());
    }

    #[test]
    fn nothing_listening_fails_in_bounded_time() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("port");
        let start = Instant::now();
        let err = check(
            &format!("http://127.0.0.1:{port}"),
            "a.com",
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(err.contains("/healthz failed"), "{err}");
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}
