//! The inert handler attributes `#[get]`, `#[post]`, `#[put]`, `#[patch]`,
//! `#[delete]`, `#[public]` and `#[auth(role = "...")]`.
//!
//! They are not macros of their own: `#[clodo_block]` reads them off the
//! impl's items and removes them before emitting the impl again. Every other
//! attribute (`#[doc]`, `#[allow]`, `#[cfg]`, `#[tracing::instrument]`, ...)
//! is left where it is.

use crate::diag::{Errors, did_you_mean, name_list};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta, Token};

/// An HTTP method a handler can be routed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// `#[get("...")]`.
    Get,
    /// `#[post("...")]`.
    Post,
    /// `#[put("...")]`.
    Put,
    /// `#[patch("...")]`.
    Patch,
    /// `#[delete("...")]`.
    Delete,
}

impl Method {
    const ALL: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];

    /// The attribute that routes on this method (`get`).
    pub(crate) fn attr_name(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Post => "post",
            Method::Put => "put",
            Method::Patch => "patch",
            Method::Delete => "delete",
        }
    }

    /// The method as HTTP spells it (`GET`).
    pub(crate) fn http_name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// The variant of `::clodo_sdk::__private::Method` (`Get`).
    pub(crate) fn variant_name(self) -> &'static str {
        match self {
            Method::Get => "Get",
            Method::Post => "Post",
            Method::Put => "Put",
            Method::Patch => "Patch",
            Method::Delete => "Delete",
        }
    }

    fn from_attr_name(name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|method| method.attr_name() == name)
    }
}

/// Names of every attribute `#[clodo_block]` consumes from handlers.
pub(crate) const ATTRS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "public", "auth", "feature",
];

/// Keys `#[auth(...)]` accepts.
pub(crate) const AUTH_KEYS: &[&str] = &["role"];

/// Whether `attr` is one of the handler attributes `#[clodo_block]` owns.
pub(crate) fn is_clodo_attr(attr: &Attribute) -> bool {
    attr.path()
        .get_ident()
        .is_some_and(|ident| ATTRS.iter().any(|name| ident == name))
}

/// `#[get("/orders/{id}")]` and friends.
pub(crate) struct RouteAttr {
    /// Which method the attribute routes.
    pub(crate) method: Method,
    /// The whole attribute, for error spans.
    pub(crate) attr: Attribute,
    /// The path template; `None` when it could not be read (already reported).
    pub(crate) template: Option<LitStr>,
}

/// `#[auth(role = "staff")]`.
pub(crate) struct AuthAttr {
    /// Every `role = "..."`, in order (a principal needs any one of them).
    pub(crate) roles: Vec<LitStr>,
}

/// The clodo attributes found on one impl item.
#[derive(Default)]
pub(crate) struct HandlerAttrs {
    /// The route attribute, when there is one.
    pub(crate) route: Option<RouteAttr>,
    /// `#[public]`, when present.
    pub(crate) public: Option<Attribute>,
    /// `#[auth(...)]`, when present.
    pub(crate) auth: Option<AuthAttr>,
    /// `#[feature("sms_notifications")]`: the flag name, when present.
    pub(crate) feature: Option<LitStr>,
    /// The first clodo attribute seen, for errors about the item as a whole.
    pub(crate) first: Option<Attribute>,
}

impl HandlerAttrs {
    /// Removes the clodo attributes from `attrs` and reads them, recording
    /// every malformed or conflicting one.
    pub(crate) fn take(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> Self {
        let mut found = HandlerAttrs::default();
        let (ours, theirs): (Vec<Attribute>, Vec<Attribute>) =
            std::mem::take(attrs).into_iter().partition(is_clodo_attr);
        *attrs = theirs;
        for attr in ours {
            found.read(attr, errors);
        }
        found
    }

    fn read(&mut self, attr: Attribute, errors: &mut Errors) {
        if self.first.is_none() {
            self.first = Some(attr.clone());
        }
        let name = attr
            .path()
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        if let Some(method) = Method::from_attr_name(&name) {
            self.read_route(method, attr, errors);
        } else if name == "public" {
            self.read_public(attr, errors);
        } else if name == "feature" {
            self.read_feature(attr, errors);
        } else {
            self.read_auth(attr, errors);
        }
    }

    fn read_route(&mut self, method: Method, attr: Attribute, errors: &mut Errors) {
        let name = method.attr_name();
        let example = format!("#[{name}(\"/orders/{{id}}\")]");
        if let Some(existing) = &self.route {
            errors.spanned(
                &attr,
                format!(
                    "this handler is already routed by #[{}]; a handler serves one route, \
                     so write a second handler (it can call this one) for `#[{name}]`",
                    existing.method.attr_name()
                ),
            );
            return;
        }
        let template = match &attr.meta {
            Meta::List(list) => match list.parse_args::<LitStr>() {
                Ok(template) => Some(template),
                Err(_) => {
                    errors.spanned(
                        &list.tokens,
                        format!(
                            "#[{name}] takes only the path template, as a string literal: \
                             `{example}`; mark access with #[public] or #[auth(role = \"...\")]"
                        ),
                    );
                    None
                }
            },
            _ => {
                errors.spanned(
                    &attr,
                    format!("#[{name}] needs a path template: `{example}`"),
                );
                None
            }
        };
        self.route = Some(RouteAttr {
            method,
            attr,
            template,
        });
    }

    fn read_feature(&mut self, attr: Attribute, errors: &mut Errors) {
        const EXAMPLE: &str = r#"#[feature("sms_notifications")]"#;
        if self.feature.is_some() {
            errors.spanned(
                &attr,
                "#[feature] is given twice; a route depends on one flag \
                 (check others with `ctx.feature(\"...\")` in the handler)",
            );
            return;
        }
        match &attr.meta {
            Meta::List(list) => match list.parse_args::<LitStr>() {
                Ok(flag) => self.feature = Some(flag),
                Err(_) => errors.spanned(
                    &list.tokens,
                    format!("#[feature] takes the flag name as a string literal: `{EXAMPLE}`"),
                ),
            },
            _ => errors.spanned(
                &attr,
                format!("#[feature] needs the flag name: `{EXAMPLE}`"),
            ),
        }
    }

    fn read_public(&mut self, attr: Attribute, errors: &mut Errors) {
        if !matches!(attr.meta, Meta::Path(_)) {
            errors.spanned(&attr, "#[public] takes no arguments: write `#[public]`");
        }
        if self.public.is_some() {
            errors.spanned(&attr, "#[public] is given twice; keep one");
        } else if self.auth.is_some() {
            errors.spanned(&attr, PUBLIC_AND_AUTH);
        }
        self.public.get_or_insert(attr);
    }

    fn read_auth(&mut self, attr: Attribute, errors: &mut Errors) {
        const EXAMPLE: &str = r#"#[auth(role = "staff")]"#;
        if self.auth.is_some() {
            errors.spanned(
                &attr,
                "#[auth] is given twice; list every accepted role in one attribute: \
                 `#[auth(role = \"staff\", role = \"admin\")]`",
            );
            return;
        }
        if self.public.is_some() {
            errors.spanned(&attr, PUBLIC_AND_AUTH);
        }
        let mut roles: Vec<LitStr> = Vec::new();
        let list = match &attr.meta {
            Meta::List(list) => list,
            _ => {
                errors.spanned(
                    &attr,
                    format!(
                        "#[auth] needs a role: `{EXAMPLE}` (a route without #[public] \
                         already requires a signed-in principal, so plain #[auth] is not needed)"
                    ),
                );
                self.auth = Some(AuthAttr { roles });
                return;
            }
        };
        match list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
            Err(_) => errors.spanned(
                &list.tokens,
                format!(
                    "#[auth] takes `role = \"...\"` pairs: `{EXAMPLE}`; valid keys: {}",
                    name_list(AUTH_KEYS)
                ),
            ),
            Ok(metas) if metas.is_empty() => errors.spanned(
                &attr,
                format!("#[auth] needs at least one role: `{EXAMPLE}`"),
            ),
            Ok(metas) => {
                for meta in metas {
                    if let Some(role) = read_role(meta, errors) {
                        if roles.iter().any(|seen| seen.value() == role.value()) {
                            errors.spanned(
                                &role,
                                format!("role `{}` is listed twice; keep one", role.value()),
                            );
                        } else {
                            roles.push(role);
                        }
                    }
                }
            }
        }
        self.auth = Some(AuthAttr { roles });
    }
}

const PUBLIC_AND_AUTH: &str = "a route is either #[public] (anyone, signed in or not) or \
     #[auth(role = \"...\")] (principals with that role), not both; remove one of them";

/// Reads one `role = "..."` from inside `#[auth(...)]`.
fn read_role(meta: Meta, errors: &mut Errors) -> Option<LitStr> {
    let key = meta
        .path()
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| crate::diag::display_tokens(meta.path()));
    if key != "role" {
        errors.spanned(
            meta.path(),
            format!(
                "unknown #[auth] key `{key}`{}; valid keys: {}, as in `#[auth(role = \"staff\")]`",
                did_you_mean(&key, AUTH_KEYS),
                name_list(AUTH_KEYS)
            ),
        );
        return None;
    }
    let value = match meta {
        Meta::NameValue(meta) => meta.value,
        other => {
            errors.spanned(other, "`role` needs a value: `#[auth(role = \"staff\")]`");
            return None;
        }
    };
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(role),
            ..
        }) if role.value().trim().is_empty() => {
            errors.spanned(&role, "a role cannot be empty: `role = \"staff\"`");
            None
        }
        Expr::Lit(ExprLit {
            lit: Lit::Str(role),
            ..
        }) => Some(role),
        other => {
            let shown = crate::diag::display_tokens(&other);
            errors.spanned(
                other,
                format!(
                    "`role` must be a string literal: write `role = \"{}\"`",
                    shown.trim_matches('"')
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn take(item: syn::ItemFn) -> (HandlerAttrs, Vec<Attribute>, Vec<String>) {
        let mut attrs = item.attrs;
        let mut errors = Errors::default();
        let found = HandlerAttrs::take(&mut attrs, &mut errors);
        let messages = errors
            .into_error()
            .map(|e| e.into_iter().map(|e| e.to_string()).collect())
            .unwrap_or_default();
        (found, attrs, messages)
    }

    #[test]
    fn consumes_clodo_attributes_and_keeps_the_rest() {
        let (found, rest, errors) = take(parse_quote! {
            /// Docs stay.
            #[post("/orders/{id}/ready")]
            #[allow(clippy::unused_async)]
            #[auth(role = "staff", role = "admin")]
            #[tracing::instrument]
            async fn mark_ready() {}
        });
        assert!(errors.is_empty(), "{errors:?}");
        let route = found.route.expect("route");
        assert_eq!(route.method, Method::Post);
        assert_eq!(
            route.template.map(|t| t.value()).as_deref(),
            Some("/orders/{id}/ready")
        );
        let roles: Vec<String> = found
            .auth
            .expect("auth")
            .roles
            .iter()
            .map(LitStr::value)
            .collect();
        assert_eq!(roles, ["staff", "admin"]);
        assert_eq!(rest.len(), 3);
        assert!(rest.iter().all(|attr| !is_clodo_attr(attr)));
    }

    #[test]
    fn reports_every_problem() {
        let (_, rest, errors) = take(parse_quote! {
            #[get]
            #[post("/a")]
            #[public(yes)]
            #[auth(rol = "x", role = 5)]
            async fn f() {}
        });
        assert!(rest.is_empty());
        let expected = [
            "#[get] needs a path template",
            "already routed by #[get]",
            "#[public] takes no arguments",
            "not both",
            "unknown #[auth] key `rol` (did you mean `role`?)",
            "`role` must be a string literal: write `role = \"5\"`",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:#?}");
        for (error, expected) in errors.iter().zip(expected) {
            assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        }
    }

    #[test]
    fn explains_route_arguments() {
        let (found, _, errors) = take(parse_quote! {
            #[delete(path = "/x")]
            async fn f() {}
        });
        assert!(found.route.is_some_and(|route| route.template.is_none()));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("takes only the path template"));
    }
}
