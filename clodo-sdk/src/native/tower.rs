//! A Clodo app as a [`tower_service::Service`]: the one path from an HTTP
//! request to a block's handler. The native server runs it on every
//! connection; an axum app nests it (`Router::nest_service`) and tower-http
//! layers wrap it.
//!
//! ```no_run
//! # async fn demo(app: clodo_sdk::App) -> Result<(), clodo_sdk::StartError> {
//! use clodo_sdk::native::{HttpService, ServerConfig};
//!
//! let bakery: HttpService = app.into_http_service(ServerConfig::from_env()?).await?;
//! let router: axum::Router = axum::Router::new().nest_service("/bakery", bakery);
//! # let _ = router; Ok(()) }
//! ```
//!
//! The service takes any request body (`http_body::Body`), reads it within
//! the domain's body limit (413 beyond it, 408 when it stalls), chooses the
//! domain by the request's host exactly as the native server does, and
//! answers with a fully buffered body. The client address for per-address
//! rate limits comes from a [`PeerAddr`] extension (the native server sets
//! it) or a `std::net::SocketAddr` one.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderValue, header};
use http_body_util::{BodyExt as _, Full};

use super::hosts::{HostRouter, problem, request_host, standalone_request_id};
use super::options::ServerOptions;
use crate::app::Service;
use crate::error::ApiError;
use crate::http_types::{Request, Response};
use crate::maybe_send::BoxFuture;

/// Bytes read and thrown away after a body passes the limit, so the client
/// finishes sending and can read the 413 instead of a broken pipe.
const DRAIN_LIMIT: usize = 8 * 1024 * 1024;

/// The client's address, as a request extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerAddr(pub IpAddr);

/// One or several started domains of an app, as a tower `Service`.
#[derive(Debug, Clone)]
pub struct HttpService {
    hosts: Arc<HostRouter>,
    idle: Duration,
}

impl HttpService {
    /// Serves the domains of `hosts` (each request by its host), with the
    /// body pause limit of the default [`ServerOptions`].
    pub fn new(hosts: Arc<HostRouter>) -> Self {
        Self {
            hosts,
            idle: ServerOptions::default().idle_timeout,
        }
    }

    /// One started domain, whatever the request's host.
    pub fn single(service: Arc<Service>) -> Self {
        Self::new(Arc::new(HostRouter::single(service)))
    }

    /// The longest pause allowed while a request body arrives (408 after it).
    pub fn with_idle_timeout(mut self, idle: Duration) -> Self {
        self.idle = idle;
        self
    }

    /// The domains served.
    pub fn hosts(&self) -> &Arc<HostRouter> {
        &self.hosts
    }

    /// Answers one request; what [`tower_service::Service::call`] runs.
    pub async fn answer<B>(&self, req: http::Request<B>) -> Response
    where
        B: http_body::Body,
        B::Error: std::fmt::Display,
    {
        answer(&self.hosts, req, self.idle).await
    }
}

impl<B> tower_service::Service<http::Request<B>> for HttpService
where
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    B::Error: std::fmt::Display,
{
    type Response = http::Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { Ok(this.answer(req).await.map(Full::new)) })
    }
}

/// Reads a body of at most `limit` bytes; a pause longer than `idle` is a 408.
async fn read_body<B>(body: B, limit: usize, idle: Duration) -> Result<Bytes, ApiError>
where
    B: http_body::Body,
    B::Error: std::fmt::Display,
{
    let mut body = std::pin::pin!(body);
    let mut buf = bytes::BytesMut::new();
    let mut over = false;
    let mut drained = 0usize;
    loop {
        let Ok(next) = tokio::time::timeout(idle, body.frame()).await else {
            return Err(ApiError::new(
                http::StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body stalled for more than {} ms",
                    idle.as_millis()
                ),
            )
            .with_header(header::CONNECTION, HeaderValue::from_static("close")));
        };
        let Some(frame) = next else { break };
        let frame = frame
            .map_err(|e| ApiError::bad_request(format!("could not read the request body: {e}")))?;
        let Ok(mut data) = frame.into_data() else {
            continue;
        };
        let len = bytes::Buf::remaining(&data);
        let data = bytes::Buf::copy_to_bytes(&mut data, len);
        if over {
            drained += data.len();
            if drained > DRAIN_LIMIT {
                break;
            }
        } else if buf.len() + data.len() > limit {
            over = true;
            buf.clear();
        } else {
            buf.extend_from_slice(&data);
        }
    }
    if over {
        return Err(ApiError::payload_too_large(limit));
    }
    Ok(buf.freeze())
}

fn peer_of<B>(req: &http::Request<B>) -> Option<IpAddr> {
    let ext = req.extensions();
    ext.get::<PeerAddr>()
        .map(|p| p.0)
        .or_else(|| ext.get::<SocketAddr>().map(SocketAddr::ip))
}

async fn answer<B>(hosts: &HostRouter, req: http::Request<B>, idle: Duration) -> Response
where
    B: http_body::Body,
    B::Error: std::fmt::Display,
{
    let host = match request_host(req.headers(), req.uri(), req.version()) {
        Ok(h) => h,
        Err(e) => {
            let rid = standalone_request_id("host");
            tracing::info!(request_id = rid.as_str(), detail = ?e.detail(), "400: ambiguous host");
            return problem(e, &rid);
        }
    };
    let Some(service) = hosts.resolve(host) else {
        return hosts.misdirected(host);
    };
    let started = Instant::now();
    let request_id = service.next_request_id();
    let peer = peer_of(&req);
    let (parts, body) = req.into_parts();
    let method = parts.method.clone();
    let path = parts.uri.path().to_owned();
    let limit = service.body_limit();

    // A declared body far beyond the limit is refused unread (the client may
    // see the connection close); anything smaller is read, and drained past
    // the limit, so the client can read its 413.
    let declared_too_big = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > (limit + DRAIN_LIMIT) as u64);
    let resp = if declared_too_big {
        service.error_response(ApiError::payload_too_large(limit), &request_id)
    } else {
        match read_body(body, limit, idle).await {
            Ok(bytes) => {
                let request = Request {
                    method: parts.method,
                    path: path.clone(),
                    query: parts.uri.query().map(str::to_owned),
                    headers: parts.headers,
                    body: bytes,
                    params: Vec::new(),
                    remote_addr: peer,
                };
                service.handle(request, Arc::clone(&request_id)).await
            }
            Err(e) => service.error_response(e, &request_id),
        }
    };
    tracing::info!(
        domain = service.runtime().domain.name.as_str(),
        request_id = &*request_id,
        %method,
        path,
        status = resp.status().as_u16(),
        micros = started.elapsed().as_micros() as u64,
        "request"
    );
    resp
}
