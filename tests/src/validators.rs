//! Checks an OpenAPI contract with two external validators:
//!
//! - `openapi-spec-validator` 0.9.0 (PyPI), run from the venv `.ci/tools/venv`;
//! - `redocly lint` from `@redocly/cli` 2.77.0 (npm), run from the npm prefix
//!   folder `.ci/tools/node` with the config `.ci/redocly.yaml` (the
//!   `recommended` ruleset).
//!
//! Both are installed by `.ci/install-validators.sh`, which
//! [`validate_contract`] runs once per process before the first validation:
//! it returns in well under a second when the pinned versions are already in
//! place, installs them otherwise (so `cargo test` works on a fresh clone),
//! and holds a file lock so test processes running in parallel do not race.
//!
//! Nothing here reaches the network once the tools are installed: redocly's
//! telemetry and update notice are switched off, and every validator run has
//! a time limit ([`VALIDATOR_TIMEOUT`]) so a hang fails the test instead of
//! blocking it.

use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long one validator run may take before it is killed and counted as a failure.
pub const VALIDATOR_TIMEOUT: Duration = Duration::from_secs(120);

/// How long `.ci/install-validators.sh` may take (a cold install takes seconds;
/// the script bounds each registry download itself).
const INSTALL_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// Validates one OpenAPI contract (JSON bytes) with both external validators.
///
/// `label` names the contract in messages (for example `"bakery"`).
///
/// Returns `Err` with the validators' full output when either reports an
/// error: `openapi-spec-validator` exits non-zero, or `redocly lint` exits
/// non-zero or reports any problem of `error` severity. Redocly warnings do
/// not fail; they are printed as a note (visible with `--nocapture` or when
/// the test fails). Also `Err` when a validator cannot be installed or run,
/// or exceeds [`VALIDATOR_TIMEOUT`].
pub fn validate_contract(json: &[u8], label: &str) -> Result<(), String> {
    ensure_installed()?;

    let dir = tempfile::Builder::new()
        .prefix("clodo-contract-")
        .tempdir()
        .map_err(|e| format!("contract {label:?}: cannot create a temp dir: {e}"))?;
    let file_name = format!("{}.json", file_stem(label));
    fs::write(dir.path().join(&file_name), json)
        .map_err(|e| format!("contract {label:?}: cannot write it to a temp file: {e}"))?;

    // The two tools are independent: run them side by side.
    let (spec, lint) = thread::scope(|s| {
        let spec = s.spawn(|| run_spec_validator(dir.path(), &file_name));
        let lint = run_redocly(dir.path(), &file_name);
        let spec = spec.join().unwrap_or_else(|_| Verdict {
            ok: false,
            report: "== openapi-spec-validator: its runner thread panicked".to_owned(),
            warnings: Vec::new(),
        });
        (spec, lint)
    });

    if spec.ok && lint.ok {
        if !lint.warnings.is_empty() {
            eprintln!(
                "note: redocly lint reported {} warning(s) for contract {label:?} (allowed):\n{}",
                lint.warnings.len(),
                lint.warnings.join("\n"),
            );
        }
        return Ok(());
    }
    Err(format!(
        "contract {label:?} failed OpenAPI validation\n\n{}\n\n{}",
        spec.report, lint.report
    ))
}

/// What one validator said.
struct Verdict {
    ok: bool,
    /// Heading plus the tool's full output.
    report: String,
    /// Redocly warnings, one line each (empty for the other tool).
    warnings: Vec<String>,
}

fn run_spec_validator(dir: &Path, file_name: &str) -> Verdict {
    let exe = tools_dir().join("venv/bin/openapi-spec-validator");
    let mut cmd = Command::new(&exe);
    cmd.args(["--validation-errors", "all", file_name])
        .current_dir(dir);
    let title = "openapi-spec-validator 0.9.0";
    match run(cmd, VALIDATOR_TIMEOUT) {
        Err(e) => Verdict {
            ok: false,
            report: format!("== {title}: could not run {}: {e}", exe.display()),
            warnings: Vec::new(),
        },
        Ok(out) => {
            let ok = out.status.success();
            let verdict = if ok { "OK" } else { "FAILED" };
            Verdict {
                ok,
                report: format!(
                    "== {title}: {verdict} ({}) ==\n{}",
                    out.status,
                    out.combined()
                ),
                warnings: Vec::new(),
            }
        }
    }
}

fn run_redocly(dir: &Path, file_name: &str) -> Verdict {
    let root = repo_root();
    let cli = tools_dir().join("node/node_modules/@redocly/cli/bin/cli.js");
    let config = root.join(".ci/redocly.yaml");
    let mut cmd = Command::new("node");
    cmd.arg(&cli)
        .arg("lint")
        .arg("--config")
        .arg(&config)
        // A broken config is an error, not a warning that silently lints with defaults.
        .args(["--lint-config", "error"])
        .args(["--format", "json", "--max-problems", "100000"])
        .arg(file_name)
        .current_dir(dir);
    let title = "redocly lint 2.77.0 (.ci/redocly.yaml)";
    let out = match run(cmd, VALIDATOR_TIMEOUT) {
        Ok(out) => out,
        Err(e) => {
            return Verdict {
                ok: false,
                report: format!("== {title}: could not run node {}: {e}", cli.display()),
                warnings: Vec::new(),
            };
        }
    };
    let log = without_node20_banner(&out.stderr);
    let parsed: Option<Value> = serde_json::from_str(&out.stdout).ok();
    let Some(problems) = parsed.as_ref().and_then(|v| v["problems"].as_array()) else {
        return Verdict {
            ok: false,
            report: format!(
                "== {title}: FAILED ({}), its JSON report could not be read ==\n{}\n{log}",
                out.status, out.stdout
            ),
            warnings: Vec::new(),
        };
    };

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for p in problems {
        let line = describe_problem(p);
        match p["severity"].as_str() {
            Some("warn" | "warning") => warnings.push(line),
            // "error" and anything unexpected count as errors.
            _ => errors.push(line),
        }
    }
    let ok = out.status.success() && errors.is_empty();
    let mut report = format!(
        "== redocly lint 2.77.0 (.ci/redocly.yaml): {} ({}): {} error(s), {} warning(s) ==\n",
        if ok { "OK" } else { "FAILED" },
        out.status,
        errors.len(),
        warnings.len()
    );
    for line in errors.iter().chain(&warnings) {
        report.push_str(line);
        report.push('\n');
    }
    report.push_str(&log);
    Verdict {
        ok,
        report,
        warnings,
    }
}

/// One redocly problem on one line: severity, rule, JSON pointer, line:col, message.
fn describe_problem(p: &Value) -> String {
    let severity = p["severity"].as_str().unwrap_or("?");
    let rule = p["ruleId"].as_str().unwrap_or("?");
    let message = p["message"].as_str().unwrap_or("");
    let loc = &p["location"][0];
    let pointer = loc["pointer"].as_str().unwrap_or("#");
    let at = match (loc["start"]["line"].as_u64(), loc["start"]["col"].as_u64()) {
        (Some(l), Some(c)) => format!(" (line {l}:{c})"),
        _ => String::new(),
    };
    format!("  {severity:<7} {rule:<28} at {pointer}{at}: {message}")
}

/// Redocly on Node 20 prints a boxed "Node.js 20 support is ending" banner on
/// every run; it says nothing about the contract, so it is left out.
fn without_node20_banner(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.contains(['║', '╔', '╚']))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// Runs `.ci/install-validators.sh` once per process; later calls reuse its result.
fn ensure_installed() -> Result<(), String> {
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            let script = repo_root().join(".ci/install-validators.sh");
            let mut cmd = Command::new("bash");
            cmd.arg(&script);
            let out = run(cmd, INSTALL_TIMEOUT)
                .map_err(|e| format!("could not run {}: {e}", script.display()))?;
            if out.status.success() {
                eprintln!("{}", out.combined().trim_end());
                Ok(())
            } else {
                Err(format!(
                    "{} failed ({}); the OpenAPI validators are not available:\n{}",
                    script.display(),
                    out.status,
                    out.combined()
                ))
            }
        })
        .clone()
}

/// The workspace root (this crate lives in `<root>/tests`).
fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

fn tools_dir() -> PathBuf {
    repo_root().join(".ci/tools")
}

/// A file name made from `label`: letters, digits, `-` and `_` kept, the rest `_`.
fn file_stem(label: &str) -> String {
    let stem: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "contract".to_owned()
    } else {
        stem
    }
}

#[derive(Debug)]
struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Output {
    fn combined(&self) -> String {
        match (self.stdout.trim().is_empty(), self.stderr.trim().is_empty()) {
            (_, true) => self.stdout.clone(),
            (true, false) => self.stderr.clone(),
            (false, false) => format!("{}\n{}", self.stdout, self.stderr),
        }
    }
}

/// Runs `cmd` with no stdin, a quiet offline-friendly environment and a time limit.
///
/// Output goes to anonymous temp files rather than pipes, so a child that
/// leaves grandchildren holding them cannot block us. On timeout the child's
/// whole process group is killed.
fn run(mut cmd: Command, timeout: Duration) -> Result<Output, String> {
    let mut stdout = tempfile::tempfile().map_err(|e| format!("temp file: {e}"))?;
    let mut stderr = tempfile::tempfile().map_err(|e| format!("temp file: {e}"))?;
    cmd.stdin(Stdio::null())
        .stdout(clone(&stdout)?)
        .stderr(clone(&stderr)?)
        .env("REDOCLY_TELEMETRY", "off")
        .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
        .env("NO_COLOR", "1")
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > timeout {
            #[cfg(unix)]
            {
                // Negative pid: the whole group (process_group(0) made the child its leader).
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
            }
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "timed out after {} s and was killed; output so far:\n{}\n{}",
                timeout.as_secs(),
                read_all(&mut stdout),
                read_all(&mut stderr)
            ));
        }
        thread::sleep(Duration::from_millis(20));
    };
    Ok(Output {
        status,
        stdout: read_all(&mut stdout),
        stderr: read_all(&mut stderr),
    })
}

fn clone(file: &File) -> Result<File, String> {
    file.try_clone().map_err(|e| format!("temp file: {e}"))
}

fn read_all(file: &mut File) -> String {
    let mut bytes = Vec::new();
    if file.seek(SeekFrom::Start(0)).is_ok() {
        let _ = file.read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_keeps_safe_characters_only() {
        assert_eq!(file_stem("bakery-orders_v1"), "bakery-orders_v1");
        assert_eq!(file_stem("a/b c.json"), "a_b_c_json");
        assert_eq!(file_stem(""), "contract");
    }

    #[test]
    fn banner_lines_are_dropped() {
        let stderr = "  ╔══╗\n  ║ Node.js 20 ║\n  ╚══╝\nvalidating x.json...\n";
        assert_eq!(without_node20_banner(stderr), "validating x.json...");
    }

    #[test]
    fn a_hanging_command_is_killed_at_the_timeout() {
        let mut cmd = Command::new("sleep");
        cmd.arg("30");
        let started = Instant::now();
        let err = run(cmd, Duration::from_millis(300)).expect_err("sleep 30 must time out");
        assert!(err.contains("timed out"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
