//! `cargo clodo deploy`, `migrate` and `build --worker` as a user runs them.
//!
//! Deploys run against a fake wrangler (a bash script that records its
//! argv and answers with canned JSON, failing on demand through
//! `FAKE_FAIL`), with `--skip-build` and a local health server; `migrate
//! --local` runs the real, pinned wrangler on the bakery's migrations.
//!
//! After an intended change to a snapshot (plan, wrangler.toml, help):
//! `CLODO_BLESS=1 cargo test -p clodo-codegen --test deploy`.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const TOKEN: &str = "cf-test-token-0123456789abcdefghij";
const CREATED_ID: &str = "6f1c0a8e-1111-4000-8000-00000000abcd";

const BAKERY: &str = r#"# Sweet Bakery: the first customer.
name = "sweetbakery.com"

[cloudflare]
account_id = "0123456789abcdef0123456789abcdef"

[hostnames]
development = ["sweetbakery.localhost"]
staging = ["staging.sweetbakery.com"]
production = ["sweetbakery.com", "www.sweetbakery.com"]

[features]
sms_notifications = true
loyalty = false

[databases.staging]
name = "sweetbakery-com-staging" # deploy fills in the id

[secrets]
required = ["SMS_API_KEY"]

[settings]
cors_origins = ["https://sweetbakery.com"]
magic_link_ttl_secs = 900
"#;

const FLOWERS: &str = r#"name = "flowers.example"

[cloudflare]
account_id = "fedcba9876543210fedcba9876543210"
zone_id = "00112233445566778899aabbccddeeff"

[hostnames]
production = ["flowers.example"]

[databases.production]
name = "flowers-prod"
id = "11111111-2222-4333-8444-555555555555"
"#;

const FAKE_WRANGLER: &str = r#"#!/usr/bin/env bash
# A fake wrangler: records "cwd :: argv", answers from canned JSON.
printf '%s :: %s\n' "$(pwd)" "$*" >> "$FAKE_LOG"
fail() { [[ ${FAKE_FAIL:-} == "$1" ]]; }
case "$1 $2" in
"d1 list") echo "${FAKE_D1_LIST:-[]}" ;;
"d1 create")
    fail create && { echo "create failed" >&2; exit 1; }
    printf '✅ Successfully created DB %s\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "%s"\ndatabase_id = "%s"\n' "$3" "$3" "$FAKE_CREATED_ID" ;;
"secret list") echo "${FAKE_SECRETS:-[]}" ;;
"d1 migrations")
    fail migrate && { echo "✘ 0002_orders.sql failed: no such table: menu (Authorization: Bearer $CLOUDFLARE_API_TOKEN)" >&2; exit 1; }
    echo "│ 0001_x.sql │ ✅ │" ;;
deploy*) fail deploy && exit 1; echo "Deployed" ;;
*) echo "fake wrangler: unexpected $*" >&2; exit 9 ;;
esac
"#;

const ALL_SECRETS: &str = r#"[{"name":"CLODO_SIGNING_KEY","type":"secret_text"},{"name":"SMS_API_KEY","type":"secret_text"}]"#;

struct Project {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Project {
    fn new() -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().canonicalize().expect("canonical");
        std::fs::create_dir_all(root.join("domains")).expect("mkdir");
        std::fs::write(root.join("domains/sweetbakery.com.toml"), BAKERY).expect("write");
        std::fs::write(root.join("domains/flowers.example.toml"), FLOWERS).expect("write");
        std::fs::create_dir_all(root.join("bin")).expect("mkdir");
        let fake = root.join("bin/wrangler");
        std::fs::write(&fake, FAKE_WRANGLER).expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        Project { _tmp: tmp, root }
    }

    fn out(&self) -> PathBuf {
        self.root.join("target/workers/example-bakery-orders")
    }

    /// A bundle as `cargo clodo build --worker` leaves it (for --skip-build).
    fn fake_bundle(&self) {
        let out = self.out();
        std::fs::create_dir_all(out.join("worker")).expect("mkdir");
        std::fs::create_dir_all(out.join("migrations")).expect("mkdir");
        std::fs::write(out.join("worker/entry.mjs"), "export default {}").expect("write");
        std::fs::write(out.join("migrations/0001_x.sql"), "create table x(a);").expect("write");
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("wrangler.log")).unwrap_or_default()
    }

    fn domain_file(&self) -> String {
        std::fs::read_to_string(self.root.join("domains/sweetbakery.com.toml")).expect("read")
    }

    fn clodo(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"));
        c.arg("clodo")
            .args(args)
            .current_dir(&self.root)
            .env("CLODO_WRANGLER", self.root.join("bin/wrangler"))
            .env("CLODO_WORKERS_TOOLS", self.root.join("tools"))
            .env("FAKE_LOG", self.root.join("wrangler.log"))
            .env("FAKE_CREATED_ID", CREATED_ID)
            .env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env_remove("FAKE_FAIL")
            .stdin(Stdio::null());
        for (k, v) in env {
            c.env(k, v);
        }
        run_bounded(c, Duration::from_secs(120))
    }

    fn deploy(&self, extra: &[&str], env: &[(&str, &str)]) -> Output {
        let mut args = vec![
            "deploy",
            "--domain",
            "sweetbakery.com",
            "--env",
            "staging",
            "-p",
            "example-bakery-orders",
            "--skip-build",
            "--health-timeout",
            "3",
        ];
        args.extend_from_slice(extra);
        self.clodo(&args, env)
    }
}

/// Runs `c` to its end, killing it after `limit`.
fn run_bounded(mut c: Command, limit: Duration) -> Output {
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawns");
    let (mut out, mut err) = (
        child.stdout.take().expect("out"),
        child.stderr.take().expect("err"),
    );
    let o = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let e = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{c:?} ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: o.join().expect("stdout"),
        stderr: e.join().expect("stderr"),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A health server on 127.0.0.1 answering every request with `status`
/// and `body`; returns its base URL.
fn health_server(status: u16, body: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut s = stream;
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{addr}")
}

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old == actual {
        return;
    }
    if std::env::var_os("CLODO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write");
        return;
    }
    panic!(
        "{} changed; if intended: CLODO_BLESS=1 cargo test -p clodo-codegen --test deploy\n{}",
        path.display(),
        clodo_codegen::contract::line_diff(&old, actual)
    );
}

#[test]
fn help_texts_match_snapshots() {
    let p = Project::new();
    for cmd in ["build", "deploy", "migrate"] {
        let out = p.clodo(&[cmd, "--help"], &[]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let help = text(&out.stdout);
        assert!(help.contains("Examples:"), "{cmd}");
        snapshot(&format!("help/{cmd}.txt"), &help);
    }
}

#[test]
fn dry_run_prints_the_plan_and_touches_nothing() {
    let p = Project::new();
    let out = p.clodo(
        &[
            "deploy",
            "--domain",
            "sweetbakery.com",
            "--env",
            "staging",
            "-p",
            "example-bakery-orders",
            "--dry-run",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plan = text(&out.stdout);
    snapshot("deploy/plan-staging.txt", &plan);
    assert!(
        !plan.contains(&*p.root.to_string_lossy()),
        "no absolute temp paths"
    );
    assert_eq!(p.log(), "", "no wrangler call");
    assert!(!p.root.join("target").exists(), "nothing written");
    assert_eq!(p.domain_file(), BAKERY);
}

#[test]
fn wrangler_toml_covers_every_domain_and_env() {
    let p = Project::new();
    // Fails at the lookup (no JSON), after writing wrangler.toml.
    let out = p.deploy(&[], &[("FAKE_D1_LIST", "oops")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let toml = std::fs::read_to_string(p.out().join("wrangler.toml")).expect("written");
    snapshot("deploy/wrangler.toml", &toml);
    let doc: toml_edit::DocumentMut = toml.parse().expect("valid TOML");
    let envs: Vec<&str> = doc["env"]
        .as_table()
        .expect("env")
        .iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        envs,
        [
            "flowers-example-production",
            "sweetbakery-com-staging",
            "sweetbakery-com-production"
        ]
    );
    assert!(!toml.contains(TOKEN));
}

#[test]
fn happy_path_runs_every_step_and_records_the_id() {
    let p = Project::new();
    p.fake_bundle();
    let health = health_server(200, r#"{"status":"ok","domain":"sweetbakery.com"}"#);
    let out = p.deploy(&["--health-url", &health], &[("FAKE_SECRETS", ALL_SECRETS)]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    for n in 1..=8 {
        assert!(err.contains(&format!("  {n}. ok")), "step {n}: {err}");
    }
    let out_dir = p.out();
    let calls: Vec<String> = p
        .log()
        .lines()
        .map(|l| l.replace(&*out_dir.to_string_lossy(), "OUT"))
        .collect();
    assert_eq!(
        calls,
        [
            "OUT :: d1 list --json --env sweetbakery-com-staging",
            "OUT :: secret list --env sweetbakery-com-staging --format json",
            "OUT :: d1 create sweetbakery-com-staging --env sweetbakery-com-staging",
            "OUT :: d1 migrations apply DB --env sweetbakery-com-staging --remote",
            "OUT :: deploy --env sweetbakery-com-staging",
        ]
    );
    // The id is in the domain file, comments and layout kept.
    let file = p.domain_file();
    assert_eq!(
        file,
        BAKERY.replace(
            "# deploy fills in the id\n",
            &format!("# deploy fills in the id\nid = \"{CREATED_ID}\"\n")
        )
    );
    let toml = std::fs::read_to_string(out_dir.join("wrangler.toml")).expect("toml");
    assert!(toml.contains(&format!("database_id = \"{CREATED_ID}\"")));
    assert!(!p.log().contains(TOKEN) && !err.contains(TOKEN));

    // Again: the database is found by its id, nothing is created.
    let list = format!(r#"[{{"uuid":"{CREATED_ID}","name":"sweetbakery-com-staging"}}]"#);
    let again = p.deploy(
        &["--health-url", &health],
        &[("FAKE_SECRETS", ALL_SECRETS), ("FAKE_D1_LIST", &list)],
    );
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(p.log().matches("d1 create").count(), 1);
    assert_eq!(p.domain_file(), file);
}

#[test]
fn a_missing_secret_stops_before_any_remote_change() {
    let p = Project::new();
    p.fake_bundle();
    let only_key = r#"[{"name":"CLODO_SIGNING_KEY","type":"secret_text"}]"#;
    let out = p.deploy(&[], &[("FAKE_SECRETS", only_key)]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("3. FAILED  check the secrets"), "{err}");
    assert!(err.contains("lacks the secret(s) SMS_API_KEY"), "{err}");
    assert!(
        err.contains("wrangler secret put SMS_API_KEY --env sweetbakery-com-staging"),
        "{err}"
    );
    for n in 4..=8 {
        assert!(err.contains(&format!("  {n}. not run")), "step {n}: {err}");
    }
    let log = p.log();
    assert!(!log.contains("d1 create") && !log.contains("migrations") && !log.contains("deploy"));
    assert_eq!(p.domain_file(), BAKERY);
}

#[test]
fn a_failed_migration_is_not_reported_as_applied_and_stops_the_deploy() {
    let p = Project::new();
    p.fake_bundle();
    let out = p.deploy(
        &[],
        &[("FAKE_SECRETS", ALL_SECRETS), ("FAKE_FAIL", "migrate")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("6. FAILED  apply the migrations"), "{err}");
    assert!(err.contains("the migrations were not applied"), "{err}");
    assert!(err.contains("no such table: menu"), "{err}");
    assert!(!err.contains(TOKEN), "the echoed token is blanked: {err}");
    assert!(
        err.contains("7. not run") && err.contains("8. not run"),
        "{err}"
    );
    assert!(!err.contains("ok      apply the migrations"), "{err}");
    assert!(
        !p.log()
            .lines()
            .any(|l| l.ends_with(":: deploy --env sweetbakery-com-staging"))
    );
}

#[test]
fn a_failed_health_check_fails_in_bounded_time() {
    let p = Project::new();
    p.fake_bundle();
    let health = health_server(500, r#"{"status":"error"}"#);
    let start = Instant::now();
    let out = p.deploy(&["--health-url", &health], &[("FAKE_SECRETS", ALL_SECRETS)]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("8. FAILED  health check"), "{err}");
    assert!(err.contains("HTTP 500"), "{err}");
    assert!(err.contains("7. ok"), "deployed before the check: {err}");

    // Nothing listening at all.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let list = format!(r#"[{{"uuid":"{CREATED_ID}","name":"sweetbakery-com-staging"}}]"#);
    let out = p.deploy(
        &["--health-url", &url],
        &[("FAKE_SECRETS", ALL_SECRETS), ("FAKE_D1_LIST", &list)],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("/healthz failed"),
        "{}",
        text(&out.stderr)
    );
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn errors_say_what_to_do() {
    let p = Project::new();
    let out = p.clodo(
        &[
            "deploy", "--domain", "nope.com", "--env", "staging", "-p", "x",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("no domain \"nope.com\"") && err.contains("flowers.example, sweetbakery.com"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");
    let out = p.clodo(
        &[
            "deploy",
            "--domain",
            "flowers.example",
            "--env",
            "staging",
            "-p",
            "x",
        ],
        &[],
    );
    assert!(
        text(&out.stderr).contains("configures nothing for staging"),
        "{}",
        text(&out.stderr)
    );
    let out = p.clodo(
        &[
            "deploy",
            "--domain",
            "flowers.example",
            "--env",
            "development",
            "-p",
            "x",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = p.clodo(&["build", "-p", "x"], &[]);
    assert!(
        text(&out.stderr).contains("--worker"),
        "{}",
        text(&out.stderr)
    );
    let out = p.clodo(&["build", "--worker", "-p", "x"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("install-workers.sh"),
        "{}",
        text(&out.stderr)
    );
}

/// `wrangler d1 execute DB --env ENV --local --persist-to D1 --json --command SQL`:
/// the rows it returns.
fn d1_rows(wrangler: &Path, dir: &Path, env: &str, d1: &Path, sql: &str) -> Vec<serde_json::Value> {
    let mut q = Command::new(wrangler);
    q.args(["d1", "execute", "DB", "--env", env, "--local"])
        .arg("--persist-to")
        .arg(d1)
        .args(["--json", "--command", sql])
        .current_dir(dir)
        .stdin(Stdio::null());
    let res = run_bounded(q, Duration::from_secs(120));
    assert!(res.status.success(), "{sql}: {}", text(&res.stderr));
    let json: serde_json::Value = serde_json::from_slice(&res.stdout).expect("json");
    json[0]["results"].as_array().cloned().unwrap_or_default()
}

/// `migrate --local` with the real wrangler on the bakery's migrations,
/// then the tables checked in the local D1 through `wrangler d1 execute`;
/// a second domain's local D1 is another database (a row written into one
/// is not in the other); the bundle then serves the first one on workerd.
/// Every local state is under the test's own CLODO_STATE_DIR.
#[test]
fn migrate_local_applies_the_bakery_migrations_with_the_real_wrangler() {
    let Some(tools) = common::workers_tools(&["wrangler"]) else {
        return;
    };
    let wrangler = tools.join("bin/wrangler");
    let p = Project::new();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let out_dir = p.root.join("out");
    let state = p.root.join("state");
    let migrate = |domain: &str, env: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"));
        c.arg("clodo")
            .args(["migrate", "--domain", domain, "--env", env, "--local"])
            .args(["-p", "example-bakery-orders", "--dir"])
            .arg(p.root.join("domains"))
            .arg("--out")
            .arg(&out_dir)
            .current_dir(workspace)
            .env("CLODO_WRANGLER", &wrangler)
            .env("CLODO_STATE_DIR", &state)
            .stdin(Stdio::null());
        run_bounded(c, Duration::from_secs(900))
    };
    let out = migrate("sweetbakery.com", "staging");
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("3. ok      apply the migrations (local"),
        "{err}"
    );
    let staging = state.join("example-bakery-orders/local/sweetbakery-com-staging");
    assert!(
        err.contains("--env sweetbakery-com-staging --persist"),
        "it says how to serve it: {err}"
    );

    let env = "sweetbakery-com-staging";
    let tables: Vec<String> = d1_rows(
        &wrangler,
        &out_dir,
        env,
        &staging,
        "select name from sqlite_master where type = 'table'",
    )
    .iter()
    .filter_map(|r| r["name"].as_str().map(str::to_owned))
    .collect();
    for t in ["menu_items", "orders", "d1_migrations"] {
        assert!(tables.iter().any(|x| x == t), "{t} in {tables:?}");
    }
    // Applying again applies nothing.
    let out = migrate("sweetbakery.com", "staging");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("no migrations to apply"),
        "{}",
        text(&out.stderr)
    );

    // Another domain: its own database, which does not see the first one's rows.
    let out = migrate("flowers.example", "production");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let flowers = state.join("example-bakery-orders/local/flowers-example-production");
    let flowers_env = "flowers-example-production";
    d1_rows(
        &wrangler,
        &out_dir,
        env,
        &staging,
        "insert into menu_items (id, name, description, price_cents, available) \
         values (900, 'Staging Only Tart', 'x', 100, 1)",
    );
    let find = "select name from menu_items where id = 900";
    assert_eq!(d1_rows(&wrangler, &out_dir, env, &staging, find).len(), 1);
    assert!(
        d1_rows(&wrangler, &out_dir, flowers_env, &flowers, find).is_empty(),
        "sweetbakery.com's row is not in flowers.example's local D1"
    );
    assert!(
        staging.is_dir() && flowers.is_dir() && !out_dir.join(".wrangler").exists(),
        "each domain's D1 is in the test's own state folder, none in the build folder"
    );

    // The whole local path: the bundle built into the same folder (its
    // generated wrangler.toml kept), served under workerd as the domain's
    // staging environment, on the D1 database wrangler migrated.
    if !tools.join("bin/wasm-bindgen").is_file() {
        eprintln!("skipped serving: no wasm-bindgen in {}", tools.display());
        return;
    }
    let mut b = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"));
    b.args(["clodo", "build", "--worker", "-p", "example-bakery-orders"])
        .args(["--no-opt", "--skip-migrations", "--dev-vars", "--out"])
        .arg(&out_dir)
        .current_dir(workspace)
        .env("CLODO_WORKERS_TOOLS", &tools)
        .stdin(Stdio::null());
    let built = run_bounded(b, Duration::from_secs(1800));
    assert!(built.status.success(), "{}", text(&built.stderr));
    let toml = std::fs::read_to_string(out_dir.join("wrangler.toml")).expect("wrangler.toml");
    assert!(
        toml.contains("[env.sweetbakery-com-staging]"),
        "the build kept it"
    );
    let persist = staging.join("v3/d1");
    let persist = persist.to_str().expect("utf-8 path");
    let got = serve_and_get(
        &tools,
        workspace,
        &out_dir,
        &["--env", env, "--persist", persist],
        &["/healthz", "/openapi.json", "/menu"],
    );
    assert!(got[0].starts_with("HTTP/1.1 200"), "{}", got[0]);
    assert!(
        got[0].contains(r#""domain":"sweetbakery.com""#),
        "{}",
        got[0]
    );
    assert!(
        got[1].contains("/orders/{id}/sms"),
        "the domain's flags (CLODO_FEATURES) reach the Worker"
    );
    assert!(
        got[2].starts_with("HTTP/1.1 200") && got[2].contains("Croissant"),
        "{}",
        got[2]
    );
    assert!(
        got[2].contains("Staging Only Tart"),
        "the Worker serves the D1 that migrate --local wrote: {}",
        got[2]
    );
}

/// `build --worker` (what scripts/workers/build.sh wraps) with the real tools, then
/// the bundle served under workerd by scripts/workers/serve.mjs: GET /menu.
#[test]
fn build_worker_bundle_serves_the_menu_on_workerd() {
    let Some(tools) = common::workers_tools(&["wasm-bindgen", "node"]) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("bundle");
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let mut c = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"));
    c.args([
        "clodo",
        "build",
        "--worker",
        "-p",
        "example-bakery-orders",
        "--no-opt",
    ])
    .args(["--skip-migrations", "--dev-vars", "--out"])
    .arg(&out_dir)
    .current_dir(workspace)
    .env("CLODO_WORKERS_TOOLS", &tools)
    .stdin(Stdio::null());
    let out = run_bounded(c, Duration::from_secs(1800));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let js = std::fs::read_to_string(out_dir.join("worker/index.js")).expect("index.js");
    assert!(!js.contains("import source"), "the wasm import is fixed");
    assert!(out_dir.join("worker/entry.mjs").is_file() && out_dir.join("wrangler.toml").is_file());

    let body = serve_and_get(&tools, workspace, &out_dir, &["--memory"], &["/menu"]).remove(0);
    assert!(body.starts_with("HTTP/1.1 200"), "{body}");
    assert!(body.contains("Croissant"), "{body}");
}

/// Serves `dir` with scripts/workers/serve.mjs on a free port (plus
/// `extra` arguments) and GETs each of `paths`; returns the raw responses.
/// Bounded: 60 s to get ready, 30 s per request.
fn serve_and_get(
    tools: &Path,
    workspace: &Path,
    dir: &Path,
    extra: &[&str],
    paths: &[&str],
) -> Vec<String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let mut cmd = Command::new(tools.join("bin/node"));
    // Its own process group, so workerd (serve.mjs's child) stops with it.
    clodo_codegen::children::own_group(&mut cmd);
    let mut serve = cmd
        .arg(workspace.join("scripts/workers/serve.mjs"))
        .arg("--dir")
        .arg(dir)
        .args(["--port", &port.to_string(), "--quiet"])
        .args(extra)
        .env("CLODO_WORKERS_TOOLS", tools)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve.mjs starts");
    let mut stdout = serve.stdout.take().expect("stdout");
    let ready = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut b = [0u8; 256];
        while let Ok(n) = stdout.read(&mut b) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&b[..n]);
            if seen.windows(13).any(|w| w == b"clodo-workerd") {
                return true;
            }
        }
        false
    });
    let start = Instant::now();
    while !ready.is_finished() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let up = ready.is_finished() && ready.join().unwrap_or(false);
    let bodies = up.then(|| {
        paths
            .iter()
            .map(|path| {
                let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
                s.set_read_timeout(Some(Duration::from_secs(30)))
                    .expect("timeout");
                write!(
                    s,
                    "GET {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n"
                )
                .expect("send");
                let mut r = String::new();
                let _ = s.read_to_string(&mut r);
                r
            })
            .collect::<Vec<_>>()
    });
    let pgid = serve.id();
    clodo_codegen::children::stop_group(&mut serve, Duration::from_secs(10));
    let left = clodo_codegen::children::group_members(pgid);
    assert!(left.is_empty(), "serve.mjs or workerd survived: {left:?}");
    bodies.expect("serve.mjs got ready within 60 s")
}
