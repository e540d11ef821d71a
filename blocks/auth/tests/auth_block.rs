//! The auth block over real HTTP on loopback: the whole magic-link flow,
//! refresh rotation and theft detection, logout, admins, disabled users, API
//! keys, rate limits, the HTTP mailer, and every attack answered with the
//! right status and a problem+json body.

use std::sync::{Arc, Mutex, OnceLock};

use clodo_auth::{self as auth, AuthConfig, HttpMailer, Message, RateLimit, Session, UserRecord};
use clodo_sdk::prelude::*;
use clodo_sdk::testing::TestServer;
use reqwest::{Client, Response, StatusCode};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Whoami {
    pub id: String,
    pub roles: Vec<String>,
}

pub struct Shop;

/// A block beside the auth block.
#[clodo_block(name = "shop", version = "0.1.0")]
impl Shop {
    /// Who calls.
    #[get("/whoami")]
    async fn whoami(user: User) -> Json<Whoami> {
        Json(Whoami {
            id: user.id,
            roles: user.roles,
        })
    }

    /// Staff only.
    #[get("/staff")]
    #[auth(role = "staff")]
    async fn staff_only(user: User) -> Json<Whoami> {
        Json(Whoami {
            id: user.id,
            roles: user.roles,
        })
    }
}

const ADMIN: &str = "boss@shop.example";

fn config() -> AuthConfig {
    AuthConfig::default().admins([ADMIN])
}

fn app_with(config: AuthConfig) -> App {
    auth::mount(App::new().mount::<Shop>("/"), "/auth", config)
}

/// Captures every log line of this test binary, to check no secret leaks.
fn logs() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::clone(&buf);
        let _ = tracing_subscriber::fmt()
            .with_env_filter("debug")
            .with_ansi(false)
            .with_writer(move || LogWriter(Arc::clone(&writer)))
            .try_init();
        buf
    })
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);
impl std::io::Write for LogWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn start(config: AuthConfig) -> TestServer {
    logs();
    TestServer::start(app_with(config)).await.expect("starts")
}

async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    resp.json().await.unwrap()
}

/// The messages in the dev outbox, oldest first.
fn outbox(s: &TestServer) -> Vec<Message> {
    let dir = s.domain_dir().join("outbox");
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
        .iter()
        .map(|f| serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap())
        .collect()
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

/// Signs `email` in through the outbox; returns the session.
async fn sign_in(c: &Client, s: &TestServer, email: &str) -> Session {
    let before = outbox(s).len();
    assert_eq!(ask_link(c, s, email).await.status(), 202);
    let msgs = outbox(s);
    assert_eq!(msgs.len(), before + 1, "one message sent");
    let msg = msgs.last().unwrap();
    assert_eq!(msg.to, email.trim().to_lowercase());
    let resp = c
        .post(s.url("/auth/verify"))
        .json(&json!({ "token": token_of(msg) }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn refresh(c: &Client, s: &TestServer, refresh_token: &str) -> Session {
    let resp = c
        .post(s.url("/auth/refresh"))
        .json(&json!({ "refresh_token": refresh_token }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn quick_refreshes_issue_distinct_access_tokens() {
    let s = start(config()).await;
    let c = Client::new();
    let session = sign_in(&c, &s, "quick@example.com").await;
    // Within the same second: same user, same session, same iat and exp.
    let first = refresh(&c, &s, &session.refresh_token).await;
    let second = refresh(&c, &s, &first.refresh_token).await;
    let tokens = [
        &session.access_token,
        &first.access_token,
        &second.access_token,
    ];
    for (i, a) in tokens.iter().enumerate() {
        for b in &tokens[i + 1..] {
            assert_ne!(a, b, "every issued access token is unique");
        }
    }
    let resp = c
        .get(s.url("/auth/me"))
        .bearer_auth(&second.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_refresh_logout() {
    let s = start(config()).await;
    let c = Client::new();
    // The contract declares `format: email`, so a padded address is refused
    // (422); case is normalized.
    assert_eq!(ask_link(&c, &s, " alice@example.com ").await.status(), 422);
    let session = sign_in(&c, &s, "Alice@Example.com").await;
    assert_eq!(session.token_type, "Bearer");
    assert_eq!(session.expires_in, 900);
    assert_eq!(session.user.email, "alice@example.com");
    assert!(session.user.roles.is_empty());

    let me: UserRecord = c
        .get(s.url("/auth/me"))
        .bearer_auth(&session.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        me,
        UserRecord {
            last_sign_in_at: me.last_sign_in_at.clone(),
            ..session.user.clone()
        }
    );
    let who: Whoami = c
        .get(s.url("/whoami"))
        .bearer_auth(&session.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(who.id, session.user.id);

    // The same person signing in again is the same user.
    let again = sign_in(&c, &s, "alice@example.com").await;
    assert_eq!(again.user.id, session.user.id);

    // Refresh rotates; the old refresh token then ends the whole session.
    let rotated: Session = c
        .post(s.url("/auth/refresh"))
        .json(&json!({ "refresh_token": session.refresh_token }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(rotated.refresh_token, session.refresh_token);
    let reuse = c
        .post(s.url("/auth/refresh"))
        .json(&json!({ "refresh_token": session.refresh_token }))
        .send()
        .await
        .unwrap();
    let body = problem(reuse, StatusCode::UNAUTHORIZED).await;
    assert!(
        body["detail"].as_str().unwrap().contains("already used"),
        "{body}"
    );
    let family = c
        .post(s.url("/auth/refresh"))
        .json(&json!({ "refresh_token": rotated.refresh_token }))
        .send()
        .await
        .unwrap();
    problem(family, StatusCode::UNAUTHORIZED).await;
    let resp = c
        .get(s.url("/auth/me"))
        .bearer_auth(&rotated.access_token)
        .send()
        .await
        .unwrap();
    let body = problem(resp, StatusCode::UNAUTHORIZED).await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("session has ended"),
        "{body}"
    );

    // Logout ends the other session: its access and refresh tokens stop working.
    let resp = c
        .post(s.url("/auth/logout"))
        .bearer_auth(&again.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    problem(
        c.get(s.url("/whoami"))
            .bearer_auth(&again.access_token)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let resp = c
        .post(s.url("/auth/refresh"))
        .json(&json!({ "refresh_token": again.refresh_token }))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;

    // Nothing secret reached the logs.
    let text = String::from_utf8(logs().lock().unwrap().clone()).unwrap();
    for secret in [
        &session.access_token,
        &session.refresh_token,
        &rotated.refresh_token,
        &again.access_token,
    ] {
        assert!(
            !text.contains(secret.as_str()),
            "a token leaked into the logs"
        );
    }
    for msg in outbox(&s) {
        assert!(
            !text.contains(&token_of(&msg)),
            "a link token leaked into the logs"
        );
    }
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn magic_links_are_single_use_and_indistinguishable() {
    let s = start(config()).await;
    let c = Client::new();
    // Known and unknown addresses get byte-identical answers.
    sign_in(&c, &s, "known@example.com").await;
    let a = ask_link(&c, &s, "known@example.com").await;
    let b = ask_link(&c, &s, "nobody@example.com").await;
    assert_eq!(
        (a.status(), b.status()),
        (StatusCode::ACCEPTED, StatusCode::ACCEPTED)
    );
    assert_eq!(a.bytes().await.unwrap(), b.bytes().await.unwrap());

    let msgs = outbox(&s);
    let token = token_of(msgs.last().unwrap());
    let ok = c
        .post(s.url("/auth/verify"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let used = problem(
        c.post(s.url("/auth/verify"))
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let unknown = problem(
        c.post(s.url("/auth/verify"))
            .json(&json!({ "token": "made-up" }))
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(
        used["detail"], unknown["detail"],
        "same message for used and unknown"
    );
    s.stop().await;

    // Expired: a zero lifetime expires links at once.
    let s = start(AuthConfig {
        link_ttl_secs: 0,
        ..config()
    })
    .await;
    assert_eq!(ask_link(&c, &s, "late@example.com").await.status(), 202);
    let token = token_of(outbox(&s).last().unwrap());
    let expired = problem(
        c.post(s.url("/auth/verify"))
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(
        expired["detail"], unknown["detail"],
        "same message for expired"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_requests_are_problems_not_500s() {
    let s = start(config()).await;
    let c = Client::new();
    let post = |path: &'static str, body: &'static str| {
        c.post(s.url(path))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    problem(
        post("/auth/magic-link", "{\"email\":").await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let body = problem(
        post(
            "/auth/magic-link",
            r#"{"email":"a@b.example","admin":true}"#,
        )
        .await
        .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("admin"), "{body}");
    let body = problem(
        post("/auth/magic-link", r#"{"email":"not-an-email"}"#)
            .await
            .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "email");
    problem(
        post("/auth/verify", r#"{"token": 5}"#).await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        post("/auth/refresh", r#"{}"#).await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let big = format!(
        r#"{{"email":"{}@example.com"}}"#,
        "a".repeat(2 * 1024 * 1024)
    );
    let resp = c
        .post(s.url("/auth/magic-link"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::PAYLOAD_TOO_LARGE).await;
    let resp = c
        .post(s.url("/auth/logout"))
        .bearer_auth("ck_00000000_")
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNAUTHORIZED).await;
    // A token minted without a session (dev or test tokens) has nothing to
    // log out of: a right it lacks (403), not a malformed request.
    let t = s.token(&clodo_sdk::testing::user("dev", &[]));
    problem(
        c.post(s.url("/auth/logout"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap(),
        StatusCode::FORBIDDEN,
    )
    .await;
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rate_limits_per_email_and_client() {
    let s = start(AuthConfig {
        per_email: RateLimit {
            max: 2,
            window_secs: 900,
        },
        per_client: RateLimit {
            max: 3,
            window_secs: 900,
        },
        ..config()
    })
    .await;
    let c = Client::new();
    for _ in 0..2 {
        assert_eq!(ask_link(&c, &s, "spam@example.com").await.status(), 202);
    }
    // The third request for the same address (in any case) is over the per-email limit.
    let resp = ask_link(&c, &s, "SPAM@example.com").await;
    let retry: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry));
    problem(resp, StatusCode::TOO_MANY_REQUESTS).await;
    // Other addresses from the same client: the third counted request passes, the fourth not.
    assert_eq!(ask_link(&c, &s, "other@example.com").await.status(), 202);
    let resp = ask_link(&c, &s, "third@example.com").await;
    problem(resp, StatusCode::TOO_MANY_REQUESTS).await;
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn admins_manage_users_and_disabled_users_are_locked_out() {
    let s = start(config()).await;
    let c = Client::new();
    let boss = sign_in(&c, &s, ADMIN).await;
    assert_eq!(boss.user.roles, ["admin"], "the configured admin");
    let carol = sign_in(&c, &s, "carol@example.com").await;

    // A customer calling admin routes.
    let resp = c
        .get(s.url("/auth/users"))
        .bearer_auth(&carol.access_token)
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::FORBIDDEN).await;

    // Paging.
    for i in 0..3 {
        sign_in(&c, &s, &format!("user{i}@example.com")).await;
    }
    let page1: Value = c
        .get(s.url("/auth/users?limit=2"))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page1["items"].as_array().unwrap().len(), 2);
    let cursor = page1["next_cursor"].as_str().unwrap();
    let page2: Value = c
        .get(s.url(&format!("/auth/users?limit=2&cursor={cursor}")))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let page3: Value = c
        .get(s.url(&format!(
            "/auth/users?limit=2&cursor={}",
            page2["next_cursor"].as_str().unwrap()
        )))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(page3["next_cursor"].is_null());
    let total = [&page1, &page2, &page3]
        .iter()
        .map(|p| p["items"].as_array().unwrap().len())
        .sum::<usize>();
    assert_eq!(total, 5);
    problem(
        c.get(s.url("/auth/users?limit=500"))
            .bearer_auth(&boss.access_token)
            .send()
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        c.get(s.url("/auth/users?cursor=%%%"))
            .bearer_auth(&boss.access_token)
            .send()
            .await
            .unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;

    // Roles: validated, applied to the next tokens.
    let url = s.url(&format!("/auth/users/{}/roles", carol.user.id));
    let resp = c
        .put(&url)
        .bearer_auth(&boss.access_token)
        .json(&json!({"roles": ["Staff!"]}))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    let rec: UserRecord = c
        .put(&url)
        .bearer_auth(&boss.access_token)
        .json(&json!({"roles": ["staff", "staff"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(rec.roles, ["staff"]);
    let fresh: Session = c
        .post(s.url("/auth/refresh"))
        .json(&json!({"refresh_token": carol.refresh_token}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        c.get(s.url("/staff"))
            .bearer_auth(&fresh.access_token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    problem(
        c.put(s.url("/auth/users/usr_nobody/roles"))
            .bearer_auth(&boss.access_token)
            .json(&json!({"roles": []}))
            .send()
            .await
            .unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;

    // Disable: tokens refused at once, no refresh, no sign-in, no mail.
    let resp = c
        .post(s.url(&format!("/auth/users/{}/disable", carol.user.id)))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let body = problem(
        c.get(s.url("/whoami"))
            .bearer_auth(&fresh.access_token)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(
        body["detail"].as_str().unwrap().contains("disabled"),
        "{body}"
    );
    problem(
        c.post(s.url("/auth/refresh"))
            .json(&json!({"refresh_token": fresh.refresh_token}))
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let mails = outbox(&s).len();
    assert_eq!(
        ask_link(&c, &s, "carol@example.com").await.status(),
        202,
        "no enumeration, even when disabled"
    );
    assert_eq!(outbox(&s).len(), mails, "no link for a disabled user");

    // Enable again: signing in works.
    c.post(s.url(&format!("/auth/users/{}/enable", carol.user.id)))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap();
    let back = sign_in(&c, &s, "carol@example.com").await;
    assert_eq!(
        c.get(s.url("/whoami"))
            .bearer_auth(&back.access_token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn api_keys_for_services() {
    let s = start(config()).await;
    let c = Client::new();
    let boss = sign_in(&c, &s, ADMIN).await;
    let resp = c
        .post(s.url("/auth/api-keys"))
        .bearer_auth(&boss.access_token)
        .json(&json!({"name": "till", "roles": ["staff"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let created: Value = resp.json().await.unwrap();
    let key = created["key"].as_str().unwrap().to_owned();
    assert!(key.starts_with(&format!("ck_{}_", created["prefix"].as_str().unwrap())));

    // Both headers work, roles apply, and the principal is the key.
    let who: Whoami = c
        .get(s.url("/staff"))
        .header("x-api-key", &key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(who.id, created["id"].as_str().unwrap());
    assert_eq!(
        c.get(s.url("/staff"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    problem(
        c.get(s.url("/auth/me"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap(),
        StatusCode::FORBIDDEN,
    )
    .await;
    problem(
        c.get(s.url("/auth/users"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap(),
        StatusCode::FORBIDDEN,
    )
    .await;

    // A listed key shows no secret, and its last use.
    let list: Value = c
        .get(s.url("/auth/api-keys"))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!list.to_string().contains(&key));
    assert!(list[0]["last_used_at"].is_string());

    // A tampered key, then the revoked key.
    let mut tampered = key.clone();
    // Change the last character (to one it is not: 1 key in 64 ends in `A`).
    let last = tampered.pop();
    tampered.push(if last == Some('A') { 'B' } else { 'A' });
    problem(
        c.get(s.url("/staff"))
            .header("x-api-key", &tampered)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let resp = c
        .delete(s.url(&format!(
            "/auth/api-keys/{}",
            created["id"].as_str().unwrap()
        )))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let body = problem(
        c.get(s.url("/staff"))
            .header("x-api-key", &key)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("revoked"));
    problem(
        c.delete(s.url(&format!(
            "/auth/api-keys/{}",
            created["id"].as_str().unwrap()
        )))
        .bearer_auth(&boss.access_token)
        .send()
        .await
        .unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    let resp = c
        .post(s.url("/auth/api-keys"))
        .bearer_auth(&boss.access_token)
        .json(&json!({"name": "", "roles": []}))
        .send()
        .await
        .unwrap();
    problem(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    s.stop().await;

    // A key of one domain does nothing in another.
    let other = TestServer::start_for(app_with(config()), "other.localhost")
        .await
        .unwrap();
    problem(
        c.get(other.url("/staff"))
            .header("x-api-key", &key)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    // And a session token of one domain neither.
    problem(
        c.get(other.url("/whoami"))
            .bearer_auth(&boss.access_token)
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    other.stop().await;
}

/// A mail provider on loopback that records what it gets and answers `status`.
async fn provider(status: u16) -> (String, Arc<Mutex<Vec<(Option<String>, Value)>>>) {
    use axum::http::HeaderMap;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    let app = axum::Router::new().route(
        "/send",
        axum::routing::post(move |headers: HeaderMap, body: axum::Json<Value>| {
            let record = Arc::clone(&record);
            async move {
                let auth = headers
                    .get("authorization")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                record.lock().unwrap().push((auth, body.0));
                axum::http::StatusCode::from_u16(status).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/send", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test(flavor = "multi_thread")]
async fn http_mailer_posts_to_the_provider_and_failures_leave_no_token() {
    let c = Client::new();
    let (url, seen) = provider(200).await;
    let cfg = config().mailer(HttpMailer::new(&url).unwrap());
    let s = TestServer::start_with_secrets(
        app_with(cfg),
        "test.localhost",
        &[("MAILER_API_KEY", "mk-123")],
    )
    .await
    .unwrap();
    assert_eq!(ask_link(&c, &s, "dave@example.com").await.status(), 202);
    let (auth, body) = seen.lock().unwrap().pop().unwrap();
    assert_eq!(auth.as_deref(), Some("Bearer mk-123"));
    assert_eq!(body["to"], "dave@example.com");
    let text = body["text"].as_str().unwrap();
    let token = text
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert_eq!(
        c.post(s.url("/auth/verify"))
            .json(&json!({"token": token}))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    s.stop().await;

    // The provider fails: 503, and the link it was sent does not work.
    let (url, seen) = provider(500).await;
    let cfg = config().mailer(HttpMailer::new(&url).unwrap());
    let s = TestServer::start_with_secrets(
        app_with(cfg),
        "test.localhost",
        &[("MAILER_API_KEY", "mk-123")],
    )
    .await
    .unwrap();
    problem(
        ask_link(&c, &s, "erin@example.com").await,
        StatusCode::SERVICE_UNAVAILABLE,
    )
    .await;
    let (_, body) = seen.lock().unwrap().pop().unwrap();
    let token = body["text"]
        .as_str()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    problem(
        c.post(s.url("/auth/verify"))
            .json(&json!({"token": token}))
            .send()
            .await
            .unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    s.stop().await;

    // The provider is unreachable, or its key is missing: 503 too.
    let cfg = config().mailer(HttpMailer::new("http://127.0.0.1:9/send").unwrap());
    let s =
        TestServer::start_with_secrets(app_with(cfg), "test.localhost", &[("MAILER_API_KEY", "k")])
            .await
            .unwrap();
    problem(
        ask_link(&c, &s, "erin@example.com").await,
        StatusCode::SERVICE_UNAVAILABLE,
    )
    .await;
    s.stop().await;
    let (url, _) = provider(200).await;
    let s = TestServer::start(app_with(config().mailer(HttpMailer::new(&url).unwrap())))
        .await
        .unwrap();
    problem(
        ask_link(&c, &s, "erin@example.com").await,
        StatusCode::SERVICE_UNAVAILABLE,
    )
    .await;
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn contract_shows_both_schemes_and_the_auth_operations() {
    let doc: Value = serde_json::from_slice(&app_with(config()).contract_json().unwrap()).unwrap();
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bearerAuth"]["scheme"], "bearer");
    assert_eq!(schemes["apiKeyAuth"]["in"], "header");
    assert_eq!(schemes["apiKeyAuth"]["name"], "X-Api-Key");
    assert_eq!(
        doc["paths"]["/whoami"]["get"]["security"],
        json!([{"bearerAuth": []}, {"apiKeyAuth": []}])
    );
    assert_eq!(
        doc["paths"]["/auth/magic-link"]["post"]["security"],
        json!([])
    );
    assert!(doc["paths"]["/auth/magic-link"]["post"]["responses"]["202"].is_object());
    assert_eq!(
        doc["paths"]["/auth/users"]["get"]["x-clodo-roles"],
        json!(["admin"])
    );
    for op in [
        "request_magic_link",
        "verify",
        "refresh",
        "logout",
        "me",
        "list_users",
        "set_roles",
        "disable_user",
        "enable_user",
        "create_api_key",
        "list_api_keys",
        "revoke_api_key",
    ] {
        assert!(
            doc.to_string()
                .contains(&format!("\"operationId\":\"{op}\"")),
            "{op}"
        );
    }
}
