//! The bakery's `customers` model, served by the generic data block from
//! `schema/data.toml`, over real HTTP on both targets (native SQLite and the
//! Worker on workerd with local D1): staff create, list with filters, patch
//! and delete customers; a customer sees only its own records.

use clodo_sdk::testing::suite::{Server, Target};
use clodo_sdk::testing::user;
use example_bakery_orders::app;
use reqwest::{Client, Method};
use serde_json::{Value, json};

async fn send(
    s: &Server,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = Client::new().request(method, s.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.expect("request");
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.expect("body");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("JSON")
    };
    (status, body)
}

fn ids(list: &Value) -> Vec<i64> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["id"].as_i64().expect("id"))
        .collect()
}

async fn staff_manage_customers_who_see_only_their_own(target: Target) {
    let Some(s) = Server::start(target, app, "example-bakery-orders").await else {
        return;
    };
    let staff = s.token(&user("sam", &["staff"]));
    let ann = s.token(&user("ann", &["customer"]));
    let bob = s.token(&user("bob", &["customer"]));

    // Staff create customers (201 + Location) ...
    let (st, c1) = send(&s, Method::POST, "/data/customers", Some(&staff),
        Some(json!({"name": "Café Rose", "email": "orders@caferose.example", "tier": "wholesale", "allergies": ["nuts"]}))).await;
    assert_eq!(st, 201, "{c1}");
    assert_eq!(c1["tier"], "wholesale");
    assert_eq!(c1["allergies"], json!(["nuts"]));
    assert_eq!(c1["newsletter"], false);
    let (st, _) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&staff),
        Some(json!({"name": "Ann", "email": "ann@example.com", "owner_id": "ann"})),
    )
    .await;
    assert_eq!(st, 201);
    // ... a customer creates its own ...
    let (st, b) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&bob),
        Some(json!({"name": "Bob", "email": "bob@example.com", "phone": "555-0100"})),
    )
    .await;
    assert_eq!(st, 201, "{b}");
    assert_eq!(b["owner_id"], "bob");

    // ... staff list all, with a filter, sorted, paged.
    let (_, all) = send(
        &s,
        Method::GET,
        "/data/customers?sort=name",
        Some(&staff),
        None,
    )
    .await;
    assert_eq!(ids(&all), [2, 3, 1]);
    let (_, wholesale) = send(
        &s,
        Method::GET,
        "/data/customers?tier=wholesale",
        Some(&staff),
        None,
    )
    .await;
    assert_eq!(ids(&wholesale), [1]);
    let (_, some) = send(
        &s,
        Method::GET,
        "/data/customers?name[like]=%25o%25&fields=name&limit=1",
        Some(&staff),
        None,
    )
    .await;
    assert_eq!(some["items"], json!([{"id": 1, "name": "Café Rose"}]));
    assert_eq!(some["paging"]["has_more"], true);
    let next = some["paging"]["next_cursor"].as_str().expect("cursor");
    let (_, rest) = send(
        &s,
        Method::GET,
        &format!("/data/customers?name[like]=%25o%25&fields=name&limit=1&cursor={next}"),
        Some(&staff),
        None,
    )
    .await;
    assert_eq!(ids(&rest), [3]);

    // Customers see only their own records.
    let (_, mine) = send(&s, Method::GET, "/data/customers", Some(&ann), None).await;
    assert_eq!(ids(&mine), [2]);
    let (_, mine) = send(&s, Method::GET, "/data/customers", Some(&bob), None).await;
    assert_eq!(ids(&mine), [3]);
    assert_eq!(
        send(&s, Method::GET, "/data/customers/1", Some(&ann), None)
            .await
            .0,
        404
    );
    assert_eq!(
        send(&s, Method::DELETE, "/data/customers/3", Some(&ann), None)
            .await
            .0,
        404
    );
    assert_eq!(
        send(&s, Method::GET, "/data/customers", None, None).await.0,
        401
    );

    // Staff patch and delete.
    let (st, p) = send(
        &s,
        Method::PATCH,
        "/data/customers/3",
        Some(&staff),
        Some(json!({"newsletter": true})),
    )
    .await;
    assert_eq!(st, 200, "{p}");
    assert_eq!(
        (p["newsletter"].clone(), p["phone"].clone()),
        (json!(true), json!("555-0100"))
    );
    let (st, bad) = send(
        &s,
        Method::PATCH,
        "/data/customers/3",
        Some(&staff),
        Some(json!({"tier": "gold", "email": "nope"})),
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(bad["errors"].as_array().map(Vec::len), Some(2), "{bad}");
    assert_eq!(
        send(&s, Method::DELETE, "/data/customers/3", Some(&staff), None)
            .await
            .0,
        204
    );
    let (_, all) = send(&s, Method::GET, "/data/customers", Some(&staff), None).await;
    assert_eq!(ids(&all), [1, 2]);
    s.stop().await;
}

/// Every filter the contract declares for customers, all at once with each
/// `in` at its cap, answers 200 on D1 too: filter values travel in one bound
/// JSON array, so D1's 100 parameters are never near. The longest sort with
/// a cursor and a customer's owner check binds the most (24). A parameter
/// given twice, or 1,000 times, answers 400 naming it.
async fn lists_at_every_cap_answer_200(target: Target) {
    let Some(s) = Server::start(target, app, "example-bakery-orders").await else {
        return;
    };
    let ann = s.token(&user("ann", &["customer"]));
    for (name, email) in [("Ann", "ann@example.com"), ("Ann B", "ann.b@example.com")] {
        let (st, c) = send(
            &s,
            Method::POST,
            "/data/customers",
            Some(&ann),
            Some(json!({"name": name, "email": email, "phone": "555-0100"})),
        )
        .await;
        assert_eq!(st, 201, "{c}");
    }
    let max_in = clodo_data::MAX_IN_VALUES;
    let (st, doc) = send(&s, Method::GET, "/openapi.json", None, None).await;
    assert_eq!(st, 200);
    let params = doc["paths"]["/data/customers"]["get"]["parameters"]
        .as_array()
        .expect("list parameters")
        .clone();
    let mut every = Vec::new();
    for p in &params {
        let name = p["name"].as_str().unwrap_or_default();
        if ["limit", "cursor", "page", "sort", "fields"].contains(&name) {
            continue;
        }
        let schema = &p["schema"];
        let item = if schema["type"] == "array" {
            &schema["items"]
        } else {
            schema
        };
        let one = match (item["type"].as_str(), item["format"].as_str()) {
            (Some("integer"), _) => "0",
            (Some("number"), _) => "0.5",
            (Some("boolean"), _) => "true",
            (Some("string"), Some("date-time")) => "2026-01-01T00:00:00Z",
            _ if name.ends_with("[like]") => "%25",
            _ => "x",
        };
        let value = if schema["type"] == "array" {
            assert_eq!(schema["maxItems"], max_in, "{p}");
            vec![one; max_in].join(",")
        } else {
            one.to_owned()
        };
        every.push(format!("{name}={value}"));
    }
    assert!(every.len() > 40, "{} filters", every.len());
    let (st, all) = send(
        &s,
        Method::GET,
        &format!("/data/customers?{}", every.join("&")),
        Some(&ann),
        None,
    )
    .await;
    assert_eq!(st, 200, "{all}");

    let ins: Vec<String> = (1..=max_in).map(|i| i.to_string()).collect();
    let query = format!(
        "sort=-name,email,phone,-tier,newsletter&id[in]={}",
        ins.join(",")
    );
    let (st, first) = send(
        &s,
        Method::GET,
        &format!("/data/customers?{query}&limit=1"),
        Some(&ann),
        None,
    )
    .await;
    assert_eq!(st, 200, "{first}");
    assert_eq!(ids(&first), [2]);
    let cursor = first["paging"]["next_cursor"].as_str().expect("a cursor");
    let (st, next) = send(
        &s,
        Method::GET,
        &format!("/data/customers?{query}&limit=1&cursor={cursor}"),
        Some(&ann),
        None,
    )
    .await;
    assert_eq!(st, 200, "{next}");
    assert_eq!(ids(&next), [1]);

    for twice in [
        format!("{query}&id[in]=1"),
        vec!["id[gt]=0"; 1000].join("&"),
    ] {
        let (st, p) = send(
            &s,
            Method::GET,
            &format!("/data/customers?{twice}"),
            Some(&ann),
            None,
        )
        .await;
        assert_eq!(st, 400, "{p}");
        assert!(
            p["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("is given more than once"),
            "{p}"
        );
    }
    s.stop().await;
}

/// Under `access = "owner"`, `unique` holds per owner: a customer may use an
/// email another customer's record has (nothing reveals that it exists),
/// and a clash among one owner's records is 409 naming the field.
async fn unique_fields_are_unique_per_owner(target: Target) {
    let Some(s) = Server::start(target, app, "example-bakery-orders").await else {
        return;
    };
    let ann = s.token(&user("ann", &["customer"]));
    let bob = s.token(&user("bob", &["customer"]));
    let staff = s.token(&user("sam", &["staff"]));
    let body = json!({"name": "Shared", "email": "shared@example.com"});
    let (st, a) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&ann),
        Some(body.clone()),
    )
    .await;
    assert_eq!(st, 201, "{a}");
    let (st, b) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&bob),
        Some(body.clone()),
    )
    .await;
    assert_eq!(st, 201, "another owner's email is no oracle: {b}");
    let (st, p) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&ann),
        Some(body.clone()),
    )
    .await;
    assert_eq!(st, 409, "{p}");
    assert_eq!(p["errors"][0]["field"], "email", "{p}");
    let (st, p) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&staff),
        Some(json!({"name": "S", "email": "shared@example.com", "owner_id": "bob"})),
    )
    .await;
    assert_eq!(st, 409, "staff writing for bob meet bob's records: {p}");
    let (st, p) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&staff),
        Some(json!({"name": "S", "email": "shared@example.com", "owner_id": null})),
    )
    .await;
    assert_eq!(st, 201, "{p}");
    let (st, p) = send(
        &s,
        Method::POST,
        "/data/customers",
        Some(&staff),
        Some(json!({"name": "S", "email": "shared@example.com", "owner_id": null})),
    )
    .await;
    assert_eq!(
        st, 409,
        "records without an owner are unique among themselves: {p}"
    );
    s.stop().await;
}

clodo_sdk::on_both_targets!(
    staff_manage_customers_who_see_only_their_own,
    lists_at_every_cap_answer_200,
    unique_fields_are_unique_per_owner
);

/// The README shows the customers model as it is: its `toml` block after
/// the mention of `schema/data.toml` is a verbatim part of the file.
#[test]
fn the_readme_shows_the_real_schema() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(dir.join("../../README.md")).expect("README.md");
    let schema = std::fs::read_to_string(dir.join("schema/data.toml")).expect("data.toml");
    let after = &readme[readme
        .find("examples/bakery-orders/schema/data.toml")
        .expect("the README names the schema")..];
    let start = after.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let block = &after[start..start + after[start..].find("```").expect("its end")];
    assert!(
        schema.contains(block),
        "README.md's data.toml snippet differs from schema/data.toml; copy it again:\n{block}"
    );
    assert!(
        block.contains("newsletter"),
        "the tour patches `newsletter`"
    );
}
