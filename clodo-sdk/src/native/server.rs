//! The native HTTP transport: hyper on Tokio, loopback by default.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::hosts::HostRouter;
use crate::app::Service;
use crate::error::ApiError;
use crate::http_types::{Request, Response};

/// Bytes read and thrown away after a body passes the limit, so the client
/// finishes sending and can read the 413 instead of a broken pipe.
const DRAIN_LIMIT: usize = 8 * 1024 * 1024;

/// Reads a body of at most `limit` bytes.
async fn read_body(mut body: Incoming, limit: usize) -> Result<Bytes, ApiError> {
    let mut buf = bytes::BytesMut::new();
    let mut over = false;
    let mut drained = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame
            .map_err(|e| ApiError::bad_request(format!("could not read the request body: {e}")))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
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

async fn answer(
    hosts: &HostRouter,
    req: hyper::Request<Incoming>,
    peer: Option<std::net::IpAddr>,
) -> Response {
    let host = req
        .headers()
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().host());
    let Some(service) = hosts.resolve(host) else {
        return hosts.misdirected(host);
    };
    let started = Instant::now();
    let request_id = service.next_request_id();
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
        match read_body(body, limit).await {
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

/// A server running in the background; dropping it does not stop it, call
/// [`RunningServer::shutdown`].
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl RunningServer {
    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, lets in-flight requests finish, and waits.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Serves `service` on `listener`, whatever the `Host`, until shut down.
pub async fn serve_on(listener: TcpListener, service: Arc<Service>) -> RunningServer {
    serve_hosts(listener, Arc::new(HostRouter::single(service))).await
}

/// Serves several domains on `listener`, each request answered by the
/// domain its `Host` header names (421 for a host no domain claims).
pub async fn serve_hosts(listener: TcpListener, hosts: Arc<HostRouter>) -> RunningServer {
    let service = hosts;
    let addr = listener
        .local_addr()
        .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
    let (stop, mut stopped) = watch::channel(false);
    let task = tokio::spawn(async move {
        let mut connections = tokio::task::JoinSet::new();
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    let Ok((stream, peer)) = accepted else { continue };
                    let peer = Some(peer.ip());
                    let _ = stream.set_nodelay(true);
                    let service = Arc::clone(&service);
                    let mut conn_stop = stopped.clone();
                    connections.spawn(async move {
                        let svc = service_fn(move |req| {
                            let service = Arc::clone(&service);
                            async move {
                                let resp = answer(&service, req, peer).await;
                                Ok::<_, std::convert::Infallible>(resp.map(Full::<Bytes>::new))
                            }
                        });
                        let conn = http1::Builder::new()
                            .keep_alive(true)
                            .serve_connection(TokioIo::new(stream), svc);
                        tokio::pin!(conn);
                        tokio::select! {
                            _ = conn.as_mut() => {}
                            _ = conn_stop.changed() => {
                                conn.as_mut().graceful_shutdown();
                                let _ = conn.await;
                            }
                        }
                    });
                }
                _ = stopped.changed() => break,
            }
            while connections.try_join_next().is_some() {}
        }
        while connections.join_next().await.is_some() {}
    });
    RunningServer { addr, stop, task }
}
