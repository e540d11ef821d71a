//! Child processes that must not outlive the command that started them
//! (the process-group helpers of [`clodo_sdk::process`], re-exported), and
//! the signals that stop `cargo clodo dev`.

pub use clodo_sdk::process::{
    group_members, own_group, signal, signal_group, stop_group, wait_exit,
};

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

/// Which stop signal arrived, if any: set by [`stop_on_signal`].
#[derive(Debug, Default)]
pub struct Stop(AtomicU8);

const INT: u8 = 2;
const TERM: u8 = 15;

impl Stop {
    /// Not stopped yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether a stop was asked for.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst) != 0
    }

    /// The signal's name for `kill` (`"INT"` or `"TERM"`), once one arrived.
    pub fn signal(&self) -> Option<&'static str> {
        match self.0.load(Ordering::SeqCst) {
            INT => Some("INT"),
            TERM => Some("TERM"),
            _ => None,
        }
    }

    /// Asks for a stop as if SIGTERM arrived (tests, callers of the library).
    pub fn request(&self) {
        let _ = self
            .0
            .compare_exchange(0, TERM, Ordering::SeqCst, Ordering::SeqCst);
    }

    fn set(&self, signal: u8) {
        let _ = self
            .0
            .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// A [`Stop`] set on the first SIGINT (Ctrl-C) or SIGTERM. If the caller has
/// not exited 20 s later, or on a second signal, the process exits with 130.
pub fn stop_on_signal() -> Arc<Stop> {
    let flag = Arc::new(Stop::new());
    let set = flag.clone();
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            #[cfg(unix)]
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
            #[cfg(not(unix))]
            let mut term: Option<()> = None;
            set.set(next_signal(&mut term).await);
            let again = next_signal(&mut term);
            let _ = tokio::time::timeout(Duration::from_secs(20), again).await;
            std::process::exit(130);
        });
    });
    flag
}

/// The next Ctrl-C (2), or SIGTERM (15) where `term` listens for it.
#[cfg(unix)]
async fn next_signal(term: &mut Option<tokio::signal::unix::Signal>) -> u8 {
    if let Some(t) = term.as_mut() {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => INT,
            _ = t.recv() => TERM,
        }
    } else {
        let _ = tokio::signal::ctrl_c().await;
        INT
    }
}

/// The next Ctrl-C.
#[cfg(not(unix))]
async fn next_signal(_: &mut Option<()>) -> u8 {
    let _ = tokio::signal::ctrl_c().await;
    INT
}
