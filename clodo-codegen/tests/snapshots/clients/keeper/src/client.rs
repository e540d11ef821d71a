//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for Keeper API.
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

    /// Sends `POST /enrol`.
    ///
    /// # Arguments
    ///
    /// - `authorization`: Authorization header (bearer token)
    pub async fn enrol(
        &self,
        authorization: &str,
        body: &crate::types::EnrolBody,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/enrol".to_owned())
                    .header("Authorization", &authorization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `GET /global/jobs`.
    ///
    /// # Arguments
    ///
    /// - `authorization`: Authorization header (bearer token)
    pub async fn global_jobs(
        &self,
        authorization: &str,
    ) -> Result<crate::types::GlobalJobsResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/global/jobs".to_owned())
                    .header("Authorization", &authorization)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `GET /ping`.
    ///
    /// # Arguments
    ///
    /// - `authorization`: Authorization header (bearer token)
    pub async fn ping(
        &self,
        authorization: &str,
    ) -> Result<crate::types::PingResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/ping".to_owned())
                    .header("Authorization", &authorization)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `POST /report/finish`.
    ///
    /// # Arguments
    ///
    /// - `authorization`: Authorization header (bearer token)
    pub async fn report_finish(
        &self,
        authorization: &str,
        body: &crate::types::ReportFinishBody,
    ) -> Result<crate::types::ReportResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/report/finish".to_owned())
                    .header("Authorization", &authorization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `POST /report/output`.
    ///
    /// # Arguments
    ///
    /// - `authorization`: Authorization header (bearer token)
    pub async fn report_output(
        &self,
        authorization: &str,
        body: &crate::types::ReportOutputBody,
    ) -> Result<crate::types::ReportResult2, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/report/output".to_owned())
                    .header("Authorization", &authorization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `POST /report/start`.
    ///
    /// # Arguments
    ///
    /// - `authorization`: Authorization header (bearer token)
    pub async fn report_start(
        &self,
        authorization: &str,
        body: &crate::types::ReportStartBody,
    ) -> Result<crate::types::ReportResult3, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/report/start".to_owned())
                    .header("Authorization", &authorization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }
}
