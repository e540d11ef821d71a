//! The arguments of `#[clodo_block(...)]`.

use crate::diag::{Errors, did_you_mean, name_list};
use proc_macro2::TokenStream;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Lit, LitStr, Meta, Token};

/// Every key `#[clodo_block(...)]` accepts.
pub(crate) const KEYS: &[&str] = &["name", "version", "migrations", "features"];

/// One flag of `features(...)`: `sms_notifications` (off by default) or
/// `loyalty_points = true`.
pub(crate) struct FeatureDecl {
    /// The flag's name, spanned where it was written.
    pub(crate) name: syn::Ident,
    /// Its value for domains that do not set it.
    pub(crate) default: bool,
}

/// `#[clodo_block(name = "...", version = "...", migrations = "...")]`, all
/// optional. Literals are kept so later errors can point at them.
#[derive(Default)]
pub(crate) struct BlockArgs {
    /// `name = "bakery-orders"`.
    pub(crate) name: Option<LitStr>,
    /// `version = "0.1.0"`.
    pub(crate) version: Option<LitStr>,
    /// `migrations = "migrations"`, relative to `CARGO_MANIFEST_DIR`.
    pub(crate) migrations: Option<LitStr>,
    /// `features(sms_notifications, loyalty_points = true)`: the flags the
    /// block's handlers may name in `#[feature("...")]`, with defaults.
    pub(crate) features: Vec<FeatureDecl>,
}

const FEATURES_EXAMPLE: &str = "features(sms_notifications, loyalty_points = true)";

const EXAMPLE: &str =
    r#"#[clodo_block(name = "bakery-orders", version = "0.1.0", migrations = "migrations")]"#;

impl BlockArgs {
    /// Parses the attribute's arguments, recording every problem.
    pub(crate) fn parse(tokens: TokenStream, errors: &mut Errors) -> Self {
        let mut args = BlockArgs::default();
        let metas = match Punctuated::<Meta, Token![,]>::parse_terminated.parse2(tokens) {
            Ok(metas) => metas,
            Err(error) => {
                errors.at(
                    error.span(),
                    format!(
                        "#[clodo_block] takes `key = \"value\"` pairs ({error}); \
                         valid keys: {}, e.g. {EXAMPLE}",
                        name_list(KEYS)
                    ),
                );
                return args;
            }
        };
        for meta in metas {
            args.parse_one(meta, errors);
        }
        args
    }

    fn parse_one(&mut self, meta: Meta, errors: &mut Errors) {
        let key = meta
            .path()
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_else(|| crate::diag::display_tokens(meta.path()));
        if key == "features" {
            self.parse_features(meta, errors);
            return;
        }
        let slot = match key.as_str() {
            "name" => &mut self.name,
            "version" => &mut self.version,
            "migrations" => &mut self.migrations,
            _ => {
                errors.spanned(
                    meta.path(),
                    format!(
                        "unknown #[clodo_block] argument `{key}`{}; valid arguments: {}",
                        did_you_mean(&key, KEYS),
                        name_list(KEYS)
                    ),
                );
                return;
            }
        };
        let example = match key.as_str() {
            "name" => r#"name = "bakery-orders""#,
            "version" => r#"version = "0.1.0""#,
            _ => r#"migrations = "migrations""#,
        };
        let value = match meta {
            Meta::NameValue(meta) => match meta.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(value),
                    ..
                }) => value,
                other => {
                    errors.spanned(
                        other,
                        format!("`{key}` takes a string literal: `{example}`"),
                    );
                    return;
                }
            },
            other => {
                errors.spanned(other, format!("`{key}` needs a value: `{example}`"));
                return;
            }
        };
        if value.value().trim().is_empty() {
            errors.spanned(
                &value,
                format!("`{key}` cannot be empty; write `{example}` or leave it out"),
            );
        } else if slot.is_some() {
            errors.spanned(&value, format!("`{key}` is given twice; keep one"));
        } else {
            *slot = Some(value);
        }
    }
}

impl BlockArgs {
    fn parse_features(&mut self, meta: Meta, errors: &mut Errors) {
        let list = match meta {
            Meta::List(list) => list,
            other => {
                errors.spanned(
                    other,
                    format!(
                        "`features` lists the block's feature flags in parentheses: \
                         `{FEATURES_EXAMPLE}` (a flag is off unless `= true` or the domain turns it on)"
                    ),
                );
                return;
            }
        };
        let metas = match list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
            Ok(metas) => metas,
            Err(error) => {
                errors.at(
                    error.span(),
                    format!("`features` takes flag names, each optionally `= true` or `= false`: `{FEATURES_EXAMPLE}`"),
                );
                return;
            }
        };
        for meta in metas {
            let Some(name) = meta.path().get_ident().cloned() else {
                errors.spanned(
                    meta.path(),
                    format!("a feature flag is a plain name: `{FEATURES_EXAMPLE}`"),
                );
                continue;
            };
            let default = match &meta {
                Meta::Path(_) => false,
                Meta::NameValue(nv) => {
                    match &nv.value {
                        Expr::Lit(ExprLit {
                            lit: Lit::Bool(b), ..
                        }) => b.value,
                        other => {
                            errors.spanned(
                            other,
                            format!("the default of flag `{name}` is `true` or `false`: `{name} = true`"),
                        );
                            continue;
                        }
                    }
                }
                Meta::List(l) => {
                    errors.spanned(
                        l,
                        format!(
                            "write the flag as `{name}` or `{name} = true`, without parentheses"
                        ),
                    );
                    continue;
                }
            };
            let text = name.to_string();
            if !is_flag_name(&text) {
                errors.spanned(
                    &name,
                    format!(
                        "feature flag `{text}` is not a valid name: use lower-case letters, digits and \
                         single underscores, starting with a letter, e.g. `sms_notifications`"
                    ),
                );
            } else if self.features.iter().any(|f| f.name == text) {
                errors.spanned(
                    &name,
                    format!("feature flag `{text}` is listed twice; keep one"),
                );
            } else {
                self.features.push(FeatureDecl { name, default });
            }
        }
    }
}

/// Whether `name` is a valid flag name: `[a-z][a-z0-9_]*`, no `__`, no
/// trailing `_`, at most 64 characters (what domain files accept too).
pub(crate) fn is_flag_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z'))
        && name.len() <= 64
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.contains("__")
        && !name.ends_with('_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse(tokens: TokenStream) -> (BlockArgs, Vec<String>) {
        let mut errors = Errors::default();
        let args = BlockArgs::parse(tokens, &mut errors);
        let messages = errors
            .into_error()
            .map(|e| e.into_iter().map(|e| e.to_string()).collect())
            .unwrap_or_default();
        (args, messages)
    }

    #[test]
    fn all_arguments_are_optional() {
        let (args, errors) = parse(quote!());
        assert!(errors.is_empty());
        assert!(args.name.is_none() && args.version.is_none() && args.migrations.is_none());
        assert!(args.features.is_empty());
    }

    #[test]
    fn reads_every_key() {
        let (args, errors) = parse(quote!(
            name = "bakery-orders",
            version = "0.1.0",
            migrations = "sql",
        ));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            args.name.map(|l| l.value()).as_deref(),
            Some("bakery-orders")
        );
        assert_eq!(args.version.map(|l| l.value()).as_deref(), Some("0.1.0"));
        assert_eq!(args.migrations.map(|l| l.value()).as_deref(), Some("sql"));
    }

    #[test]
    fn accumulates_every_mistake() {
        let (_, errors) = parse(quote!(
            nmae = "x",
            version = 1,
            name,
            name = "a",
            name = "b"
        ));
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(
            errors[0].contains("unknown #[clodo_block] argument `nmae` (did you mean `name`?)")
        );
        assert!(errors[1].contains("`version` takes a string literal"));
        assert!(errors[2].contains("`name` needs a value"));
        assert!(errors[3].contains("`name` is given twice"));
    }

    #[test]
    fn reads_feature_flags_with_defaults() {
        let (args, errors) = parse(quote!(features(
            sms_notifications,
            loyalty = true,
            beta = false
        )));
        assert!(errors.is_empty(), "{errors:?}");
        let flags: Vec<(String, bool)> = args
            .features
            .iter()
            .map(|f| (f.name.to_string(), f.default))
            .collect();
        assert_eq!(
            flags,
            [
                ("sms_notifications".to_owned(), false),
                ("loyalty".to_owned(), true),
                ("beta".to_owned(), false)
            ]
        );
    }

    #[test]
    fn refuses_bad_feature_flags() {
        let (_, errors) = parse(quote!(features(Sms, a = 1, a, a, b(x)), features = "x"));
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(
            errors[0].contains("`Sms` is not a valid name"),
            "{errors:?}"
        );
        assert!(errors[1].contains("the default of flag `a` is `true` or `false`"));
        assert!(errors[2].contains("`a` is listed twice"));
        assert!(errors[3].contains("without parentheses"));
        assert!(errors[4].contains("lists the block's feature flags in parentheses"));
    }

    #[test]
    fn explains_unparsable_arguments() {
        let (_, errors) = parse(quote!("bakery-orders"));
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("takes `key = \"value\"` pairs"),
            "{errors:?}"
        );
    }
}
