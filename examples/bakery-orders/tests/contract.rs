//! The contract says what the server enforces: for every rule, the served
//! `/openapi.json` declares it and the server refuses a request that breaks
//! it while accepting one at the limit. On both targets.

use clodo_sdk::db::MAX_SAFE_INTEGER;
use clodo_sdk::testing::suite::{Server, Target};
use clodo_sdk::testing::user;
use example_bakery_orders::app;
use reqwest::{Client, Method};
use serde_json::{Value, json};

struct Api {
    s: Server,
    c: Client,
    doc: Value,
}

impl Api {
    async fn send(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self.c.request(method, self.s.url(path)).bearer_auth(token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, body)
    }

    /// A component schema, or a property of one (`Name.prop`).
    fn schema(&self, name: &str) -> &Value {
        let (ty, prop) = name.split_once('.').unwrap_or((name, ""));
        let s = &self.doc["components"]["schemas"][ty];
        if prop.is_empty() {
            s
        } else {
            &s["properties"][prop]
        }
    }

    /// The schema of parameter `name` of `method path`.
    fn param(&self, path: &str, method: &str, name: &str) -> &Value {
        let item = &self.doc["paths"][path];
        item[method]["parameters"]
            .as_array()
            .into_iter()
            .chain(item["parameters"].as_array())
            .flatten()
            .find(|p| p["name"] == name)
            .map_or(&Value::Null, |p| &p["schema"])
    }
}

/// The fields a problem lists, each once.
fn fields(body: &Value) -> Vec<&str> {
    let mut out: Vec<&str> = body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    out.dedup();
    out
}

fn order(lines: usize, quantity: u32) -> Value {
    let line = json!({"menu_item_id": 1, "quantity": quantity});
    // A pickup day that never passes (days before today are refused).
    json!({"pickup_date": "2999-01-01", "lines": vec![line; lines]})
}

async fn the_contract_declares_what_the_server_enforces(target: Target) {
    let Some(s) = Server::start(target, app, "example-bakery-orders").await else {
        return;
    };
    let c = Client::new();
    let doc: Value = c
        .get(s.url("/openapi.json"))
        .send()
        .await
        .expect("contract")
        .json()
        .await
        .expect("JSON");
    let ann = s.token(&user("ann", &["customer"]));
    let staff = s.token(&user("sam", &["staff"]));
    let admin = s.token(&user("ada", &["admin"]));
    let api = Api { s, c, doc };

    // int64 ids: ±(2^53 − 1), declared on path parameters, 400 beyond.
    for (path, method) in [("/orders/{id}", "get"), ("/data/customers/{id}", "get")] {
        let id = api.param(path, method, "id");
        assert_eq!(
            (&id["minimum"], &id["maximum"]),
            (&json!(-MAX_SAFE_INTEGER), &json!(MAX_SAFE_INTEGER)),
            "{path}"
        );
    }
    assert_eq!(api.schema("Order.id")["maximum"], json!(MAX_SAFE_INTEGER));
    let (st, p) = api
        .send(
            Method::GET,
            &format!("/orders/{}", MAX_SAFE_INTEGER + 1),
            &ann,
            None,
        )
        .await;
    assert_eq!((st, fields(&p)), (400, vec!["id"]), "{p}");
    let (st, _) = api
        .send(
            Method::GET,
            &format!("/orders/{MAX_SAFE_INTEGER}"),
            &ann,
            None,
        )
        .await;
    assert_eq!(st, 404, "the largest id is a valid request");
    let (st, p) = api
        .send(
            Method::GET,
            &format!("/data/customers/{}", MAX_SAFE_INTEGER + 1),
            &staff,
            None,
        )
        .await;
    assert_eq!((st, fields(&p)), (400, vec!["id"]), "{p}");

    // Order lines: 1 to 50; quantity: 1 to 100.
    let lines = api.schema("NewOrder.lines");
    assert_eq!(
        (&lines["minItems"], &lines["maxItems"]),
        (&json!(1), &json!(50))
    );
    let q = api.schema("NewOrderLine.quantity");
    assert_eq!((&q["minimum"], &q["maximum"]), (&json!(1), &json!(100)));
    assert_eq!(api.schema("NewOrder.note")["maxLength"], json!(500));
    for (body, field) in [
        (order(0, 1), "lines"),
        (order(51, 1), "lines"),
        (order(1, 0), "lines[0].quantity"),
        (order(1, 101), "lines[0].quantity"),
    ] {
        let (st, p) = api.send(Method::POST, "/orders", &ann, Some(body)).await;
        assert_eq!((st, fields(&p)), (422, vec![field]), "{p}");
    }
    let (st, p) = api
        .send(Method::POST, "/orders", &ann, Some(order(50, 100)))
        .await;
    assert_eq!(st, 201, "50 lines of 100 is an order: {p}");
    let (st, p) = api
        .send(Method::GET, "/orders?date=2026-02-30", &staff, None)
        .await;
    assert_eq!(
        (st, fields(&p)),
        (400, vec!["date"]),
        "format: date is checked: {p}"
    );

    // Magic links take an email address.
    assert_eq!(api.schema("MagicLinkRequest.email")["format"], "email");
    let (st, p) = api
        .send(
            Method::POST,
            "/auth/magic-link",
            &ann,
            Some(json!({"email": "not-an-email"})),
        )
        .await;
    assert_eq!((st, fields(&p)), (422, vec!["email"]), "{p}");

    // Data lists: `limit` 1 to 100, `fields` only the model's names.
    let limit = api.param("/data/customers", "get", "limit");
    assert_eq!(
        (&limit["minimum"], &limit["maximum"]),
        (&json!(1), &json!(100))
    );
    for l in ["0", "101"] {
        let (st, p) = api
            .send(
                Method::GET,
                &format!("/data/customers?limit={l}"),
                &staff,
                None,
            )
            .await;
        assert_eq!(st, 400, "{p}");
    }
    let f = api.param("/data/customers", "get", "fields");
    let pattern = f["pattern"].as_str().expect("a pattern");
    assert!(
        pattern.starts_with("^(?:id|owner_id|") && pattern.contains("|email|"),
        "{f}"
    );
    for bad in ["nope", "id,%20name", "id,,name", ""] {
        let (st, p) = api
            .send(
                Method::GET,
                &format!("/data/customers?fields={bad}"),
                &staff,
                None,
            )
            .await;
        assert_eq!(st, 400, "fields={bad}: {p}");
    }

    // API keys: names 1 to 64 characters, roles by pattern, at most 16.
    let name = api.schema("NewApiKey.name");
    assert_eq!(
        (&name["minLength"], &name["maxLength"]),
        (&json!(1), &json!(64))
    );
    assert!(name["pattern"].is_string());
    let roles = api.schema("NewApiKey.roles");
    assert_eq!(roles["maxItems"], json!(16));
    assert_eq!(roles["items"]["pattern"], "^[a-z][a-z0-9_-]{0,31}$");
    assert_eq!(
        api.schema("SetRoles.roles")["items"]["pattern"],
        roles["items"]["pattern"]
    );
    let many: Vec<String> = (0..17).map(|i| format!("r{i}")).collect();
    for (body, field) in [
        (json!({"name": "", "roles": []}), "name"),
        (json!({"name": "   ", "roles": []}), "name"),
        (json!({"name": "x".repeat(65), "roles": []}), "name"),
        (json!({"name": "till", "roles": ["Staff!"]}), "roles[0]"),
        (json!({"name": "till", "roles": many}), "roles"),
    ] {
        let (st, p) = api
            .send(Method::POST, "/auth/api-keys", &admin, Some(body.clone()))
            .await;
        assert_eq!((st, fields(&p)), (422, vec![field]), "{body}: {p}");
    }
    let (st, p) = api
        .send(
            Method::POST,
            "/auth/api-keys",
            &admin,
            Some(json!({"name": "x".repeat(64), "roles": ["staff", "till-2"]})),
        )
        .await;
    assert_eq!(st, 201, "{p}");
    api.s.stop().await;
}

/// `fields=` answers partial records, and the contract says so: reads
/// answer `CustomersPartial` (only `id` required); writes answer the whole
/// `Customers`.
async fn partial_records_match_the_read_schema(target: Target) {
    let Some(s) = Server::start(target, app, "example-bakery-orders").await else {
        return;
    };
    let c = Client::new();
    let doc: Value = c
        .get(s.url("/openapi.json"))
        .send()
        .await
        .expect("contract")
        .json()
        .await
        .expect("JSON");
    let staff = s.token(&user("sam", &["staff"]));
    let api = Api { s, c, doc };
    let (st, rec) = api
        .send(
            Method::POST,
            "/data/customers",
            &staff,
            Some(json!({"name": "Ann", "email": "ann@example.com"})),
        )
        .await;
    assert_eq!(st, 201, "{rec}");
    let (st, one) = api
        .send(Method::GET, "/data/customers/1?fields=id", &staff, None)
        .await;
    assert_eq!((st, &one), (200, &json!({"id": 1})));
    let schemas = &api.doc["components"]["schemas"];
    let response = |path: &str, method: &str, status: &str| {
        api.doc["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
            ["$ref"]
            .clone()
    };
    assert_eq!(
        response("/data/customers/{id}", "get", "200"),
        "#/components/schemas/CustomersPartial"
    );
    assert_eq!(
        schemas["CustomersList"]["properties"]["items"]["items"]["$ref"],
        "#/components/schemas/CustomersPartial"
    );
    assert_eq!(
        schemas["CustomersPartial"]["required"],
        json!(["id"]),
        "{{\"id\":1}} is a valid answer"
    );
    assert_eq!(
        response("/data/customers", "post", "201"),
        "#/components/schemas/Customers"
    );
    let whole = schemas["Customers"]["required"]
        .as_array()
        .expect("required");
    assert!(whole.contains(&json!("email")), "writes answer every field");
    let (st, list) = api
        .send(Method::GET, "/data/customers?fields=email", &staff, None)
        .await;
    assert_eq!(
        (st, &list["items"]),
        (200, &json!([{"id": 1, "email": "ann@example.com"}]))
    );
    api.s.stop().await;
}

clodo_sdk::on_both_targets!(
    the_contract_declares_what_the_server_enforces,
    partial_records_match_the_read_schema
);
