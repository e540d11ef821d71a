//! The client and one method per operation.

use std::sync::Arc;
use std::time::Duration;
use crate::runtime::{self, RetryPolicy, Transport, TransportError};

/// A client for bakery-orders.
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
    /// Authenticates with an API key sent as `X-Api-Key` (scheme `apiKeyAuth`).
    ///
    /// An API key of the request's domain (also accepted as `Authorization: Bearer <key>`).
    pub fn api_key_auth(mut self, key: impl Into<String>) -> Self {
        self.credentials.retain(|c| c.scheme != "apiKeyAuth");
        self.credentials
            .push(runtime::Credential {
                scheme: "apiKeyAuth",
                location: runtime::Location::Header,
                name: "X-Api-Key",
                value: key.into(),
            });
        self
    }

    /// Authenticates with a bearer token (scheme `bearerAuth`).
    ///
    /// A session token of the request's domain (HS256 JWT).
    pub fn bearer_auth(mut self, token: impl Into<String>) -> Self {
        self.credentials.retain(|c| c.scheme != "bearerAuth");
        self.credentials
            .push(runtime::Credential {
                scheme: "bearerAuth",
                location: runtime::Location::Header,
                name: "authorization",
                value: format!("Bearer {}", token.into()),
            });
        self
    }

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

    /// List API keys, without their secrets (admin).
    ///
    /// Requires role: admin.
    ///
    /// Sends `GET /auth/api-keys`.
    pub async fn list_api_keys(
        &self,
    ) -> Result<Vec<crate::types::ApiKeyInfo>, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/auth/api-keys".to_owned())
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Default,
                ],
            )
    }

    /// Create an API key for a service (admin).
    ///
    /// The full key is in this response only; store it now.
    ///
    /// Requires role: admin.
    ///
    /// Sends `POST /auth/api-keys`.
    pub async fn create_api_key(
        &self,
        body: &crate::types::NewApiKey,
    ) -> Result<crate::types::CreatedApiKey, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/auth/api-keys".to_owned())
                    .json("application/json", &body)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Default,
                ],
            )
    }

    /// Revoke an API key (admin).
    ///
    /// Requires role: admin.
    ///
    /// Sends `DELETE /auth/api-keys/{id}`.
    pub async fn revoke_api_key(
        &self,
        id: &str,
    ) -> Result<(), runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        ["/auth/api-keys/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Default,
                ],
            )
    }

    /// End the current session.
    ///
    /// Sends `POST /auth/logout`.
    pub async fn logout(&self) -> Result<(), runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/auth/logout".to_owned())
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[runtime::Status::Code(401), runtime::Status::Default],
            )
    }

    /// Ask for a sign-in link.
    ///
    /// Always 202 with the same body, whether or not the address is known.
    ///
    /// Sends `POST /auth/magic-link`.
    pub async fn request_magic_link(
        &self,
        body: &crate::types::MagicLinkRequest,
    ) -> Result<crate::types::MagicLinkAccepted, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/auth/magic-link".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(202)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Default,
                ],
            )
    }

    /// The signed-in user.
    ///
    /// Sends `GET /auth/me`.
    pub async fn me(
        &self,
    ) -> Result<crate::types::UserRecord, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/auth/me".to_owned())
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Code(401), runtime::Status::Default],
            )
    }

    /// Rotate a session's tokens.
    ///
    /// The old refresh token stops working; presenting it again ends the whole session.
    ///
    /// Sends `POST /auth/refresh`.
    pub async fn refresh(
        &self,
        body: &crate::types::RefreshRequest,
    ) -> Result<crate::types::Session, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/auth/refresh".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Default,
                ],
            )
    }

    /// List users, by email (admin).
    ///
    /// Requires role: admin.
    ///
    /// Sends `GET /auth/users`.
    ///
    /// # Arguments
    ///
    /// - `cursor`: `next_cursor` of the previous page (an opaque base64url token).
    /// - `limit`: Items per page, 1 to 100 (default 20).
    pub async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<crate::types::UserPage, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/auth/users".to_owned())
                    .query("cursor", &cursor)?
                    .query("limit", &limit)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Default,
                ],
            )
    }

    /// Disable a user: no sign-in, no refresh, tokens refused (admin).
    ///
    /// Requires role: admin.
    ///
    /// Sends `POST /auth/users/{id}/disable`.
    pub async fn disable_user(
        &self,
        id: &str,
    ) -> Result<crate::types::UserRecord, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        ["/auth/users/", runtime::path("id", &id)?.as_str(), "/disable"]
                            .concat(),
                    )
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Default,
                ],
            )
    }

    /// Enable a disabled user again (admin).
    ///
    /// Requires role: admin.
    ///
    /// Sends `POST /auth/users/{id}/enable`.
    pub async fn enable_user(
        &self,
        id: &str,
    ) -> Result<crate::types::UserRecord, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        ["/auth/users/", runtime::path("id", &id)?.as_str(), "/enable"]
                            .concat(),
                    )
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Default,
                ],
            )
    }

    /// Replace a user's roles (admin).
    ///
    /// Tokens already issued keep their roles until they expire.
    ///
    /// Requires role: admin.
    ///
    /// Sends `PUT /auth/users/{id}/roles`.
    pub async fn set_roles(
        &self,
        id: &str,
        body: &crate::types::SetRoles,
    ) -> Result<crate::types::UserRecord, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        ["/auth/users/", runtime::path("id", &id)?.as_str(), "/roles"]
                            .concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Default,
                ],
            )
    }

    /// Exchange a sign-in link's token for a session.
    ///
    /// A used, expired or unknown token: 401, with the same message for all three.
    ///
    /// Sends `POST /auth/verify`.
    pub async fn verify(
        &self,
        body: &crate::types::VerifyRequest,
    ) -> Result<crate::types::Session, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/auth/verify".to_owned())
                    .json("application/json", &body)?
                    .security(&[]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Default,
                ],
            )
    }

    /// List customers records.
    ///
    /// The bakery's customers: contact details and preferences.
    ///
    /// Signed-in users see and change their own records; staff and admins see and change all.
    ///
    /// Sends `GET /data/customers`.
    ///
    /// # Arguments
    ///
    /// - `limit`: Records per page: 20 by default, at most 100.
    /// - `cursor`: The `next_cursor` of the previous page (an opaque base64url token).
    /// - `page`: A page number instead of a cursor (1 is the first); ignored beside `cursor`.
    /// - `sort`: 1 to 5 comma-separated fields, `-` for descending, e.g. `-created_at`; `id` breaks ties. Sortable: id, owner_id, created_at, updated_at, name, email, phone, tier, newsletter.
    /// - `fields`: Comma-separated fields to return (`id` always is): id, owner_id, created_at, updated_at, name, email, phone, tier, allergies, newsletter.
    /// - `id`: Only records whose `id` equals this.
    /// - `id_ne`: Only records whose `id` differs from this.
    /// - `id_gt`: Only records whose `id` is greater than this.
    /// - `id_gte`: Only records whose `id` is at least this.
    /// - `id_lt`: Only records whose `id` is less than this.
    /// - `id_lte`: Only records whose `id` is at most this.
    /// - `id_in`: Only records whose `id` is one of these values (comma-separated, 1 to 100).
    /// - `owner_id`: Only records whose `owner_id` equals this.
    /// - `owner_id_ne`: Only records whose `owner_id` differs from this.
    /// - `owner_id_gt`: Only records whose `owner_id` is greater than this.
    /// - `owner_id_gte`: Only records whose `owner_id` is at least this.
    /// - `owner_id_lt`: Only records whose `owner_id` is less than this.
    /// - `owner_id_lte`: Only records whose `owner_id` is at most this.
    /// - `owner_id_like`: Only records whose `owner_id` matches this SQL LIKE pattern (`%` any text, `_` one character).
    /// - `owner_id_in`: Only records whose `owner_id` is one of these values (comma-separated, 1 to 100).
    /// - `created_at`: Only records whose `created_at` equals this.
    /// - `created_at_ne`: Only records whose `created_at` differs from this.
    /// - `created_at_gt`: Only records whose `created_at` is greater than this.
    /// - `created_at_gte`: Only records whose `created_at` is at least this.
    /// - `created_at_lt`: Only records whose `created_at` is less than this.
    /// - `created_at_lte`: Only records whose `created_at` is at most this.
    /// - `created_at_in`: Only records whose `created_at` is one of these values (comma-separated, 1 to 100).
    /// - `updated_at`: Only records whose `updated_at` equals this.
    /// - `updated_at_ne`: Only records whose `updated_at` differs from this.
    /// - `updated_at_gt`: Only records whose `updated_at` is greater than this.
    /// - `updated_at_gte`: Only records whose `updated_at` is at least this.
    /// - `updated_at_lt`: Only records whose `updated_at` is less than this.
    /// - `updated_at_lte`: Only records whose `updated_at` is at most this.
    /// - `updated_at_in`: Only records whose `updated_at` is one of these values (comma-separated, 1 to 100).
    /// - `name`: Only records whose `name` equals this.
    /// - `name_ne`: Only records whose `name` differs from this.
    /// - `name_gt`: Only records whose `name` is greater than this.
    /// - `name_gte`: Only records whose `name` is at least this.
    /// - `name_lt`: Only records whose `name` is less than this.
    /// - `name_lte`: Only records whose `name` is at most this.
    /// - `name_like`: Only records whose `name` matches this SQL LIKE pattern (`%` any text, `_` one character).
    /// - `name_in`: Only records whose `name` is one of these values (comma-separated, 1 to 100).
    /// - `email`: Only records whose `email` equals this.
    /// - `email_ne`: Only records whose `email` differs from this.
    /// - `email_gt`: Only records whose `email` is greater than this.
    /// - `email_gte`: Only records whose `email` is at least this.
    /// - `email_lt`: Only records whose `email` is less than this.
    /// - `email_lte`: Only records whose `email` is at most this.
    /// - `email_like`: Only records whose `email` matches this SQL LIKE pattern (`%` any text, `_` one character).
    /// - `email_in`: Only records whose `email` is one of these values (comma-separated, 1 to 100).
    /// - `phone`: Only records whose `phone` equals this.
    /// - `phone_ne`: Only records whose `phone` differs from this.
    /// - `phone_gt`: Only records whose `phone` is greater than this.
    /// - `phone_gte`: Only records whose `phone` is at least this.
    /// - `phone_lt`: Only records whose `phone` is less than this.
    /// - `phone_lte`: Only records whose `phone` is at most this.
    /// - `phone_like`: Only records whose `phone` matches this SQL LIKE pattern (`%` any text, `_` one character).
    /// - `phone_in`: Only records whose `phone` is one of these values (comma-separated, 1 to 100).
    /// - `tier`: Only records whose `tier` equals this.
    /// - `tier_ne`: Only records whose `tier` differs from this.
    /// - `tier_gt`: Only records whose `tier` is greater than this.
    /// - `tier_gte`: Only records whose `tier` is at least this.
    /// - `tier_lt`: Only records whose `tier` is less than this.
    /// - `tier_lte`: Only records whose `tier` is at most this.
    /// - `tier_like`: Only records whose `tier` matches this SQL LIKE pattern (`%` any text, `_` one character).
    /// - `tier_in`: Only records whose `tier` is one of these values (comma-separated, 1 to 100).
    /// - `newsletter`: Only records whose `newsletter` equals this.
    /// - `newsletter_ne`: Only records whose `newsletter` differs from this.
    /// - `newsletter_in`: Only records whose `newsletter` is one of these values (comma-separated, 1 to 100).
    #[allow(clippy::too_many_arguments)]
    pub async fn list_customers(
        &self,
        limit: Option<i64>,
        cursor: Option<&str>,
        page: Option<i64>,
        sort: Option<&str>,
        fields: Option<&str>,
        id: Option<i64>,
        id_ne: Option<i64>,
        id_gt: Option<i64>,
        id_gte: Option<i64>,
        id_lt: Option<i64>,
        id_lte: Option<i64>,
        id_in: Option<&[i64]>,
        owner_id: Option<&str>,
        owner_id_ne: Option<&str>,
        owner_id_gt: Option<&str>,
        owner_id_gte: Option<&str>,
        owner_id_lt: Option<&str>,
        owner_id_lte: Option<&str>,
        owner_id_like: Option<&str>,
        owner_id_in: Option<&[String]>,
        created_at: Option<::chrono::DateTime<::chrono::Utc>>,
        created_at_ne: Option<::chrono::DateTime<::chrono::Utc>>,
        created_at_gt: Option<::chrono::DateTime<::chrono::Utc>>,
        created_at_gte: Option<::chrono::DateTime<::chrono::Utc>>,
        created_at_lt: Option<::chrono::DateTime<::chrono::Utc>>,
        created_at_lte: Option<::chrono::DateTime<::chrono::Utc>>,
        created_at_in: Option<&[::chrono::DateTime<::chrono::Utc>]>,
        updated_at: Option<::chrono::DateTime<::chrono::Utc>>,
        updated_at_ne: Option<::chrono::DateTime<::chrono::Utc>>,
        updated_at_gt: Option<::chrono::DateTime<::chrono::Utc>>,
        updated_at_gte: Option<::chrono::DateTime<::chrono::Utc>>,
        updated_at_lt: Option<::chrono::DateTime<::chrono::Utc>>,
        updated_at_lte: Option<::chrono::DateTime<::chrono::Utc>>,
        updated_at_in: Option<&[::chrono::DateTime<::chrono::Utc>]>,
        name: Option<&str>,
        name_ne: Option<&str>,
        name_gt: Option<&str>,
        name_gte: Option<&str>,
        name_lt: Option<&str>,
        name_lte: Option<&str>,
        name_like: Option<&str>,
        name_in: Option<&[String]>,
        email: Option<&str>,
        email_ne: Option<&str>,
        email_gt: Option<&str>,
        email_gte: Option<&str>,
        email_lt: Option<&str>,
        email_lte: Option<&str>,
        email_like: Option<&str>,
        email_in: Option<&[String]>,
        phone: Option<&str>,
        phone_ne: Option<&str>,
        phone_gt: Option<&str>,
        phone_gte: Option<&str>,
        phone_lt: Option<&str>,
        phone_lte: Option<&str>,
        phone_like: Option<&str>,
        phone_in: Option<&[String]>,
        tier: Option<&str>,
        tier_ne: Option<&str>,
        tier_gt: Option<&str>,
        tier_gte: Option<&str>,
        tier_lt: Option<&str>,
        tier_lte: Option<&str>,
        tier_like: Option<&str>,
        tier_in: Option<&[String]>,
        newsletter: Option<bool>,
        newsletter_ne: Option<bool>,
        newsletter_in: Option<&[bool]>,
    ) -> Result<crate::types::CustomersList, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/data/customers".to_owned())
                    .query("limit", &limit)?
                    .query("cursor", &cursor)?
                    .query("page", &page)?
                    .query("sort", &sort)?
                    .query("fields", &fields)?
                    .query("id", &id)?
                    .query("id[ne]", &id_ne)?
                    .query("id[gt]", &id_gt)?
                    .query("id[gte]", &id_gte)?
                    .query("id[lt]", &id_lt)?
                    .query("id[lte]", &id_lte)?
                    .query_joined("id[in]", &id_in)?
                    .query("owner_id", &owner_id)?
                    .query("owner_id[ne]", &owner_id_ne)?
                    .query("owner_id[gt]", &owner_id_gt)?
                    .query("owner_id[gte]", &owner_id_gte)?
                    .query("owner_id[lt]", &owner_id_lt)?
                    .query("owner_id[lte]", &owner_id_lte)?
                    .query("owner_id[like]", &owner_id_like)?
                    .query_joined("owner_id[in]", &owner_id_in)?
                    .query("created_at", &created_at)?
                    .query("created_at[ne]", &created_at_ne)?
                    .query("created_at[gt]", &created_at_gt)?
                    .query("created_at[gte]", &created_at_gte)?
                    .query("created_at[lt]", &created_at_lt)?
                    .query("created_at[lte]", &created_at_lte)?
                    .query_joined("created_at[in]", &created_at_in)?
                    .query("updated_at", &updated_at)?
                    .query("updated_at[ne]", &updated_at_ne)?
                    .query("updated_at[gt]", &updated_at_gt)?
                    .query("updated_at[gte]", &updated_at_gte)?
                    .query("updated_at[lt]", &updated_at_lt)?
                    .query("updated_at[lte]", &updated_at_lte)?
                    .query_joined("updated_at[in]", &updated_at_in)?
                    .query("name", &name)?
                    .query("name[ne]", &name_ne)?
                    .query("name[gt]", &name_gt)?
                    .query("name[gte]", &name_gte)?
                    .query("name[lt]", &name_lt)?
                    .query("name[lte]", &name_lte)?
                    .query("name[like]", &name_like)?
                    .query_joined("name[in]", &name_in)?
                    .query("email", &email)?
                    .query("email[ne]", &email_ne)?
                    .query("email[gt]", &email_gt)?
                    .query("email[gte]", &email_gte)?
                    .query("email[lt]", &email_lt)?
                    .query("email[lte]", &email_lte)?
                    .query("email[like]", &email_like)?
                    .query_joined("email[in]", &email_in)?
                    .query("phone", &phone)?
                    .query("phone[ne]", &phone_ne)?
                    .query("phone[gt]", &phone_gt)?
                    .query("phone[gte]", &phone_gte)?
                    .query("phone[lt]", &phone_lt)?
                    .query("phone[lte]", &phone_lte)?
                    .query("phone[like]", &phone_like)?
                    .query_joined("phone[in]", &phone_in)?
                    .query("tier", &tier)?
                    .query("tier[ne]", &tier_ne)?
                    .query("tier[gt]", &tier_gt)?
                    .query("tier[gte]", &tier_gte)?
                    .query("tier[lt]", &tier_lt)?
                    .query("tier[lte]", &tier_lte)?
                    .query("tier[like]", &tier_like)?
                    .query_joined("tier[in]", &tier_in)?
                    .query("newsletter", &newsletter)?
                    .query("newsletter[ne]", &newsletter_ne)?
                    .query_joined("newsletter[in]", &newsletter_in)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Default,
                ],
            )
    }

    /// Create a customers record.
    ///
    /// The bakery's customers: contact details and preferences.
    ///
    /// Signed-in users see and change their own records; staff and admins see and change all.
    ///
    /// Sends `POST /data/customers`.
    pub async fn create_customers(
        &self,
        body: &crate::types::CustomersInput,
    ) -> Result<crate::types::Customers, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/data/customers".to_owned())
                    .json("application/json", &body)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(409),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Code(422),
                    runtime::Status::Default,
                ],
            )
    }

    /// Read one customers record.
    ///
    /// The bakery's customers: contact details and preferences.
    ///
    /// Signed-in users see and change their own records; staff and admins see and change all.
    ///
    /// Sends `GET /data/customers/{id}`.
    ///
    /// # Arguments
    ///
    /// - `id`: The record's id.
    /// - `fields`: Comma-separated fields to return (`id` always is): id, owner_id, created_at, updated_at, name, email, phone, tier, allergies, newsletter.
    pub async fn get_customers(
        &self,
        id: i64,
        fields: Option<&str>,
    ) -> Result<crate::types::CustomersPartial, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/data/customers/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .query("fields", &fields)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(404),
                    runtime::Status::Default,
                ],
            )
    }

    /// Replace a customers record.
    ///
    /// The bakery's customers: contact details and preferences.
    ///
    /// Signed-in users see and change their own records; staff and admins see and change all.
    ///
    /// Sends `PUT /data/customers/{id}`.
    ///
    /// # Arguments
    ///
    /// - `id`: The record's id.
    pub async fn replace_customers(
        &self,
        id: i64,
        body: &crate::types::CustomersInput,
    ) -> Result<crate::types::Customers, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PUT,
                        ["/data/customers/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Code(409),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Code(422),
                    runtime::Status::Default,
                ],
            )
    }

    /// Delete a customers record.
    ///
    /// The bakery's customers: contact details and preferences.
    ///
    /// Signed-in users see and change their own records; staff and admins see and change all.
    ///
    /// Sends `DELETE /data/customers/{id}`.
    ///
    /// # Arguments
    ///
    /// - `id`: The record's id.
    pub async fn delete_customers(
        &self,
        id: i64,
    ) -> Result<(), runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::DELETE,
                        ["/data/customers/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .empty(
                &[runtime::Status::Code(204)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(404),
                    runtime::Status::Code(409),
                    runtime::Status::Default,
                ],
            )
    }

    /// Change fields of a customers record.
    ///
    /// The bakery's customers: contact details and preferences.
    ///
    /// Signed-in users see and change their own records; staff and admins see and change all.
    ///
    /// Sends `PATCH /data/customers/{id}`.
    ///
    /// # Arguments
    ///
    /// - `id`: The record's id.
    pub async fn update_customers(
        &self,
        id: i64,
        body: &crate::types::CustomersPatch,
    ) -> Result<crate::types::Customers, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::PATCH,
                        ["/data/customers/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .json("application/json", &body)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Code(409),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Code(422),
                    runtime::Status::Default,
                ],
            )
    }

    /// Today's menu.
    ///
    /// Everything that can be ordered, cheapest first. Anyone may read it.
    ///
    /// Sends `GET /menu`.
    pub async fn menu(
        &self,
    ) -> Result<Vec<crate::types::MenuItem>, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/menu".to_owned())
                    .security(&[]),
            )
            .await?
            .json(&[runtime::Status::Code(200)], &[runtime::Status::Default])
    }

    /// All orders to pick up on a day, for staff.
    ///
    /// Requires role: staff.
    ///
    /// Sends `GET /orders`.
    ///
    /// # Arguments
    ///
    /// - `date`: Pickup day, `YYYY-MM-DD`.
    pub async fn orders_of_day(
        &self,
        date: ::chrono::NaiveDate,
    ) -> Result<Vec<crate::types::Order>, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/orders".to_owned())
                    .query("date", &date)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Default,
                ],
            )
    }

    /// Place an order for the signed-in customer.
    ///
    /// Lines are checked against the menu and the pickup day may not be
    /// before today (UTC); the total is computed here, in cents.
    ///
    /// Sends `POST /orders`.
    pub async fn place_order(
        &self,
        body: &crate::types::NewOrder,
    ) -> Result<crate::types::Order, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::POST, "/orders".to_owned())
                    .json("application/json", &body)?
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(201)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(413),
                    runtime::Status::Code(415),
                    runtime::Status::Default,
                ],
            )
    }

    /// The signed-in customer's orders, newest first (at most 100).
    ///
    /// Sends `GET /orders/mine`.
    pub async fn my_orders(
        &self,
    ) -> Result<Vec<crate::types::Order>, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(http::Method::GET, "/orders/mine".to_owned())
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[runtime::Status::Code(401), runtime::Status::Default],
            )
    }

    /// One order: its customer or staff may read it.
    ///
    /// Sends `GET /orders/{id}`.
    pub async fn get_order(
        &self,
        id: i64,
    ) -> Result<crate::types::Order, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::GET,
                        ["/orders/", runtime::path("id", &id)?.as_str()].concat(),
                    )
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(404),
                    runtime::Status::Default,
                ],
            )
    }

    /// Mark an order ready for pickup (staff).
    ///
    /// Requires role: staff.
    ///
    /// Sends `POST /orders/{id}/ready`.
    pub async fn mark_ready(
        &self,
        id: i64,
    ) -> Result<crate::types::Order, runtime::Error<crate::types::Problem>> {
        self.inner
            .execute(
                runtime::Request::new(
                        http::Method::POST,
                        ["/orders/", runtime::path("id", &id)?.as_str(), "/ready"]
                            .concat(),
                    )
                    .security(&[&["bearerAuth"], &["apiKeyAuth"]]),
            )
            .await?
            .json(
                &[runtime::Status::Code(200)],
                &[
                    runtime::Status::Code(400),
                    runtime::Status::Code(401),
                    runtime::Status::Code(403),
                    runtime::Status::Code(404),
                    runtime::Status::Default,
                ],
            )
    }
}
