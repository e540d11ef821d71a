//! The auth block's SQL: magic links, users, sessions, refresh tokens and
//! rate limits. Every statement takes bound parameters only.

use serde::Deserialize;

use super::config::{AuthConfig, RateLimit};
use super::hooks::Hooks;
use super::mailer::Message;
use super::{Session, UserRecord, secret};
use clodo_sdk::auth::{User, unix_now};
use clodo_sdk::ctx::Ctx;
use clodo_sdk::db::{Db, Statement};
use clodo_sdk::error::ApiError;
use clodo_sdk::params;
use clodo_sdk::time::rfc3339_utc;

/// The columns of a [`UserRecord`], as a macro so queries are built by `concat!`.
macro_rules! user_columns {
    () => {
        "id, email, roles, disabled, created_at, last_sign_in_at"
    };
}
pub(crate) use user_columns;

#[derive(Deserialize)]
struct Count {
    count: i64,
}

/// Counts a request in `bucket`'s current window; 429 with `Retry-After` past the limit.
pub(crate) async fn rate_limit(db: &Db, bucket: &str, limit: RateLimit) -> Result<(), ApiError> {
    let now = unix_now();
    let window = limit.window_secs.max(1);
    let start = now - now % window;
    let row: Option<Count> = db
        .first(
            "INSERT INTO auth_rate_limits (bucket, window_start, count) VALUES (?1, ?2, 1) \
             ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1 RETURNING count",
            params![bucket, start as i64],
        )
        .await?;
    let count = row.map_or(0, |r| r.count);
    if count > i64::from(limit.max) {
        return Err(ApiError::too_many_requests(
            (start + window).saturating_sub(now).max(1),
        ));
    }
    Ok(())
}

#[derive(Deserialize)]
struct Disabled {
    disabled: bool,
}

/// Whether `email` belongs to a disabled user.
pub(crate) async fn is_disabled_email(db: &Db, email: &str) -> Result<bool, ApiError> {
    let row: Option<Disabled> = db
        .first(
            "SELECT disabled FROM auth_users WHERE email = ?1",
            params![email],
        )
        .await?;
    Ok(row.is_some_and(|r| r.disabled))
}

/// Creates a link token, stores its hash and mails the link. When the mailer
/// fails the token is deleted and the caller gets 503.
pub(crate) async fn send_magic_link(
    ctx: &Ctx,
    config: &AuthConfig,
    email: &str,
) -> Result<(), ApiError> {
    let page = super::sign_in::link_target(ctx, config)?;
    let token = secret::random_token(32)?;
    let hash = secret::hash(&token);
    let expires = unix_now() + config.link_ttl_secs;
    ctx.db()
        .execute(
            "INSERT INTO auth_magic_links (token_hash, email, expires_at) VALUES (?1, ?2, ?3)",
            params![hash.as_str(), email, expires as i64],
        )
        .await?;
    let sep = if page.contains('?') { '&' } else { '?' };
    let link = format!("{page}{sep}token={token}");
    let minutes = config.link_ttl_secs.div_ceil(60);
    let msg = Message {
        from: config.from.clone(),
        to: email.to_owned(),
        subject: format!("Sign in to {}", ctx.domain()),
        text: format!(
            "Sign in to {} with this link:\n\n{link}\n\nIt works once and expires in {minutes} minutes. \
             If you did not ask for it, ignore this message.\n",
            ctx.domain()
        ),
        link,
    };
    if let Err(e) = config.mailer.send(ctx.runtime(), &msg).await {
        tracing::error!(request_id = ctx.request_id(), error = %e, "sign-in message not sent");
        ctx.db()
            .execute(
                "DELETE FROM auth_magic_links WHERE token_hash = ?1",
                params![hash.as_str()],
            )
            .await?;
        return Err(ApiError::unavailable(
            "the sign-in message could not be sent; try again later",
        ));
    }
    Ok(())
}

#[derive(Deserialize)]
struct EmailRow {
    email: String,
}

/// Marks a link token used, once; returns its email if it was valid.
pub(crate) async fn consume_magic_link(db: &Db, token: &str) -> Result<Option<String>, ApiError> {
    let now = unix_now() as i64;
    let row: Option<EmailRow> = db
        .first(
            "UPDATE auth_magic_links SET used_at = ?1 \
             WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1 RETURNING email",
            params![now, secret::hash(token)],
        )
        .await?;
    Ok(row.map(|r| r.email))
}

/// Finds or creates the user of `email`, recording the sign-in; grants
/// `admin` when the config names the email.
pub(crate) async fn upsert_user(
    db: &Db,
    email: &str,
    make_admin: bool,
) -> Result<UserRecord, ApiError> {
    let now = rfc3339_utc(unix_now());
    let id = secret::random_id("usr")?;
    let roles = if make_admin { r#"["admin"]"# } else { "[]" };
    let user: Option<UserRecord> = db
        .first(
            concat!(
                "INSERT INTO auth_users (id, email, roles, created_at, last_sign_in_at) VALUES (?1, ?2, ?3, ?4, ?4) \
                 ON CONFLICT (email) DO UPDATE SET last_sign_in_at = ?4 RETURNING ",
                user_columns!()
            ),
            params![id, email, roles, now],
        )
        .await?;
    let mut user = user.ok_or_else(|| ApiError::internal("user upsert returned no row"))?;
    if make_admin && !user.roles.iter().any(|r| r == "admin") {
        user.roles.push("admin".to_owned());
        let json = serde_json::to_string(&user.roles).map_err(ApiError::internal)?;
        db.execute(
            "UPDATE auth_users SET roles = ?1 WHERE id = ?2",
            params![json, user.id.as_str()],
        )
        .await?;
    }
    Ok(user)
}

/// The user with `id`.
pub(crate) async fn find_user(db: &Db, id: &str) -> Result<Option<UserRecord>, ApiError> {
    Ok(db
        .first(
            concat!("SELECT ", user_columns!(), " FROM auth_users WHERE id = ?1"),
            params![id],
        )
        .await?)
}

fn issue(
    ctx: &Ctx,
    config: &AuthConfig,
    user: &UserRecord,
    session_id: &str,
    refresh: String,
) -> Session {
    let principal = User {
        session_id: Some(session_id.to_owned()),
        ..User::new(user.id.clone(), user.email.clone(), user.roles.clone())
    };
    let access = ctx
        .runtime()
        .keys
        .mint(&principal, unix_now(), config.access_ttl_secs);
    Session {
        access_token: access,
        token_type: "Bearer".to_owned(),
        expires_in: config.access_ttl_secs,
        refresh_token: refresh,
        user: user.clone(),
    }
}

/// Starts a session for `user`: a session row and its first refresh token.
pub(crate) async fn start_session(
    ctx: &Ctx,
    config: &AuthConfig,
    user: UserRecord,
) -> Result<Session, ApiError> {
    let now = unix_now();
    let session_id = secret::random_id("ses")?;
    let refresh = secret::random_token(32)?;
    ctx.db()
        .batch(vec![
            Statement::new(
                "INSERT INTO auth_sessions (id, user_id, created_at) VALUES (?1, ?2, ?3)",
                params![session_id.as_str(), user.id.as_str(), now as i64],
            ),
            Statement::new(
                "INSERT INTO auth_refresh_tokens (token_hash, session_id, expires_at) VALUES (?1, ?2, ?3)",
                params![secret::hash(&refresh), session_id.as_str(), (now + config.refresh_ttl_secs) as i64],
            ),
        ])
        .await?;
    Ok(issue(ctx, config, &user, &session_id, refresh))
}

#[derive(Deserialize)]
struct RefreshRow {
    session_id: String,
    expires_at: i64,
    rotated_at: Option<i64>,
    revoked_at: Option<i64>,
    user_id: String,
}

/// Revokes a session (all its refresh tokens with it).
pub(crate) async fn revoke_session(db: &Db, session_id: &str) -> Result<(), ApiError> {
    db.execute(
        "UPDATE auth_sessions SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
        params![unix_now() as i64, session_id],
    )
    .await?;
    Ok(())
}

/// Rotates a refresh token; a reused one revokes its session.
pub(crate) async fn rotate(
    ctx: &Ctx,
    config: &AuthConfig,
    hooks: &Hooks,
    token: &str,
) -> Result<Session, ApiError> {
    let db = ctx.db();
    let invalid =
        || ApiError::unauthorized("the refresh token is invalid or expired; sign in again");
    let now = unix_now();
    let row: Option<RefreshRow> = db
        .first(
            "SELECT r.session_id, r.expires_at, r.rotated_at, s.revoked_at, s.user_id \
             FROM auth_refresh_tokens AS r JOIN auth_sessions AS s ON s.id = r.session_id \
             WHERE r.token_hash = ?1",
            params![secret::hash(token)],
        )
        .await?;
    let row = row.ok_or_else(invalid)?;
    if row.revoked_at.is_some() || row.expires_at <= now as i64 {
        return Err(invalid());
    }
    if row.rotated_at.is_some() {
        revoke_session(db, &row.session_id).await?;
        hooks.note_revoked(ctx.domain(), &row.session_id);
        tracing::warn!(
            request_id = ctx.request_id(),
            "refresh token reused; session revoked"
        );
        return Err(ApiError::unauthorized(
            "this refresh token was already used; the session has been ended for safety, sign in again",
        ));
    }
    let user = find_user(db, &row.user_id).await?.ok_or_else(invalid)?;
    if user.disabled {
        return Err(ApiError::forbidden("this account is disabled"));
    }
    // Claim the old token first: of two concurrent refreshes, one wins.
    let claimed = db
        .execute(
            "UPDATE auth_refresh_tokens SET rotated_at = ?1 WHERE token_hash = ?2 AND rotated_at IS NULL",
            params![now as i64, secret::hash(token)],
        )
        .await?;
    if claimed.rows_affected != 1 {
        return Err(invalid());
    }
    let refresh = secret::random_token(32)?;
    db.execute(
        "INSERT INTO auth_refresh_tokens (token_hash, session_id, expires_at) VALUES (?1, ?2, ?3)",
        params![
            secret::hash(&refresh),
            row.session_id.as_str(),
            (now + config.refresh_ttl_secs) as i64
        ],
    )
    .await?;
    Ok(issue(ctx, config, &user, &row.session_id, refresh))
}
