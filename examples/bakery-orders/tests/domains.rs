//! One bakery codebase, several customer domains in one process: each domain
//! chosen by the `Host` header, with its own SQLite file, secrets, flags,
//! CORS origins and mailer outbox. These tests prove that nothing of one
//! domain works in or leaks into another.

use clodo_auth::AuthConfig;
use clodo_data::DataBlock;
use clodo_sdk::App;
use clodo_sdk::testing::{TestDomains, user};
use example_bakery_orders::{BakeryOrders, DATA_SCHEMA};
use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};

const A: &str = "greatidude.com";
const B: &str = "sweetbakery.com";
const BOSS_A: &str = "boss@greatidude.com";

const FILE_A: &str = r#"
name = "greatidude.com"
display_name = "Great Idude"
[hostnames]
development = ["greatidude.localhost"]
[features]
sms_notifications = true
[settings]
cors_origins = ["https://greatidude.com"]
access_token_ttl_secs = 600
"#;

const FILE_B: &str = r#"
name = "sweetbakery.com"
[hostnames]
development = ["sweetbakery.localhost"]
[features]
sms_notifications = false
magic_link_auth = false
[secrets]
required = ["SMS_API_KEY"]
[settings]
cors_origins = ["https://sweetbakery.com"]
"#;

fn app() -> App {
    let config = AuthConfig {
        admins: vec![BOSS_A.to_owned(), "boss@sweetbakery.com".to_owned()],
        ..AuthConfig::default()
    };
    let app = clodo_auth::mount(App::new().mount::<BakeryOrders>("/"), "/auth", config);
    clodo_data::mount(
        app,
        "/data",
        DataBlock::from_toml("schema/data.toml", DATA_SCHEMA),
    )
}

async fn start() -> TestDomains {
    TestDomains::start(
        app(),
        &[
            ("greatidude.com.toml", FILE_A),
            ("sweetbakery.com.toml", FILE_B),
        ],
        &[(B, "SMS_API_KEY", "b-sms-key")],
    )
    .await
    .expect("both domains start")
}

/// A request to `path` of the domain reached as `host`.
fn at(c: &Client, s: &TestDomains, method: &str, host: &str, path: &str) -> RequestBuilder {
    let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    c.request(m, s.url(path)).header("host", host)
}

async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    resp.json().await.unwrap()
}

async fn json_at(c: &Client, url: String) -> Value {
    c.get(url).send().await.unwrap().json().await.unwrap()
}

/// A pickup day that never passes (days before today are refused).
const PICKUP: &str = "2999-01-01";

fn order() -> Value {
    json!({"pickup_date": PICKUP, "lines": [{"menu_item_id": 1, "quantity": 2}]})
}

/// Signs `email` in on domain `host` through that domain's own outbox.
async fn sign_in(c: &Client, s: &TestDomains, host: &str, email: &str) -> Value {
    let resp = at(c, s, "POST", host, "/auth/magic-link")
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let outbox = s.data_dir().join(host).join("outbox");
    let mut files: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let msg: Value =
        serde_json::from_slice(&std::fs::read(files.last().unwrap()).unwrap()).unwrap();
    let token = msg["link"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap();
    let resp = at(c, s, "POST", host, "/auth/verify")
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_domain_has_its_own_database_and_outbox() {
    let s = start().await;
    let c = Client::new();
    for d in [A, B] {
        assert!(
            s.data_dir().join(d).join("db.sqlite3").is_file(),
            "{d} has its own SQLite file"
        );
    }
    let alice = user("alice", &["customer"]);
    let token_a = s.token(A, &alice).unwrap();
    let token_b = s.token(B, &alice).unwrap();
    let resp = at(&c, &s, "POST", A, "/orders")
        .bearer_auth(&token_a)
        .json(&order())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let placed: Value = resp.json().await.unwrap();

    // The same user id in B sees nothing of A, not even by id.
    let mine: Vec<Value> = at(&c, &s, "GET", B, "/orders/mine")
        .bearer_auth(&token_b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(mine.is_empty(), "an order of A is invisible in B");
    let id = placed["id"].as_i64().unwrap();
    let resp = at(&c, &s, "GET", B, &format!("/orders/{id}"))
        .bearer_auth(&token_b)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::NOT_FOUND).await;

    // Data-block records too.
    let staff_a = s.token(A, &user("sam", &["staff"])).unwrap();
    let staff_b = s.token(B, &user("sam", &["staff"])).unwrap();
    let resp = at(&c, &s, "POST", A, "/data/customers")
        .bearer_auth(&staff_a)
        .json(&json!({"name": "Café Rose", "email": "rose@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let list: Value = at(&c, &s, "GET", B, "/data/customers")
        .bearer_auth(&staff_b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"], json!([]), "a record of A is invisible in B");

    // Magic links of A land in A's outbox only.
    sign_in(&c, &s, A, "ann@example.com").await;
    assert!(!s.data_dir().join(B).join("outbox").exists());
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tokens_and_api_keys_of_one_domain_do_nothing_in_another() {
    let s = start().await;
    let c = Client::new();
    let alice = user("alice", &["customer"]);
    let token_a = s.token(A, &alice).unwrap();
    let resp = at(&c, &s, "GET", A, "/orders/mine")
        .bearer_auth(&token_a)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = at(&c, &s, "GET", B, "/orders/mine")
        .bearer_auth(&token_a)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;

    // A real session of A (magic link) and an API key of A.
    let boss = sign_in(&c, &s, A, BOSS_A).await;
    let access = boss["access_token"].as_str().unwrap();
    assert_eq!(
        boss["expires_in"], 600,
        "A's settings set its access lifetime"
    );
    let resp = at(&c, &s, "GET", B, "/auth/me")
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;
    let resp = at(&c, &s, "POST", A, "/auth/api-keys")
        .bearer_auth(access)
        .json(&json!({"name": "till", "roles": ["staff"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let key: Value = resp.json().await.unwrap();
    let key = key["key"].as_str().unwrap();
    let ok = at(&c, &s, "GET", A, &format!("/orders?date={PICKUP}"))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200, "the key works in its own domain");
    for header in ["x-api-key", "authorization"] {
        let value = if header == "authorization" {
            format!("Bearer {key}")
        } else {
            key.to_owned()
        };
        let resp = at(&c, &s, "GET", B, &format!("/orders?date={PICKUP}"))
            .header(header, value)
            .send()
            .await
            .unwrap();
        problem(resp, StatusCode::UNAUTHORIZED).await;
    }
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flag_on_in_one_domain_is_off_in_another() {
    let s = start().await;
    let c = Client::new();
    let staff_a = s.token(A, &user("sam", &["staff"])).unwrap();
    let staff_b = s.token(B, &user("sam", &["staff"])).unwrap();
    let customer_a = s.token(A, &user("alice", &["customer"])).unwrap();
    let placed: Value = at(&c, &s, "POST", A, "/orders")
        .bearer_auth(&customer_a)
        .json(&order())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = placed["id"].as_i64().unwrap();
    let resp = at(&c, &s, "POST", A, &format!("/orders/{id}/sms"))
        .bearer_auth(&staff_a)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::CONFLICT).await;
    let resp = at(&c, &s, "POST", A, &format!("/orders/{id}/ready"))
        .bearer_auth(&staff_a)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = at(&c, &s, "POST", A, &format!("/orders/{id}/sms"))
        .bearer_auth(&staff_a)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202, "SMS is on in A");
    let sms: Value = resp.json().await.unwrap();
    assert!(sms["text"].as_str().unwrap().contains(A));

    // Off in B: the route does not exist there.
    let resp = at(&c, &s, "POST", B, &format!("/orders/{id}/sms"))
        .bearer_auth(&staff_b)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::NOT_FOUND).await;
    // Nor is magic-link sign-in, which B turns off.
    let resp = at(&c, &s, "POST", B, "/auth/magic-link")
        .json(&json!({"email": "ann@example.com"}))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::NOT_FOUND).await;

    // Each domain's contract shows exactly what it serves.
    let contract = |host: &'static str| {
        let c = c.clone();
        let req = at(&c, &s, "GET", host, "/openapi.json");
        async move { req.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let (ca, cb) = (contract(A).await, contract(B).await);
    assert!(ca["paths"]["/orders/{id}/sms"]["post"].is_object());
    assert_eq!(
        ca["paths"]["/orders/{id}/sms"]["post"]["x-clodo-feature"],
        "sms_notifications"
    );
    assert!(cb["paths"].get("/orders/{id}/sms").is_none());
    assert!(ca["paths"]["/auth/magic-link"].is_object());
    assert!(cb["paths"].get("/auth/magic-link").is_none());
    assert!(cb["paths"]["/auth/refresh"].is_object());

    // The health route names the domain.
    let health: Value = at(&c, &s, "GET", B, "/healthz")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["domain"], B);
    assert_eq!(health["status"], "ok");
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cors_origins_of_one_domain_are_not_honoured_by_another() {
    let s = start().await;
    let c = Client::new();
    let origin_a = "https://greatidude.com";
    let resp = at(&c, &s, "GET", A, "/menu")
        .header("origin", origin_a)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["access-control-allow-origin"], origin_a);
    let resp = at(&c, &s, "GET", B, "/menu")
        .header("origin", origin_a)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        !resp.headers().contains_key("access-control-allow-origin"),
        "B does not let A's pages read its answers"
    );

    // Preflights: allowed in A for a method the path serves, refused in B.
    let preflight = |host: &'static str| {
        at(&c, &s, "OPTIONS", host, "/orders")
            .header("origin", origin_a)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
    };
    let resp = preflight(A).send().await.unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(resp.headers()["access-control-allow-origin"], origin_a);
    let methods = resp.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap();
    assert!(
        methods.contains("POST") && methods.contains("GET"),
        "{methods}"
    );
    let body = problem(preflight(B).send().await.unwrap(), StatusCode::FORBIDDEN).await;
    assert!(body["detail"].as_str().unwrap().contains("cors_origins"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_hosts_get_421_never_another_domains_data() {
    let s = start().await;
    let c = Client::new();
    for host in ["unknown.example", "127.0.0.1", "localhost"] {
        let resp = at(&c, &s, "GET", host, "/menu").send().await.unwrap();
        let body = problem(resp, StatusCode::MISDIRECTED_REQUEST).await;
        assert_eq!(
            body["type"],
            "https://clodo.dev/problems/misdirected-request"
        );
        // It names no other domain: no tenant enumeration.
        let detail = body["detail"].as_str().unwrap();
        assert!(detail.contains(host), "{detail}");
        let text = body.to_string();
        assert!(!text.contains(A) && !text.contains(B), "{text}");
        assert!(!text.contains("localhost,"), "{text}");
    }
    // Hostnames of the environment, any case, any port, reach their domain.
    let health: Value = at(&c, &s, "GET", "GreatIdude.LocalHost:9999", "/healthz")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["domain"], A);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_required_secret_stops_start_up_naming_it() {
    let err = TestDomains::start(app(), &[("sweetbakery.com.toml", FILE_B)], &[])
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("sweetbakery.com.toml"), "{err}");
    assert!(err.contains("SMS_API_KEY"), "{err}");
    assert!(err.contains(".dev.vars.sweetbakery.com"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_domain_mounts_only_the_blocks_it_names() {
    let file = r#"
name = "menu.example"
[blocks]
bakery-orders = "/shop"
"#;
    let s = TestDomains::start(app(), &[("menu.example.toml", file)], &[])
        .await
        .unwrap();
    let c = Client::new();
    let resp = at(&c, &s, "GET", "menu.example", "/shop/menu")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    for gone in ["/menu", "/auth/me", "/data/customers"] {
        let resp = at(&c, &s, "GET", "menu.example", gone)
            .send()
            .await
            .unwrap();
        problem(resp, StatusCode::NOT_FOUND).await;
    }
    // Without the auth block a signed-in route still checks tokens.
    let token = s
        .token("menu.example", &user("alice", &["customer"]))
        .unwrap();
    let resp = at(&c, &s, "GET", "menu.example", "/shop/orders/mine")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // The only domain also answers 127.0.0.1.
    let resp = c.get(s.url("/shop/menu")).send().await.unwrap();
    assert_eq!(resp.status(), 200);

    let unknown = r#"
name = "menu.example"
[blocks]
bakery = "/"
"#;
    let err = TestDomains::start(app(), &[("menu.example.toml", unknown)], &[])
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("block `bakery` is not part of this app"),
        "{err}"
    );
    assert!(err.contains("bakery-orders, auth, data"), "{err}");
    s.stop().await;
}

/// On Workers each domain is its own Worker environment: `cargo clodo
/// deploy` writes its flags and settings as the vars `CLODO_FEATURES` and
/// `CLODO_SETTINGS`. The same Worker bundle, started twice with different
/// vars, behaves as the two domains do natively.
#[tokio::test(flavor = "multi_thread")]
async fn on_workerd_flags_and_cors_come_from_the_domains_vars() {
    use clodo_sdk::testing::TEST_SIGNING_KEY;
    use clodo_sdk::testing::workerd::{WorkerdError, WorkerdServer};
    let start = |domain: &'static str, features: &'static str, settings: &'static str| {
        tokio::task::spawn_blocking(move || {
            WorkerdServer::start(
                "example-bakery-orders",
                domain,
                TEST_SIGNING_KEY,
                &[("CLODO_FEATURES", features), ("CLODO_SETTINGS", settings)],
            )
        })
    };
    let a = start(
        A,
        r#"{"sms_notifications":true}"#,
        r#"{"cors_origins":["https://greatidude.com"],"access_token_ttl_secs":600}"#,
    )
    .await
    .unwrap();
    let a = match a {
        Ok(a) => a,
        Err(WorkerdError::ToolsMissing(msg)) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("SKIPPED (workerd): {msg}");
            return;
        }
        Err(e) => panic!("the Worker did not start: {e}"),
    };
    let b = start(B, r#"{"magic_link_auth":false}"#, "{}")
        .await
        .unwrap()
        .unwrap();
    let c = Client::new();
    let ca: Value = json_at(&c, a.url("/openapi.json")).await;
    let cb: Value = json_at(&c, b.url("/openapi.json")).await;
    assert!(ca["paths"]["/orders/{id}/sms"]["post"].is_object());
    assert!(cb["paths"].get("/orders/{id}/sms").is_none());
    assert!(cb["paths"].get("/auth/magic-link").is_none());
    let staff_b = b.token(&user("sam", &["staff"]));
    let resp = c
        .post(b.url("/orders/1/sms"))
        .bearer_auth(&staff_b)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::NOT_FOUND).await;
    let resp = c
        .get(a.url("/menu"))
        .header("origin", "https://greatidude.com")
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.headers()["access-control-allow-origin"],
        "https://greatidude.com"
    );
    let resp = c
        .get(b.url("/menu"))
        .header("origin", "https://greatidude.com")
        .send()
        .await
        .unwrap();
    assert!(!resp.headers().contains_key("access-control-allow-origin"));
    // A's tokens mean nothing to B.
    let resp = c
        .get(b.url("/orders/mine"))
        .bearer_auth(a.token(&user("alice", &["customer"])))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;
    let health: Value = json_at(&c, b.url("/healthz")).await;
    assert_eq!(health["domain"], B);
}
