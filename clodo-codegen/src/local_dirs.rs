//! Where local runs keep their files: one folder per purpose, and one local
//! D1 database per domain and environment, so nothing of one run (or one
//! domain) is seen by another.
//!
//! | folder | what | written by |
//! |---|---|---|
//! | `target/workers/<package>/` | the Worker bundle | `build --worker`, `deploy`, `migrate` (its `wrangler.toml`) |
//! | `<state>/<package>/dev/` | the bundle `dev --workerd` serves, its `.dev.vars` | `dev --workerd` |
//! | `<state>/<package>/dev/<domain>/` | that domain's local D1 and `dev-tokens.env` | `dev --workerd` |
//! | `<state>/<package>/local/<domain-slug>-<env>/` | the local D1 of a domain's staging or production | `migrate --local` |
//!
//! `<state>` is `CLODO_STATE_DIR` when set (tests point it at a temporary
//! folder), else `target/clodo` under the project root. A D1 folder here is
//! what wrangler takes as `--persist-to`; `serve.mjs --persist` takes its
//! `v3/d1` ([`miniflare_d1`]).

use std::path::{Path, PathBuf};

/// The folder of every local state: `CLODO_STATE_DIR`, else `<root>/target/clodo`.
pub fn state_root(root: &Path) -> PathBuf {
    match std::env::var_os("CLODO_STATE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => std::path::absolute(&dir).unwrap_or_else(|_| PathBuf::from(dir)),
        None => root.join("target/clodo"),
    }
}

/// The folder of `dev --workerd` for `package`: its bundle.
pub fn dev_dir(root: &Path, package: &str) -> PathBuf {
    state_root(root).join(package).join("dev")
}

/// The state of `domain` under `dev --workerd`: `d1/` and `dev-tokens.env`.
pub fn dev_domain_dir(root: &Path, package: &str, domain: &str) -> PathBuf {
    dev_dir(root, package).join(domain)
}

/// The local D1 (wrangler's `--persist-to`) of `domain` under `dev --workerd`.
pub fn dev_d1(root: &Path, package: &str, domain: &str) -> PathBuf {
    dev_domain_dir(root, package, domain).join("d1")
}

/// The local D1 (wrangler's `--persist-to`) that `migrate --local` applies
/// to, for the wrangler environment `env_name` (`sweetbakery-com-staging`).
pub fn local_d1(root: &Path, package: &str, env_name: &str) -> PathBuf {
    state_root(root).join(package).join("local").join(env_name)
}

/// What `serve.mjs --persist` takes for a wrangler `--persist-to` folder.
pub fn miniflare_d1(persist_to: &Path) -> PathBuf {
    persist_to.join("v3/d1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_and_purpose_has_its_own_folder() {
        if std::env::var_os("CLODO_STATE_DIR").is_some() {
            return;
        }
        let root = Path::new("/p");
        let dev = dev_d1(root, "pkg", "dev.localhost");
        let other = dev_d1(root, "pkg", "sweetbakery.localhost");
        let staging = local_d1(root, "pkg", "sweetbakery-com-staging");
        assert_eq!(dev, Path::new("/p/target/clodo/pkg/dev/dev.localhost/d1"));
        assert_ne!(dev, other);
        assert_eq!(
            staging,
            Path::new("/p/target/clodo/pkg/local/sweetbakery-com-staging")
        );
        for d in [&dev, &other, &staging] {
            assert!(!d.starts_with("/p/target/workers"), "{}", d.display());
        }
    }
}
