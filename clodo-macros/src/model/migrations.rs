//! The block's SQL migrations, found at expansion time.
//!
//! `migrations = "dir"` names a directory relative to the crate root
//! (`CARGO_MANIFEST_DIR`); without it, `migrations/` is used when it exists.
//! Every `*.sql` file in it becomes one migration, ordered by file name, and
//! is embedded with `include_str!` through its absolute path.

use proc_macro2::Span;
use std::path::{Path, PathBuf};
use syn::LitStr;

/// Where the macro is being expanded.
#[derive(Debug, Clone, Default)]
pub(crate) struct BuildEnv {
    /// `CARGO_MANIFEST_DIR` of the crate being compiled, when cargo set it.
    pub(crate) manifest_dir: Option<PathBuf>,
}

impl BuildEnv {
    /// Reads the environment of the running compiler.
    pub(crate) fn from_process() -> Self {
        BuildEnv {
            manifest_dir: std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        }
    }
}

/// One `*.sql` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Migration {
    /// File name, e.g. `0001_init.sql`.
    pub(crate) name: String,
    /// Absolute path, for `include_str!`.
    pub(crate) path: String,
}

const DEFAULT_DIR: &str = "migrations";

/// Lists the migrations named by `arg` (or the default directory).
pub(crate) fn find(arg: Option<&LitStr>, env: &BuildEnv) -> syn::Result<Vec<Migration>> {
    let span = arg.map_or_else(Span::call_site, LitStr::span);
    let relative = arg.map_or_else(|| DEFAULT_DIR.to_owned(), LitStr::value);
    let Some(manifest_dir) = &env.manifest_dir else {
        return match arg {
            None => Ok(Vec::new()),
            Some(_) => Err(syn::Error::new(
                span,
                "CARGO_MANIFEST_DIR is not set, so `migrations` cannot be resolved; \
                 build the block with cargo",
            )),
        };
    };
    let dir = manifest_dir.join(&relative);
    if !dir.is_dir() {
        return match (arg, dir.exists()) {
            (None, _) => Ok(Vec::new()),
            (Some(_), true) => Err(syn::Error::new(
                span,
                format!(
                    "`migrations = \"{relative}\"` is not a directory; point it at the \
                     directory of `*.sql` files, relative to the crate's Cargo.toml"
                ),
            )),
            (Some(_), false) => Err(syn::Error::new(
                span,
                format!(
                    "migrations directory `{relative}` does not exist next to the crate's \
                     Cargo.toml; create it (with `0001_init.sql`, ...) or remove \
                     `migrations = \"{relative}\"`"
                ),
            )),
        };
    }
    list_sql_files(&dir).map_err(|message| {
        syn::Error::new(
            span,
            format!("cannot read migrations directory `{relative}`: {message}"),
        )
    })
}

fn list_sql_files(dir: &Path) -> Result<Vec<Migration>, String> {
    let entries = std::fs::read_dir(dir).map_err(|error| error.to_string())?;
    let mut migrations = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if !path.is_file() || path.extension().is_none_or(|ext| ext != "sql") {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or_else(|| format!("file name {path:?} is not UTF-8; rename it"))?
            .to_owned();
        let path = path
            .to_str()
            .ok_or_else(|| format!("path {path:?} is not UTF-8"))?
            .to_owned();
        migrations.push(Migration { name, path });
    }
    migrations.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(migrations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture_env() -> BuildEnv {
        BuildEnv {
            manifest_dir: Some(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-block"),
            ),
        }
    }

    fn lit(value: &str) -> LitStr {
        LitStr::new(value, Span::call_site())
    }

    #[test]
    fn default_directory_lists_sql_files_in_name_order() {
        let found = find(None, &fixture_env()).map_err(|e| e.to_string());
        let names: Vec<String> = found
            .iter()
            .flatten()
            .map(|migration| migration.name.clone())
            .collect();
        assert_eq!(names, ["0001_init.sql", "0002_orders.sql"], "{found:?}");
        for migration in found.iter().flatten() {
            assert!(Path::new(&migration.path).is_absolute());
            assert!(migration.path.ends_with(&migration.name));
        }
    }

    #[test]
    fn missing_default_directory_means_no_migrations() {
        let env = BuildEnv {
            manifest_dir: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")),
        };
        assert!(find(None, &env).is_ok_and(|found| found.is_empty()));
        assert!(find(None, &BuildEnv::default()).is_ok_and(|found| found.is_empty()));
    }

    #[test]
    fn explicit_directory_must_exist() {
        let error = find(Some(&lit("nope")), &fixture_env())
            .err()
            .map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("`nope` does not exist")),
            "{error:?}"
        );
        let error = find(Some(&lit("migrations/README.md")), &fixture_env())
            .err()
            .map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("is not a directory")),
            "{error:?}"
        );
        assert!(find(Some(&lit("migrations")), &BuildEnv::default()).is_err());
    }
}
