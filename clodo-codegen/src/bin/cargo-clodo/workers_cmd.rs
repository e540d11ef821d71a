//! `cargo clodo build --worker`, `deploy` and `migrate`.

use super::*;

pub(super) const BUILD_HELP: &str = "\
Examples:
  cargo clodo build --worker -p example-bakery-orders
  cargo clodo build --worker -p example-bakery-orders --dev-vars --no-opt
  cargo clodo build --worker -p my-block --out dist/my-block --domain sweetbakery.localhost

Writes DIR/worker/ (entry.mjs, index.js, index_bg.wasm), DIR/wrangler.toml (kept once you
edit it), DIR/migrations/ and, with --dev-vars, DIR/.dev.vars (local runs only). Serve it
locally with: ~/.cache/clodo/workers/bin/node scripts/workers/serve.mjs --dir DIR
The tools come from `bash .ci/install-workers.sh` (CLODO_WORKERS_TOOLS overrides the folder).";

pub(super) const DEPLOY_HELP: &str = "\
Steps: generate wrangler.toml, find the D1 database, check the secrets, build the bundle,
create the database if missing (its id is written into the domain file), apply the
migrations, wrangler deploy, GET https://<first hostname>/healthz. Nothing changes in the
account before the checks and the build passed; the first failure stops the deploy.

Examples:
  cargo clodo deploy --domain sweetbakery.com --env staging -p example-bakery-orders --dry-run
  cargo clodo deploy --domain sweetbakery.com --env production -p example-bakery-orders

Credentials: wrangler's login or CLOUDFLARE_API_TOKEN in the environment (never on the
command line). The wrangler run is CLODO_WRANGLER, else ~/.cache/clodo/workers/bin/wrangler,
else `wrangler` on PATH. Exit codes: 0 deployed, 2 an error (the report says which step).";

pub(super) const MIGRATE_HELP: &str = "\
Examples:
  cargo clodo migrate --domain sweetbakery.com --env staging -p example-bakery-orders
  cargo clodo migrate --domain sweetbakery.com --env staging --local -p example-bakery-orders

Writes wrangler.toml and migrations/ into the build folder, then runs
`wrangler d1 migrations apply DB --env <domain-slug>-<env>` with --remote, or with
--local --persist-to target/clodo/<package>/local/<domain-slug>-<env> (CLODO_STATE_DIR
replaces target/clodo): one local D1 per domain and environment, which
`scripts/workers/serve.mjs --env <domain-slug>-<env> --persist <that folder>/v3/d1` serves.";

#[derive(clap::Args)]
pub(super) struct BuildArgs {
    /// Build the Cloudflare Worker bundle (the only kind of build).
    #[arg(long)]
    worker: bool,
    /// The block's package (default: the package in the current directory).
    #[arg(short = 'p', long = "package")]
    package: Option<String>,
    /// Output folder (default: target/workers/<package>).
    #[arg(long)]
    out: Option<PathBuf>,
    /// CLODO_DOMAIN in the local wrangler.toml.
    #[arg(long, value_parser = parse_host, default_value = "dev.localhost")]
    domain: String,
    /// Skip wasm-opt (faster, a bigger bundle).
    #[arg(long)]
    no_opt: bool,
    /// Do not write migrations/ (it builds and runs the crate's native binary).
    #[arg(long)]
    skip_migrations: bool,
    /// Write DIR/.dev.vars with a random CLODO_SIGNING_KEY unless it exists.
    #[arg(long)]
    dev_vars: bool,
}

#[derive(clap::Args)]
pub(super) struct TargetArgs {
    /// The domain (`name` in domains/<domain>.toml).
    #[arg(long)]
    domain: String,
    /// The environment: staging or production.
    #[arg(long, value_parser = parse_env)]
    env: clodo_sdk::config::Env,
    /// The block's package (default: the package in the current directory).
    #[arg(short = 'p', long = "package")]
    package: Option<String>,
    /// The folder of the domain files (default: the package's domains/).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// The build folder (default: target/workers/<package>).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print every command and file change, run and write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(clap::Args)]
pub(super) struct DeployArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Base URL of the health check instead of https://<first hostname>.
    #[arg(long)]
    health_url: Option<String>,
    /// Seconds the health check may take, retries included.
    #[arg(long, default_value_t = 60)]
    health_timeout: u64,
    /// Deploy the bundle already in the build folder (from `cargo clodo build --worker`).
    #[arg(long)]
    skip_build: bool,
    /// Skip wasm-opt.
    #[arg(long)]
    no_opt: bool,
}

#[derive(clap::Args)]
pub(super) struct MigrateArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Apply to the domain's and environment's local D1 database instead of the remote one.
    #[arg(long)]
    local: bool,
}

pub(super) fn parse_env(s: &str) -> Result<clodo_sdk::config::Env, String> {
    s.parse()
        .map_err(|e: clodo_sdk::config::UnknownEnv| e.to_string())
}

pub(super) fn project_root() -> Result<PathBuf, Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure::new(format!("cannot read the current directory: {e}")))?;
    Ok(clodo_codegen::worker_build::project_root(&cwd))
}

pub(super) fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

pub(super) fn run_build(args: BuildArgs) -> Result<u8, Failure> {
    use clodo_codegen::worker_build as wb;
    if !args.worker {
        return Err(
            Failure::new("`cargo clodo build` builds Worker bundles only")
                .help("pass --worker (native builds: `cargo build`)"),
        );
    }
    let package = package_or_current(args.package)?;
    let root = project_root()?;
    let mut o = wb::BuildOptions::new(&root, &package);
    if let Some(out) = args.out {
        o.out = absolute(out);
    }
    o.domain = args.domain;
    o.opt = !args.no_opt;
    o.migrations = !args.skip_migrations;
    o.dev_vars = args.dev_vars;
    let started = Instant::now();
    for step in wb::steps(&o) {
        with_progress(&step.label(&o), || wb::run_step(&o, step)).map_err(|e| {
            let help = match &e {
                wb::BuildError::MissingTool { .. } => {
                    "run `bash .ci/install-workers.sh` (once per machine)"
                }
                wb::BuildError::Io { .. } => "check the output folder and its permissions",
                _ => "fix the error above; `cargo build -p PACKAGE` shows native errors faster",
            };
            Failure::new(e).help(help)
        })?;
    }
    let size = wb::bundle_size(&o.out)
        .map(|(w, all)| format!(" (wasm {w} bytes, {all} with JS)"))
        .unwrap_or_default();
    note(
        "Built",
        format!(
            "{} in {} s{size}",
            o.out.display(),
            started.elapsed().as_secs()
        ),
    );
    println!("{}", o.out.display());
    Ok(0)
}

pub(super) fn load_deployment(
    t: &TargetArgs,
    health_url: Option<String>,
    health_timeout: u64,
    skip_build: bool,
    opt: bool,
) -> Result<clodo_codegen::deploy::Deployment, Failure> {
    use clodo_codegen::{deploy, worker_build};
    let package = package_or_current(t.package.clone())?;
    let domains_dir =
        clodo_codegen::workspace::domains_dir(&current_dir()?, t.dir.as_deref(), Some(&package))
            .map_err(locate_failure)?;
    let root = project_root()?;
    let out = t
        .out
        .clone()
        .map(absolute)
        .unwrap_or_else(|| worker_build::default_out(&root, &package));
    let req = deploy::Request {
        domains_dir,
        domain: t.domain.clone(),
        env: t.env,
        package,
        out,
        wrangler: deploy::wrangler_program(),
        health_url,
        health_timeout: Duration::from_secs(health_timeout),
        skip_build,
        opt,
        root,
    };
    deploy::Deployment::load(req).map_err(|e| {
        let help = e.help();
        Failure::new(e).help(help)
    })
}

pub(super) fn run_steps(
    d: &mut clodo_codegen::deploy::Deployment,
    command: &str,
    steps: &[clodo_codegen::deploy::StepKind],
    dry_run: bool,
) -> Result<u8, Failure> {
    if dry_run {
        print!("{}", d.plan(command, steps));
        return Ok(0);
    }
    let report = d.run(steps, &mut |label, work| with_progress(label, work));
    let _ = write!(anstream::stderr(), "{}", report.to_text());
    match report.error {
        None => {
            note(
                "Done",
                format!("{command}: {} ({})", d.worker_name(), d.request().env),
            );
            Ok(0)
        }
        Some(e) => {
            let help = e.help();
            Err(Failure::new(e).help(help))
        }
    }
}

pub(super) fn run_deploy(args: DeployArgs) -> Result<u8, Failure> {
    if args.target.env == clodo_sdk::config::Env::Development {
        return Err(Failure::new("development is not deployed")
            .help("deploy --env staging or --env production; locally: `cargo clodo dev`, or `cargo clodo migrate --env development --local`"));
    }
    let mut d = load_deployment(
        &args.target,
        args.health_url,
        args.health_timeout,
        args.skip_build,
        !args.no_opt,
    )?;
    run_steps(
        &mut d,
        "deploy",
        &clodo_codegen::deploy::DEPLOY_STEPS,
        args.target.dry_run,
    )
}

pub(super) fn run_migrate(args: MigrateArgs) -> Result<u8, Failure> {
    if args.target.env == clodo_sdk::config::Env::Development {
        return Err(Failure::new("development has no wrangler environment").help(
            "pass --env staging or --env production (with --local for a local copy); development databases are the native runtime's SQLite files",
        ));
    }
    let mut d = load_deployment(&args.target, None, 0, true, true)?;
    d.create_missing = false;
    run_steps(
        &mut d,
        "migrate",
        &clodo_codegen::deploy::migrate_steps(args.local),
        args.target.dry_run,
    )
}
