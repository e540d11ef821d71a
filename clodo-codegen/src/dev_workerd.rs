//! `cargo clodo dev --workerd`: build a block as a Worker bundle, apply its
//! migrations to the local D1 with wrangler (as a deploy does), serve it
//! under workerd with `serve.mjs`, and rebuild, re-apply and restart it
//! whenever its sources change.
//!
//! The bundle goes to `target/workers/<package>/` (the folder of `cargo
//! clodo build --worker`), with a `.dev.vars` holding a random
//! `CLODO_SIGNING_KEY` (kept across restarts) and without wasm-opt (faster
//! rebuilds; workerd has no size limit). D1 lives in
//! `<bundle>/.wrangler/state/v3/d1`: wrangler is given `--persist-to
//! <bundle>/.wrangler/state` (its own default, made explicit) and
//! `serve.mjs` `--persist <bundle>/.wrangler/state/v3/d1` (its default too),
//! so both open the same SQLite file. `serve.mjs` is embedded in this binary
//! and written into the bundle, so this works outside the Clodo repository.
//!
//! Stopping: SIGINT or SIGTERM (see [`stop_on_signal`]) ends the loop, which
//! closes `serve.mjs`'s stdin (it then disposes workerd and exits) and waits
//! for it, escalating to SIGTERM and SIGKILL if it does not exit in time. If
//! this process dies without that, the closed stdin still stops `serve.mjs`.

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::deploy::process::{Arg, CommandLine, ProcessError, show_path};
use crate::deploy::{run::APPLY_TIMEOUT, run::migrations_summary, wrangler_program};
use crate::dev::{DevError, package_dir, snapshot};
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
    /// The build of the bundle: `build --worker --dev-vars --no-opt`.
    pub fn build_options(&self) -> BuildOptions {
        BuildOptions {
            domain: self.domain.clone(),
            opt: false,
            dev_vars: true,
            ..BuildOptions::new(&self.root, &self.package)
        }
    }

    /// The bundle folder.
    pub fn bundle(&self) -> PathBuf {
        worker_build::default_out(&self.root, &self.package)
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
        /// The bundle folder, as shown.
        bundle: String,
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
            } => "the bundle's wrangler.toml is not the local one (`cargo clodo deploy` or you wrote it): \
                  delete it so the build writes the local one, then run this again"
                .into(),
            WorkerdError::Migrations { bundle, .. } => format!(
                "fix the failing migration (wrangler rolled it back; the ones before it stay applied), \
                 then run this again; `rm -r {bundle}/.wrangler` starts from an empty database"
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

/// A flag set on the first SIGINT (Ctrl-C) or SIGTERM. If the caller has not
/// exited 20 s later, or on a second signal, the process exits with 130
/// (a child still running then stops on its own: its stdin closes).
pub fn stop_on_signal() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            #[cfg(unix)]
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
            #[cfg(not(unix))]
            let mut term: Option<()> = None;
            next_signal(&mut term).await;
            set.store(true, Ordering::SeqCst);
            let again = next_signal(&mut term);
            let _ = tokio::time::timeout(Duration::from_secs(20), again).await;
            std::process::exit(130);
        });
    });
    flag
}

/// The next Ctrl-C, or SIGTERM where `term` listens for it.
#[cfg(unix)]
async fn next_signal(term: &mut Option<tokio::signal::unix::Signal>) {
    if let Some(t) = term.as_mut() {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = t.recv() => {}
        }
    } else {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The next Ctrl-C.
#[cfg(not(unix))]
async fn next_signal(_: &mut Option<()>) {
    let _ = tokio::signal::ctrl_c().await;
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
/// D1 kept where `serve.mjs` reads it.
pub fn migrate_command(wrangler: &Path, bundle: &Path) -> CommandLine {
    CommandLine::new(wrangler, bundle)
        .args(["d1", "migrations", "apply", "DB", "--local", "--persist-to"])
        .path(bundle.join(".wrangler/state"))
}

/// `node <bundle>/serve.mjs --dir <bundle> --port P --control-port P+1 --persist ...`.
pub fn serve_command(node: &Path, o: &Options) -> CommandLine {
    let bundle = o.bundle();
    CommandLine::new(node, &o.root)
        .path(bundle.join("serve.mjs"))
        .args(["--dir"])
        .path(&bundle)
        .args(["--port", &o.port.to_string()])
        .args(["--control-port", &o.control_port().to_string()])
        .args(["--persist"])
        .path(bundle.join(".wrangler/state/v3/d1"))
        .env_path("CLODO_WORKERS_TOOLS", worker_build::tools_dir())
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
    let cmd = migrate_command(wrangler, &bundle);
    let out = cmd.run(APPLY_TIMEOUT)?;
    if !out.success {
        let foreign_toml = std::fs::read_to_string(bundle.join("wrangler.toml"))
            .is_ok_and(|t| !t.lines().any(|l| l.starts_with(worker_build::LOCAL_MARK)));
        return Err(WorkerdError::Migrations {
            command: cmd.display(&o.root),
            output: out.transcript(),
            foreign_toml,
            bundle: show_path(&o.root, &bundle),
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
    fn start(o: &Options, node: &Path, stop: &AtomicBool) -> Result<Server, WorkerdError> {
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
            if stop.load(Ordering::SeqCst) {
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

    /// Stops it and waits: closes its stdin (it disposes workerd and exits),
    /// then SIGTERM, then SIGKILL, each bounded.
    fn stop(&mut self) {
        drop(self.child.stdin.take());
        if self.wait_for(STOP_TIMEOUT) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .stderr(Stdio::null())
            .status();
        if self.wait_for(Duration::from_secs(5)) {
            return;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn wait_for(&mut self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.exited().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.exited().is_none() {
            self.stop();
        }
    }
}

/// Serves the bundle of `o.package` under workerd, rebuilding, re-applying
/// the migrations and restarting it on change, until `stop` is set.
/// `on_event` is told what happens (for the CLI to print).
///
/// Errors before the first start (missing tools, failed migrations, a port
/// in use) end it; after a restart they are reported and a change is waited
/// for. A compile error is reported and waited out from the start.
pub fn run(
    o: &Options,
    stop: &AtomicBool,
    on_event: &mut dyn FnMut(&str),
) -> Result<(), WorkerdError> {
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
    let cycle =
        |server: &mut Option<Server>, on_event: &mut dyn FnMut(&str)| -> Result<(), WorkerdError> {
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
            let s = Server::start(o, &node, stop)?;
            on_event(&format!(
                "serving {} on workerd at http://127.0.0.1:{} (D1 in {})",
                o.package,
                o.port,
                show_path(&o.root, &o.bundle().join(".wrangler/state/v3/d1"))
            ));
            on_event(&format!(
                "the dev mailer's outbox: http://127.0.0.1:{}/outbox",
                o.control_port()
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
        if stop.load(Ordering::SeqCst) {
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
        let m = migrate_command(Path::new("/p/w"), &o.bundle()).display(Path::new("/p"));
        assert_eq!(
            m,
            "w d1 migrations apply DB --local --persist-to target/workers/example-bakery-orders/.wrangler/state"
        );
        let s = serve_command(Path::new("/p/node"), &o).display(Path::new("/p"));
        assert!(
            s.ends_with(
                "node target/workers/example-bakery-orders/serve.mjs --dir target/workers/example-bakery-orders \
                 --port 9000 --control-port 9001 --persist target/workers/example-bakery-orders/.wrangler/state/v3/d1"
            ),
            "{s}"
        );
    }
}
