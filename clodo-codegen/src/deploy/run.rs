//! Running the steps of a deploy or migrate, and the report at the end.

use std::fmt::Write as _;
use std::time::Duration;

use super::{DeployError, Deployment, StepKind, domain_file, health};
use crate::worker_build;

const LIST_TIMEOUT: Duration = Duration::from_secs(120);
/// How long `wrangler d1 migrations apply` may run.
pub(crate) const APPLY_TIMEOUT: Duration = Duration::from_secs(900);

/// How a step ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// It ran; what it did.
    Done(String),
    /// It failed; why.
    Failed(String),
    /// It did not run: an earlier step failed.
    NotRun,
}

/// Every step of a run with its outcome.
#[derive(Debug, Default)]
pub struct Report {
    /// (step, label, outcome), in order.
    pub steps: Vec<(StepKind, String, Status)>,
    /// The failure that stopped the run.
    pub error: Option<DeployError>,
}

impl Report {
    /// Whether every step ran.
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// One line per step: `ok`, `FAILED`, `not run`.
    pub fn to_text(&self) -> String {
        let mut t = String::new();
        for (i, (_, label, status)) in self.steps.iter().enumerate() {
            let (mark, detail) = match status {
                Status::Done(d) => ("ok     ", d.as_str()),
                Status::Failed(_) => ("FAILED ", ""),
                Status::NotRun => ("not run", ""),
            };
            let _ = write!(t, "  {}. {mark} {label}", i + 1);
            if !detail.is_empty() {
                let _ = write!(t, ": {detail}");
            }
            t.push('\n');
        }
        t
    }
}

/// Runs one unit of work, for a progress display around it.
pub type Work<'a> = &'a mut dyn FnMut() -> Result<String, DeployError>;

impl Deployment {
    /// The label of a step.
    pub fn label(&self, step: StepKind) -> String {
        let env = self.env_name();
        match step {
            StepKind::Generate => "generate wrangler.toml".into(),
            StepKind::FindDatabase => format!("find the D1 database {}", self.database_name()),
            StepKind::CheckSecrets => format!("check the secrets of {}", self.worker_name()),
            StepKind::Build => format!("build the Worker bundle of {}", self.req.package),
            StepKind::WriteMigrations => format!("write migrations/ of {}", self.req.package),
            StepKind::Database => format!("create or record the database {}", self.database_name()),
            StepKind::Migrate => format!("apply the migrations (remote, --env {env})"),
            StepKind::MigrateLocal => format!("apply the migrations (local, --env {env})"),
            StepKind::Deploy => format!("wrangler deploy --env {env}"),
            StepKind::Health => "health check".into(),
        }
    }

    /// Runs `steps` in order, each inside `progress(label, work)`; stops at
    /// the first failure and reports the rest as not run.
    pub fn run(
        &mut self,
        steps: &[StepKind],
        progress: &mut dyn FnMut(&str, Work<'_>) -> Result<String, DeployError>,
    ) -> Report {
        let mut report = Report::default();
        for (i, &step) in steps.iter().enumerate() {
            let label = self.label(step);
            let result = if step == StepKind::Build && !self.req.skip_build {
                self.build(progress)
            } else {
                progress(&label, &mut || self.run_step(step))
            };
            match result {
                Ok(done) => report.steps.push((step, label, Status::Done(done))),
                Err(e) => {
                    report
                        .steps
                        .push((step, label, Status::Failed(e.to_string())));
                    for &rest in &steps[i + 1..] {
                        report.steps.push((rest, self.label(rest), Status::NotRun));
                    }
                    report.error = Some(e);
                    break;
                }
            }
        }
        report
    }

    fn build(
        &mut self,
        progress: &mut dyn FnMut(&str, Work<'_>) -> Result<String, DeployError>,
    ) -> Result<String, DeployError> {
        let o = self.build_options();
        for step in worker_build::steps(&o) {
            progress(&step.label(&o), &mut || {
                worker_build::run_step(&o, step)
                    .map(|()| String::new())
                    .map_err(DeployError::from)
            })?;
        }
        Ok(match worker_build::bundle_size(&o.out) {
            Some((wasm, all)) => {
                format!("{} (wasm {wasm} bytes, {all} with JS)", self.show(&o.out))
            }
            None => self.show(&o.out),
        })
    }

    /// Runs one step (the build without per-tool progress).
    pub fn run_step(&mut self, step: StepKind) -> Result<String, DeployError> {
        match step {
            StepKind::Generate => self.generate(),
            StepKind::FindDatabase => self.find_database(),
            StepKind::CheckSecrets => self.check_secrets(),
            StepKind::Build => {
                let o = self.build_options();
                if self.req.skip_build {
                    let entry = o.out.join("worker/entry.mjs");
                    if !entry.is_file() || !o.out.join("migrations").is_dir() {
                        return Err(DeployError::NoBundle(self.show(&o.out)));
                    }
                    return Ok(format!(
                        "kept the bundle in {} (--skip-build)",
                        self.show(&o.out)
                    ));
                }
                for s in worker_build::steps(&o) {
                    worker_build::run_step(&o, s)?;
                }
                Ok(self.show(&o.out))
            }
            StepKind::WriteMigrations => {
                let dir = self.req.out.join("migrations");
                let cmd = worker_build::migrations_command(&self.req.root, &self.req.package, &dir);
                let out = cmd.run(Duration::from_secs(3600))?;
                if !out.success {
                    return Err(DeployError::Wrangler {
                        command: cmd.display(&self.req.root),
                        output: out.transcript(),
                    });
                }
                let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
                Ok(format!("{n} file(s) in {}", self.show(&dir)))
            }
            StepKind::Database => self.database(),
            StepKind::Migrate | StepKind::MigrateLocal => {
                self.migrate(step == StepKind::MigrateLocal)
            }
            StepKind::Deploy => {
                let cmd = self.deploy_command();
                let out = cmd.run(APPLY_TIMEOUT)?;
                if !out.success {
                    return Err(DeployError::Wrangler {
                        command: cmd.display(&self.req.root),
                        output: out.transcript(),
                    });
                }
                Ok(format!("{} deployed", self.worker_name()))
            }
            StepKind::Health => match self.health_base() {
                None => Ok("skipped: no hostname for this environment (pass --health-url)".into()),
                Some(base) => health::check(&base, &self.domain().name, self.req.health_timeout)
                    .map(|h| format!("{} answered ({} tries)", h.url, h.attempts))
                    .map_err(DeployError::Health),
            },
        }
    }

    fn write(&self, path: &std::path::Path, text: &str) -> Result<(), DeployError> {
        let err = |e: std::io::Error| DeployError::File {
            path: self.show(path),
            message: e.to_string(),
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        std::fs::write(path, text).map_err(err)
    }

    fn generate(&self) -> Result<String, DeployError> {
        let path = self.wrangler_toml_path();
        self.write(&path, &self.wrangler_toml())?;
        Ok(self.show(&path))
    }

    /// `wrangler d1 list --json`.
    pub fn list_command(&self) -> super::CommandLine {
        self.wrangler(["d1", "list", "--json", "--env", &self.env_name()])
    }

    /// `wrangler d1 create NAME`.
    pub fn create_command(&self) -> super::CommandLine {
        self.wrangler([
            "d1",
            "create",
            &self.database_name(),
            "--env",
            &self.env_name(),
        ])
    }

    /// `wrangler secret list --format json`.
    pub fn secrets_command(&self) -> super::CommandLine {
        self.wrangler([
            "secret",
            "list",
            "--env",
            &self.env_name(),
            "--format",
            "json",
        ])
    }

    /// The local D1 of this domain and environment (wrangler's `--persist-to`
    /// for `migrate --local`): its own folder, see [`crate::local_dirs`].
    pub fn local_d1(&self) -> std::path::PathBuf {
        crate::local_dirs::local_d1(&self.req.root, &self.req.package, &self.env_name())
    }

    /// `wrangler d1 migrations apply DB` (remote, or local into [`Deployment::local_d1`]).
    pub fn migrate_command(&self, local: bool) -> super::CommandLine {
        let cmd = self.wrangler(["d1", "migrations", "apply", "DB", "--env", &self.env_name()]);
        if local {
            cmd.args(["--local", "--persist-to"]).path(self.local_d1())
        } else {
            cmd.args(["--remote"])
        }
    }

    /// `wrangler deploy`.
    pub fn deploy_command(&self) -> super::CommandLine {
        self.wrangler(["deploy", "--env", &self.env_name()])
    }

    /// The health check's base URL.
    pub fn health_base(&self) -> Option<String> {
        self.req.health_url.clone().or_else(|| {
            self.domain()
                .hostnames(self.req.env)
                .first()
                .map(|h| format!("https://{h}"))
        })
    }

    fn json(&self, cmd: &super::CommandLine) -> Result<serde_json::Value, DeployError> {
        let out = cmd.run(LIST_TIMEOUT)?;
        let shown = cmd.display(&self.req.root);
        if !out.success {
            return Err(DeployError::Wrangler {
                command: shown,
                output: out.transcript(),
            });
        }
        parse_json_array(&out.stdout).map_err(|message| DeployError::Unexpected {
            command: shown,
            message,
        })
    }

    fn find_database(&mut self) -> Result<String, DeployError> {
        let list = self.json(&self.list_command())?;
        let name = self.database_name();
        let rows = list.as_array().map(Vec::as_slice).unwrap_or_default();
        let by_name = rows.iter().find(|r| r["name"] == name.as_str());
        let listed_id = by_name.and_then(|r| r["uuid"].as_str()).map(str::to_owned);
        match (&self.db_id, listed_id) {
            (Some(file_id), Some(id)) if *file_id == id => {
                self.db_found = true;
                Ok(format!("{name} ({id})"))
            }
            (Some(file_id), Some(id)) => Err(DeployError::DatabaseMismatch {
                message: format!(
                    "{} says the id of {name} is {file_id}, but the account's {name} has the id {id}",
                    self.show(&self.domain().file)
                ),
            }),
            (Some(file_id), None) => Err(DeployError::DatabaseMismatch {
                message: format!(
                    "{} names the database {name} with the id {file_id}, but the account has no database {name}",
                    self.show(&self.domain().file)
                ),
            }),
            (None, Some(id)) => {
                self.db_id = Some(id.clone());
                self.db_found = true;
                Ok(format!(
                    "{name} ({id}); its id is not in the domain file yet"
                ))
            }
            (None, None) if self.create_missing => {
                Ok(format!("{name} does not exist yet: it will be created"))
            }
            (None, None) => Err(DeployError::DatabaseMismatch {
                message: format!(
                    "the account has no database {name}: `cargo clodo deploy --domain {} --env {}` creates it",
                    self.domain().name,
                    self.req.env
                ),
            }),
        }
    }

    fn check_secrets(&self) -> Result<String, DeployError> {
        let cmd = self.secrets_command();
        let out = cmd.run(LIST_TIMEOUT)?;
        let shown = cmd.display(&self.req.root);
        let present: Vec<String> = if out.success {
            let list =
                parse_json_array(&out.stdout).map_err(|message| DeployError::Unexpected {
                    command: shown.clone(),
                    message,
                })?;
            list.as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["name"].as_str().map(str::to_owned))
                .collect()
        } else {
            let text = out.transcript();
            // A Worker that was never deployed has no secrets yet.
            if text.contains("10007") || text.to_ascii_lowercase().contains("not found") {
                Vec::new()
            } else {
                return Err(DeployError::Wrangler {
                    command: shown,
                    output: text,
                });
            }
        };
        let required = super::wrangler_toml::required_secrets(self.domain());
        let missing: Vec<String> = required
            .iter()
            .filter(|n| !present.contains(n))
            .cloned()
            .collect();
        if missing.is_empty() {
            return Ok(format!("{} present", required.join(", ")));
        }
        let config = self.show(&self.wrangler_toml_path());
        Err(DeployError::MissingSecrets {
            worker: self.worker_name(),
            commands: missing
                .iter()
                .map(|n| {
                    format!(
                        "wrangler secret put {n} --env {} --config {config}",
                        self.env_name()
                    )
                })
                .collect(),
            missing,
        })
    }

    fn database(&mut self) -> Result<String, DeployError> {
        let name = self.database_name();
        let mut created = false;
        if !self.db_found {
            let cmd = self.create_command();
            let out = cmd.run(LIST_TIMEOUT)?;
            if !out.success {
                return Err(DeployError::Wrangler {
                    command: cmd.display(&self.req.root),
                    output: out.transcript(),
                });
            }
            let id = match find_uuid_after(&out.stdout, "database_id") {
                Some(id) => id,
                None => {
                    let list = self.json(&self.list_command())?;
                    list.as_array()
                        .into_iter()
                        .flatten()
                        .find(|r| r["name"] == name.as_str())
                        .and_then(|r| r["uuid"].as_str())
                        .map(str::to_owned)
                        .ok_or_else(|| DeployError::Unexpected {
                            command: cmd.display(&self.req.root),
                            message: format!("created {name} but found no id for it"),
                        })?
                }
            };
            self.db_id = Some(id);
            self.db_found = true;
            created = true;
        }
        let Some(id) = self.db_id.clone() else {
            return Ok(name);
        };
        let file_has_it = self
            .domain()
            .databases
            .get(&self.req.env)
            .and_then(|d| d.id.as_deref())
            == Some(id.as_str());
        if !file_has_it {
            self.record_id(&id)?;
        }
        let what = if created { "created" } else { "found" };
        Ok(if file_has_it {
            format!("{what} {name} ({id})")
        } else {
            format!(
                "{what} {name} ({id}); id written into {}",
                self.show(&self.domain().file)
            )
        })
    }

    /// Writes `id` into the domain file (comments kept) and `wrangler.toml`.
    fn record_id(&mut self, id: &str) -> Result<(), DeployError> {
        let file = self.domain().file.clone();
        let text = domain_file::with_database_id(
            &self.texts[self.target],
            self.req.env,
            &self.database_name(),
            id,
        )
        .map_err(|e| DeployError::File {
            path: self.show(&file),
            message: e.to_string(),
        })?;
        self.write(&file, &text)?;
        self.domains[self.target] = clodo_sdk::config::parse(&file, &text)?;
        self.texts[self.target] = text;
        self.generate().map(drop)
    }

    fn migrate(&self, local: bool) -> Result<String, DeployError> {
        let cmd = self.migrate_command(local);
        let out = cmd.run(APPLY_TIMEOUT)?;
        if !out.success {
            return Err(DeployError::Migrations {
                command: cmd.display(&self.req.root),
                output: out.transcript(),
            });
        }
        let summary = migrations_summary(&out.transcript());
        if !local {
            return Ok(summary);
        }
        Ok(format!(
            "{summary}; D1 of {} ({}) in {}; serve it with: serve.mjs --dir {} --env {} --persist {}",
            self.domain().name,
            self.req.env,
            self.show(&self.local_d1()),
            self.show(&self.req.out),
            self.env_name(),
            self.show(&crate::local_dirs::miniflare_d1(&self.local_d1()))
        ))
    }
}

/// What `wrangler d1 migrations apply` did, from what it printed.
pub(crate) fn migrations_summary(text: &str) -> String {
    // wrangler asks "About to apply N migration(s)" (and answers yes without
    // a terminal), then reprints its table after each migration.
    let asked = text.split("About to apply ").nth(1).and_then(|rest| {
        rest.split_whitespace()
            .next()
            .and_then(|n| n.parse::<usize>().ok())
    });
    if text.contains("No migrations to apply") {
        "no migrations to apply".into()
    } else if let Some(n) = asked {
        format!("applied ({n} migration(s))")
    } else {
        let n = text.matches('✅').count();
        if n > 0 {
            format!("applied ({n} migration(s))")
        } else {
            "applied".into()
        }
    }
}

/// The JSON array in `stdout` (wrangler may print a banner before it).
fn parse_json_array(stdout: &str) -> Result<serde_json::Value, String> {
    let start = stdout
        .find('[')
        .ok_or_else(|| "no JSON array in it".to_owned())?;
    let v: serde_json::Value =
        serde_json::from_str(stdout[start..].trim()).map_err(|e| format!("not JSON: {e}"))?;
    if v.is_array() {
        Ok(v)
    } else {
        Err("not a JSON array".into())
    }
}

/// The first UUID after `marker` in `text`.
fn find_uuid_after(text: &str, marker: &str) -> Option<String> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let bytes = rest.as_bytes();
    (0..bytes.len().saturating_sub(35)).find_map(|i| {
        let cand = rest.get(i..i + 36)?;
        let ok = cand.char_indices().all(|(j, c)| match j {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        });
        ok.then(|| cand.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_created_id() {
        let out = "✅ Successfully created DB 'x'\n[[d1_databases]]\nbinding = \"x\"\ndatabase_name = \"x\"\ndatabase_id = \"6f1c0a8e-1111-4000-8000-00000000abcd\"\n";
        assert_eq!(
            find_uuid_after(out, "database_id").as_deref(),
            Some("6f1c0a8e-1111-4000-8000-00000000abcd")
        );
        assert_eq!(find_uuid_after("database_id: none", "database_id"), None);
    }

    #[test]
    fn counts_the_migrations_wrangler_applied() {
        let text =
            "? About to apply 4 migration(s)\n│ a.sql │ ✅ │\n│ a.sql │ ✅ │\n│ b.sql │ ✅ │";
        assert_eq!(migrations_summary(text), "applied (4 migration(s))");
        assert_eq!(
            migrations_summary("│ 0001_x.sql │ ✅ │"),
            "applied (1 migration(s))"
        );
        assert_eq!(
            migrations_summary("✅ No migrations to apply!"),
            "no migrations to apply"
        );
    }

    #[test]
    fn reads_json_after_a_banner() {
        let v = parse_json_array(" ⛅️ wrangler 4\n[{\"name\":\"a\"}]\n").expect("json");
        assert_eq!(v[0]["name"], "a");
        assert!(parse_json_array("oops").is_err());
    }
}
