//! `cargo clodo` as a user runs it: help texts (snapshots), completions, and
//! every user-facing error of `client`, `diff` and `new-block`.
//!
//! After an intended change to a help text:
//! `CLODO_BLESS=1 cargo test -p clodo-codegen --test cli`.

use std::path::Path;
use std::process::{Command, Output};

fn cargo_clodo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-clodo"))
        .arg("clodo")
        .args(args)
        .output()
        .expect("cargo-clodo runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SPEC: &str = r##"{"openapi":"3.0.3","info":{"title":"Tiny","version":"1"},"paths":{
  "/things/{id}":{"get":{"operationId":"getThing","parameters":[{"in":"path","name":"id","required":true,"schema":{"type":"integer"}}],
  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
  "components":{"schemas":{"Thing":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"},"kind":{"type":"string","enum":["a","b"]}}}}}}"##;

#[test]
fn help_texts_match_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/help");
    let bless = std::env::var_os("CLODO_BLESS").is_some();
    let mut stale = Vec::new();
    for cmd in [
        "",
        "new-block",
        "contract",
        "diff",
        "client",
        "routes",
        "dev",
        "completions",
    ] {
        let mut args: Vec<&str> = cmd.split_whitespace().collect();
        args.push("--help");
        let out = cargo_clodo(&args);
        assert!(out.status.success(), "{cmd} --help: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let file = dir.join(format!(
            "{}.txt",
            if cmd.is_empty() { "cargo-clodo" } else { cmd }
        ));
        let old = std::fs::read_to_string(&file).unwrap_or_default();
        if old != text {
            if bless {
                std::fs::create_dir_all(&dir).expect("mkdir");
                std::fs::write(&file, &text).expect("write");
            } else {
                stale.push(format!(
                    "{}\n{}",
                    file.display(),
                    clodo_codegen::contract::line_diff(&old, &text)
                ));
            }
        }
        if !cmd.is_empty() {
            assert!(text.contains("Examples:"), "{cmd} --help has examples");
        }
    }
    assert!(
        stale.is_empty(),
        "help texts changed; if intended: CLODO_BLESS=1 cargo test -p clodo-codegen --test cli\n{}",
        stale.join("\n")
    );
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = cargo_clodo(&["completions", shell]);
        assert!(out.status.success(), "{}", stderr(&out));
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains("new-block"), "{shell}");
    }
    let out = cargo_clodo(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn client_generates_and_reports_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let spec = tmp.path().join("tiny.json");
    std::fs::write(&spec, SPEC).expect("write");
    let out_dir = tmp.path().join("tiny-client");
    let ok = cargo_clodo(&[
        "client",
        "--spec",
        spec.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
    ]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let client = std::fs::read_to_string(out_dir.join("src/client.rs")).expect("client.rs");
    assert!(client.contains("pub async fn get_thing("), "{client}");
    let manifest = std::fs::read_to_string(out_dir.join("Cargo.toml")).expect("manifest");
    assert!(manifest.contains("name = \"tiny-client\"") && manifest.contains("[workspace]"));
    // Running again replaces the generated crate.
    let again = cargo_clodo(&[
        "client",
        "--spec",
        spec.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
    ]);
    assert!(again.status.success(), "{}", stderr(&again));

    let run = |text: &str, extra: &[&str]| {
        std::fs::write(&spec, text).expect("write");
        let fresh = tmp.path().join("fresh");
        let mut args = vec![
            "client",
            "--spec",
            spec.to_str().expect("utf-8"),
            "--out",
            fresh.to_str().expect("utf-8"),
        ];
        args.extend_from_slice(extra);
        cargo_clodo(&args)
    };
    // A dangling reference: the error names the JSON pointer.
    let bad = run(
        &SPEC.replace(
            "#/components/schemas/Thing\"",
            "#/components/schemas/Nope\"",
        ),
        &[],
    );
    assert_eq!(bad.status.code(), Some(2));
    let err = stderr(&bad);
    assert!(
        err.contains(
            "#/paths/~1things~1{id}/get/responses/200/content/application~1json/schema/$ref"
        ) && err.contains("help:"),
        "{err}"
    );
    // A path parameter that is not required.
    let bad = run(&SPEC.replace("\"required\":true,", ""), &[]);
    assert!(
        stderr(&bad).contains("#/paths/~1things~1{id}/get/parameters"),
        "{}",
        stderr(&bad)
    );
    // Broken syntax, YAML included.
    let bad = run("{\"openapi\": ", &[]);
    assert!(
        stderr(&bad).contains("not valid JSON (line 1"),
        "{}",
        stderr(&bad)
    );
    let bad = run("openapi: 3.0.3\ninfo: [\n", &[]);
    assert!(stderr(&bad).contains("not valid YAML"), "{}", stderr(&bad));
    // OpenAPI 3.1 is refused at /openapi.
    let bad = run(&SPEC.replace("3.0.3", "3.1.0"), &[]);
    assert!(stderr(&bad).contains("#/openapi"), "{}", stderr(&bad));
    // An invalid crate name.
    let bad = run(SPEC, &["--name", "9 lives"]);
    assert!(
        stderr(&bad).contains("not a valid crate name"),
        "{}",
        stderr(&bad)
    );
    assert!(
        !tmp.path().join("fresh").exists(),
        "nothing written on error"
    );
    // A missing file.
    let missing = cargo_clodo(&["client", "--spec", "/no/such/file.json", "--out", "x"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read /no/such/file.json"));
    // An output directory with other things in it.
    std::fs::write(&spec, SPEC).expect("write");
    let busy = tmp.path().join("busy");
    std::fs::create_dir(&busy).expect("mkdir");
    std::fs::write(busy.join("notes.txt"), "mine").expect("write");
    let refused = cargo_clodo(&[
        "client",
        "--spec",
        spec.to_str().expect("utf-8"),
        "--out",
        busy.to_str().expect("utf-8"),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("is not a client generated by cargo clodo"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(busy.join("notes.txt")).expect("kept"),
        "mine"
    );
}

#[test]
fn diff_exit_codes_and_formats() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = tmp.path().join("old.json");
    let new = tmp.path().join("new.yaml");
    std::fs::write(&old, SPEC).expect("write");
    // Same document (as YAML): no changes, exit 0.
    let yaml = "openapi: 3.0.3\ninfo: {title: Tiny, version: '1'}\npaths:\n  /things/{id}:\n    get:\n      operationId: getThing\n      parameters:\n        - {in: path, name: id, required: true, schema: {type: integer}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Thing'}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      required: [id]\n      properties:\n        id: {type: integer}\n        kind: {type: string, enum: [a, b]}\n";
    std::fs::write(&new, yaml).expect("write");
    let same = cargo_clodo(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "no changes\n");
    // A removed response field: breaking, exit 1, JSON for tools.
    std::fs::write(
        &new,
        yaml.replace("        kind: {type: string, enum: [a, b]}\n", ""),
    )
    .expect("write");
    let broke = cargo_clodo(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(broke.status.code(), Some(1), "{}", stderr(&broke));
    let report: serde_json::Value = serde_json::from_slice(&broke.stdout).expect("json");
    assert_eq!(report["changes"][0]["breaking"], true);
    assert_eq!(report["changes"][0]["operation"], "GET /things/{id}");
    assert_eq!(report["changes"][0]["location"], "response 200 .kind");
    // An invalid document is an error (2), not a breaking change.
    std::fs::write(&new, "openapi: 3.0.3\n").expect("write");
    let bad = cargo_clodo(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("missing field"), "{}", stderr(&bad));
}

#[test]
fn new_block_refuses_bad_names_and_busy_directories() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for bad in ["Bakery", "std", "my block", "fn"] {
        let out = cargo_clodo(&[
            "new-block",
            bad,
            "--path",
            tmp.path().join("x").to_str().expect("utf-8"),
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("is not a valid block name"),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("help:"));
    }
    let busy = tmp.path().join("busy");
    std::fs::create_dir(&busy).expect("mkdir");
    std::fs::write(busy.join("keep.txt"), "").expect("write");
    let out = cargo_clodo(&[
        "new-block",
        "bakery",
        "--path",
        busy.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("already exists and is not empty"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_dir(&busy).expect("read").count(),
        1,
        "nothing written"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("read").count(),
        1,
        "no staging left"
    );
}

#[test]
fn routes_without_a_package_says_what_to_do() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"))
        .args(["clodo", "routes"])
        .current_dir(tmp.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("pass the block's package with -p NAME"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn routes_of_the_bakery() {
    let out = cargo_clodo(&["routes", "-p", "example-bakery-orders"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("METHOD  PATH"), "{table}");
    let ready = lines
        .iter()
        .find(|l| l.contains("mark_ready"))
        .expect("mark_ready row");
    assert!(
        ready.starts_with("POST") && ready.contains("bearerAuth") && ready.contains(" staff "),
        "{ready}"
    );
    // The sign-in routes depend on the auth block's flag (on by default).
    let link = lines
        .iter()
        .find(|l| l.contains("request_magic_link"))
        .expect("request_magic_link row");
    assert!(link.ends_with("magic_link_auth"), "{link}");
    let menu = lines
        .iter()
        .find(|l| l.contains(" menu "))
        .expect("menu row");
    assert!(menu.contains("public"), "{menu}");
}
