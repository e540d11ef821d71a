//! Rust names from document names: case conversion, sanitizing, keyword
//! escaping and de-duplication.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that are keywords in some Rust edition (2015 to 2024).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers: these get a trailing underscore.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Replaces every character that cannot be part of an identifier with a
/// word break, keeping letters and digits.
fn words(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_alphanumeric() && c.is_ascii() {
            out.push(c);
        } else if c.is_alphanumeric() {
            // Non-ASCII letters are valid in identifiers but awkward to type.
            out.push('_');
        } else {
            match c {
                '+' => out.push_str("_plus_"),
                '@' => out.push_str("_at_"),
                _ => out.push('_'),
            }
        }
    }
    out
}

/// `raw` as a snake_case identifier (a field, method or parameter name),
/// escaped when it is a keyword. Never empty.
pub fn snake(raw: &str) -> String {
    let mut s = words(raw).to_snake_case();
    if s.is_empty() {
        s.push_str("value");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

/// `raw` as an UpperCamelCase identifier (a type or variant name). Never empty.
pub fn camel(raw: &str) -> String {
    let mut s = words(raw).to_upper_camel_case();
    if s.is_empty() {
        s.push_str("Value");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'V');
    }
    s
}

/// The identifier as written in source: `r#type` for keywords, `self_` for
/// the keywords that cannot be raw.
pub fn escape(ident: &str) -> String {
    if NOT_RAW.contains(&ident) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident) {
        format!("r#{ident}")
    } else {
        ident.to_owned()
    }
}

/// Hands out names unique within one scope, suffixing `2`, `3`… on collision.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A scope where `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted` if free, else the first free `wanted2`, `wanted3`…
    pub fn claim(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        let sep = if wanted.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{wanted}{sep}{n}"))
            .find(|cand| self.taken.insert(cand.clone()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_and_escapes() {
        assert_eq!(snake("petId"), "pet_id");
        assert_eq!(snake("key.get"), "key_get");
        assert_eq!(snake("x-request-id"), "x_request_id");
        assert_eq!(snake("2fa"), "_2fa");
        assert_eq!(snake("$"), "value");
        assert_eq!(camel("instance-state"), "InstanceState");
        assert_eq!(camel("a+b"), "APlusB");
        assert_eq!(camel("404"), "V404");
        assert_eq!(escape("type"), "r#type");
        assert_eq!(escape("self"), "self_");
        assert_eq!(escape("Self"), "Self_");
        assert_eq!(escape("name"), "name");
    }

    #[test]
    fn scope_dedupes() {
        let mut s = Scope::with_reserved(&["client"]);
        assert_eq!(s.claim("client"), "client2");
        assert_eq!(s.claim("a"), "a");
        assert_eq!(s.claim("a"), "a2");
        assert_eq!(s.claim("v1"), "v1");
        assert_eq!(s.claim("v1"), "v1_2");
    }
}
