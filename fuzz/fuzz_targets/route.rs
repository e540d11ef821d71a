//! Route templates and path matching (clodo-sdk/src/route.rs), through
//! `clodo_sdk::fuzz_hooks::RouteTable`, the router `App` builds.
//!
//! Input: lines. `+PREFIX METHOD TEMPLATE` adds a route (a bad template or
//! a conflict must be an error, never a panic); any other line is a request
//! `METHOD PATH` (or a bare path, GET). Every match is checked against the
//! template independently: same number of segments, literals equal, one
//! decoded parameter per `{name}` segment; a 405 lists methods, sorted,
//! never the one asked for.
#![no_main]

use clodo_sdk::fuzz_hooks::{Method, RouteOutcome, RouteTable};
use libfuzzer_sys::fuzz_target;

fn method(s: &str) -> Option<Method> {
    Some(match s {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "PATCH" => Method::Patch,
        "DELETE" => Method::Delete,
        _ => return None,
    })
}

fn segments(path: &str) -> Vec<&str> {
    if path == "/" || path.is_empty() {
        Vec::new()
    } else {
        path.strip_prefix('/').unwrap_or(path).split('/').collect()
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines: Vec<&str> = text.lines().take(64).collect();
    // The templates, owned for the whole run: the table borrows them.
    let owned: Vec<(String, Method, String)> = lines
        .iter()
        .filter_map(|l| l.strip_prefix('+'))
        .filter_map(|rest| {
            let mut it = rest.splitn(3, ' ');
            let (prefix, m, path) = (it.next()?, it.next()?, it.next()?);
            Some((prefix.to_owned(), method(m)?, path.to_owned()))
        })
        .collect();
    let mut table = RouteTable::new();
    for (prefix, m, path) in &owned {
        // SAFETY: route definitions hold `&'static str` (the macro's string
        // literals). `table` is dropped at the end of this closure, before
        // `owned`, and nothing borrowed from it (the outcomes are owned
        // Strings, errors own their text) outlives it. Leaking instead would
        // grow memory by every template of every run.
        let path: &'static str =
            unsafe { std::mem::transmute::<&str, &'static str>(path.as_str()) };
        if let Err(e) = table.add(prefix, *m, path) {
            let _ = e.to_string();
        }
    }
    for line in lines.iter().filter(|l| !l.starts_with('+')) {
        let (m, path) = match line.split_once(' ') {
            Some((m, p)) => (method(m), p),
            None => (Some(Method::Get), *line),
        };
        match table.find(m, path) {
            RouteOutcome::Found { template, params } => {
                let t = segments(&template);
                let p = segments(path);
                assert_eq!(t.len(), p.len(), "{template} matched {path}");
                let mut n = 0;
                for (ts, ps) in t.iter().zip(&p) {
                    if ts.starts_with('{') && ts.ends_with('}') {
                        assert_eq!(&ts[1..ts.len() - 1], params[n].0, "{template} {path}");
                        n += 1;
                    } else {
                        assert_eq!(ts, ps, "{template} matched {path}");
                    }
                }
                assert_eq!(n, params.len(), "{template} {path} {params:?}");
            }
            RouteOutcome::MethodNotAllowed(allowed) => {
                assert!(!allowed.is_empty());
                assert!(allowed.windows(2).all(|w| w[0] < w[1]), "{allowed:?}");
                if let Some(m) = m {
                    assert!(!allowed.contains(&m.as_str()), "{m:?} {path} {allowed:?}");
                }
            }
            RouteOutcome::BadPath | RouteOutcome::NotFound => {}
        }
    }
    drop(table);
});
