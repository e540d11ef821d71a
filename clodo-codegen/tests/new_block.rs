//! `cargo clodo new-block` as a new user runs it: scaffold each template into
//! a temporary directory, then `cargo test` there (the HTTP tests of the new
//! block run against the real server).

use std::path::{Path, PathBuf};
use std::process::Command;

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

fn scaffold_and_test(template: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join(format!("my-{template}"));
    let name = format!("my-{template}-block");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-clodo"))
        .args([
            "clodo",
            "new-block",
            &name,
            "--template",
            template,
            "--path",
        ])
        .arg(&dir)
        .arg("--sdk-path")
        .arg(workspace().join("clodo-sdk"))
        .output()
        .expect("cargo-clodo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        "Cargo.toml",
        "build.rs",
        "src/lib.rs",
        "src/main.rs",
        "migrations/0001_init.sql",
        "domains/dev.localhost.toml",
        "wrangler.toml",
        ".gitignore",
        "README.md",
        "tests/http.rs",
    ] {
        assert!(dir.join(file).is_file(), "{template}: {file} written");
    }
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
    assert!(manifest.contains("clodo-sdk = { path = "), "{manifest}");
    // Start from the workspace's lock file so the same dependency versions
    // are used and the shared target directory's artifacts are reused.
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy lock");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let test = Command::new(cargo)
        .args(["test", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .expect("cargo test runs");
    assert!(
        test.status.success(),
        "{template}: cargo test in the new block failed:\n{}\n{}",
        String::from_utf8_lossy(&test.stdout),
        String::from_utf8_lossy(&test.stderr)
    );
    let report = String::from_utf8_lossy(&test.stdout);
    assert!(report.contains("test result: ok"), "{report}");
}

#[test]
fn basic_block_builds_and_its_tests_pass() {
    scaffold_and_test("basic");
}

#[test]
fn crud_block_builds_and_its_tests_pass() {
    scaffold_and_test("crud");
}
