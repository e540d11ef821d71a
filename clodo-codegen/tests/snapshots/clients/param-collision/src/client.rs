//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for Parameter name collision test.
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

    /// Gets a key
    ///
    /// Sends `GET /key/{query}`.
    ///
    /// # Arguments
    ///
    /// - `query`: Parameter name that was previously colliding
    /// - `url`: Parameter name that was previously colliding
    /// - `request`: Parameter name that was previously colliding
    /// - `response`: Parameter name that was previously colliding
    /// - `result`: Parameter name that was previously colliding
    /// - `client`: Parameter name that was previously colliding
    pub async fn key_get(
        &self,
        query: bool,
        url: bool,
        request: bool,
        response: bool,
        result: bool,
        client: bool,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/key/", runtime::path("query", &query)?.as_str()].concat(),
                    )
                    .query("url", &url)?
                    .query("request", &request)?
                    .query("response", &response)?
                    .query("result", &result)?
                    .query("client", &client)?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(200)], &[])
    }
}
