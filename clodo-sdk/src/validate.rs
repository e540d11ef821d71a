//! One declaration, both the contract and the check: the schema a type's
//! `JsonSchema` gives (the one the contract serves) is also what requests
//! are checked against when `Path`, `Query` and `Json` extract them.
//!
//! Declare rules with schemars attributes:
//!
//! ```
//! #[derive(serde::Deserialize, schemars::JsonSchema)]
//! struct NewLine {
//!     /// 1 to 100.
//!     #[schemars(range(min = 1, max = 100))]
//!     quantity: u32,
//!     #[schemars(length(min = 1, max = 50), inner(regex(pattern = r"^[a-z]+$")))]
//!     tags: Vec<String>,
//!     #[schemars(email, length(max = 254))]
//!     email: String,
//! }
//! ```
//!
//! The subset checked (everything else is documentation only): `minimum`,
//! `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`,
//! `maxLength` (in characters), `minItems`, `maxItems`, `pattern` (an
//! unanchored search, as in JSON Schema), `enum`, and the formats `email`
//! and `date` (`YYYY-MM-DD`), through `$ref`, `properties`,
//! `additionalProperties`, `items`, `allOf`, `anyOf` and `oneOf`. Types and
//! required fields are serde's to check, before. Every `int64` and `uint64`
//! schema gets the bounds ±(2^53 − 1) ([`SafeIntegers`]), the range D1
//! stores, so those are declared and checked too.
//!
//! Bodies that break a rule answer 422 and parameters 400, each listing
//! every field and what is wrong with it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use schemars::JsonSchema;
use serde_json::Value as J;

use crate::db::MAX_SAFE_INTEGER;
use crate::error::FieldError;

/// A schemars transform: integers of format `int64` and `uint64` get the
/// bounds ±(2^53 − 1) where the type declares none narrower.
#[derive(Debug, Clone, Copy, Default)]
pub struct SafeIntegers;

impl schemars::transform::Transform for SafeIntegers {
    fn transform(&mut self, schema: &mut schemars::Schema) {
        schemars::transform::transform_subschemas(self, schema);
        let Some(o) = schema.as_object_mut() else {
            return;
        };
        let wide = matches!(
            o.get("format").and_then(J::as_str),
            Some("int64" | "uint64")
        );
        if !wide || o.get("type").and_then(J::as_str) != Some("integer") {
            return;
        }
        o.entry("minimum").or_insert(J::from(-MAX_SAFE_INTEGER));
        let max = o.entry("maximum").or_insert(J::from(MAX_SAFE_INTEGER));
        if max.as_f64().is_some_and(|m| m > MAX_SAFE_INTEGER as f64) {
            *max = J::from(MAX_SAFE_INTEGER);
        }
    }
}

/// The rules of one type: its root schema (definitions included) and the
/// compiled patterns.
#[derive(Debug)]
pub(crate) struct Checker {
    root: J,
    patterns: HashMap<String, regex_lite::Regex>,
    /// A pattern the regex engine cannot compile: a declaration bug.
    broken: Option<String>,
    /// Whether any rule is declared at all (if not, checking is skipped).
    pub(crate) has_rules: bool,
}

const RULES: [&str; 11] = [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "pattern",
    "enum",
    "format",
];

fn collect(
    v: &J,
    patterns: &mut HashMap<String, regex_lite::Regex>,
    broken: &mut Option<String>,
) -> bool {
    match v {
        J::Object(o) => {
            let mut any = false;
            for (k, sub) in o {
                if RULES.contains(&k.as_str()) && (k != "format" || is_checked_format(sub)) {
                    any = true;
                }
                if k == "pattern"
                    && let Some(p) = sub.as_str()
                    && !patterns.contains_key(p)
                {
                    match regex_lite::Regex::new(p) {
                        Ok(r) => {
                            patterns.insert(p.to_owned(), r);
                        }
                        Err(e) => *broken = Some(format!("pattern {p:?} does not compile: {e}")),
                    }
                }
                if k != "enum" && k != "default" && k != "examples" {
                    any |= collect(sub, patterns, broken);
                }
            }
            any
        }
        J::Array(a) => a
            .iter()
            .fold(false, |any, x| collect(x, patterns, broken) | any),
        _ => false,
    }
}

fn is_checked_format(f: &J) -> bool {
    matches!(f.as_str(), Some("email" | "date"))
}

/// The checker of `T`, built once per type.
pub(crate) fn checker<T: JsonSchema + ?Sized>() -> Arc<Checker> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Checker>>>> = OnceLock::new();
    let id = T::schema_id().into_owned();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(c) = cache.lock().ok().and_then(|m| m.get(&id).cloned()) {
        return c;
    }
    let mut root = crate::contract::schema_generator()
        .root_schema_for::<T>()
        .to_value();
    // The generator's transforms leave the definitions alone here; the
    // contract's (`take_definitions(true)`) get them, so these must too.
    if let Some(defs) = root
        .pointer_mut("/components/schemas")
        .and_then(J::as_object_mut)
    {
        for def in defs.values_mut() {
            if let Ok(mut s) = schemars::Schema::try_from(def.clone()) {
                schemars::transform::Transform::transform(&mut SafeIntegers, &mut s);
                *def = s.to_value();
            }
        }
    }
    let c = Arc::new(Checker::new(root));
    if let Ok(mut m) = cache.lock() {
        m.insert(id, Arc::clone(&c));
    }
    c
}

/// Whether `s` is an email address: `local@domain`, the domain dotted, no
/// spaces or control characters, at most 64 + 254 bytes (RFC 5321).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && s.len() <= 254
        && local.len() <= 64
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && s.chars().all(|c| c.is_ascii_graphic() || !c.is_ascii())
}

/// Whether `s` is a calendar date written `YYYY-MM-DD` (RFC 3339 full-date).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

fn num(v: &J) -> String {
    match v.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{}", f as i64),
        _ => v.to_string(),
    }
}

fn plural(n: u64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Checker {
    fn new(root: J) -> Self {
        let mut patterns = HashMap::new();
        let mut broken = None;
        let has_rules = collect(&root, &mut patterns, &mut broken);
        Self {
            root,
            patterns,
            broken,
            has_rules,
        }
    }

    /// A declaration bug (a pattern that does not compile), if any.
    pub(crate) fn broken(&self) -> Option<&str> {
        self.broken.as_deref()
    }

    /// Every rule `value` breaks, each with its path (`lines[0].quantity`).
    pub(crate) fn check(&self, value: &J) -> Vec<FieldError> {
        let mut out = Vec::new();
        if self.has_rules {
            self.walk(&self.root, value, "", &mut out, 0);
        }
        out
    }

    /// The schema of property `name` of the root (for parameters).
    pub(crate) fn property(&self, name: &str) -> Option<&J> {
        let root = self.resolve_all(&self.root);
        root.get("properties")?
            .get(name)
            .map(|s| self.resolve_all(s))
    }

    /// The root schema, `$ref`s followed.
    pub(crate) fn root(&self) -> &J {
        self.resolve_all(&self.root)
    }

    fn resolve(&self, r: &str) -> Option<&J> {
        self.root.pointer(r.strip_prefix('#')?)
    }

    fn resolve_all<'a>(&'a self, mut s: &'a J) -> &'a J {
        for _ in 0..16 {
            match s
                .get("$ref")
                .and_then(J::as_str)
                .and_then(|r| self.resolve(r))
            {
                Some(t) => s = t,
                None => break,
            }
        }
        s
    }

    fn walk(&self, s: &J, v: &J, path: &str, out: &mut Vec<FieldError>, depth: usize) {
        let Some(o) = s.as_object() else {
            return;
        };
        if depth > 32 || v.is_null() {
            // Whether null is allowed is serde's to check.
            return;
        }
        if let Some(t) = o
            .get("$ref")
            .and_then(J::as_str)
            .and_then(|r| self.resolve(r))
        {
            self.walk(t, v, path, out, depth + 1);
        }
        for sub in o.get("allOf").and_then(J::as_array).into_iter().flatten() {
            self.walk(sub, v, path, out, depth + 1);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(alts) = o.get(key).and_then(J::as_array) {
                let mut best: Option<Vec<FieldError>> = None;
                for alt in alts {
                    let mut errs = Vec::new();
                    self.walk(alt, v, path, &mut errs, depth + 1);
                    if best.as_ref().is_none_or(|b| errs.len() < b.len()) {
                        best = Some(errs);
                    }
                }
                out.extend(best.unwrap_or_default());
            }
        }
        let mut fail = |message: String| {
            out.push(FieldError {
                field: path.to_owned(),
                message,
            });
        };
        if let Some(choices) = o.get("enum").and_then(J::as_array)
            && !choices.contains(v)
        {
            let list: Vec<String> = choices.iter().map(ToString::to_string).collect();
            fail(format!("must be one of {}", list.join(", ")));
        }
        match v {
            J::Number(n) => {
                let x = n.as_f64().unwrap_or(0.0);
                let min = o.get("minimum").filter(|m| m.is_number());
                let max = o.get("maximum").filter(|m| m.is_number());
                let below = min.and_then(J::as_f64).is_some_and(|m| x < m);
                let above = max.and_then(J::as_f64).is_some_and(|m| x > m);
                match (min, max) {
                    (Some(lo), Some(hi)) if below || above => {
                        fail(format!("must be from {} to {}, got {n}", num(lo), num(hi)));
                    }
                    (Some(lo), _) if below => {
                        fail(format!("must be at least {}, got {n}", num(lo)))
                    }
                    (_, Some(hi)) if above => fail(format!("must be at most {}, got {n}", num(hi))),
                    _ => {}
                }
                let exclusive = |k: &str, base: Option<&J>| match o.get(k) {
                    Some(J::Bool(true)) => base.and_then(J::as_f64),
                    Some(m) => m.as_f64(),
                    None => None,
                };
                if let Some(m) = exclusive("exclusiveMinimum", min)
                    && x <= m
                {
                    fail(format!("must be more than {}, got {n}", num(&J::from(m))));
                }
                if let Some(m) = exclusive("exclusiveMaximum", max)
                    && x >= m
                {
                    fail(format!("must be less than {}, got {n}", num(&J::from(m))));
                }
            }
            J::String(text) => {
                let chars = text.chars().count() as u64;
                let min = o.get("minLength").and_then(J::as_u64);
                let max = o.get("maxLength").and_then(J::as_u64);
                if let Some(m) = min
                    && chars < m
                {
                    fail(format!("must be at least {} long", plural(m, "character")));
                }
                if let Some(m) = max
                    && chars > m
                {
                    fail(format!("must be at most {} long", plural(m, "character")));
                }
                if let Some(p) = o.get("pattern").and_then(J::as_str)
                    && self.patterns.get(p).is_some_and(|r| !r.is_match(text))
                {
                    fail(format!("must match the pattern `{p}`"));
                }
                match o.get("format").and_then(J::as_str) {
                    Some("email") if !is_email(text) => {
                        fail(format!("{text:?} is not an email address"));
                    }
                    Some("date") if !is_date(text) => {
                        fail(format!("must be a date as YYYY-MM-DD, got {text:?}"));
                    }
                    _ => {}
                }
            }
            J::Array(items) => {
                let n = items.len() as u64;
                if let Some(m) = o.get("minItems").and_then(J::as_u64)
                    && n < m
                {
                    fail(format!("must have at least {}, got {n}", plural(m, "item")));
                }
                if let Some(m) = o.get("maxItems").and_then(J::as_u64)
                    && n > m
                {
                    fail(format!("must have at most {}, got {n}", plural(m, "item")));
                }
                if let Some(each) = o.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.walk(each, item, &format!("{path}[{i}]"), out, depth + 1);
                    }
                }
            }
            J::Object(fields) => {
                let props = o.get("properties").and_then(J::as_object);
                for (k, x) in fields {
                    match props.and_then(|p| p.get(k)) {
                        Some(sub) => self.walk(sub, x, &join(path, k), out, depth + 1),
                        None => {
                            if let Some(extra) = o.get("additionalProperties") {
                                self.walk(extra, x, &join(path, k), out, depth + 1);
                            }
                        }
                    }
                }
            }
            J::Bool(_) | J::Null => {}
        }
    }
}

/// A parameter's text as the JSON value its schema describes (a number for
/// `integer` and `number`, a boolean for `boolean`), for checking; text
/// that does not parse stays text (serde has refused or will refuse it).
pub(crate) fn param_value(schema: Option<&J>, raw: &str) -> J {
    match schema.and_then(|s| s.get("type")).and_then(J::as_str) {
        Some("integer") => raw
            .parse::<i64>()
            .map(J::from)
            .or_else(|_| raw.parse::<u64>().map(J::from))
            .unwrap_or_else(|_| J::from(raw)),
        Some("number") => raw
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| J::from(raw), J::Number),
        Some("boolean") => match raw {
            "true" => J::Bool(true),
            "false" => J::Bool(false),
            _ => J::from(raw),
        },
        _ => J::from(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(serde::Deserialize, schemars::JsonSchema)]
    #[allow(dead_code)]
    struct Line {
        #[schemars(range(min = 1, max = 100))]
        quantity: u32,
        id: i64,
    }

    #[derive(serde::Deserialize, schemars::JsonSchema)]
    #[allow(dead_code)]
    struct Order {
        #[schemars(length(min = 1, max = 2))]
        lines: Vec<Line>,
        #[schemars(email)]
        email: String,
        #[schemars(extend("format" = "date"))]
        day: String,
        #[schemars(length(max = 3), inner(regex(pattern = r"^[a-z]+$")))]
        tags: Vec<String>,
        #[schemars(length(max = 5))]
        note: Option<String>,
    }

    fn fields(v: J) -> Vec<(String, String)> {
        checker::<Order>()
            .check(&v)
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    #[test]
    fn every_declared_rule_is_checked_with_its_path() {
        let ok = json!({"lines": [{"quantity": 1, "id": 9_007_199_254_740_991_i64}], "email": "a@b.co",
                        "day": "2024-02-29", "tags": ["x"], "note": null});
        assert_eq!(fields(ok), []);
        let bad = json!({"lines": [{"quantity": 0, "id": 9_007_199_254_740_992_i64}, {"quantity": 101, "id": 1}, {"quantity": 1, "id": 1}],
                         "email": "nope", "day": "2026-02-30", "tags": ["A"], "note": "toolong"});
        let got = fields(bad);
        let names: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            names,
            [
                "day",
                "email",
                "lines",
                "lines[0].id",
                "lines[0].quantity",
                "lines[1].quantity",
                "note",
                "tags[0]"
            ],
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "lines[0].quantity".into(),
                "must be from 1 to 100, got 0".into()
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("lines".into(), "must have at most 2 items, got 3".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "lines[0].id".into(),
                "must be from -9007199254740991 to 9007199254740991, got 9007199254740992".into()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn int64_schemas_carry_the_d1_bounds() {
        let c = checker::<Line>();
        assert_eq!(
            c.property("id").and_then(|s| s.get("maximum")),
            Some(&json!(MAX_SAFE_INTEGER))
        );
        assert_eq!(
            c.property("quantity").and_then(|s| s.get("minimum")),
            Some(&json!(1))
        );
        assert!(
            !checker::<String>().has_rules,
            "nothing to check, nothing checked"
        );
        assert_eq!(checker::<i64>().check(&json!(1_i64 << 60)).len(), 1);
    }

    #[test]
    fn emails_and_dates() {
        for ok in ["a@b.co", "x.y+z@sub.example.com", "é@exämple.de"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "@b.co", "a@b", "a@.b", "a@b.", "a b@c.de", "a@b@c.de",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for ok in ["2026-11-25", "2024-02-29", "2000-02-29", "0001-01-01"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-01",
            "2026-02-29",
            "1900-02-29",
            "2026-1-01",
            "2026-11-25x",
            "",
            "+026-11-25",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
