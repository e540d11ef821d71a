//! Child processes: one description ([`CommandLine`]) that is both printed
//! (by `--dry-run`, paths relative to the project root) and run (with a
//! timeout, output captured, credentials only ever in the environment).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One argument or environment value: plain text, or a path shown relative
/// to the project root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as is.
    Text(String),
    /// Shown relative to the project root (or `~/…`) when it is under it.
    Path(PathBuf),
}

impl Arg {
    /// The value as passed to the child.
    pub(crate) fn os(&self) -> &std::ffi::OsStr {
        match self {
            Arg::Text(t) => t.as_ref(),
            Arg::Path(p) => p.as_os_str(),
        }
    }

    fn shown(&self, root: &Path) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Path(p) => show_path(root, p),
        }
    }
}

/// `path` relative to `root` when under it, `~/…` when under the home
/// directory, else as is.
pub fn show_path(root: &Path, path: &Path) -> String {
    if let Ok(rel) = path.strip_prefix(root) {
        let s = rel.display().to_string();
        return if s.is_empty() { ".".into() } else { s };
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && let Ok(rel) = path.strip_prefix(Path::new(&home))
    {
        return format!("~/{}", rel.display());
    }
    path.display().to_string()
}

/// A command to run: program, arguments, extra environment, directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandLine {
    /// What runs.
    pub program: PathBuf,
    /// How the program is shown (`cargo` rather than the absolute `$CARGO`).
    pub shown: Option<String>,
    /// The arguments.
    pub args: Vec<Arg>,
    /// Environment variables set for the child (never credentials: those
    /// are inherited from this process's environment, never listed).
    pub env: Vec<(String, Arg)>,
    /// The working directory.
    pub cwd: PathBuf,
}

/// What a finished child said.
#[derive(Debug, Clone)]
pub struct Output {
    /// Whether it exited with 0.
    pub success: bool,
    /// Its exit code, if it exited (not killed by a signal).
    pub code: Option<i32>,
    /// Standard output (lossy UTF-8).
    pub stdout: String,
    /// Standard error (lossy UTF-8).
    pub stderr: String,
}

impl Output {
    /// stdout and stderr together, trimmed, credentials redacted.
    pub fn transcript(&self) -> String {
        let mut t = self.stdout.trim().to_owned();
        let err = self.stderr.trim();
        if !err.is_empty() {
            if !t.is_empty() {
                t.push('\n');
            }
            t.push_str(err);
        }
        if t.is_empty() {
            t = match self.code {
                Some(c) => format!("(no output; exit code {c})"),
                None => "(no output; killed by a signal)".into(),
            };
        }
        redact(&t)
    }
}

/// Why a child could not be run to its end.
#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    /// It could not be started.
    #[error("could not run {program}: {source}")]
    Spawn {
        /// The program as shown.
        program: String,
        /// The cause.
        source: std::io::Error,
    },
    /// It ran past its time and was killed.
    #[error("{program} did not finish within {} s and was stopped", .timeout.as_secs())]
    Timeout {
        /// The program as shown.
        program: String,
        /// The limit.
        timeout: Duration,
    },
}

impl CommandLine {
    /// `program` run in `cwd`.
    pub fn new(program: impl Into<PathBuf>, cwd: impl Into<PathBuf>) -> Self {
        CommandLine {
            program: program.into(),
            shown: None,
            args: Vec::new(),
            env: Vec::new(),
            cwd: cwd.into(),
        }
    }

    /// Shows the program as `name`.
    pub fn shown_as(mut self, name: &str) -> Self {
        self.shown = Some(name.to_owned());
        self
    }

    /// Adds text arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args
            .extend(args.into_iter().map(|a| Arg::Text(a.into())));
        self
    }

    /// Adds a path argument.
    pub fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.args.push(Arg::Path(path.into()));
        self
    }

    /// Sets an environment variable (text).
    pub fn env(mut self, key: &str, value: impl Into<String>) -> Self {
        self.env.push((key.to_owned(), Arg::Text(value.into())));
        self
    }

    /// Sets an environment variable to a path.
    pub fn env_path(mut self, key: &str, value: impl Into<PathBuf>) -> Self {
        self.env.push((key.to_owned(), Arg::Path(value.into())));
        self
    }

    /// The program as shown.
    pub fn program_shown(&self, root: &Path) -> String {
        self.shown
            .clone()
            .unwrap_or_else(|| show_path(root, &self.program))
    }

    /// One shell-like line: `[VAR=value ...] program args...`.
    pub fn display(&self, root: &Path) -> String {
        let mut parts: Vec<String> = self
            .env
            .iter()
            .map(|(k, v)| format!("{k}={}", quote(&v.shown(root))))
            .collect();
        parts.push(quote(&self.program_shown(root)));
        parts.extend(self.args.iter().map(|a| quote(&a.shown(root))));
        parts.join(" ")
    }

    /// Runs it to its end or until `timeout`, stdin closed, output captured.
    pub fn run(&self, timeout: Duration) -> Result<Output, ProcessError> {
        let program = self.program_shown(Path::new("/"));
        let mut cmd = Command::new(&self.program);
        cmd.args(self.args.iter().map(Arg::os))
            .current_dir(&self.cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            cmd.env(k, v.os());
        }
        let mut child = cmd.spawn().map_err(|source| ProcessError::Spawn {
            program: program.clone(),
            source,
        })?;
        let read = |pipe: Option<Box<dyn Read + Send>>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_end(&mut buf);
                }
                String::from_utf8_lossy(&buf).into_owned()
            })
        };
        let out = read(
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let err = read(
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if start.elapsed() >= timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(ProcessError::Timeout { program, timeout });
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(25)),
                Err(source) => return Err(ProcessError::Spawn { program, source }),
            }
        };
        Ok(Output {
            success: status.success(),
            code: status.code(),
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
        })
    }
}

fn quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@~+,".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Environment variables whose values are credentials: their values are
/// blanked wherever they appear in output shown to the user.
const CREDENTIAL_VARS: [&str; 5] = [
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_API_KEY",
    "CF_API_TOKEN",
    "CF_API_KEY",
    "CLOUDFLARE_EMAIL",
];

/// Blanks credentials in text a tool printed: the values of the
/// credential variables of this process's environment, and whatever
/// follows a word containing `token`, `key`, `secret`, `password` or
/// `authorization` and `=`, `:` or `Bearer`.
pub fn redact(text: &str) -> String {
    let mut out = text.to_owned();
    for var in CREDENTIAL_VARS {
        if let Ok(v) = std::env::var(var)
            && v.len() >= 4
        {
            out = out.replace(&v, "[redacted]");
        }
    }
    out.lines().map(redact_line).collect::<Vec<_>>().join("\n")
}

fn redact_line(line: &str) -> String {
    const WORDS: [&str; 6] = [
        "token",
        "key",
        "secret",
        "password",
        "authorization",
        "bearer",
    ];
    let lower = line.to_ascii_lowercase();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let bytes = line.as_bytes();
    while i < line.len() {
        let hit = WORDS.iter().find(|w| lower[i..].starts_with(*w));
        let Some(word) = hit else {
            let c = line[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
            continue;
        };
        // the word, the rest of an identifier (`api_key_id`), closing quotes
        let mut j = i + word.len();
        while j < line.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        out.push_str(&line[i..j]);
        let mut k = j;
        while k < line.len() && matches!(bytes[k], b'"' | b'\'' | b' ') {
            k += 1;
        }
        let sep = k < line.len() && matches!(bytes[k], b'=' | b':');
        if !sep && *word != "bearer" {
            i = j;
            continue;
        }
        if sep {
            k += 1;
        }
        while k < line.len() && matches!(bytes[k], b'"' | b'\'' | b' ') {
            k += 1;
        }
        let mut end = k;
        while end < line.len() && !matches!(bytes[end], b'"' | b'\'' | b' ' | b',' | b'}' | b';') {
            end += 1;
        }
        // Short values ("key: 1", "token: none") and prose stay.
        if end - k >= 16 {
            out.push_str(&line[j..k]);
            out.push_str("[redacted]");
            i = end;
        } else {
            i = j;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_token_like_values() {
        let r = redact(r#"Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345 ok"#);
        assert!(!r.contains("abcdefghijklmnop"), "{r}");
        let r = redact(r#"{"api_token": "0123456789abcdef0123456789abcdef", "name": "x"}"#);
        assert_eq!(r, r#"{"api_token": "[redacted]", "name": "x"}"#);
        let r = redact("CLOUDFLARE_API_KEY=zzzzzzzzzzzzzzzzzzzzzzzz");
        assert_eq!(r, "CLOUDFLARE_API_KEY=[redacted]");
        // Names of keys and short values are not credentials.
        assert_eq!(
            redact("missing key: SMS_API_KEY"),
            "missing key: SMS_API_KEY"
        );
        assert_eq!(
            redact("database_id = \"6f1c0a8e-0000-4000-8000-000000000001\""),
            "database_id = \"6f1c0a8e-0000-4000-8000-000000000001\""
        );
    }

    #[test]
    fn displays_relative_paths_and_quotes() {
        let root = Path::new("/p");
        let c = CommandLine::new("/p/bin/wrangler", "/p/out")
            .args(["d1", "execute", "DB", "--command"])
            .args(["select 1"])
            .path("/p/out/x")
            .env_path("DIR", "/p/target");
        assert_eq!(
            c.display(root),
            "DIR=target bin/wrangler d1 execute DB --command 'select 1' out/x"
        );
    }

    #[test]
    fn runs_with_a_timeout() {
        let c = CommandLine::new("sh", "/").args(["-c", "echo hi; echo err >&2"]);
        let o = c.run(Duration::from_secs(10)).expect("runs");
        assert!(o.success);
        assert_eq!(o.transcript(), "hi\nerr");
        let slow = CommandLine::new("sleep", "/").args(["5"]);
        let start = Instant::now();
        assert!(matches!(
            slow.run(Duration::from_millis(200)),
            Err(ProcessError::Timeout { .. })
        ));
        assert!(start.elapsed() < Duration::from_secs(3));
    }
}
