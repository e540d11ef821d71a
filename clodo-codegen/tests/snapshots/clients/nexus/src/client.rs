//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for Oxide Region API.
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

    /// Fetch a disk by id
    ///
    /// Use `GET /v1/disks/{disk}` instead
    ///
    /// Sends `GET /by-id/disks/{id}`.
    #[deprecated]
    pub async fn disk_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/disks/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an image by id
    ///
    /// Sends `GET /by-id/images/{id}`.
    pub async fn image_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Image, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/images/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an instance by id
    ///
    /// Sends `GET /by-id/instances/{id}`.
    pub async fn instance_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/instances/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch a network interface by id
    ///
    /// Sends `GET /by-id/network-interfaces/{id}`.
    pub async fn instance_network_interface_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::NetworkInterface, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/by-id/network-interfaces/",
                            runtime::path("id", &id)?.as_str(),
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

    /// Fetch an organization by id
    ///
    /// Use `GET /v1/organizations/{organization}` instead
    ///
    /// Sends `GET /by-id/organizations/{id}`.
    #[deprecated]
    pub async fn organization_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/organizations/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch a project by id
    ///
    /// Use `GET /v1/projects/{project}` instead
    ///
    /// Sends `GET /by-id/projects/{id}`.
    #[deprecated]
    pub async fn project_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/projects/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a snapshot by id
    ///
    /// Sends `GET /by-id/snapshots/{id}`.
    pub async fn snapshot_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Snapshot, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/snapshots/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch a route by id
    ///
    /// Sends `GET /by-id/vpc-router-routes/{id}`.
    pub async fn vpc_router_route_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::RouterRoute, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/vpc-router-routes/", runtime::path("id", &id)?.as_str()]
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

    /// Get a router by id
    ///
    /// Sends `GET /by-id/vpc-routers/{id}`.
    pub async fn vpc_router_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::VpcRouter, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/vpc-routers/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch a subnet by id
    ///
    /// Sends `GET /by-id/vpc-subnets/{id}`.
    pub async fn vpc_subnet_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::VpcSubnet, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/vpc-subnets/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch a VPC
    ///
    /// Sends `GET /by-id/vpcs/{id}`.
    pub async fn vpc_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Vpc, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/by-id/vpcs/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Start an OAuth 2.0 Device Authorization Grant
    ///
    /// This endpoint is designed to be accessed from an *unauthenticated* API client. It generates and records a `device_code` and `user_code` which must be verified and confirmed prior to a token being granted.
    ///
    /// Sends `POST /device/auth`.
    pub async fn device_auth_request(
        &self,
        body: &crate::types::DeviceAuthRequest,
    ) -> Result<Vec<u8>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/device/auth".to_owned())
                    .form("application/x-www-form-urlencoded", &body)?
                    .security(&[]),
            )
            .await?
            .bytes(&[runtime::Status::Default], &[runtime::Status::Default])
    }

    /// Confirm an OAuth 2.0 Device Authorization Grant
    ///
    /// This endpoint is designed to be accessed by the user agent (browser), not the client requesting the token. So we do not actually return the token here; it will be returned in response to the poll on `/device/token`.
    ///
    /// Sends `POST /device/confirm`.
    pub async fn device_auth_confirm(
        &self,
        body: &crate::types::DeviceAuthVerify,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/device/confirm".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Request a device access token
    ///
    /// This endpoint should be polled by the client until the user code is verified and the grant is confirmed.
    ///
    /// Sends `POST /device/token`.
    pub async fn device_access_token(
        &self,
        body: &crate::types::DeviceAccessTokenRequest,
    ) -> Result<Vec<u8>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/device/token".to_owned())
                    .form("application/x-www-form-urlencoded", &body)?
                    .security(&[]),
            )
            .await?
            .bytes(&[runtime::Status::Default], &[runtime::Status::Default])
    }

    /// List groups
    ///
    /// Sends `GET /groups`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn group_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::GroupResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/groups".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `POST /login`.
    pub async fn login_spoof(
        &self,
        body: &crate::types::SpoofLoginBody,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/login".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Authenticate a user (i.e., log in) via username and password
    ///
    /// Sends `POST /login/{silo_name}/local`.
    pub async fn login_local(
        &self,
        silo_name: &crate::types::Name,
        body: &crate::types::UsernamePasswordCredentials,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/login/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/local",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(303)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Prompt user login
    ///
    /// Either display a page asking a user for their credentials, or redirect them to their identity provider.
    ///
    /// Sends `GET /login/{silo_name}/saml/{provider_name}`.
    pub async fn login_saml_begin(
        &self,
        silo_name: &crate::types::Name,
        provider_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/login/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/saml/",
                            runtime::path("provider_name", &provider_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(302)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Authenticate a user (i.e., log in) via SAML
    ///
    /// Sends `POST /login/{silo_name}/saml/{provider_name}`.
    pub async fn login_saml(
        &self,
        silo_name: &crate::types::Name,
        provider_name: &crate::types::Name,
        body: Vec<u8>,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/login/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/saml/",
                            runtime::path("provider_name", &provider_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .bytes("application/octet-stream", body)
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(303)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Sends `POST /logout`.
    pub async fn logout(&self) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/logout".to_owned())
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List organizations
    ///
    /// Use `GET /v1/organizations` instead
    ///
    /// Sends `GET /organizations`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    #[deprecated]
    pub async fn organization_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<
        crate::types::OrganizationResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/organizations".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an organization
    ///
    /// Use `POST /v1/organizations` instead
    ///
    /// Sends `POST /organizations`.
    #[deprecated]
    pub async fn organization_create(
        &self,
        body: &crate::types::OrganizationCreate,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/organizations".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an organization
    ///
    /// Use `GET /v1/organizations/{organization}` instead
    ///
    /// Sends `GET /organizations/{organization_name}`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    #[deprecated]
    pub async fn organization_view(
        &self,
        organization_name: &crate::types::Name,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
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

    /// Update an organization
    ///
    /// Use `PUT /v1/organizations/{organization}` instead
    ///
    /// Sends `PUT /organizations/{organization_name}`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    #[deprecated]
    pub async fn organization_update(
        &self,
        organization_name: &crate::types::Name,
        body: &crate::types::OrganizationUpdate,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                        ]
                            .concat(),
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

    /// Delete an organization
    ///
    /// Use `DELETE /v1/organizations/{organization}` instead
    ///
    /// Sends `DELETE /organizations/{organization_name}`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    #[deprecated]
    pub async fn organization_delete(
        &self,
        organization_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an organization's IAM policy
    ///
    /// Use `GET /v1/organizations/{organization}/policy` instead
    ///
    /// Sends `GET /organizations/{organization_name}/policy`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    #[deprecated]
    pub async fn organization_policy_view(
        &self,
        organization_name: &crate::types::Name,
    ) -> Result<
        crate::types::OrganizationRolePolicy,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/policy",
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

    /// Update an organization's IAM policy
    ///
    /// Use `PUT /v1/organizations/{organization}/policy` instead
    ///
    /// Sends `PUT /organizations/{organization_name}/policy`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    #[deprecated]
    pub async fn organization_policy_update(
        &self,
        organization_name: &crate::types::Name,
        body: &crate::types::OrganizationRolePolicy,
    ) -> Result<
        crate::types::OrganizationRolePolicy,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/policy",
                        ]
                            .concat(),
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

    /// List projects
    ///
    /// Use `GET /v1/projects` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    #[deprecated]
    pub async fn project_list(
        &self,
        organization_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::ProjectResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a project
    ///
    /// Use `POST /v1/projects` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    #[deprecated]
    pub async fn project_create(
        &self,
        organization_name: &crate::types::Name,
        body: &crate::types::ProjectCreate,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a project
    ///
    /// Use `GET /v1/projects/{project}` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    #[deprecated]
    pub async fn project_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
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

    /// Update a project
    ///
    /// Use `PUT /v1/projects/{project}` instead
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    #[deprecated]
    pub async fn project_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::ProjectUpdate,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete a project
    ///
    /// Use `DELETE /v1/projects/{project}` instead
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    #[deprecated]
    pub async fn project_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List disks
    ///
    /// Use `GET /v1/disks` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/disks`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    #[deprecated]
    pub async fn disk_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::DiskResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/disks",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Use `POST /v1/disks` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/disks`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    #[deprecated]
    pub async fn disk_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::DiskCreate,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/disks",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a disk
    ///
    /// Use `GET /v1/disks/{disk}` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/disks/{disk_name}`.
    #[deprecated]
    pub async fn disk_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        disk_name: &crate::types::Name,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/disks/",
                            runtime::path("disk_name", &disk_name)?.as_str(),
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

    /// Use `DELETE /v1/disks/{disk}` instead
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/disks/{disk_name}`.
    #[deprecated]
    pub async fn disk_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        disk_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/disks/",
                            runtime::path("disk_name", &disk_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch disk metrics
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/disks/{disk_name}/metrics/{metric_name}`.
    ///
    /// # Arguments
    ///
    /// - `end_time`: An exclusive end time of metrics.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    /// - `start_time`: An inclusive start time of metrics.
    #[allow(clippy::too_many_arguments)]
    pub async fn disk_metrics_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        disk_name: &crate::types::Name,
        metric_name: &crate::types::DiskMetricName,
        end_time: Option<::chrono::DateTime<::chrono::Utc>>,
        limit: Option<u32>,
        page_token: Option<&str>,
        start_time: Option<::chrono::DateTime<::chrono::Utc>>,
    ) -> Result<
        crate::types::MeasurementResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/disks/",
                            runtime::path("disk_name", &disk_name)?.as_str(),
                            "/metrics/",
                            runtime::path("metric_name", &metric_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .query("end_time", &end_time)?
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("start_time", &start_time)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List images
    ///
    /// List images in a project. The images are returned sorted by creation date, with the most recent images appearing first.
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/images`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn image_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::ImageResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/images",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an image
    ///
    /// Create a new image in a project.
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/images`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    pub async fn image_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::ImageCreate,
    ) -> Result<crate::types::Image, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/images",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an image
    ///
    /// Fetch the details for a specific image in a project.
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/images/{image_name}`.
    pub async fn image_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        image_name: &crate::types::Name,
    ) -> Result<crate::types::Image, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/images/",
                            runtime::path("image_name", &image_name)?.as_str(),
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

    /// Delete an image
    ///
    /// Permanently delete an image from a project. This operation cannot be undone. Any instances in the project using the image will continue to run, however new instances can not be created with this image.
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/images/{image_name}`.
    pub async fn image_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        image_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/images/",
                            runtime::path("image_name", &image_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List instances
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn instance_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::InstanceResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an instance
    ///
    /// Use `POST /v1/instances` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    #[deprecated]
    pub async fn instance_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::InstanceCreate,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an instance
    ///
    /// Use `GET /v1/instances/{instance}` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}`.
    #[deprecated]
    pub async fn instance_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
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

    /// Delete an instance
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}`.
    #[deprecated]
    pub async fn instance_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List an instance's disks
    ///
    /// Use `GET /v1/instances/{instance}/disks` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/disks`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    #[deprecated]
    pub async fn instance_disk_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::DiskResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/disks",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Attach a disk to an instance
    ///
    /// Use `POST /v1/instances/{instance}/disks/attach` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/disks/attach`.
    #[deprecated]
    pub async fn instance_disk_attach(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        body: &crate::types::DiskIdentifier,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/disks/attach",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Detach a disk from an instance
    ///
    /// Use `POST /v1/disks/{disk}/detach` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/disks/detach`.
    #[deprecated]
    pub async fn instance_disk_detach(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        body: &crate::types::DiskIdentifier,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/disks/detach",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List external IP addresses
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/external-ips`.
    pub async fn instance_external_ip_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<
        crate::types::ExternalIpResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/external-ips",
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

    /// Migrate an instance
    ///
    /// Use `POST /v1/instances/{instance}/migrate` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/migrate`.
    #[deprecated]
    pub async fn instance_migrate(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        body: &crate::types::InstanceMigrate,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/migrate",
                        ]
                            .concat(),
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

    /// List network interfaces
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/network-interfaces`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn instance_network_interface_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::NetworkInterfaceResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/network-interfaces",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a network interface
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/network-interfaces`.
    pub async fn instance_network_interface_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        body: &crate::types::NetworkInterfaceCreate,
    ) -> Result<crate::types::NetworkInterface, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/network-interfaces",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a network interface
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/network-interfaces/{interface_name}`.
    pub async fn instance_network_interface_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        interface_name: &crate::types::Name,
    ) -> Result<crate::types::NetworkInterface, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/network-interfaces/",
                            runtime::path("interface_name", &interface_name)?.as_str(),
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

    /// Update a network interface
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/network-interfaces/{interface_name}`.
    pub async fn instance_network_interface_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        interface_name: &crate::types::Name,
        body: &crate::types::NetworkInterfaceUpdate,
    ) -> Result<crate::types::NetworkInterface, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/network-interfaces/",
                            runtime::path("interface_name", &interface_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete a network interface
    ///
    /// Note that the primary interface for an instance cannot be deleted if there are any secondary interfaces. A new primary interface must be designated first. The primary interface can be deleted if there are no secondary interfaces.
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/network-interfaces/{interface_name}`.
    pub async fn instance_network_interface_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        interface_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/network-interfaces/",
                            runtime::path("interface_name", &interface_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Reboot an instance
    ///
    /// Use `POST /v1/instances/{instance}/reboot` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/reboot`.
    #[deprecated]
    pub async fn instance_reboot(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/reboot",
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an instance's serial console
    ///
    /// Use `GET /v1/instances/{instance}/serial-console` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/serial-console`.
    ///
    /// # Arguments
    ///
    /// - `from_start`: Character index in the serial buffer from which to read, counting the bytes output since instance start. If this is not provided, `most_recent` must be provided, and if this *is* provided, `most_recent` must *not* be provided.
    /// - `max_bytes`: Maximum number of bytes of buffered serial console contents to return. If the requested range runs to the end of the available buffer, the data returned will be shorter than `max_bytes`.
    /// - `most_recent`: Character index in the serial buffer from which to read, counting *backward* from the most recently buffered data retrieved from the instance. (See note on `from_start` about mutual exclusivity)
    #[deprecated]
    pub async fn instance_serial_console(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
        from_start: Option<u64>,
        max_bytes: Option<u64>,
        most_recent: Option<u64>,
    ) -> Result<
        crate::types::InstanceSerialConsoleData,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/serial-console",
                        ]
                            .concat(),
                    )
                    .query("from_start", &from_start)?
                    .query("max_bytes", &max_bytes)?
                    .query("most_recent", &most_recent)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Connect to an instance's serial console
    ///
    /// Use `GET /v1/instances/{instance}/serial-console/stream` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/serial-console/stream`.
    #[deprecated]
    pub async fn instance_serial_console_stream(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<Vec<u8>, runtime::Error<()>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/serial-console/stream",
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .bytes(&[runtime::Status::Default], &[runtime::Status::Default])
    }

    /// Connect to an instance's serial console
    ///
    /// Use `GET /v1/instances/{instance}/serial-console/stream` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/serial-console/stream_v2`.
    #[deprecated]
    pub async fn instance_serial_console_stream_v2(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<Vec<u8>, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/serial-console/stream_v2",
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .bytes(
                &[runtime::Status::Code(101)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Boot an instance
    ///
    /// Use `POST /v1/instances/{instance}/start` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/start`.
    #[deprecated]
    pub async fn instance_start(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/start",
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Halt an instance
    ///
    /// Use `POST /v1/instances/{instance}/stop` instead
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/instances/{instance_name}/stop`.
    #[deprecated]
    pub async fn instance_stop(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        instance_name: &crate::types::Name,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/instances/",
                            runtime::path("instance_name", &instance_name)?.as_str(),
                            "/stop",
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a project's IAM policy
    ///
    /// Use `GET /v1/projects/{project}/policy` instead
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/policy`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    #[deprecated]
    pub async fn project_policy_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
    ) -> Result<crate::types::ProjectRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/policy",
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

    /// Update a project's IAM policy
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/policy`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    pub async fn project_policy_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::ProjectRolePolicy,
    ) -> Result<crate::types::ProjectRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/policy",
                        ]
                            .concat(),
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

    /// List snapshots
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/snapshots`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn snapshot_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::SnapshotResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/snapshots",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a snapshot
    ///
    /// Creates a point-in-time snapshot from a disk.
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/snapshots`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    pub async fn snapshot_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::SnapshotCreate,
    ) -> Result<crate::types::Snapshot, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/snapshots",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a snapshot
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/snapshots/{snapshot_name}`.
    pub async fn snapshot_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        snapshot_name: &crate::types::Name,
    ) -> Result<crate::types::Snapshot, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/snapshots/",
                            runtime::path("snapshot_name", &snapshot_name)?.as_str(),
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

    /// Delete a snapshot
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/snapshots/{snapshot_name}`.
    pub async fn snapshot_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        snapshot_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/snapshots/",
                            runtime::path("snapshot_name", &snapshot_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List VPCs
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn vpc_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::VpcResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a VPC
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/vpcs`.
    ///
    /// # Arguments
    ///
    /// - `organization_name`: The organization's unique name.
    /// - `project_name`: The project's unique name within the organization.
    pub async fn vpc_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        body: &crate::types::VpcCreate,
    ) -> Result<crate::types::Vpc, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a VPC
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}`.
    pub async fn vpc_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
    ) -> Result<crate::types::Vpc, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
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

    /// Update a VPC
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}`.
    pub async fn vpc_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        body: &crate::types::VpcUpdate,
    ) -> Result<crate::types::Vpc, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete a VPC
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}`.
    pub async fn vpc_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List firewall rules
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/firewall/rules`.
    pub async fn vpc_firewall_rules_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
    ) -> Result<crate::types::VpcFirewallRules, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/firewall/rules",
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

    /// Replace firewall rules
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/firewall/rules`.
    pub async fn vpc_firewall_rules_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        body: &crate::types::VpcFirewallRuleUpdateParams,
    ) -> Result<crate::types::VpcFirewallRules, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/firewall/rules",
                        ]
                            .concat(),
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

    /// List routers
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn vpc_router_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::VpcRouterResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a router
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers`.
    pub async fn vpc_router_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        body: &crate::types::VpcRouterCreate,
    ) -> Result<crate::types::VpcRouter, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Get a router
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}`.
    pub async fn vpc_router_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
    ) -> Result<crate::types::VpcRouter, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
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

    /// Update a router
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}`.
    pub async fn vpc_router_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
        body: &crate::types::VpcRouterUpdate,
    ) -> Result<crate::types::VpcRouter, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete a router
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}`.
    pub async fn vpc_router_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List routes
    ///
    /// List the routes associated with a router in a particular VPC.
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}/routes`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    #[allow(clippy::too_many_arguments)]
    pub async fn vpc_router_route_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::RouterRouteResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                            "/routes",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a router
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}/routes`.
    pub async fn vpc_router_route_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
        body: &crate::types::RouterRouteCreateParams,
    ) -> Result<crate::types::RouterRoute, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                            "/routes",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a route
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}/routes/{route_name}`.
    pub async fn vpc_router_route_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
        route_name: &crate::types::Name,
    ) -> Result<crate::types::RouterRoute, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                            "/routes/",
                            runtime::path("route_name", &route_name)?.as_str(),
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

    /// Update a route
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}/routes/{route_name}`.
    pub async fn vpc_router_route_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
        route_name: &crate::types::Name,
        body: &crate::types::RouterRouteUpdateParams,
    ) -> Result<crate::types::RouterRoute, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                            "/routes/",
                            runtime::path("route_name", &route_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete a route
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/routers/{router_name}/routes/{route_name}`.
    pub async fn vpc_router_route_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        router_name: &crate::types::Name,
        route_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/routers/",
                            runtime::path("router_name", &router_name)?.as_str(),
                            "/routes/",
                            runtime::path("route_name", &route_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List subnets
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/subnets`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn vpc_subnet_list(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::VpcSubnetResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/subnets",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a subnet
    ///
    /// Sends `POST /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/subnets`.
    pub async fn vpc_subnet_create(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        body: &crate::types::VpcSubnetCreate,
    ) -> Result<crate::types::VpcSubnet, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/subnets",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a subnet
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/subnets/{subnet_name}`.
    pub async fn vpc_subnet_view(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        subnet_name: &crate::types::Name,
    ) -> Result<crate::types::VpcSubnet, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/subnets/",
                            runtime::path("subnet_name", &subnet_name)?.as_str(),
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

    /// Update a subnet
    ///
    /// Sends `PUT /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/subnets/{subnet_name}`.
    pub async fn vpc_subnet_update(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        subnet_name: &crate::types::Name,
        body: &crate::types::VpcSubnetUpdate,
    ) -> Result<crate::types::VpcSubnet, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/subnets/",
                            runtime::path("subnet_name", &subnet_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete a subnet
    ///
    /// Sends `DELETE /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/subnets/{subnet_name}`.
    pub async fn vpc_subnet_delete(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        subnet_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/subnets/",
                            runtime::path("subnet_name", &subnet_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List network interfaces
    ///
    /// Sends `GET /organizations/{organization_name}/projects/{project_name}/vpcs/{vpc_name}/subnets/{subnet_name}/network-interfaces`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    #[allow(clippy::too_many_arguments)]
    pub async fn vpc_subnet_list_network_interfaces(
        &self,
        organization_name: &crate::types::Name,
        project_name: &crate::types::Name,
        vpc_name: &crate::types::Name,
        subnet_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::NetworkInterfaceResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/organizations/",
                            runtime::path("organization_name", &organization_name)?
                                .as_str(),
                            "/projects/",
                            runtime::path("project_name", &project_name)?.as_str(),
                            "/vpcs/",
                            runtime::path("vpc_name", &vpc_name)?.as_str(),
                            "/subnets/",
                            runtime::path("subnet_name", &subnet_name)?.as_str(),
                            "/network-interfaces",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch the current silo's IAM policy
    ///
    /// Sends `GET /policy`.
    pub async fn policy_view(
        &self,
    ) -> Result<crate::types::SiloRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/policy".to_owned())
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Update the current silo's IAM policy
    ///
    /// Sends `PUT /policy`.
    pub async fn policy_update(
        &self,
        body: &crate::types::SiloRolePolicy,
    ) -> Result<crate::types::SiloRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::PUT, "/policy".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List built-in roles
    ///
    /// Sends `GET /roles`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn role_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
    ) -> Result<crate::types::RoleResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/roles".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a built-in role
    ///
    /// Sends `GET /roles/{role_name}`.
    ///
    /// # Arguments
    ///
    /// - `role_name`: The built-in role's unique name.
    pub async fn role_view(
        &self,
        role_name: &str,
    ) -> Result<crate::types::Role, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/roles/", runtime::path("role_name", &role_name)?.as_str()]
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

    /// Fetch the user associated with the current session
    ///
    /// Sends `GET /session/me`.
    pub async fn session_me(
        &self,
    ) -> Result<crate::types::User, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/session/me".to_owned())
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch the silo groups the current user belongs to
    ///
    /// Sends `GET /session/me/groups`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn session_me_groups(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::GroupResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/session/me/groups".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List SSH public keys
    ///
    /// Lists SSH public keys for the currently authenticated user.
    ///
    /// Sends `GET /session/me/sshkeys`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn session_sshkey_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<crate::types::SshKeyResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/session/me/sshkeys".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an SSH public key
    ///
    /// Create an SSH public key for the currently authenticated user.
    ///
    /// Sends `POST /session/me/sshkeys`.
    pub async fn session_sshkey_create(
        &self,
        body: &crate::types::SshKeyCreate,
    ) -> Result<crate::types::SshKey, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/session/me/sshkeys".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an SSH public key
    ///
    /// Fetch an SSH public key associated with the currently authenticated user.
    ///
    /// Sends `GET /session/me/sshkeys/{ssh_key_name}`.
    pub async fn session_sshkey_view(
        &self,
        ssh_key_name: &crate::types::Name,
    ) -> Result<crate::types::SshKey, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/session/me/sshkeys/",
                            runtime::path("ssh_key_name", &ssh_key_name)?.as_str(),
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

    /// Delete an SSH public key
    ///
    /// Delete an SSH public key associated with the currently authenticated user.
    ///
    /// Sends `DELETE /session/me/sshkeys/{ssh_key_name}`.
    pub async fn session_sshkey_delete(
        &self,
        ssh_key_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/session/me/sshkeys/",
                            runtime::path("ssh_key_name", &ssh_key_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a system-wide image by id
    ///
    /// Sends `GET /system/by-id/images/{id}`.
    pub async fn system_image_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::GlobalImage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/system/by-id/images/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch an IP pool by id
    ///
    /// Sends `GET /system/by-id/ip-pools/{id}`.
    pub async fn ip_pool_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::IpPool, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/system/by-id/ip-pools/", runtime::path("id", &id)?.as_str()]
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

    /// Fetch a silo by id
    ///
    /// Sends `GET /system/by-id/silos/{id}`.
    pub async fn silo_view_by_id(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::Silo, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/system/by-id/silos/", runtime::path("id", &id)?.as_str()]
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

    /// List system-wide certificates
    ///
    /// Returns a list of all the system-wide certificates. System-wide certificates are returned sorted by creation date, with the most recent certificates appearing first.
    ///
    /// Sends `GET /system/certificates`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn certificate_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::CertificateResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/system/certificates".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a new system-wide x.509 certificate.
    ///
    /// This certificate is automatically used by the Oxide Control plane to serve external connections.
    ///
    /// Sends `POST /system/certificates`.
    pub async fn certificate_create(
        &self,
        body: &crate::types::CertificateCreate,
    ) -> Result<crate::types::Certificate, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/system/certificates".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a certificate
    ///
    /// Returns the details of a specific certificate
    ///
    /// Sends `GET /system/certificates/{certificate}`.
    pub async fn certificate_view(
        &self,
        certificate: &crate::types::NameOrId,
    ) -> Result<crate::types::Certificate, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/certificates/",
                            runtime::path("certificate", &certificate)?.as_str(),
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

    /// Delete a certificate
    ///
    /// Permanently delete a certificate. This operation cannot be undone.
    ///
    /// Sends `DELETE /system/certificates/{certificate}`.
    pub async fn certificate_delete(
        &self,
        certificate: &crate::types::NameOrId,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/system/certificates/",
                            runtime::path("certificate", &certificate)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List physical disks
    ///
    /// Sends `GET /system/hardware/disks`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn physical_disk_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<
        crate::types::PhysicalDiskResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/system/hardware/disks".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List racks
    ///
    /// Sends `GET /system/hardware/racks`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn rack_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::RackResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/system/hardware/racks".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a rack
    ///
    /// Sends `GET /system/hardware/racks/{rack_id}`.
    ///
    /// # Arguments
    ///
    /// - `rack_id`: The rack's unique ID.
    pub async fn rack_view(
        &self,
        rack_id: ::uuid::Uuid,
    ) -> Result<crate::types::Rack, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/hardware/racks/",
                            runtime::path("rack_id", &rack_id)?.as_str(),
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

    /// List sleds
    ///
    /// Sends `GET /system/hardware/sleds`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn sled_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::SledResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/system/hardware/sleds".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a sled
    ///
    /// Sends `GET /system/hardware/sleds/{sled_id}`.
    ///
    /// # Arguments
    ///
    /// - `sled_id`: The sled's unique ID.
    pub async fn sled_view(
        &self,
        sled_id: ::uuid::Uuid,
    ) -> Result<crate::types::Sled, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/hardware/sleds/",
                            runtime::path("sled_id", &sled_id)?.as_str(),
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

    /// List physical disks attached to sleds
    ///
    /// Sends `GET /system/hardware/sleds/{sled_id}/disks`.
    ///
    /// # Arguments
    ///
    /// - `sled_id`: The sled's unique ID.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn sled_physical_disk_list(
        &self,
        sled_id: ::uuid::Uuid,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<
        crate::types::PhysicalDiskResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/hardware/sleds/",
                            runtime::path("sled_id", &sled_id)?.as_str(),
                            "/disks",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List system-wide images
    ///
    /// Returns a list of all the system-wide images. System-wide images are returned sorted by creation date, with the most recent images appearing first.
    ///
    /// Sends `GET /system/images`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn system_image_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::GlobalImageResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/system/images".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a system-wide image
    ///
    /// Create a new system-wide image. This image can then be used by any user in any silo as a base for instances.
    ///
    /// Sends `POST /system/images`.
    pub async fn system_image_create(
        &self,
        body: &crate::types::GlobalImageCreate,
    ) -> Result<crate::types::GlobalImage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/system/images".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a system-wide image
    ///
    /// Returns the details of a specific system-wide image.
    ///
    /// Sends `GET /system/images/{image_name}`.
    pub async fn system_image_view(
        &self,
        image_name: &crate::types::Name,
    ) -> Result<crate::types::GlobalImage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/images/",
                            runtime::path("image_name", &image_name)?.as_str(),
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

    /// Delete a system-wide image
    ///
    /// Permanently delete a system-wide image. This operation cannot be undone. Any instances using the system-wide image will continue to run, however new instances can not be created with this image.
    ///
    /// Sends `DELETE /system/images/{image_name}`.
    pub async fn system_image_delete(
        &self,
        image_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/system/images/",
                            runtime::path("image_name", &image_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List IP pools
    ///
    /// Sends `GET /system/ip-pools`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn ip_pool_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::IpPoolResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/system/ip-pools".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an IP pool
    ///
    /// Sends `POST /system/ip-pools`.
    pub async fn ip_pool_create(
        &self,
        body: &crate::types::IpPoolCreate,
    ) -> Result<crate::types::IpPool, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/system/ip-pools".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch the IP pool used for Oxide services.
    ///
    /// Sends `GET /system/ip-pools-service`.
    pub async fn ip_pool_service_view(
        &self,
    ) -> Result<crate::types::IpPool, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/system/ip-pools-service".to_owned(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List ranges for the IP pool used for Oxide services.
    ///
    /// Ranges are ordered by their first address.
    ///
    /// Sends `GET /system/ip-pools-service/ranges`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn ip_pool_service_range_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
    ) -> Result<
        crate::types::IpPoolRangeResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/system/ip-pools-service/ranges".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Add a range to an IP pool used for Oxide services.
    ///
    /// Sends `POST /system/ip-pools-service/ranges/add`.
    pub async fn ip_pool_service_range_add(
        &self,
        body: &crate::types::IpRange,
    ) -> Result<crate::types::IpPoolRange, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/system/ip-pools-service/ranges/add".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Remove a range from an IP pool used for Oxide services.
    ///
    /// Sends `POST /system/ip-pools-service/ranges/remove`.
    pub async fn ip_pool_service_range_remove(
        &self,
        body: &crate::types::IpRange,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/system/ip-pools-service/ranges/remove".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an IP pool
    ///
    /// Sends `GET /system/ip-pools/{pool_name}`.
    pub async fn ip_pool_view(
        &self,
        pool_name: &crate::types::Name,
    ) -> Result<crate::types::IpPool, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/ip-pools/",
                            runtime::path("pool_name", &pool_name)?.as_str(),
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

    /// Update an IP Pool
    ///
    /// Sends `PUT /system/ip-pools/{pool_name}`.
    pub async fn ip_pool_update(
        &self,
        pool_name: &crate::types::Name,
        body: &crate::types::IpPoolUpdate,
    ) -> Result<crate::types::IpPool, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/system/ip-pools/",
                            runtime::path("pool_name", &pool_name)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete an IP Pool
    ///
    /// Sends `DELETE /system/ip-pools/{pool_name}`.
    pub async fn ip_pool_delete(
        &self,
        pool_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/system/ip-pools/",
                            runtime::path("pool_name", &pool_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List ranges for an IP pool
    ///
    /// Ranges are ordered by their first address.
    ///
    /// Sends `GET /system/ip-pools/{pool_name}/ranges`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn ip_pool_range_list(
        &self,
        pool_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
    ) -> Result<
        crate::types::IpPoolRangeResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/ip-pools/",
                            runtime::path("pool_name", &pool_name)?.as_str(),
                            "/ranges",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Add a range to an IP pool
    ///
    /// Sends `POST /system/ip-pools/{pool_name}/ranges/add`.
    pub async fn ip_pool_range_add(
        &self,
        pool_name: &crate::types::Name,
        body: &crate::types::IpRange,
    ) -> Result<crate::types::IpPoolRange, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/system/ip-pools/",
                            runtime::path("pool_name", &pool_name)?.as_str(),
                            "/ranges/add",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Remove a range from an IP pool
    ///
    /// Sends `POST /system/ip-pools/{pool_name}/ranges/remove`.
    pub async fn ip_pool_range_remove(
        &self,
        pool_name: &crate::types::Name,
        body: &crate::types::IpRange,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/system/ip-pools/",
                            runtime::path("pool_name", &pool_name)?.as_str(),
                            "/ranges/remove",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Access metrics data
    ///
    /// Sends `GET /system/metrics/{metric_name}`.
    ///
    /// # Arguments
    ///
    /// - `end_time`: An exclusive end time of metrics.
    /// - `id`: The UUID of the container being queried
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    /// - `start_time`: An inclusive start time of metrics.
    pub async fn system_metric(
        &self,
        metric_name: &crate::types::SystemMetricName,
        end_time: Option<::chrono::DateTime<::chrono::Utc>>,
        id: ::uuid::Uuid,
        limit: Option<u32>,
        page_token: Option<&str>,
        start_time: Option<::chrono::DateTime<::chrono::Utc>>,
    ) -> Result<
        crate::types::MeasurementResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/metrics/",
                            runtime::path("metric_name", &metric_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .query("end_time", &end_time)?
                    .query("id", &id)?
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("start_time", &start_time)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch the top-level IAM policy
    ///
    /// Sends `GET /system/policy`.
    pub async fn system_policy_view(
        &self,
    ) -> Result<crate::types::FleetRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/system/policy".to_owned())
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Update the top-level IAM policy
    ///
    /// Sends `PUT /system/policy`.
    pub async fn system_policy_update(
        &self,
        body: &crate::types::FleetRolePolicy,
    ) -> Result<crate::types::FleetRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::PUT, "/system/policy".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List sagas
    ///
    /// Sends `GET /system/sagas`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn saga_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::SagaResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/system/sagas".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a saga
    ///
    /// Sends `GET /system/sagas/{saga_id}`.
    pub async fn saga_view(
        &self,
        saga_id: ::uuid::Uuid,
    ) -> Result<crate::types::Saga, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/system/sagas/", runtime::path("saga_id", &saga_id)?.as_str()]
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

    /// List silos
    ///
    /// Lists silos that are discoverable based on the current permissions.
    ///
    /// Sends `GET /system/silos`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn silo_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::SiloResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/system/silos".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a silo
    ///
    /// Sends `POST /system/silos`.
    pub async fn silo_create(
        &self,
        body: &crate::types::SiloCreate,
    ) -> Result<crate::types::Silo, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/system/silos".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a silo
    ///
    /// Fetch a silo by name.
    ///
    /// Sends `GET /system/silos/{silo_name}`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    pub async fn silo_view(
        &self,
        silo_name: &crate::types::Name,
    ) -> Result<crate::types::Silo, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
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

    /// Delete a silo
    ///
    /// Delete a silo by name.
    ///
    /// Sends `DELETE /system/silos/{silo_name}`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    pub async fn silo_delete(
        &self,
        silo_name: &crate::types::Name,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List a silo's IDPs
    ///
    /// Sends `GET /system/silos/{silo_name}/identity-providers`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn silo_identity_provider_list(
        &self,
        silo_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::IdentityProviderResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/identity-providers",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a user
    ///
    /// Users can only be created in Silos with `provision_type` == `Fixed`. Otherwise, Silo users are just-in-time (JIT) provisioned when a user first logs in using an external Identity Provider.
    ///
    /// Sends `POST /system/silos/{silo_name}/identity-providers/local/users`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    pub async fn local_idp_user_create(
        &self,
        silo_name: &crate::types::Name,
        body: &crate::types::UserCreate,
    ) -> Result<crate::types::User, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/identity-providers/local/users",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Delete a user
    ///
    /// Sends `DELETE /system/silos/{silo_name}/identity-providers/local/users/{user_id}`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    /// - `user_id`: The user's internal id
    pub async fn local_idp_user_delete(
        &self,
        silo_name: &crate::types::Name,
        user_id: ::uuid::Uuid,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/identity-providers/local/users/",
                            runtime::path("user_id", &user_id)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Set or invalidate a user's password
    ///
    /// Passwords can only be updated for users in Silos with identity mode `LocalOnly`.
    ///
    /// Sends `POST /system/silos/{silo_name}/identity-providers/local/users/{user_id}/set-password`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    /// - `user_id`: The user's internal id
    pub async fn local_idp_user_set_password(
        &self,
        silo_name: &crate::types::Name,
        user_id: ::uuid::Uuid,
        body: &crate::types::UserPassword,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/identity-providers/local/users/",
                            runtime::path("user_id", &user_id)?.as_str(),
                            "/set-password",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a SAML IDP
    ///
    /// Sends `POST /system/silos/{silo_name}/identity-providers/saml`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    pub async fn saml_identity_provider_create(
        &self,
        silo_name: &crate::types::Name,
        body: &crate::types::SamlIdentityProviderCreate,
    ) -> Result<
        crate::types::SamlIdentityProvider,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/identity-providers/saml",
                        ]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a SAML IDP
    ///
    /// Sends `GET /system/silos/{silo_name}/identity-providers/saml/{provider_name}`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    /// - `provider_name`: The SAML identity provider's name
    pub async fn saml_identity_provider_view(
        &self,
        silo_name: &crate::types::Name,
        provider_name: &crate::types::Name,
    ) -> Result<
        crate::types::SamlIdentityProvider,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/identity-providers/saml/",
                            runtime::path("provider_name", &provider_name)?.as_str(),
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

    /// Fetch a silo's IAM policy
    ///
    /// Sends `GET /system/silos/{silo_name}/policy`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    pub async fn silo_policy_view(
        &self,
        silo_name: &crate::types::Name,
    ) -> Result<crate::types::SiloRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/policy",
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

    /// Update a silo's IAM policy
    ///
    /// Sends `PUT /system/silos/{silo_name}/policy`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    pub async fn silo_policy_update(
        &self,
        silo_name: &crate::types::Name,
        body: &crate::types::SiloRolePolicy,
    ) -> Result<crate::types::SiloRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/policy",
                        ]
                            .concat(),
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

    /// List users in a silo
    ///
    /// Sends `GET /system/silos/{silo_name}/users/all`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn silo_users_list(
        &self,
        silo_name: &crate::types::Name,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::UserResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/users/all",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a user
    ///
    /// Sends `GET /system/silos/{silo_name}/users/id/{user_id}`.
    ///
    /// # Arguments
    ///
    /// - `silo_name`: The silo's unique name.
    /// - `user_id`: The user's internal id
    pub async fn silo_user_view(
        &self,
        silo_name: &crate::types::Name,
        user_id: ::uuid::Uuid,
    ) -> Result<crate::types::User, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/silos/",
                            runtime::path("silo_name", &silo_name)?.as_str(),
                            "/users/id/",
                            runtime::path("user_id", &user_id)?.as_str(),
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

    /// List built-in users
    ///
    /// Sends `GET /system/user`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn system_user_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameSortMode>,
    ) -> Result<
        crate::types::UserBuiltinResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/system/user".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a built-in user
    ///
    /// Sends `GET /system/user/{user_name}`.
    ///
    /// # Arguments
    ///
    /// - `user_name`: The built-in user's unique name.
    pub async fn system_user_view(
        &self,
        user_name: &crate::types::Name,
    ) -> Result<crate::types::UserBuiltin, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/system/user/",
                            runtime::path("user_name", &user_name)?.as_str(),
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

    /// List timeseries schema
    ///
    /// Sends `GET /timeseries/schema`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn timeseries_schema_get(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
    ) -> Result<
        crate::types::TimeseriesSchemaResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/timeseries/schema".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List users
    ///
    /// Sends `GET /users`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn user_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<crate::types::UserResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/users".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List disks
    ///
    /// Sends `GET /v1/disks`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn disk_list_v1(
        &self,
        limit: Option<u32>,
        organization: Option<&crate::types::NameOrId>,
        page_token: Option<&str>,
        project: Option<&crate::types::NameOrId>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::DiskResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/disks".to_owned())
                    .query("limit", &limit)?
                    .query("organization", &organization)?
                    .query("page_token", &page_token)?
                    .query("project", &project)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a disk
    ///
    /// Sends `POST /v1/disks`.
    pub async fn disk_create_v1(
        &self,
        organization: Option<&crate::types::NameOrId>,
        project: &crate::types::NameOrId,
        body: &crate::types::DiskCreate,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/disks".to_owned())
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a disk
    ///
    /// Sends `GET /v1/disks/{disk}`.
    pub async fn disk_view_v1(
        &self,
        disk: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/v1/disks/", runtime::path("disk", &disk)?.as_str()].concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Delete a disk
    ///
    /// Sends `DELETE /v1/disks/{disk}`.
    pub async fn disk_delete_v1(
        &self,
        disk: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        ["/v1/disks/", runtime::path("disk", &disk)?.as_str()].concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List instances
    ///
    /// Sends `GET /v1/instances`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn instance_list_v1(
        &self,
        limit: Option<u32>,
        organization: Option<&crate::types::NameOrId>,
        page_token: Option<&str>,
        project: Option<&crate::types::NameOrId>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::InstanceResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/instances".to_owned())
                    .query("limit", &limit)?
                    .query("organization", &organization)?
                    .query("page_token", &page_token)?
                    .query("project", &project)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an instance
    ///
    /// Sends `POST /v1/instances`.
    pub async fn instance_create_v1(
        &self,
        organization: Option<&crate::types::NameOrId>,
        project: &crate::types::NameOrId,
        body: &crate::types::InstanceCreate,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/instances".to_owned())
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an instance
    ///
    /// Sends `GET /v1/instances/{instance}`.
    pub async fn instance_view_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Delete an instance
    ///
    /// Sends `DELETE /v1/instances/{instance}`.
    pub async fn instance_delete_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List an instance's disks
    ///
    /// Sends `GET /v1/instances/{instance}/disks`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn instance_disk_list_v1(
        &self,
        instance: &crate::types::NameOrId,
        limit: Option<u32>,
        organization: Option<&crate::types::NameOrId>,
        page_token: Option<&str>,
        project: Option<&crate::types::NameOrId>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::DiskResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/disks",
                        ]
                            .concat(),
                    )
                    .query("limit", &limit)?
                    .query("organization", &organization)?
                    .query("page_token", &page_token)?
                    .query("project", &project)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Attach a disk to an instance
    ///
    /// Sends `POST /v1/instances/{instance}/disks/attach`.
    pub async fn instance_disk_attach_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
        body: &crate::types::DiskPath,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/disks/attach",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Detach a disk from an instance
    ///
    /// Sends `POST /v1/instances/{instance}/disks/detach`.
    pub async fn instance_disk_detach_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
        body: &crate::types::DiskPath,
    ) -> Result<crate::types::Disk, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/disks/detach",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Migrate an instance
    ///
    /// Sends `POST /v1/instances/{instance}/migrate`.
    pub async fn instance_migrate_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
        body: &crate::types::InstanceMigrate,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/migrate",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Reboot an instance
    ///
    /// Sends `POST /v1/instances/{instance}/reboot`.
    pub async fn instance_reboot_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/reboot",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an instance's serial console
    ///
    /// Sends `GET /v1/instances/{instance}/serial-console`.
    ///
    /// # Arguments
    ///
    /// - `from_start`: Character index in the serial buffer from which to read, counting the bytes output since instance start. If this is not provided, `most_recent` must be provided, and if this *is* provided, `most_recent` must *not* be provided.
    /// - `max_bytes`: Maximum number of bytes of buffered serial console contents to return. If the requested range runs to the end of the available buffer, the data returned will be shorter than `max_bytes`.
    /// - `most_recent`: Character index in the serial buffer from which to read, counting *backward* from the most recently buffered data retrieved from the instance. (See note on `from_start` about mutual exclusivity)
    pub async fn instance_serial_console_v1(
        &self,
        instance: &crate::types::NameOrId,
        from_start: Option<u64>,
        max_bytes: Option<u64>,
        most_recent: Option<u64>,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<
        crate::types::InstanceSerialConsoleData,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/serial-console",
                        ]
                            .concat(),
                    )
                    .query("from_start", &from_start)?
                    .query("max_bytes", &max_bytes)?
                    .query("most_recent", &most_recent)?
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Stream an instance's serial console
    ///
    /// Sends `GET /v1/instances/{instance}/serial-console/stream`.
    pub async fn instance_serial_console_stream_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<Vec<u8>, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/serial-console/stream",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .bytes(
                &[runtime::Status::Code(101)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Boot an instance
    ///
    /// Sends `POST /v1/instances/{instance}/start`.
    pub async fn instance_start_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/start",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Stop an instance
    ///
    /// Sends `POST /v1/instances/{instance}/stop`.
    pub async fn instance_stop_v1(
        &self,
        instance: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        project: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::Instance, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        [
                            "/v1/instances/",
                            runtime::path("instance", &instance)?.as_str(),
                            "/stop",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .query("project", &project)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List organizations
    ///
    /// Sends `GET /v1/organizations`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn organization_list_v1(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<
        crate::types::OrganizationResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/organizations".to_owned())
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create an organization
    ///
    /// Sends `POST /v1/organizations`.
    pub async fn organization_create_v1(
        &self,
        body: &crate::types::OrganizationCreate,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/organizations".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an organization
    ///
    /// Sends `GET /v1/organizations/{organization}`.
    pub async fn organization_view_v1(
        &self,
        organization: &crate::types::NameOrId,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/organizations/",
                            runtime::path("organization", &organization)?.as_str(),
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

    /// Update an organization
    ///
    /// Sends `PUT /v1/organizations/{organization}`.
    pub async fn organization_update_v1(
        &self,
        organization: &crate::types::NameOrId,
        body: &crate::types::OrganizationUpdate,
    ) -> Result<crate::types::Organization, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/v1/organizations/",
                            runtime::path("organization", &organization)?.as_str(),
                        ]
                            .concat(),
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

    /// Delete an organization
    ///
    /// Sends `DELETE /v1/organizations/{organization}`.
    pub async fn organization_delete_v1(
        &self,
        organization: &crate::types::NameOrId,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        [
                            "/v1/organizations/",
                            runtime::path("organization", &organization)?.as_str(),
                        ]
                            .concat(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch an organization's IAM policy
    ///
    /// Sends `GET /v1/organizations/{organization}/policy`.
    pub async fn organization_policy_view_v1(
        &self,
        organization: &crate::types::NameOrId,
    ) -> Result<
        crate::types::OrganizationRolePolicy,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/organizations/",
                            runtime::path("organization", &organization)?.as_str(),
                            "/policy",
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

    /// Update an organization's IAM policy
    ///
    /// Sends `PUT /v1/organizations/{organization}/policy`.
    pub async fn organization_policy_update_v1(
        &self,
        organization: &crate::types::NameOrId,
        body: &crate::types::OrganizationRolePolicy,
    ) -> Result<
        crate::types::OrganizationRolePolicy,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/v1/organizations/",
                            runtime::path("organization", &organization)?.as_str(),
                            "/policy",
                        ]
                            .concat(),
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

    /// List projects
    ///
    /// Sends `GET /v1/projects`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn project_list_v1(
        &self,
        limit: Option<u32>,
        organization: Option<&crate::types::NameOrId>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::NameOrIdSortMode>,
    ) -> Result<crate::types::ProjectResultsPage, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/v1/projects".to_owned())
                    .query("limit", &limit)?
                    .query("organization", &organization)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Create a project
    ///
    /// Sends `POST /v1/projects`.
    pub async fn project_create_v1(
        &self,
        organization: &crate::types::NameOrId,
        body: &crate::types::ProjectCreate,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/v1/projects".to_owned())
                    .query("organization", &organization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a project
    ///
    /// Sends `GET /v1/projects/{project}`.
    pub async fn project_view_v1(
        &self,
        project: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/v1/projects/", runtime::path("project", &project)?.as_str()]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Update a project
    ///
    /// Sends `PUT /v1/projects/{project}`.
    pub async fn project_update_v1(
        &self,
        project: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        body: &crate::types::ProjectUpdate,
    ) -> Result<crate::types::Project, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        ["/v1/projects/", runtime::path("project", &project)?.as_str()]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Delete a project
    ///
    /// Sends `DELETE /v1/projects/{project}`.
    pub async fn project_delete_v1(
        &self,
        project: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        ["/v1/projects/", runtime::path("project", &project)?.as_str()]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a project's IAM policy
    ///
    /// Sends `GET /v1/projects/{project}/policy`.
    pub async fn project_policy_view_v1(
        &self,
        project: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
    ) -> Result<crate::types::ProjectRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/projects/",
                            runtime::path("project", &project)?.as_str(),
                            "/policy",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Update a project's IAM policy
    ///
    /// Sends `PUT /v1/projects/{project}/policy`.
    pub async fn project_policy_update_v1(
        &self,
        project: &crate::types::NameOrId,
        organization: Option<&crate::types::NameOrId>,
        body: &crate::types::ProjectRolePolicy,
    ) -> Result<crate::types::ProjectRolePolicy, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        [
                            "/v1/projects/",
                            runtime::path("project", &project)?.as_str(),
                            "/policy",
                        ]
                            .concat(),
                    )
                    .query("organization", &organization)?
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// View version and update status of component tree
    ///
    /// Sends `GET /v1/system/update/components`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn system_component_version_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<
        crate::types::UpdateableComponentResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/v1/system/update/components".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List all update deployments
    ///
    /// Sends `GET /v1/system/update/deployments`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn update_deployments_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<
        crate::types::UpdateDeploymentResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/v1/system/update/deployments".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Fetch a system update deployment
    ///
    /// Sends `GET /v1/system/update/deployments/{id}`.
    pub async fn update_deployment_view(
        &self,
        id: ::uuid::Uuid,
    ) -> Result<crate::types::UpdateDeployment, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/system/update/deployments/",
                            runtime::path("id", &id)?.as_str(),
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

    /// Refresh update data
    ///
    /// Sends `POST /v1/system/update/refresh`.
    pub async fn system_update_refresh(
        &self,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/v1/system/update/refresh".to_owned(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Start system update
    ///
    /// Sends `POST /v1/system/update/start`.
    pub async fn system_update_start(
        &self,
        body: &crate::types::SystemUpdateStart,
    ) -> Result<crate::types::UpdateDeployment, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/v1/system/update/start".to_owned(),
                    )
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// Stop system update
    ///
    /// If there is no update in progress, do nothing.
    ///
    /// Sends `POST /v1/system/update/stop`.
    pub async fn system_update_stop(
        &self,
    ) -> Result<(), runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        "/v1/system/update/stop".to_owned(),
                    )
                    .security(&[]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// List all updates
    ///
    /// Sends `GET /v1/system/update/updates`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Maximum number of items returned by a single call
    /// - `page_token`: Token returned by previous call to retrieve the subsequent page
    pub async fn system_update_list(
        &self,
        limit: Option<u32>,
        page_token: Option<&str>,
        sort_by: Option<&crate::types::IdSortMode>,
    ) -> Result<
        crate::types::SystemUpdateResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/v1/system/update/updates".to_owned(),
                    )
                    .query("limit", &limit)?
                    .query("page_token", &page_token)?
                    .query("sort_by", &sort_by)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }

    /// View system update
    ///
    /// Sends `GET /v1/system/update/updates/{version}`.
    pub async fn system_update_view(
        &self,
        version: &crate::types::SemverVersion,
    ) -> Result<crate::types::SystemUpdate, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/system/update/updates/",
                            runtime::path("version", &version)?.as_str(),
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

    /// View system update component tree
    ///
    /// Sends `GET /v1/system/update/updates/{version}/components`.
    pub async fn system_update_components_list(
        &self,
        version: &crate::types::SemverVersion,
    ) -> Result<
        crate::types::ComponentUpdateResultsPage,
        runtime::Error<crate::types::Error>,
    > {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        [
                            "/v1/system/update/updates/",
                            runtime::path("version", &version)?.as_str(),
                            "/components",
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

    /// View system version and update status
    ///
    /// Sends `GET /v1/system/update/version`.
    pub async fn system_version(
        &self,
    ) -> Result<crate::types::SystemVersion, runtime::Error<crate::types::Error>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        "/v1/system/update/version".to_owned(),
                    )
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Range(4), runtime::Status::Range(5)],
            )
    }
}
