//! `cargo clodo deploy` and `cargo clodo migrate`: a block crate to
//! Cloudflare for one domain and environment, driven by the domain files
//! (`domains/*.toml`, see `clodo_sdk::config`) and the `wrangler` CLI.
//!
//! # The order of the steps
//!
//! 1. [`StepKind::Generate`]: `wrangler.toml` for every domain into the
//!    build folder (local);
//! 2. [`StepKind::FindDatabase`]: `wrangler d1 list --json`, the env's
//!    database by name (read-only);
//! 3. [`StepKind::CheckSecrets`]: `wrangler secret list`, every required
//!    secret and `CLODO_SIGNING_KEY` present (read-only);
//! 4. [`StepKind::Build`]: the Worker bundle and `migrations/` (local);
//! 5. [`StepKind::Database`]: `wrangler d1 create` when it was missing, and
//!    its id written into the domain file and `wrangler.toml`;
//! 6. [`StepKind::Migrate`]: `wrangler d1 migrations apply DB --remote`;
//! 7. [`StepKind::Deploy`]: `wrangler deploy`;
//! 8. [`StepKind::Health`]: `GET https://<first hostname>/healthz`.
//!
//! Everything that can fail without touching the account (reading the
//! files, looking the database up, the secrets, the build) comes before the
//! first remote change, so a missing secret or a broken build leaves the
//! account as it was. The database is created only then, the migrations run
//! before the new code (the Workers' code expects its tables; the previous
//! version keeps working on a schema that only grew), and the health check
//! comes last. The first failure stops the deploy; the steps after it are
//! reported as not run, and a failed migration is never reported as applied.
//!
//! Credentials (`CLOUDFLARE_API_TOKEN`, wrangler's login) reach wrangler only
//! through its inherited environment: never on a command line, never
//! printed, and values that look like tokens are blanked in what wrangler
//! prints (see [`process::redact`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use clodo_sdk::config::{self, DomainConfig, Env};

pub mod domain_file;
pub mod health;
pub mod plan;
pub mod process;
pub(crate) mod run;
pub mod wrangler_toml;

pub use run::Report;

use crate::worker_build::{self, BuildError, BuildOptions};
use process::{CommandLine, ProcessError};

/// What went wrong in a deploy or migrate.
#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    /// The domain files are invalid or unreadable.
    #[error("{0}")]
    Config(#[from] config::ConfigError),
    /// No file for the domain.
    #[error("no domain {domain:?} in {dir}; known: {known}")]
    UnknownDomain {
        /// The domain asked for.
        domain: String,
        /// The folder searched.
        dir: String,
        /// The domains found.
        known: String,
    },
    /// The env has nothing to deploy.
    #[error(
        "{domain} configures nothing for {env}: add `[hostnames] {env} = [...]` or `[databases.{env}]` to {file}"
    )]
    NothingToDeploy {
        /// The domain.
        domain: String,
        /// The environment.
        env: Env,
        /// The domain file.
        file: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {message}")]
    File {
        /// The file, as shown.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// wrangler could not be run or timed out.
    #[error(transparent)]
    Process(#[from] ProcessError),
    /// A wrangler command failed.
    #[error("`{command}` failed:\n{output}")]
    Wrangler {
        /// The command, as shown.
        command: String,
        /// What it printed (credentials blanked).
        output: String,
    },
    /// wrangler printed something unexpected.
    #[error("could not read the output of `{command}`: {message}")]
    Unexpected {
        /// The command, as shown.
        command: String,
        /// What was wrong.
        message: String,
    },
    /// The database the file names is not the account's.
    #[error("{message}")]
    DatabaseMismatch {
        /// What does not match.
        message: String,
    },
    /// Secrets are missing on the Worker.
    #[error("the Worker {worker} lacks the secret(s) {}", missing.join(", "))]
    MissingSecrets {
        /// The Worker's name.
        worker: String,
        /// Names of the missing secrets.
        missing: Vec<String>,
        /// The commands that set them.
        commands: Vec<String>,
    },
    /// Migrations failed (the failing one was rolled back by wrangler).
    #[error("the migrations were not applied: `{command}` failed:\n{output}")]
    Migrations {
        /// The command, as shown.
        command: String,
        /// What it printed.
        output: String,
    },
    /// The bundle could not be built.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// `--skip-build` without a bundle.
    #[error(
        "no bundle in {0}: build it first (`cargo clodo build --worker --out {0}`) or drop --skip-build"
    )]
    NoBundle(String),
    /// The deployed Worker does not answer its health check.
    #[error("the health check failed: {0}")]
    Health(String),
}

impl DeployError {
    /// What to do next.
    pub fn help(&self) -> String {
        match self {
            DeployError::Config(config::ConfigError::Invalid(_)) => "fix each domain file at the line shown, then run the command again".into(),
            DeployError::Config(config::ConfigError::Io { .. }) => "pass -p PACKAGE (its domains/ folder) or --dir with the folder of the domain files; `cargo clodo domain add NAME -p PACKAGE` creates the first one".into(),
            DeployError::UnknownDomain { .. } => "pass --domain with one of the known domains, or --dir with the folder of the domain files".into(),
            DeployError::NothingToDeploy { .. } => "give the environment hostnames or a database in the domain file".into(),
            DeployError::File { .. } => "check the path and its permissions".into(),
            DeployError::Process(ProcessError::Spawn { .. }) => "install the Workers tools with `bash .ci/install-workers.sh`, or point CLODO_WRANGLER at a wrangler executable".into(),
            DeployError::Process(ProcessError::Timeout { .. }) => "check the network and wrangler's login (`wrangler whoami`), then run the command again".into(),
            DeployError::Wrangler { .. } | DeployError::Unexpected { .. } => "check wrangler's login (`wrangler whoami`, or CLOUDFLARE_API_TOKEN in the environment) and the account id in the domain file, then run the command again".into(),
            DeployError::DatabaseMismatch { .. } => "fix `databases.<env>.id` in the domain file (or remove it to look the database up by name)".into(),
            DeployError::MissingSecrets { commands, .. } => format!("set each one (wrangler asks for the value), then deploy again:\n  {}", commands.join("\n  ")),
            DeployError::Migrations { .. } => "fix the failing migration (wrangler rolled it back; the ones before it stay applied), then run the command again; nothing was deployed".into(),
            DeployError::Build(BuildError::MissingTool { .. }) => "run `bash .ci/install-workers.sh` (once per machine)".into(),
            DeployError::Build(_) => "fix the build (see above); `cargo clodo build --worker -p PACKAGE` runs it alone".into(),
            DeployError::NoBundle(_) => "build the bundle first, or drop --skip-build".into(),
            DeployError::Health(_) => "the new version is live but unhealthy: check `wrangler tail --env ENV`, or roll back with `wrangler rollback --env ENV`".into(),
        }
    }
}

/// The wrangler to run: `CLODO_WRANGLER`, else the pinned one of
/// `.ci/install-workers.sh`, else `wrangler` on `PATH`.
pub fn wrangler_program() -> PathBuf {
    if let Some(w) = std::env::var_os("CLODO_WRANGLER").filter(|w| !w.is_empty()) {
        return PathBuf::from(w);
    }
    let pinned = worker_build::tools_dir().join("bin/wrangler");
    if pinned.is_file() {
        return pinned;
    }
    PathBuf::from("wrangler")
}

/// What to deploy where.
#[derive(Debug, Clone)]
pub struct Request {
    /// The project root: commands run there, paths are shown relative to it.
    pub root: PathBuf,
    /// The folder of the domain files.
    pub domains_dir: PathBuf,
    /// The domain (`name` of its file).
    pub domain: String,
    /// The environment (staging or production for deploys).
    pub env: Env,
    /// The block crate.
    pub package: String,
    /// The build folder (`target/workers/<package>` by default).
    pub out: PathBuf,
    /// The wrangler executable.
    pub wrangler: PathBuf,
    /// Base URL of the health check (default `https://<first hostname>`).
    pub health_url: Option<String>,
    /// Bound of the health check, retries included.
    pub health_timeout: Duration,
    /// Use the bundle already in `out`.
    pub skip_build: bool,
    /// Run wasm-opt.
    pub opt: bool,
}

/// One step of a deploy or migrate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Write `wrangler.toml`.
    Generate,
    /// Look the database up.
    FindDatabase,
    /// Check the Worker's secrets.
    CheckSecrets,
    /// Build the bundle and `migrations/`.
    Build,
    /// Write `migrations/` only (migrate).
    WriteMigrations,
    /// Create the database if missing; record its id.
    Database,
    /// Apply the migrations (remote).
    Migrate,
    /// Apply the migrations to the domain's and env's own local D1
    /// ([`crate::local_dirs::local_d1`]).
    MigrateLocal,
    /// `wrangler deploy`.
    Deploy,
    /// `GET /healthz`.
    Health,
}

/// The steps of `cargo clodo deploy`, in order (see the module docs).
pub const DEPLOY_STEPS: [StepKind; 8] = [
    StepKind::Generate,
    StepKind::FindDatabase,
    StepKind::CheckSecrets,
    StepKind::Build,
    StepKind::Database,
    StepKind::Migrate,
    StepKind::Deploy,
    StepKind::Health,
];

/// The steps of `cargo clodo migrate` (remote: the database must exist).
pub fn migrate_steps(local: bool) -> Vec<StepKind> {
    if local {
        vec![
            StepKind::Generate,
            StepKind::WriteMigrations,
            StepKind::MigrateLocal,
        ]
    } else {
        vec![
            StepKind::Generate,
            StepKind::FindDatabase,
            StepKind::Database,
            StepKind::WriteMigrations,
            StepKind::Migrate,
        ]
    }
}

/// A loaded deploy: the request, every domain file, the target's state.
#[derive(Debug)]
pub struct Deployment {
    req: Request,
    domains: Vec<DomainConfig>,
    /// The text of each domain file (edited in place when an id is recorded).
    texts: Vec<String>,
    /// The index of the target domain.
    target: usize,
    /// The id of the env's database, once known.
    db_id: Option<String>,
    /// Whether `FindDatabase` saw the database in the account.
    db_found: bool,
    /// Whether a missing database may be created (deploy: yes; migrate: no).
    pub create_missing: bool,
}

impl Deployment {
    /// Reads and validates every domain file and finds the target domain.
    pub fn load(req: Request) -> Result<Self, DeployError> {
        let domains = config::load_dir(&req.domains_dir)?;
        let mut texts = Vec::with_capacity(domains.len());
        for d in &domains {
            texts.push(
                std::fs::read_to_string(&d.file).map_err(|e| DeployError::File {
                    path: process::show_path(&req.root, &d.file),
                    message: e.to_string(),
                })?,
            );
        }
        let target = domains
            .iter()
            .position(|d| d.name == req.domain)
            .ok_or_else(|| DeployError::UnknownDomain {
                domain: req.domain.clone(),
                dir: process::show_path(&req.root, &req.domains_dir),
                known: if domains.is_empty() {
                    "none".into()
                } else {
                    domains
                        .iter()
                        .map(|d| d.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            })?;
        let d = &domains[target];
        if !wrangler_toml::deploy_envs(d).contains(&req.env) {
            return Err(DeployError::NothingToDeploy {
                domain: d.name.clone(),
                env: req.env,
                file: process::show_path(&req.root, &d.file),
            });
        }
        let db_id = d.databases.get(&req.env).and_then(|db| db.id.clone());
        Ok(Deployment {
            req,
            domains,
            texts,
            target,
            db_id,
            db_found: false,
            create_missing: true,
        })
    }

    /// The request.
    pub fn request(&self) -> &Request {
        &self.req
    }

    /// The target domain.
    pub fn domain(&self) -> &DomainConfig {
        &self.domains[self.target]
    }

    /// The wrangler environment: `<slug>-<env>`.
    pub fn env_name(&self) -> String {
        wrangler_toml::env_name(&self.domain().name, self.req.env)
    }

    /// The env's D1 database name.
    pub fn database_name(&self) -> String {
        wrangler_toml::database_name(self.domain(), self.req.env)
    }

    /// The Worker's name.
    pub fn worker_name(&self) -> String {
        wrangler_toml::worker_name(&self.req.package, &self.domain().name, self.req.env)
    }

    /// `wrangler.toml` as it is now (ids known so far).
    pub fn wrangler_toml(&self) -> String {
        wrangler_toml::generate(&self.req.package, &self.domains)
    }

    /// Where `wrangler.toml` goes.
    pub fn wrangler_toml_path(&self) -> PathBuf {
        self.req.out.join("wrangler.toml")
    }

    /// The options of the build step.
    pub fn build_options(&self) -> BuildOptions {
        BuildOptions {
            out: self.req.out.clone(),
            domain: self.domain().name.clone(),
            opt: self.req.opt,
            migrations: true,
            dev_vars: false,
            wrangler_toml: false,
            ..BuildOptions::new(&self.req.root, &self.req.package)
        }
    }

    /// A wrangler command run in the build folder.
    pub fn wrangler<I, S>(&self, args: I) -> CommandLine
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        CommandLine::new(&self.req.wrangler, &self.req.out).args(args)
    }

    fn show(&self, path: &Path) -> String {
        process::show_path(&self.req.root, path)
    }
}
