//! The native runtime: the app served by hyper on 127.0.0.1, one SQLite
//! file per domain under a data directory, secrets from `.dev.vars` and the
//! environment.

mod server;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use server::{RunningServer, serve_on};

use crate::app::{App, Service, StartError};
use crate::auth::{self, PREVIOUS_SIGNING_KEY_SECRET, SIGNING_KEY_SECRET, TokenKeys, User};
use crate::db::Db;
use crate::db::sqlite::{DEFAULT_POOL_SIZE, SqliteDb};
use crate::domain::{Domain, Secrets};

/// Default port, as `wrangler dev` uses.
pub const DEFAULT_PORT: u16 = 8787;
/// Domain served when `CLODO_DOMAIN` is not set.
pub const DEV_DOMAIN: &str = "dev.localhost";

/// How the native server runs; [`ServerConfig::from_env`] reads it from the environment.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to bind (`CLODO_HOST`, default 127.0.0.1; `PORT`, default 8787).
    pub addr: SocketAddr,
    /// Domain served (`CLODO_DOMAIN`, default `dev.localhost`).
    pub domain: String,
    /// Data directory (`CLODO_DATA_DIR`, default `.clodo`); the database is
    /// `<data_dir>/<domain>/db.sqlite3`.
    pub data_dir: PathBuf,
    /// Development mode (`CLODO_ENV` unset or `development`): a missing
    /// signing key is generated and kept in the data directory, and ready-made
    /// tokens are printed at start-up.
    pub dev: bool,
    /// File of secrets (`CLODO_DEV_VARS`, default `.dev.vars`).
    pub dev_vars: PathBuf,
    /// Connections in the SQLite pool.
    pub pool_size: usize,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl ServerConfig {
    /// Reads `PORT`, `CLODO_HOST`, `CLODO_DOMAIN`, `CLODO_DATA_DIR`, `CLODO_ENV`, `CLODO_DEV_VARS`.
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
        let dev = match env("CLODO_ENV").as_deref() {
            None | Some("development") | Some("dev") => true,
            Some("production") | Some("staging") => false,
            Some(other) => {
                return Err(StartError::Config(format!(
                    "CLODO_ENV must be development, staging or production, got {other:?}"
                )));
            }
        };
        let domain = env("CLODO_DOMAIN").unwrap_or_else(|| DEV_DOMAIN.to_owned());
        validate_domain_name(&domain)?;
        Ok(Self {
            addr: SocketAddr::new(host, port),
            domain,
            data_dir: env("CLODO_DATA_DIR").map_or_else(|| PathBuf::from(".clodo"), PathBuf::from),
            dev,
            dev_vars: env("CLODO_DEV_VARS")
                .map_or_else(|| PathBuf::from(".dev.vars"), PathBuf::from),
            pool_size: DEFAULT_POOL_SIZE,
        })
    }

    /// A development config for `domain` with data under `data_dir`, on an ephemeral loopback port.
    pub fn for_tests(domain: &str, data_dir: &Path) -> Self {
        Self {
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            domain: domain.to_owned(),
            data_dir: data_dir.to_path_buf(),
            dev: true,
            dev_vars: data_dir.join(".dev.vars"),
            pool_size: DEFAULT_POOL_SIZE,
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
/// migrations and builds the service.
pub async fn start_service(
    app: &App,
    cfg: &ServerConfig,
) -> Result<(Arc<Service>, Option<DevTokens>), StartError> {
    let mut secrets =
        Secrets::from_dev_vars(&cfg.dev_vars).map_err(|e| StartError::Config(e.to_string()))?;
    secrets.overlay_env(&[
        SIGNING_KEY_SECRET,
        PREVIOUS_SIGNING_KEY_SECRET,
        auth::PREVIOUS_KEY_UNTIL_SECRET,
    ]);
    let dir = cfg.domain_dir();
    let key = match secrets.get(SIGNING_KEY_SECRET) {
        Some(k) => k.to_owned(),
        None if cfg.dev => dev_signing_key(&dir)?,
        None => {
            return Err(StartError::Config(format!(
                "secret {SIGNING_KEY_SECRET} is not set for domain {}: set it in the environment or in {} \
                 (at least {} bytes, e.g. `openssl rand -hex 32`)",
                cfg.domain,
                cfg.dev_vars.display(),
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
    let db = Db::new(SqliteDb::open(dir.join("db.sqlite3"), cfg.pool_size)?);
    let mut domain = Domain::new(&cfg.domain);
    domain.secrets = secrets;
    let dev_tokens = cfg.dev.then(|| {
        let now = auth::unix_now();
        let person = |id: &str, role: &str| {
            User::new(id, format!("{id}@{}", cfg.domain), vec![role.to_owned()])
        };
        DevTokens {
            customer: keys.mint(&person("dev-customer", "customer"), now, DEV_TOKEN_TTL_SECS),
            staff: keys.mint(&person("dev-staff", "staff"), now, DEV_TOKEN_TTL_SECS),
        }
    });
    let mut runtime = crate::app::runtime(domain, db, keys);
    runtime.data_dir = Some(dir.clone());
    let service = app.start(runtime).await?;
    Ok((Arc::new(service), dev_tokens))
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
    let filter = tracing_subscriber::EnvFilter::try_from_env("CLODO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// Usage of a block binary, printed by `--help`.
pub const USAGE: &str = "usage: <block> [serve|contract|--help]

  serve       serve the app on 127.0.0.1 (the default)
  contract    print the OpenAPI contract served at /openapi.json and exit
  d1-migrations DIR
              write the blocks' migrations as a wrangler migrations_dir and exit

environment:
  PORT            port to listen on (default 8787)
  CLODO_DOMAIN    domain served (default dev.localhost)
  CLODO_DATA_DIR  data directory (default .clodo)
  CLODO_ENV       development (default) or production
  CLODO_DEV_VARS  secrets file (default .dev.vars)
  CLODO_LOG       log filter (default info)";

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
        init_logging();
        let cfg = ServerConfig::from_env()?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        rt.block_on(self.serve_with(cfg))
    }

    /// Serves with an explicit config until Ctrl-C.
    pub async fn serve_with(self, cfg: ServerConfig) -> Result<(), StartError> {
        let (service, tokens) = start_service(&self, &cfg).await?;
        let listener = tokio::net::TcpListener::bind(cfg.addr).await.map_err(|e| {
            StartError::Config(format!(
                "cannot listen on {}: {e} (set PORT to use another port)",
                cfg.addr
            ))
        })?;
        let server = serve_on(listener, service).await;
        let base = format!("http://{}", server.addr());
        let blocks: Vec<String> = self
            .mounted()
            .map(|(p, i)| format!("{} at {}/", i.name, if p.is_empty() { "" } else { p }))
            .collect();
        println!(
            "clodo: serving {} for domain {} on {base}",
            blocks.join(", "),
            cfg.domain
        );
        println!(
            "       docs {base}/docs, contract {base}/openapi.json, data in {}",
            cfg.domain_dir().display()
        );
        if let Some(t) = tokens {
            let file = cfg.domain_dir().join("dev-tokens.env");
            let text = format!("CUSTOMER_TOKEN={}\nSTAFF_TOKEN={}\n", t.customer, t.staff);
            std::fs::write(&file, text)?;
            println!(
                "DEV ONLY: tokens for {} (valid 24 h; also in {}):",
                cfg.domain,
                file.display()
            );
            println!("  customer: {}", t.customer);
            println!("  staff:    {}", t.staff);
        }
        shutdown_signal().await?;
        println!("clodo: shutting down");
        server.shutdown().await;
        Ok(())
    }
}
