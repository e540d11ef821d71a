//! The arguments of `#[clodo_block(...)]`.

use crate::diag::{Errors, did_you_mean, name_list};
use proc_macro2::TokenStream;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Lit, LitStr, Meta, Token};

/// Every key `#[clodo_block(...)]` accepts.
pub(crate) const KEYS: &[&str] = &["name", "version", "migrations"];

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
}

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
    fn explains_unparsable_arguments() {
        let (_, errors) = parse(quote!("bakery-orders"));
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("takes `key = \"value\"` pairs"),
            "{errors:?}"
        );
    }
}
