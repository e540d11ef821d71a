//! `cargo clodo dev --workerd`: build a block as a Worker bundle, apply its
//! migrations to the local D1 with wrangler (as a deploy does), serve it
//! under workerd with `serve.mjs`, and rebuild, re-apply and restart it
//! whenever its sources change.
//!
//! Its files are its own (see [`crate::local_dirs`]): the bundle goes to
//! `target/clodo/<package>/dev/` (not the folder of `cargo clodo build
//! --worker`, which `deploy` and `migrate` write their `wrangler.toml`
//! into), with a `.dev.vars` holding a random `CLODO_SIGNING_KEY` (kept
//! across restarts) and without wasm-opt (faster rebuilds; workerd has no
//! size limit). Each domain has its own D1 database, in
//! `dev/<domain>/d1` (wrangler's `--persist-to`; `serve.mjs --persist` gets
//! its `v3/d1`), and its own `dev/<domain>/dev-tokens.env`: a customer and
//! a staff token minted at each start with the bundle's signing key
//! (development only; a deploy never has them), also served on the control
//! port (`GET /dev-tokens`). `serve.mjs` is embedded in this binary and
//! written into the bundle, so this works outside the Clodo repository.
//!
//! Stopping: SIGINT or SIGTERM (see [`stop_on_signal`]) ends the loop, which
//! closes `serve.mjs`'s stdin (it then disposes workerd and exits) and waits
//! for it, then stops its whole process group (`serve.mjs` runs in a group
//! of its own, workerd included: SIGTERM, then SIGKILL), so nothing it
//! started keeps listening. If this process dies without that, the closed
//! stdin still stops `serve.mjs`.

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use crate::children::{Stop, stop_on_signal};
use crate::children::{own_group, stop_group};
use crate::deploy::process::{Arg, CommandLine, ProcessError, show_path};
use crate::deploy::{run::APPLY_TIMEOUT, run::migrations_summary, wrangler_program};
use crate::dev::{DevError, package_dir, snapshot};
use crate::local_dirs;
use crate::worker_build::{self, BuildError, BuildOptions};

/// `scripts/workers/serve.mjs`, written into the bundle before it runs.
pub use crate::worker_build::SERVE_MJS;

/// The default port of the Worker (the control port is the next one).
pub const DEFAULT_PORT: u16 = 8787;

/// How long `serve.mjs` may take to answer on its control port.
const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// How long `serve.mjs` may take to exit once asked to.
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

const INSTALL: &str = "run `bash .ci/install-workers.sh` (once per machine)";

/// What `dev --workerd` serves.
#[derive(Debug, Clone)]
pub struct Options {
    /// The project (workspace) root.
    pub root: PathBuf,
    /// The block crate.
    pub package: String,
    /// The Worker's port on 127.0.0.1; the control port is `port + 1`.
    pub port: u16,
    /// `CLODO_DOMAIN` of the bundle.
    pub domain: String,
    /// How often the sources are checked for changes.
    pub poll: Duration,
}

impl Options {
    /// The build of the bundle: `build --worker --dev-vars --no-opt` into
    /// [`Options::bundle`].
    pub fn build_options(&self) -> BuildOptions {
        BuildOptions {
            out: self.bundle(),
            domain: self.domain.clone(),
            opt: false,
            dev_vars: true,
            ..BuildOptions::new(&self.root, &self.package)
        }
    }

    /// The bundle folder (`target/clodo/<package>/dev`).
    pub fn bundle(&self) -> PathBuf {
        local_dirs::dev_dir(&self.root, &self.package)
    }

    /// The domain's local D1 (wrangler's `--persist-to`).
    pub fn d1(&self) -> PathBuf {
        local_dirs::dev_d1(&self.root, &self.package, &self.domain)
    }

    /// The domain's `dev-tokens.env`.
    pub fn dev_tokens_file(&self) -> PathBuf {
        local_dirs::dev_domain_dir(&self.root, &self.package, &self.domain).join("dev-tokens.env")
    }

    /// The control port (`/outbox`).
    pub fn control_port(&self) -> u16 {
        self.port.saturating_add(1)
    }
}

/// What went wrong in `dev --workerd`.
#[derive(Debug, thiserror::Error)]
pub enum WorkerdError {
    /// The package could not be found.
    #[error(transparent)]
    Dev(#[from] DevError),
    /// A pinned tool is not installed.
    #[error("{what} not found ({})", path.display())]
    MissingTool {
        /// The tool.
        what: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The bundle could not be built (other than a compile error, which
    /// is reported and waited out).
    #[error(transparent)]
    Build(BuildError),
    /// wrangler failed to apply the migrations.
    #[error(
        "the migrations were not applied, so the Worker is not served: `{command}` failed:\n{output}"
    )]
    Migrations {
        /// The command, as shown.
        command: String,
        /// What it printed.
        output: String,
        /// Whether the bundle's `wrangler.toml` is not the local one.
        foreign_toml: bool,
        /// The domain's local D1 folder, as shown.
        d1: String,
    },
    /// wrangler or node could not be run, or ran too long.
    #[error(transparent)]
    Process(#[from] ProcessError),
    /// A port is taken.
    #[error("127.0.0.1:{port} is in use")]
    PortInUse {
        /// The port.
        port: u16,
    },
    /// `serve.mjs` did not get ready.
    #[error("serve.mjs {0}")]
    Serve(String),
    /// A file could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl WorkerdError {
    /// What to do next.
    pub fn help(&self) -> String {
        match self {
            WorkerdError::Dev(DevError::UnknownPackage(_)) => {
                "pass the block's package with -p NAME".into()
            }
            WorkerdError::Dev(_) => "check that cargo works here (`cargo build`)".into(),
            WorkerdError::MissingTool { what, .. } if what == "wrangler" => {
                format!("{INSTALL}, or point CLODO_WRANGLER at a wrangler executable")
            }
            WorkerdError::Process(ProcessError::Spawn { .. }) => {
                format!("{INSTALL} (CLODO_WRANGLER, when set, must name a wrangler executable)")
            }
            WorkerdError::MissingTool { .. } | WorkerdError::Build(BuildError::MissingTool { .. }) => {
                INSTALL.into()
            }
            WorkerdError::Build(_) => {
                "fix the error above; `cargo clodo build --worker -p PACKAGE` runs the build alone"
                    .into()
            }
            WorkerdError::Migrations {
                foreign_toml: true,
                ..
            } => "the dev bundle's wrangler.toml is not the local one (you edited it): \
                  delete it so the build writes the local one, then run this again"
                .into(),
            WorkerdError::Migrations { d1, .. } => format!(
                "fix the failing migration (wrangler rolled it back; the ones before it stay applied), \
                 then run this again; `rm -r {d1}` starts from an empty database"
            ),
            WorkerdError::Process(ProcessError::Timeout { .. }) => {
                "wrangler hung; run it again, or run `wrangler d1 migrations apply DB --local` in the bundle folder to see why"
                    .into()
            }
            WorkerdError::PortInUse { .. } => {
                "stop what listens there, or pass another --port N (N and N+1 must be free)".into()
            }
            WorkerdError::Serve(_) => format!(
                "see serve.mjs's output above; if miniflare is missing: {INSTALL}"
            ),
            WorkerdError::Io { .. } => "check the bundle folder and its permissions".into(),
        }
    }
}

/// The pinned node and wrangler, or which one is missing.
pub fn tools() -> Result<(PathBuf, PathBuf), WorkerdError> {
    let dir = worker_build::tools_dir();
    let node = dir.join("bin/node");
    if !node.is_file() {
        return Err(WorkerdError::MissingTool {
            what: "node".into(),
            path: node,
        });
    }
    let miniflare = dir.join("npm/node_modules/miniflare");
    if !miniflare.is_dir() {
        return Err(WorkerdError::MissingTool {
            what: "miniflare".into(),
            path: miniflare,
        });
    }
    let wrangler = wrangler_program();
    let chosen = std::env::var_os("CLODO_WRANGLER").is_some_and(|w| !w.is_empty());
    if !chosen && !wrangler.is_file() {
        return Err(WorkerdError::MissingTool {
            what: "wrangler".into(),
            path: dir.join("bin/wrangler"),
        });
    }
    Ok((node, wrangler))
}

/// `wrangler d1 migrations apply DB --local`, run in the bundle folder, with
/// D1 kept in `persist_to` (where `serve.mjs` reads it).
pub fn migrate_command(wrangler: &Path, bundle: &Path, persist_to: &Path) -> CommandLine {
    CommandLine::new(wrangler, bundle)
        .args(["d1", "migrations", "apply", "DB", "--local", "--persist-to"])
        .path(persist_to)
}

/// `node <bundle>/serve.mjs --dir <bundle> --port P --control-port P+1
/// --persist <d1>/v3/d1 --dev-tokens <file>`.
pub fn serve_command(node: &Path, o: &Options) -> CommandLine {
    let bundle = o.bundle();
    CommandLine::new(node, &o.root)
        .path(bundle.join("serve.mjs"))
        .args(["--dir"])
        .path(&bundle)
        .args(["--port", &o.port.to_string()])
        .args(["--control-port", &o.control_port().to_string()])
        .args(["--persist"])
        .path(local_dirs::miniflare_d1(&o.d1()))
        .args(["--dev-tokens"])
        .path(o.dev_tokens_file())
        .env_path("CLODO_WORKERS_TOOLS", worker_build::tools_dir())
}

/// The customer and staff tokens of a dev run, minted with the bundle's
/// `.dev.vars` signing key exactly as the native dev server mints its own
/// (`clodo_sdk::auth::TokenKeys::mint`, 24 h), in the `dev-tokens.env`
/// format: `CUSTOMER_TOKEN=...` and `STAFF_TOKEN=...` lines.
pub fn dev_tokens(dev_vars: &str, domain: &str) -> Result<String, String> {
    use clodo_sdk::auth::{TokenKeys, User, unix_now};
    let key = dev_vars
        .lines()
        .filter_map(|l| l.trim().split_once('='))
        .find(|(k, _)| k.trim() == "CLODO_SIGNING_KEY")
        .map(|(_, v)| v.trim().trim_matches(|c| c == '"' || c == '\''))
        .ok_or("it has no CLODO_SIGNING_KEY line")?;
    let keys = TokenKeys::new(domain, key.as_bytes(), None).map_err(|e| e.to_string())?;
    let now = unix_now();
    let mint = |id: &str, role: &str| {
        let user = User::new(id, format!("{id}@{domain}"), vec![role.to_owned()]);
        keys.mint(&user, now, clodo_sdk::native::DEV_TOKEN_TTL_SECS)
    };
    Ok(format!(
        "CUSTOMER_TOKEN={}\nSTAFF_TOKEN={}\n",
        mint("dev-customer", "customer"),
        mint("dev-staff", "staff")
    ))
}

/// Writes the domain's `dev-tokens.env` (owner-only); returns its text.
fn write_dev_tokens(o: &Options) -> Result<String, WorkerdError> {
    let vars_path = o.bundle().join(".dev.vars");
    let vars = std::fs::read_to_string(&vars_path).map_err(|source| WorkerdError::Io {
        path: vars_path.clone(),
        source,
    })?;
    let text = dev_tokens(&vars, &o.domain).map_err(|e| WorkerdError::Io {
        path: vars_path,
        source: std::io::Error::other(e),
    })?;
    let file = o.dev_tokens_file();
    let io = |source| WorkerdError::Io {
        path: file.clone(),
        source,
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(&file, &text).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    }
    Ok(text)
}

/// Builds the bundle. `Ok(false)`: a step failed in a way a source change
/// may fix (printed through `on_event`).
fn build(o: &Options, on_event: &mut dyn FnMut(&str)) -> Result<bool, WorkerdError> {
    let b = o.build_options();
    let started = Instant::now();
    for step in worker_build::steps(&b) {
        on_event(&step.label(&b));
        match worker_build::run_step(&b, step) {
            Ok(()) => {}
            Err(e @ BuildError::Failed { .. }) => {
                on_event(&format!(
                    "{e}\nbuild failed; fix the error and save to try again"
                ));
                return Ok(false);
            }
            Err(e) => return Err(WorkerdError::Build(e)),
        }
    }
    on_event(&format!(
        "built {} in {} s",
        show_path(&o.root, &b.out),
        started.elapsed().as_secs()
    ));
    Ok(true)
}

/// Applies the migrations to the local D1; returns what wrangler did.
fn migrate(o: &Options, wrangler: &Path) -> Result<String, WorkerdError> {
    let bundle = o.bundle();
    let cmd = migrate_command(wrangler, &bundle, &o.d1());
    let out = cmd.run(APPLY_TIMEOUT)?;
    if !out.success {
        let foreign_toml = std::fs::read_to_string(bundle.join("wrangler.toml"))
            .is_ok_and(|t| !t.lines().any(|l| l.starts_with(worker_build::LOCAL_MARK)));
        return Err(WorkerdError::Migrations {
            command: cmd.display(&o.root),
            output: out.transcript(),
            foreign_toml,
            d1: show_path(&o.root, &o.d1()),
        });
    }
    Ok(migrations_summary(&out.transcript()))
}

fn port_free(port: u16) -> bool {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_ok()
}

/// A running `serve.mjs`.
struct Server {
    child: Child,
}

impl Server {
    /// Writes `serve.mjs` into the bundle and starts it; returns once its
    /// control port answers.
    fn start(o: &Options, node: &Path, stop: &Stop) -> Result<Server, WorkerdError> {
        for port in [o.port, o.control_port()] {
            if !port_free(port) {
                return Err(WorkerdError::PortInUse { port });
            }
        }
        let script = o.bundle().join("serve.mjs");
        std::fs::write(&script, SERVE_MJS).map_err(|source| WorkerdError::Io {
            path: script.clone(),
            source,
        })?;
        let cmd = serve_command(node, o);
        let mut c = Command::new(&cmd.program);
        c.args(cmd.args.iter().map(Arg::os))
            .current_dir(&cmd.cwd)
            // serve.mjs stops when its stdin closes: when we close it, or die.
            .stdin(Stdio::piped());
        // workerd is serve.mjs's child: the group is how both are stopped.
        own_group(&mut c);
        for (k, v) in &cmd.env {
            c.env(k, v.os());
        }
        let child = c.spawn().map_err(|source| ProcessError::Spawn {
            program: show_path(&o.root, node),
            source,
        })?;
        let mut server = Server { child };
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(WorkerdError::Serve(format!(
                    "exited ({status}) before it was ready"
                )));
            }
            if TcpStream::connect_timeout(
                &(Ipv4Addr::LOCALHOST, o.control_port()).into(),
                Duration::from_millis(500),
            )
            .is_ok()
            {
                return Ok(server);
            }
            if stop.requested() {
                server.stop();
                return Err(WorkerdError::Serve(
                    "was stopped before it was ready".into(),
                ));
            }
            if started.elapsed() > READY_TIMEOUT {
                server.stop();
                return Err(WorkerdError::Serve(format!(
                    "did not answer on 127.0.0.1:{} within {} s",
                    o.control_port(),
                    READY_TIMEOUT.as_secs()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `Some(status)` once it exited.
    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Its pid, which is also its process group's id.
    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops it and waits: closes its stdin (it disposes workerd and exits),
    /// then stops what is left of its process group (SIGTERM, then SIGKILL),
    /// each bounded.
    fn stop(&mut self) {
        drop(self.child.stdin.take());
        crate::children::wait_exit(&mut self.child, STOP_TIMEOUT);
        stop_group(&mut self.child, Duration::from_secs(5));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Serves the bundle of `o.package` under workerd, rebuilding, re-applying
/// the migrations and restarting it on change, until `stop` is set.
/// `on_event` is told what happens (for the CLI to print).
///
/// Errors before the first start (missing tools, failed migrations, a port
/// in use) end it; after a restart they are reported and a change is waited
/// for. A compile error is reported and waited out from the start.
pub fn run(o: &Options, stop: &Stop, on_event: &mut dyn FnMut(&str)) -> Result<(), WorkerdError> {
    let dir = package_dir(&o.package)?;
    let (node, wrangler) = tools()?;
    // Fail before a build when the ports are taken (checked again at each start).
    for port in [o.port, o.control_port()] {
        if !port_free(port) {
            return Err(WorkerdError::PortInUse { port });
        }
    }
    let mut seen = snapshot(&dir);
    let mut server: Option<Server> = None;
    let watching = format!(
        "watching {} for changes; stop with Ctrl-C",
        show_path(&o.root, &dir)
    );

    // Build, then (the old server stopped) migrate and serve.
    let cycle = |server: &mut Option<Server>,
                 on_event: &mut dyn FnMut(&str)|
     -> Result<(), WorkerdError> {
        on_event(&format!("building {} as a Worker", o.package));
        if !build(o, on_event)? {
            if server.is_some() {
                on_event("the previous build keeps serving");
            }
            return Ok(());
        }
        if let Some(mut s) = server.take() {
            s.stop();
        }
        on_event(&format!(
            "migrations: wrangler d1 migrations apply DB --local (in {})",
            show_path(&o.root, &o.bundle())
        ));
        let summary = migrate(o, &wrangler)?;
        on_event(&format!("migrations: {summary}"));
        let tokens = write_dev_tokens(o)?;
        let s = Server::start(o, &node, stop)?;
        on_event(&format!(
            "serving {} for {} on workerd at http://127.0.0.1:{} (D1 in {}; serve.mjs pid {})",
            o.package,
            o.domain,
            o.port,
            show_path(&o.root, &o.d1()),
            s.pid()
        ));
        on_event(&format!(
            "the dev mailer's outbox: http://127.0.0.1:{}/outbox",
            o.control_port()
        ));
        let shown = show_path(&o.root, &o.dev_tokens_file());
        let mut lines = tokens
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(_, t)| t);
        on_event(&format!(
            "DEV ONLY: tokens for {} (valid 24 h; also in {shown} and at http://127.0.0.1:{}/dev-tokens):\n  customer: {}\n  staff:    {}",
            o.domain,
            o.control_port(),
            lines.next().unwrap_or_default(),
            lines.next().unwrap_or_default()
        ));
        on_event(&watching);
        *server = Some(s);
        Ok(())
    };

    cycle(&mut server, on_event)?;
    if server.is_none() {
        on_event(&watching);
    }
    loop {
        if stop.requested() {
            if let Some(mut s) = server.take() {
                on_event("stopping");
                s.stop();
            }
            return Ok(());
        }
        std::thread::sleep(o.poll);
        if let Some(s) = server.as_mut()
            && let Some(status) = s.exited()
        {
            on_event(&format!(
                "serve.mjs exited ({status}); save a file to restart it"
            ));
            server = None;
        }
        let now = snapshot(&dir);
        if now != seen {
            // Let a burst of saves settle before building.
            std::thread::sleep(o.poll);
            seen = snapshot(&dir);
            on_event("change detected, rebuilding");
            if let Err(e) = cycle(&mut server, on_event) {
                on_event(&format!("{e}\n{}\nsave a file to try again", e.help()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_mjs_is_embedded() {
        assert!(SERVE_MJS.contains("clodo-workerd"));
        assert!(SERVE_MJS.contains("--control-port"));
        assert!(SERVE_MJS.contains("\"v3\", \"d1\""));
        assert!(SERVE_MJS.contains("/dev-tokens"));
    }

    #[test]
    fn dev_tokens_verify_with_the_bundle_key() {
        let key = "ab".repeat(32);
        let text = dev_tokens(&format!("# x\nCLODO_SIGNING_KEY={key}\n"), "dev.localhost")
            .expect("minted");
        let keys =
            clodo_sdk::auth::TokenKeys::new("dev.localhost", key.as_bytes(), None).expect("keys");
        let now = clodo_sdk::auth::unix_now();
        let staff = text
            .lines()
            .find_map(|l| l.strip_prefix("STAFF_TOKEN="))
            .expect("staff line");
        let user = keys.verify(staff, now).expect("valid");
        assert!(user.has_role("staff"));
        assert!(text.starts_with("CUSTOMER_TOKEN="));
        assert!(dev_tokens("OTHER=1", "dev.localhost").is_err());
    }

    #[test]
    fn wrangler_and_serve_mjs_share_the_d1_folder() {
        let o = Options {
            root: "/p".into(),
            package: "example-bakery-orders".into(),
            port: 9000,
            domain: "dev.localhost".into(),
            poll: Duration::from_millis(500),
        };
        if std::env::var_os("CLODO_STATE_DIR").is_some() {
            return;
        }
        let m = migrate_command(Path::new("/p/w"), &o.bundle(), &o.d1()).display(Path::new("/p"));
        assert_eq!(
            m,
            "w d1 migrations apply DB --local --persist-to target/clodo/example-bakery-orders/dev/dev.localhost/d1"
        );
        let s = serve_command(Path::new("/p/node"), &o).display(Path::new("/p"));
        let dev = "target/clodo/example-bakery-orders/dev";
        assert!(
            s.ends_with(&format!(
                "node {dev}/serve.mjs --dir {dev} --port 9000 --control-port 9001 \
                 --persist {dev}/dev.localhost/d1/v3/d1 --dev-tokens {dev}/dev.localhost/dev-tokens.env"
            )),
            "{s}"
        );
        assert!(
            !o.bundle().starts_with("/p/target/workers"),
            "not the build folder"
        );
    }
}
