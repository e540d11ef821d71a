//! From TOML text to a [`DomainConfig`]: a walk over the spanned document
//! that records where every key is and collects every problem (instead of
//! stopping at the first, as a serde derive would).

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use toml::de::DeTable;

use super::rules;
use super::walk::{Item, Key, Walker, join};
use super::{
    Cloudflare, ConfigProblem, Database, DomainConfig, Env, LogLevel, RateLimits, SecretNames,
    Settings,
};

pub(super) const TOP_KEYS: &[&str] = &[
    "name",
    "display_name",
    "cloudflare",
    "hostnames",
    "features",
    "blocks",
    "databases",
    "secrets",
    "settings",
];
const CLOUDFLARE_KEYS: &[&str] = &["account_id", "zone_id"];
const DATABASE_KEYS: &[&str] = &["name", "id"];
const SECRETS_KEYS: &[&str] = &["required", "optional"];
const SETTINGS_KEYS: &[&str] = &[
    "cors_origins",
    "log_level",
    "access_token_ttl_secs",
    "refresh_token_ttl_secs",
    "magic_link_ttl_secs",
    "sign_in_url",
    "rate_limits",
];
const RATE_LIMIT_KEYS: &[&str] = &[
    "magic_link_per_email",
    "magic_link_per_address",
    "window_secs",
];

/// Parses and validates one file.
pub(super) fn parse(file: &Path, src: &str) -> Result<DomainConfig, Vec<ConfigProblem>> {
    let mut w = Walker {
        file: file.display().to_string(),
        src,
        problems: Vec::new(),
        positions: BTreeMap::new(),
    };
    let (doc, errors) = DeTable::parse_recoverable(src);
    if !errors.is_empty() {
        for e in errors {
            let at = e.span().map_or(0, |s| s.start);
            w.push(
                at,
                "",
                format!("invalid TOML: {}", e.message().trim()),
                None,
            );
        }
        return Err(w.problems);
    }
    let root = doc.get_ref();
    let f = w.fields(root, "", TOP_KEYS, |_| None);

    let mut name = None;
    match f.get("name") {
        Some((_, item)) => {
            if let Some(n) = w.string("name", item) {
                let at = item.span().start;
                if w.rule("name", at, &n, rules::host) {
                    check_stem(&mut w, file, &n, at);
                }
                name = Some(n);
            }
        }
        None => w.push(
            0,
            "name",
            "missing `name`: the domain this file configures",
            Some(format!(
                "add a first line like `name = {:?}`",
                stem(file).unwrap_or("sweetbakery.com")
            )),
        ),
    }

    let display_name = f.get("display_name").and_then(|(_, item)| {
        let s = w.string("display_name", item)?;
        if s.trim().is_empty() || s.chars().count() > 100 || s.chars().any(char::is_control) {
            w.push(
                item.span().start,
                "display_name",
                "a display name is 1 to 100 characters, without control characters",
                None,
            );
        }
        Some(s)
    });

    let cloudflare = f
        .get("cloudflare")
        .and_then(|(k, item)| cloudflare(&mut w, k, item));
    let hostnames = f
        .get("hostnames")
        .map(|(_, item)| hostnames(&mut w, item))
        .unwrap_or_default();
    let features = f
        .get("features")
        .map(|(_, item)| features(&mut w, item))
        .unwrap_or_default();
    let blocks = f.get("blocks").map(|(_, item)| blocks(&mut w, item));
    let databases = f
        .get("databases")
        .map(|(_, item)| databases(&mut w, item))
        .unwrap_or_default();
    let secrets = f
        .get("secrets")
        .map(|(_, item)| secrets(&mut w, item))
        .unwrap_or_default();
    let settings = f
        .get("settings")
        .map(|(_, item)| settings(&mut w, item))
        .unwrap_or_default();

    match name {
        Some(name) if w.problems.is_empty() => Ok(DomainConfig {
            name,
            display_name,
            cloudflare,
            hostnames,
            features,
            blocks,
            databases,
            secrets,
            settings,
            file: file.to_path_buf(),
            positions: w.positions,
        }),
        _ => {
            w.problems.sort_by_key(|p| (p.line, p.column));
            Err(w.problems)
        }
    }
}

fn stem(file: &Path) -> Option<&str> {
    file.file_name()?.to_str()?.strip_suffix(".toml")
}

fn check_stem(w: &mut Walker<'_>, file: &Path, name: &str, at: usize) {
    if let Some(stem) = stem(file)
        && stem != name
    {
        w.push(
            at,
            "name",
            format!("the file is {stem}.toml but `name` is {name:?}: they must match"),
            Some(format!(
                "rename the file to {name}.toml, or set `name = {stem:?}`"
            )),
        );
    }
}

fn cloudflare(w: &mut Walker<'_>, k: &Key<'_>, item: &Item<'_>) -> Option<Cloudflare> {
    let t = w.table("cloudflare", item)?;
    let f = w.fields(t, "cloudflare", CLOUDFLARE_KEYS, |_| None);
    let id = |w: &mut Walker<'_>, sub: &str| {
        let (_, item) = f.get(sub)?;
        let key = format!("cloudflare.{sub}");
        let s = w.string(&key, item)?;
        w.rule(&key, item.span().start, &s, rules::hex32)
            .then_some(s)
    };
    let account_id = id(w, "account_id");
    let zone_id = id(w, "zone_id");
    if !f.contains_key("account_id") {
        w.push(
            k.span().start,
            "cloudflare.account_id",
            "missing `account_id` in `[cloudflare]`",
            Some("add `account_id = \"<32 hex characters>\"`, or remove `[cloudflare]` until you deploy".into()),
        );
    }
    Some(Cloudflare {
        account_id: account_id?,
        zone_id,
    })
}

fn hostnames(w: &mut Walker<'_>, item: &Item<'_>) -> BTreeMap<Env, Vec<String>> {
    let mut out = BTreeMap::new();
    let Some(t) = w.table("hostnames", item) else {
        return out;
    };
    for (k, v) in t.iter() {
        let Some(env) = w.env("hostnames", k) else {
            continue;
        };
        let key = format!("hostnames.{env}");
        let mut list: Vec<String> = Vec::new();
        for (i, (host, at)) in w.strings(&key, v).into_iter().enumerate() {
            let el_key = format!("{key}[{i}]");
            if !w.rule(&el_key, at, &host, rules::host) {
                continue;
            }
            if list.contains(&host) {
                w.push(at, &el_key, format!("{host:?} is listed twice"), None);
                continue;
            }
            list.push(host);
        }
        out.insert(env, list);
    }
    out
}

fn features(w: &mut Walker<'_>, item: &Item<'_>) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    let Some(t) = w.table("features", item) else {
        return out;
    };
    for (k, v) in t.iter() {
        let name: &str = k.get_ref();
        let key = join("features", name);
        w.mark(&key, k.span().start);
        let ok = w.rule(&key, k.span().start, name, rules::flag);
        if let Some(b) = w.boolean(&key, v)
            && ok
        {
            out.insert(name.to_owned(), b);
        }
    }
    out
}

fn blocks(w: &mut Walker<'_>, item: &Item<'_>) -> IndexMap<String, String> {
    let mut out = IndexMap::new();
    let Some(t) = w.table("blocks", item) else {
        return out;
    };
    for (k, v) in t.iter() {
        let name: &str = k.get_ref();
        let key = join("blocks", name);
        w.mark(&key, k.span().start);
        let ok = w.rule(&key, k.span().start, name, rules::block_name);
        let Some(prefix) = w.string(&key, v) else {
            continue;
        };
        if w.rule(&key, v.span().start, &prefix, rules::prefix) && ok {
            out.insert(name.to_owned(), prefix);
        }
    }
    out
}

fn databases(w: &mut Walker<'_>, item: &Item<'_>) -> BTreeMap<Env, Database> {
    let mut out: BTreeMap<Env, Database> = BTreeMap::new();
    let Some(t) = w.table("databases", item) else {
        return out;
    };
    for (k, v) in t.iter() {
        let Some(env) = w.env("databases", k) else {
            continue;
        };
        let key = format!("databases.{env}");
        let Some(dt) = w.table(&key, v) else {
            continue;
        };
        let f = w.fields(dt, &key, DATABASE_KEYS, |_| None);
        let name = match f.get("name") {
            Some((_, item)) => {
                let nkey = format!("{key}.name");
                w.string(&nkey, item).and_then(|n| {
                    if !w.rule(&nkey, item.span().start, &n, rules::d1_name) {
                        return None;
                    }
                    if let Some((other, _)) = out.iter().find(|(_, d)| d.name == n) {
                        w.push(
                            item.span().start,
                            &nkey,
                            format!("{n:?} is also the database of `databases.{other}`"),
                            Some(
                                "give each environment its own database, e.g. \
                                 \"<domain>-staging\" and \"<domain>-production\""
                                    .into(),
                            ),
                        );
                    }
                    Some(n)
                })
            }
            None => {
                w.push(
                    k.span().start,
                    &format!("{key}.name"),
                    format!("missing `name` in `[{key}]`"),
                    Some(
                        "add the D1 database name, e.g. `name = \"sweetbakery-com-staging\"`"
                            .into(),
                    ),
                );
                None
            }
        };
        let id = f.get("id").and_then(|(_, item)| {
            let ikey = format!("{key}.id");
            let s = w.string(&ikey, item)?;
            w.rule(&ikey, item.span().start, &s, rules::uuid)
                .then_some(s)
        });
        if let Some(name) = name {
            out.insert(env, Database { name, id });
        }
    }
    out
}

fn secrets(w: &mut Walker<'_>, item: &Item<'_>) -> SecretNames {
    let mut out = SecretNames::default();
    let Some(t) = w.table("secrets", item) else {
        return out;
    };
    let f = w.fields(t, "secrets", SECRETS_KEYS, |key| {
        if rules::closest(key, SECRETS_KEYS.iter().copied()).is_some() {
            return None;
        }
        let name = if rules::secret_name(key).is_ok() {
            key
        } else {
            "NAME"
        };
        Some(format!(
            "`[secrets]` holds names only, never values: write `required = [\"{name}\"]` \
             (or `optional`), and put the value in the environment, in `.dev.vars` locally, \
             or `wrangler secret put {name}` for a Worker"
        ))
    });
    let mut seen: Vec<String> = Vec::new();
    for (sub, list) in [
        ("required", &mut out.required),
        ("optional", &mut out.optional),
    ] {
        let Some((_, item)) = f.get(sub) else {
            continue;
        };
        let key = format!("secrets.{sub}");
        for (i, (name, at)) in w.strings(&key, item).into_iter().enumerate() {
            let el_key = format!("{key}[{i}]");
            if !w.rule(&el_key, at, &name, rules::secret_name) {
                continue;
            }
            if seen.contains(&name) {
                w.push(
                    at,
                    &el_key,
                    format!("{name:?} is named twice in `[secrets]`"),
                    Some("name each secret once, in `required` or in `optional`".into()),
                );
                continue;
            }
            seen.push(name.clone());
            list.push(name);
        }
    }
    out
}

fn settings(w: &mut Walker<'_>, item: &Item<'_>) -> Settings {
    let mut out = Settings::default();
    let Some(t) = w.table("settings", item) else {
        return out;
    };
    let f = w.fields(t, "settings", SETTINGS_KEYS, |_| None);
    if let Some((_, item)) = f.get("cors_origins") {
        let key = "settings.cors_origins";
        for (i, (origin, at)) in w.strings(key, item).into_iter().enumerate() {
            if w.rule(&format!("{key}[{i}]"), at, &origin, rules::origin) {
                out.cors_origins.push(origin);
            }
        }
    }
    if let Some((_, item)) = f.get("log_level") {
        let key = "settings.log_level";
        if let Some(s) = w.string(key, item) {
            out.log_level = LogLevel::ALL.into_iter().find(|l| l.as_str() == s);
            if out.log_level.is_none() {
                let names: Vec<&str> = LogLevel::ALL.iter().map(|l| l.as_str()).collect();
                w.push(
                    item.span().start,
                    key,
                    format!("{s:?} is not a log level"),
                    Some(format!("use one of {}", rules::list(&names))),
                );
            }
        }
    }
    let ttl = |w: &mut Walker<'_>, sub: &str, lo: u64, hi: u64| {
        let (_, item) = f.get(sub)?;
        w.integer(&format!("settings.{sub}"), item, lo, hi)
    };
    out.access_token_ttl_secs = ttl(w, "access_token_ttl_secs", 60, 86_400);
    out.refresh_token_ttl_secs = ttl(w, "refresh_token_ttl_secs", 3_600, 31_536_000);
    out.magic_link_ttl_secs = ttl(w, "magic_link_ttl_secs", 60, 86_400);
    if let Some((_, item)) = f.get("sign_in_url") {
        let key = "settings.sign_in_url";
        if let Some(url) = w.string(key, item)
            && w.rule(key, item.span().start, &url, rules::page_url)
        {
            out.sign_in_url = Some(url);
        }
    }
    if let Some((_, item)) = f.get("rate_limits")
        && let Some(rt) = w.table("settings.rate_limits", item)
    {
        let prefix = "settings.rate_limits";
        let rf = w.fields(rt, prefix, RATE_LIMIT_KEYS, |_| None);
        let get = |w: &mut Walker<'_>, sub: &str, hi: u64| {
            let (_, item) = rf.get(sub)?;
            w.integer(&format!("{prefix}.{sub}"), item, 1, hi)
        };
        let per_email = get(w, "magic_link_per_email", 10_000);
        let per_address = get(w, "magic_link_per_address", 10_000);
        let window = get(w, "window_secs", 86_400);
        out.rate_limits = RateLimits {
            magic_link_per_email: per_email.and_then(|n| u32::try_from(n).ok()),
            magic_link_per_address: per_address.and_then(|n| u32::try_from(n).ok()),
            window_secs: window,
        };
    }
    out
}
