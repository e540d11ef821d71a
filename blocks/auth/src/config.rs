//! Settings of the auth block, shared through `App::with_state`.

use std::sync::Arc;

use super::mailer::{DevMailer, Mailer};

/// A rate limit: at most `max` requests per `window_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window.
    pub max: u32,
    /// Window length in seconds.
    pub window_secs: u64,
}

/// How the auth block behaves for a domain.
#[derive(Clone)]
pub struct AuthConfig {
    /// Lifetime of a magic link (default 15 minutes).
    pub link_ttl_secs: u64,
    /// Lifetime of an access token (default 15 minutes). Disabling a user or
    /// logging out takes effect at once in this process and within
    /// [`AuthConfig::revocation_refresh_secs`] in others; the token's own
    /// expiry bounds it everywhere.
    pub access_ttl_secs: u64,
    /// Lifetime of a refresh token (default 30 days).
    pub refresh_ttl_secs: u64,
    /// How often a process reloads the list of disabled users and revoked
    /// sessions from the database (default 5 s).
    pub revocation_refresh_secs: u64,
    /// The page the sign-in link opens for every domain of the app, the
    /// token appended as `?token=` (default `None`). A domain's own
    /// `settings.sign_in_url` comes first; without either, development
    /// serves the auth block's page `<prefix>/sign-in` and other
    /// environments refuse to send links (see the module docs).
    pub link_url: Option<String>,
    /// Magic-link requests per email address.
    pub per_email: RateLimit,
    /// Magic-link requests per client address.
    pub per_client: RateLimit,
    /// Emails that get the `admin` role when they sign in: how a domain's
    /// first admin is made (never through an open endpoint).
    pub admins: Vec<String>,
    /// Sends the sign-in messages.
    pub mailer: Arc<dyn Mailer>,
    /// Sender shown in messages.
    pub from: String,
}

impl std::fmt::Debug for AuthConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthConfig")
            .field("link_ttl_secs", &self.link_ttl_secs)
            .field("access_ttl_secs", &self.access_ttl_secs)
            .field("refresh_ttl_secs", &self.refresh_ttl_secs)
            .field("link_url", &self.link_url)
            .field("admins", &self.admins)
            .finish_non_exhaustive()
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            link_ttl_secs: 15 * 60,
            access_ttl_secs: 15 * 60,
            refresh_ttl_secs: 30 * 24 * 3600,
            revocation_refresh_secs: 5,
            link_url: None,
            per_email: RateLimit {
                max: 5,
                window_secs: 15 * 60,
            },
            per_client: RateLimit {
                max: 20,
                window_secs: 15 * 60,
            },
            admins: Vec::new(),
            mailer: Arc::new(DevMailer),
            from: "no-reply@clodo.localhost".to_owned(),
        }
    }
}

impl AuthConfig {
    /// The page sign-in links open for every domain without a
    /// `settings.sign_in_url` of its own.
    pub fn link_url(mut self, url: impl Into<String>) -> Self {
        self.link_url = Some(url.into());
        self
    }

    /// Replaces the mailer.
    pub fn mailer(mut self, mailer: impl Mailer) -> Self {
        self.mailer = Arc::new(mailer);
        self
    }

    /// Emails made admins when they sign in (normalized here).
    pub fn admins<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, emails: I) -> Self {
        self.admins = emails
            .into_iter()
            .filter_map(|e| super::normalize_email(e.as_ref()))
            .collect();
        self
    }

    /// Admin emails from a comma-separated environment variable, if set
    /// (on Workers: a var or secret of the Worker's environment).
    pub fn admins_from_env(self, var: &str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let value = std::env::var(var);
        #[cfg(target_arch = "wasm32")]
        let value = clodo_sdk::worker::env_var(var).ok_or(());
        match value {
            Ok(v) => {
                let list: Vec<String> = v.split(',').map(str::to_owned).collect();
                self.admins(list)
            }
            Err(_) => self,
        }
    }
}
