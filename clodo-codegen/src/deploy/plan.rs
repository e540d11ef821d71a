//! `--dry-run`: the exact plan of a deploy or migrate, every command with
//! its arguments and working directory and every file it would write as a
//! unified diff, touching nothing. Paths are relative to the project root,
//! so the plan of a project is the same on every machine.

use std::fmt::Write as _;
use std::path::Path;

use super::{Deployment, StepKind, domain_file};
use crate::worker_build;

/// A unified diff of `path` from `old` (`None`: a new file) to `new`.
pub fn file_diff(path: &str, old: Option<&str>, new: &str) -> String {
    if old == Some(new) {
        return "      (unchanged)\n".into();
    }
    let old_name = if old.is_some() {
        format!("a/{path}")
    } else {
        "/dev/null".into()
    };
    let diff = similar::TextDiff::from_lines(old.unwrap_or(""), new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &format!("b/{path}"))
        .to_string();
    let mut out = String::new();
    for line in text.lines() {
        let _ = writeln!(out, "      {line}");
    }
    out
}

impl Deployment {
    fn command_line(&self, out: &mut String, cmd: &super::CommandLine) {
        let _ = writeln!(
            out,
            "   $ (in {}) {}",
            self.show(&cmd.cwd),
            cmd.display(&self.req.root)
        );
    }

    fn write_line(&self, out: &mut String, path: &Path, new: &str) {
        let shown = self.show(path);
        let old = std::fs::read_to_string(path).ok();
        let _ = writeln!(out, "   write {shown}");
        out.push_str(&file_diff(&shown, old.as_deref(), new));
    }

    /// The plan of `steps` (what `--dry-run` prints).
    pub fn plan(&self, command: &str, steps: &[StepKind]) -> String {
        let mut out = String::new();
        let d = self.domain();
        let _ = writeln!(
            out,
            "Plan of `cargo clodo {command}`: {} for {} ({}), Worker {}, wrangler environment {}.",
            self.req.package,
            d.name,
            self.req.env,
            self.worker_name(),
            self.env_name()
        );
        let _ = writeln!(
            out,
            "Paths are relative to the project root; --dry-run runs and writes nothing.\n"
        );
        for (i, &step) in steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, self.label(step));
            self.plan_step(&mut out, step);
        }
        out
    }

    fn plan_step(&self, out: &mut String, step: StepKind) {
        let db = self.database_name();
        match step {
            StepKind::Generate => {
                self.write_line(out, &self.wrangler_toml_path(), &self.wrangler_toml())
            }
            StepKind::FindDatabase => {
                self.command_line(out, &self.list_command());
                match &self.db_id {
                    Some(id) => {
                        let _ = writeln!(out, "   the account's {db} must have the file's id {id}");
                    }
                    None => {
                        let _ = writeln!(out, "   looks {db} up by name");
                    }
                }
            }
            StepKind::CheckSecrets => {
                self.command_line(out, &self.secrets_command());
                let _ = writeln!(
                    out,
                    "   stops unless these are set: {}",
                    super::wrangler_toml::required_secrets(self.domain()).join(", ")
                );
            }
            StepKind::Build if self.req.skip_build => {
                let _ = writeln!(
                    out,
                    "   --skip-build: uses {}/worker/ and migrations/ as they are",
                    self.show(&self.req.out)
                );
            }
            StepKind::Build => {
                let o = self.build_options();
                let worker = self.show(&o.out.join("worker"));
                let _ = writeln!(
                    out,
                    "   checks {} and the Rust target wasm32-unknown-unknown",
                    self.show(&worker_build::tools_dir().join("bin/wasm-bindgen"))
                );
                for cmd in worker_build::commands(&o) {
                    self.command_line(out, &cmd);
                }
                let _ = writeln!(
                    out,
                    "   writes {worker}/ (index.js, index_bg.wasm, snippets/, entry.mjs, .stamp) unless up to date"
                );
            }
            StepKind::WriteMigrations => {
                let dir = self.req.out.join("migrations");
                let cmd = worker_build::migrations_command(&self.req.root, &self.req.package, &dir);
                self.command_line(out, &cmd);
            }
            StepKind::Database => self.plan_database(out),
            StepKind::Migrate => self.command_line(out, &self.migrate_command(false)),
            StepKind::MigrateLocal => self.command_line(out, &self.migrate_command(true)),
            StepKind::Deploy => self.command_line(out, &self.deploy_command()),
            StepKind::Health => match self.health_base() {
                Some(base) => {
                    let _ = writeln!(
                        out,
                        "   GET {}/healthz until it answers 200 {{\"status\":\"ok\"}}, for at most {} s",
                        base.trim_end_matches('/'),
                        self.req.health_timeout.as_secs()
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "   skipped: no hostname for {} (pass --health-url)",
                        self.req.env
                    );
                }
            },
        }
    }

    fn plan_database(&self, out: &mut String) {
        let db = self.database_name();
        let file = self.show(&self.domain().file);
        if let Some(id) = &self.db_id {
            let _ = writeln!(out, "   nothing to create: {file} has the id {id}");
            return;
        }
        if self.create_missing {
            let _ = writeln!(out, "   only if step \"find\" found no {db}:");
            self.command_line(out, &self.create_command());
        } else {
            let _ = writeln!(
                out,
                "   stops if the account has no {db} (deploy creates it)"
            );
        }
        let placeholder = format!("<id of {db}>");
        match domain_file::with_database_id(
            &self.texts[self.target],
            self.req.env,
            &db,
            &placeholder,
        ) {
            Ok(new) => {
                let _ = writeln!(out, "   write {file}");
                out.push_str(&file_diff(&file, Some(&self.texts[self.target]), &new));
            }
            Err(e) => {
                let _ = writeln!(out, "   cannot edit {file}: {e}");
            }
        }
        let _ = writeln!(
            out,
            "   write {} again, with that id as database_id",
            self.show(&self.wrangler_toml_path())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs() {
        assert_eq!(file_diff("x", Some("a\n"), "a\n"), "      (unchanged)\n");
        let d = file_diff("x", None, "a\n");
        assert!(d.contains("--- /dev/null") && d.contains("+a"), "{d}");
        let d = file_diff("x", Some("a\nb\n"), "a\nc\n");
        assert!(
            d.contains("-b") && d.contains("+c") && d.contains("+++ b/x"),
            "{d}"
        );
    }
}
