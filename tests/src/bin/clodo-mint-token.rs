//! Mints a session token for the reliability harness (`.ci/conformance.sh`,
//! `.ci/reliability.sh`) with the SDK's own [`TokenKeys::mint`], so the
//! tokens are exactly what the auth layer issues.
//!
//! ```text
//! CLODO_SIGNING_KEY=... clodo-mint-token DOMAIN ROLE [SUBJECT] [TTL_SECS]
//! ```
//!
//! The key comes from the environment (never the command line, which other
//! users of the machine can read); it must be the key the server runs with
//! (`CLODO_SIGNING_KEY` of its `.dev.vars`, or the `--var` given to
//! workerd). The token is valid for `TTL_SECS` (default 3600) and prints on
//! stdout alone.

use std::process::ExitCode;

use clodo_sdk::auth::{SIGNING_KEY_SECRET, TokenKeys, User, unix_now};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (domain, role) = match args.as_slice() {
        [d, r, ..] if args.len() <= 4 => (d.as_str(), r.as_str()),
        _ => {
            eprintln!(
                "usage: {SIGNING_KEY_SECRET}=KEY clodo-mint-token DOMAIN ROLE [SUBJECT] [TTL_SECS]"
            );
            return ExitCode::from(2);
        }
    };
    let subject = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| format!("harness-{role}"));
    let ttl = match args.get(3).map(|t| t.parse::<u64>()) {
        None => 3600,
        Some(Ok(t)) => t,
        Some(Err(_)) => {
            eprintln!("clodo-mint-token: TTL_SECS must be a number of seconds");
            return ExitCode::from(2);
        }
    };
    let Some(key) = std::env::var(SIGNING_KEY_SECRET)
        .ok()
        .filter(|k| !k.is_empty())
    else {
        eprintln!("clodo-mint-token: set {SIGNING_KEY_SECRET} to the server's signing key");
        return ExitCode::from(2);
    };
    let keys = match TokenKeys::new(domain, key.as_bytes(), None) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("clodo-mint-token: {e}");
            return ExitCode::FAILURE;
        }
    };
    let user = User::new(
        subject.clone(),
        format!("{subject}@{domain}"),
        vec![role.to_owned()],
    );
    println!("{}", keys.mint(&user, unix_now(), ttl));
    ExitCode::SUCCESS
}
