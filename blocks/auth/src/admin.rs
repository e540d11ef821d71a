//! Admin operations: users (paged), roles, disabling, API keys.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{UserRecord, secret};
use clodo_sdk::auth::{User, unix_now};
use clodo_sdk::db::{Db, Statement};
use clodo_sdk::error::ApiError;
use clodo_sdk::params;
use clodo_sdk::time::rfc3339_utc;

use super::store::user_columns;
/// Default and largest page size.
const DEFAULT_LIMIT: u32 = 20;
const MAX_LIMIT: u32 = 100;
/// Role names: a lower-case letter, then up to 31 lower-case letters,
/// digits, `-` and `_`.
pub const ROLE_PATTERN: &str = "^[a-z][a-z0-9_-]{0,31}$";
/// Most roles of a user or key.
pub const MAX_ROLES: usize = 16;
/// An API key's name: 1 to 64 characters, not all spaces.
pub const KEY_NAME_PATTERN: &str = "[^\\t\\n\\r ]";
const MAX_KEY_NAME: usize = 64;
/// A cursor's form: base64url without padding.
const CURSOR_PATTERN: &str = "^[A-Za-z0-9_-]+$";

// The rules are declared on the types below (schemars attributes): the
// contract states them and the SDK checks every request against them.

/// Paging of a list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// Items per page, 1 to 100 (default 20).
    #[schemars(range(min = 1, max = MAX_LIMIT))]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page (an opaque base64url token).
    #[schemars(regex(pattern = CURSOR_PATTERN))]
    pub cursor: Option<String>,
}

/// A page of users.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct UserPage {
    /// Users, by email.
    pub items: Vec<UserRecord>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// New roles of a user.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetRoles {
    /// Role names: lower-case letters, digits, `-` and `_`, up to 32 characters; at most 16.
    #[schemars(length(max = MAX_ROLES), inner(regex(pattern = ROLE_PATTERN)))]
    pub roles: Vec<String>,
}

/// A new API key.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApiKey {
    /// What the key is for (1 to 64 characters, not all spaces).
    #[schemars(length(min = 1, max = MAX_KEY_NAME), regex(pattern = KEY_NAME_PATTERN))]
    pub name: String,
    /// Roles the key's principal holds: as for users' roles, at most 16.
    #[schemars(length(max = MAX_ROLES), inner(regex(pattern = ROLE_PATTERN)))]
    pub roles: Vec<String>,
}

/// A created API key: the only time the full key is shown.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct CreatedApiKey {
    /// Key id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Roles.
    pub roles: Vec<String>,
    /// Public prefix that identifies the key.
    pub prefix: String,
    /// The key: send as `X-Api-Key: <key>` or `Authorization: Bearer <key>`.
    pub key: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
}

/// An API key without its secret.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ApiKeyInfo {
    /// Key id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Roles.
    pub roles: Vec<String>,
    /// Public prefix.
    pub prefix: String,
    /// Id of the admin who created it.
    pub created_by: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it was last used, to the minute (RFC 3339).
    pub last_used_at: Option<String>,
    /// When it was revoked (RFC 3339).
    pub revoked_at: Option<String>,
}

/// Roles as stored: sorted, without repeats (their form is checked at extraction).
fn check_roles(roles: &[String]) -> Vec<String> {
    let mut out: Vec<String> = roles.to_vec();
    out.sort();
    out.dedup();
    out
}

/// One page of users by email.
pub(crate) async fn list_users(db: &Db, page: &PageQuery) -> Result<UserPage, ApiError> {
    let limit = page.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let after = match &page.cursor {
        None => String::new(),
        Some(c) => B64
            .decode(c)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| {
                ApiError::bad_request("query parameter `cursor` is not a cursor from this API")
            })?,
    };
    let mut items: Vec<UserRecord> = db
        .query(
            concat!(
                "SELECT ",
                user_columns!(),
                " FROM auth_users WHERE email > ?1 ORDER BY email LIMIT ?2"
            ),
            params![after, i64::from(limit) + 1],
        )
        .await?;
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(|u| B64.encode(&u.email))
    } else {
        None
    };
    Ok(UserPage { items, next_cursor })
}

async fn user_or_404(db: &Db, id: &str) -> Result<UserRecord, ApiError> {
    super::store::find_user(db, id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no user with id {id}")))
}

/// Replaces a user's roles.
pub(crate) async fn set_roles(db: &Db, id: &str, roles: &[String]) -> Result<UserRecord, ApiError> {
    let roles = check_roles(roles);
    let json = serde_json::to_string(&roles).map_err(ApiError::internal)?;
    let changed = db
        .execute(
            "UPDATE auth_users SET roles = ?1 WHERE id = ?2",
            params![json, id],
        )
        .await?;
    if changed.rows_affected == 0 {
        return Err(ApiError::not_found(format!("no user with id {id}")));
    }
    user_or_404(db, id).await
}

/// Disables (ending every session) or enables a user.
pub(crate) async fn set_disabled(
    db: &Db,
    id: &str,
    disabled: bool,
) -> Result<UserRecord, ApiError> {
    let now = unix_now() as i64;
    let mut stmts = vec![Statement::new(
        "UPDATE auth_users SET disabled = ?1, disabled_at = CASE WHEN ?1 = 1 THEN ?2 ELSE NULL END WHERE id = ?3",
        params![disabled, now, id],
    )];
    if disabled {
        stmts.push(Statement::new(
            "UPDATE auth_sessions SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL",
            params![now, id],
        ));
    }
    let results = db.batch(stmts).await?;
    if results.first().is_none_or(|r| r.rows_affected == 0) {
        return Err(ApiError::not_found(format!("no user with id {id}")));
    }
    user_or_404(db, id).await
}

/// Creates an API key; returns it with the full key, stored only as a hash.
pub(crate) async fn create_api_key(
    db: &Db,
    admin: &User,
    new: &NewApiKey,
) -> Result<CreatedApiKey, ApiError> {
    let name = new.name.as_str();
    let roles = check_roles(&new.roles);
    let mut raw = [0u8; 4];
    getrandom::fill(&mut raw).map_err(|e| ApiError::internal(e.to_string()))?;
    let prefix: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let key = format!("ck_{prefix}_{}", secret::random_token(32)?);
    let id = secret::random_id("key")?;
    let created_at = rfc3339_utc(unix_now());
    let roles_json = serde_json::to_string(&roles).map_err(ApiError::internal)?;
    db.execute(
        "INSERT INTO auth_api_keys (id, prefix, key_hash, name, roles, created_by, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id.as_str(),
            prefix.as_str(),
            secret::hash(&key),
            name,
            roles_json,
            admin.id.as_str(),
            created_at.as_str()
        ],
    )
    .await?;
    Ok(CreatedApiKey {
        id,
        name: name.to_owned(),
        roles,
        prefix,
        key,
        created_at,
    })
}

/// Every API key, newest first, without secrets.
pub(crate) async fn list_api_keys(db: &Db) -> Result<Vec<ApiKeyInfo>, ApiError> {
    Ok(db
        .query(
            "SELECT id, name, roles, prefix, created_by, created_at, last_used_at, revoked_at \
             FROM auth_api_keys ORDER BY created_at DESC, id",
            params![],
        )
        .await?)
}

/// Revokes a key.
pub(crate) async fn revoke_api_key(db: &Db, id: &str) -> Result<(), ApiError> {
    let r = db
        .execute(
            "UPDATE auth_api_keys SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL",
            params![rfc3339_utc(unix_now()), id],
        )
        .await?;
    if r.rows_affected == 0 {
        return Err(ApiError::not_found(format!(
            "no active API key with id {id}"
        )));
    }
    Ok(())
}
