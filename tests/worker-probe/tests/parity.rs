//! What must behave the same natively (SQLite) and on Workers (D1 on
//! workerd): each test runs on both targets with the same assertions.

use clodo_sdk::testing::suite::{Server, Target};
use clodo_worker_probe::{Applied, Exec, Item, Literals, LogRow, app};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

async fn server(target: Target) -> Option<Server> {
    Server::start(target, app, "clodo-worker-probe").await
}

/// Asserts a problem+json answer with `status` and returns its body.
async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status, "status");
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let rid = resp.headers()["x-request-id"].to_str().unwrap().to_owned();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert_eq!(body["instance"], rid, "instance is the request id");
    body
}

async fn migrations_with_triggers_apply_once(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let applied: Vec<Applied> = c
        .get(s.url("/migrations"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        applied,
        [Applied {
            block: "probe".into(),
            name: "0001_items.sql".into()
        }]
    );
    // The trigger (a body with semicolons) fires.
    for (name, price) in [("free", None), ("paid", Some(1.5))] {
        let resp = c
            .post(s.url("/items"))
            .json(&json!({"name": name, "price": price}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 201);
    }
    let log: Vec<LogRow> = c
        .get(s.url("/log"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        log,
        [
            LogRow {
                item_id: 1,
                what: "no price; free".into()
            },
            LogRow {
                item_id: 2,
                what: "priced".into()
            }
        ]
    );
    s.stop().await;
}

async fn rows_round_trip_every_type(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let resp = c
        .post(s.url("/items"))
        .json(&json!({"name": "bread", "price": 2.5, "data": [0, 1, 255]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    assert_eq!(resp.headers()["location"], "/items/1");
    let exec: Exec = resp.json().await.unwrap();
    assert_eq!(
        exec,
        Exec {
            rows_affected: 1,
            last_insert_id: 1
        }
    );
    c.post(s.url("/items"))
        .json(&json!({"name": "water", "price": null, "data": null}))
        .send()
        .await
        .unwrap();
    c.post(s.url("/items"))
        .json(&json!({"name": "cake", "price": 4.0}))
        .send()
        .await
        .unwrap();
    let items: Vec<Item> = c
        .get(s.url("/items"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        items,
        [
            Item {
                id: 1,
                name: "bread".into(),
                price: Some(2.5),
                data: Some(vec![0, 1, 255])
            },
            Item {
                id: 2,
                name: "water".into(),
                price: None,
                data: None
            },
            Item {
                id: 3,
                name: "cake".into(),
                price: Some(4.0),
                data: None
            },
        ]
    );
    let lit: Literals = c
        .get(s.url("/literals"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        lit,
        Literals {
            i: 7,
            r: 2.5,
            whole: 3.0,
            t: "x".into(),
            n: None,
            b: vec![0, 255, 16],
            max_safe: 9_007_199_254_740_991
        }
    );
    let cleared: Exec = c
        .delete(s.url("/items"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cleared.rows_affected, 3);
    s.stop().await;
}

async fn constraint_errors_and_atomic_batches(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    c.post(s.url("/items"))
        .json(&json!({"name": "bread"}))
        .send()
        .await
        .unwrap();
    let body = problem(
        c.post(s.url("/items"))
            .json(&json!({"name": "bread"}))
            .send()
            .await
            .unwrap(),
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(
        body["detail"],
        "the change conflicts with existing data (UNIQUE constraint failed: items.name)"
    );
    // A batch whose second statement fails leaves nothing behind.
    let body = problem(
        c.post(s.url("/items/batch"))
            .json(&json!([{"name": "cake"}, {"name": "bread"}]))
            .send()
            .await
            .unwrap(),
        StatusCode::CONFLICT,
    )
    .await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("UNIQUE constraint failed: items.name")
    );
    let items: Vec<Item> = c
        .get(s.url("/items"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    // A batch that succeeds reports each statement.
    let done: Vec<Exec> = c
        .post(s.url("/items/batch"))
        .json(&json!([{"name": "cake"}, {"name": "bun"}]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        done,
        [
            Exec {
                rows_affected: 1,
                last_insert_id: 2
            },
            Exec {
                rows_affected: 1,
                last_insert_id: 3
            }
        ]
    );
    s.stop().await;
}

async fn integers_past_2_pow_53_are_refused(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    let body = problem(
        c.get(s.url("/too-big/bind")).send().await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        body["detail"],
        "parameter 1 is 1152921504606846976, outside ±9007199254740991, the integer range D1 can store exactly"
    );
    // Read back: SQLite has the exact value, D1 a double; both are refused.
    let body = problem(
        c.get(s.url("/too-big/read")).send().await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let detail = body["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("column `big` is 900719925474099")
            && detail.ends_with("the integer range D1 can store exactly"),
        "{detail}"
    );
    problem(
        c.get(s.url("/bad-sql")).send().await.unwrap(),
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    s.stop().await;
}

async fn a_panic_is_a_500_and_the_next_request_works(target: Target) {
    let Some(s) = server(target).await else {
        return;
    };
    let c = Client::new();
    c.post(s.url("/items"))
        .json(&json!({"name": "kept"}))
        .send()
        .await
        .unwrap();
    for _ in 0..2 {
        let body = problem(
            c.get(s.url("/panic")).send().await.unwrap(),
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;
        assert_eq!(body["type"], "https://clodo.dev/problems/internal");
        let rid = body["instance"].as_str().unwrap();
        assert_eq!(
            body["detail"],
            format!(
                "the server failed to handle this request; quote request id {rid} when reporting it"
            )
        );
        let resp = c.get(s.url("/ok")).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.text().await.unwrap(), "true");
    }
    // The data outlives the panics.
    let items: Vec<Item> = c
        .get(s.url("/items"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    s.stop().await;
}

clodo_sdk::on_both_targets!(
    migrations_with_triggers_apply_once,
    rows_round_trip_every_type,
    constraint_errors_and_atomic_batches,
    integers_past_2_pow_53_are_refused,
    a_panic_is_a_500_and_the_next_request_works,
);
