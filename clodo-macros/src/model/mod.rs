//! Stage 2: validate the parsed impl into a [`Block`].
//!
//! A [`Block`] only exists when every check passed, and it is the only thing
//! [`crate::expand`] turns into a `Block` implementation. Validation never
//! stops early: every problem is recorded with the span of its tokens.

mod args;
mod handler;
mod migrations;
mod template;

pub(crate) use args::ArgKind;
pub(crate) use migrations::{BuildEnv, Migration};
pub(crate) use template::PathTemplate;

use crate::diag::{Errors, display_tokens};
use crate::parse::{Docs, Method, ParsedBlock};
use handler::CheckedRoute;
use std::collections::HashMap;
use syn::{Attribute, Ident, ItemImpl, LitStr, Type};

/// A block that passed validation.
pub(crate) struct Block {
    /// The type the impl is for; handler calls go through it.
    pub(crate) self_ty: Type,
    /// The impl, clodo attributes removed.
    pub(crate) item: ItemImpl,
    /// `name = "..."`, or the crate name when absent.
    pub(crate) name: Option<LitStr>,
    /// `version = "..."`, or the crate version when absent.
    pub(crate) version: Option<LitStr>,
    /// The impl's doc comment.
    pub(crate) description: String,
    /// SQL migrations, in order.
    pub(crate) migrations: Vec<Migration>,
    /// Routes, in source order.
    pub(crate) routes: Vec<Route>,
    /// Declared feature flags with their defaults, in source order.
    pub(crate) features: Vec<(String, bool)>,
}

/// One handler, routed.
pub(crate) struct Route {
    /// HTTP method.
    pub(crate) method: Method,
    /// Path template.
    pub(crate) template: PathTemplate,
    /// The handler fn.
    pub(crate) handler: Ident,
    /// OpenAPI operationId: the handler's name.
    pub(crate) operation_id: String,
    /// Who may call it.
    pub(crate) access: Access,
    /// Summary and description.
    pub(crate) docs: Docs,
    /// Arguments, in order.
    pub(crate) args: Vec<Arg>,
    /// Return type (`()` when none is written).
    pub(crate) output: Type,
    /// `#[cfg]` attributes of the handler, repeated on its route.
    pub(crate) cfgs: Vec<Attribute>,
    /// `#[feature("...")]`: the flag the route depends on (declared by the block).
    pub(crate) feature: Option<String>,
}

/// Who may call a route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Access {
    /// `#[public]`: anyone.
    Public,
    /// Neither attribute: any signed-in principal.
    Authenticated,
    /// `#[auth(role = "...")]`: principals holding any of these roles.
    Roles(Vec<String>),
}

/// One handler argument.
pub(crate) struct Arg {
    /// The extractor.
    pub(crate) kind: ArgKind,
    /// The type as written.
    pub(crate) ty: Type,
    /// The binding's name (`arg{index}` when the pattern binds none).
    pub(crate) name: String,
}

/// What is left when validation fails: enough to emit the user's impl and
/// the errors, and no more.
pub(crate) struct Invalid {
    /// The impl, clodo attributes removed.
    pub(crate) item: ItemImpl,
    /// The block type, when the impl header is sound enough to give it a
    /// placeholder `Block` implementation (so that code using the block
    /// does not add "trait not implemented" errors to the real ones).
    pub(crate) placeholder_for: Option<Type>,
    /// Every error found.
    pub(crate) error: syn::Error,
}

impl Block {
    /// Validates `parsed`, adding to the errors parsing already found.
    pub(crate) fn validate(
        parsed: ParsedBlock,
        env: &BuildEnv,
        mut errors: Errors,
    ) -> Result<Block, Box<Invalid>> {
        let ParsedBlock {
            args,
            item,
            docs,
            handlers,
        } = parsed;
        let header_ok = check_impl_header(&item, &mut errors);
        let self_ty = (*item.self_ty).clone();

        let migrations = migrations::find(args.migrations.as_ref(), env)
            .map_err(|error| errors.push(error))
            .unwrap_or_default();

        let checked: Vec<CheckedRoute> = handlers
            .into_iter()
            .filter_map(|handler| handler::check(handler, &self_ty, &args.features, &mut errors))
            .collect();
        check_conflicts(&checked, &mut errors);

        match errors.into_error() {
            Some(error) => Err(Box::new(Invalid {
                item,
                placeholder_for: header_ok.then_some(self_ty),
                error,
            })),
            None => Ok(Block {
                self_ty,
                item,
                name: args.name,
                version: args.version,
                description: docs.full_text(),
                migrations,
                routes: checked.into_iter().map(|checked| checked.route).collect(),
                features: args
                    .features
                    .iter()
                    .map(|f| (f.name.to_string(), f.default))
                    .collect(),
            }),
        }
    }
}

/// Records problems with the `impl` line itself; `true` when there are none.
fn check_impl_header(item: &ItemImpl, errors: &mut Errors) -> bool {
    let mut ok = true;
    if let Some((_, trait_path, _)) = &item.trait_ {
        errors.spanned(
            trait_path,
            format!(
                "#[clodo_block] goes on the block's inherent impl (`impl {} {{ ... }}`), \
                 not on a trait impl",
                display_tokens(&item.self_ty)
            ),
        );
        ok = false;
    }
    if !item.generics.params.is_empty() {
        errors.spanned(
            &item.generics,
            "a block type cannot be generic: the runtime instantiates it by name; \
             remove the generic parameters",
        );
        ok = false;
    }
    if let Some(unsafety) = &item.unsafety {
        errors.spanned(unsafety, "a block impl cannot be `unsafe`; remove `unsafe`");
        ok = false;
    }
    ok
}

/// Two routes with the same method and path shape, or two operation names
/// that generated clients would spell the same way. Routes behind different
/// `#[cfg]`s are never compared: they may be mutually exclusive.
fn check_conflicts(routes: &[CheckedRoute], errors: &mut Errors) {
    let mut by_shape: HashMap<(&str, String, String), &Route> = HashMap::new();
    let mut by_operation: HashMap<(String, String), &Route> = HashMap::new();
    for CheckedRoute { route, attr } in routes {
        let route_cfgs = &route.cfgs;
        let cfgs = quote::quote!(#(#route_cfgs)*).to_string();
        let method = route.method.http_name();
        let key = (method, route.template.shape(), cfgs.clone());
        if let Some(first) = by_shape.get(&key) {
            let source = &route.template.source;
            let other = if first.template.source == *source {
                String::new()
            } else {
                format!(" (`{method} {}`)", first.template.source)
            };
            errors.spanned(
                attr,
                format!(
                    "`{method} {source}` is already served by `{}`{other}; two handlers cannot \
                     share a method and path (parameter names do not tell paths apart): \
                     change the path or merge the handlers",
                    first.operation_id
                ),
            );
        } else {
            by_shape.insert(key, route);
        }

        let normalized = (route.operation_id.to_lowercase().replace('_', ""), cfgs);
        if let Some(first) = by_operation.get(&normalized) {
            errors.spanned(
                &route.handler,
                format!(
                    "operation name `{}` clashes with `{}`: operationIds are compared ignoring \
                     case and `_` (generated clients would get the same method name); \
                     rename one of the handlers",
                    route.operation_id, first.operation_id
                ),
            );
        } else {
            by_operation.insert(normalized, route);
        }
    }
}
