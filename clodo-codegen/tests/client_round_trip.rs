//! Round trip: the client generated from the bakery contract (the checked-in
//! snapshot, kept current by `client_snapshots`) drives a running bakery
//! server, and its types decode every answer, problem bodies included.
//!
//! The client is built without its default reqwest transport (which would
//! turn on reqwest's rustls feature for the whole workspace) and is given a
//! [`Transport`] of its own, as a Worker would pass a Service Binding; the
//! default transport is compiled and linted with the snapshots.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bakery_orders_client::runtime::{BoxFuture, RetryPolicy, Transport, TransportError};
use bakery_orders_client::types::{NewOrder, NewOrderLine, OrderStatus};
use bakery_orders_client::{Client, Error};
use clodo_sdk::testing::{TestServer, user};

/// Plain HTTP over the workspace's reqwest (no TLS needed on loopback).
struct PlainHttp(reqwest::Client);

impl Transport for PlainHttp {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>> {
        Box::pin(async move {
            let fail =
                |e: reqwest::Error| TransportError::new(e.to_string()).retryable(e.is_connect());
            let request = reqwest::Request::try_from(request).map_err(fail)?;
            let response = self.0.execute(request).await.map_err(fail)?;
            let mut builder = http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                builder = builder.header(name, value);
            }
            let body = response.bytes().await.map_err(fail)?;
            builder
                .body(body.to_vec())
                .map_err(|e| TransportError::new(e.to_string()))
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

fn client(base: &str, token: Option<&str>) -> Client {
    let builder = Client::builder(base).transport(PlainHttp(reqwest::Client::new()));
    match token {
        Some(t) => builder.bearer_auth(t),
        None => builder,
    }
    .build()
    .expect("client")
}

/// A pickup day that never passes (the bakery refuses days before today).
const PICKUP: &str = "2999-01-01";

fn order(quantity: u32) -> NewOrder {
    NewOrder {
        pickup_date: PICKUP.parse().expect("date"),
        lines: vec![
            NewOrderLine {
                menu_item_id: 1,
                quantity,
            },
            NewOrderLine {
                menu_item_id: 3,
                quantity: 1,
            },
        ],
        note: Some("warm please".into()),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn generated_client_drives_the_bakery() {
    let server = TestServer::start(example_bakery_orders::app())
        .await
        .expect("bakery starts");
    let base = server.url("");
    let alice_token = server.token(&user("alice", &["customer"]));
    let staff_token = server.token(&user("sam", &["staff"]));
    let anonymous = client(&base, None);
    let alice = client(&base, Some(&alice_token));
    let staff = client(&base, Some(&staff_token));

    // Public menu, no credentials.
    let menu = anonymous.menu().await.expect("menu");
    assert!(!menu.is_empty());

    // Place an order and find it again.
    let placed = alice.place_order(&order(2)).await.expect("order placed");
    assert_eq!(placed.status, OrderStatus::Placed);
    assert_eq!(placed.customer_id, "alice");
    assert_eq!(placed.lines.len(), 2);
    assert_eq!(placed.pickup_date.to_string(), PICKUP);
    let mine = alice.my_orders().await.expect("my orders");
    assert_eq!(mine, vec![placed.clone()]);
    let one = alice.get_order(placed.id).await.expect("get order");
    assert_eq!(one, placed);

    // Staff see the day's orders and mark it ready.
    let day = staff
        .orders_of_day(PICKUP.parse().expect("date"))
        .await
        .expect("orders of day");
    assert_eq!(day.len(), 1);
    let ready = staff.mark_ready(placed.id).await.expect("ready");
    assert_eq!(ready.status, OrderStatus::Ready);
    assert!(ready.ready_at.is_some());

    // Every error answer decodes as the typed problem body.
    let problem = |e: Error<bakery_orders_client::types::Problem>, status: u16| match e {
        Error::Api { status: s, body } => {
            assert_eq!(s, status);
            assert_eq!(s, body.status);
            assert!(body.r#type.starts_with("https://clodo.dev/problems/"));
            body
        }
        other => panic!("expected a problem body with {status}, got {other:?}"),
    };
    // 401: no token.
    problem(anonymous.my_orders().await.expect_err("needs a token"), 401);
    // 403: a customer on a staff route.
    problem(
        alice.mark_ready(placed.id).await.expect_err("staff only"),
        403,
    );
    // 404: an order that does not exist.
    problem(alice.get_order(999_999).await.expect_err("missing"), 404);
    // 409: ready twice.
    problem(staff.mark_ready(placed.id).await.expect_err("twice"), 409);
    // 422: invalid lines, with field errors.
    let invalid = problem(
        alice.place_order(&order(0)).await.expect_err("quantity 0"),
        422,
    );
    assert!(
        invalid
            .errors
            .iter()
            .flatten()
            .any(|f| f.field == "lines[0].quantity"),
        "{invalid:?}"
    );
    server.stop().await;
}

/// A scripted answer: status, headers, body.
type Answer = (u16, Vec<(&'static str, &'static str)>, &'static str);

/// Answers from a script and records what was sent and how long it slept.
#[derive(Clone, Default)]
struct Scripted {
    answers: Arc<Mutex<Vec<Answer>>>,
    sent: Arc<Mutex<Vec<String>>>,
    slept: Arc<Mutex<Vec<Duration>>>,
}

impl Transport for Scripted {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>> {
        let this = self.clone();
        Box::pin(async move {
            this.sent
                .lock()
                .expect("lock")
                .push(format!("{} {}", request.method(), request.uri()));
            let (status, headers, body) = this.answers.lock().expect("lock").remove(0);
            let mut b = http::Response::builder().status(status);
            for (k, v) in headers {
                b = b.header(k, v);
            }
            Ok(b.body(body.as_bytes().to_vec()).expect("response"))
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
        self.slept.lock().expect("lock").push(duration);
        Box::pin(async {})
    }
}

#[tokio::test]
async fn idempotent_requests_are_retried_after_retry_after() {
    let t = Scripted::default();
    *t.answers.lock().expect("lock") = vec![
        (503, vec![("retry-after", "2")], ""),
        (429, vec![], ""),
        (200, vec![("content-type", "application/json")], "[]"),
    ];
    let c = Client::builder("http://bakery.test/")
        .transport(t.clone())
        .retry(RetryPolicy::retries(3))
        .build()
        .expect("client");
    let menu = c.menu().await.expect("third answer");
    assert!(menu.is_empty());
    assert_eq!(
        *t.sent.lock().expect("lock"),
        vec!["GET http://bakery.test/menu"; 3]
    );
    assert_eq!(
        *t.slept.lock().expect("lock"),
        vec![Duration::from_secs(2), Duration::from_millis(400)],
        "Retry-After first, then the backoff of the second retry"
    );

    // POST is not idempotent: one attempt, and the 503 is reported.
    *t.answers.lock().expect("lock") = vec![(503, vec![("retry-after", "1")], "")];
    let err = c.place_order(&order(1)).await.expect_err("not retried");
    assert_eq!(err.status(), Some(503));
    assert_eq!(t.sent.lock().expect("lock").len(), 4);
}
