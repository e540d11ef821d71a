//! `cargo clodo dev`: build a block, serve it natively, and rebuild and
//! restart it whenever its sources change (by polling modification times).
//! With `--workerd`, [`workerd`] serves its Worker bundle on workerd instead.
//!
//! Stopping: the server shares this process's group, so a terminal's
//! Ctrl-C reaches both; a SIGINT or SIGTERM sent to this process alone is
//! forwarded to the server (the same signal), and this process waits for it
//! to exit (SIGKILL after 10 s) before it returns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use crate::children::{Stop, signal, wait_exit};

/// How long the server may take to exit after the forwarded signal.
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

#[path = "dev_workerd.rs"]
pub mod workerd;

/// What went wrong in `dev`.
#[derive(Debug, thiserror::Error)]
pub enum DevError {
    /// cargo could not be run.
    #[error("could not run cargo: {0}")]
    Cargo(std::io::Error),
    /// The package is not in the workspace.
    #[error("no package {0:?} in this workspace; `cargo metadata --no-deps` lists them")]
    UnknownPackage(String),
    /// The package has no binary to serve.
    #[error(
        "package {0:?} has no binary target to serve; a block crate needs src/main.rs calling `app().run_cli()`"
    )]
    NoBinary(String),
    /// `cargo metadata` printed something unexpected.
    #[error("could not read `cargo metadata`: {0}")]
    Metadata(String),
    /// The server could not be started.
    #[error("could not start {}: {source}", path.display())]
    Spawn {
        /// The binary.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The directory of `package` in the current workspace.
pub fn package_dir(package: &str) -> Result<PathBuf, DevError> {
    let out = cargo()
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .map_err(DevError::Cargo)?;
    if !out.status.success() {
        return Err(DevError::Metadata(
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ));
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| DevError::Metadata(e.to_string()))?;
    meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == package)
        .and_then(|p| p["manifest_path"].as_str())
        .and_then(|m| Path::new(m).parent().map(Path::to_path_buf))
        .ok_or_else(|| DevError::UnknownPackage(package.to_owned()))
}

/// The package whose directory contains the current directory (the nearest
/// `Cargo.toml` with a `[package]` name), for commands run without `-p`.
pub fn current_package() -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    for dir in cwd.ancestors() {
        let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let mut in_package = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                in_package = line == "[package]";
            } else if in_package
                && let Some(rest) = line.strip_prefix("name")
                && let Some(value) = rest.trim_start().strip_prefix('=')
            {
                return Some(value.trim().trim_matches('"').to_owned());
            }
        }
    }
    None
}

/// Modification times of everything that affects the build of the crate in
/// `dir`: `Cargo.toml`, `build.rs`, and files under `src/` and `migrations/`.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    fn walk(p: &Path, out: &mut BTreeMap<PathBuf, SystemTime>) {
        let Ok(meta) = std::fs::metadata(p) else {
            return;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(p) {
                for e in entries.flatten() {
                    walk(&e.path(), out);
                }
            }
        } else if let Ok(t) = meta.modified() {
            out.insert(p.to_path_buf(), t);
        }
    }
    let mut out = BTreeMap::new();
    for part in ["Cargo.toml", "build.rs", "src", "migrations"] {
        walk(&dir.join(part), &mut out);
    }
    out
}

/// Builds `package`'s binary, returning its path, or `None` when the build failed
/// (cargo has printed why).
pub fn build(package: &str) -> Result<Option<PathBuf>, DevError> {
    let out = cargo()
        .args([
            "build",
            "-p",
            package,
            "--bins",
            "--message-format",
            "json-render-diagnostics",
        ])
        .stderr(Stdio::inherit())
        .output()
        .map_err(DevError::Cargo)?;
    if !out.status.success() {
        return Ok(None);
    }
    let exe = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["kind"][0] == "bin")
        .filter_map(|m| m["executable"].as_str().map(PathBuf::from))
        .next_back();
    exe.map(Some)
        .ok_or_else(|| DevError::NoBinary(package.to_owned()))
}

/// Stops the server with `sig` (forwarded as is) and waits for it;
/// SIGKILL after [`STOP_TIMEOUT`].
fn stop_server(c: &mut Child, sig: &str) {
    if !wait_exit(c, Duration::ZERO) {
        signal(c.id(), sig);
        if !wait_exit(c, STOP_TIMEOUT) {
            let _ = c.kill();
        }
    }
    let _ = c.wait();
}

/// Serves `package`, restarting it on change, until `stop` is set; then the
/// server gets the signal that set it and is waited for. `on_event` is told
/// what happens (for the CLI to print).
pub fn run(
    package: &str,
    poll: Duration,
    stop: &Stop,
    on_event: &mut dyn FnMut(&str),
) -> Result<(), DevError> {
    let dir = package_dir(package)?;
    let mut seen = snapshot(&dir);
    let mut child: Option<Child> = None;
    let start =
        |child: &mut Option<Child>, on_event: &mut dyn FnMut(&str)| -> Result<(), DevError> {
            if let Some(mut c) = child.take() {
                stop_server(&mut c, "TERM");
            }
            on_event(&format!("building {package}"));
            match build(package)? {
                Some(exe) => {
                    let c = Command::new(&exe)
                        .spawn()
                        .map_err(|source| DevError::Spawn {
                            path: exe.clone(),
                            source,
                        })?;
                    on_event(&format!(
                        "serving {package} ({}, pid {}); watching {} for changes",
                        exe.display(),
                        c.id(),
                        dir.display()
                    ));
                    *child = Some(c);
                }
                None => on_event("build failed; fix the error and save to try again"),
            }
            Ok(())
        };
    start(&mut child, on_event)?;
    loop {
        if stop.requested() {
            if let Some(mut c) = child.take() {
                on_event("stopping the server");
                stop_server(&mut c, stop.signal().unwrap_or("TERM"));
            }
            return Ok(());
        }
        std::thread::sleep(poll);
        if let Some(c) = child.as_mut()
            && let Ok(Some(status)) = c.try_wait()
        {
            on_event(&format!(
                "the server exited ({status}); save a file to restart it"
            ));
            child = None;
        }
        let now = snapshot(&dir);
        if now != seen {
            // Let a burst of saves settle before building.
            std::thread::sleep(poll);
            seen = snapshot(&dir);
            if stop.requested() {
                continue;
            }
            on_event("change detected, restarting");
            start(&mut child, on_event)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_sees_new_and_changed_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(tmp.path().join("src")).expect("mkdir");
        std::fs::write(tmp.path().join("src/lib.rs"), "").expect("write");
        let a = snapshot(tmp.path());
        assert_eq!(a.len(), 1);
        std::fs::create_dir(tmp.path().join("migrations")).expect("mkdir");
        std::fs::write(tmp.path().join("migrations/0002.sql"), "").expect("write");
        let b = snapshot(tmp.path());
        assert_ne!(a, b);
        std::fs::write(tmp.path().join("target.txt"), "").expect("write");
        assert_eq!(
            b,
            snapshot(tmp.path()),
            "files outside the watched set are ignored"
        );
    }
}
