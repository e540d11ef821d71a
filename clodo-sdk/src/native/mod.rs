//! The native runtime: the app served by hyper on 127.0.0.1, one SQLite
//! file per domain under a data directory, secrets from `.dev.vars` and the
//! environment.

mod domains;
mod hosts;
mod options;
mod server;
mod tower;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use domains::{DomainSetup, ServedDomain, start_domain, start_domains};
pub use hosts::HostRouter;
pub use options::{
    DEFAULT_DRAIN_TIMEOUT, DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
    DEFAULT_KEEP_ALIVE_TIMEOUT, DEFAULT_MAX_CONNECTIONS, OVERLOAD_RETRY_AFTER_SECS, ServerOptions,
};
pub use server::{RunningServer, serve_hosts, serve_hosts_with, serve_on, serve_on_with};
pub use tower::{HttpService, PeerAddr};

use crate::app::{App, Service, StartError};
use crate::auth;
use crate::config::Env;
use crate::db::sqlite::{DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_POOL_SIZE};

/// Default port, as `wrangler dev` uses.
pub const DEFAULT_PORT: u16 = 8787;
/// Domain served when `CLODO_DOMAIN` is not set.
pub const DEV_DOMAIN: &str = "dev.localhost";

/// How the native server runs; [`ServerConfig::from_env`] reads it from the environment.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to bind (`CLODO_HOST`, default 127.0.0.1; `PORT`, default 8787).
    pub addr: SocketAddr,
    /// Domain served (`CLODO_DOMAIN`, default `dev.localhost`). With domain
    /// files, the domain `127.0.0.1` and `localhost` reach.
    pub domain: String,
    /// Whether `CLODO_DOMAIN` was set (with domain files, it must name one).
    pub domain_explicit: bool,
    /// Folder of `<domain>.toml` files (`CLODO_DOMAINS_DIR`; else the app's
    /// [`App::domains_dir`]). When it holds any, every domain in it is served.
    pub domains_dir: Option<PathBuf>,
    /// The environment (`CLODO_ENV`): picks each domain's hostnames.
    pub env: Env,
    /// Data directory (`CLODO_DATA_DIR`, default `.clodo` in the current
    /// directory, not the block's folder: `cargo run -p` from the workspace
    /// root keeps data there); the database is
    /// `<data_dir>/<domain>/db.sqlite3`. The server prints its absolute path.
    pub data_dir: PathBuf,
    /// Development mode (`CLODO_ENV` unset or `development`): a missing
    /// signing key is generated and kept in the data directory, and ready-made
    /// tokens are printed at start-up.
    pub dev: bool,
    /// File of secrets (`CLODO_DEV_VARS`, default `.dev.vars`).
    pub dev_vars: PathBuf,
    /// Connections in the SQLite pool.
    pub pool_size: usize,
    /// How long a query waits for a free SQLite connection before the
    /// request is answered 503 with `Retry-After` (`CLODO_DB_ACQUIRE_TIMEOUT_SECS`, default 5).
    pub db_acquire_timeout: std::time::Duration,
    /// Timeouts and the connection cap of the HTTP server (`CLODO_*`, see [`ServerOptions`]).
    pub server: ServerOptions,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl ServerConfig {
    /// Reads `PORT`, `CLODO_HOST`, `CLODO_DOMAIN`, `CLODO_DATA_DIR`, `CLODO_ENV`,
    /// `CLODO_DEV_VARS`, `CLODO_DB_ACQUIRE_TIMEOUT_SECS` and the server's
    /// limits ([`ServerOptions::from_env`]).
    pub fn from_env() -> Result<Self, StartError> {
        let port = match env("PORT") {
            None => DEFAULT_PORT,
            Some(p) => p.parse().map_err(|_| {
                StartError::Config(format!(
                    "PORT must be a port number from 0 to 65535, got {p:?}"
                ))
            })?,
        };
        let host: IpAddr = match env("CLODO_HOST") {
            None => IpAddr::V4(Ipv4Addr::LOCALHOST),
            Some(h) => h.parse().map_err(|_| {
                StartError::Config(format!(
                    "CLODO_HOST must be an IP address such as 127.0.0.1, got {h:?}"
                ))
            })?,
        };
        let (dev, environment) = match env("CLODO_ENV").as_deref() {
            None | Some("development") | Some("dev") => (true, Env::Development),
            Some("staging") => (false, Env::Staging),
            Some("production") | Some("prod") => (false, Env::Production),
            Some(other) => {
                return Err(StartError::Config(format!(
                    "CLODO_ENV must be development, staging or production, got {other:?}"
                )));
            }
        };
        let explicit = env("CLODO_DOMAIN");
        let domain_explicit = explicit.is_some();
        let domain = explicit.unwrap_or_else(|| DEV_DOMAIN.to_owned());
        validate_domain_name(&domain)?;
        Ok(Self {
            addr: SocketAddr::new(host, port),
            domain,
            domain_explicit,
            domains_dir: env("CLODO_DOMAINS_DIR").map(PathBuf::from),
            env: environment,
            data_dir: env("CLODO_DATA_DIR").map_or_else(|| PathBuf::from(".clodo"), PathBuf::from),
            dev,
            dev_vars: env("CLODO_DEV_VARS")
                .map_or_else(|| PathBuf::from(".dev.vars"), PathBuf::from),
            pool_size: DEFAULT_POOL_SIZE,
            db_acquire_timeout: match env("CLODO_DB_ACQUIRE_TIMEOUT_SECS") {
                None => DEFAULT_ACQUIRE_TIMEOUT,
                Some(v) => options::parse_secs("CLODO_DB_ACQUIRE_TIMEOUT_SECS", &v, false)?,
            },
            server: ServerOptions::from_env()?,
        })
    }

    /// A development config for `domain` with data under `data_dir`, on an ephemeral loopback port.
    pub fn for_tests(domain: &str, data_dir: &Path) -> Self {
        Self {
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            domain: domain.to_owned(),
            domain_explicit: true,
            domains_dir: None,
            env: Env::Development,
            data_dir: data_dir.to_path_buf(),
            dev: true,
            dev_vars: data_dir.join(".dev.vars"),
            pool_size: DEFAULT_POOL_SIZE,
            db_acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
            server: ServerOptions::default(),
        }
    }

    /// The directory of this domain's files.
    pub fn domain_dir(&self) -> PathBuf {
        self.data_dir.join(&self.domain)
    }
}

fn validate_domain_name(d: &str) -> Result<(), StartError> {
    let ok = !d.is_empty()
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    if ok {
        Ok(())
    } else {
        Err(StartError::Config(format!(
            "CLODO_DOMAIN must be a host name such as bakery.example.com, got {d:?}"
        )))
    }
}

/// Tokens printed by the dev server (development mode only).
#[derive(Debug, Clone)]
pub struct DevTokens {
    /// A customer (`roles: ["customer"]`).
    pub customer: String,
    /// A staff member (`roles: ["staff"]`).
    pub staff: String,
}

/// Lifetime of the printed dev tokens.
pub const DEV_TOKEN_TTL_SECS: u64 = 24 * 3600;

fn dev_signing_key(dir: &Path) -> Result<String, StartError> {
    let path = dir.join("dev-signing-key");
    match std::fs::read_to_string(&path) {
        Ok(k) if k.trim().len() >= auth::MIN_KEY_LEN => return Ok(k.trim().to_owned()),
        Ok(_) | Err(_) => {}
    }
    let mut raw = [0u8; 32];
    getrandom::fill(&mut raw)
        .map_err(|e| StartError::Config(format!("the OS random source failed: {e}")))?;
    let key: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::create_dir_all(dir)?;
    std::fs::write(&path, &key)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(key)
}

/// Opens the domain's database, loads its secrets and keys, applies the
/// migrations and builds the service: one domain, `cfg.domain`, with secrets
/// from `cfg.dev_vars` and the environment, no domain file.
pub async fn start_service(
    app: &App,
    cfg: &ServerConfig,
) -> Result<(Arc<Service>, Option<DevTokens>), StartError> {
    start_domain(app, cfg, &DomainSetup::single(cfg)).await
}

/// Whether `dir` holds any `*.toml` domain file.
fn has_domain_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".toml") && !name.starts_with('_') && !name.starts_with('.')
        })
    })
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM.
async fn shutdown_signal() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            r = tokio::signal::ctrl_c() => r,
            _ = term.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await
    }
}

/// Installs the log subscriber (`CLODO_LOG`, default `info`); later calls do nothing.
pub fn init_logging() {
    init_logging_with_default("info");
}

/// Installs the log subscriber with `CLODO_LOG`, or `default` when it is
/// unset (the domain files' `settings.log_level`); later calls do nothing.
pub fn init_logging_with_default(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("CLODO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// The most verbose `settings.log_level` of `configs`, if any sets one.
fn most_verbose_level(configs: &[crate::config::DomainConfig]) -> Option<&'static str> {
    const ORDER: [&str; 5] = ["error", "warn", "info", "debug", "trace"];
    configs
        .iter()
        .filter_map(|c| c.settings.log_level.map(|l| l.as_str()))
        .max_by_key(|l| ORDER.iter().position(|o| o == l))
}

/// Usage of a block binary, printed by `--help`.
pub const USAGE: &str = "usage: <block> [serve|contract|--help]

  serve       serve the app on 127.0.0.1 (the default)
  contract    print the OpenAPI contract served at /openapi.json and exit
  manifest    print the blocks, feature flags and secrets of the app as JSON
              (what `cargo clodo domain check` checks domain files against)
  d1-migrations DIR
              write the blocks' migrations as a wrangler migrations_dir and exit

environment:
  PORT            port to listen on (default 8787)
  CLODO_DOMAIN    domain served (default dev.localhost); with domain files, the
                  one 127.0.0.1 reaches
  CLODO_DOMAINS_DIR  folder of <domain>.toml files; each domain in it is
                  served, chosen by the Host header
  CLODO_DATA_DIR  data directory (default .clodo in the current directory)
  CLODO_ENV       development (default) or production
  CLODO_DEV_VARS  secrets file (default .dev.vars)
  CLODO_LOG       log filter (default info)
  CLODO_MAX_CONNECTIONS  connections served at once (default 1024); past it a
                  request is answered 503 with Retry-After and the connection closed
  CLODO_HEADER_READ_TIMEOUT_SECS  time to send a request's headers (default 10)
  CLODO_KEEP_ALIVE_TIMEOUT_SECS  idle time before a kept-alive connection closes
                  (default 5, at most the header read timeout; 0: no keep-alive)
  CLODO_IDLE_TIMEOUT_SECS  longest pause in a request body, then 408 (default 30)
  CLODO_DRAIN_TIMEOUT_SECS  on Ctrl-C/SIGTERM, time for requests in flight to
                  finish (default 10)
  CLODO_DB_ACQUIRE_TIMEOUT_SECS  wait for a free database connection, then 503
                  with Retry-After (default 5)
  (durations in seconds; decimals allowed)";

impl App {
    /// What a block's `main` calls: serves by default, prints the contract
    /// with `contract`, usage with `--help`.
    pub fn run_cli(self) -> Result<(), StartError> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] | ["serve"] => self.serve(),
            ["manifest"] => {
                let json = serde_json::to_string_pretty(&self.manifest())
                    .map_err(|e| StartError::Config(e.to_string()))?;
                println!("{json}");
                Ok(())
            }
            ["contract"] => {
                use std::io::Write as _;
                let bytes = self.contract_json()?;
                std::io::stdout().write_all(&bytes)?;
                Ok(())
            }
            ["d1-migrations", dir] => {
                for name in crate::wrangler::write_d1_migrations(&self, Path::new(dir))? {
                    println!("{dir}/{name}");
                }
                Ok(())
            }
            ["--help"] | ["-h"] | ["help"] => {
                println!("{USAGE}");
                Ok(())
            }
            other => Err(StartError::Config(format!(
                "unknown arguments {other:?}\n{USAGE}"
            ))),
        }
    }

    /// Serves the app natively with config from the environment until Ctrl-C.
    /// This is what a block's `main` calls.
    pub fn serve(self) -> Result<(), StartError> {
        let cfg = ServerConfig::from_env()?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        rt.block_on(self.serve_with(cfg))
    }

    /// Starts the app as a tower `Service` (see [`HttpService`]) with `cfg`:
    /// every domain of the domain files, each chosen by the request's host,
    /// or the one domain `cfg.domain`, migrated and ready. To nest it in an
    /// axum router (`Router::nest_service("/bakery", service)`) or wrap it
    /// in tower-http layers; the native server runs the same service.
    pub async fn into_http_service(self, cfg: ServerConfig) -> Result<HttpService, StartError> {
        let configs = self.domain_configs(&cfg)?;
        let (hosts, _) = self.start_hosts(&cfg, &configs).await?;
        Ok(HttpService::new(hosts).with_idle_timeout(cfg.server.idle_timeout))
    }

    /// The domain files `cfg` (or the app) points at; none when there are none.
    fn domain_configs(
        &self,
        cfg: &ServerConfig,
    ) -> Result<Vec<crate::config::DomainConfig>, StartError> {
        let dir = cfg
            .domains_dir
            .clone()
            .or_else(|| self.default_domains_dir().map(Path::to_path_buf));
        match dir.as_deref() {
            Some(d) if has_domain_files(d) => {
                crate::config::load_dir(d).map_err(|e| StartError::Config(e.to_string()))
            }
            _ => Ok(Vec::new()),
        }
    }

    /// Starts every domain of `configs`, or the one domain `cfg.domain` when
    /// there are none, and routes hosts to them.
    async fn start_hosts(
        &self,
        cfg: &ServerConfig,
        configs: &[crate::config::DomainConfig],
    ) -> Result<(Arc<HostRouter>, Vec<ServedDomain>), StartError> {
        if configs.is_empty() {
            let (service, tokens) = start_service(self, cfg).await?;
            let served = ServedDomain {
                name: cfg.domain.clone(),
                hosts: Vec::new(),
                is_default: true,
                dir: cfg.domain_dir(),
                dev_tokens: tokens,
                service: Arc::clone(&service),
            };
            Ok((Arc::new(HostRouter::single(service)), vec![served]))
        } else {
            let (router, served) = start_domains(self, cfg, configs).await?;
            Ok((Arc::new(router), served))
        }
    }

    /// Serves with an explicit config until Ctrl-C: every domain of the
    /// domain files when there are any (see [`start_domains`]), else the one
    /// domain `cfg.domain`.
    pub async fn serve_with(self, cfg: ServerConfig) -> Result<(), StartError> {
        let configs = self.domain_configs(&cfg)?;
        // One process, one log filter: the most verbose level a domain asks for.
        init_logging_with_default(most_verbose_level(&configs).unwrap_or("info"));
        let listener = tokio::net::TcpListener::bind(cfg.addr).await.map_err(|e| {
            StartError::Config(format!(
                "cannot listen on {}: {e} (set PORT to use another port)",
                cfg.addr
            ))
        })?;
        let (hosts, domains) = self.start_hosts(&cfg, &configs).await?;
        let server = serve_hosts_with(listener, hosts, cfg.server.clone()).await;
        let base = format!("http://{}", server.addr());
        let blocks: Vec<String> = self
            .mounted()
            .map(|(p, i)| format!("{} at {}/", i.name, if p.is_empty() { "" } else { p }))
            .collect();
        println!("clodo: serving {} on {base}", blocks.join(", "));
        for d in &domains {
            let reach = if d.hosts.is_empty() {
                String::new()
            } else {
                format!(
                    " for Host {}{}",
                    d.hosts.join(", "),
                    if d.is_default { " (and 127.0.0.1)" } else { "" }
                )
            };
            // Relative data folders are relative to the current directory:
            // say which one, absolutely.
            let dir = std::path::absolute(&d.dir).unwrap_or_else(|_| d.dir.clone());
            println!("  domain {}{reach}: data in {}", d.name, dir.display());
        }
        println!("       docs {base}/docs, contract {base}/openapi.json");
        for d in &domains {
            if let Some(t) = &d.dev_tokens {
                let file = d.dir.join("dev-tokens.env");
                let text = format!("CUSTOMER_TOKEN={}\nSTAFF_TOKEN={}\n", t.customer, t.staff);
                std::fs::write(&file, text)?;
                println!(
                    "DEV ONLY: tokens for {} (valid 24 h; also in {}):",
                    d.name,
                    file.display()
                );
                println!("  customer: {}", t.customer);
                println!("  staff:    {}", t.staff);
            }
        }
        shutdown_signal().await?;
        println!(
            "clodo: shutting down (requests in flight have {:?} to finish)",
            cfg.server.drain_timeout
        );
        server.shutdown().await;
        Ok(())
    }
}
