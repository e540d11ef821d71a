//! The native mailers: files in the data directory, and hyper over rustls.

use super::{MailError, Mailer, Message, ProviderBody, provider_key};
use clodo_sdk::ctx::DomainRuntime;
use clodo_sdk::maybe_send::BoxFuture;

/// Development mailer: writes each message as a JSON file into
/// `<data dir>/<domain>/outbox/` and logs where (never the link itself).
#[derive(Debug, Clone, Copy, Default)]
pub struct DevMailer;

impl Mailer for DevMailer {
    fn send<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        msg: &'a Message,
    ) -> BoxFuture<'a, Result<(), MailError>> {
        Box::pin(async move {
            let dir = runtime
                .data_dir
                .as_ref()
                .ok_or_else(|| {
                    MailError::Config(
                        "the dev mailer needs a data directory (native runtime)".into(),
                    )
                })?
                .join("outbox");
            let body =
                serde_json::to_vec_pretty(msg).map_err(|e| MailError::Provider(e.to_string()))?;
            let millis = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0);
            let name = format!(
                "{millis:015}-{}.json",
                crate::secret::random_id("msg").map_err(|e| MailError::Provider(e.to_string()))?
            );
            let path = dir.join(name);
            let written = path.clone();
            tokio::task::spawn_blocking(move || {
                std::fs::create_dir_all(&dir)?;
                std::fs::write(&path, body)
            })
            .await
            .map_err(|e| MailError::Provider(e.to_string()))??;
            tracing::info!(to = %msg.to, file = %written.display(), "dev mailer wrote a sign-in message");
            Ok(())
        })
    }
}

/// Mailer that posts `{"from","to","subject","text"}` as JSON to a provider
/// endpoint (HTTPS with the webpki roots, or plain HTTP), with
/// `Authorization: Bearer <key>` where the key is the domain secret named by
/// `api_key_secret`. Times out after 10 s.
#[derive(Clone)]
pub struct HttpMailer {
    endpoint: http::Uri,
    api_key_secret: String,
    client: HttpsClient,
}

type HttpsClient = hyper_util::client::legacy::Client<
    hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
    http_body_util::Full<bytes::Bytes>,
>;

impl std::fmt::Debug for HttpMailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpMailer")
            .field("endpoint", &self.endpoint)
            .field("api_key_secret", &self.api_key_secret)
            .finish_non_exhaustive()
    }
}

impl HttpMailer {
    /// Posts to `endpoint` with the key from secret [`MAILER_API_KEY_SECRET`](super::MAILER_API_KEY_SECRET).
    pub fn new(endpoint: &str) -> Result<Self, MailError> {
        let endpoint: http::Uri = endpoint
            .parse()
            .map_err(|e| MailError::Config(format!("mail provider endpoint {endpoint:?}: {e}")))?;
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
            .map_err(|e| MailError::Config(format!("TLS setup: {e}")))?
            .https_or_http()
            .enable_http1()
            .build();
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build(connector);
        Ok(Self {
            endpoint,
            api_key_secret: super::MAILER_API_KEY_SECRET.to_owned(),
            client,
        })
    }

    /// Takes the API key from another secret.
    pub fn api_key_secret(mut self, name: impl Into<String>) -> Self {
        self.api_key_secret = name.into();
        self
    }
}

impl Mailer for HttpMailer {
    fn send<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        msg: &'a Message,
    ) -> BoxFuture<'a, Result<(), MailError>> {
        Box::pin(async move {
            let key = provider_key(runtime, &self.api_key_secret)?;
            let body = serde_json::to_vec(&ProviderBody::of(msg))
                .map_err(|e| MailError::Provider(e.to_string()))?;
            let req = http::Request::post(self.endpoint.clone())
                .header(http::header::CONTENT_TYPE, "application/json")
                .header(http::header::AUTHORIZATION, format!("Bearer {key}"))
                .body(http_body_util::Full::new(bytes::Bytes::from(body)))
                .map_err(|e| MailError::Config(e.to_string()))?;
            let resp =
                tokio::time::timeout(std::time::Duration::from_secs(10), self.client.request(req))
                    .await
                    .map_err(|_| {
                        MailError::Provider(format!("{} did not answer within 10 s", self.endpoint))
                    })?
                    .map_err(|e| MailError::Provider(format!("{}: {e}", self.endpoint)))?;
            if !resp.status().is_success() {
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
