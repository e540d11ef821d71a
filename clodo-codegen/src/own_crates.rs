//! Where the crates `cargo clodo` writes dependencies on (`clodo-sdk` and
//! the generic blocks `clodo-auth` and `clodo-data` in a scaffolded block,
//! the runtime of generated clients) come from.
//!
//! One rule for every such line, so a crate written by `cargo clodo` builds
//! wherever it runs:
//!
//! 1. an explicit choice: `--sdk-path`, `--sdk-git URL [--sdk-rev REV]` or
//!    `--sdk-version`;
//! 2. otherwise the Clodo source tree this `cargo-clodo` was built from
//!    (`cargo install --path clodo-codegen` records it), if it still exists;
//! 3. otherwise the Clodo workspace the new crate is written into, if any;
//! 4. otherwise the registry version of this `cargo-clodo`, with a note
//!    naming the flags to use if that version is not published.

use std::path::{Component, Path, PathBuf};

/// Where Clodo's own crates come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A Clodo source tree (the folder holding `clodo-sdk/`).
    Path(PathBuf),
    /// A git repository of Clodo, at a revision (or its default branch).
    Git {
        /// The repository URL.
        url: String,
        /// A commit, tag or branch name.
        rev: Option<String>,
    },
    /// A registry version.
    Version(String),
}

/// A [`Source`] and, when it was a guess, a note saying so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Where the crates come from.
    pub source: Source,
    /// Why this source was chosen; printed by the CLI.
    pub note: Option<String>,
}

/// What went wrong choosing a source.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The path flag does not lead to a Clodo source tree.
    #[error(
        "{flag} {}: no {krate} crate there (looked for {} and {})",
        given.display(),
        given.join("Cargo.toml").display(),
        given.join(krate).join("Cargo.toml").display()
    )]
    NotAClodoTree {
        /// The flag (`--sdk-path`).
        flag: &'static str,
        /// The crate looked for (`clodo-sdk`).
        krate: &'static str,
        /// The path given.
        given: PathBuf,
    },
    /// The path could not be made absolute.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The explicit choices of the command line.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The path flag's name, for messages (`--sdk-path`); its `-git` twin
    /// is named after it (`--sdk-git`).
    pub path_flag: &'static str,
    /// The crate a path may name instead of the tree (`clodo-sdk`).
    pub krate: &'static str,
    /// `--sdk-path`: a `clodo-sdk` folder or the Clodo tree holding it.
    pub path: Option<PathBuf>,
    /// `--sdk-git`.
    pub git: Option<String>,
    /// `--sdk-rev` (with `--sdk-git`).
    pub rev: Option<String>,
    /// `--sdk-version`.
    pub version: Option<String>,
}

/// Clodo's generic blocks: crates of their own under `blocks/` in a source
/// tree (`clodo-auth` in `blocks/auth`).
pub const BLOCKS: &[&str] = &["clodo-auth", "clodo-data"];

/// The folder of Clodo's crate `name` in a source tree, relative to its
/// root: `blocks/<block>` for the generic blocks ([`BLOCKS`]), else a folder
/// named like the crate (`clodo-sdk`, `clodo-client`).
pub fn folder_of(name: &str) -> PathBuf {
    match name.strip_prefix("clodo-") {
        Some(block) if BLOCKS.contains(&name) => Path::new("blocks").join(block),
        _ => PathBuf::from(name),
    }
}

/// The Clodo tree this binary was compiled from, if it still has `clodo-sdk/`.
pub fn built_from() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?;
    is_clodo_tree(root).then(|| root.to_path_buf())
}

/// Whether `dir` holds the `clodo-sdk` crate.
pub fn is_clodo_tree(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("clodo-sdk/Cargo.toml"))
        .is_ok_and(|t| t.lines().any(|l| l.trim() == "name = \"clodo-sdk\""))
}

/// The nearest ancestor of `start` (itself included) that is a Clodo tree.
pub fn enclosing_tree(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| is_clodo_tree(d))
        .map(Path::to_path_buf)
}

/// Applies the rule of this module for a crate to be written into `target`.
pub fn resolve(choice: &Choice, target: &Path) -> Result<Resolved, SourceError> {
    if let Some(given) = &choice.path {
        let abs = std::path::absolute(given).map_err(|source| SourceError::Io {
            path: given.clone(),
            source,
        })?;
        let krate = choice.krate;
        let root = if is_clodo_tree(&abs) {
            abs
        } else if abs.file_name().is_some_and(|n| n == krate)
            && abs.parent().is_some_and(is_clodo_tree)
        {
            abs.parent().map(Path::to_path_buf).unwrap_or(abs)
        } else {
            return Err(SourceError::NotAClodoTree {
                flag: choice.path_flag,
                krate,
                given: given.clone(),
            });
        };
        return Ok(Resolved {
            source: Source::Path(root),
            note: None,
        });
    }
    if let Some(url) = &choice.git {
        return Ok(Resolved {
            source: Source::Git {
                url: url.clone(),
                rev: choice.rev.clone(),
            },
            note: None,
        });
    }
    if let Some(v) = &choice.version {
        return Ok(Resolved {
            source: Source::Version(v.clone()),
            note: None,
        });
    }
    if let Some(root) = built_from() {
        return Ok(Resolved {
            source: Source::Path(root),
            note: None,
        });
    }
    let abs = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    if let Some(root) = enclosing_tree(&abs) {
        return Ok(Resolved {
            source: Source::Path(root),
            note: None,
        });
    }
    let version = env!("CARGO_PKG_VERSION").to_owned();
    Ok(Resolved {
        note: Some(format!(
            "the Clodo source this cargo-clodo was built from is gone, so the registry's \
             {krate} {version} is used; if that version is not published, pass \
             {flag} CLONE or {git} URL",
            krate = choice.krate,
            flag = choice.path_flag,
            git = choice.path_flag.replace("-path", "-git")
        )),
        source: Source::Version(version),
    })
}

impl Source {
    /// The TOML value of a dependency on Clodo's crate `name` (in the
    /// folder [`folder_of`] names in a source tree; a git source names the
    /// package by the dependency's key, a version source is the same version
    /// for every crate), written into a manifest in `dir`, with `features`.
    /// A path inside the same tree is written relative to `dir`, any other
    /// absolute.
    pub fn dependency(&self, name: &str, dir: &Path, features: &[&str]) -> String {
        let mut fields = match self {
            Source::Path(root) => {
                let krate = root.join(folder_of(name));
                let shown = if dir.starts_with(root) {
                    relative(dir, &krate)
                } else {
                    krate
                };
                vec![format!(
                    "path = {}",
                    toml_string(&shown.to_string_lossy().replace('\\', "/"))
                )]
            }
            Source::Git { url, rev } => {
                let mut f = vec![format!("git = {}", toml_string(url))];
                if let Some(rev) = rev {
                    f.push(format!("rev = {}", toml_string(rev)));
                }
                f
            }
            Source::Version(v) => vec![format!("version = {}", toml_string(v))],
        };
        if !features.is_empty() {
            let list: Vec<String> = features.iter().map(|f| toml_string(f)).collect();
            fields.push(format!("features = [{}]", list.join(", ")));
        }
        format!("{{ {} }}", fields.join(", "))
    }

    /// The lock file of a source tree, to start a new crate from the
    /// versions Clodo is tested with.
    pub fn lock_file(&self) -> Option<PathBuf> {
        match self {
            Source::Path(root) => Some(root.join("Cargo.lock")).filter(|p| p.is_file()),
            _ => None,
        }
    }
}

fn toml_string(s: &str) -> String {
    clodo_sdk::config::toml_string(s)
}

/// `to` relative to `from` (both absolute).
pub fn relative(from: &Path, to: &Path) -> PathBuf {
    let a: Vec<Component<'_>> = from.components().collect();
    let b: Vec<Component<'_>> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    for c in &b[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("root")
            .to_path_buf()
    }

    /// No explicit choice, for `clodo-sdk`.
    fn sdk() -> Choice {
        Choice {
            path_flag: "--sdk-path",
            krate: "clodo-sdk",
            path: None,
            git: None,
            rev: None,
            version: None,
        }
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(
                Path::new("/w/main/blocks/x"),
                Path::new("/w/main/clodo-sdk")
            ),
            PathBuf::from("../../clodo-sdk")
        );
    }

    #[test]
    fn dependency_lines() {
        let root = tree();
        let abs = |folder: &str| format!("{{ path = {:?} }}", root.join(folder).to_string_lossy());
        let inside = Source::Path(root.clone());
        let git = Source::Git {
            url: "https://example.com/clodo.git".into(),
            rev: Some("abc123".into()),
        };
        let version = Source::Version("0.1.0".into());
        let in_tree = root.join("examples/x");
        let cases: &[(&Source, &str, &Path, &[&str], String)] = &[
            (
                &inside,
                "clodo-sdk",
                &in_tree,
                &["native"],
                r#"{ path = "../../clodo-sdk", features = ["native"] }"#.into(),
            ),
            (&inside, "clodo-sdk", Path::new("/tmp/x"), &[], abs("clodo-sdk")),
            // The generic blocks come from the same source, from `blocks/`.
            (
                &inside,
                "clodo-auth",
                &in_tree,
                &[],
                r#"{ path = "../../blocks/auth" }"#.into(),
            ),
            (&inside, "clodo-data", Path::new("/tmp/x"), &[], abs("blocks/data")),
            (&inside, "clodo-client", Path::new("/tmp/x"), &[], abs("clodo-client")),
            (
                &git,
                "clodo-sdk",
                Path::new("/tmp/x"),
                &["native"],
                r#"{ git = "https://example.com/clodo.git", rev = "abc123", features = ["native"] }"#
                    .into(),
            ),
            (
                &git,
                "clodo-auth",
                Path::new("/tmp/x"),
                &[],
                r#"{ git = "https://example.com/clodo.git", rev = "abc123" }"#.into(),
            ),
            (&version, "clodo-sdk", Path::new("/x"), &[], r#"{ version = "0.1.0" }"#.into()),
            (&version, "clodo-data", Path::new("/x"), &[], r#"{ version = "0.1.0" }"#.into()),
        ];
        for (source, name, dir, features, want) in cases {
            assert_eq!(
                &source.dependency(name, dir, features),
                want,
                "{name} from {source:?}"
            );
        }
        for block in BLOCKS {
            let manifest = root.join(folder_of(block)).join("Cargo.toml");
            let text = std::fs::read_to_string(&manifest).expect("a block's manifest");
            assert!(
                text.contains(&format!("name = \"{block}\"")),
                "{}",
                manifest.display()
            );
        }
    }

    #[test]
    fn explicit_choices_win_and_bad_paths_are_refused() {
        let root = tree();
        let by_path = |p: PathBuf| {
            let choice = Choice {
                path: Some(p),
                ..sdk()
            };
            resolve(&choice, Path::new("/tmp/x"))
        };
        for given in [root.join("clodo-sdk"), root.clone()] {
            let r = by_path(given).expect("the sdk folder or the tree");
            assert_eq!(r.source, Source::Path(root.clone()));
        }
        let err = by_path(root.join("templates")).expect_err("not an sdk");
        assert!(err.to_string().contains("no clodo-sdk crate"), "{err}");
        let choice = Choice {
            version: Some("9.9.9".into()),
            ..sdk()
        };
        let v = resolve(&choice, Path::new("/tmp/x")).expect("version");
        assert_eq!(v.source, Source::Version("9.9.9".into()));
    }

    #[test]
    fn default_is_the_tree_this_binary_was_built_from() {
        let r = resolve(&sdk(), Path::new("/tmp/x")).expect("resolves");
        assert_eq!(r.source, Source::Path(tree()));
        assert_eq!(r.note, None);
    }
}
