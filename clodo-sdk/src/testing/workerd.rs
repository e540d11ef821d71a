//! A block crate's Worker served by workerd on loopback, for tests: built
//! with `scripts/workers/build.sh` (once per test process and crate), run
//! with `scripts/workers/serve.mjs` (miniflare's Node API) on an ephemeral
//! port with a fresh in-memory D1 database per server.
//!
//! The tools come from `.ci/install-workers.sh` (the folder
//! `$CLODO_WORKERS_TOOLS`, default `~/.cache/clodo/workers`). When they are
//! missing, [`WorkerdServer::start`] returns [`WorkerdError::ToolsMissing`]:
//! [`crate::testing::suite`] turns that into a failure under `CI=true` and a
//! skip with instructions otherwise.

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

/// How to install the tools, for messages.
pub const INSTALL_HINT: &str = "install the Workers toolchain once with `bash .ci/install-workers.sh` \
     (wasm32 target, wasm-bindgen-cli 0.2.130, miniflare/workerd, Node 22; about 5 minutes)";

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
            "the Workers toolchain is incomplete in {} (missing: {}): {INSTALL_HINT}",
            tools.display(),
            missing.join(", ")
        )))
    }
}

/// The workspace root: the first ancestor of the test's crate with `scripts/workers/build.sh`.
fn workspace_root() -> Result<PathBuf, WorkerdError> {
    let start = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    start
        .ancestors()
        .find(|d| d.join("scripts/workers/build.sh").is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            WorkerdError::Build(format!(
                "no scripts/workers/build.sh above {}",
                start.display()
            ))
        })
}

type Built = Arc<OnceLock<Result<PathBuf, String>>>;

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
        let root = workspace_root().map_err(|e| e.to_string())?;
        let out = root.join("target/workers").join(format!("{package}-test"));
        let output = Command::new("bash")
            .arg(root.join("scripts/workers/build.sh"))
            .args(["-p", package, "--skip-migrations", "--out"])
            .arg(&out)
            .current_dir(&root)
            .env_remove("CARGO_TARGET_DIR")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run scripts/workers/build.sh: {e}"))?;
        if output.status.success() {
            Ok(out)
        } else {
            Err(format!(
                "scripts/workers/build.sh -p {package} exited with {}:\n{}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    })
    .clone()
    .map_err(WorkerdError::Build)
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
        let root = workspace_root()?;
        let mut cmd = Command::new(tools.join("bin/node"));
        cmd.arg(root.join("scripts/workers/serve.mjs"))
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
        let mut child = cmd
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
                let _ = child.kill();
                let _ = child.wait();
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
        // Closing stdin stops serve.mjs cleanly; kill is the fallback.
        drop(self.child.stdin.take());
        for _ in 0..20 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
