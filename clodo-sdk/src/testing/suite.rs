//! One HTTP test suite, two targets: the same assertions against the native
//! server ([`TestServer`]) and against the crate's Worker on workerd with
//! local D1 ([`WorkerdServer`]).
//!
//! ```ignore
//! use clodo_sdk::testing::suite::{Server, Target};
//!
//! async fn menu_is_public(target: Target) {
//!     let Some(s) = Server::start(target, my_block::app, "my-block").await else { return };
//!     // ... requests against s.url("/menu") ...
//! }
//! clodo_sdk::on_both_targets!(menu_is_public);
//! ```
//!
//! When the Workers toolchain is missing, [`Server::start`] with
//! [`Target::Workerd`] panics if `CI=true` (a missing toolchain must fail CI,
//! never skip silently) and otherwise returns `None`, so the test passes as
//! skipped locally; each skip prints a `SKIPPED workerd::name` line, with
//! how to install the tools, that a plain `cargo test` shows.

use crate::app::App;
use crate::auth::{TokenKeys, User, unix_now};
use crate::testing::workerd::{WorkerdError, WorkerdServer};
use crate::testing::{TEST_SIGNING_KEY, TestServer};

/// Where a test runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The native server with SQLite.
    Native,
    /// The Worker (wasm32) on workerd with local D1.
    Workerd,
}

/// The domain every suite server serves.
pub const SUITE_DOMAIN: &str = "test.localhost";

enum Inner {
    Native(TestServer),
    Workerd(WorkerdServer),
}

/// A running server of either target.
pub struct Server {
    inner: Inner,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("target", &self.target())
            .field("base", &self.url(""))
            .finish()
    }
}

/// Reports a skipped workerd test where a plain `cargo test` shows it: the
/// test harness captures `eprintln!`, not writes to the stderr handle, so
/// this line appears in the run's output without `--nocapture`. The reason
/// is given once per test binary.
fn note_skipped(reason: &str) {
    use std::io::Write as _;
    static REASON_SHOWN: std::sync::Once = std::sync::Once::new();
    let test = std::thread::current()
        .name()
        .unwrap_or("a workerd test")
        .to_owned();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "SKIPPED {test}: the Workers tools are missing, so this half did not run (under CI=true it fails)"
    );
    REASON_SHOWN.call_once(|| {
        let _ = writeln!(err, "SKIPPED because {reason}");
    });
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

impl Server {
    /// Starts `app` natively, or `package`'s Worker on workerd, for
    /// [`SUITE_DOMAIN`] with [`TEST_SIGNING_KEY`]. `None`: the Workers
    /// toolchain is missing outside CI (the reason is printed).
    ///
    /// # Panics
    /// When the server cannot start, and on a missing toolchain under `CI=true`.
    pub async fn start(target: Target, app: fn() -> App, package: &str) -> Option<Self> {
        match target {
            Target::Native => {
                let s = TestServer::start_for(app(), SUITE_DOMAIN)
                    .await
                    .unwrap_or_else(|e| panic!("the native server did not start: {e}"));
                Some(Self {
                    inner: Inner::Native(s),
                })
            }
            Target::Workerd => {
                let package = package.to_owned();
                let started = tokio::task::spawn_blocking(move || {
                    WorkerdServer::start(&package, SUITE_DOMAIN, TEST_SIGNING_KEY, &[])
                })
                .await
                .unwrap_or_else(|e| panic!("starting workerd panicked: {e}"));
                match started {
                    Ok(s) => Some(Self {
                        inner: Inner::Workerd(s),
                    }),
                    Err(WorkerdError::ToolsMissing(msg)) if !in_ci() => {
                        note_skipped(&msg);
                        None
                    }
                    Err(WorkerdError::ToolsMissing(msg)) => panic!(
                        "CI=true and the Workers toolchain is missing, so the workerd half of \
                         the HTTP suite cannot run: {msg}"
                    ),
                    Err(e) => panic!("the Worker did not start on workerd: {e}"),
                }
            }
        }
    }

    /// Which target this is.
    pub fn target(&self) -> Target {
        match self.inner {
            Inner::Native(_) => Target::Native,
            Inner::Workerd(_) => Target::Workerd,
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        match &self.inner {
            Inner::Native(s) => s.url(path),
            Inner::Workerd(s) => s.url(path),
        }
    }

    /// The domain served.
    pub fn domain(&self) -> &str {
        match &self.inner {
            Inner::Native(s) => s.domain(),
            Inner::Workerd(s) => s.domain(),
        }
    }

    /// The domain's token keys.
    pub fn keys(&self) -> &TokenKeys {
        match &self.inner {
            Inner::Native(s) => s.keys(),
            Inner::Workerd(s) => s.keys(),
        }
    }

    /// A valid one-hour session token for `user`.
    pub fn token(&self, user: &User) -> String {
        self.keys().mint(user, unix_now(), 3600)
    }

    /// A token for `user` that expired a minute ago.
    pub fn expired_token(&self, user: &User) -> String {
        self.keys().mint(user, unix_now() - 3660, 3600)
    }

    /// The dev mailer's messages so far, oldest first: the native outbox
    /// folder, or the Worker's `_clodo_dev_outbox` table in D1.
    pub async fn outbox(&self) -> Vec<serde_json::Value> {
        match &self.inner {
            Inner::Native(s) => {
                let dir = s.domain_dir().join("outbox");
                let mut files: Vec<_> = std::fs::read_dir(&dir)
                    .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
                    .unwrap_or_default();
                files.sort();
                files
                    .iter()
                    .filter_map(|f| std::fs::read(f).ok())
                    .filter_map(|b| serde_json::from_slice(&b).ok())
                    .collect()
            }
            Inner::Workerd(s) => {
                let addr = s.url("");
                // The control endpoint is blocking; keep the runtime free.
                let msgs = tokio::task::block_in_place(|| s.outbox());
                msgs.unwrap_or_else(|e| panic!("reading the outbox of {addr}: {e}"))
            }
        }
    }

    /// The token of the newest sign-in link mailed to `email`.
    pub async fn magic_link_token(&self, email: &str) -> String {
        let msgs = self.outbox().await;
        let link = msgs
            .iter()
            .rev()
            .find(|m| m["to"] == email)
            .and_then(|m| m["link"].as_str())
            .unwrap_or_else(|| panic!("no message to {email} in the outbox: {msgs:?}"));
        link.split("token=")
            .nth(1)
            .unwrap_or_else(|| panic!("no token in link {link}"))
            .to_owned()
    }

    /// Stops the server.
    pub async fn stop(self) {
        match self.inner {
            Inner::Native(s) => s.stop().await,
            Inner::Workerd(s) => drop(s),
        }
    }
}

/// Declares `#[tokio::test]`s running each listed `async fn name(Target)` on
/// both targets, as `native::name` and `workerd::name`.
#[macro_export]
macro_rules! on_both_targets {
    ($($name:ident),+ $(,)?) => {
        mod native {
            $(
                #[::tokio::test(flavor = "multi_thread")]
                async fn $name() {
                    super::$name($crate::testing::suite::Target::Native).await
                }
            )+
        }
        mod workerd {
            $(
                #[::tokio::test(flavor = "multi_thread")]
                async fn $name() {
                    super::$name($crate::testing::suite::Target::Workerd).await
                }
            )+
        }
    };
}
