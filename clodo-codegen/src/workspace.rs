//! Where a command's block lives: the package `-p` names (found with
//! `cargo metadata`), or the one around the current directory, and the
//! `domains/` folder beside its `Cargo.toml`.
//!
//! Commands that read or write domain files (`domain …`, `deploy`,
//! `migrate`) resolve their folder with [`domains_dir`]: an explicit `--dir`
//! wins; else `-p PKG` means `<PKG's directory>/domains`; else the package
//! the current directory is in; else, outside any cargo project, `./domains`.
//! At the root of a workspace that is not itself a package there is no
//! package to pick, and the error lists the block packages to choose from.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of the domain files inside a block crate.
pub const DOMAINS: &str = "domains";

/// Why no package or domains folder could be chosen.
#[derive(Debug, thiserror::Error)]
pub enum LocateError {
    /// cargo could not be run.
    #[error("could not run cargo: {0}")]
    Cargo(std::io::Error),
    /// `cargo metadata` failed inside a cargo project.
    #[error("`cargo metadata` failed: {0}")]
    Metadata(String),
    /// `-p` names no package of this workspace.
    #[error("no package `{package}` in this workspace{}", listed(.blocks))]
    UnknownPackage {
        /// The name given.
        package: String,
        /// The workspace's block packages.
        blocks: Vec<String>,
    },
    /// Run at a workspace root without `-p`.
    #[error(
        "{} is the root of a cargo workspace, not a block crate, so it does not say which block to use{}",
        .root.display(),
        listed(.blocks)
    )]
    WorkspaceRoot {
        /// The workspace root.
        root: PathBuf,
        /// The workspace's block packages.
        blocks: Vec<String>,
    },
}

fn listed(blocks: &[String]) -> String {
    if blocks.is_empty() {
        String::new()
    } else {
        format!("; its block packages: {}", blocks.join(", "))
    }
}

impl LocateError {
    /// What to do next.
    pub fn help(&self) -> String {
        let pick = |blocks: &[String]| match blocks {
            [] => "pass -p NAME with the block's package".to_owned(),
            [one] => format!("pass -p {one}"),
            many => format!("pass -p NAME with one of {}", many.join(", ")),
        };
        match self {
            LocateError::Cargo(_) => "check that cargo is installed and on PATH".into(),
            LocateError::Metadata(_) => {
                "fix the Cargo.toml cargo complains about (`cargo metadata --no-deps` shows it)"
                    .into()
            }
            LocateError::UnknownPackage { blocks, .. } => pick(blocks),
            LocateError::WorkspaceRoot { blocks, .. } => format!(
                "{}, or run the command inside the block's folder",
                pick(blocks)
            ),
        }
    }
}

/// A package of the workspace, as `cargo metadata` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The package name.
    pub name: String,
    /// The folder of its `Cargo.toml`.
    pub dir: PathBuf,
    /// Whether it is a block crate: a binary that depends on `clodo-sdk`.
    pub is_block: bool,
}

/// The packages of the workspace around `cwd`, or `None` outside any cargo
/// project.
pub fn packages(cwd: &Path) -> Result<Option<Vec<Package>>, LocateError> {
    if nearest_manifest(cwd).is_none() {
        return Ok(None);
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(cwd)
        .output()
        .map_err(LocateError::Cargo)?;
    if !out.status.success() {
        return Err(LocateError::Metadata(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ));
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| LocateError::Metadata(e.to_string()))?;
    let list = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let name = p["name"].as_str()?.to_owned();
            let dir = Path::new(p["manifest_path"].as_str()?)
                .parent()?
                .to_path_buf();
            let bins: Vec<&str> = p["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|t| {
                    t["kind"]
                        .as_array()
                        .is_some_and(|k| k.iter().any(|k| k == "bin"))
                })
                .filter_map(|t| t["name"].as_str())
                .collect();
            let uses_sdk = p["dependencies"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|d| d["name"] == "clodo-sdk" && d["kind"].is_null());
            // `cargo-clodo` itself depends on the SDK but serves no block.
            let is_block = uses_sdk && !bins.is_empty() && !bins.contains(&"cargo-clodo");
            Some(Package {
                name,
                dir,
                is_block,
            })
        })
        .collect();
    Ok(Some(list))
}

fn block_names(list: &[Package]) -> Vec<String> {
    let mut names: Vec<String> = list
        .iter()
        .filter(|p| p.is_block)
        .map(|p| p.name.clone())
        .collect();
    names.sort();
    names
}

/// The nearest `Cargo.toml` at or above `cwd`, and whether it has a
/// `[package]` (else it is a virtual workspace manifest).
fn nearest_manifest(cwd: &Path) -> Option<(PathBuf, bool)> {
    cwd.ancestors().find_map(|dir| {
        let text = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
        let is_package = text.lines().any(|l| l.trim() == "[package]");
        Some((dir.to_path_buf(), is_package))
    })
}

/// The folder of `package` in the workspace around `cwd`; `Ok(None)`
/// outside any cargo project (where a package is only a name).
pub fn package_dir(cwd: &Path, package: &str) -> Result<Option<PathBuf>, LocateError> {
    let Some(list) = packages(cwd)? else {
        return Ok(None);
    };
    match list.iter().find(|p| p.name == package) {
        Some(p) => Ok(Some(p.dir.clone())),
        None => Err(LocateError::UnknownPackage {
            package: package.to_owned(),
            blocks: block_names(&list),
        }),
    }
}

/// Without `-p`: the error for a workspace root that is not a package (the
/// block packages listed), `Ok(())` anywhere else.
pub fn refuse_virtual_root(cwd: &Path) -> Result<(), LocateError> {
    match nearest_manifest(cwd) {
        Some((root, false)) => Err(LocateError::WorkspaceRoot {
            blocks: packages(cwd)?.map(|l| block_names(&l)).unwrap_or_default(),
            root,
        }),
        _ => Ok(()),
    }
}

/// The domains folder a command uses (see the module docs): `dir` when
/// given; else `domains/` of `package`; else of the package around `cwd`;
/// else `cwd/domains`.
pub fn domains_dir(
    cwd: &Path,
    dir: Option<&Path>,
    package: Option<&str>,
) -> Result<PathBuf, LocateError> {
    if let Some(dir) = dir {
        return Ok(cwd.join(dir));
    }
    if let Some(package) = package {
        return Ok(package_dir(cwd, package)?
            .unwrap_or_else(|| cwd.to_path_buf())
            .join(DOMAINS));
    }
    refuse_virtual_root(cwd)?;
    Ok(match nearest_manifest(cwd) {
        Some((dir, true)) => dir.join(DOMAINS),
        _ => cwd.join(DOMAINS),
    })
}

/// `path` relative to `cwd` when it lies inside it (for messages), else as is.
pub fn shown(cwd: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_dir_and_plain_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let cwd = tmp.path();
        assert_eq!(
            domains_dir(cwd, Some(Path::new("config/d")), Some("x")).unwrap(),
            cwd.join("config/d")
        );
        // Outside any cargo project: ./domains, with or without a package name.
        assert_eq!(domains_dir(cwd, None, None).unwrap(), cwd.join("domains"));
        assert_eq!(
            domains_dir(cwd, None, Some("x")).unwrap(),
            cwd.join("domains")
        );
    }

    #[test]
    fn inside_a_package_its_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let krate = tmp.path().join("krate");
        std::fs::create_dir_all(krate.join("src")).unwrap();
        std::fs::write(
            krate.join("Cargo.toml"),
            "[package]\nname = \"krate\"\nversion = \"0.1.0\"\n",
        )
        .unwrap();
        assert_eq!(
            domains_dir(&krate.join("src"), None, None).unwrap(),
            krate.join("domains")
        );
    }

    #[test]
    fn a_virtual_root_without_a_package_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("Cargo.toml"),
            "[workspace]\nmembers = []\nresolver = \"3\"\n",
        )
        .unwrap();
        let e = domains_dir(tmp.path(), None, None).unwrap_err();
        assert!(matches!(e, LocateError::WorkspaceRoot { .. }), "{e}");
        assert!(e.help().starts_with("pass -p NAME"), "{}", e.help());
    }
}
