//! Shared by the tests that run the real Workers tools.

use std::path::{Path, PathBuf};

/// The pinned Workers tools folder (`.ci/install-workers.sh`) when each of
/// `bins` is in its `bin/`. Otherwise `None` with a note, so the caller
/// skips; under `CI=true` a missing tool fails instead.
pub fn workers_tools(bins: &[&str]) -> Option<PathBuf> {
    let tools = std::env::var_os("HOME")
        .map(|h| Path::new(&h).join(".cache/clodo/workers"))
        .unwrap_or_default();
    if let Some(missing) = bins
        .iter()
        .map(|b| tools.join("bin").join(b))
        .find(|p| !p.is_file())
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing on CI: run .ci/install-workers.sh",
            missing.display()
        );
        eprintln!(
            "skipped: no {} (bash .ci/install-workers.sh)",
            missing.display()
        );
        return None;
    }
    Some(tools)
}
