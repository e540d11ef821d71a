//! `cargo clodo dev --workerd` as a user runs it: the bakery built as a
//! Worker, its migrations applied by wrangler to the domain's own local D1,
//! served on workerd; `GET /menu` answers, the printed staff token opens a
//! staff-only route; SIGINT (Ctrl-C) stops it and leaves nothing running
//! (no process of serve.mjs's group, workerd included). Needs the tools of
//! `.ci/install-workers.sh` (skipped without them, except on CI). Every file
//! it writes is under the test's own CLODO_STATE_DIR.
//!
//! And native `cargo clodo dev`: SIGTERM sent to it alone reaches the
//! server it started, which is gone when it exits.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Two free consecutive ports (the Worker's and the control port).
fn free_port_pair() -> u16 {
    for _ in 0..50 {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        if port < 65534 && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no two free consecutive ports");
}

/// Collects a pipe into a shared string, on a thread.
fn collect(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = text.clone();
    std::thread::spawn(move || {
        let mut b = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut b) {
            if n == 0 {
                break;
            }
            if let Ok(mut t) = sink.lock() {
                t.push_str(&String::from_utf8_lossy(&b[..n]));
            }
        }
    });
    text
}

fn snapshot(t: &Arc<Mutex<String>>) -> String {
    t.lock().map(|t| t.clone()).unwrap_or_default()
}

/// `GET path` on 127.0.0.1:port: (status, body), `None` when nothing answers.
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    get_as(port, path, None)
}

/// `GET path` with `authorization: Bearer <token>` when given.
fn get_as(port: u16, path: &str, token: Option<&str>) -> Option<(u16, String)> {
    request(port, "GET", path, token, None)
}

/// `method path` with an optional bearer token and JSON body: (status, body).
fn request(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    json: Option<&str>,
) -> Option<(u16, String)> {
    let mut s = TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_secs(2),
    )
    .ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let auth = token
        .map(|t| format!("authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let body = json
        .map(|j| {
            format!(
                "content-type: application/json\r\ncontent-length: {}\r\n\r\n{j}",
                j.len()
            )
        })
        .unwrap_or_else(|| "\r\n".into());
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nhost: localhost\r\n{auth}connection: close\r\n{body}"
    )
    .ok()?;
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    Some((status, if chunked { dechunk(body) } else { body.into() }))
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// Runs `c` to its end (killed after `limit`): (success, stdout, stderr).
fn run_bounded(mut c: Command, limit: Duration) -> (bool, String, String) {
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let read = |mut p: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = p.read_to_end(&mut b);
            String::from_utf8_lossy(&b).into_owned()
        })
    };
    let out = read(Box::new(child.stdout.take().expect("stdout")));
    let err = read(Box::new(child.stderr.take().expect("stderr")));
    let Some(status) = wait_exit(&mut child, limit) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("{c:?} ran longer than {limit:?}");
    };
    (
        status.success(),
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    )
}

fn wait_exit(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(s)) = child.try_wait() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// Kills the dev process if a step panics, so no server outlives the test.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = Command::new("kill")
                .args(["-INT", &self.0.id().to_string()])
                .status();
            if wait_exit(&mut self.0, Duration::from_secs(20)).is_none() {
                let _ = self.0.kill();
                let _ = self.0.wait();
            }
        }
    }
}

#[test]
fn dev_workerd_serves_the_bakery_after_wrangler_migrated_it() {
    let Some(tools) = common::workers_tools(&["wrangler"]) else {
        return;
    };
    let wrangler = tools.join("bin/wrangler");
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let port = free_port_pair();
    let tmp = tempfile::tempdir().expect("tempdir");
    let state = tmp.path().join("state");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"))
        .args(["clodo", "dev", "--workerd", "-p", "example-bakery-orders"])
        .args(["--port", &port.to_string()])
        .current_dir(workspace)
        .env("CLODO_STATE_DIR", &state)
        .env("CLODO_WORKERS_TOOLS", &tools)
        .env_remove("CLODO_WRANGLER")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo-clodo starts");
    let out = collect(child.stdout.take().expect("stdout"));
    let err = collect(child.stderr.take().expect("stderr"));
    let mut guard = Guard(child);

    // Up: the first wasm build is slow; later runs reuse target/wasm.
    let limit = Duration::from_secs(300);
    let menu = loop {
        if let Some((200, body)) = get(port, "/menu") {
            break body;
        }
        if let Ok(Some(status)) = guard.0.try_wait() {
            panic!(
                "cargo clodo dev --workerd exited ({status}):\n{}\n{}",
                snapshot(&err),
                snapshot(&out)
            );
        }
        assert!(
            started.elapsed() < limit,
            "GET /menu did not answer 200 within {limit:?}:\n{}\n{}",
            snapshot(&err),
            snapshot(&out)
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    let up = started.elapsed();
    let items: serde_json::Value = serde_json::from_str(&menu).expect("the menu is JSON");
    assert!(
        items
            .as_array()
            .is_some_and(|a| a.iter().any(|i| i["name"] == "Croissant")),
        "{menu}"
    );

    // wrangler applied the migrations, before the Worker was served.
    let log = snapshot(&err);
    let applied = log
        .find("migrations: applied (")
        .or_else(|| log.find("migrations: no migrations to apply"))
        .unwrap_or_else(|| panic!("no migrations line:\n{log}"));
    let serving = log
        .find(&format!("on workerd at http://127.0.0.1:{port}"))
        .unwrap_or_else(|| panic!("no serving line:\n{log}"));
    assert!(applied < serving, "{log}");
    assert!(
        log.contains(&format!("http://127.0.0.1:{}/outbox", port + 1)),
        "{log}"
    );
    assert!(log.contains("stop with Ctrl-C"), "{log}");
    let (status, outbox) = get(port + 1, "/outbox").expect("the control port answers");
    assert_eq!(status, 200, "{outbox}");
    let pgid: u32 = log
        .split("serve.mjs pid ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no serve.mjs pid:\n{log}"));
    assert!(
        clodo_codegen::children::group_members(pgid).len() >= 2,
        "serve.mjs and workerd run in serve.mjs's own group"
    );

    // Dev tokens of its own: printed, in dev-tokens.env, on the control port.
    let dev = state.join("example-bakery-orders/dev");
    let env_file =
        std::fs::read_to_string(dev.join("dev.localhost/dev-tokens.env")).expect("dev-tokens.env");
    let staff = env_file
        .lines()
        .find_map(|l| l.strip_prefix("STAFF_TOKEN="))
        .expect("STAFF_TOKEN line")
        .to_owned();
    assert!(log.contains(&format!("staff:    {staff}")), "{log}");
    let (status, served) = get(port + 1, "/dev-tokens").expect("GET /dev-tokens");
    assert_eq!(status, 200, "{served}");
    let served: serde_json::Value = serde_json::from_str(&served).expect("json");
    assert_eq!(served["staff"], staff.as_str());
    let staff_only = "/orders?date=2026-12-01";
    let (status, body) = get_as(port, staff_only, Some(&staff)).expect("answers");
    assert_eq!(
        status, 200,
        "a staff-only route with the staff token: {body}"
    );
    let customer = served["customer"].as_str().expect("customer token");
    let (status, _) = get_as(port, staff_only, Some(customer)).expect("answers");
    assert_eq!(status, 403, "the customer token is not staff");

    // The magic link opens the auth block's development page, which answers.
    let ask = r#"{"email":"ann@example.com"}"#;
    let (status, body) =
        request(port, "POST", "/auth/magic-link", None, Some(ask)).expect("answers");
    assert_eq!(status, 202, "{body}");
    let (_, outbox) = get(port + 1, "/outbox").expect("outbox");
    let outbox: serde_json::Value = serde_json::from_str(&outbox).expect("json");
    let link = outbox[0]["link"].as_str().expect("a link").to_owned();
    let path = link
        .strip_prefix("http://localhost")
        .unwrap_or_else(|| panic!("{link}"));
    assert!(path.starts_with("/auth/sign-in?token="), "{link}");
    let (status, page) = get(port, path).expect("the page answers");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(r#"const verify = "/auth/verify""#), "{page}");

    // Ctrl-C: it stops serve.mjs and workerd, and exits.
    let stopping = Instant::now();
    let _ = Command::new("kill")
        .args(["-INT", &guard.0.id().to_string()])
        .status();
    let status = wait_exit(&mut guard.0, Duration::from_secs(30))
        .unwrap_or_else(|| panic!("still running 30 s after SIGINT:\n{}", snapshot(&err)));
    assert!(status.success(), "{status}: {}", snapshot(&err));
    while TcpStream::connect(("127.0.0.1", port)).is_ok()
        || TcpStream::connect(("127.0.0.1", port + 1)).is_ok()
    {
        assert!(
            stopping.elapsed() < Duration::from_secs(40),
            "something still listens on {port} or {} after the stop",
            port + 1
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        TcpListener::bind(("127.0.0.1", port)).is_ok(),
        "port {port} is free"
    );
    let stopped = stopping.elapsed();
    let left = clodo_codegen::children::group_members(pgid);
    assert!(
        left.is_empty(),
        "serve.mjs or workerd survived the stop: {left:?}"
    );

    // The rows wrangler records in its own table, read after the stop from
    // the domain's own D1 (not the build folder's).
    let mut q = Command::new(&wrangler);
    q.args(["d1", "execute", "DB", "--local", "--persist-to"])
        .arg(dev.join("dev.localhost/d1"))
        .args([
            "--json",
            "--command",
            "select name from d1_migrations order by id",
        ])
        .current_dir(&dev);
    let (ok, stdout, stderr) = run_bounded(q, Duration::from_secs(120));
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let names: Vec<&str> = json[0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with("_auth_0001_auth.sql"))
            && names.iter().any(|n| n.contains("bakery_orders_0001_init")),
        "{names:?}"
    );
    eprintln!(
        "dev --workerd: /menu answered after {} s, stopped in {} ms",
        up.as_secs(),
        stopped.as_millis()
    );
}

/// Whether `pid` is a live (not zombie) process.
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

#[cfg(target_os = "linux")]
#[test]
fn native_dev_forwards_sigterm_to_its_server_and_waits() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let port = free_port_pair();
    let tmp = tempfile::tempdir().expect("tempdir");
    let child = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"))
        .args(["clodo", "dev", "-p", "example-bakery-orders"])
        .current_dir(workspace)
        .env("PORT", port.to_string())
        .env("CLODO_DATA_DIR", tmp.path().join("data"))
        .env("CLODO_DEV_VARS", tmp.path().join(".dev.vars"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo-clodo starts");
    let mut guard = Guard(child);
    let out = collect(guard.0.stdout.take().expect("stdout"));
    let err = collect(guard.0.stderr.take().expect("stderr"));
    let started = Instant::now();
    while get(port, "/healthz").is_none_or(|(s, _)| s != 200) {
        assert!(
            guard.0.try_wait().ok().flatten().is_none(),
            "cargo clodo dev exited:\n{}",
            snapshot(&err)
        );
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "no /healthz:\n{}\n{}",
            snapshot(&err),
            snapshot(&out)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let log = snapshot(&err);
    let server: u32 = log
        .split("pid ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no server pid:\n{log}"));
    assert!(alive(server));

    // SIGTERM to cargo clodo alone (not its process group).
    assert!(clodo_codegen::children::signal(guard.0.id(), "TERM"));
    let status = wait_exit(&mut guard.0, Duration::from_secs(30))
        .unwrap_or_else(|| panic!("still running 30 s after SIGTERM:\n{}", snapshot(&err)));
    assert!(status.success(), "{status}: {}", snapshot(&err));
    assert!(
        !alive(server),
        "the server {server} survived cargo clodo dev"
    );
    assert!(get(port, "/healthz").is_none(), "nothing listens on {port}");
    assert!(
        snapshot(&out).contains("clodo: shutting down"),
        "the server shut down on the forwarded signal: {}",
        snapshot(&out)
    );
}
