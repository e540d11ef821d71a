//! The native HTTP transport: hyper on Tokio, loopback by default, with
//! the limits of [`ServerOptions`]: a header read timeout (slowloris), a
//! keep-alive timeout, a pause limit on request bodies, a connection cap that
//! answers 503 beyond it, and a bounded drain on shutdown.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderValue, header};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use super::hosts::{HostRouter, problem, standalone_request_id};
use super::options::{OVERLOAD_RETRY_AFTER_SECS, ServerOptions};
use super::tower::{HttpService, PeerAddr};
use crate::app::Service;
use crate::error::ApiError;

/// What a connection is doing, for its keep-alive timeout.
struct Activity {
    in_flight: AtomicUsize,
    last_done: Mutex<Instant>,
}

impl Activity {
    fn new() -> Self {
        Self {
            in_flight: AtomicUsize::new(0),
            last_done: Mutex::new(Instant::now()),
        }
    }

    fn done(&self) {
        if let Ok(mut t) = self.last_done.lock() {
            *t = Instant::now();
        }
        self.in_flight.fetch_sub(1, Ordering::AcqRel);
    }

    /// When the connection is due to close if nothing arrives: `None` while a
    /// request is in flight.
    fn keep_alive_deadline(&self, keep_alive: Duration) -> Option<Instant> {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return None;
        }
        self.last_done.lock().ok().map(|t| *t + keep_alive)
    }
}

/// Marks a request done when dropped, whether it finished or was cancelled.
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.done();
    }
}

fn http1_builder(opts: &ServerOptions) -> http1::Builder {
    let mut b = http1::Builder::new();
    b.timer(TokioTimer::new())
        .header_read_timeout(opts.header_read_timeout)
        .keep_alive(!opts.keep_alive_timeout.is_zero());
    b
}

/// Serves one connection until it closes, its keep-alive runs out, or the
/// server stops (then in-flight requests finish first).
async fn serve_connection(
    stream: TcpStream,
    peer: Option<std::net::IpAddr>,
    hosts: Arc<HostRouter>,
    opts: Arc<ServerOptions>,
    mut stop: watch::Receiver<bool>,
    _slot: OwnedSemaphorePermit,
) {
    let activity = Arc::new(Activity::new());
    let app = HttpService::new(hosts).with_idle_timeout(opts.idle_timeout);
    let svc = {
        let activity = Arc::clone(&activity);
        service_fn(move |mut req: hyper::Request<Incoming>| {
            activity.in_flight.fetch_add(1, Ordering::AcqRel);
            let guard = InFlight(Arc::clone(&activity));
            if let Some(ip) = peer {
                req.extensions_mut().insert(PeerAddr(ip));
            }
            let answered = tower_service::Service::call(&mut app.clone(), req);
            async move {
                let resp = answered.await;
                drop(guard);
                resp
            }
        })
    };
    let conn = http1_builder(&opts).serve_connection(TokioIo::new(stream), svc);
    tokio::pin!(conn);
    let keep_alive = opts.keep_alive_timeout;
    loop {
        let deadline = activity
            .keep_alive_deadline(keep_alive)
            .filter(|_| !keep_alive.is_zero());
        let wait = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d.into()).await,
                // In flight: look again a little later.
                None => tokio::time::sleep(keep_alive.max(Duration::from_millis(100))).await,
            }
        };
        tokio::select! {
            _ = conn.as_mut() => return,
            _ = stop.changed() => break,
            () = wait => {
                let due = activity.keep_alive_deadline(keep_alive);
                if deadline.is_some() && due.is_some_and(|d| d <= Instant::now()) {
                    break;
                }
            }
        }
    }
    // Finish what is in flight, then close (an idle connection closes at once).
    conn.as_mut().graceful_shutdown();
    let _ = conn.await;
}

/// A connection over the cap: its request is answered 503 with
/// `Retry-After`, and the connection closed.
async fn refuse_connection(
    stream: TcpStream,
    opts: Arc<ServerOptions>,
    _slot: OwnedSemaphorePermit,
) {
    let svc = service_fn(|_req| async {
        let rid = standalone_request_id("busy");
        let mut resp = problem(
            ApiError::unavailable("the server is at its connection limit; retry shortly")
                .with_header(
                    header::RETRY_AFTER,
                    HeaderValue::from(OVERLOAD_RETRY_AFTER_SECS),
                ),
            &rid,
        );
        resp.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        Ok::<_, std::convert::Infallible>(resp.map(Full::<Bytes>::new))
    });
    let mut b = http1_builder(&opts);
    b.keep_alive(false);
    let _ = b.serve_connection(TokioIo::new(stream), svc).await;
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

    /// Stops accepting, lets in-flight requests finish (for at most the
    /// drain timeout, [`ServerOptions::drain_timeout`]; connections still
    /// busy then are cut), and waits.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Serves `service` on `listener`, whatever the `Host`, until shut down,
/// with the default [`ServerOptions`].
pub async fn serve_on(listener: TcpListener, service: Arc<Service>) -> RunningServer {
    serve_on_with(listener, service, ServerOptions::default()).await
}

/// [`serve_on`] with explicit limits and timeouts.
pub async fn serve_on_with(
    listener: TcpListener,
    service: Arc<Service>,
    opts: ServerOptions,
) -> RunningServer {
    serve_hosts_with(listener, Arc::new(HostRouter::single(service)), opts).await
}

/// Serves several domains on `listener`, each request answered by the
/// domain its `Host` header names (421 for a host no domain claims), with
/// the default [`ServerOptions`].
pub async fn serve_hosts(listener: TcpListener, hosts: Arc<HostRouter>) -> RunningServer {
    serve_hosts_with(listener, hosts, ServerOptions::default()).await
}

/// [`serve_hosts`] with explicit limits and timeouts.
pub async fn serve_hosts_with(
    listener: TcpListener,
    hosts: Arc<HostRouter>,
    opts: ServerOptions,
) -> RunningServer {
    let addr = listener
        .local_addr()
        .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(accept_loop(listener, hosts, Arc::new(opts), stopped));
    RunningServer { addr, stop, task }
}

async fn accept_loop(
    listener: TcpListener,
    hosts: Arc<HostRouter>,
    opts: Arc<ServerOptions>,
    mut stopped: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(opts.max_connections));
    let overflow = Arc::new(Semaphore::new(opts.overflow_connections()));
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        // Out of file descriptors, for instance: let some close.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                if let Ok(slot) = Arc::clone(&slots).try_acquire_owned() {
                    connections.spawn(serve_connection(
                        stream,
                        Some(peer.ip()),
                        Arc::clone(&hosts),
                        Arc::clone(&opts),
                        stopped.clone(),
                        slot,
                    ));
                } else if let Ok(slot) = Arc::clone(&overflow).try_acquire_owned() {
                    tracing::warn!(%peer, max = opts.max_connections, "connection limit reached: answering 503");
                    connections.spawn(refuse_connection(stream, Arc::clone(&opts), slot));
                } else {
                    tracing::warn!(%peer, "connection limit and 503 allowance reached: closing");
                    drop(stream);
                }
            }
            _ = stopped.changed() => break,
        }
        while connections.try_join_next().is_some() {}
    }
    // No new connections while the ones open drain.
    drop(listener);
    let drained = tokio::time::timeout(opts.drain_timeout, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            cut = connections.len(),
            drain_ms = opts.drain_timeout.as_millis() as u64,
            "shutdown: connections still busy after the drain timeout were cut"
        );
        connections.shutdown().await;
    }
}
