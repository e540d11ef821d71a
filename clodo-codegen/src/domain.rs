//! `cargo clodo domain`: add, list and check the customer domains of
//! `domains/<domain>.toml` (parsed by [`clodo_sdk::config`]), and print the
//! JSON Schema of those files for editors.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let path = clodo_codegen::domain::add(dir.path(), "sweetbakery.com", Some("Sweet Bakery"), &[], &[]).unwrap();
//! assert!(path.ends_with("sweetbakery.com.toml"));
//! let domains = clodo_codegen::domain::load(dir.path()).unwrap();
//! assert!(clodo_codegen::domain::table(&domains).contains("Sweet Bakery"));
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use clodo_sdk::config::{self, AppManifest, ConfigError, ConfigProblem, DomainConfig, Env};
use serde_json::{Value, json};

/// What went wrong with a domain command.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// `domain add` was given something that does not make a valid file.
    #[error("{}", .0.join("\n"))]
    InvalidInput(Vec<String>),
    /// `domain add` would overwrite a file.
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    /// The domains folder does not exist.
    #[error("no domains folder {}", .0.display())]
    NoFolder(PathBuf),
    /// Files could not be read, or are invalid (every problem listed).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `cargo` could not be started.
    #[error("could not run cargo: {0}")]
    Cargo(std::io::Error),
    /// The block binary does not know the `manifest` command.
    #[error("the binary of package {package} does not answer `manifest`")]
    NoManifest {
        /// The package.
        package: String,
    },
    /// The block's binary failed to build or to print its manifest.
    #[error("`cargo run -p {package} -- manifest` failed (exit {code:?}):\n{stderr}")]
    Build {
        /// The package.
        package: String,
        /// Exit code.
        code: Option<i32>,
        /// What it printed on stderr.
        stderr: String,
    },
    /// What it printed is not an app manifest.
    #[error("package {package} printed something that is not an app manifest: {reason}")]
    NotManifest {
        /// The package.
        package: String,
        /// Why.
        reason: String,
    },
}

/// Parses `--hostname ENV=HOST` (`production=sweetbakery.com`).
pub fn hostname_arg(s: &str) -> Result<(String, String), String> {
    let Some((env, host)) = s.split_once('=') else {
        return Err(format!(
            "{s:?} is not ENV=HOST; for example production=sweetbakery.com \
             (ENV is development, staging or production)"
        ));
    };
    let env = env.trim();
    if !["development", "staging", "production"].contains(&env) {
        return Err(format!(
            "{env:?} is not an environment: use development, staging or production"
        ));
    }
    config::check_host_name(host.trim())?;
    Ok((env.to_owned(), host.trim().to_owned()))
}

/// Parses a `--feature` argument: `FLAG`, `FLAG=true` or `FLAG=false`.
pub fn feature_arg(s: &str) -> Result<(String, bool), String> {
    let (flag, value) = match s.split_once('=') {
        None => (s, true),
        Some((f, "true")) => (f, true),
        Some((f, "false")) => (f, false),
        Some((_, v)) => {
            return Err(format!(
                "`{v}` is not true or false (write FLAG=true or FLAG=false)"
            ));
        }
    };
    if flag.is_empty() {
        return Err("the flag name is empty (write FLAG[=true|false])".into());
    }
    Ok((flag.to_owned(), value))
}

/// Writes `dir/<name>.toml` from [`config::render_new`], creating `dir`;
/// refuses an invalid name, flag or display name, and an existing file.
/// Returns the path written.
pub fn add(
    dir: &Path,
    name: &str,
    display_name: Option<&str>,
    features: &[(String, bool)],
    hostnames: &[(String, String)],
) -> Result<PathBuf, DomainError> {
    let file = format!("{name}.toml");
    // Checking the name alone first keeps its message about the name.
    let bare = config::render_new(name, None, &[]);
    config::parse(Path::new(&file), &bare).map_err(input_error)?;
    let text = config::render_new_with(name, display_name, features, hostnames);
    config::parse(Path::new(&file), &text).map_err(input_error)?;
    let path = dir.join(&file);
    if path.exists() {
        return Err(DomainError::Exists(path));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DomainError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    // `create_new`: never replace a file that appeared meanwhile.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                DomainError::Exists(path.clone())
            } else {
                DomainError::Io {
                    path: path.clone(),
                    source: e,
                }
            }
        })?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io(&path))?;
    // The schema the files point editors at (`#:schema` on their first line).
    let schema = dir.join(SCHEMA_FILE);
    if !schema.exists() {
        std::fs::write(&schema, schema_text()).map_err(io(&schema))?;
    }
    Ok(path)
}

/// The JSON Schema file `domain add` writes beside the domain files, which
/// each names on its first line (`#:schema ./domain.schema.json`, read by
/// Taplo / Even Better TOML).
pub const SCHEMA_FILE: &str = "domain.schema.json";

fn input_error(e: ConfigError) -> DomainError {
    match e {
        ConfigError::Invalid(list) => DomainError::InvalidInput(
            list.into_iter()
                .map(|p| {
                    let key = match p.key.as_str() {
                        "name" => "the domain name".to_owned(),
                        "display_name" => "--display-name".to_owned(),
                        k => match k.strip_prefix("features.") {
                            Some(flag) => format!("--feature {flag}"),
                            None => format!("`{k}`"),
                        },
                    };
                    format!("{key}: {}", p.message)
                })
                .collect(),
        ),
        other => DomainError::Config(other),
    }
}

/// Every domain of `dir` (see [`config::load_dir`]).
pub fn load(dir: &Path) -> Result<Vec<DomainConfig>, DomainError> {
    if !dir.is_dir() {
        return Err(DomainError::NoFolder(dir.to_path_buf()));
    }
    Ok(config::load_dir(dir)?)
}

/// Builds `package` and reads what its binary says it provides
/// (`cargo run --quiet -p PACKAGE -- manifest`).
pub fn manifest(package: &str) -> Result<AppManifest, DomainError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["run", "--quiet", "-p", package, "--", "manifest"])
        .output()
        .map_err(DomainError::Cargo)?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        if stderr.contains("unknown arguments") || stderr.contains("usage:") {
            return Err(DomainError::NoManifest {
                package: package.to_owned(),
            });
        }
        return Err(DomainError::Build {
            package: package.to_owned(),
            code: out.status.code(),
            stderr,
        });
    }
    serde_json::from_slice(&out.stdout).map_err(|e| DomainError::NotManifest {
        package: package.to_owned(),
        reason: e.to_string(),
    })
}

/// Every problem of every domain against what the app provides.
pub fn check(domains: &[DomainConfig], app: &AppManifest) -> Vec<ConfigProblem> {
    domains.iter().flat_map(|d| d.check_against(app)).collect()
}

/// The JSON Schema of domain files, pretty, with a final newline.
pub fn schema_text() -> String {
    let mut text =
        serde_json::to_string_pretty(&config::json_schema()).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

fn dash_if_empty(s: String) -> String {
    if s.is_empty() { "-".to_owned() } else { s }
}

/// A table of the domains: name, display name, flags on, hostnames per
/// environment, databases (one line per environment within a cell).
pub fn table(domains: &[DomainConfig]) -> String {
    let header = ["NAME", "DISPLAY NAME", "FLAGS ON", "HOSTNAMES", "DATABASES"];
    let mut rows: Vec<[Vec<String>; 5]> = Vec::new();
    for d in domains {
        let flags: Vec<&str> = d
            .features
            .iter()
            .filter(|(_, on)| **on)
            .map(|(f, _)| f.as_str())
            .collect();
        let hosts: Vec<String> = Env::ALL
            .iter()
            .filter(|e| !d.hostnames(**e).is_empty())
            .map(|e| format!("{e}: {}", d.hostnames(*e).join(", ")))
            .collect();
        let dbs: Vec<String> = d
            .databases
            .iter()
            .map(|(e, db)| {
                let id = if db.id.is_some() {
                    ""
                } else {
                    " (not created)"
                };
                format!("{e}: {}{id}", db.name)
            })
            .collect();
        let cell = |v: Vec<String>| {
            if v.is_empty() {
                vec!["-".to_owned()]
            } else {
                v
            }
        };
        rows.push([
            vec![d.name.clone()],
            vec![dash_if_empty(d.display_name.clone().unwrap_or_default())],
            vec![dash_if_empty(flags.join(", "))],
            cell(hosts),
            cell(dbs),
        ]);
    }
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = cell.iter().map(|l| l.chars().count()).fold(*w, usize::max);
        }
    }
    let mut out = String::new();
    let mut line = |cells: [&str; 5]| {
        let mut text = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                text.push_str(c);
            } else {
                text.push_str(&format!("{c:<w$}  "));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header);
    for row in &rows {
        let height = row.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            line(std::array::from_fn(|c| {
                row[c].get(i).map_or("", String::as_str)
            }));
        }
    }
    out
}

/// The domains as JSON, for tools: one object per domain.
pub fn to_json(domains: &[DomainConfig]) -> Value {
    let list: Vec<Value> = domains
        .iter()
        .map(|d| {
            let hostnames: serde_json::Map<String, Value> = d
                .hostnames
                .iter()
                .map(|(e, h)| (e.to_string(), json!(h)))
                .collect();
            let databases: serde_json::Map<String, Value> = d
                .databases
                .iter()
                .map(|(e, db)| (e.to_string(), json!({ "name": db.name, "id": db.id })))
                .collect();
            let flags_on: Vec<&String> = d
                .features
                .iter()
                .filter(|(_, on)| **on)
                .map(|(f, _)| f)
                .collect();
            json!({
                "name": d.name,
                "display_name": d.display_name,
                "file": d.file.display().to_string(),
                "features": d.features,
                "flags_on": flags_on,
                "hostnames": hostnames,
                "databases": databases,
                "blocks": d.blocks.as_ref().map(|b| b.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>()),
                "secrets": { "required": d.secrets.required, "optional": d.secrets.optional },
                "cloudflare": d.cloudflare.as_ref().map(|c| json!({ "account_id": c.account_id, "zone_id": c.zone_id })),
            })
        })
        .collect();
    Value::Array(list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clodo_sdk::config::{ManifestBlock, ManifestFeature};

    #[test]
    fn feature_args() {
        assert_eq!(feature_arg("sms"), Ok(("sms".into(), true)));
        assert_eq!(feature_arg("sms=false"), Ok(("sms".into(), false)));
        assert!(feature_arg("sms=yes").is_err());
        assert!(feature_arg("=true").is_err());
    }

    #[test]
    fn add_refuses_bad_input_and_existing_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = add(dir.path(), "Not A Domain", None, &[], &[]).unwrap_err();
        assert!(err.to_string().starts_with("the domain name: "), "{err}");
        let err = add(
            dir.path(),
            "ok.example",
            None,
            &[("Bad-Flag".into(), true)],
            &[],
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("--feature Bad-Flag: "), "{err}");
        let path = add(dir.path(), "ok.example", None, &[], &[]).expect("written");
        assert!(
            matches!(add(dir.path(), "ok.example", None, &[], &[]), Err(DomainError::Exists(p)) if p == path)
        );
    }

    #[test]
    fn cross_check_with_a_hand_built_manifest() {
        let dir = tempfile::tempdir().expect("tempdir");
        add(
            dir.path(),
            "a.example",
            None,
            &[("sms_notification".into(), true)],
            &[],
        )
        .expect("a");
        let domains = load(dir.path()).expect("valid");
        let app = AppManifest {
            blocks: vec![ManifestBlock {
                name: "bakery-orders".into(),
                version: "0.1.0".into(),
                prefix: "/".into(),
            }],
            features: vec![ManifestFeature {
                name: "sms_notifications".into(),
                default: false,
                blocks: vec!["bakery-orders".into()],
            }],
            secrets: vec![],
        };
        let problems = check(&domains, &app);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "features.sms_notification");
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `sms_notifications`?")
        );
        assert!(problems[0].file.ends_with("a.example.toml"));
    }

    #[test]
    fn schema_is_pretty_json() {
        let v: Value = serde_json::from_str(&schema_text()).expect("json");
        assert_eq!(v["additionalProperties"], false);
    }
}
