//! Child processes that must not outlive the command or test that started
//! them: a server such as `node serve.mjs` starts children of its own
//! (workerd), and killing its pid leaves them running. So such servers are
//! spawned in a process group of their own ([`own_group`]: the child's pid
//! is the group's id) and stopped by signalling the whole group
//! ([`stop_group`]: SIGTERM, a grace period, then SIGKILL), after which
//! [`group_members`] is empty. Signals are sent with the `kill` program (the
//! workspace forbids `unsafe`, and this needs no extra dependency).
//!
//! Used by the test harness ([`crate::testing::workerd`]) and by `cargo
//! clodo` (`dev`, `dev --workerd`).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Makes `cmd` start a process group of its own, whose id is the child's
/// pid (on Unix; elsewhere nothing changes). A terminal's Ctrl-C then no
/// longer reaches it: the parent must stop it ([`stop_group`]).
pub fn own_group(cmd: &mut Command) -> &mut Command {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    cmd
}

fn kill(args: &[&str]) -> bool {
    Command::new("kill")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Sends `signal` (`"TERM"`, `"INT"`, `"KILL"`) to the process `pid`;
/// whether it was delivered.
pub fn signal(pid: u32, signal: &str) -> bool {
    kill(&[&format!("-{signal}"), &pid.to_string()])
}

/// Sends `signal` to every process of the group `pgid`; whether any got it.
pub fn signal_group(pgid: u32, signal: &str) -> bool {
    kill(&[&format!("-{signal}"), "--", &format!("-{pgid}")])
}

/// The live (not zombie) processes of the group `pgid`, from `/proc`
/// (Linux). Elsewhere: the group leader's pid while `kill -0` reaches the
/// group, else nothing.
pub fn group_members(pgid: u32) -> Vec<u32> {
    let proc = Path::new("/proc");
    if !proc.join("self/stat").is_file() {
        return if kill(&["-0", "--", &format!("-{pgid}")]) {
            vec![pgid]
        } else {
            Vec::new()
        };
    }
    let Ok(entries) = std::fs::read_dir(proc) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(proc.join(pid.to_string()).join("stat"))
                .ok()
                .and_then(|stat| parse_stat(&stat))
                .is_some_and(|(state, group)| group == pgid && state != 'Z' && state != 'X')
        })
        .collect()
}

/// (state, process group) of a `/proc/<pid>/stat` line.
fn parse_stat(stat: &str) -> Option<(char, u32)> {
    // "pid (comm) S ppid pgrp ...": comm may hold spaces and parentheses.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let _ppid = fields.next()?;
    Some((state, fields.next()?.parse().ok()?))
}

/// Waits up to `limit` for `child` to exit (reaping it); whether it did.
pub fn wait_exit(child: &mut Child, limit: Duration) -> bool {
    let start = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        if start.elapsed() >= limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn wait_group_empty(pgid: u32, limit: Duration) -> bool {
    let start = Instant::now();
    loop {
        if group_members(pgid).is_empty() {
            return true;
        }
        if start.elapsed() >= limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Stops `child`, which leads its own process group ([`own_group`]), and
/// everything in that group: SIGTERM to the group, up to `grace` for all of
/// them to exit, then SIGKILL to the group. Returns once the child is reaped
/// and (bounded by another `grace`) nothing of the group is left.
pub fn stop_group(child: &mut Child, grace: Duration) {
    let pgid = child.id();
    if !(wait_exit(child, Duration::ZERO) && group_members(pgid).is_empty()) {
        signal_group(pgid, "TERM");
        let start = Instant::now();
        let exited = wait_exit(child, grace);
        let left = grace.saturating_sub(start.elapsed());
        if !(exited && wait_group_empty(pgid, left)) {
            signal_group(pgid, "KILL");
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    wait_group_empty(pgid, grace);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_state_and_group_from_stat() {
        assert_eq!(
            parse_stat("123 (node (x) y) S 1 456 456 0 -1"),
            Some(('S', 456))
        );
        assert_eq!(parse_stat("garbage"), None);
    }

    #[cfg(unix)]
    #[test]
    fn stopping_a_group_stops_its_grandchildren() {
        // sh starts a grandchild (sleep) and waits; killing sh alone would leave it.
        let mut c = Command::new("sh");
        c.args(["-c", "sleep 300 & wait"]);
        let mut child = own_group(&mut c).spawn().expect("sh starts");
        let pgid = child.id();
        let start = Instant::now();
        while group_members(pgid).len() < 2 {
            assert!(start.elapsed() < Duration::from_secs(10), "sleep started");
            std::thread::sleep(Duration::from_millis(20));
        }
        stop_group(&mut child, Duration::from_secs(5));
        assert!(group_members(pgid).is_empty(), "{:?}", group_members(pgid));
    }
}
