//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for Oxide Propolis Server API.
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

    /// Sends `GET /instance`.
    pub async fn instance_get(
        &self,
    ) -> Result<crate::types::InstanceGetResponse, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/instance".to_owned())
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `PUT /instance`.
    pub async fn instance_ensure(
        &self,
        body: &crate::types::InstanceEnsureRequest,
    ) -> Result<
        crate::types::InstanceEnsureResponse,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(http::Method::PUT, "/instance".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Issue a snapshot request to a crucible backend
    ///
    /// Sends `POST /instance/disk/{id}/snapshot/{snapshot_id}`.
    pub async fn instance_issue_crucible_snapshot_request(
        &self,
        id: ::uuid::Uuid,
        snapshot_id: ::uuid::Uuid,
    ) -> Result<String, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/instance/disk/",
                            runtime::path("id", &id)?.as_str(),
                            "/snapshot/",
                            runtime::path("snapshot_id", &snapshot_id)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `GET /instance/migrate/status`.
    pub async fn instance_migrate_status(
        &self,
        body: &crate::types::InstanceMigrateStatusRequest,
    ) -> Result<
        crate::types::InstanceMigrateStatusResponse,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/instance/migrate/status".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `GET /instance/serial`.
    pub async fn instance_serial(
        &self,
    ) -> Result<Vec<u8>, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/instance/serial".to_owned())
                    .security(&[]),
            )
            .await?
            .bytes(
                &[runtime::Status::Code(101)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `PUT /instance/state`.
    pub async fn instance_state_put(
        &self,
        body: &crate::types::InstanceStateRequested,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::PUT, "/instance/state".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `GET /instance/state-monitor`.
    pub async fn instance_state_monitor(
        &self,
        body: &crate::types::InstanceStateMonitorRequest,
    ) -> Result<
        crate::types::InstanceStateMonitorResponse,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/instance/state-monitor".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }
}
