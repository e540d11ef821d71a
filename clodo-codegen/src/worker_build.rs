//! `cargo clodo build --worker`: a block crate as a Cloudflare Worker bundle
//! (`scripts/workers/build.sh` is a thin wrapper over it).
//!
//! 1. the crate's library as a `cdylib` for `wasm32-unknown-unknown`, a
//!    size-tuned release (`opt-level=s`, LTO, one codegen unit, panic=abort
//!    through the SDK), in its own target folder (`CLODO_WASM_TARGET_DIR`,
//!    default `target/wasm`) so native builds stay valid;
//! 2. wasm-bindgen's glue (`--experimental-reset-state-function
//!    --force-enable-abort-handler`: an instance that panicked is reset on
//!    the next call), `import source` rewritten to a plain import (workerd
//!    and wrangler import `.wasm` modules without the source phase),
//!    `wasm-opt -Oz` unless `--no-opt`, and the entry module; skipped when
//!    the wasm, the options and the entry module did not change;
//! 3. `wrangler.toml` for local runs (kept when the user edited it, or when
//!    `cargo clodo deploy` wrote it);
//! 4. `migrations/`: every mounted block's migrations in the order the app
//!    applies them, from the crate's native binary (`d1-migrations DIR`);
//! 5. with `--dev-vars`, `.dev.vars` with a random `CLODO_SIGNING_KEY`.
//!
//! The tools come from `.ci/install-workers.sh` (`CLODO_WORKERS_TOOLS`,
//! default `~/.cache/clodo/workers`); nothing is downloaded here.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::deploy::process::{CommandLine, ProcessError};

/// The entry module copied into every bundle (`scripts/workers/entry.mjs`).
pub const ENTRY_MJS: &str = include_str!("../../scripts/workers/entry.mjs");

/// The local server of a bundle (`scripts/workers/serve.mjs`: workerd
/// through miniflare's Node API), written beside every bundle as
/// `serve.mjs`, so a bundle built outside the Clodo repository can be served
/// (`cargo clodo dev --workerd`, `clodo_sdk::testing::workerd`).
pub const SERVE_MJS: &str = include_str!("../../scripts/workers/serve.mjs");

/// The `compatibility_date` of every generated `wrangler.toml`.
pub const COMPATIBILITY_DATE: &str = "2026-07-30";

/// What to do after the tools are missing.
const INSTALL: &str = "run `bash .ci/install-workers.sh` first (once per machine)";

/// How long one tool may run.
const CARGO_TIMEOUT: Duration = Duration::from_secs(3600);
const TOOL_TIMEOUT: Duration = Duration::from_secs(900);

/// What went wrong while building a Worker bundle.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A pinned tool is not installed.
    #[error("{what} not found ({}); {INSTALL}", path.display())]
    MissingTool {
        /// The tool.
        what: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A tool ran and failed.
    #[error("{step} failed:\n{output}")]
    Failed {
        /// The step.
        step: String,
        /// What it printed.
        output: String,
    },
    /// A tool could not be run.
    #[error(transparent)]
    Process(#[from] ProcessError),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The folder of the pinned Workers tools.
pub fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CLODO_WORKERS_TOOLS").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    Path::new(&home).join(".cache/clodo/workers")
}

/// `cargo`, as cargo itself names it to subcommands.
pub fn cargo_program() -> PathBuf {
    std::env::var_os("CARGO")
        .map(PathBuf::from)
        .unwrap_or_else(|| "cargo".into())
}

/// The project root: the nearest ancestor of `start` with a `Cargo.toml`
/// declaring `[workspace]`, else the nearest with a `Cargo.toml`, else `start`.
pub fn project_root(start: &Path) -> PathBuf {
    let mut nearest = None;
    for dir in start.ancestors() {
        if let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) {
            if text.lines().any(|l| l.trim() == "[workspace]") {
                return dir.to_path_buf();
            }
            nearest.get_or_insert_with(|| dir.to_path_buf());
        }
    }
    nearest.unwrap_or_else(|| start.to_path_buf())
}

/// The Worker's name for a package: without an `example-` prefix.
pub fn package_short(package: &str) -> &str {
    package.strip_prefix("example-").unwrap_or(package)
}

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project (workspace) root, where cargo runs.
    pub root: PathBuf,
    /// The block crate; its `lib.rs` calls `clodo_sdk::worker_app!(..)`.
    pub package: String,
    /// The output folder (`target/workers/<package>` by default).
    pub out: PathBuf,
    /// `CLODO_DOMAIN` of the local `wrangler.toml`.
    pub domain: String,
    /// Run wasm-opt.
    pub opt: bool,
    /// Write `migrations/`.
    pub migrations: bool,
    /// Write `.dev.vars` with a random signing key (when missing).
    pub dev_vars: bool,
    /// Write the local `wrangler.toml` (off for deploys, which write their own).
    pub wrangler_toml: bool,
}

impl BuildOptions {
    /// The defaults for `package` under `root`.
    pub fn new(root: &Path, package: &str) -> Self {
        BuildOptions {
            root: root.to_path_buf(),
            package: package.to_owned(),
            out: default_out(root, package),
            domain: "dev.localhost".into(),
            opt: true,
            migrations: true,
            dev_vars: false,
            wrangler_toml: true,
        }
    }

    fn wasm_target_dir(&self) -> PathBuf {
        std::env::var_os("CLODO_WASM_TARGET_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| self.root.join("target/wasm"))
    }

    /// The wasm file cargo writes.
    pub fn wasm_file(&self) -> PathBuf {
        self.wasm_target_dir()
            .join("wasm32-unknown-unknown/release")
            .join(format!("{}.wasm", self.package.replace('-', "_")))
    }

    fn worker_dir(&self) -> PathBuf {
        self.out.join("worker")
    }
}

/// `target/workers/<package>` under `root`.
pub fn default_out(root: &Path, package: &str) -> PathBuf {
    root.join("target/workers").join(package)
}

/// One step of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// wasm-bindgen and the wasm32 target are installed.
    CheckTools,
    /// `cargo rustc` for wasm32.
    Compile,
    /// wasm-bindgen, the import fix, wasm-opt, the entry module.
    Bundle,
    /// The local `wrangler.toml`.
    WranglerToml,
    /// `migrations/` from the native binary.
    Migrations,
    /// `.dev.vars`.
    DevVars,
}

impl Step {
    /// A short label for progress lines.
    pub fn label(self, o: &BuildOptions) -> String {
        match self {
            Step::CheckTools => "checking the Workers tools".into(),
            Step::Compile => format!("cargo: {} for wasm32-unknown-unknown (release)", o.package),
            Step::Bundle if o.opt => "wasm-bindgen and wasm-opt -Oz".into(),
            Step::Bundle => "wasm-bindgen".into(),
            Step::WranglerToml => "wrangler.toml".into(),
            Step::Migrations => format!("migrations: {} d1-migrations", o.package),
            Step::DevVars => ".dev.vars".into(),
        }
    }
}

/// The steps `o` asks for, in order.
pub fn steps(o: &BuildOptions) -> Vec<Step> {
    let mut s = vec![Step::CheckTools, Step::Compile, Step::Bundle];
    if o.wrangler_toml {
        s.push(Step::WranglerToml);
    }
    if o.migrations {
        s.push(Step::Migrations);
    }
    if o.dev_vars {
        s.push(Step::DevVars);
    }
    s
}

/// The command of `cargo rustc` for the wasm library.
pub fn compile_command(o: &BuildOptions) -> CommandLine {
    let opt_level = std::env::var("CLODO_WASM_OPT_LEVEL").unwrap_or_else(|_| "s".into());
    CommandLine::new(cargo_program(), &o.root)
        .shown_as("cargo")
        .env_path("CARGO_TARGET_DIR", o.wasm_target_dir())
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", opt_level)
        .env("CARGO_PROFILE_RELEASE_LTO", "true")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "1")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .args(["rustc", "-p", &o.package, "--lib", "--release"])
        .args([
            "--target",
            "wasm32-unknown-unknown",
            "--crate-type",
            "cdylib",
        ])
        .args(["--quiet"])
}

/// The command of wasm-bindgen.
pub fn bindgen_command(o: &BuildOptions) -> CommandLine {
    CommandLine::new(tools_dir().join("bin/wasm-bindgen"), &o.root)
        .path(o.wasm_file())
        .args(["--out-dir"])
        .path(o.worker_dir())
        .args([
            "--out-name",
            "index",
            "--target",
            "module",
            "--no-typescript",
        ])
        .args([
            "--experimental-reset-state-function",
            "--force-enable-abort-handler",
        ])
}

/// The command of wasm-opt (its output replaces `worker/index_bg.wasm`).
pub fn opt_command(o: &BuildOptions) -> CommandLine {
    let dir = o.worker_dir();
    CommandLine::new(tools_dir().join("bin/wasm-opt"), &o.root)
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .args(["--enable-sign-ext", "--enable-mutable-globals"])
        .args(["--enable-reference-types", "--enable-multivalue"])
        .args(["--enable-exception-handling"])
        .path(dir.join("index_bg.wasm"))
        .args(["-o"])
        .path(dir.join("index_bg.opt.wasm"))
}

/// The command that writes `migrations/` (the block binary's `d1-migrations DIR`).
pub fn migrations_command(root: &Path, package: &str, dir: &Path) -> CommandLine {
    CommandLine::new(cargo_program(), root)
        .shown_as("cargo")
        .args(["run", "--quiet", "-p", package, "--", "d1-migrations"])
        .path(dir)
}

/// Every command `o` runs, in order (for `--dry-run` plans).
pub fn commands(o: &BuildOptions) -> Vec<CommandLine> {
    let mut c = vec![compile_command(o), bindgen_command(o)];
    if o.opt {
        c.push(opt_command(o));
    }
    if o.migrations {
        c.push(migrations_command(
            &o.root,
            &o.package,
            &o.out.join("migrations"),
        ));
    }
    c
}

fn run_checked(step: &str, cmd: &CommandLine, timeout: Duration) -> Result<String, BuildError> {
    let out = cmd.run(timeout)?;
    if out.success {
        Ok(out.stdout)
    } else {
        Err(BuildError::Failed {
            step: step.to_owned(),
            output: out.transcript(),
        })
    }
}

/// Runs one step.
pub fn run_step(o: &BuildOptions, step: Step) -> Result<(), BuildError> {
    match step {
        Step::CheckTools => {
            check_tools()?;
            std::fs::create_dir_all(&o.out).map_err(io(&o.out))
        }
        Step::Compile => {
            run_checked(
                &format!("cargo rustc -p {} for wasm32", o.package),
                &compile_command(o),
                CARGO_TIMEOUT,
            )?;
            let wasm = o.wasm_file();
            if !wasm.is_file() {
                return Err(BuildError::Failed {
                    step: "cargo rustc".into(),
                    output: format!("no {} after the build", wasm.display()),
                });
            }
            Ok(())
        }
        Step::Bundle => bundle(o),
        Step::WranglerToml => write_local_wrangler_toml(o),
        Step::Migrations => {
            let dir = o.out.join("migrations");
            run_checked(
                &format!("cargo run -p {} -- d1-migrations", o.package),
                &migrations_command(&o.root, &o.package, &dir),
                CARGO_TIMEOUT,
            )
            .map(drop)
        }
        Step::DevVars => write_dev_vars(&o.out),
    }
}

/// wasm-bindgen is installed and rustup has the wasm32 target.
pub fn check_tools() -> Result<(), BuildError> {
    let wbg = tools_dir().join("bin/wasm-bindgen");
    if !wbg.is_file() {
        return Err(BuildError::MissingTool {
            what: "wasm-bindgen".into(),
            path: wbg,
        });
    }
    let listed = CommandLine::new("rustup", ".")
        .args(["target", "list", "--installed"])
        .run(Duration::from_secs(60));
    match listed {
        Ok(o)
            if o.stdout
                .lines()
                .any(|l| l.trim() == "wasm32-unknown-unknown") =>
        {
            Ok(())
        }
        _ => Err(BuildError::MissingTool {
            what: "the Rust target wasm32-unknown-unknown".into(),
            path: "rustup target list --installed".into(),
        }),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The stamp of `worker/`: what it was built from.
fn stamp(o: &BuildOptions) -> Result<String, BuildError> {
    let wasm = o.wasm_file();
    let bytes = std::fs::read(&wasm).map_err(io(&wasm))?;
    Ok(format!(
        "{} opt={} {}",
        sha256_hex(&bytes),
        u8::from(o.opt),
        sha256_hex(ENTRY_MJS.as_bytes())
    ))
}

/// `import source x from "./index_bg.wasm";` → `import x from "./index_bg.wasm";`
pub fn fix_wasm_import(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    for line in js.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        match body.strip_prefix("import source ") {
            Some(rest) if rest.ends_with(".wasm\";") => {
                out.push_str("import ");
                out.push_str(rest);
            }
            _ => out.push_str(body),
        }
        out.push_str(nl);
    }
    out
}

fn bundle(o: &BuildOptions) -> Result<(), BuildError> {
    let serve = o.out.join("serve.mjs");
    if std::fs::read_to_string(&serve).ok().as_deref() != Some(SERVE_MJS) {
        std::fs::create_dir_all(&o.out).map_err(io(&o.out))?;
        std::fs::write(&serve, SERVE_MJS).map_err(io(&serve))?;
    }
    let dir = o.worker_dir();
    let stamp = stamp(o)?;
    let stamp_file = dir.join(".stamp");
    if std::fs::read_to_string(&stamp_file).is_ok_and(|s| s.trim_end() == stamp) {
        return Ok(());
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
    }
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    run_checked("wasm-bindgen", &bindgen_command(o), TOOL_TIMEOUT)?;
    let js = dir.join("index.js");
    let text = std::fs::read_to_string(&js).map_err(io(&js))?;
    std::fs::write(&js, fix_wasm_import(&text)).map_err(io(&js))?;
    if o.opt {
        let wasm_opt = tools_dir().join("bin/wasm-opt");
        if !wasm_opt.is_file() {
            return Err(BuildError::MissingTool {
                what: "wasm-opt".into(),
                path: wasm_opt,
            });
        }
        run_checked("wasm-opt", &opt_command(o), TOOL_TIMEOUT)?;
        let (from, to) = (dir.join("index_bg.opt.wasm"), dir.join("index_bg.wasm"));
        std::fs::rename(&from, &to).map_err(io(&to))?;
    }
    let entry = dir.join("entry.mjs");
    std::fs::write(&entry, ENTRY_MJS).map_err(io(&entry))?;
    std::fs::write(&stamp_file, format!("{stamp}\n")).map_err(io(&stamp_file))
}

/// First line of the local `wrangler.toml`: a file that starts with it is
/// ours to rewrite (the text is the one bundles built before this tool
/// carry).
pub(crate) const LOCAL_MARK: &str = "# Generated by scripts/workers/build.sh";

/// The local `wrangler.toml` (one `[vars]`, one D1 binding).
pub fn local_wrangler_toml(package: &str, domain: &str) -> String {
    let name = package_short(package);
    let db = format!("{name}-{}", domain.replace('.', "-"));
    format!(
        "{LOCAL_MARK} for {package}. Remove this first line
# to keep your edits across builds.
name = \"{name}\"
main = \"worker/entry.mjs\"
compatibility_date = \"{COMPATIBILITY_DATE}\"

[vars]
CLODO_DOMAIN = \"{domain}\"
# Secrets: `wrangler secret put CLODO_SIGNING_KEY` (locally: .dev.vars).

[[d1_databases]]
binding = \"DB\"
database_name = \"{db}\"
# From `wrangler d1 create {db}`; local runs ignore it.
database_id = \"00000000-0000-0000-0000-000000000000\"
migrations_dir = \"migrations\"
"
    )
}

fn write_local_wrangler_toml(o: &BuildOptions) -> Result<(), BuildError> {
    let path = o.out.join("wrangler.toml");
    let ours = match std::fs::read_to_string(&path) {
        Ok(text) => text.lines().any(|l| l.starts_with(LOCAL_MARK)),
        Err(_) => true,
    };
    if ours {
        std::fs::write(&path, local_wrangler_toml(&o.package, &o.domain)).map_err(io(&path))?;
    }
    Ok(())
}

/// Writes `dir/.dev.vars` with a random `CLODO_SIGNING_KEY` unless it exists
/// (owner-only permissions; local runs only, never deployed).
pub fn write_dev_vars(dir: &Path) -> Result<(), BuildError> {
    let path = dir.join(".dev.vars");
    if path.exists() {
        return Ok(());
    }
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| BuildError::Io {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let mut f = options.open(&path).map_err(io(&path))?;
    writeln!(f, "CLODO_SIGNING_KEY={hex}").map_err(io(&path))
}

/// Sizes of the bundle: (wasm bytes, wasm + js bytes).
pub fn bundle_size(out: &Path) -> Option<(u64, u64)> {
    let size = |f: &str| std::fs::metadata(out.join("worker").join(f)).map(|m| m.len());
    let wasm = size("index_bg.wasm").ok()?;
    let js = size("index.js").ok()? + size("entry.mjs").ok()?;
    Some((wasm, wasm + js))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_the_source_phase_import_only() {
        let js =
            "import source wasm from \"./index_bg.wasm\";\nimport source x from \"y.js\";\nlet a;";
        assert_eq!(
            fix_wasm_import(js),
            "import wasm from \"./index_bg.wasm\";\nimport source x from \"y.js\";\nlet a;"
        );
    }

    #[test]
    fn local_wrangler_toml_names_the_worker_and_database() {
        let t = local_wrangler_toml("example-bakery-orders", "dev.localhost");
        assert!(t.starts_with(LOCAL_MARK));
        assert!(t.contains("name = \"bakery-orders\"\n"));
        assert!(t.contains("database_name = \"bakery-orders-dev-localhost\"\n"));
    }

    #[test]
    fn entry_module_is_embedded() {
        assert!(ENTRY_MJS.contains("export default class ClodoWorker"));
    }
}
