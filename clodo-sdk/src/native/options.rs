//! Limits and timeouts of the native HTTP server, with their `CLODO_*`
//! environment variables.

use std::time::Duration;

use crate::app::StartError;

/// Default [`ServerOptions::header_read_timeout`].
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Default [`ServerOptions::keep_alive_timeout`].
pub const DEFAULT_KEEP_ALIVE_TIMEOUT: Duration = Duration::from_secs(5);
/// Default [`ServerOptions::idle_timeout`].
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Default [`ServerOptions::max_connections`].
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;
/// Default [`ServerOptions::drain_timeout`].
pub const DEFAULT_DRAIN_TIMEOUT: Duration = Duration::from_secs(10);
/// `Retry-After` (seconds) of the 503 a connection over the cap gets.
pub const OVERLOAD_RETRY_AFTER_SECS: u64 = 1;

/// How the native server guards its connections. Every field has an
/// environment variable ([`ServerOptions::from_env`]); durations there are
/// seconds, decimals allowed (`0.5`).
///
/// Over the connection cap the server still accepts, answers the request
/// `503 Service Unavailable` with `Retry-After` (problem+json) and closes the
/// connection, so a client learns to come back instead of hanging in the
/// listen queue. Those answers have their own small allowance
/// ([`ServerOptions::max_connections`] / 8, at least 8); past it too, a new
/// connection is closed at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerOptions {
    /// Longest time to receive a request's complete head (request line and
    /// headers) once the server waits for one; a client that sends half its
    /// headers (slowloris) is disconnected after it. `CLODO_HEADER_READ_TIMEOUT_SECS`, default 10.
    pub header_read_timeout: Duration,
    /// How long a connection may stay open with no request in flight after
    /// its last response; zero turns keep-alive off (one request per
    /// connection). The wait for the next request also counts against
    /// [`ServerOptions::header_read_timeout`] (hyper starts that clock as
    /// soon as it waits for a head), so only a shorter keep-alive matters.
    /// `CLODO_KEEP_ALIVE_TIMEOUT_SECS`, default 5.
    pub keep_alive_timeout: Duration,
    /// Longest pause while reading a request body: a body that stalls this
    /// long is answered 408 and the connection closed.
    /// `CLODO_IDLE_TIMEOUT_SECS`, default 30.
    pub idle_timeout: Duration,
    /// Connections served at once. `CLODO_MAX_CONNECTIONS`, default 1024.
    pub max_connections: usize,
    /// On shutdown (Ctrl-C, SIGTERM), how long requests in flight may take to
    /// finish before their connections are cut. `CLODO_DRAIN_TIMEOUT_SECS`, default 10.
    pub drain_timeout: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            keep_alive_timeout: DEFAULT_KEEP_ALIVE_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            drain_timeout: DEFAULT_DRAIN_TIMEOUT,
        }
    }
}

impl ServerOptions {
    /// Reads the `CLODO_*` variables named on each field; unset ones keep their default.
    pub fn from_env() -> Result<Self, StartError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// As [`ServerOptions::from_env`], with variables from `get`.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, StartError> {
        let d = Self::default();
        let secs = |name: &str, default: Duration, zero_ok: bool| match get(name) {
            None => Ok(default),
            Some(v) => parse_secs(name, &v, zero_ok),
        };
        let max_connections = match get("CLODO_MAX_CONNECTIONS") {
            None => d.max_connections,
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    StartError::Config(format!(
                        "CLODO_MAX_CONNECTIONS must be a whole number of at least 1, got {v:?}"
                    ))
                })?,
        };
        Ok(Self {
            header_read_timeout: secs(
                "CLODO_HEADER_READ_TIMEOUT_SECS",
                d.header_read_timeout,
                false,
            )?,
            keep_alive_timeout: secs("CLODO_KEEP_ALIVE_TIMEOUT_SECS", d.keep_alive_timeout, true)?,
            idle_timeout: secs("CLODO_IDLE_TIMEOUT_SECS", d.idle_timeout, false)?,
            max_connections,
            drain_timeout: secs("CLODO_DRAIN_TIMEOUT_SECS", d.drain_timeout, true)?,
        })
    }

    /// Connections answered 503 at once beyond [`ServerOptions::max_connections`].
    pub(crate) fn overflow_connections(&self) -> usize {
        (self.max_connections / 8).max(8)
    }
}

/// Seconds (decimals allowed) as a duration; zero only where `zero_ok`.
pub(crate) fn parse_secs(name: &str, raw: &str, zero_ok: bool) -> Result<Duration, StartError> {
    raw.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 86_400.0 && (zero_ok || *s > 0.0))
        .map(Duration::from_secs_f64)
        .ok_or_else(|| {
            let least = if zero_ok { "0" } else { "more than 0" };
            StartError::Config(format!(
                "{name} must be a number of seconds, {least} and at most 86400, got {raw:?}"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_come_from_the_environment() {
        let vars = [
            ("CLODO_HEADER_READ_TIMEOUT_SECS", "0.5"),
            ("CLODO_KEEP_ALIVE_TIMEOUT_SECS", "0"),
            ("CLODO_MAX_CONNECTIONS", "3"),
        ];
        let get = |n: &str| {
            vars.iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| (*v).to_owned())
        };
        let o = ServerOptions::from_lookup(get).unwrap();
        assert_eq!(o.header_read_timeout, Duration::from_millis(500));
        assert_eq!(o.keep_alive_timeout, Duration::ZERO);
        assert_eq!(o.max_connections, 3);
        assert_eq!(o.idle_timeout, DEFAULT_IDLE_TIMEOUT);
        assert_eq!(o.overflow_connections(), 8);

        let bad = |k: &'static str, v: &'static str| {
            ServerOptions::from_lookup(move |n: &str| (n == k).then(|| v.to_owned()))
                .unwrap_err()
                .to_string()
        };
        assert!(bad("CLODO_HEADER_READ_TIMEOUT_SECS", "0").contains("more than 0"));
        assert!(bad("CLODO_DRAIN_TIMEOUT_SECS", "soon").contains("CLODO_DRAIN_TIMEOUT_SECS"));
        assert!(bad("CLODO_MAX_CONNECTIONS", "0").contains("at least 1"));
    }
}
