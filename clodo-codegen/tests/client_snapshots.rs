//! Generated-client snapshots: every vendored spec (`tests/specs/`, origins
//! and licences in `tests/specs/ORIGINS.md`) and the bakery contract,
//! generated again and compared with the checked-in crates under
//! `tests/snapshots/clients/`, then all of them compiled and linted together
//! in one cargo invocation.
//!
//! After an intended change to the generator or the bakery contract:
//! `CLODO_BLESS=1 cargo test -p clodo-codegen --test client_snapshots`.

use std::path::{Path, PathBuf};
use std::process::Command;

use clodo_codegen::client::{self, Options, Runtime};
use clodo_codegen::own_crates::Source;

/// This repository (the folder holding `clodo-client/`).
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repository root")
        .to_path_buf()
}

fn snapshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/clients")
}

/// (crate dir name, source file name, document text) of every input.
fn inputs() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    // Real documents (`tests/specs/`) and fixtures written for one generator
    // bug each (`tests/fixtures/`).
    let mut files: Vec<PathBuf> = ["tests/specs", "tests/fixtures"]
        .iter()
        .flat_map(|dir| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.expect("dir entry").path())
                .collect::<Vec<_>>()
        })
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "json" || x == "yaml" || x == "yml")
        })
        .collect();
    files.sort();
    for f in files {
        let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f).expect("spec reads");
        let file = f.file_name().expect("name").to_string_lossy().into_owned();
        out.push((stem, file, text));
    }
    let bakery = example_bakery_orders::app()
        .contract_json()
        .expect("bakery contract");
    out.push((
        "bakery".to_owned(),
        "bakery-orders contract".to_owned(),
        String::from_utf8(bakery).expect("utf-8"),
    ));
    out
}

#[test]
fn snapshots_match() {
    let bless = std::env::var_os("CLODO_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, file, text) in inputs() {
        let krate = client::generate(
            &text,
            &Options {
                // The bakery's crate is named from its contract's title
                // (`bakery-orders-client`), as `cargo clodo client` names it.
                name: (name != "bakery").then(|| format!("{name}-client")),
                own_workspace: false,
                // Every snapshot but one depends on the shared runtime crate,
                // as `cargo clodo client` writes by default, by a path relative
                // to the snapshot (so the bytes do not depend on the checkout);
                // petstore is generated `--standalone`, with the runtime embedded.
                runtime: if name == "petstore" {
                    Runtime::Embedded
                } else {
                    Runtime::Crate(Source::Path(repo()).dependency(
                        "clodo-client",
                        &snapshots().join(&name),
                        &[],
                    ))
                },
                // The bakery client is a dev-dependency of this crate: its
                // default reqwest transport would turn on reqwest's rustls
                // feature for the whole workspace, so it has none by default.
                no_default_transport: name == "bakery",
                source: Some(file),
            },
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let dir = snapshots().join(&name);
        for (rel, content) in &krate.files {
            let path = dir.join(rel);
            let old = std::fs::read_to_string(&path).unwrap_or_default();
            if old == *content {
                continue;
            }
            if bless {
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&path, content).expect("write snapshot");
            } else {
                stale.push(format!(
                    "{}\n{}",
                    path.display(),
                    clodo_codegen::contract::line_diff(&old, content)
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated clients differ from the snapshots; if intended, run\n  CLODO_BLESS=1 cargo test -p clodo-codegen --test client_snapshots\n\n{}",
        stale.join("\n")
    );
}

/// Copies `from` into `to`, writing only files whose bytes changed (so cargo's
/// fingerprints stay valid between runs).
fn sync(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read snapshot dir") {
        let entry = entry.expect("entry");
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            sync(&src, &dst);
        } else {
            let mut bytes = std::fs::read(&src).expect("read");
            if entry.file_name() == "Cargo.toml" {
                // The copy lies elsewhere: its path to clodo-client is absolute.
                let text = String::from_utf8(bytes).expect("utf-8 manifest");
                let abs = repo().join("clodo-client");
                bytes = text
                    .replace(
                        "path = \"../../../../../clodo-client\"",
                        &format!("path = {:?}", abs.display().to_string()),
                    )
                    .into_bytes();
            }
            if std::fs::read(&dst).ok().as_deref() != Some(&bytes[..]) {
                std::fs::write(&dst, bytes).expect("write");
            }
        }
    }
}

/// The workspace's target directory (`CARGO_TARGET_DIR` or `<workspace>/target`).
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

#[test]
fn snapshots_compile_without_warnings() {
    let ws = target_dir().join("clodo-client-snapshots");
    let mut members = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(snapshots())
        .expect("snapshots")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        sync(&snapshots().join(name), &ws.join("crates").join(name));
        members.push(format!("\"crates/{name}\""));
    }
    // Two clients in one program share the runtime: one `Transport`, one
    // `Error`, one `RetryPolicy` (this crate compiles only if they are the
    // same types).
    let check = ws.join("crates/shared-runtime-check");
    std::fs::create_dir_all(check.join("src")).expect("mkdir");
    let write_if_changed = |path: PathBuf, text: &str| {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            std::fs::write(&path, text).expect("write");
        }
    };
    write_if_changed(
        check.join("Cargo.toml"),
        "[package]\nname = \"shared-runtime-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nkeeper-client = { path = \"../keeper\" }\nnexus-client = { path = \"../nexus\" }\n",
    );
    write_if_changed(
        check.join("src/lib.rs"),
        "//! Two generated clients share one runtime.\n\n\
         use std::sync::Arc;\n\n\
         /// A transport of one client is the transport of the other.\n\
         pub fn same_transport(t: Arc<dyn keeper_client::Transport>) -> Arc<dyn nexus_client::Transport> {\n    t\n}\n\n\
         /// So are their retry policies and errors.\n\
         pub fn same_policy(p: keeper_client::RetryPolicy) -> nexus_client::RetryPolicy {\n    p\n}\n\n\
         /// One error type for both.\n\
         pub fn same_error(e: keeper_client::Error) -> nexus_client::Error {\n    e\n}\n",
    );
    members.push("\"crates/shared-runtime-check\"".to_owned());
    let manifest = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
        members.join(", ")
    );
    if std::fs::read_to_string(ws.join("Cargo.toml"))
        .ok()
        .as_deref()
        != Some(&manifest)
    {
        std::fs::write(ws.join("Cargo.toml"), manifest).expect("write workspace");
    }
    let lock = snapshots().join("Cargo.lock");
    if lock.exists() {
        let bytes = std::fs::read(&lock).expect("lock");
        if std::fs::read(ws.join("Cargo.lock")).ok() != Some(bytes.clone()) {
            std::fs::write(ws.join("Cargo.lock"), bytes).expect("write lock");
        }
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = std::time::Instant::now();
    let out = Command::new(cargo)
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&ws)
        .env("CARGO_TARGET_DIR", ws.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    eprintln!(
        "cargo clippy of {} generated clients took {:.1} s",
        names.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        out.status.success(),
        "generated clients do not build cleanly:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    if !lock.exists() {
        std::fs::copy(ws.join("Cargo.lock"), &lock).expect("keep the lock file");
    }
}

/// `tests/fixtures/quirks.json` holds one case per generator bug found on
/// real documents; each generated before as a refusal or as code that did
/// not compile or lost the declared type.
#[test]
fn the_quirks_fixture_generates_what_each_case_declares() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quirks.json"),
    )
    .expect("fixture");
    // 1 and 2: `$ref` keys in example values and a property named `$ref`
    // are data and a name, not references (this used to be refused).
    let krate = client::generate(
        &text,
        &Options {
            name: Some("quirks-client".into()),
            ..Options::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let file = |name: &str| {
        krate
            .files
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let (client, types) = (file("client.rs"), file("types.rs"));
    assert!(types.contains("#[serde(rename = \"$ref\""), "{types}");
    // 3: an optional, nullable body is one `Option`.
    assert!(
        client.contains("body: Option<&crate::types::SendNullableBody>"),
        "{client}"
    );
    assert!(!client.contains("Option<Option<"), "{client}");
    // 4: multipart bodies are encoded as multipart, files named.
    assert!(
        client.contains(".multipart(&body, &[\"file\"])?"),
        "{client}"
    );
    // 5: a `*/*` response with a JSON schema returns the schema's type;
    // a binary one stays bytes.
    assert!(
        client.contains("pub async fn get_any(&self) -> Result<crate::types::Node"),
        "{client}"
    );
    assert!(client.contains("pub async fn get_raw(&self) -> Result<Vec<u8>"));
    // 6: the document's prose cannot fail clippy or rustdoc (the snapshot
    // build runs clippy with -D warnings); its code fences are not doctests.
    let lib = file("lib.rs");
    assert!(lib.contains("clippy::doc_lazy_continuation"), "{lib}");
    assert!(!lib.contains("```rust"), "{lib}");
}
