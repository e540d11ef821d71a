//! Where the auth block's magic link leads: the domain's `sign_in_url`, or
//! in development the block's own sign-in page (served, public, text/html,
//! in the domain's contract only then); elsewhere no link at all.

use clodo_auth::{self as auth, AuthConfig, Message, Session};
use clodo_sdk::prelude::*;
use clodo_sdk::testing::TestServer;
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

pub struct Shop;

/// A block beside the auth block.
#[clodo_block(name = "shop", version = "0.1.0")]
impl Shop {
    /// Anyone.
    #[get("/ping")]
    #[public]
    async fn ping() -> Json<String> {
        Json("pong".into())
    }
}

fn config() -> AuthConfig {
    AuthConfig::default()
}

fn app_with(config: AuthConfig) -> App {
    auth::mount(App::new().mount::<Shop>("/"), "/auth", config)
}

async fn start(config: AuthConfig) -> TestServer {
    TestServer::start(app_with(config)).await.expect("starts")
}

async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    resp.json().await.unwrap()
}

fn outbox(s: &TestServer) -> Vec<Message> {
    outbox_in(&s.domain_dir())
}

fn token_of(msg: &Message) -> String {
    msg.link.split("token=").nth(1).unwrap().to_owned()
}

async fn ask_link(c: &Client, s: &TestServer, email: &str) -> Response {
    c.post(s.url("/auth/magic-link"))
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap()
}

/// Messages in `dir/outbox`, oldest first.
fn outbox_in(dir: &std::path::Path) -> Vec<Message> {
    let mut files: Vec<_> = match std::fs::read_dir(dir.join("outbox")) {
        Ok(d) => d.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
        .iter()
        .map(|f| serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn in_development_the_link_opens_the_auth_blocks_sign_in_page() {
    let s = start(config()).await;
    let c = Client::new();
    assert_eq!(
        ask_link(&c, &s, "page@shop.example").await.status(),
        StatusCode::ACCEPTED
    );
    let msg = outbox(&s).pop().expect("a message");
    assert!(
        msg.link.starts_with(&s.url("/auth/sign-in?token=")),
        "{}",
        msg.link
    );
    assert!(msg.text.contains(&msg.link));

    // The page answers, public, as HTML that completes the sign-in.
    let page = c.get(&msg.link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let html = page.text().await.unwrap();
    assert!(html.contains(r#"const verify = "/auth/verify""#), "{html}");
    assert!(html.contains("authorization: Bearer"), "a curl example");
    // What its script does: POST the token to verify.
    let session: Session = c
        .post(s.url("/auth/verify"))
        .json(&json!({ "token": token_of(&msg) }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(session.user.email, "page@shop.example");

    // The domain's contract lists the page, honestly: text/html.
    let doc: Value = c
        .get(s.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let op = &doc["paths"]["/auth/sign-in"]["get"];
    assert_eq!(op["operationId"], "sign_in_page");
    assert_eq!(op["security"], json!([]));
    assert!(
        op["responses"]["200"]["content"]["text/html"].is_object(),
        "{op}"
    );
    // The exported contract (no domain, no environment) has no dev page.
    let exported: Value =
        serde_json::from_slice(&app_with(config()).contract_json().unwrap()).unwrap();
    assert!(exported["paths"]["/auth/sign-in"].is_null());
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_domains_sign_in_url_is_where_the_link_leads() {
    let file =
        "name = \"shop.example\"\n[settings]\nsign_in_url = \"https://shop.example/welcome\"\n";
    let s = clodo_sdk::testing::TestDomains::start(
        app_with(config()),
        &[("shop.example.toml", file)],
        &[(
            "shop.example",
            "CLODO_SIGNING_KEY",
            clodo_sdk::testing::TEST_SIGNING_KEY,
        )],
    )
    .await
    .expect("starts");
    let c = Client::new();
    let resp = c
        .post(s.url("/auth/magic-link"))
        .json(&json!({ "email": "ann@shop.example" }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::ACCEPTED);
    let msg = outbox_in(&s.data_dir().join("shop.example"))
        .pop()
        .expect("a message");
    assert!(
        msg.link.starts_with("https://shop.example/welcome?token="),
        "{}",
        msg.link
    );
    // With a front end of its own, the domain has no dev page.
    let page = c.get(s.url("/auth/sign-in")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let doc: Value = c
        .get(s.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/auth/sign-in"].is_null());
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn production_without_a_sign_in_url_sends_no_link_and_says_what_to_set() {
    let dir = std::env::temp_dir().join(format!(
        "clodo-auth-prod-{}-{}",
        std::process::id(),
        clodo_sdk::auth::unix_now()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(".dev.vars"),
        format!(
            "CLODO_SIGNING_KEY={}\n",
            clodo_sdk::testing::TEST_SIGNING_KEY
        ),
    )
    .unwrap();
    let mut cfg = clodo_sdk::native::ServerConfig::for_tests("shop.example", &dir);
    cfg.env = clodo_sdk::config::Env::Production;
    cfg.dev = false;
    let (service, tokens) = clodo_sdk::native::start_service(&app_with(config()), &cfg)
        .await
        .expect("starts");
    assert!(tokens.is_none());
    let listener = tokio::net::TcpListener::bind(cfg.addr).await.unwrap();
    let server = clodo_sdk::native::serve_on(listener, service).await;
    let base = format!("http://{}", server.addr());
    let c = Client::new();
    let resp = c
        .post(format!("{base}/auth/magic-link"))
        .json(&json!({ "email": "ann@shop.example" }))
        .send()
        .await
        .unwrap();
    let body = problem(resp, StatusCode::INTERNAL_SERVER_ERROR).await;
    let detail = body["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("sign_in_url") && detail.contains("domains/shop.example.toml"),
        "{body}"
    );
    assert!(outbox_in(&dir.join("shop.example")).is_empty());
    let page = c.get(format!("{base}/auth/sign-in")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    server.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}
