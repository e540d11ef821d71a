//! The mailers on Workers: the dev outbox is a table of the domain's D1
//! database, and the HTTP mailer uses the runtime's `fetch`.

use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;
use worker::web_sys;

use super::{MailError, Mailer, Message, ProviderBody, provider_key};
use clodo_sdk::ctx::DomainRuntime;
use clodo_sdk::db::Statement;
use clodo_sdk::maybe_send::BoxFuture;
use clodo_sdk::params;

/// The table the dev mailer writes to on Workers (the native dev mailer's
/// `outbox/` folder): `id`, `created_at`, `to_addr`, `message` (the JSON of
/// a [`Message`]). Read it with
/// `SELECT message FROM _clodo_dev_outbox ORDER BY id`.
pub const DEV_OUTBOX_TABLE: &str = "_clodo_dev_outbox";

/// Development mailer: stores each message in the domain's D1 database
/// (table [`DEV_OUTBOX_TABLE`]) and logs the recipient (never the link).
#[derive(Debug, Clone, Copy, Default)]
pub struct DevMailer;

impl Mailer for DevMailer {
    fn send<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        msg: &'a Message,
    ) -> BoxFuture<'a, Result<(), MailError>> {
        Box::pin(async move {
            let body =
                serde_json::to_string(msg).map_err(|e| MailError::Provider(e.to_string()))?;
            runtime
                .db
                .batch(vec![
                    Statement::new(
                        "CREATE TABLE IF NOT EXISTS _clodo_dev_outbox (\
                         id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, \
                         to_addr TEXT NOT NULL, message TEXT NOT NULL)",
                        params![],
                    ),
                    Statement::new(
                        "INSERT INTO _clodo_dev_outbox (created_at, to_addr, message) \
                         VALUES (?1, ?2, ?3)",
                        params![clodo_sdk::time::now_rfc3339(), msg.to.as_str(), body],
                    ),
                ])
                .await
                .map_err(|e| MailError::Provider(format!("dev outbox: {e}")))?;
            worker::console_log!(
                "dev mailer stored a sign-in message to {} in D1 table {DEV_OUTBOX_TABLE}",
                msg.to
            );
            Ok(())
        })
    }
}

/// Mailer that posts `{"from","to","subject","text"}` as JSON to a provider
/// endpoint with `fetch`, with `Authorization: Bearer <key>` where the key
/// is the domain secret named by `api_key_secret`. Times out after 10 s.
#[derive(Debug, Clone)]
pub struct HttpMailer {
    endpoint: String,
    api_key_secret: String,
}

impl HttpMailer {
    /// Posts to `endpoint` with the key from secret [`super::MAILER_API_KEY_SECRET`].
    pub fn new(endpoint: &str) -> Result<Self, MailError> {
        let uri: http::Uri = endpoint
            .parse()
            .map_err(|e| MailError::Config(format!("mail provider endpoint {endpoint:?}: {e}")))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) {
            return Err(MailError::Config(format!(
                "mail provider endpoint {endpoint:?}: must be an http or https URL"
            )));
        }
        Ok(Self {
            endpoint: endpoint.to_owned(),
            api_key_secret: super::MAILER_API_KEY_SECRET.to_owned(),
        })
    }

    /// Takes the API key from another secret.
    pub fn api_key_secret(mut self, name: impl Into<String>) -> Self {
        self.api_key_secret = name.into();
        self
    }
}

/// What `fetch` failed with, as text.
fn js_text(v: &wasm_bindgen::JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}

impl Mailer for HttpMailer {
    fn send<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        msg: &'a Message,
    ) -> BoxFuture<'a, Result<(), MailError>> {
        Box::pin(async move {
            let key = provider_key(runtime, &self.api_key_secret)?;
            let body = serde_json::to_string(&ProviderBody::of(msg))
                .map_err(|e| MailError::Provider(e.to_string()))?;
            let fail = |e: wasm_bindgen::JsValue| MailError::Config(js_text(&e));
            let headers = web_sys::Headers::new().map_err(fail)?;
            headers
                .set("content-type", "application/json")
                .map_err(fail)?;
            headers
                .set("authorization", &format!("Bearer {key}"))
                .map_err(fail)?;
            let init = web_sys::RequestInit::new();
            init.set_method("POST");
            init.set_headers(&headers);
            init.set_body(&wasm_bindgen::JsValue::from_str(&body));
            init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(10_000)));
            let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
            let resp = JsFuture::from(scope.fetch_with_str_and_init(&self.endpoint, &init))
                .await
                .map_err(|e| {
                    let name = js_sys::Reflect::get(&e, &"name".into())
                        .ok()
                        .and_then(|n| n.as_string());
                    if name.as_deref() == Some("TimeoutError") {
                        MailError::Provider(format!("{} did not answer within 10 s", self.endpoint))
                    } else {
                        MailError::Provider(format!("{}: {}", self.endpoint, js_text(&e)))
                    }
                })?;
            let resp: web_sys::Response = resp.unchecked_into();
            if !resp.ok() {
                return Err(MailError::Provider(format!(
                    "{} answered {}",
                    self.endpoint,
                    resp.status()
                )));
            }
            Ok(())
        })
    }
}
