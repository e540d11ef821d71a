//! Customer domains as data: `domains/<domain>.toml`.
//!
//! One file per customer domain says which hostnames it answers on in each
//! environment, its feature flags, which blocks it mounts where, its D1
//! databases, the *names* of its secrets (values never live here: they come
//! from the environment, `.dev.vars` locally, Worker secrets in production)
//! and a few settings. [`parse`] turns a file into a typed [`DomainConfig`]:
//! unknown keys are refused, and every problem names the file, line, column
//! and dotted key, with a hint of what to write instead.
//!
//! ```
//! use std::path::Path;
//! use clodo_sdk::config::{self, Env};
//!
//! let src = r#"
//! name = "sweetbakery.com"
//! [hostnames]
//! production = ["sweetbakery.com", "www.sweetbakery.com"]
//! [features]
//! magic_link_auth = true
//! "#;
//! let domain = config::parse(Path::new("domains/sweetbakery.com.toml"), src).unwrap();
//! assert_eq!(domain.hostnames(Env::Production).len(), 2);
//! assert_eq!(domain.position("features.magic_link_auth"), Some((6, 1)));
//!
//! let err = config::parse(Path::new("sweetbakery.com.toml"), "name = \"sweetbakery.com\"\ncolour = 1\n")
//!     .unwrap_err();
//! assert!(err.to_string().starts_with("sweetbakery.com.toml:2:1: `colour`: unknown key"));
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

mod check;
mod parse;
mod rules;
mod template;
#[cfg(test)]
mod tests;
mod walk;

pub use template::{json_schema, render_new, render_new_with, suggested_display_name, toml_string};

/// A deployment environment of a domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Env {
    /// Local development (`cargo run`, `cargo clodo dev`).
    Development,
    /// The pre-production deployment.
    Staging,
    /// What customers use.
    Production,
}

impl Env {
    /// Every environment, in order.
    pub const ALL: [Env; 3] = [Env::Development, Env::Staging, Env::Production];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Env::Development => "development",
            Env::Staging => "staging",
            Env::Production => "production",
        }
    }
}

impl fmt::Display for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not an environment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an environment: use development (dev), staging or production (prod)")]
pub struct UnknownEnv(pub String);

impl FromStr for Env {
    type Err = UnknownEnv;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "development" | "dev" => Ok(Env::Development),
            "staging" => Ok(Env::Staging),
            "production" | "prod" => Ok(Env::Production),
            other => Err(UnknownEnv(other.to_owned())),
        }
    }
}

/// The Cloudflare account (and zone) a domain deploys to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cloudflare {
    /// The account id: 32 lower-case hex characters.
    pub account_id: String,
    /// The zone id of the domain's DNS zone, same format.
    pub zone_id: Option<String>,
}

/// The D1 database of one environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Database {
    /// The D1 database name: lower-case letters, digits and `-`, 1 to 64 characters.
    pub name: String,
    /// Its UUID, once created (`cargo clodo deploy` fills it in).
    pub id: Option<String>,
}

/// The names (never the values) of the secrets a domain needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecretNames {
    /// Secrets without which the domain must not start.
    pub required: Vec<String>,
    /// Secrets used when present.
    pub optional: Vec<String>,
}

/// The log level of a domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// `error`
    Error,
    /// `warn`
    Warn,
    /// `info`
    Info,
    /// `debug`
    Debug,
    /// `trace`
    Trace,
}

impl LogLevel {
    /// Every level, most severe first.
    pub const ALL: [LogLevel; 5] = [
        LogLevel::Error,
        LogLevel::Warn,
        LogLevel::Info,
        LogLevel::Debug,
        LogLevel::Trace,
    ];

    /// The name used in files (and by `tracing` filters).
    pub fn as_str(self) -> &'static str {
        match self {
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
            LogLevel::Debug => "debug",
            LogLevel::Trace => "trace",
        }
    }
}

impl fmt::Display for LogLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rate limits of magic-link requests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateLimits {
    /// Requests per email address per window (1..=10000).
    pub magic_link_per_email: Option<u32>,
    /// Requests per client address per window (1..=10000).
    pub magic_link_per_address: Option<u32>,
    /// The window in seconds (1..=86400).
    pub window_secs: Option<u64>,
}

/// `[settings]`: every value optional; absent means the runtime's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Origins allowed by CORS: `scheme://host[:port]`.
    pub cors_origins: Vec<String>,
    /// The log level.
    pub log_level: Option<LogLevel>,
    /// Lifetime of access tokens in seconds (60..=86400).
    pub access_token_ttl_secs: Option<u64>,
    /// Lifetime of refresh tokens in seconds (3600..=31536000).
    pub refresh_token_ttl_secs: Option<u64>,
    /// Lifetime of magic links in seconds (60..=86400).
    pub magic_link_ttl_secs: Option<u64>,
    /// The customer's page that completes a sign-in: the auth block's magic
    /// link is `<sign_in_url>?token=...` (an absolute http(s) URL).
    pub sign_in_url: Option<String>,
    /// Rate limits.
    pub rate_limits: RateLimits,
}

/// Whether `s` is a DNS host name as domain files write them (lower case,
/// no scheme, port or path); the error says what is wrong.
pub fn check_host_name(s: &str) -> Result<(), String> {
    rules::host(s)
}

impl From<&Settings> for crate::domain::DomainSettings {
    /// The settings as the runtime uses them (natively, and as the JSON of
    /// the Worker var `CLODO_SETTINGS` that `cargo clodo deploy` writes).
    fn from(s: &Settings) -> Self {
        Self {
            cors_origins: s.cors_origins.clone(),
            log_level: s.log_level.map(|l| l.as_str().to_owned()),
            access_token_ttl_secs: s.access_token_ttl_secs,
            refresh_token_ttl_secs: s.refresh_token_ttl_secs,
            magic_link_ttl_secs: s.magic_link_ttl_secs,
            sign_in_url: s.sign_in_url.clone(),
            rate_limits: crate::domain::RateLimitSettings {
                magic_link_per_email: s.rate_limits.magic_link_per_email,
                magic_link_per_address: s.rate_limits.magic_link_per_address,
                window_secs: s.rate_limits.window_secs,
            },
        }
    }
}

/// A validated `domains/<domain>.toml`.
#[derive(Debug, Clone)]
pub struct DomainConfig {
    /// The domain: a DNS host name, equal to the file's stem.
    pub name: String,
    /// A human name for the domain.
    pub display_name: Option<String>,
    /// Where it deploys (needed only for deploys).
    pub cloudflare: Option<Cloudflare>,
    /// `Host` header values per environment.
    pub hostnames: BTreeMap<Env, Vec<String>>,
    /// Feature flags.
    pub features: BTreeMap<String, bool>,
    /// Block name to mount prefix, in file order; `None`: every block the
    /// app mounts, at its own prefix.
    pub blocks: Option<IndexMap<String, String>>,
    /// The D1 database per environment.
    pub databases: BTreeMap<Env, Database>,
    /// Names of the secrets the domain needs.
    pub secrets: SecretNames,
    /// Settings.
    pub settings: Settings,
    /// Where it was read from.
    pub file: PathBuf,
    /// 1-based (line, column) of every key (and array element, as `key[i]`).
    positions: BTreeMap<String, (usize, usize)>,
}

impl DomainConfig {
    /// The hostnames of `env` (empty when none are configured).
    pub fn hostnames(&self, env: Env) -> &[String] {
        self.hostnames.get(&env).map_or(&[], Vec::as_slice)
    }

    /// Whether the flag is on (`false` when the file does not set it).
    pub fn feature(&self, flag: &str) -> bool {
        self.features.get(flag).copied().unwrap_or(false)
    }

    /// 1-based (line, column) of a dotted key in the source, for
    /// cross-check messages (e.g. `"features.sms_notifications"`,
    /// `"blocks.auth"`, or `"hostnames.production[1]"` for an array
    /// element); `None` if absent.
    pub fn position(&self, key: &str) -> Option<(usize, usize)> {
        self.positions.get(key).copied()
    }

    /// A problem at `key` (at 1:1 when the key is absent).
    pub(crate) fn problem(
        &self,
        key: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> ConfigProblem {
        let (line, column) = self.position(key).unwrap_or((1, 1));
        ConfigProblem {
            file: self.file.display().to_string(),
            line,
            column,
            key: key.to_owned(),
            message: message.into(),
            hint,
        }
    }
}

/// One problem in a domain file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// The dotted key, e.g. `settings.rate_limits.window_secs`; empty for syntax errors.
    pub key: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.key.is_empty() {
            write!(f, "`{}`: ", self.key)?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Why domain files could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The files are not valid; every problem found is listed.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<ConfigProblem>),
}

/// What a block binary says it provides (printed as JSON by
/// `<block binary> manifest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppManifest {
    /// The blocks the app mounts.
    pub blocks: Vec<ManifestBlock>,
    /// The feature flags its blocks declare.
    pub features: Vec<ManifestFeature>,
    /// The secrets its blocks read.
    pub secrets: Vec<String>,
}

/// A block of an [`AppManifest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestBlock {
    /// The block's name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// The prefix the app mounts it at.
    pub prefix: String,
}

/// A feature flag of an [`AppManifest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFeature {
    /// The flag's name.
    pub name: String,
    /// Its value when a domain does not set it.
    pub default: bool,
    /// The blocks that use it.
    pub blocks: Vec<String>,
}

/// Parses and validates one domain file. `file` only names it in messages,
/// and, when it ends in `.toml`, its stem must equal `name`.
pub fn parse(file: &Path, src: &str) -> Result<DomainConfig, ConfigError> {
    parse::parse(file, src).map_err(ConfigError::Invalid)
}

/// Reads and validates one domain file.
pub fn load_file(path: &Path) -> Result<DomainConfig, ConfigError> {
    let src = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(path, &src)
}

/// Every `*.toml` in `dir` (not recursive; files whose name starts with `_`
/// or `.` skipped), sorted by name.
///
/// Reports across files too: two files with the same name, a hostname
/// claimed by two domains in the same env, two domains with the same
/// database name. All problems of all files are collected into one
/// [`ConfigError::Invalid`].
pub fn load_dir(dir: &Path) -> Result<Vec<DomainConfig>, ConfigError> {
    let io = |source| ConfigError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') || !name.ends_with(".toml") {
            continue;
        }
        if entry.file_type().map_err(io)?.is_dir() {
            continue;
        }
        files.push((name, entry.path()));
    }
    files.sort();
    let mut configs = Vec::new();
    let mut problems = Vec::new();
    for (_, path) in files {
        match load_file(&path) {
            Ok(c) => configs.push(c),
            Err(ConfigError::Invalid(list)) => problems.extend(list),
            Err(e) => return Err(e),
        }
    }
    problems.extend(check::across(&configs));
    if problems.is_empty() {
        Ok(configs)
    } else {
        Err(ConfigError::Invalid(problems))
    }
}
