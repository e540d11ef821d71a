//! A customer domain as the runtime sees it: its name, feature flags,
//! secrets and settings. Natively these come from `domains/<name>.toml`
//! ([`crate::config`]) and `.dev.vars`; on Workers from the Worker's vars
//! (`CLODO_FEATURES`, `CLODO_SETTINGS`, written by `cargo clodo deploy`)
//! and secrets.

use std::collections::BTreeMap;
use std::path::Path;

/// Default request body limit: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// Secret values of a domain. Never printed: `Debug` shows names only.
#[derive(Clone, Default)]
pub struct Secrets {
    values: BTreeMap<String, String>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.values.keys()).finish()
    }
}

/// A `.dev.vars` file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    /// Reading failed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not `NAME=value`.
    #[error("{path}:{line}: expected NAME=value")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
    },
}

impl Secrets {
    /// Secrets from pairs.
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Self {
            values: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// Parses a `.dev.vars` file (`NAME=value` lines, `#` comments, optional
    /// quotes). A missing file is empty.
    pub fn from_dev_vars(path: &Path) -> Result<Self, SecretsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(SecretsError::Io {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        Self::parse_dev_vars(&text, &path.display().to_string())
    }

    /// Parses the text of a `.dev.vars` file; `origin` names it in errors.
    pub fn parse_dev_vars(text: &str, origin: &str) -> Result<Self, SecretsError> {
        let mut values = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let line = line.strip_prefix("export ").unwrap_or(line);
            let Some((k, v)) = line.split_once('=') else {
                return Err(SecretsError::Syntax {
                    path: origin.to_owned(),
                    line: i + 1,
                });
            };
            let k = k.trim();
            if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(SecretsError::Syntax {
                    path: origin.to_owned(),
                    line: i + 1,
                });
            }
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            values.insert(k.to_owned(), v.to_owned());
        }
        Ok(Self { values })
    }

    /// Overlays the process environment for the given names.
    pub fn overlay_env(&mut self, names: &[&str]) {
        for name in names {
            if let Ok(v) = std::env::var(name) {
                self.values.insert((*name).to_owned(), v);
            }
        }
    }

    /// Adds every secret of `other`, replacing those with the same name.
    pub fn extend(&mut self, other: Secrets) {
        self.values.extend(other.values);
    }

    /// Sets one secret.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.values.insert(name.into(), value.into());
    }

    /// Looks a secret up.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }
}

/// A domain: name, flags, secrets, settings and request limits.
#[derive(Debug, Clone)]
pub struct Domain {
    /// The domain name; the issuer of its tokens.
    pub name: String,
    /// Feature flags: name → on. [`crate::App::start`] fills in the defaults
    /// the blocks declare for flags the domain does not set.
    pub features: BTreeMap<String, bool>,
    /// Secret values.
    pub secrets: Secrets,
    /// CORS origins, token lifetimes, rate limits.
    pub settings: DomainSettings,
    /// The environment it runs in (natively `CLODO_ENV`; on Workers the var
    /// `CLODO_ENV`, which `cargo clodo deploy` writes; development when unset).
    pub env: crate::config::Env,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
}

impl Domain {
    /// A domain with no flags or secrets and the default limits.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            features: BTreeMap::new(),
            secrets: Secrets::default(),
            settings: DomainSettings::default(),
            env: crate::config::Env::Development,
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }

    /// Whether a browser page from `origin` may call this domain (CORS):
    /// only origins listed in the domain's `settings.cors_origins`, compared
    /// exactly (scheme, host and port), never a wildcard.
    pub fn allows_origin(&self, origin: &str) -> bool {
        self.settings
            .cors_origins
            .iter()
            .any(|o| o.eq_ignore_ascii_case(origin))
    }
}

/// The `[settings]` of a domain, as the runtime uses them. The same shape is
/// the JSON of the Worker var `CLODO_SETTINGS`. Every value is optional: a
/// block uses its own default for what the domain does not set.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainSettings {
    /// Origins (`https://shop.example.com`) whose pages may call the API from a browser.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cors_origins: Vec<String>,
    /// Log level for this domain's process (`error` … `trace`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_level: Option<String>,
    /// Access token lifetime (auth block; default 900 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token_ttl_secs: Option<u64>,
    /// Refresh token lifetime (auth block; default 30 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token_ttl_secs: Option<u64>,
    /// Magic link lifetime (auth block; default 900 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magic_link_ttl_secs: Option<u64>,
    /// The page magic links open (auth block): `<sign_in_url>?token=...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_url: Option<String>,
    /// Rate limits of the auth block.
    #[serde(default, skip_serializing_if = "RateLimitSettings::is_empty")]
    pub rate_limits: RateLimitSettings,
}

/// `[settings.rate_limits]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitSettings {
    /// Magic-link requests per email address and window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magic_link_per_email: Option<u32>,
    /// Magic-link requests per client address and window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magic_link_per_address: Option<u32>,
    /// The window, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_secs: Option<u64>,
}

impl RateLimitSettings {
    fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dev_vars_parse_and_errors() {
        let s = Secrets::parse_dev_vars("# c\nA=1\nexport B=\"two\"\n\nC='x=y'\n", ".dev.vars")
            .unwrap();
        assert_eq!(
            (s.get("A"), s.get("B"), s.get("C")),
            (Some("1"), Some("two"), Some("x=y"))
        );
        assert!(!format!("{s:?}").contains("two"));
        let e = Secrets::parse_dev_vars("A=1\nnot a pair\n", ".dev.vars").unwrap_err();
        assert_eq!(e.to_string(), ".dev.vars:2: expected NAME=value");
    }
}
