//! A new user's path, as README.md and `cargo clodo new-block` promise it:
//! `cargo install --path clodo-codegen --locked` into a temporary root, then,
//! once per template, `cargo clodo new-block` in a temporary directory
//! outside any cargo workspace, and in the new crate:
//!
//! - `cargo test`, native and workerd halves (the workerd half is skipped,
//!   visibly, without the Workers tools; under `CI=true` it must run);
//! - `cargo clodo domain add` twice, then `domain check`;
//! - `cargo clodo deploy --dry-run`, which writes nothing;
//! - `cargo clodo build --worker`, and `cargo check --target
//!   wasm32-unknown-unknown` of `src/main.rs`;
//! - `cargo run`, a magic-link sign-in, and a protected route with the session.
//!
//! Everything shares the workspace's target directory (cargo's lock
//! serialises the builds), and the wasm builds share `target/wasm`.

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use clodo_codegen::children;

mod common;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
}

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// The temporary root cargo-clodo is installed into, once per test binary.
fn installed() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = tempfile::tempdir().expect("tempdir");
        let started = Instant::now();
        let out = Command::new(cargo())
            .args(["install", "--quiet", "--locked", "--debug", "--path"])
            .arg(workspace().join("clodo-codegen"))
            .arg("--root")
            .arg(root.path())
            .env("CARGO_TARGET_DIR", target_dir())
            .output()
            .expect("cargo install runs");
        assert_ok("cargo install --path clodo-codegen", &out);
        eprintln!(
            "cargo install --path clodo-codegen: {:.0?}",
            started.elapsed()
        );
        root
    })
    .path()
}

fn assert_ok(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A command as a user types it in `dir`: the installed cargo-clodo first
/// on `PATH`, the shared target folders.
fn user_command(dir: &Path, program: impl AsRef<std::ffi::OsStr>) -> Command {
    let bin = installed().join("bin");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&path));
    let mut c = Command::new(program);
    c.current_dir(dir)
        .env("PATH", std::env::join_paths(paths).expect("PATH"))
        .env("CARGO_TARGET_DIR", target_dir())
        .env("CLODO_WASM_TARGET_DIR", target_dir().join("wasm"))
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("CLODO_DOMAIN")
        .env_remove("CLODO_DATA_DIR")
        .env_remove("CLODO_DOMAINS_DIR")
        .stdin(Stdio::null());
    c
}

fn clodo(dir: &Path, args: &[&str]) -> Output {
    user_command(dir, "cargo")
        .arg("clodo")
        .args(args)
        .output()
        .expect("cargo clodo runs")
}

/// Every file under `dir` but `target/`, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            if rel == Path::new("target") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.insert(rel, bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A free port on 127.0.0.1.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// `cargo run` of the new crate, in a process group of its own, stopped
/// as a group when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        children::stop_group(&mut self.0, Duration::from_secs(10));
    }
}

fn cargo_run(dir: &Path, port: u16) -> Running {
    let mut cmd = user_command(dir, "cargo");
    cmd.args(["run", "--quiet"])
        .env("PORT", port.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut child = children::own_group(&mut cmd)
        .spawn()
        .expect("cargo run starts");
    let stdout = child.stdout.take().expect("stdout");
    let running = Running(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("docs http") {
                let _ = tx.send(());
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(600))
        .expect("cargo run serves within 10 minutes");
    running
}

/// The magic-link sign-in of the README's tour, then `protected` with the
/// session's access token; returns that call's status and body.
fn sign_in_and_call(dir: &Path, base: &str, protected: (&str, &str, &str)) -> (u16, String) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let c = reqwest::Client::new();
        let resp = c
            .post(format!("{base}/auth/magic-link"))
            .json(&serde_json::json!({"email": "ann@example.com"}))
            .send()
            .await
            .expect("magic-link");
        assert_eq!(resp.status(), 202);
        let outbox = dir.join(".clodo/dev.localhost/outbox");
        let mut mails: Vec<PathBuf> = std::fs::read_dir(&outbox)
            .unwrap_or_else(|e| panic!("{}: {e}", outbox.display()))
            .flatten()
            .map(|e| e.path())
            .collect();
        mails.sort();
        let mail: serde_json::Value =
            serde_json::from_slice(&std::fs::read(mails.last().expect("a mail")).expect("read"))
                .expect("json");
        assert_eq!(mail["to"], "ann@example.com");
        let link = mail["link"].as_str().expect("a link");
        let token = link.split("token=").nth(1).expect("token in the link");
        let session: serde_json::Value = c
            .post(format!("{base}/auth/verify"))
            .json(&serde_json::json!({"token": token}))
            .send()
            .await
            .expect("verify")
            .json()
            .await
            .expect("session");
        let access = session["access_token"].as_str().expect("access token");
        let (method, path, body) = protected;
        let unauthenticated = c
            .request(method.parse().expect("method"), format!("{base}{path}"))
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("call");
        assert_eq!(unauthenticated.status(), 401, "{path} is protected");
        let resp = c
            .request(method.parse().expect("method"), format!("{base}{path}"))
            .bearer_auth(access)
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("call");
        (resp.status().as_u16(), resp.text().await.expect("a body"))
    })
}

/// One template, the whole path. Templates run one after the other: each
/// step already uses both cores.
fn new_user_path(template: &str, protected: (&str, &str, &str)) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let tools = common::workers_tools(&["wasm-bindgen", "node", "workerd", "wrangler"]);
    let home = tempfile::tempdir().expect("tempdir");
    assert!(
        !home
            .path()
            .ancestors()
            .any(|d| d.join("Cargo.toml").is_file()),
        "the temporary directory must lie outside any cargo workspace"
    );
    let name = format!("my-{template}");
    let started = Instant::now();
    let out = user_command(home.path(), "cargo")
        .args(["clodo", "new-block", &name, "--template", template])
        .output()
        .expect("cargo clodo new-block runs");
    assert_ok("cargo clodo new-block", &out);
    let said = String::from_utf8_lossy(&out.stderr);
    // The SDK and the auth block (every template mounts it), from the clone
    // cargo-clodo was built from.
    for (krate, folder) in [("clodo-sdk", "clodo-sdk"), ("clodo-auth", "blocks/auth")] {
        let line = format!(
            "{krate} = {{ path = {:?}",
            workspace().join(folder).display().to_string()
        );
        assert!(
            said.contains(&line),
            "new-block prints each dependency it chose ({line}):\n{said}"
        );
    }
    let dir = home.path().join(&name);
    assert!(
        !dir.join("wrangler.toml").exists(),
        "no stale wrangler.toml"
    );

    // cargo test: both halves.
    let out = user_command(&dir, "cargo")
        .args(["test"])
        .output()
        .expect("cargo test runs");
    assert_ok(&format!("{template}: cargo test in the new crate"), &out);
    let report = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("test native::"), "{report}");
    assert!(report.contains("test workerd::"), "{report}");
    if tools.is_some() {
        assert!(
            !stderr.contains("SKIPPED"),
            "with the Workers tools the workerd half runs:\n{stderr}"
        );
    } else {
        assert!(
            stderr.contains("SKIPPED workerd::"),
            "a skipped workerd half says so:\n{stderr}"
        );
    }
    eprintln!("{template}: cargo test: {:.0?}", started.elapsed());

    // Two customer domains, checked.
    let out = clodo(
        &dir,
        &[
            "domain",
            "add",
            "alpha.example",
            "--hostname",
            "production=alpha.example",
        ],
    );
    assert_ok("domain add alpha.example", &out);
    let out = clodo(&dir, &["domain", "add", "beta.example"]);
    assert_ok("domain add beta.example", &out);
    let beta = std::fs::read_to_string(dir.join("domains/beta.example.toml")).expect("file");
    assert!(beta.contains("# display_name = \"Beta\""), "{beta}");
    let out = clodo(&dir, &["domain", "check"]);
    assert_ok("domain check", &out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("3 domains ok"), "{said}");

    // The deploy plan writes nothing.
    let before = files(&dir);
    let out = clodo(
        &dir,
        &[
            "deploy",
            "--domain",
            "alpha.example",
            "--env",
            "production",
            "--dry-run",
        ],
    );
    assert_ok("deploy --dry-run", &out);
    let plan = String::from_utf8_lossy(&out.stdout);
    assert!(plan.contains("wrangler deploy"), "{plan}");
    let after = files(&dir);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "deploy --dry-run writes no file"
    );
    assert!(after == before, "deploy --dry-run changes no file");

    // src/main.rs compiles for wasm32 too (the Worker build compiles only
    // the library); once is enough, the templates share main.rs.
    if tools.is_some() && template == "basic" {
        let out = user_command(&dir, "cargo")
            .args([
                "check",
                "--quiet",
                "--target",
                "wasm32-unknown-unknown",
                "--bins",
            ])
            .output()
            .expect("cargo check runs");
        assert_ok("cargo check --target wasm32-unknown-unknown --bins", &out);
    }

    // The Worker bundle.
    if tools.is_some() {
        let out = clodo(&dir, &["build", "--worker"]);
        assert_ok("build --worker", &out);
        let bundle = dir.join("target/workers").join(&name).join("worker");
        assert!(
            bundle.join("index_bg.wasm").is_file(),
            "{}",
            bundle.display()
        );
        assert!(bundle.join("entry.mjs").is_file());
    }

    // cargo run: sign in, then a protected route.
    let port = free_port();
    let server = cargo_run(&dir, port);
    let (status, body) = sign_in_and_call(&dir, &format!("http://127.0.0.1:{port}"), protected);
    drop(server);
    assert_eq!(status, 201, "{body}");
    eprintln!("{template}: the whole path: {:.0?}", started.elapsed());
}

#[test]
fn basic_template_new_user_path() {
    new_user_path("basic", ("POST", "/notes", r#"{"text":"signed in"}"#));
}

#[test]
fn crud_template_new_user_path() {
    new_user_path(
        "crud",
        ("POST", "/items", r#"{"name":"flour","quantity":1}"#),
    );
}
