//! `cargo clodo contract`: export the contract a block serves, or check a
//! checked-in copy against it (the drift gate for CI).

use std::path::{Path, PathBuf};
use std::process::Command;

/// What went wrong exporting or checking a contract.
#[derive(Debug, thiserror::Error)]
pub enum ContractError {
    /// `cargo` could not be started.
    #[error("could not run cargo: {0}")]
    Cargo(std::io::Error),
    /// The block's binary failed to build or to print its contract.
    #[error("`cargo run -p {package} -- contract` failed (exit {code:?}):\n{stderr}")]
    Build {
        /// The package.
        package: String,
        /// Exit code.
        code: Option<i32>,
        /// What it printed on stderr.
        stderr: String,
    },
    /// What it printed is not an OpenAPI 3.0 document.
    #[error("package {package} printed something that is not an OpenAPI 3.0 document: {reason}")]
    NotOpenApi {
        /// The package.
        package: String,
        /// Why.
        reason: String,
    },
    /// Reading or writing the contract file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `--check` found no file to compare with.
    #[error("{path} does not exist, so there is nothing to check against")]
    Missing {
        /// The package.
        package: String,
        /// The file that should hold the checked-in contract.
        path: PathBuf,
    },
    /// `--check` found a difference.
    #[error(
        "{path} differs from the contract package {package} serves:\n{diff}\nrun `cargo clodo contract -p {package} --out {path}` to update it"
    )]
    Drift {
        /// The package.
        package: String,
        /// The checked-in file.
        path: PathBuf,
        /// The first differing lines.
        diff: String,
    },
}

/// Builds `package` and returns the contract bytes its binary prints.
pub fn export(package: &str, manifest_dir: Option<&Path>) -> Result<Vec<u8>, ContractError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["run", "--quiet", "-p", package, "--", "contract"]);
    if let Some(dir) = manifest_dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().map_err(ContractError::Cargo)?;
    if !out.status.success() {
        return Err(ContractError::Build {
            package: package.to_owned(),
            code: out.status.code(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    parse_check(package, &out.stdout)?;
    Ok(out.stdout)
}

fn parse_check(package: &str, bytes: &[u8]) -> Result<(), ContractError> {
    let doc: openapiv3::OpenAPI =
        serde_json::from_slice(bytes).map_err(|e| ContractError::NotOpenApi {
            package: package.to_owned(),
            reason: e.to_string(),
        })?;
    if !doc.openapi.starts_with("3.0.") {
        return Err(ContractError::NotOpenApi {
            package: package.to_owned(),
            reason: format!("version is {}, expected 3.0.x", doc.openapi),
        });
    }
    Ok(())
}

/// Compares `expected` (served) with the file at `path`.
pub fn check(package: &str, expected: &[u8], path: &Path) -> Result<(), ContractError> {
    let actual = std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ContractError::Missing {
                package: package.to_owned(),
                path: path.to_path_buf(),
            }
        } else {
            ContractError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    if actual == expected {
        return Ok(());
    }
    Err(ContractError::Drift {
        package: package.to_owned(),
        path: path.to_path_buf(),
        diff: line_diff(
            &String::from_utf8_lossy(&actual),
            &String::from_utf8_lossy(expected),
        ),
    })
}

/// A short line diff: the first differing region, `-` for the file, `+` for the served contract.
pub fn line_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = format!("@@ line {} @@\n", prefix + 1);
    const MAX: usize = 40;
    for l in a[prefix..a.len() - suffix].iter().take(MAX) {
        out.push_str(&format!("-{l}\n"));
    }
    for l in b[prefix..b.len() - suffix].iter().take(MAX) {
        out.push_str(&format!("+{l}\n"));
    }
    out
}

/// Writes `bytes` to `path`, creating parent directories.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), ContractError> {
    let io = |source| ContractError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(path, bytes).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_the_changed_region() {
        let d = line_diff("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(d, "@@ line 2 @@\n-b\n+B\n");
    }

    #[test]
    fn rejects_non_openapi_output() {
        assert!(parse_check("p", b"hello").is_err());
        assert!(
            parse_check(
                "p",
                br#"{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{}}"#
            )
            .is_err()
        );
        assert!(
            parse_check(
                "p",
                br#"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{}}"#
            )
            .is_ok()
        );
    }
}
