//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for Quirks.
///
/// Cheap to clone: clones share the connection pool and settings.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<runtime::Inner>,
}

/// Settings for a [`Client`]: base URL, credentials, timeout, retries, transport.
pub struct ClientBuilder {
    base_url: String,
    credentials: Vec<runtime::Credential>,
    retry: RetryPolicy,
    timeout: Option<Duration>,
    headers: Vec<(String, String)>,
    transport: Option<Arc<dyn Transport>>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Gives up on a request after `timeout` (the default transport only).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Retries idempotent requests as `policy` says (none by default).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Sends `name: value` with every request.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sends requests through `transport` instead of the default
    /// (`reqwest`); for instance a Service Binding in a Worker.
    pub fn transport(mut self, transport: impl Transport + 'static) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// The client.
    pub fn build(self) -> Result<Client, TransportError> {
        let transport = match self.transport {
            Some(t) => t,
            None => runtime::default_transport(self.timeout)?,
        };
        Ok(Client {
            inner: Arc::new(runtime::Inner {
                base_url: self.base_url.trim_end_matches('/').to_owned(),
                transport,
                credentials: self.credentials,
                retry: self.retry,
                headers: self.headers,
            }),
        })
    }
}

impl Client {
    /// A client for the API at `base_url` (for instance
    /// `https://api.example.com`), with default settings.
    pub fn new(base_url: impl Into<String>) -> Result<Self, TransportError> {
        Self::builder(base_url).build()
    }

    /// Settings for a client of the API at `base_url`.
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            credentials: Vec::new(),
            retry: RetryPolicy::none(),
            timeout: None,
            headers: Vec::new(),
            transport: None,
        }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Bug 5: a `*/*` response with a JSON schema returns that type.
    ///
    /// Sends `GET /any`.
    pub async fn get_any(&self) -> Result<crate::types::Node, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/any".to_owned()).security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Bug 1: `$ref` keys inside example values are data.
    ///
    /// Sends `GET /examples`.
    pub async fn get_example(
        &self,
        q: Option<&str>,
    ) -> Result<crate::types::Node, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/examples".to_owned())
                    .query("q", &q)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Bug 3: an optional request body whose schema is nullable.
    ///
    /// Sends `POST /nullable-body`.
    pub async fn send_nullable(
        &self,
        body: Option<&crate::types::SendNullableBody>,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/nullable-body".to_owned())
                    .maybe_json("application/json", body.as_ref())?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(204)], &[])
    }

    /// A binary download stays bytes.
    ///
    /// Sends `GET /raw`.
    pub async fn get_raw(&self) -> Result<Vec<u8>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/raw".to_owned()).security(&[]),
            )
            .await?
            .bytes(&[runtime::Status::Code(200)], &[])
    }

    /// Bug 4: `multipart/form-data` bodies are multipart, with a boundary.
    ///
    /// Sends `POST /upload`.
    pub async fn upload(
        &self,
        body: &crate::types::UploadBody,
    ) -> Result<crate::types::Node, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/upload".to_owned())
                    .multipart(&body, &["file"])?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }
}
