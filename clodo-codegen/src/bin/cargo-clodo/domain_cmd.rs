//! `cargo clodo domain add|list|check|schema`.

use super::*;

pub(super) const DOMAIN_HELP: &str = "\
Examples:
  cargo clodo domain add sweetbakery.com --display-name 'Sweet Bakery' --feature magic_link_auth
  cargo clodo domain list --json
  cargo clodo domain check -p example-bakery-orders
  cargo clodo domain schema --out domains/_schema.json

The domain files are in the block crate's domains/ folder: of the package -p names
(from anywhere in its workspace), else of the package around the current directory,
else ./domains; --dir overrides it.

Secrets are named in domain files, never stored there: values go in the
environment, .dev.vars locally, or `wrangler secret put NAME` for a Worker.";

#[derive(Subcommand)]
pub(super) enum DomainCommand {
    /// Write DIR/NAME.toml: a commented template to fill in.
    #[command(after_help = "\
Examples:
  cargo clodo domain add sweetbakery.com
  cargo clodo domain add greatidude.com --display-name 'Great Idude' --feature sms_notifications=true
  cargo clodo domain add sweetbakery.com --hostname production=sweetbakery.com --hostname staging=staging.sweetbakery.com
  cargo clodo domain add sweetbakery.com -p example-bakery-orders
  cargo clodo domain add staging.example.com --dir config/domains

Refuses to replace an existing file. Then edit the file and run `cargo clodo domain check`.")]
    Add {
        /// The domain: a DNS host name such as sweetbakery.com.
        name: String,
        /// A human name for the domain.
        #[arg(long)]
        display_name: Option<String>,
        /// A feature flag, on unless `=false` is given (repeatable).
        #[arg(long = "feature", value_name = "FLAG[=true|false]", value_parser = clodo_codegen::domain::feature_arg)]
        features: Vec<(String, bool)>,
        /// A host name of the domain in an environment (development, staging or production; repeatable).
        #[arg(long = "hostname", value_name = "ENV=HOST", value_parser = clodo_codegen::domain::hostname_arg)]
        hostnames: Vec<(String, String)>,
        /// The block's package: its domains/ folder (default: the package here).
        #[arg(short = 'p', long = "package")]
        package: Option<String>,
        /// The domains folder, created if missing (default: the package's domains/).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Print a table of the domains: flags on, hostnames and databases per environment.
    #[command(after_help = "\
Examples:
  cargo clodo domain list
  cargo clodo domain list --json | jq '.[].name'")]
    List {
        /// The block's package: its domains/ folder (default: the package here).
        #[arg(short = 'p', long = "package")]
        package: Option<String>,
        /// The domains folder (default: the package's domains/).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// One JSON document, for tools.
        #[arg(long)]
        json: bool,
    },
    /// Validate every domain file, and check them against what the app's blocks provide.
    #[command(after_help = "\
Examples:
  cargo clodo domain check
  cargo clodo domain check -p example-bakery-orders --dir domains

Reports every problem as file:line:column. With a package (-p, or the one in the
current directory) also runs `cargo run -p PACKAGE -- manifest` and reports flags
no block declares, blocks the app does not have and blocks sharing a prefix.
Exit 2 on any problem.")]
    Check {
        /// The domains folder (default: the package's domains/).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// The app's package (default: the package in the current directory, if any).
        #[arg(short = 'p', long = "package")]
        package: Option<String>,
    },
    /// Print the JSON Schema of domain files, for editors.
    #[command(after_help = "\
Examples:
  cargo clodo domain schema > domain.schema.json
  cargo clodo domain schema --out domains/_schema.json

Files whose name starts with `_` are not domains, so the schema may live beside them.
With taplo (Even Better TOML), point a file at it: #:schema ./_schema.json")]
    Schema {
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub(super) fn print_problems(problems: &[clodo_sdk::config::ConfigProblem]) {
    let mut err = anstream::stderr();
    for p in problems {
        let key = if p.key.is_empty() {
            String::new()
        } else {
            format!("`{}`: ", p.key)
        };
        let _ = writeln!(
            err,
            "{ERROR}error:{ERROR:#} {}:{}:{}: {key}{}",
            p.file, p.line, p.column, p.message
        );
        if let Some(hint) = &p.hint {
            let _ = writeln!(err, "  {HELP}hint:{HELP:#} {hint}");
        }
    }
}

pub(super) fn problems_failure(
    problems: &[clodo_sdk::config::ConfigProblem],
    what: &str,
) -> Failure {
    print_problems(problems);
    let n = problems.len();
    Failure::new(format!(
        "{n} problem{} {what}",
        if n == 1 { "" } else { "s" }
    ))
    .help("fix each one at the line and column shown, then run `cargo clodo domain check` again")
}

pub(super) fn domain_failure(
    e: clodo_codegen::domain::DomainError,
    dir: &std::path::Path,
) -> Failure {
    use clodo_codegen::domain::DomainError as E;
    use clodo_sdk::config::ConfigError;
    let help = match &e {
        E::Config(ConfigError::Invalid(list)) => {
            return problems_failure(list, &format!("in {}", dir.display()));
        }
        E::InvalidInput(_) => "a domain is a DNS host name like sweetbakery.com; flags are lower snake case, e.g. --feature sms_notifications=true".to_owned(),
        E::Exists(path) => format!(
            "edit {} instead, or remove it to start over; `cargo clodo domain list` shows the domains",
            path.display()
        ),
        E::NoFolder(_) => format!(
            "create it with `cargo clodo domain add NAME --dir {}`, or pass --dir with the folder of the domain files",
            dir.display()
        ),
        E::Config(ConfigError::Io { .. }) | E::Io { .. } => {
            "check the path and its permissions".to_owned()
        }
        E::Cargo(_) => "check that cargo is installed and on PATH".to_owned(),
        E::NoManifest { package } => format!(
            "`{package}` must call `app().run_cli()` from a clodo-sdk that knows `manifest`; or leave -p out to skip the cross-check"
        ),
        E::Build { package, .. } => format!(
            "check that `{package}` is a package of this workspace and that `cargo run -p {package} -- manifest` works"
        ),
        E::NotManifest { .. } => {
            "the block's main must call `app().run_cli()`, which prints the manifest for `manifest`".to_owned()
        }
    };
    Failure::new(e).help(help)
}

/// The domains folder of a `domain` command (see `clodo_codegen::workspace`),
/// relative to the current directory when inside it (as messages show it).
pub(super) fn resolve_domains_dir(
    dir: Option<&std::path::Path>,
    package: Option<&str>,
) -> Result<PathBuf, Failure> {
    let cwd = current_dir()?;
    let dir = clodo_codegen::workspace::domains_dir(&cwd, dir, package).map_err(locate_failure)?;
    Ok(clodo_codegen::workspace::shown(&cwd, &dir))
}

pub(super) fn run_domain(command: DomainCommand) -> Result<u8, Failure> {
    use clodo_codegen::domain;
    match command {
        DomainCommand::Add {
            name,
            display_name,
            features,
            hostnames,
            package,
            dir,
        } => {
            let dir = resolve_domains_dir(dir.as_deref(), package.as_deref())?;
            let path = domain::add(&dir, &name, display_name.as_deref(), &features, &hostnames)
                .map_err(|e| domain_failure(e, &dir))?;
            println!("{}", path.display());
            let _ = writeln!(
                anstream::stderr(),
                "{HELP}next:{HELP:#} fill in {} (hostnames, databases, secrets), then `cargo clodo domain check`",
                path.display()
            );
            Ok(0)
        }
        DomainCommand::List { package, dir, json } => {
            let dir = resolve_domains_dir(dir.as_deref(), package.as_deref())?;
            let domains = domain::load(&dir).map_err(|e| domain_failure(e, &dir))?;
            if json {
                let text = serde_json::to_string_pretty(&domain::to_json(&domains))
                    .map_err(|e| Failure::new(format!("cannot encode the list: {e}")))?;
                println!("{text}");
            } else {
                print!("{}", domain::table(&domains));
            }
            Ok(0)
        }
        DomainCommand::Check { dir, package } => {
            let dir = resolve_domains_dir(dir.as_deref(), package.as_deref())?;
            let domains = domain::load(&dir).map_err(|e| domain_failure(e, &dir))?;
            let explicit = package.is_some();
            match package.or_else(dev::current_package) {
                None => note(
                    "Skipped",
                    "the check against an app: no package here (pass -p PACKAGE)",
                ),
                Some(package) => {
                    let app = with_progress(
                        &format!("building {package} and reading its manifest"),
                        || domain::manifest(&package),
                    );
                    match app {
                        Ok(app) => {
                            let problems = domain::check(&domains, &app);
                            if !problems.is_empty() {
                                return Err(problems_failure(
                                    &problems,
                                    &format!("against the blocks of {package}"),
                                ));
                            }
                            note("Checked", format!("against the blocks of {package}"));
                        }
                        Err(domain::DomainError::NoManifest { .. }) if !explicit => {
                            let why = "its binary does not answer `manifest`";
                            note("Skipped", format!("the check against {package}: {why}"));
                        }
                        Err(e) => return Err(domain_failure(e, &dir)),
                    }
                }
            }
            let n = domains.len();
            println!("{n} domain{} ok", if n == 1 { "" } else { "s" });
            Ok(0)
        }
        DomainCommand::Schema { out } => {
            let text = domain::schema_text();
            match out {
                Some(path) => {
                    contract::write(&path, text.as_bytes()).map_err(contract_failure)?;
                    note("Wrote", path.display());
                }
                None => print!("{text}"),
            }
            Ok(0)
        }
    }
}
