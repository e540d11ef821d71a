//! Validation of one handler: its signature, arguments and access.

use super::args::{self, ArgKind, Misuse, SUPPORTED};
use super::template::PathTemplate;
use super::{Access, Arg, Route};
use crate::diag::{Errors, did_you_mean, display_tokens, name_list};
use crate::parse::{FeatureDecl, HandlerAttrs, ParsedHandler, is_flag_name};
use quote::quote;
use syn::ext::IdentExt;
use syn::{
    Attribute, FnArg, GenericParam, LitStr, ReturnType, Signature, Type, parse_quote_spanned,
};

/// A route whose template is valid, with the attribute that declared it
/// (for errors that involve several routes).
pub(super) struct CheckedRoute {
    pub(super) route: Route,
    pub(super) attr: Attribute,
}

/// Validates one handler, recording every problem. Returns the route when
/// its template could be read, even if other errors were recorded, so that
/// checks across routes can still run.
pub(super) fn check(
    handler: ParsedHandler,
    block_type: &Type,
    features: &[FeatureDecl],
    errors: &mut Errors,
) -> Option<CheckedRoute> {
    let ParsedHandler {
        attrs,
        sig,
        docs,
        cfgs,
    } = handler;
    let name = sig.ident.unraw().to_string();
    let HandlerAttrs {
        route: Some(route_attr),
        public,
        auth,
        feature,
        first: _,
    } = attrs
    else {
        if let Some(first) = attrs.first {
            let attr = display_tokens(first.path());
            errors.spanned(
                first,
                format!(
                    "#[{attr}] needs a route attribute on the same fn: add `#[get(\"/path\")]` \
                     (or #[post], #[put], #[patch], #[delete]) to `{name}`"
                ),
            );
        }
        return None;
    };

    check_signature(&sig, &name, errors);
    let feature = feature.and_then(|flag| check_feature(&flag, features, errors));

    let access = match (&public, &auth) {
        (Some(_), _) => Access::Public,
        (None, Some(auth)) => Access::Roles(auth.roles.iter().map(|role| role.value()).collect()),
        (None, None) => Access::Authenticated,
    };

    let template = route_attr.template.as_ref().and_then(|literal| {
        PathTemplate::parse(&literal.value())
            .map_err(|message| errors.spanned(literal, message))
            .ok()
    });

    let template_literal = route_attr.template.as_ref();
    let args = check_args(
        &sig,
        block_type,
        &access,
        template.as_ref().zip(template_literal),
        errors,
    );

    let output: Type = match &sig.output {
        // Spanned on the name, so "`()` is not a handler output" points there.
        ReturnType::Default => parse_quote_spanned!(sig.ident.span()=> ()),
        ReturnType::Type(_, ty) => {
            args::check_type(ty, block_type, errors);
            (**ty).clone()
        }
    };

    Some(CheckedRoute {
        route: Route {
            method: route_attr.method,
            template: template?,
            handler: sig.ident.clone(),
            operation_id: name,
            access,
            docs,
            args,
            output,
            cfgs,
            feature,
        },
        attr: route_attr.attr,
    })
}

/// A `#[feature("...")]` must name a flag the block declares, so a typo is
/// a compile error rather than a route that never appears.
fn check_feature(flag: &LitStr, declared: &[FeatureDecl], errors: &mut Errors) -> Option<String> {
    let name = flag.value();
    if declared.iter().any(|f| f.name == name) {
        return Some(name);
    }
    let names: Vec<String> = declared.iter().map(|f| f.name.to_string()).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let hint = if refs.is_empty() {
        format!(
            "declare it on the block: `#[clodo_block(features({}))]`",
            if is_flag_name(&name) {
                name.as_str()
            } else {
                "sms_notifications"
            }
        )
    } else {
        format!(
            "declared flags: {}; add it to `features(...)` on #[clodo_block] if it is new",
            name_list(&refs)
        )
    };
    errors.spanned(
        flag,
        format!(
            "feature flag `{name}` is not declared by this block{}; {hint}",
            did_you_mean(&name, &refs)
        ),
    );
    None
}

fn check_signature(sig: &Signature, name: &str, errors: &mut Errors) {
    let fn_token = &sig.fn_token;
    let ident = &sig.ident;
    if sig.asyncness.is_none() {
        errors.spanned(
            quote!(#fn_token #ident),
            format!("handler `{name}` must be async: write `async fn {name}(...)`"),
        );
    }
    if let Some(constness) = &sig.constness {
        errors.spanned(constness, "a handler cannot be `const`; remove `const`");
    }
    if let Some(unsafety) = &sig.unsafety {
        errors.spanned(unsafety, "a handler cannot be `unsafe`; remove `unsafe`");
    }
    if let Some(abi) = &sig.abi {
        errors.spanned(abi, "a handler cannot have an `extern` ABI; remove it");
    }
    if let Some(variadic) = &sig.variadic {
        errors.spanned(variadic, "a handler cannot be variadic");
    }
    for param in &sig.generics.params {
        if !matches!(param, GenericParam::Lifetime(_)) {
            errors.spanned(
                param,
                format!(
                    "handler `{name}` cannot be generic: the router calls it with concrete \
                     extractor types; remove `{}`",
                    display_tokens(param)
                ),
            );
        }
    }
}

fn check_args(
    sig: &Signature,
    block_type: &Type,
    access: &Access,
    template: Option<(&PathTemplate, &LitStr)>,
    errors: &mut Errors,
) -> Vec<Arg> {
    let params: Vec<&str> = template
        .map(|(t, _)| t.params().collect())
        .unwrap_or_default();
    let mut args = Vec::new();
    let mut unclassified: Vec<String> = Vec::new();
    let mut path_args: Vec<(&FnArg, Option<String>)> = Vec::new();
    let mut body: Option<String> = None;

    for (index, input) in sig.inputs.iter().enumerate() {
        let typed = match input {
            FnArg::Receiver(receiver) => {
                errors.spanned(
                    receiver,
                    "handlers take no `self`: a block is stateless and each request gets \
                     its own context; remove the receiver and take `ctx: &Ctx`",
                );
                continue;
            }
            FnArg::Typed(typed) => typed,
        };
        args::check_type(&typed.ty, block_type, errors);
        let binding = args::binding_name(&typed.pat);
        let kind = match args::classify(&typed.ty) {
            Ok(kind) => kind,
            Err(misuse) => {
                let message = match misuse {
                    Misuse::Fix(message) => message,
                    Misuse::Unsupported => unsupported(&typed.ty, binding.as_deref(), &params),
                };
                errors.spanned(&typed.ty, message);
                unclassified.extend(binding);
                continue;
            }
        };
        let name = binding.clone().unwrap_or_else(|| format!("arg{index}"));
        match kind {
            ArgKind::Path => path_args.push((input, binding)),
            ArgKind::Json => match &body {
                Some(first) => errors.spanned(
                    input,
                    format!(
                        "a request has one body and `{first}` already reads it as `Json<_>`; \
                         put both values in one struct and take it once as `Json<T>`"
                    ),
                ),
                None => body = Some(name.clone()),
            },
            ArgKind::User if matches!(access, Access::Public) => errors.spanned(
                &typed.ty,
                "this route is #[public], so callers may be anonymous, but a `User` argument \
                 turns them away (401); take `Option<User>` to accept both, or remove \
                 #[public] to require sign-in",
            ),
            _ => {}
        }
        args.push(Arg {
            kind,
            ty: (*typed.ty).clone(),
            name,
        });
    }

    if let Some((template, literal)) = template {
        check_path_params(template, literal, &path_args, &unclassified, errors);
    }
    args
}

fn unsupported(ty: &Type, binding: Option<&str>, params: &[&str]) -> String {
    let shown = display_tokens(ty);
    let hint = match binding {
        Some(name) if params.contains(&name) => {
            format!("for the path parameter `{{{name}}}` write `{name}: Path<{shown}>`")
        }
        _ => format!(
            "wrap it in the extractor that says where it comes from, e.g. `Json<{shown}>` \
             for the request body or `Query<T>` (a struct) for query-string values"
        ),
    };
    format!("unsupported handler argument type `{shown}`; a handler takes {SUPPORTED}: {hint}")
}

fn check_path_params(
    template: &PathTemplate,
    literal: &LitStr,
    path_args: &[(&FnArg, Option<String>)],
    unclassified: &[String],
    errors: &mut Errors,
) {
    let source = &template.source;
    let missing: Vec<&str> = template
        .params()
        .filter(|param| {
            !path_args
                .iter()
                .any(|(_, name)| name.as_deref() == Some(*param))
                && !unclassified.iter().any(|name| name == param)
        })
        .collect();
    let unmatched: Vec<&(&FnArg, Option<String>)> = path_args
        .iter()
        .filter(|(_, name)| {
            name.as_deref()
                .is_none_or(|name| !template.params().any(|p| p == name))
        })
        .collect();

    for (arg, name) in &unmatched {
        let Some(name) = name else {
            errors.spanned(
                arg,
                format!(
                    "name this `Path<_>` argument after its parameter in `{source}`, \
                     e.g. `id: Path<i64>` for `{{id}}`"
                ),
            );
            continue;
        };
        let fix = match missing.as_slice() {
            [] if template.params().next().is_none() => format!(
                "`{source}` has no parameters: add `{{{name}}}` to the path, or take \
                 query-string values with `Query<T>`"
            ),
            [] => format!("add `{{{name}}}` to the path or remove the argument"),
            [param] if unmatched.len() == 1 => {
                format!("rename the argument to `{param}` or the parameter to `{{{name}}}`")
            }
            params => format!(
                "name it after one of the unmatched parameters: {}",
                params
                    .iter()
                    .map(|param| format!("`{param}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        errors.spanned(
            arg,
            format!("argument `{name}: Path<_>` does not match a parameter of `{source}`; {fix}"),
        );
    }

    // A single renamed argument was reported above, with both names.
    if missing.len() == 1 && unmatched.len() == 1 {
        return;
    }
    for param in missing {
        errors.spanned(
            literal,
            format!(
                "path parameter `{{{param}}}` of `{source}` has no matching argument; add \
                 `{param}: Path<T>` to the handler, e.g. `{param}: Path<i64>` (the argument \
                 is named like the parameter)"
            ),
        );
    }
}
