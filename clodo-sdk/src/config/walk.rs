//! The walk over a spanned TOML document: typed reads of values that
//! report what is wrong at the right line and column, and remember where
//! every key is.

use std::borrow::Cow;
use std::collections::BTreeMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::rules::{self, did_you_mean};
use super::{ConfigProblem, Env};

pub(super) type Item<'i> = Spanned<DeValue<'i>>;
pub(super) type Key<'i> = Spanned<Cow<'i, str>>;

const ENV_NAMES: &[&str] = &["development", "staging", "production"];

/// Walks one document, collecting problems and key positions.
pub(super) struct Walker<'a> {
    pub(super) file: String,
    pub(super) src: &'a str,
    pub(super) problems: Vec<ConfigProblem>,
    pub(super) positions: BTreeMap<String, (usize, usize)>,
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let before = src.get(..offset.min(src.len())).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

pub(super) fn join(prefix: &str, key: &str) -> String {
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
    pub(super) fn push(
        &mut self,
        offset: usize,
        key: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
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

    pub(super) fn mark(&mut self, key: &str, offset: usize) {
        let at = line_column(self.src, offset);
        self.positions.entry(key.to_owned()).or_insert(at);
    }

    /// The known keys of a fixed-shape table; unknown ones are reported,
    /// with `hint` (given the key) or the list of valid keys.
    pub(super) fn fields<'t, 'i>(
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
            let hint =
                hint(name).unwrap_or_else(|| match did_you_mean(name, valid.iter().copied()) {
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

    pub(super) fn wrong_type(&mut self, key: &str, item: &Item<'_>, want: &str) {
        self.push(
            item.span().start,
            key,
            format!("expected {want}, found {}", a_type(item.get_ref())),
            None,
        );
    }

    pub(super) fn string(&mut self, key: &str, item: &Item<'_>) -> Option<String> {
        match item.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, item, "a string");
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, key: &str, item: &Item<'_>) -> Option<bool> {
        match item.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, item, "true or false");
                None
            }
        }
    }

    pub(super) fn integer(&mut self, key: &str, item: &Item<'_>, lo: u64, hi: u64) -> Option<u64> {
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

    pub(super) fn table<'t, 'i>(
        &mut self,
        key: &str,
        item: &'t Item<'i>,
    ) -> Option<&'t DeTable<'i>> {
        match item.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(key, item, &format!("a table (`[{key}]`)"));
                None
            }
        }
    }

    /// An array of strings, with the offset of each; elements are marked as `key[i]`.
    pub(super) fn strings(&mut self, key: &str, item: &Item<'_>) -> Vec<(String, usize)> {
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
    pub(super) fn env(&mut self, prefix: &str, k: &Key<'_>) -> Option<Env> {
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
    pub(super) fn rule(
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
