//! The bakery block over real HTTP on loopback: every route, every auth
//! outcome and every bad-input outcome, each test run twice with the same
//! assertions: natively (`native::*`, SQLite) and as a Worker on workerd
//! with local D1 (`workerd::*`; see `clodo_sdk::testing::suite`).

use clodo_sdk::auth::{Claims, encode_unsigned, unix_now};
use clodo_sdk::testing::suite::{Server, Target};
use clodo_sdk::testing::{foreign_token, user};
use example_bakery_orders::{MenuItem, Order, OrderStatus, app};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

/// The bakery on `target`; `None` when the workerd toolchain is missing
/// outside CI (the test is then skipped with a note on how to install it).
async fn server(target: Target) -> Option<Server> {
    Server::start(target, app, "example-bakery-orders").await
}

/// Asserts a problem+json answer with `status` and returns its body.
async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status, "status");
    let ct = resp.headers()["content-type"].to_str().unwrap().to_owned();
    assert_eq!(ct, "application/problem+json");
    let rid = resp.headers()["x-request-id"].to_str().unwrap().to_owned();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert_eq!(body["instance"], rid, "instance is the request id");
    assert!(
        body["type"]
            .as_str()
            .unwrap()
            .starts_with("https://clodo.dev/problems/")
    );
    assert!(body["title"].is_string());
    body
}

/// The UTC date `offset` days from today, `YYYY-MM-DD`.
fn day(offset: i64) -> String {
    let secs = unix_now().cast_signed() + offset * 86_400;
    let mut date = clodo_sdk::time::rfc3339_utc(secs.cast_unsigned());
    date.truncate(10);
    date
}

/// The pickup day of the tests' orders: tomorrow, so that a run across
/// midnight still orders for a day that has not passed.
fn pickup() -> String {
    day(1)
}

/// A day for requests that fail before it is looked at.
const ANY_DAY: &str = "2999-01-01";

fn order_body() -> Value {
    json!({
        "pickup_date": pickup(),
        "lines": [{"menu_item_id": 1, "quantity": 2}, {"menu_item_id": 3, "quantity": 3}],
        "note": "no sesame"
    })
}

async fn menu_is_public_and_lists_available_items(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let resp = Client::new().get(s.url("/menu")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/json");
    assert!(resp.headers().contains_key("x-request-id"));
    let menu: Vec<MenuItem> = resp.json().await.unwrap();
    assert_eq!(menu.len(), 5, "the unavailable stollen is hidden");
    assert!(
        menu.windows(2)
            .all(|w| w[0].price_cents <= w[1].price_cents)
    );
    assert_eq!(menu[0].name, "Croissant");
    s.stop().await;
}

async fn customer_places_order_and_sees_it(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let alice = s.token(&user("alice", &["customer"]));
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&alice)
        .json(&order_body())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let location = resp.headers()["location"].to_str().unwrap().to_owned();
    let order: Order = resp.json().await.unwrap();
    assert_eq!(location, format!("/orders/{}", order.id));
    assert_eq!(order.total_cents, 2 * 650 + 3 * 240);
    assert_eq!(order.status, OrderStatus::Placed);
    assert_eq!(order.customer_id, "alice");
    assert_eq!(order.note.as_deref(), Some("no sesame"));
    assert_eq!(order.lines.len(), 2);
    assert_eq!(order.lines[1].name, "Croissant");

    let got: Order = c
        .get(s.url(&location))
        .bearer_auth(&alice)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got, order);

    let mine: Vec<Order> = c
        .get(s.url("/orders/mine"))
        .bearer_auth(&alice)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine, vec![order.clone()]);

    // Bob sees neither Alice's orders in his list nor her order by id.
    let bob = s.token(&user("bob", &["customer"]));
    let mine: Vec<Order> = c
        .get(s.url("/orders/mine"))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(mine.is_empty());
    let resp = c
        .get(s.url(&location))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::NOT_FOUND).await;
    s.stop().await;
}

async fn staff_list_a_day_and_mark_ready(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let alice = s.token(&user("alice", &["customer"]));
    let staff = s.token(&user("sam", &["staff"]));
    let order: Order = c
        .post(s.url("/orders"))
        .bearer_auth(&alice)
        .json(&order_body())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut other_day = order_body();
    other_day["pickup_date"] = json!(day(2));
    c.post(s.url("/orders"))
        .bearer_auth(&alice)
        .json(&other_day)
        .send()
        .await
        .unwrap();

    let day: Vec<Order> = c
        .get(s.url(&format!("/orders?date={}", pickup())))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(day, vec![order.clone()]);

    // Staff may read any order.
    let resp = c
        .get(s.url(&format!("/orders/{}", order.id)))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    let resp = c
        .post(s.url(&format!("/orders/{}/ready", order.id)))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let ready: Order = resp.json().await.unwrap();
    assert_eq!(ready.status, OrderStatus::Ready);
    assert!(ready.ready_at.is_some());

    let again = c
        .post(s.url(&format!("/orders/{}/ready", order.id)))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    problem(again, StatusCode::CONFLICT).await;
    let missing = c
        .post(s.url("/orders/999/ready"))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    problem(missing, StatusCode::NOT_FOUND).await;
    s.stop().await;
}

async fn auth_outcomes(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let alice = user("alice", &["customer"]);

    // No token.
    let body = problem(
        c.post(s.url("/orders"))
            .json(&order_body())
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("bearer token"));
    // Not a bearer scheme.
    let resp = c
        .get(s.url("/orders/mine"))
        .header("authorization", "Basic YWxpY2U6eA==")
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;
    // Token of another domain, signed with the same key material.
    let foreign = foreign_token("other.localhost", &alice);
    let body = problem(
        c.get(s.url("/orders/mine"))
            .bearer_auth(&foreign)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("not issued for this domain")
    );
    // Expired.
    let expired = s.expired_token(&alice);
    let body = problem(
        c.get(s.url("/orders/mine"))
            .bearer_auth(&expired)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("expired"));
    // Tampered: roles edited after signing.
    let good = s.token(&alice);
    let mut parts: Vec<&str> = good.split('.').collect();
    let claims = Claims {
        iss: s.domain().into(),
        aud: "clodo".into(),
        sub: "alice".into(),
        email: "alice@example.com".into(),
        roles: vec!["staff".into()],
        iat: unix_now(),
        exp: unix_now() + 600,
        sid: None,
        jti: "forged".into(),
    };
    let forged = encode_unsigned(r#"{"alg":"HS256","typ":"JWT"}"#, &claims, b"x");
    let forged_payload = forged.split('.').nth(1).unwrap().to_owned();
    parts[1] = &forged_payload;
    let tampered = parts.join(".");
    let body = problem(
        c.get(s.url(&format!("/orders?date={ANY_DAY}")))
            .bearer_auth(&tampered)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("signature"));
    // alg: none and RS256.
    for header in [r#"{"alg":"none"}"#, r#"{"alg":"RS256","typ":"JWT"}"#] {
        let t = encode_unsigned(header, &claims, b"");
        let body = problem(
            c.get(s.url("/orders/mine"))
                .bearer_auth(&t)
                .send()
                .await
                .unwrap(),
            StatusCode::UNAUTHORIZED,
        )
        .await;
        assert!(
            body["detail"].as_str().unwrap().contains("algorithm"),
            "{header}"
        );
    }
    // Garbage.
    let resp = c
        .get(s.url("/orders/mine"))
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;
    // Wrong role.
    let resp = c
        .get(s.url(&format!("/orders?date={ANY_DAY}")))
        .bearer_auth(s.token(&alice))
        .send()
        .await
        .unwrap();
    let body = problem(resp, StatusCode::FORBIDDEN).await;
    assert!(body["detail"].as_str().unwrap().contains("`staff`"));
    let resp = c
        .post(s.url("/orders/1/ready"))
        .bearer_auth(s.token(&alice))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::FORBIDDEN).await;
    // The 401 carries WWW-Authenticate.
    let resp = c.get(s.url("/orders/mine")).send().await.unwrap();
    assert_eq!(resp.headers()["www-authenticate"], "Bearer");
    s.stop().await;
}

async fn bad_input_outcomes(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let t = s.token(&user("alice", &["customer"]));
    let staff = s.token(&user("sam", &["staff"]));

    // Unknown path, and a known path with another method.
    problem(
        c.get(s.url("/nope")).send().await.unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    let resp = c.delete(s.url("/menu")).send().await.unwrap();
    assert_eq!(resp.headers()["allow"], "GET, HEAD");
    problem(resp, StatusCode::METHOD_NOT_ALLOWED).await;
    // HEAD wherever GET is served: the GET's status and type, no body.
    let got = c.get(s.url("/menu")).send().await.unwrap();
    let got_type = got.headers()["content-type"].clone();
    let head = c.head(s.url("/menu")).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(head.headers()["content-type"], got_type);
    assert!(head.bytes().await.unwrap().is_empty());
    let resp = c
        .put(s.url("/orders"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["allow"], "GET, HEAD, POST");
    problem(resp, StatusCode::METHOD_NOT_ALLOWED).await;

    // Malformed JSON, a wrong field type, an unknown field, a missing field.
    let post = |body: &'static str| {
        c.post(s.url("/orders"))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let body = problem(
        post("{\"pickup_date\": ").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        body["detail"].as_str().unwrap().contains("not valid JSON"),
        "{body}"
    );
    let body = problem(
        post(r#"{"pickup_date":"2999-01-01","lines":[{"menu_item_id":1,"quantity":"two"}]}"#)
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("lines[0].quantity"),
        "{body}"
    );
    let body = problem(
        post(r#"{"pickup_date":"2999-01-01","lines":[],"extra":1}"#)
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("extra"), "{body}");
    let body = problem(
        post(r#"{"lines":[]}"#).await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        body["detail"].as_str().unwrap().contains("pickup_date"),
        "{body}"
    );
    problem(post("").await.unwrap(), StatusCode::BAD_REQUEST).await;

    // Valid JSON, invalid order: 422 listing each field.
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .json(&json!({"pickup_date": "2026-02-30", "lines": [{"menu_item_id": 6, "quantity": 0}]}))
        .send()
        .await
        .unwrap();
    let body = problem(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    // The declared rules are checked at extraction, every field at once
    // (by name); the menu, which only the handler knows, after them.
    assert_eq!(fields, ["lines[0].quantity", "pickup_date"]);
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .json(&json!({"pickup_date": pickup(), "lines": [{"menu_item_id": 6, "quantity": 1}]}))
        .send()
        .await
        .unwrap();
    let body = problem(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["errors"][0]["field"], "lines[0].menu_item_id");

    // Wrong content type.
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .header("content-type", "text/plain")
        .body("hi")
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .body("{}")
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;

    // Oversized body (limit 1 MiB), declared and streamed.
    let big = format!(
        r#"{{"pickup_date":"{ANY_DAY}","lines":[],"note":"{}"}}"#,
        "x".repeat(1024 * 1024 + 10)
    );
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::PAYLOAD_TOO_LARGE).await;
    let stream = reqwest::Body::wrap_stream(futures_stream(big.into_bytes()));
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(stream)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::PAYLOAD_TOO_LARGE).await;

    // Bad path parameter and bad query.
    let body = problem(
        c.get(s.url("/orders/abc"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("`id`"), "{body}");
    let body = problem(
        c.get(s.url("/orders"))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("date"), "{body}");
    let body = problem(
        c.get(s.url("/orders?date=tomorrow"))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        body["detail"].as_str().unwrap().contains("`date`"),
        "{body}"
    );
    let body = problem(
        c.get(s.url(&format!("/orders?date={ANY_DAY}&x=1")))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains('x'), "{body}");
    s.stop().await;
}

/// A body sent in chunks without a Content-Length.
fn futures_stream(
    bytes: Vec<u8>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    struct Chunks(Vec<Vec<u8>>);
    impl futures_core::Stream for Chunks {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.pop().map(Ok))
        }
    }
    let mut chunks: Vec<Vec<u8>> = bytes.chunks(64 * 1024).map(<[u8]>::to_vec).collect();
    chunks.reverse();
    Chunks(chunks)
}

async fn contract_and_docs_are_served(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let resp = c.get(s.url("/openapi.json")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let served = resp.bytes().await.unwrap();
    // The suite runs in development, where the auth block also serves (and
    // lists) its sign-in page: the exported contract plus that page.
    let dev = std::collections::BTreeMap::from([("dev_sign_in_page".to_owned(), true)]);
    assert_eq!(
        served.as_ref(),
        app().contract_json_for(&dev).unwrap().as_slice(),
        "served bytes = exported bytes with the development sign-in page"
    );
    let exported: Value = serde_json::from_slice(&app().contract_json().unwrap()).unwrap();
    assert!(exported["paths"]["/auth/sign-in"].is_null(), "not exported");
    let doc: Value = serde_json::from_slice(&served).unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    // The app's own block names the contract and comes first.
    assert_eq!(doc["info"]["title"], "bakery-orders");
    assert_eq!(doc["info"]["version"], "0.1.0");
    let tags: Vec<&str> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["bakery-orders", "auth", "data"]);
    let ops: Vec<&str> = [
        "/menu",
        "/orders",
        "/orders/mine",
        "/orders/{id}",
        "/orders/{id}/ready",
    ]
    .iter()
    .flat_map(|p| {
        doc["paths"][p]
            .as_object()
            .unwrap()
            .values()
            .map(|o| o["operationId"].as_str().unwrap())
    })
    .collect();
    assert_eq!(
        ops,
        [
            "menu",
            "orders_of_day",
            "place_order",
            "my_orders",
            "get_order",
            "mark_ready"
        ]
    );
    assert_eq!(
        doc["paths"]["/menu"]["get"]["security"],
        json!([]),
        "public route needs no token"
    );
    assert_eq!(
        doc["paths"]["/orders"]["post"]["security"],
        json!([{"bearerAuth": []}, {"apiKeyAuth": []}])
    );
    assert_eq!(
        doc["paths"]["/orders"]["get"]["x-clodo-roles"],
        json!(["staff"])
    );
    assert_eq!(doc["paths"]["/menu"]["get"]["summary"], "Today's menu.");
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert!(doc["components"]["schemas"]["NewOrder"].is_object());

    let docs = c.get(s.url("/docs")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    assert!(
        docs.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = docs.text().await.unwrap();
    assert!(html.contains("/orders/{id}/ready") && html.contains("Today&#39;s menu."));
    assert!(html.contains("<title>bakery-orders API</title>"));
    // Prose is rendered: code spans as code, no literal backticks, and
    // response descriptions are not glued to their schema ("Success.:").
    assert!(html.contains("<code>YYYY-MM-DD</code>"), "{html}");
    assert!(!html.contains('`') && !html.contains(".:"), "{html}");
    let (bakery, auth) = (
        html.find("id=\"tag-bakery-orders\"").unwrap(),
        html.find("id=\"tag-auth\"").unwrap(),
    );
    assert!(bakery < html.find("id=\"op-menu\"").unwrap() && auth > bakery);
    s.stop().await;
}

/// A pickup day before today (UTC) is refused with 422 naming the field;
/// today is accepted.
async fn past_pickup_dates_are_refused(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let t = s.token(&user("carol", &[]));
    let mut body = order_body();
    body["pickup_date"] = json!(day(-1));
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .json(&body)
        .send()
        .await
        .unwrap();
    let problem = problem(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    let errors = problem["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{problem}");
    assert_eq!(errors[0]["field"], "pickup_date");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.contains("today") && message.contains(&day(-1)),
        "{message}"
    );

    let today = day(0);
    body["pickup_date"] = json!(today);
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(&t)
        .json(&body)
        .send()
        .await
        .unwrap();
    // Unless the day changed meanwhile (a run across midnight UTC).
    if day(0) == today {
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
    s.stop().await;
}

/// The README tour: ask for a magic link, read it from the dev outbox,
/// verify, order with the access token, refresh, log out.
async fn sign_in_by_magic_link_then_order(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let resp = c
        .post(s.url("/auth/magic-link"))
        .json(&json!({"email": "hanna@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let token = s.magic_link_token("hanna@example.com").await;
    let token = token.as_str();
    let session: Value = c
        .post(s.url("/auth/verify"))
        .json(&json!({"token": token}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let access = session["access_token"].as_str().unwrap();
    let resp = c
        .post(s.url("/orders"))
        .bearer_auth(access)
        .json(&order_body())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let order: Order = resp.json().await.unwrap();
    assert_eq!(order.customer_email, "hanna@example.com");

    let refreshed: Value = c
        .post(s.url("/auth/refresh"))
        .json(&json!({"refresh_token": session["refresh_token"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let access = refreshed["access_token"].as_str().unwrap();
    let mine: Vec<Order> = c
        .get(s.url("/orders/mine"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine, vec![order]);
    assert_eq!(
        c.post(s.url("/auth/logout"))
            .bearer_auth(access)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let resp = c
        .post(s.url("/auth/refresh"))
        .json(&json!({"refresh_token": refreshed["refresh_token"]}))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;
    s.stop().await;
}

clodo_sdk::on_both_targets!(
    menu_is_public_and_lists_available_items,
    customer_places_order_and_sees_it,
    staff_list_a_day_and_mark_ready,
    auth_outcomes,
    bad_input_outcomes,
    contract_and_docs_are_served,
    sign_in_by_magic_link_then_order,
    past_pickup_dates_are_refused,
);
