//! `cargo clodo contract` against the bakery example: export, check, drift.

use std::process::Command;

fn cargo_clodo() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"));
    c.arg("clodo");
    c
}

#[test]
fn export_check_and_drift() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contracts/bakery.json");
    let out = cargo_clodo()
        .args(["contract", "-p", "example-bakery-orders", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(&file).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&written).unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    assert!(doc["paths"]["/orders/{id}/ready"]["post"].is_object());

    let ok = cargo_clodo()
        .args([
            "contract",
            "-p",
            "example-bakery-orders",
            "--check",
            "--out",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let edited = String::from_utf8(written)
        .unwrap()
        .replace("\"mark_ready\"", "\"mark_done\"");
    std::fs::write(&file, edited).unwrap();
    let drift = cargo_clodo()
        .args([
            "contract",
            "-p",
            "example-bakery-orders",
            "--check",
            "--out",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(drift.status.code(), Some(1));
    let err = String::from_utf8_lossy(&drift.stderr);
    assert!(
        err.contains("differs") && err.contains("-        \"operationId\": \"mark_done\""),
        "{err}"
    );
    assert!(
        err.contains("+        \"operationId\": \"mark_ready\""),
        "{err}"
    );
}

#[test]
fn check_without_a_file_says_to_write_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contract.json");
    let out = cargo_clodo()
        .args([
            "contract",
            "-p",
            "example-bakery-orders",
            "--check",
            "--out",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed check");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not exist"), "{err}");
    assert!(
        err.contains(&format!(
            "help: run `cargo clodo contract -p example-bakery-orders --out {}` once without `--check`",
            file.display()
        )),
        "{err}"
    );
    assert!(!file.exists(), "--check writes nothing");
}

#[test]
fn unknown_package_is_a_clear_error() {
    let out = cargo_clodo()
        .args(["contract", "-p", "no-such-block"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an error, not a failed check");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-block"), "{err}");
    assert!(err.contains("help:"), "says what to do next: {err}");
}
