//! From TOML text to a [`DomainConfig`]: a walk over the spanned document
//! that records where every key is and collects every problem (instead of
//! stopping at the first, as a serde derive would).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::rules::{self, did_you_mean};
use super::{
    Cloudflare, ConfigProblem, Database, DomainConfig, Env, LogLevel, RateLimits, SecretNames,
    Settings,
};

type Item<'i> = Spanned<DeValue<'i>>;
type Key<'i> = Spanned<Cow<'i, str>>;

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
    "rate_limits",
];
const RATE_LIMIT_KEYS: &[&str] = &["magic_link_per_email", "magic_link_per_address", "window_secs"];
const ENV_NAMES: &[&str] = &["development", "staging", "production"];

/// Walks one document, collecting problems and key positions.
struct Walker<'a> {
    file: String,
    src: &'a str,
    problems: Vec<ConfigProblem>,
    positions: BTreeMap<String, (usize, usize)>,
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset.min(src.len())).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn a_type(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl Walker<'_> {
    fn push(&mut self, offset: usize, key: &str, message: impl Into<String>, hint: Option<String>) {
        let (line, column) = line_column(self.src, offset);
        self.problems.push(ConfigProblem {
            file: self.file.clone(),
            line,
            column,
            key: key.to_owned(),
            message: message.into(),
            hint,
        });
    }

    fn mark(&mut self, key: &str, offset: usize) {
        let at = line_column(self.src, offset);
        self.positions.entry(key.to_owned()).or_insert(at);
    }

    /// The known keys of a fixed-shape table; unknown ones are reported,
    /// with `hint` (given the key) or the list of valid keys.
    fn fields<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        prefix: &str,
        valid: &[&str],
        hint: impl Fn(&str) -> Option<String>,
    ) -> BTreeMap<&'t str, (&'t Key<'i>, &'t Item<'i>)> {
        let mut known = BTreeMap::new();
        for (k, v) in table.iter() {
            let name: &str = k.get_ref();
            let key = join(prefix, name);
            if valid.contains(&name) {
                self.mark(&key, k.span().start);
                known.insert(name, (k, v));
                continue;
            }
            let keys = rules::list(valid);
            let hint = hint(name).unwrap_or_else(|| match did_you_mean(name, valid.iter().copied()) {
                Some(d) => format!("{d} (valid keys: {keys})"),
                None => format!("valid keys: {keys}"),
            });
            let place = if prefix.is_empty() {
                "at the top level".to_owned()
            } else {
                format!("in `[{prefix}]`")
            };
            self.push(
                k.span().start,
                &key,
                format!("unknown key {place}"),
                Some(hint),
            );
        }
        known
    }

    fn wrong_type(&mut self, key: &str, item: &Item<'_>, want: &str) {
        self.push(
            item.span().start,
            key,
            format!("expected {want}, found {}", a_type(item.get_ref())),
            None,
        );
    }

    fn string(&mut self, key: &str, item: &Item<'_>) -> Option<String> {
        match item.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, item, "a string");
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, item: &Item<'_>) -> Option<bool> {
        match item.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, item, "true or false");
                None
            }
        }
    }

    fn integer(&mut self, key: &str, item: &Item<'_>, lo: u64, hi: u64) -> Option<u64> {
        let DeValue::Integer(i) = item.get_ref() else {
            self.wrong_type(key, item, &format!("a whole number from {lo} to {hi}"));
            return None;
        };
        match u64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) if (lo..=hi).contains(&n) => Some(n),
            _ => {
                self.push(
                    item.span().start,
                    key,
                    format!("out of range: must be from {lo} to {hi}"),
                    None,
                );
                None
            }
        }
    }

    fn table<'t, 'i>(&mut self, key: &str, item: &'t Item<'i>) -> Option<&'t DeTable<'i>> {
        match item.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(key, item, &format!("a table (`[{key}]`)"));
                None
            }
        }
    }

    /// An array of strings, with the offset of each; elements are marked as `key[i]`.
    fn strings(&mut self, key: &str, item: &Item<'_>) -> Vec<(String, usize)> {
        let DeValue::Array(arr) = item.get_ref() else {
            self.wrong_type(key, item, "an array of strings");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, el) in arr.iter().enumerate() {
            let at = el.span().start;
            let el_key = format!("{key}[{i}]");
            match el.get_ref() {
                DeValue::String(s) => {
                    self.mark(&el_key, at);
                    out.push((s.to_string(), at));
                }
                _ => self.wrong_type(&el_key, el, "a string"),
            }
        }
        out
    }

    /// A key of `[hostnames]` or `[databases]`: an environment name.
    fn env(&mut self, prefix: &str, k: &Key<'_>) -> Option<Env> {
        let name: &str = k.get_ref();
        let env = match name {
            "development" => Env::Development,
            "staging" => Env::Staging,
            "production" => Env::Production,
            other => {
                let suggestion = match other {
                    "dev" => Some("development"),
                    "prod" => Some("production"),
                    _ => rules::closest(other, ENV_NAMES.iter().copied()),
                };
                let hint = match suggestion {
                    Some(s) => format!(
                        "did you mean `{s}`? (environments: {})",
                        rules::list(ENV_NAMES)
                    ),
                    None => format!("environments: {}", rules::list(ENV_NAMES)),
                };
                self.push(
                    k.span().start,
                    &join(prefix, other),
                    format!("`{other}` is not an environment"),
                    Some(hint),
                );
                return None;
            }
        };
        self.mark(&join(prefix, name), k.span().start);
        Some(env)
    }

    /// Reports `check`'s complaint about `value` at `at`.
    fn rule(
        &mut self,
        key: &str,
        at: usize,
        value: &str,
        check: fn(&str) -> Result<(), String>,
    ) -> bool {
        match check(value) {
            Ok(()) => true,
            Err(m) => {
                self.push(at, key, m, None);
                false
            }
        }
    }
}

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
            w.push(at, "", format!("invalid TOML: {}", e.message().trim()), None);
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
        _ => Err(w.problems),
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
                    Some("add the D1 database name, e.g. `name = \"sweetbakery-com-staging\"`".into()),
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
    for (sub, list) in [("required", &mut out.required), ("optional", &mut out.optional)] {
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
