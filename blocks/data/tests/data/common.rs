//! Shared by the data block's HTTP tests: the shop schema served on
//! loopback, three principals and a small JSON client.

#![allow(dead_code)]

use clodo_data::{self as data, DataBlock};
use clodo_sdk::App;
use clodo_sdk::testing::{TestServer, user};
use reqwest::{Method, StatusCode};
use serde_json::Value;

pub const SCHEMA: &str = include_str!("shop.data.toml");

pub fn app() -> App {
    data::mount(
        App::new(),
        "/data",
        DataBlock::from_toml("tests/data/shop.data.toml", SCHEMA),
    )
}

pub struct Shop {
    pub server: TestServer,
    pub client: reqwest::Client,
    /// Role `staff`.
    pub staff: String,
    /// Role `admin`.
    pub admin: String,
    /// Customer `ann`.
    pub ann: String,
    /// Customer `bob`.
    pub bob: String,
}

/// An answer: status, JSON body (null when empty), `Location`.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub location: Option<String>,
    pub content_type: Option<String>,
}

impl Answer {
    /// Asserts the status and returns the body.
    #[track_caller]
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        if status >= 400 {
            assert_eq!(
                self.content_type.as_deref(),
                Some("application/problem+json")
            );
        }
        self.body
    }

    /// Asserts a problem with `status` whose detail contains every needle.
    #[track_caller]
    pub fn problem(self, status: u16, needles: &[&str]) -> Value {
        let body = self.expect(status);
        let detail = body["detail"].as_str().unwrap_or_default().to_owned();
        for n in needles {
            assert!(detail.contains(n), "{detail:?} lacks {n:?}");
        }
        body
    }
}

impl Shop {
    pub async fn start() -> Self {
        let server = TestServer::start(app()).await.expect("the shop starts");
        Shop {
            staff: server.token(&user("sam", &["staff"])),
            admin: server.token(&user("ada", &["admin"])),
            ann: server.token(&user("ann", &["customer"])),
            bob: server.token(&user("bob", &["customer"])),
            server,
            client: reqwest::Client::new(),
        }
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut req = self.client.request(method, self.server.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let location = header("location");
        let content_type = header("content-type");
        let bytes = resp.bytes().await.expect("body");
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {bytes:?}"))
        };
        Answer {
            status,
            body,
            location,
            content_type,
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Answer {
        self.send(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Answer {
        self.send(Method::POST, path, Some(token), Some(body)).await
    }

    /// Creates a record and returns it.
    pub async fn create(&self, model: &str, token: &str, body: Value) -> Value {
        self.post(&format!("/data/{model}"), token, body)
            .await
            .expect(201)
    }

    /// The ids of a list answer.
    pub fn ids(list: &Value) -> Vec<i64> {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|r| r["id"].as_i64().expect("id"))
            .collect()
    }
}
