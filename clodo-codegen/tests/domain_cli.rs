//! `cargo clodo domain` as a user runs it, in a temporary folder: add, list,
//! check, schema, their errors, and their help texts (snapshots).
//!
//! After an intended change to a help text:
//! `CLODO_BLESS=1 cargo test -p clodo-codegen --test domain_cli`.

use std::path::Path;
use std::process::{Command, Output};

fn cargo_clodo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-clodo"))
        .arg("clodo")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("cargo-clodo runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        stderr(o)
    );
    stdout(o)
}

#[test]
fn add_list_and_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let out = cargo_clodo(
        dir,
        &[
            "domain",
            "add",
            "greatidude.com",
            "--feature",
            "sms_notifications=true",
        ],
    );
    assert_eq!(
        ok(&out).trim(),
        Path::new("domains")
            .join("greatidude.com.toml")
            .display()
            .to_string()
    );
    let out = cargo_clodo(
        dir,
        &[
            "domain",
            "add",
            "sweetbakery.com",
            "--display-name",
            "Sweet Bakery",
        ],
    );
    ok(&out);
    let text = std::fs::read_to_string(dir.join("domains/greatidude.com.toml")).expect("written");
    assert!(
        text.contains("name = \"greatidude.com\"") && text.contains("sms_notifications = true")
    );
    // Editors find the schema the file names on its first line.
    assert!(text.starts_with("#:schema ./domain.schema.json\n"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("domains/domain.schema.json")).expect("schema written"),
    )
    .expect("the schema is JSON");
    assert!(schema["properties"]["features"].is_object());

    let table = ok(&cargo_clodo(dir, &["domain", "list"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("NAME") && lines[0].contains("FLAGS ON"),
        "{table}"
    );
    assert!(
        lines[1].starts_with("greatidude.com") && lines[1].contains("sms_notifications"),
        "{table}"
    );
    assert!(
        lines[2].starts_with("sweetbakery.com") && lines[2].contains("Sweet Bakery"),
        "{table}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&ok(&cargo_clodo(dir, &["domain", "list", "--json"]))).expect("json");
    let list = json.as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "greatidude.com");
    assert_eq!(
        list[0]["flags_on"],
        serde_json::json!(["sms_notifications"])
    );
    assert_eq!(list[1]["display_name"], "Sweet Bakery");
    assert_eq!(list[1]["blocks"], serde_json::Value::Null);

    let out = cargo_clodo(dir, &["domain", "check"]);
    assert_eq!(ok(&out).trim(), "2 domains ok");
    assert!(
        stderr(&out).contains("no package here"),
        "says the cross-check was skipped: {}",
        stderr(&out)
    );

    // A broken file: the problem points at the file, line and column; exit 2.
    let file = dir.join("domains/sweetbakery.com.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    let line = text
        .lines()
        .position(|l| l.starts_with("name = "))
        .expect("a name line")
        + 2;
    let text = text.replacen(
        "name = \"sweetbakery.com\"\n",
        "name = \"sweetbakery.com\"\ncolour = \"pink\"\n",
        1,
    );
    std::fs::write(&file, text).expect("write");
    let out = cargo_clodo(dir, &["domain", "check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "sweetbakery.com.toml:{line}:1: `colour`: unknown key"
        )),
        "{err}"
    );
    assert!(err.contains("hint: valid keys: `name`"), "{err}");
    assert!(
        err.contains("1 problem in domains") && err.contains("help:"),
        "{err}"
    );
    // `list` refuses the broken folder too.
    assert_eq!(cargo_clodo(dir, &["domain", "list"]).status.code(), Some(2));
}

#[test]
fn add_refuses_an_existing_file_and_an_invalid_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    ok(&cargo_clodo(
        dir,
        &[
            "domain",
            "add",
            "sweetbakery.com",
            "--dir",
            "config/domains",
        ],
    ));
    assert!(dir.join("config/domains/sweetbakery.com.toml").is_file());
    let before =
        std::fs::read_to_string(dir.join("config/domains/sweetbakery.com.toml")).expect("read");

    let out = cargo_clodo(
        dir,
        &[
            "domain",
            "add",
            "sweetbakery.com",
            "--dir",
            "config/domains",
            "--display-name",
            "Other",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("already exists") && err.contains("help: edit"),
        "{err}"
    );
    let after =
        std::fs::read_to_string(dir.join("config/domains/sweetbakery.com.toml")).expect("read");
    assert_eq!(before, after, "the file is left alone");

    for bad in ["Sweet Bakery", "https://sweetbakery.com", "-bad.com"] {
        let out = cargo_clodo(dir, &["domain", "add", "--", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = stderr(&out);
        assert!(
            err.contains("the domain name:") && err.contains("help:"),
            "{err}"
        );
    }
    assert!(
        !dir.join("domains").exists(),
        "nothing written for invalid names"
    );

    let out = cargo_clodo(
        dir,
        &[
            "domain",
            "add",
            "ok.example",
            "--feature",
            "SmsNotifications",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--feature SmsNotifications:"),
        "{}",
        stderr(&out)
    );
    let out = cargo_clodo(
        dir,
        &["domain", "add", "ok.example", "--feature", "sms=yes"],
    );
    assert_eq!(out.status.code(), Some(2), "a clap usage error");
}

#[test]
fn check_and_list_without_a_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = cargo_clodo(tmp.path(), &["domain", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no domains folder") && err.contains("cargo clodo domain add"),
        "{err}"
    );
}

#[test]
fn schema_prints_and_writes_json() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let text = ok(&cargo_clodo(dir, &["domain", "schema"]));
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(schema["additionalProperties"], false);
    assert!(schema["properties"]["settings"].is_object());
    ok(&cargo_clodo(
        dir,
        &["domain", "schema", "--out", "domains/_schema.json"],
    ));
    let written = std::fs::read_to_string(dir.join("domains/_schema.json")).expect("written");
    assert_eq!(written, text);
    // The schema beside the domain files is not taken for a domain.
    ok(&cargo_clodo(dir, &["domain", "add", "sweetbakery.com"]));
    assert_eq!(
        ok(&cargo_clodo(dir, &["domain", "check"])).trim(),
        "1 domain ok"
    );
}

/// The schema checked in beside the bakery's domain files is the one the
/// SDK describes (regenerate: `cargo clodo domain schema --out
/// examples/bakery-orders/domains/domain.schema.json`).
#[test]
fn the_bakery_domain_schema_is_current() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/bakery-orders/domains")
        .join(clodo_codegen::domain::SCHEMA_FILE);
    let checked_in = std::fs::read_to_string(&file).expect("the bakery's domain schema");
    assert!(
        checked_in == clodo_codegen::domain::schema_text(),
        "{} is out of date: run `cargo clodo domain schema --out {}`",
        file.display(),
        file.display()
    );
}

/// Against the bakery example's real `manifest`: skipped (with a message)
/// while its binary does not answer `manifest`.
#[test]
fn check_against_the_bakery_app() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let probe = Command::new(cargo)
        .args([
            "run",
            "--quiet",
            "-p",
            "example-bakery-orders",
            "--",
            "manifest",
        ])
        .current_dir(&workspace)
        .output()
        .expect("cargo runs");
    let Ok(app) = serde_json::from_slice::<clodo_sdk::config::AppManifest>(&probe.stdout) else {
        eprintln!(
            "skipped: example-bakery-orders does not answer `manifest` yet (exit {:?}): {}",
            probe.status.code(),
            stderr(&probe).lines().next().unwrap_or("")
        );
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let domains = tmp.path().join("domains");
    std::fs::create_dir_all(&domains).expect("mkdir");
    let mut good = String::from("name = \"sweetbakery.com\"\n[features]\n");
    for f in &app.features {
        good.push_str(&format!("{} = true\n", f.name));
    }
    good.push_str("[blocks]\n");
    for b in &app.blocks {
        good.push_str(&format!("{} = {:?}\n", b.name, b.prefix));
    }
    std::fs::write(domains.join("sweetbakery.com.toml"), &good).expect("write");
    let dir = domains.to_string_lossy().into_owned();
    let out = cargo_clodo(
        &workspace,
        &[
            "domain",
            "check",
            "-p",
            "example-bakery-orders",
            "--dir",
            &dir,
        ],
    );
    assert_eq!(ok(&out).trim(), "1 domain ok", "{good}");

    let bad = "name = \"greatidude.com\"\n[features]\nno_such_flag = true\n[blocks]\nno-such-block = \"/x\"\n";
    std::fs::write(domains.join("greatidude.com.toml"), bad).expect("write");
    let out = cargo_clodo(
        &workspace,
        &[
            "domain",
            "check",
            "-p",
            "example-bakery-orders",
            "--dir",
            &dir,
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("greatidude.com.toml:3:1: `features.no_such_flag`"),
        "{err}"
    );
    assert!(
        err.contains("greatidude.com.toml:5:1: `blocks.no-such-block`"),
        "{err}"
    );
    assert!(err.contains("available blocks:"), "{err}");
}

#[test]
fn help_texts_match_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/help");
    let bless = std::env::var_os("CLODO_BLESS").is_some();
    let mut stale = Vec::new();
    for cmd in [
        "domain",
        "domain add",
        "domain list",
        "domain check",
        "domain schema",
    ] {
        let mut args: Vec<&str> = cmd.split_whitespace().collect();
        args.push("--help");
        let out = cargo_clodo(&dir, &args);
        let text = ok(&out);
        let file = dir.join(format!("{}.txt", cmd.replace(' ', "-")));
        let old = std::fs::read_to_string(&file).unwrap_or_default();
        if old != text {
            if bless {
                std::fs::write(&file, &text).expect("write");
            } else {
                stale.push(format!(
                    "{}\n{}",
                    file.display(),
                    clodo_codegen::contract::line_diff(&old, &text)
                ));
            }
        }
        assert!(text.contains("Examples:"), "{cmd} --help has examples");
    }
    assert!(
        stale.is_empty(),
        "help texts changed; if intended: CLODO_BLESS=1 cargo test -p clodo-codegen --test domain_cli\n{}",
        stale.join("\n")
    );
}

/// A workspace like this one, in a temporary folder: a virtual root with the
/// bakery's package (its real `domains/` copied in) and a second block
/// package without domain files. Nothing is built: the commands that write
/// only need `cargo metadata`.
fn workspace_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let sdk = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../clodo-sdk")
        .canonicalize()
        .expect("the SDK");
    std::fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"examples/bakery-orders\", \"blocks/other\"]\n",
    )
    .expect("write");
    for (dir, name) in [
        ("examples/bakery-orders", "example-bakery-orders"),
        ("blocks/other", "other-block"),
    ] {
        std::fs::create_dir_all(root.join(dir).join("src")).expect("mkdir");
        std::fs::write(
            root.join(dir).join("Cargo.toml"),
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                 [dependencies]\nclodo-sdk = {{ path = {:?} }}\n",
                sdk.display().to_string()
            ),
        )
        .expect("write");
        std::fs::write(root.join(dir).join("src/main.rs"), "fn main() {}\n").expect("write");
    }
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/bakery-orders/domains");
    let copy = root.join("examples/bakery-orders/domains");
    std::fs::create_dir_all(&copy).expect("mkdir");
    for entry in std::fs::read_dir(&real).expect("the bakery's domains") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), copy.join(entry.file_name())).expect("copy");
    }
    tmp
}

/// `-p PKG` from the workspace root uses that package's `domains/`; without
/// it, the root says which packages to pick and writes nothing.
#[test]
fn domain_commands_with_a_package_work_from_the_workspace_root() {
    let tmp = workspace_copy();
    let root = tmp.path();
    let pkg = root.join("examples/bakery-orders");

    let out = cargo_clodo(
        root,
        &[
            "domain",
            "add",
            "greatidude.com",
            "-p",
            "example-bakery-orders",
            "--feature",
            "sms_notifications=true",
        ],
    );
    assert_eq!(
        ok(&out).trim(),
        Path::new("examples/bakery-orders/domains/greatidude.com.toml")
            .display()
            .to_string()
    );
    assert!(!root.join("domains").exists(), "nothing at the root");
    let text =
        std::fs::read_to_string(pkg.join("domains/greatidude.com.toml")).expect("in the package");
    // The placeholder is derived from this domain, not copied from another.
    assert!(
        text.contains("\n# display_name = \"Greatidude\"\n") && !text.contains("Sweet"),
        "{text}"
    );

    let list = ok(&cargo_clodo(
        root,
        &["domain", "list", "-p", "example-bakery-orders"],
    ));
    assert!(
        list.contains("dev.localhost") && list.contains("greatidude.com"),
        "{list}"
    );
    // Inside the package (anywhere in it), no -p is needed.
    let list = ok(&cargo_clodo(&pkg.join("src"), &["domain", "list"]));
    assert!(list.contains("greatidude.com"), "{list}");

    // Without -p at the root: what to do, the block packages named.
    for args in [
        &["domain", "add", "sweetbakery.com"][..],
        &["domain", "list"],
        &["domain", "check"],
        &["migrate", "--domain", "greatidude.com", "--env", "staging"],
    ] {
        let out = cargo_clodo(root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("is the root of a cargo workspace, not a block crate")
                && err.contains("its block packages: example-bakery-orders, other-block")
                && err
                    .contains("help: pass -p NAME with one of example-bakery-orders, other-block"),
            "{args:?}: {err}"
        );
    }
    assert!(!root.join("domains").exists(), "nothing at the root");

    let out = cargo_clodo(root, &["domain", "list", "-p", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no package `nope` in this workspace"),
        "{}",
        stderr(&out)
    );
}

/// `deploy` and `migrate` with `-p` read the package's domain files from the
/// workspace root; a package without any gets a help line that names no
/// file or line.
#[test]
fn deploy_and_migrate_with_a_package_work_from_the_workspace_root() {
    let tmp = workspace_copy();
    let root = tmp.path();
    let file = root.join("examples/bakery-orders/domains/sweetbakery.com.toml");
    let text = "name = \"sweetbakery.com\"\n\n[hostnames]\nstaging = [\"staging.sweetbakery.com\"]\n\n\
                [databases.staging]\nname = \"sweetbakery-com-staging\"\n";
    std::fs::write(&file, text).expect("write");
    for cmd in ["deploy", "migrate"] {
        let out = cargo_clodo(
            root,
            &[
                cmd,
                "--domain",
                "sweetbakery.com",
                "--env",
                "staging",
                "-p",
                "example-bakery-orders",
                "--dry-run",
            ],
        );
        let plan = ok(&out);
        assert!(
            plan.contains("Plan of `cargo clodo")
                && plan.contains("example-bakery-orders for sweetbakery.com (staging)"),
            "{cmd}: {plan}"
        );
    }
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
    assert!(!root.join("target").exists(), "--dry-run writes nothing");

    let out = cargo_clodo(
        root,
        &[
            "migrate",
            "--domain",
            "sweetbakery.com",
            "--env",
            "staging",
            "-p",
            "other-block",
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let help = err
        .lines()
        .find(|l| l.starts_with("help:"))
        .unwrap_or_else(|| panic!("a help line: {err}"));
    assert!(
        err.contains("blocks/other/domains") && help.contains("pass -p PACKAGE"),
        "{err}"
    );
    assert!(!help.contains("line"), "no file and line to name: {help}");
}

/// From this repository's root, `-p example-bakery-orders` reads the
/// bakery's own `domains/` (read-only commands only).
#[test]
fn read_only_domain_commands_read_the_bakery_folder_from_this_root() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let json: serde_json::Value = serde_json::from_str(&ok(&cargo_clodo(
        &workspace,
        &["domain", "list", "-p", "example-bakery-orders", "--json"],
    )))
    .expect("json");
    assert!(
        json.as_array()
            .expect("array")
            .iter()
            .any(|d| d["name"] == "dev.localhost"),
        "{json}"
    );
    let out = cargo_clodo(
        &workspace,
        &["domain", "check", "-p", "example-bakery-orders"],
    );
    assert!(ok(&out).trim().ends_with("ok"), "{}", stderr(&out));
}
