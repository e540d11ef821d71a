//! The generic blocks under `blocks/` are built on the SDK's public API
//! only, as a third party's block would be (issue #12): their own source
//! (library, tests, benches, examples) names nothing under
//! `clodo_sdk::__private`, which is for `#[clodo_block]` expansions alone;
//! they depend on `clodo-sdk` as a user's block does; and nothing in the
//! core points back at them.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

/// The block crates: every folder under `blocks/` with a `Cargo.toml`.
fn blocks() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("blocks"))
        .expect("blocks/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    out.sort();
    out
}

/// Every `.rs` file below `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn block_crates_name_nothing_under_private() {
    let root = root();
    let blocks = blocks();
    assert!(
        blocks.iter().any(|b| b.ends_with("auth")) && blocks.iter().any(|b| b.ends_with("data")),
        "blocks/auth and blocks/data are found: {blocks:?}"
    );
    let mut scanned = 0;
    let mut hits = Vec::new();
    for block in &blocks {
        let mut files = Vec::new();
        for sub in ["src", "tests", "benches", "examples"] {
            rust_files(&block.join(sub), &mut files);
        }
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a readable source file");
            scanned += 1;
            for (i, line) in text.lines().enumerate() {
                if line.contains("__private") {
                    let shown = file.strip_prefix(&root).unwrap_or(&file).display();
                    hits.push(format!("{shown}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    assert!(scanned > 10, "only {scanned} files scanned");
    assert!(
        hits.is_empty(),
        "generic blocks use the SDK's public API only; `__private` is for \
         #[clodo_block] expansions. Make what they need a documented public \
         item of clodo-sdk instead:\n{}",
        hits.join("\n")
    );
}

/// The dependency lines of `[dependencies]`-like tables naming `krate`.
fn lines_naming(manifest: &Path, krate: &str) -> Vec<String> {
    let text = std::fs::read_to_string(manifest).expect("a manifest");
    text.lines()
        .filter(|l| {
            let key = l.split(['=', '.']).next().unwrap_or("").trim();
            key == krate
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn blocks_depend_on_the_sdk_like_a_user_block_and_the_core_not_on_them() {
    let root = root();
    for block in blocks() {
        let manifest = block.join("Cargo.toml");
        let sdk = lines_naming(&manifest, "clodo-sdk");
        assert_eq!(
            sdk,
            ["clodo-sdk.workspace = true"],
            "{}: a plain dependency on clodo-sdk, no features",
            manifest.display()
        );
    }
    let block_crates: Vec<String> = blocks()
        .iter()
        .map(|b| {
            let text = std::fs::read_to_string(b.join("Cargo.toml")).expect("manifest");
            let name = text
                .lines()
                .find_map(|l| l.strip_prefix("name = \""))
                .and_then(|l| l.strip_suffix('"'))
                .expect("a package name");
            name.to_owned()
        })
        .collect();
    for core in ["clodo-sdk", "clodo-macros", "clodo-client"] {
        let manifest = root.join(core).join("Cargo.toml");
        for krate in &block_crates {
            let named = lines_naming(&manifest, krate);
            assert!(
                named.is_empty(),
                "{core} must not depend on the block {krate} (blocks -> sdk -> macros): {named:?}"
            );
        }
    }
}
