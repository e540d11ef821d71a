//! A block crate's Worker served by workerd on loopback, for tests: built
//! once per test process and crate with `cargo clodo build --worker` (inside
//! the Clodo repository through `scripts/workers/build.sh`, which runs the
//! repository's own cargo-clodo; elsewhere the `cargo-clodo` on `PATH`, or
//! `$CLODO_CARGO_CLODO`), into `target/workers/<package>-test/` of the
//! crate's project (never the folder `cargo clodo build --worker` or `dev
//! --workerd` use), then run with the bundle's `serve.mjs` (miniflare's Node
//! API) on an ephemeral port with a fresh in-memory D1 database per server.
//!
//! The tools come from `.ci/install-workers.sh` (the folder
//! `$CLODO_WORKERS_TOOLS`, default `~/.cache/clodo/workers`). When they are
//! missing, [`WorkerdServer::start`] returns [`WorkerdError::ToolsMissing`]:
//! [`crate::testing::suite`] turns that into a failure under `CI=true` and a
//! skip with instructions otherwise.
//!
//! `serve.mjs` and the workerd it starts run in a process group of their
//! own, which is killed as a whole when the server is dropped, so no
//! `workerd` outlives its test.

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Duration;

use crate::auth::{TokenKeys, User, unix_now};

/// Why no Worker could be served.
#[derive(Debug, thiserror::Error)]
pub enum WorkerdError {
    /// The Workers toolchain is not installed.
    #[error("{0}")]
    ToolsMissing(String),
    /// Building the bundle failed.
    #[error("building the Worker failed: {0}")]
    Build(String),
    /// workerd did not start or answer.
    #[error("serving the Worker failed: {0}")]
    Serve(String),
}

/// How to install the tools, for messages: the script of the Clodo clone
/// this SDK was built from, by its full path when it is there (a block
/// outside the repository has no `.ci/` of its own).
pub fn install_hint() -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.ci/install-workers.sh");
    let shown = match script.canonicalize() {
        Ok(p) => p.display().to_string(),
        Err(_) => ".ci/install-workers.sh (in a Clodo clone)".to_owned(),
    };
    format!(
        "install the Workers toolchain once with `bash {shown}` (wasm32 target, \
         wasm-bindgen-cli 0.2.130, miniflare/workerd, Node 22; about 5 minutes)"
    )
}

/// The folder of the pinned tools.
pub fn tools_dir() -> PathBuf {
    std::env::var_os("CLODO_WORKERS_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME").unwrap_or_default();
            PathBuf::from(home).join(".cache/clodo/workers")
        })
}

/// Checks that every tool is in place; names what is missing.
pub fn check_tools() -> Result<PathBuf, WorkerdError> {
    let tools = tools_dir();
    let mut missing = Vec::new();
    for (path, what) in [
        ("bin/node", "Node 22"),
        ("bin/wasm-bindgen", "wasm-bindgen-cli 0.2.130"),
        ("bin/wasm-opt", "wasm-opt"),
        ("npm/node_modules/miniflare/package.json", "miniflare"),
    ] {
        if !tools.join(path).exists() {
            missing.push(what);
        }
    }
    let target = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l == "wasm32-unknown-unknown")
        })
        .unwrap_or(false);
    if !target {
        missing.push("the Rust target wasm32-unknown-unknown");
    }
    if missing.is_empty() {
        Ok(tools)
    } else {
        Err(WorkerdError::ToolsMissing(format!(
            "the Workers toolchain is incomplete in {} (missing: {}): {}",
            tools.display(),
            missing.join(", "),
            install_hint()
        )))
    }
}

/// The test's crate: `CARGO_MANIFEST_DIR` (cargo sets it for test runs).
fn crate_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The Clodo repository above `start`, if the test runs inside it.
fn clodo_repo(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join("scripts/workers/build.sh").is_file())
        .map(Path::to_path_buf)
}

/// The project of `start`: where cargo keeps its lock file (the workspace
/// root; a test run has always written one), else `start`.
fn project_root(start: &Path) -> PathBuf {
    start
        .ancestors()
        .find(|d| d.join("Cargo.lock").is_file())
        .unwrap_or(start)
        .to_path_buf()
}

/// The `cargo-clodo` to build with outside the repository:
/// `$CLODO_CARGO_CLODO`, else `cargo-clodo` on `PATH`.
fn cargo_clodo() -> Result<PathBuf, WorkerdError> {
    if let Some(p) = std::env::var_os("CLODO_CARGO_CLODO").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join("cargo-clodo"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            WorkerdError::ToolsMissing(
                "cargo-clodo is not on PATH, so the Worker cannot be built: install it from a \
                 Clodo clone with `cargo install --path clodo-codegen --locked` (or set \
                 CLODO_CARGO_CLODO to its path)"
                    .into(),
            )
        })
}

type Built = Arc<OnceLock<Result<PathBuf, String>>>;

/// The command that builds `package`'s test bundle into `out`.
fn build_command(package: &str, out: &Path) -> Result<Command, WorkerdError> {
    let here = crate_dir();
    let mut cmd = match clodo_repo(&here) {
        Some(repo) => {
            let mut c = Command::new("bash");
            c.arg(repo.join("scripts/workers/build.sh"))
                .current_dir(&repo);
            c
        }
        None => {
            let mut c = Command::new(cargo_clodo()?);
            c.args(["clodo", "build", "--worker"])
                .current_dir(project_root(&here));
            c
        }
    };
    cmd.args(["-p", package, "--skip-migrations", "--out"])
        .arg(out)
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::null());
    Ok(cmd)
}

/// Builds `package`'s bundle once per process (later callers wait for it).
fn build(package: &str) -> Result<PathBuf, WorkerdError> {
    static BUILDS: OnceLock<Mutex<HashMap<String, Built>>> = OnceLock::new();
    let cell = {
        let mut map = BUILDS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        Arc::clone(map.entry(package.to_owned()).or_default())
    };
    cell.get_or_init(|| {
        let here = crate_dir();
        let root = clodo_repo(&here).unwrap_or_else(|| project_root(&here));
        let out = root.join("target/workers").join(format!("{package}-test"));
        let mut cmd = build_command(package, &out).map_err(|e| e.to_string())?;
        let output = cmd
            .output()
            .map_err(|e| format!("cannot run the Worker build ({cmd:?}): {e}"))?;
        if output.status.success() {
            Ok(out)
        } else {
            Err(format!(
                "`cargo clodo build --worker -p {package}` exited with {}:\n{}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    })
    .clone()
    .map_err(|e| {
        if e.starts_with("cargo-clodo is not on PATH") {
            WorkerdError::ToolsMissing(e)
        } else {
            WorkerdError::Build(e)
        }
    })
}

/// A Worker served by workerd with a fresh in-memory D1 database. Stopped
/// when dropped.
#[derive(Debug)]
pub struct WorkerdServer {
    child: Child,
    base: String,
    control: String,
    keys: TokenKeys,
    domain: String,
    log: Arc<Mutex<Vec<String>>>,
}

/// What `serve.mjs` prints once ready.
#[derive(serde::Deserialize)]
struct Ready {
    url: String,
    control: String,
}

impl WorkerdServer {
    /// Builds `package` (once per process) and serves it for `domain`, with
    /// the signing key `signing_key` and extra vars/secrets. Blocking: call
    /// it from `spawn_blocking` in async tests.
    pub fn start(
        package: &str,
        domain: &str,
        signing_key: &str,
        vars: &[(&str, &str)],
    ) -> Result<Self, WorkerdError> {
        let tools = check_tools()?;
        let bundle = build(package)?;
        let mut cmd = Command::new(tools.join("bin/node"));
        cmd.arg(bundle.join("serve.mjs"))
            .arg("--dir")
            .arg(&bundle)
            .args(["--port", "0", "--control-port", "0", "--memory", "--quiet"])
            .arg("--var")
            .arg(format!("CLODO_DOMAIN={domain}"))
            .arg("--var")
            .arg(format!("{}={signing_key}", crate::auth::SIGNING_KEY_SECRET));
        for (k, v) in vars {
            cmd.arg("--var").arg(format!("{k}={v}"));
        }
        let mut child = crate::process::own_group(&mut cmd)
            .env("CLODO_WORKERS_TOOLS", &tools)
            .env("WRANGLER_SEND_METRICS", "false")
            .env("CLOUDFLARE_CF_FETCH_ENABLED", "false")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| WorkerdError::Serve(format!("cannot start node: {e}")))?;
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        if let Some(stdout) = child.stdout.take() {
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Some(json) = line.strip_prefix("clodo-workerd ") {
                        let _ = tx.send(json.to_owned());
                    }
                    if let Ok(mut l) = log.lock() {
                        l.push(line);
                    }
                }
            });
        }
        if let Some(mut stderr) = child.stderr.take() {
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = stderr.read_to_string(&mut text);
                if let Ok(mut l) = log.lock() {
                    l.extend(text.lines().map(str::to_owned));
                }
            });
        }
        let ready = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(json) => serde_json::from_str::<Ready>(&json)
                .map_err(|e| WorkerdError::Serve(format!("bad ready line {json:?}: {e}"))),
            Err(_) => {
                crate::process::stop_group(&mut child, Duration::from_secs(5));
                std::thread::sleep(Duration::from_millis(200));
                let lines = log.lock().map(|l| l.join("\n")).unwrap_or_default();
                Err(WorkerdError::Serve(format!(
                    "serve.mjs did not get ready within 60 s; its output:\n{lines}"
                )))
            }
        }?;
        let keys = TokenKeys::new(domain, signing_key.as_bytes(), None)
            .map_err(|e| WorkerdError::Serve(e.to_string()))?;
        Ok(Self {
            child,
            base: ready.url,
            control: ready.control,
            keys,
            domain: domain.to_owned(),
            log,
        })
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The domain served.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The domain's token keys (the same signing key the Worker has).
    pub fn keys(&self) -> &TokenKeys {
        &self.keys
    }

    /// A valid one-hour session token for `user`.
    pub fn token(&self, user: &User) -> String {
        self.keys.mint(user, unix_now(), 3600)
    }

    /// What workerd and miniflare printed so far.
    pub fn log(&self) -> String {
        self.log.lock().map(|l| l.join("\n")).unwrap_or_default()
    }

    /// The dev mailer's messages so far (the D1 table `_clodo_dev_outbox`),
    /// oldest first. Blocking.
    pub fn outbox(&self) -> Result<Vec<serde_json::Value>, WorkerdError> {
        let addr = self.control.trim_start_matches("http://");
        let fail = |e: std::io::Error| WorkerdError::Serve(format!("outbox: {e}"));
        let mut stream = TcpStream::connect(addr).map_err(fail)?;
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .map_err(fail)?;
        stream
            .write_all(b"GET /outbox HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            .map_err(fail)?;
        let mut raw = String::new();
        stream.read_to_string(&mut raw).map_err(fail)?;
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        if !head.starts_with("HTTP/1.1 200") && !head.starts_with("HTTP/1.0 200") {
            return Err(WorkerdError::Serve(format!("outbox: {head} {body}")));
        }
        serde_json::from_str(body).map_err(|e| WorkerdError::Serve(format!("outbox: {e}")))
    }
}

impl Drop for WorkerdServer {
    fn drop(&mut self) {
        // Closing stdin stops serve.mjs cleanly (it disposes workerd); the
        // group kill then ends whatever is left, workerd included.
        drop(self.child.stdin.take());
        crate::process::wait_exit(&mut self.child, Duration::from_secs(1));
        crate::process::stop_group(&mut self.child, Duration::from_secs(5));
    }
}
