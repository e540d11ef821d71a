//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for Buildomat.
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

    /// Sends `POST /v1/control/hold`.
    pub async fn control_hold(&self) -> Result<::serde_json::Value, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/control/hold".to_owned())
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/control/resume`.
    pub async fn control_resume(&self) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/v1/control/resume".to_owned(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `GET /v1/header-arg`.
    pub async fn header_arg(
        &self,
        accept_language: Option<&crate::types::HeaderArgAcceptLanguage>,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/header-arg".to_owned())
                    .header("accept-language", &accept_language)?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Default], &[runtime::Status::Default])
    }

    /// Sends `GET /v1/task/{Task}`.
    pub async fn task_get(
        &self,
        task: &str,
    ) -> Result<crate::types::Task, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/v1/task/", runtime::path("Task", &task)?.as_str()].concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `GET /v1/tasks`.
    pub async fn tasks_get(
        &self,
    ) -> Result<Vec<crate::types::Task>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/tasks".to_owned())
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/tasks`.
    pub async fn task_submit(
        &self,
        body: &crate::types::TaskSubmit,
    ) -> Result<crate::types::TaskSubmitResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/tasks".to_owned())
                    .json("application/json; charset=utf-8", &body)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `GET /v1/tasks/{task}/events`.
    pub async fn task_events_get(
        &self,
        task: &str,
        minseq: Option<u64>,
    ) -> Result<Vec<crate::types::TaskEvent>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/v1/tasks/", runtime::path("task", &task)?.as_str(), "/events"]
                            .concat(),
                    )
                    .query("minseq", &minseq)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `GET /v1/tasks/{task}/outputs`.
    pub async fn task_outputs_get(
        &self,
        task: &str,
    ) -> Result<Vec<crate::types::TaskOutput>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/tasks/",
                            runtime::path("task", &task)?.as_str(),
                            "/outputs",
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `GET /v1/tasks/{task}/outputs/{output}`.
    pub async fn task_output_download(
        &self,
        task: &str,
        output: &str,
    ) -> Result<Vec<u8>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/tasks/",
                            runtime::path("task", &task)?.as_str(),
                            "/outputs/",
                            runtime::path("output", &output)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .bytes(&[runtime::Status::Range(2)], &[])
    }

    /// Sends `GET /v1/things`.
    pub async fn get_thing_or_things(
        &self,
        id: Option<&crate::types::GetThingOrThingsId>,
    ) -> Result<String, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/things".to_owned())
                    .query("id", &id)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/users`.
    pub async fn user_create(
        &self,
        body: &crate::types::UserCreate,
    ) -> Result<crate::types::UserCreateResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/users".to_owned())
                    .json("application/json; charset=utf-8", &body)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `GET /v1/whoami`.
    pub async fn whoami(
        &self,
    ) -> Result<crate::types::WhoamiResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/whoami".to_owned())
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `PUT /v1/whoami/name`.
    pub async fn whoami_put_name(
        &self,
        body: Option<String>,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::PUT, "/v1/whoami/name".to_owned())
                    .bytes(
                        "text/plain",
                        body.map(String::into_bytes).unwrap_or_default(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/worker/bootstrap`.
    pub async fn worker_bootstrap(
        &self,
        body: &crate::types::WorkerBootstrap,
    ) -> Result<crate::types::WorkerBootstrapResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/v1/worker/bootstrap".to_owned(),
                    )
                    .json("application/json; charset=utf-8", &body)?
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `GET /v1/worker/ping`.
    pub async fn worker_ping(
        &self,
    ) -> Result<crate::types::WorkerPingResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/worker/ping".to_owned())
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/worker/task/{task}/append`.
    pub async fn worker_task_append(
        &self,
        task: &str,
        body: &crate::types::WorkerAppendTask,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/worker/task/",
                            runtime::path("task", &task)?.as_str(),
                            "/append",
                        ]
                            .concat(),
                    )
                    .json("application/json; charset=utf-8", &body)?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `POST /v1/worker/task/{task}/chunk`.
    pub async fn worker_task_upload_chunk(
        &self,
        task: &str,
        body: Vec<u8>,
    ) -> Result<crate::types::UploadedChunk, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/worker/task/",
                            runtime::path("task", &task)?.as_str(),
                            "/chunk",
                        ]
                            .concat(),
                    )
                    .bytes("application/octet-stream", body)
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `POST /v1/worker/task/{task}/complete`.
    pub async fn worker_task_complete(
        &self,
        task: &str,
        body: &crate::types::WorkerCompleteTask,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/worker/task/",
                            runtime::path("task", &task)?.as_str(),
                            "/complete",
                        ]
                            .concat(),
                    )
                    .json("application/json; charset=utf-8", &body)?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/worker/task/{task}/output`.
    pub async fn worker_task_add_output(
        &self,
        task: &str,
        body: &crate::types::WorkerAddOutput,
    ) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/worker/task/",
                            runtime::path("task", &task)?.as_str(),
                            "/output",
                        ]
                            .concat(),
                    )
                    .json("application/json; charset=utf-8", &body)?
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(201)], &[])
    }

    /// Sends `GET /v1/workers`.
    pub async fn workers_list(
        &self,
    ) -> Result<crate::types::WorkersResult, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/workers".to_owned())
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[])
    }

    /// Sends `POST /v1/workers/recycle`.
    pub async fn workers_recycle(&self) -> Result<(), runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/v1/workers/recycle".to_owned(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(&[runtime::Status::Code(200)], &[])
    }
}
