//! # clodo-auth
//!
//! The generic auth block: magic-link sign-in, sessions with rotating
//! refresh tokens, users and roles, API keys.
//!
//! It is an ordinary `#[clodo_block]`, built on the public API of
//! `clodo-sdk` only, as a third party's block would be: it depends on
//! `clodo-sdk` (and on crates from the registry), never on another Clodo
//! block, and nothing in `clodo-sdk` depends on it. The SDK core verifies the
//! tokens this block issues ([`clodo_sdk::auth`]) and asks it, through the
//! [`clodo_sdk::app::AuthHooks`] it installs, whether a user or session
//! still stands and which API keys are valid.
//!
//! Mount it beside custom blocks with [`mount`]:
//!
//! ```no_run
//! use clodo_auth::AuthConfig;
//! use clodo_sdk::App;
//!
//! let app = clodo_auth::mount(App::new(), "/auth", AuthConfig::default().admins(["owner@bakery.example"]));
//! ```
//!
//! - `POST /auth/magic-link {email}` always answers 202 with the same body
//!   (no account enumeration), rate-limited per email and per client address
//!   in the database (429 with `Retry-After`), and mails a single-use link
//!   whose token is 32 random bytes, stored hashed, valid 15 minutes.
//! - `POST /auth/verify {token}` exchanges it for a session: a short-lived
//!   access token (the HS256 token the SDK verifies) and an opaque refresh
//!   token (stored hashed). The first sign-in of an email creates the user.
//! - `POST /auth/refresh {refresh_token}` rotates the pair; presenting an
//!   already-rotated refresh token revokes the whole session (theft detection).
//! - `POST /auth/logout` ends the session; `GET /auth/me` shows the user.
//! - The link opens the domain's `settings.sign_in_url` (its front end);
//!   in development without one, `GET /auth/sign-in`, a minimal HTML page
//!   of this block that completes the sign-in (see [`sign_in`]).
//! - Admins (role `admin`) list users, set roles, disable and enable users,
//!   and create, list and revoke API keys. The first admin comes from
//!   [`AuthConfig::admins`], never from an open endpoint.
//!
//! A disabled user or a logged-out session is refused at once by the process
//! that made the change and within [`AuthConfig::revocation_refresh_secs`]
//! by other processes of the domain; the access token's lifetime bounds it
//! in any case.
#![deny(missing_docs)]

mod admin;
mod config;
mod hooks;
mod mailer;
mod secret;
pub mod sign_in;
mod store;

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use config::{AuthConfig, RateLimit};
#[cfg(target_arch = "wasm32")]
pub use mailer::DEV_OUTBOX_TABLE;
pub use mailer::{DevMailer, HttpMailer, MAILER_API_KEY_SECRET, MailError, Mailer, Message};

pub use admin::{ApiKeyInfo, CreatedApiKey, NewApiKey, PageQuery, SetRoles, UserPage};
pub use sign_in::SignInQuery;

use clodo_sdk::App;
use clodo_sdk::auth::{PrincipalKind, User};
use clodo_sdk::ctx::Ctx;
use clodo_sdk::error::{ApiError, FieldError};
use clodo_sdk::extract::{Json, Path, Query};
use clodo_sdk::response::{Created, Html, NoContent, WithStatus};
use hooks::Hooks;

/// What handlers of the auth block share: its config and its hooks.
pub(crate) struct AuthState {
    config: AuthConfig,
    hooks: Arc<Hooks>,
}

/// Mounts the auth block at `prefix` with `config`, and installs its hooks
/// (API keys, disabled users, ended sessions) into the app's token check.
pub fn mount(app: App, prefix: &str, config: AuthConfig) -> App {
    // Revocations are kept in view for as long as any access token they end
    // may live: a domain may raise the access lifetime in its settings (up
    // to a day), so the window covers the longest it can be.
    let hooks = Arc::new(Hooks::new(
        config.revocation_refresh_secs,
        config.access_ttl_secs.max(MAX_ACCESS_TTL_SECS),
    ));
    app.with_state(AuthState {
        config,
        hooks: Arc::clone(&hooks),
    })
    .with_auth_hooks_of("auth", hooks)
    .with_feature_rule(sign_in::PAGE_FLAG, sign_in::page_by_default)
    .mount::<AuthBlock>(prefix)
}

/// The longest access-token lifetime a domain's settings may ask for.
pub const MAX_ACCESS_TTL_SECS: u64 = 24 * 3600;

/// The auth config with the domain's `[settings]` applied (token lifetimes,
/// rate limits): one codebase, each domain its own numbers.
fn domain_config(st: &AuthState, ctx: &Ctx) -> AuthConfig {
    let s = &ctx.runtime().domain.settings;
    let mut config = st.config.clone();
    if let Some(v) = s.access_token_ttl_secs {
        config.access_ttl_secs = v;
    }
    if let Some(v) = s.refresh_token_ttl_secs {
        config.refresh_ttl_secs = v;
    }
    if let Some(v) = s.magic_link_ttl_secs {
        config.link_ttl_secs = v;
    }
    let limits = &s.rate_limits;
    if let Some(window) = limits.window_secs {
        config.per_email.window_secs = window;
        config.per_client.window_secs = window;
    }
    if let Some(max) = limits.magic_link_per_email {
        config.per_email.max = max;
    }
    if let Some(max) = limits.magic_link_per_address {
        config.per_client.max = max;
    }
    config
}

fn state(ctx: &Ctx) -> Result<&AuthState, ApiError> {
    ctx.state::<AuthState>()
        .ok_or_else(|| ApiError::internal("the auth block was mounted without clodo_auth::mount"))
}

/// Normalizes an email address (trimmed, lower-case) if it looks like one.
pub fn normalize_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    clodo_sdk::validate::is_email(&email).then_some(email)
}

/// Asks for a sign-in link.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MagicLinkRequest {
    /// Where to send the link.
    #[schemars(email, length(max = 254))]
    pub email: String,
}

/// The answer to every accepted magic-link request, known address or not.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct MagicLinkAccepted {
    /// What happens next.
    pub message: String,
}

/// Exchanges a sign-in link's token for a session.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    /// The token from the sign-in link.
    pub token: String,
}

/// Rotates a session's tokens.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The current refresh token.
    pub refresh_token: String,
}

/// A user of the domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct UserRecord {
    /// Stable id.
    pub id: String,
    /// Normalized email.
    pub email: String,
    /// Roles.
    pub roles: Vec<String>,
    /// Whether the user may no longer sign in.
    pub disabled: bool,
    /// When the user first signed in (RFC 3339).
    pub created_at: String,
    /// Last sign-in (RFC 3339).
    pub last_sign_in_at: Option<String>,
}

/// A session: tokens to call the API with and to renew them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Session {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// Single-use token for `POST /auth/refresh`.
    pub refresh_token: String,
    /// Who signed in.
    pub user: UserRecord,
}

const ACCEPTED: &str = "If the address can sign in, a sign-in link is on its way.";

fn invalid_email(raw: &str) -> ApiError {
    ApiError::unprocessable(
        "the request is invalid",
        vec![FieldError {
            field: "email".into(),
            message: format!("{raw:?} is not an email address"),
        }],
    )
}

/// Magic-link sign-in, sessions, users and roles, API keys.
// Its migrations live under src/, not in the default `migrations/`, which
// the test blocks of this crate would otherwise take as theirs.
#[clodo_sdk::clodo_block(
    name = "auth",
    version = "0.1.0",
    migrations = "src/migrations",
    features(magic_link_auth = true, dev_sign_in_page = false)
)]
impl AuthBlock {
    /// Ask for a sign-in link.
    ///
    /// Always 202 with the same body, whether or not the address is known.
    #[post("/magic-link")]
    #[public]
    #[feature("magic_link_auth")]
    async fn request_magic_link(
        ctx: &Ctx,
        body: Json<MagicLinkRequest>,
    ) -> Result<WithStatus<202, MagicLinkAccepted>, ApiError> {
        let st = state(ctx)?;
        let config = domain_config(st, ctx);
        let email = normalize_email(&body.email).ok_or_else(|| invalid_email(&body.email))?;
        store::rate_limit(
            ctx.db(),
            &format!("email:{}", secret::hash(&email)),
            config.per_email,
        )
        .await?;
        if let Some(addr) = ctx.client_addr() {
            store::rate_limit(ctx.db(), &format!("client:{addr}"), config.per_client).await?;
        }
        if !store::is_disabled_email(ctx.db(), &email).await? {
            store::send_magic_link(ctx, &config, &email).await?;
        }
        Ok(WithStatus(MagicLinkAccepted {
            message: ACCEPTED.to_owned(),
        }))
    }

    /// Exchange a sign-in link's token for a session.
    ///
    /// A used, expired or unknown token: 401, with the same message for all three.
    #[post("/verify")]
    #[public]
    #[feature("magic_link_auth")]
    async fn verify(ctx: &Ctx, body: Json<VerifyRequest>) -> Result<Json<Session>, ApiError> {
        let st = state(ctx)?;
        let config = domain_config(st, ctx);
        let email = store::consume_magic_link(ctx.db(), &body.token)
            .await?
            .ok_or_else(|| {
                ApiError::unauthorized("this sign-in link is invalid, expired or already used")
            })?;
        let user = store::upsert_user(ctx.db(), &email, config.admins.contains(&email)).await?;
        if user.disabled {
            return Err(ApiError::forbidden("this account is disabled"));
        }
        Ok(Json(store::start_session(ctx, &config, user).await?))
    }

    /// The development sign-in page, which the magic link opens.
    ///
    /// Served only in development to a domain without `settings.sign_in_url`:
    /// it sends the link's `token` to `verify` and shows the access token.
    #[get("/sign-in")]
    #[public]
    #[feature("dev_sign_in_page")]
    async fn sign_in_page(ctx: &Ctx, _query: Query<SignInQuery>) -> Html {
        Html(sign_in::page(ctx.domain(), ctx.mount_prefix()))
    }

    /// Rotate a session's tokens.
    ///
    /// The old refresh token stops working; presenting it again ends the whole session.
    #[post("/refresh")]
    #[public]
    async fn refresh(ctx: &Ctx, body: Json<RefreshRequest>) -> Result<Json<Session>, ApiError> {
        let st = state(ctx)?;
        let config = domain_config(st, ctx);
        Ok(Json(
            store::rotate(ctx, &config, &st.hooks, &body.refresh_token).await?,
        ))
    }

    /// End the current session.
    #[post("/logout")]
    async fn logout(ctx: &Ctx, user: User) -> Result<NoContent, ApiError> {
        let st = state(ctx)?;
        let session = match (&user.kind, &user.session_id) {
            (PrincipalKind::Session, Some(s)) => s.clone(),
            _ => {
                // Not a malformed request: a credential that cannot do this.
                return Err(ApiError::forbidden(
                    "this credential has no session to end: an admin revokes an API key \
                     (DELETE api-keys/{id} of this block); a token without a session expires by itself",
                ));
            }
        };
        store::revoke_session(ctx.db(), &session).await?;
        st.hooks.note_revoked(ctx.domain(), &session);
        Ok(NoContent)
    }

    /// The signed-in user.
    #[get("/me")]
    async fn me(ctx: &Ctx, user: User) -> Result<Json<UserRecord>, ApiError> {
        if user.kind == PrincipalKind::ApiKey {
            return Err(ApiError::forbidden(
                "an API key is not a user; /me is for signed-in people",
            ));
        }
        let record = store::find_user(ctx.db(), &user.id)
            .await?
            .ok_or_else(|| ApiError::not_found("this user no longer exists"))?;
        Ok(Json(record))
    }

    /// List users, by email (admin).
    #[get("/users")]
    #[auth(role = "admin")]
    async fn list_users(ctx: &Ctx, page: Query<PageQuery>) -> Result<Json<UserPage>, ApiError> {
        Ok(Json(admin::list_users(ctx.db(), &page).await?))
    }

    /// Replace a user's roles (admin).
    ///
    /// Tokens already issued keep their roles until they expire.
    #[put("/users/{id}/roles")]
    #[auth(role = "admin")]
    async fn set_roles(
        ctx: &Ctx,
        id: Path<String>,
        body: Json<SetRoles>,
    ) -> Result<Json<UserRecord>, ApiError> {
        Ok(Json(admin::set_roles(ctx.db(), &id, &body.roles).await?))
    }

    /// Disable a user: no sign-in, no refresh, tokens refused (admin).
    #[post("/users/{id}/disable")]
    #[auth(role = "admin")]
    async fn disable_user(ctx: &Ctx, id: Path<String>) -> Result<Json<UserRecord>, ApiError> {
        let st = state(ctx)?;
        let record = admin::set_disabled(ctx.db(), &id, true).await?;
        st.hooks.note_disabled(ctx.domain(), &id, true);
        Ok(Json(record))
    }

    /// Enable a disabled user again (admin).
    #[post("/users/{id}/enable")]
    #[auth(role = "admin")]
    async fn enable_user(ctx: &Ctx, id: Path<String>) -> Result<Json<UserRecord>, ApiError> {
        let st = state(ctx)?;
        let record = admin::set_disabled(ctx.db(), &id, false).await?;
        st.hooks.note_disabled(ctx.domain(), &id, false);
        Ok(Json(record))
    }

    /// Create an API key for a service (admin).
    ///
    /// The full key is in this response only; store it now.
    #[post("/api-keys")]
    #[auth(role = "admin")]
    async fn create_api_key(
        ctx: &Ctx,
        user: User,
        body: Json<NewApiKey>,
    ) -> Result<Created<CreatedApiKey>, ApiError> {
        let key = admin::create_api_key(ctx.db(), &user, &body).await?;
        Ok(Created::new(format!("/api-keys/{}", key.id), key))
    }

    /// List API keys, without their secrets (admin).
    #[get("/api-keys")]
    #[auth(role = "admin")]
    async fn list_api_keys(ctx: &Ctx) -> Result<Json<Vec<ApiKeyInfo>>, ApiError> {
        Ok(Json(admin::list_api_keys(ctx.db()).await?))
    }

    /// Revoke an API key (admin).
    #[delete("/api-keys/{id}")]
    #[auth(role = "admin")]
    async fn revoke_api_key(ctx: &Ctx, id: Path<String>) -> Result<NoContent, ApiError> {
        admin::revoke_api_key(ctx.db(), &id).await?;
        Ok(NoContent)
    }
}

/// The auth block (mount it with [`mount`]).
#[derive(Debug, Clone, Copy)]
pub struct AuthBlock;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_and_checked() {
        assert_eq!(
            normalize_email("  Alice@Example.COM "),
            Some("alice@example.com".into())
        );
        for bad in [
            "",
            "alice",
            "@example.com",
            "alice@",
            "alice@example",
            "a b@example.com",
            "a@b@example.com",
            "alice@.com",
        ] {
            assert_eq!(normalize_email(bad), None, "{bad}");
        }
    }
}
