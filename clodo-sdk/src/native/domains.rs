//! Starting domains natively: one from the environment, or every
//! `domains/<domain>.toml` at once, each with its own SQLite file, secrets,
//! flags, settings and mailer outbox under `<data_dir>/<domain>/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{DevTokens, HostRouter, ServerConfig, dev_signing_key};
use crate::app::{App, Service, StartError};
use crate::auth::{self, PREVIOUS_SIGNING_KEY_SECRET, SIGNING_KEY_SECRET, TokenKeys, User};
use crate::config::DomainConfig;
use crate::db::Db;
use crate::db::sqlite::SqliteDb;
use crate::domain::{Domain, DomainSettings, Secrets};

/// What a domain is set up with besides [`ServerConfig`].
#[derive(Debug, Clone, Default)]
pub struct DomainSetup {
    /// Feature flags the domain sets (the blocks' defaults fill in the rest).
    pub features: BTreeMap<String, bool>,
    /// Its settings.
    pub settings: DomainSettings,
    /// Secrets it cannot start without.
    pub required_secrets: Vec<String>,
    /// Secret names the process environment may provide.
    pub env_names: Vec<String>,
    /// Secret files read in order, later ones winning; missing files are empty.
    pub secret_files: Vec<PathBuf>,
    /// Whether the process environment overrides the files (for `env_names`
    /// and the signing keys). Only the default domain reads it, so two
    /// domains never share a secret by accident.
    pub env_overlay: bool,
    /// The domain file, for messages.
    pub config_file: Option<PathBuf>,
}

impl DomainSetup {
    /// One domain with no domain file: `cfg.dev_vars`, then the environment.
    pub fn single(cfg: &ServerConfig) -> Self {
        Self {
            secret_files: vec![cfg.dev_vars.clone()],
            env_overlay: true,
            ..Self::default()
        }
    }

    /// A domain from its file. The default domain (the one `127.0.0.1`
    /// reaches) also reads `cfg.dev_vars` and the environment; every domain
    /// reads `<dev_vars>.<domain>` (e.g. `.dev.vars.sweetbakery.com`).
    pub fn from_config(config: &DomainConfig, cfg: &ServerConfig, is_default: bool) -> Self {
        let own = PathBuf::from(format!("{}.{}", cfg.dev_vars.display(), config.name));
        let mut secret_files = Vec::new();
        if is_default {
            secret_files.push(cfg.dev_vars.clone());
        }
        secret_files.push(own);
        Self {
            features: config.features.clone(),
            settings: DomainSettings::from(&config.settings),
            required_secrets: config.secrets.required.clone(),
            env_names: config
                .secrets
                .required
                .iter()
                .chain(&config.secrets.optional)
                .cloned()
                .collect(),
            secret_files,
            env_overlay: is_default,
            config_file: Some(config.file.clone()),
        }
    }

    fn where_to_set(&self, name: &str) -> String {
        let files: Vec<String> = self
            .secret_files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let mut s = format!("add `{name}=...` to {}", files.join(" or "));
        if self.env_overlay {
            s.push_str(" or set it in the environment");
        }
        s
    }
}

/// Opens a domain's database, loads its secrets and keys, applies the
/// migrations and builds the service.
pub async fn start_domain(
    app: &App,
    cfg: &ServerConfig,
    setup: &DomainSetup,
) -> Result<(Arc<Service>, Option<DevTokens>), StartError> {
    let mut secrets = Secrets::default();
    for file in &setup.secret_files {
        let more = Secrets::from_dev_vars(file).map_err(|e| StartError::Config(e.to_string()))?;
        secrets.extend(more);
    }
    if setup.env_overlay {
        let mut names: Vec<&str> = vec![
            SIGNING_KEY_SECRET,
            PREVIOUS_SIGNING_KEY_SECRET,
            auth::PREVIOUS_KEY_UNTIL_SECRET,
        ];
        names.extend(setup.env_names.iter().map(String::as_str));
        secrets.overlay_env(&names);
    }
    let file_note = setup
        .config_file
        .as_ref()
        .map(|f| format!(" ({} `secrets.required`)", f.display()))
        .unwrap_or_default();
    for name in &setup.required_secrets {
        if secrets.get(name).is_none() {
            return Err(StartError::Config(format!(
                "domain {} needs secret {name}{file_note}, which is not set: {}",
                cfg.domain,
                setup.where_to_set(name)
            )));
        }
    }
    let dir = cfg.domain_dir();
    let key = match secrets.get(SIGNING_KEY_SECRET) {
        Some(k) => k.to_owned(),
        None if cfg.dev => dev_signing_key(&dir)?,
        None => {
            return Err(StartError::Config(format!(
                "secret {SIGNING_KEY_SECRET} is not set for domain {}: {} \
                 (at least {} bytes, e.g. `openssl rand -hex 32`)",
                cfg.domain,
                setup.where_to_set(SIGNING_KEY_SECRET),
                auth::MIN_KEY_LEN
            )));
        }
    };
    let keys = TokenKeys::new(
        &cfg.domain,
        key.as_bytes(),
        secrets.get(PREVIOUS_SIGNING_KEY_SECRET).map(str::as_bytes),
    )
    .map_err(|e| StartError::Config(format!("secret {SIGNING_KEY_SECRET}: {e}")))?;
    let keys = match secrets.get(auth::PREVIOUS_KEY_UNTIL_SECRET) {
        None => keys,
        Some(v) => keys.previous_valid_until(v.trim().parse().map_err(|_| {
            StartError::Config(format!(
                "secret {} must be a Unix time in seconds, got {v:?}",
                auth::PREVIOUS_KEY_UNTIL_SECRET
            ))
        })?),
    };
    let db = Db::new(
        SqliteDb::open(dir.join("db.sqlite3"), cfg.pool_size)?
            .with_acquire_timeout(cfg.db_acquire_timeout),
    );
    let mut domain = Domain::new(&cfg.domain);
    domain.env = cfg.env;
    domain.secrets = secrets;
    domain.features = setup.features.clone();
    domain.settings = setup.settings.clone();
    let dev_tokens = cfg.dev.then(|| {
        let now = auth::unix_now();
        let person = |id: &str, role: &str| {
            User::new(id, format!("{id}@{}", cfg.domain), vec![role.to_owned()])
        };
        DevTokens {
            customer: keys.mint(
                &person("dev-customer", "customer"),
                now,
                super::DEV_TOKEN_TTL_SECS,
            ),
            staff: keys.mint(
                &person("dev-staff", "staff"),
                now,
                super::DEV_TOKEN_TTL_SECS,
            ),
        }
    });
    let mut runtime = crate::app::runtime(domain, db, keys);
    runtime.data_dir = Some(dir.clone());
    let service = app.start(runtime).await?;
    Ok((Arc::new(service), dev_tokens))
}

/// A domain the server started.
#[derive(Debug, Clone)]
pub struct ServedDomain {
    /// Its name.
    pub name: String,
    /// The hosts that reach it.
    pub hosts: Vec<String>,
    /// Whether `127.0.0.1` and `localhost` reach it.
    pub is_default: bool,
    /// Its data directory.
    pub dir: PathBuf,
    /// Development tokens, in development mode.
    pub dev_tokens: Option<DevTokens>,
    /// The started service.
    pub service: Arc<Service>,
}

/// Starts every domain of `configs` (see [`crate::config::load_dir`]) for
/// `cfg.env`: each with the blocks its `[blocks]` selects, its flags and
/// settings, its own secrets and data directory, reached by its own hosts:
/// the hostnames of the environment and the domain name itself. The default
/// domain (`CLODO_DOMAIN` when set, else the only one, else `dev.localhost`
/// if there is such a file) also answers `127.0.0.1` and `localhost`; with
/// none, those get 421.
pub async fn start_domains(
    app: &App,
    cfg: &ServerConfig,
    configs: &[DomainConfig],
) -> Result<(HostRouter, Vec<ServedDomain>), StartError> {
    let names: Vec<&str> = configs.iter().map(|c| c.name.as_str()).collect();
    let default = if cfg.domain_explicit {
        if !names.contains(&cfg.domain.as_str()) {
            return Err(StartError::Config(format!(
                "CLODO_DOMAIN is {}, but there is no domain file for it; the domain files name: {}",
                cfg.domain,
                names.join(", ")
            )));
        }
        Some(cfg.domain.as_str())
    } else if names.len() == 1 {
        Some(names[0])
    } else {
        names.iter().copied().find(|n| *n == super::DEV_DOMAIN)
    };
    let mut router = HostRouter::new();
    let mut served = Vec::new();
    for config in configs {
        let is_default = default == Some(config.name.as_str());
        let mut dcfg = cfg.clone();
        dcfg.domain = config.name.clone();
        let setup = DomainSetup::from_config(config, cfg, is_default);
        let app = app.select_blocks(
            config
                .blocks
                .as_ref()
                .map(|b| b.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        )?;
        let (service, dev_tokens) = start_domain(&app, &dcfg, &setup)
            .await
            .map_err(|e| in_domain(&config.file, e))?;
        let mut hosts = vec![config.name.clone()];
        for h in config.hostnames(cfg.env) {
            if !hosts.contains(h) {
                hosts.push(h.clone());
            }
        }
        router.add(&hosts, &service).map_err(StartError::Config)?;
        if is_default {
            router.set_loopback_default(Arc::clone(&service));
        }
        served.push(ServedDomain {
            name: config.name.clone(),
            hosts,
            is_default,
            dir: dcfg.domain_dir(),
            dev_tokens,
            service,
        });
    }
    Ok((router, served))
}

fn in_domain(file: &Path, e: StartError) -> StartError {
    match e {
        StartError::Config(msg) => StartError::Config(format!("{}: {msg}", file.display())),
        other => other,
    }
}
