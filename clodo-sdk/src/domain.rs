//! A customer domain as the runtime sees it: its name, feature flags and
//! secrets. (Full `domains/<name>.toml` config comes with the domains work;
//! this is the runtime half it will fill in.)

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

    /// Sets one secret.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.values.insert(name.into(), value.into());
    }

    /// Looks a secret up.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }
}

/// A domain: name, flags, secrets and request limits.
#[derive(Debug, Clone)]
pub struct Domain {
    /// The domain name; the issuer of its tokens.
    pub name: String,
    /// Feature flags: name → on.
    pub features: BTreeMap<String, bool>,
    /// Secret values.
    pub secrets: Secrets,
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
            body_limit: DEFAULT_BODY_LIMIT,
        }
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
