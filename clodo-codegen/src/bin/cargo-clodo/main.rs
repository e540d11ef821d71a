//! `cargo clodo`: the command-line front of `clodo-codegen`.
//!
//! Exit codes: 0 success; 1 a check found something (contract drift,
//! breaking changes); 2 an error (bad arguments, an invalid document, a
//! failed build, an unwritable file).

use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anstyle::{AnsiColor, Style};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use clodo_codegen::{client, contract, dev, diff, own_crates, routes, scaffold};

mod domain_cmd;
mod workers_cmd;
use domain_cmd::*;
use workers_cmd::*;

const AFTER_HELP: &str = "\
Exit codes: 0 success, 1 a check found something (contract drift, breaking changes), 2 an error.

Examples:
  cargo clodo new-block bakery-orders
  cargo clodo contract -p bakery-orders --out contract.json --check
  cargo clodo client --spec contract.json --out bakery-client
  cargo clodo diff old.json new.json";

/// Clodo: blocks, contracts and clients.
#[derive(Parser)]
#[command(name = "cargo clodo", bin_name = "cargo clodo", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a new block crate from a template.
    #[command(after_help = "\
Examples:
  cargo clodo new-block bakery-orders
  cargo clodo new-block inventory --template crud --path blocks/inventory
  cargo clodo new-block shop --sdk-git https://github.com/clodo-dev/clodo --sdk-rev v0.1.0

The new crate depends on clodo-sdk, and on the generic blocks its template
mounts (clodo-auth; with crud also clodo-data) from the same source, from, in
this order: --sdk-path, --sdk-git or --sdk-version; the Clodo clone this
cargo-clodo was built from (`cargo install --path clodo-codegen`), if it still
exists; the Clodo clone the crate is written into; the registry. The lines
chosen are printed.
Then: cd <dir> && cargo test && cargo run")]
    NewBlock {
        /// Crate name: lowercase letters, digits, `-` and `_`.
        name: String,
        /// Which example to start from.
        #[arg(long, value_enum, default_value_t = TemplateArg::Basic)]
        template: TemplateArg,
        /// Directory to create (default: ./NAME); must be missing or empty.
        #[arg(long)]
        path: Option<PathBuf>,
        /// Depend on the clodo-sdk at this path (its folder, or the Clodo clone holding it; the blocks come from its blocks/).
        #[arg(long, conflicts_with_all = ["sdk_version", "sdk_git"])]
        sdk_path: Option<PathBuf>,
        /// Depend on clodo-sdk from this git repository of Clodo.
        #[arg(long, value_name = "URL", conflicts_with = "sdk_version")]
        sdk_git: Option<String>,
        /// The commit, tag or branch of --sdk-git.
        #[arg(long, value_name = "REV", requires = "sdk_git")]
        sdk_rev: Option<String>,
        /// Depend on this clodo-sdk version from the registry.
        #[arg(long)]
        sdk_version: Option<String>,
    },
    /// Export the OpenAPI contract a block serves (the same bytes as its /openapi.json).
    #[command(after_help = "\
Examples:
  cargo clodo contract -p example-bakery-orders
  cargo clodo contract -p example-bakery-orders --out contracts/bakery.json
  cargo clodo contract -p example-bakery-orders --out contracts/bakery.json --check   # CI drift gate")]
    Contract {
        /// The block's package (default: the package in the current directory).
        #[arg(short = 'p', long = "package")]
        package: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Compare with the file given by --out instead of writing it; exit 1 on any difference.
        #[arg(long, requires = "out")]
        check: bool,
    },
    /// Report the changes between two contracts; exit 1 when any breaks clients.
    #[command(after_help = "\
Breaking: removed operations, success responses or response fields; new required
parameters or body fields; narrowed types, formats or enums; auth added or tightened.

Examples:
  cargo clodo diff contracts/bakery.json new.json
  cargo clodo diff old.yaml new.yaml --format json")]
    Diff {
        /// The contract clients were built against (JSON or YAML).
        old: PathBuf,
        /// The new contract.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Generate a typed Rust client crate from an OpenAPI 3.0 document.
    #[command(after_help = "\
Examples:
  cargo clodo client --spec contract.json --out bakery-client
  cargo clodo client --spec api.yaml --out clients/api --name api-client

The crate depends on clodo-client, the runtime every generated client shares
(transport, errors, retries), from: --clodo-path, --clodo-git or
--clodo-version; else the Clodo clone this cargo-clodo was built from; else the
clone the crate is written into; else the registry. --standalone embeds that
runtime as src/runtime.rs instead (no dependency on Clodo at all).
It uses reqwest over rustls by default (feature `reqwest`); without it, pass
your own Transport (a Service Binding in a Worker). Running it again on the
same directory replaces the generated crate.")]
    Client {
        /// The OpenAPI 3.0.x document, JSON or YAML.
        #[arg(long)]
        spec: PathBuf,
        /// Directory of the crate to write.
        #[arg(long)]
        out: PathBuf,
        /// Crate name (default: from the document's title, `<title>-client`).
        #[arg(long)]
        name: Option<String>,
        /// Leave out the empty `[workspace]` table (to add the crate to an enclosing workspace).
        #[arg(long)]
        workspace_member: bool,
        /// Leave the reqwest transport out of the default features (for a Worker,
        /// which passes its own Transport).
        #[arg(long)]
        no_default_transport: bool,
        /// Embed the runtime (src/runtime.rs) instead of depending on clodo-client.
        #[arg(long, conflicts_with_all = ["clodo_path", "clodo_git", "clodo_version"])]
        standalone: bool,
        /// Depend on the clodo-client of this Clodo clone (or its clodo-client folder).
        #[arg(long, conflicts_with_all = ["clodo_git", "clodo_version"])]
        clodo_path: Option<PathBuf>,
        /// Depend on clodo-client from this git repository of Clodo.
        #[arg(long, value_name = "URL", conflicts_with = "clodo_version")]
        clodo_git: Option<String>,
        /// The commit, tag or branch of --clodo-git.
        #[arg(long, value_name = "REV", requires = "clodo_git")]
        clodo_rev: Option<String>,
        /// Depend on this clodo-client version from the registry.
        #[arg(long)]
        clodo_version: Option<String>,
    },
    /// Print a table of a block's routes: method, path, operation, auth and roles.
    #[command(after_help = "\
Examples:
  cargo clodo routes -p example-bakery-orders
  cd my-block && cargo clodo routes")]
    Routes {
        /// The block's package (default: the package in the current directory).
        #[arg(short = 'p', long = "package")]
        package: Option<String>,
    },
    /// Build and serve a block natively; rebuild and restart it when its sources change.
    ///
    /// With --workerd, its Worker bundle on workerd with local D1 instead.
    #[command(after_help = "\
Examples:
  cargo clodo dev -p example-bakery-orders
  PORT=9000 cargo clodo dev
  cargo clodo dev --workerd -p example-bakery-orders
  cargo clodo dev --workerd --port 9000 --domain sweetbakery.localhost

Watches Cargo.toml, build.rs, src/ and migrations/ of the package. Stop with Ctrl-C
(SIGINT or SIGTERM reach the server it started, and it waits for the server to exit).

With --workerd: builds the Worker bundle into target/clodo/<package>/dev/ (as
`cargo clodo build --worker --dev-vars --no-opt`; CLODO_STATE_DIR replaces
target/clodo), applies the migrations to the domain's own local D1
(dev/<domain>/d1) with `wrangler d1 migrations apply DB --local` (as a deploy
does; a failed migration stops it) and serves it on 127.0.0.1:PORT under
workerd, the dev mailer's outbox on PORT+1 (GET /outbox). It prints a customer
and a staff token (24 h) minted with the bundle's .dev.vars signing key, writes
them to dev/<domain>/dev-tokens.env and serves them at PORT+1 (GET /dev-tokens).
On change it rebuilds, re-applies and restarts. Needs the tools of
`bash .ci/install-workers.sh`.")]
    Dev {
        /// The block's package (default: the package in the current directory).
        #[arg(short = 'p', long = "package")]
        package: Option<String>,
        /// Serve the Worker bundle on workerd with local D1 instead of the native server.
        #[arg(long)]
        workerd: bool,
        /// With --workerd: the Worker's port on 127.0.0.1 (default 8787; PORT+1 serves /outbox).
        #[arg(long, requires = "workerd", value_parser = clap::value_parser!(u16).range(1..65535))]
        port: Option<u16>,
        /// With --workerd: CLODO_DOMAIN of the bundle (default dev.localhost).
        #[arg(long, requires = "workerd", value_parser = parse_host)]
        domain: Option<String>,
    },
    /// Add, list and check the customer domains in domains/<domain>.toml.
    #[command(after_help = DOMAIN_HELP)]
    Domain {
        #[command(subcommand)]
        command: DomainCommand,
    },
    /// Build a block crate into a Cloudflare Worker bundle (wasm32, wasm-bindgen, wasm-opt).
    #[command(after_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Deploy a block for one domain and environment to Cloudflare with wrangler.
    #[command(after_help = DEPLOY_HELP)]
    Deploy(DeployArgs),
    /// Apply a block's D1 migrations for one domain and environment (remote or local).
    #[command(after_help = MIGRATE_HELP)]
    Migrate(MigrateArgs),
    /// Print a shell completion script.
    #[command(after_help = "\
Examples:
  cargo clodo completions bash > ~/.local/share/bash-completion/completions/cargo-clodo
  cargo clodo completions zsh > ~/.zfunc/_cargo-clodo

The script completes `cargo-clodo`; `cargo clodo` runs the same binary.")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TemplateArg {
    /// A public route, an authenticated one and a staff-only one.
    Basic,
    /// Create, read, update and delete items.
    Crud,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Readable lines.
    Text,
    /// One JSON document, for tools.
    Json,
}

/// A failure with a hint of what to do next, and its exit code.
struct Failure {
    message: String,
    help: Option<String>,
    code: u8,
}

impl Failure {
    fn new(message: impl std::fmt::Display) -> Self {
        Failure {
            message: message.to_string(),
            help: None,
            code: 2,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn code(mut self, code: u8) -> Self {
        self.code = code;
        self
    }
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();
const OK: Style = AnsiColor::Green.on_default().bold();

fn note(label: &str, message: impl std::fmt::Display) {
    let _ = writeln!(anstream::stderr(), "{OK}{label:>10}{OK:#} {message}");
}

/// Shows a spinner on a terminal while a slow step runs.
fn with_progress<T>(label: &str, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() {
        note(label, "...");
        return work();
    }
    let done = Arc::new(AtomicBool::new(false));
    let flag = done.clone();
    let text = label.to_owned();
    let spinner = std::thread::spawn(move || {
        let frames = ['|', '/', '-', '\\'];
        let start = Instant::now();
        let mut i = 0;
        while !flag.load(Ordering::Relaxed) {
            if start.elapsed() > Duration::from_secs(1) {
                eprint!(
                    "\r{} {text} ({}s)",
                    frames[i % 4],
                    start.elapsed().as_secs()
                );
                i += 1;
            }
            std::thread::sleep(Duration::from_millis(120));
        }
        eprint!("\r\x1b[2K");
    });
    let out = work();
    done.store(true, Ordering::Relaxed);
    let _ = spinner.join();
    out
}

/// A `--domain` value: a DNS host name such as `sweetbakery.com`, by the
/// rule domain files follow.
fn parse_host(s: &str) -> Result<String, String> {
    clodo_sdk::config::check_host_name(s).map(|()| s.to_owned())
}

fn main() -> ExitCode {
    // `cargo clodo x` runs `cargo-clodo clodo x`; `cargo-clodo x` works too.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "clodo") {
        args.remove(1);
    }
    let cli = Cli::parse_from(args);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            let mut err = anstream::stderr();
            let _ = writeln!(err, "{ERROR}error:{ERROR:#} {}", f.message);
            if let Some(help) = &f.help {
                let _ = writeln!(err, "{HELP}help:{HELP:#} {help}");
            }
            ExitCode::from(f.code)
        }
    }
}

fn package_or_current(package: Option<String>) -> Result<String, Failure> {
    if let Some(p) = package.or_else(dev::current_package) {
        return Ok(p);
    }
    // At a workspace root: say which packages are blocks.
    clodo_codegen::workspace::refuse_virtual_root(&current_dir()?).map_err(locate_failure)?;
    Err(
        Failure::new("no package given and the current directory is not inside a package").help(
            "pass the block's package with -p NAME, or run this inside the block's directory",
        ),
    )
}

fn current_dir() -> Result<PathBuf, Failure> {
    std::env::current_dir().map_err(|e| {
        Failure::new(format!("cannot read the current directory: {e}"))
            .help("run the command from a directory that exists and you may read")
    })
}

fn locate_failure(e: clodo_codegen::workspace::LocateError) -> Failure {
    let help = e.help();
    Failure::new(e).help(help)
}

fn contract_failure(e: contract::ContractError) -> Failure {
    let help = match &e {
        contract::ContractError::Build { package, .. } => Some(format!(
            "check that `{package}` is a package of this workspace (`cargo metadata --no-deps`) and that `cargo run -p {package} -- contract` works"
        )),
        contract::ContractError::NotOpenApi { .. } => Some(
            "a block's main must call `app().run_cli()`, which prints the contract for `contract`"
                .into(),
        ),
        contract::ContractError::Missing { package, path } => Some(format!(
            "run `cargo clodo contract -p {package} --out {}` once without `--check` to write it, then commit it",
            path.display()
        )),
        _ => None,
    };
    let code = if matches!(
        e,
        contract::ContractError::Drift { .. } | contract::ContractError::Missing { .. }
    ) {
        1
    } else {
        2
    };
    let f = Failure::new(e).code(code);
    match help {
        Some(h) => f.help(h),
        None => f,
    }
}

fn read(path: &PathBuf) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| {
        Failure::new(format!("cannot read {}: {e}", path.display()))
            .help("check the path; documents may be JSON or YAML")
    })
}

fn client_failure(e: client::ClientError) -> Failure {
    let help = match &e {
        client::ClientError::Syntax { .. } => "fix the syntax at that line and column",
        client::ClientError::Invalid { .. } => {
            "fix the document at that JSON pointer; the generator reads OpenAPI 3.0.x documents"
        }
        client::ClientError::Unsupported { .. } => {
            "rewrite that part of the document, or file an issue"
        }
        client::ClientError::CrateName(_) => "pass a valid name with --name",
        client::ClientError::OutputNotEmpty(_) => "pass --out with a new or empty directory",
        client::ClientError::Io { .. } => "check the path and its permissions",
        client::ClientError::Internal { .. } => {
            "this is a bug in cargo clodo; please report it with the document"
        }
    };
    Failure::new(e).help(help)
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::NewBlock {
            name,
            template,
            path,
            sdk_path,
            sdk_git,
            sdk_rev,
            sdk_version,
        } => {
            let dir = path.unwrap_or_else(|| PathBuf::from(&name));
            let choice = own_crates::Choice {
                path_flag: "--sdk-path",
                krate: "clodo-sdk",
                path: sdk_path,
                git: sdk_git,
                rev: sdk_rev,
                version: sdk_version,
            };
            let sdk = own_crates::resolve(&choice, &dir).map_err(|e| {
                Failure::new(e).help(
                    "pass --sdk-path with the clodo-sdk folder of a Clodo clone, \
                     or --sdk-git URL (and --sdk-rev REV), or --sdk-version VERSION",
                )
            })?;
            if let Some(n) = &sdk.note {
                note("Note", n);
            }
            let sdk = sdk.source;
            let template = match template {
                TemplateArg::Basic => scaffold::Template::Basic,
                TemplateArg::Crud => scaffold::Template::Crud,
            };
            let done = scaffold::new_block(&name, &dir, template, &sdk).map_err(|e| {
                let help = match &e {
                    scaffold::ScaffoldError::InvalidName { .. } => {
                        "for example: cargo clodo new-block bakery-orders"
                    }
                    scaffold::ScaffoldError::NotEmpty(_) => {
                        "pass --path with a new or empty directory"
                    }
                    scaffold::ScaffoldError::MissingCrate { .. } => {
                        "update that Clodo clone (the generic blocks live in its blocks/ folder), \
                         or pass --sdk-path with a newer one"
                    }
                    scaffold::ScaffoldError::Io { .. } => {
                        "check the directory's permissions; nothing was written"
                    }
                };
                Failure::new(e).help(help)
            })?;
            note("Created", format!("block {name} in {}", done.dir.display()));
            note("Depends", &done.sdk);
            for line in &done.blocks {
                note("Depends", line);
            }
            let _ = writeln!(
                anstream::stderr(),
                "{HELP}tour:{HELP:#} {}",
                done.dir.join("README.md").display()
            );
            let _ = writeln!(
                anstream::stderr(),
                "{HELP}next:{HELP:#} cd {} && cargo test && cargo run",
                dir.display()
            );
            Ok(0)
        }
        Command::Contract {
            package,
            out,
            check,
        } => {
            let package = package_or_current(package)?;
            let bytes = with_progress(
                &format!("building {package} and reading its contract"),
                || contract::export(&package, None),
            )
            .map_err(contract_failure)?;
            match (out, check) {
                (Some(path), true) => {
                    contract::check(&package, &bytes, &path).map_err(contract_failure)?;
                    note(
                        "Checked",
                        format!("{} matches the contract {package} serves", path.display()),
                    );
                }
                (Some(path), false) => {
                    contract::write(&path, &bytes).map_err(contract_failure)?;
                    note("Wrote", path.display());
                }
                (None, _) => {
                    std::io::stdout().write_all(&bytes).map_err(|e| {
                        Failure::new(format!("cannot write to standard output: {e}"))
                    })?;
                }
            }
            Ok(0)
        }
        Command::Diff { old, new, format } => {
            let (a, b) = (read(&old)?, read(&new)?);
            let report = diff::diff_texts(&a, &b).map_err(client_failure)?;
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&report)
                    .map(|s| s + "\n")
                    .map_err(|e| Failure::new(format!("cannot encode the report: {e}")))?,
                Format::Text => report.to_text(),
            };
            print!("{text}");
            if report.is_breaking() {
                let _ = writeln!(
                    anstream::stderr(),
                    "{ERROR}breaking changes:{ERROR:#} clients built against {} may fail against {}",
                    old.display(),
                    new.display()
                );
                return Ok(1);
            }
            Ok(0)
        }
        Command::Client {
            spec,
            out,
            name,
            workspace_member,
            no_default_transport,
            standalone,
            clodo_path,
            clodo_git,
            clodo_rev,
            clodo_version,
        } => {
            let text = read(&spec)?;
            let runtime = if standalone {
                client::Runtime::Embedded
            } else {
                let choice = own_crates::Choice {
                    path_flag: "--clodo-path",
                    krate: "clodo-client",
                    path: clodo_path,
                    git: clodo_git,
                    rev: clodo_rev,
                    version: clodo_version,
                };
                let resolved = own_crates::resolve(&choice, &out).map_err(|e| {
                    Failure::new(e).help(
                        "pass --clodo-path with a Clodo clone, --clodo-git URL, \
                         --clodo-version VERSION, or --standalone to embed the runtime",
                    )
                })?;
                if let Some(n) = &resolved.note {
                    note("Note", n);
                }
                let dir = std::path::absolute(&out).unwrap_or_else(|_| out.clone());
                let dep = resolved.source.dependency("clodo-client", &dir, &[]);
                note("Depends", format!("clodo-client = {dep}"));
                client::Runtime::Crate(dep)
            };
            let started = Instant::now();
            let krate = client::generate(
                &text,
                &client::Options {
                    name,
                    own_workspace: !workspace_member,
                    runtime,
                    no_default_transport,
                    source: spec.file_name().map(|f| f.to_string_lossy().into_owned()),
                },
            )
            .map_err(|e| {
                let mut f = client_failure(e);
                f.message = format!("{}: {}", spec.display(), f.message);
                f
            })?;
            client::write(&krate, &out).map_err(client_failure)?;
            note(
                "Generated",
                format!(
                    "{} in {} ({} operations, {} types, {} ms)",
                    krate.name,
                    out.display(),
                    krate.operations,
                    krate.types,
                    started.elapsed().as_millis()
                ),
            );
            let _ = writeln!(
                anstream::stderr(),
                "{HELP}next:{HELP:#} cd {} && cargo build",
                out.display()
            );
            Ok(0)
        }
        Command::Routes { package } => {
            let package = package_or_current(package)?;
            let bytes = with_progress(
                &format!("building {package} and reading its contract"),
                || contract::export(&package, None),
            )
            .map_err(contract_failure)?;
            let text = String::from_utf8_lossy(&bytes);
            let doc = client::load_document(&text).map_err(client_failure)?;
            print!("{}", routes::table(&routes::routes(&doc)));
            Ok(0)
        }
        Command::Dev {
            package,
            workerd: true,
            port,
            domain,
        } => {
            let package = package_or_current(package)?;
            let o = dev::workerd::Options {
                root: project_root()?,
                package,
                port: port.unwrap_or(dev::workerd::DEFAULT_PORT),
                domain: domain.unwrap_or_else(|| "dev.localhost".into()),
                poll: Duration::from_millis(500),
            };
            let stop = clodo_codegen::children::stop_on_signal();
            dev::workerd::run(&o, &stop, &mut |event| note("dev", event))
                .map_err(|e| Failure::new(&e).help(e.help()))?;
            Ok(0)
        }
        Command::Dev { package, .. } => {
            let package = package_or_current(package)?;
            let stop = clodo_codegen::children::stop_on_signal();
            dev::run(&package, Duration::from_millis(500), &stop, &mut |event| note("dev", event)).map_err(|e| {
                let help = match &e {
                    dev::DevError::UnknownPackage(_) => "pass the block's package with -p NAME",
                    dev::DevError::NoBinary(_) => "add src/main.rs calling `app().run_cli()` (cargo clodo new-block writes one)",
                    _ => "check that cargo works here (`cargo build`)",
                };
                Failure::new(e).help(help)
            })?;
            Ok(0)
        }
        Command::Domain { command } => run_domain(command),
        Command::Build(args) => run_build(args),
        Command::Deploy(args) => run_deploy(args),
        Command::Migrate(args) => run_migrate(args),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "cargo-clodo", &mut std::io::stdout());
            Ok(0)
        }
    }
}
