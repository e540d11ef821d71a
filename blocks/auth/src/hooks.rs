//! What the auth block adds to every request's token check: disabled users
//! and revoked sessions are refused (from a per-domain cache reloaded every
//! few seconds, updated at once by this process's own changes), and API keys
//! are resolved to their principal.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use serde::Deserialize;

use super::secret;
use clodo_sdk::app::AuthHooks;
use clodo_sdk::auth::{PrincipalKind, User, unix_now};
use clodo_sdk::ctx::DomainRuntime;
use clodo_sdk::error::ApiError;
use clodo_sdk::maybe_send::BoxFuture;
use clodo_sdk::params;

#[derive(Default)]
struct Revocations {
    loaded_at: Option<u64>,
    disabled_users: HashSet<String>,
    revoked_sessions: HashSet<String>,
}

/// The auth block's hooks; one per app, caches per domain.
pub struct Hooks {
    refresh_secs: u64,
    access_ttl_secs: u64,
    revocations: Mutex<HashMap<String, Revocations>>,
    key_last_used: Mutex<HashMap<String, u64>>,
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks")
            .field("refresh_secs", &self.refresh_secs)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct IdRow {
    id: String,
}

#[derive(Deserialize)]
struct KeyRow {
    id: String,
    key_hash: String,
    name: String,
    roles: Vec<String>,
    revoked_at: Option<String>,
}

/// Shape of an API key: `ck_<8 hex>_<secret>`.
pub(crate) fn split_api_key(key: &str) -> Option<(&str, &str)> {
    let rest = key.strip_prefix("ck_")?;
    let (prefix, secret) = rest.split_once('_')?;
    (prefix.len() == 8 && prefix.bytes().all(|b| b.is_ascii_hexdigit()) && secret.len() >= 32)
        .then_some((prefix, secret))
}

impl Hooks {
    pub(crate) fn new(refresh_secs: u64, access_ttl_secs: u64) -> Self {
        Self {
            refresh_secs,
            access_ttl_secs,
            revocations: Mutex::new(HashMap::new()),
            key_last_used: Mutex::new(HashMap::new()),
        }
    }

    /// Records a change made by this process so it applies at once here.
    pub(crate) fn note_disabled(&self, domain: &str, user_id: &str, disabled: bool) {
        if let Ok(mut map) = self.revocations.lock() {
            let r = map.entry(domain.to_owned()).or_default();
            if disabled {
                r.disabled_users.insert(user_id.to_owned());
            } else {
                r.disabled_users.remove(user_id);
            }
        }
    }

    /// Records a revoked session.
    pub(crate) fn note_revoked(&self, domain: &str, session_id: &str) {
        if let Ok(mut map) = self.revocations.lock() {
            map.entry(domain.to_owned())
                .or_default()
                .revoked_sessions
                .insert(session_id.to_owned());
        }
    }

    async fn reload(&self, runtime: &DomainRuntime, now: u64) -> Result<(), ApiError> {
        let db = &runtime.db;
        let disabled: Vec<IdRow> = db
            .query("SELECT id FROM auth_users WHERE disabled = 1", params![])
            .await?;
        // Only sessions revoked within one access-token lifetime can still have live tokens.
        let since = now.saturating_sub(self.access_ttl_secs + self.refresh_secs) as i64;
        let revoked: Vec<IdRow> = db
            .query(
                "SELECT id FROM auth_sessions WHERE revoked_at >= ?1",
                params![since],
            )
            .await?;
        let mut map = self
            .revocations
            .lock()
            .map_err(|_| ApiError::internal("revocation cache poisoned"))?;
        map.insert(
            runtime.domain.name.clone(),
            Revocations {
                loaded_at: Some(now),
                disabled_users: disabled.into_iter().map(|r| r.id).collect(),
                revoked_sessions: revoked.into_iter().map(|r| r.id).collect(),
            },
        );
        Ok(())
    }

    /// Checks `user` against a fresh cache in one lock; `None` when the cache is stale.
    fn check_fresh(&self, domain: &str, user: &User, now: u64) -> Option<Result<(), ApiError>> {
        let Ok(map) = self.revocations.lock() else {
            return Some(Err(ApiError::internal("revocation cache poisoned")));
        };
        let r = map.get(domain)?;
        if r.loaded_at.is_none_or(|t| now >= t + self.refresh_secs) {
            return None;
        }
        if r.disabled_users.contains(&user.id) {
            return Some(Err(ApiError::unauthorized("this account is disabled")));
        }
        if user
            .session_id
            .as_ref()
            .is_some_and(|s| r.revoked_sessions.contains(s))
        {
            return Some(Err(ApiError::unauthorized(
                "this session has ended; sign in again",
            )));
        }
        Some(Ok(()))
    }

    fn should_touch(&self, key_id: &str, now: u64) -> bool {
        let Ok(mut map) = self.key_last_used.lock() else {
            return false;
        };
        match map.get(key_id) {
            Some(t) if now < t + 60 => false,
            _ => {
                map.insert(key_id.to_owned(), now);
                true
            }
        }
    }
}

impl AuthHooks for Hooks {
    fn check_session<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        user: &'a User,
    ) -> BoxFuture<'a, Result<(), ApiError>> {
        Box::pin(async move {
            let now = unix_now();
            if let Some(verdict) = self.check_fresh(&runtime.domain.name, user, now) {
                return verdict;
            }
            self.reload(runtime, now).await?;
            self.check_fresh(&runtime.domain.name, user, now)
                .unwrap_or_else(|| Err(ApiError::internal("revocation cache did not load")))
        })
    }

    fn verify_api_key<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        key: &'a str,
    ) -> BoxFuture<'a, Result<User, ApiError>> {
        Box::pin(async move {
            let invalid = || ApiError::unauthorized("the API key is not valid for this domain");
            let (prefix, _) = split_api_key(key)
                .ok_or_else(|| ApiError::unauthorized("the credential is malformed"))?;
            let row: Option<KeyRow> = runtime
                .db
                .first(
                    "SELECT id, key_hash, name, roles, revoked_at FROM auth_api_keys WHERE prefix = ?1",
                    params![prefix],
                )
                .await?;
            let row = row.ok_or_else(invalid)?;
            if !secret::same_hash(&secret::hash(key), &row.key_hash) {
                return Err(invalid());
            }
            if row.revoked_at.is_some() {
                return Err(ApiError::unauthorized("this API key was revoked"));
            }
            let now = unix_now();
            if self.should_touch(&row.id, now) {
                runtime
                    .db
                    .execute(
                        "UPDATE auth_api_keys SET last_used_at = ?1 WHERE id = ?2",
                        params![clodo_sdk::time::rfc3339_utc(now), row.id.as_str()],
                    )
                    .await?;
            }
            Ok(User {
                id: row.id,
                email: row.name,
                roles: row.roles,
                kind: PrincipalKind::ApiKey,
                session_id: None,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_key_shape() {
        let k = "ck_0123abcd_abcdefghijabcdefghijabcdefghijabcdefghij";
        assert_eq!(split_api_key(k).map(|p| p.0), Some("0123abcd"));
        assert!(split_api_key("ck_0123abcd_short").is_none());
        assert!(split_api_key("xx_0123abcd_abcdefghijabcdefghijabcdefghijabcdefghij").is_none());
        assert!(split_api_key("ck_0123abcz_abcdefghijabcdefghijabcdefghijabcdefghij").is_none());
    }
}
