//! Handler arguments: which extractor each one is, and what it is called.
//!
//! Kinds are recognised by the last path segment of the type as written
//! (`clodo_sdk::Path<i64>` and `Path<i64>` are both a path parameter), so
//! users may import or qualify the extractors however they like.

use crate::diag::{Errors, display_tokens};
use syn::ext::IdentExt;
use syn::visit::Visit;
use syn::{GenericArgument, Pat, PathArguments, Type, TypePath};

/// What a handler argument is extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArgKind {
    /// `&Ctx`: the request context, passed by reference.
    Ctx,
    /// `Path<T>`: one path parameter, named like the argument.
    Path,
    /// `Query<T>`: the query string.
    Query,
    /// `Json<T>`: the request body.
    Json,
    /// `User`: the signed-in principal (required).
    User,
    /// `Option<User>`: the principal, when there is one.
    OptionalUser,
}

/// Every argument form a handler may take, for messages.
pub(crate) const SUPPORTED: &str =
    "`&Ctx`, `Path<T>`, `Query<T>`, `Json<T>`, `User` or `Option<User>`";

/// Why an argument type is not an extractor.
pub(crate) enum Misuse {
    /// Not one of the supported forms at all.
    Unsupported,
    /// Close to a supported form; the message says how to fix it.
    Fix(String),
}

/// Recognises the extractor an argument type names.
pub(crate) fn classify(ty: &Type) -> Result<ArgKind, Misuse> {
    match ty {
        Type::Group(group) => classify(&group.elem),
        Type::Paren(paren) => classify(&paren.elem),
        Type::Reference(reference) => match last_segment(&reference.elem) {
            Some(("Ctx", _)) if reference.mutability.is_some() => Err(Misuse::Fix(
                "take the context by shared reference: `ctx: &Ctx`".into(),
            )),
            Some(("Ctx", _)) => Ok(ArgKind::Ctx),
            Some(("Path" | "Query" | "Json" | "User", _)) => Err(Misuse::Fix(format!(
                "take `{}` by value, without `&`",
                display_tokens(&reference.elem)
            ))),
            _ => Err(Misuse::Unsupported),
        },
        Type::Path(_) => {
            let Some((name, inner)) = last_segment(ty) else {
                return Err(Misuse::Unsupported);
            };
            match (name, inner) {
                ("Ctx", _) => Err(Misuse::Fix(
                    "take the context by reference: `ctx: &Ctx`".into(),
                )),
                ("Path", Some(_)) => Ok(ArgKind::Path),
                ("Query", Some(_)) => Ok(ArgKind::Query),
                ("Json", Some(_)) => Ok(ArgKind::Json),
                ("Path" | "Query" | "Json", None) => Err(Misuse::Fix(format!(
                    "`{name}` needs the type of its value: `{name}<T>`, e.g. `{}`",
                    match name {
                        "Path" => "id: Path<i64>",
                        "Query" => "filter: Query<OrderFilter>",
                        _ => "order: Json<NewOrder>",
                    }
                ))),
                ("User", None) => Ok(ArgKind::User),
                ("Option", Some(inner)) if matches!(last_segment(inner), Some(("User", None))) => {
                    Ok(ArgKind::OptionalUser)
                }
                ("Option", _) => Err(Misuse::Fix(
                    "only the principal is optional (`Option<User>`); for optional query \
                     values use `Option` fields in the `Query<T>` struct"
                        .into(),
                )),
                _ => Err(Misuse::Unsupported),
            }
        }
        _ => Err(Misuse::Unsupported),
    }
}

/// The last segment's name of a path type, and its single generic type
/// argument if it has exactly one.
fn last_segment(ty: &Type) -> Option<(&'static str, Option<&Type>)> {
    let Type::Path(TypePath { qself: None, path }) = ty else {
        return None;
    };
    let segment = path.segments.last()?;
    let name = ["Ctx", "Path", "Query", "Json", "User", "Option"]
        .into_iter()
        .find(|name| segment.ident == name)?;
    let inner = match &segment.arguments {
        PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        },
        _ => None,
    };
    Some((name, inner))
}

/// The name an argument's pattern binds: `id` for `id: ...`, `mut id: ...`,
/// `r#id: ...` and `Path(id): ...`.
pub(crate) fn binding_name(pat: &Pat) -> Option<String> {
    match pat {
        Pat::Ident(binding) => Some(binding.ident.unraw().to_string()),
        Pat::TupleStruct(tuple) if tuple.elems.len() == 1 => binding_name(&tuple.elems[0]),
        Pat::Paren(paren) => binding_name(&paren.pat),
        _ => None,
    }
}

/// Records an error for every type a handler signature cannot use inside
/// generated code: non-empty tuples (OpenAPI 3.0 cannot describe them) and
/// `Self` (the generated router lives outside the impl).
pub(crate) fn check_type(ty: &Type, block_type: &Type, errors: &mut Errors) {
    TypeChecker { block_type, errors }.visit_type(ty);
}

struct TypeChecker<'a> {
    block_type: &'a Type,
    errors: &'a mut Errors,
}

impl<'ast> Visit<'ast> for TypeChecker<'_> {
    fn visit_type_tuple(&mut self, tuple: &'ast syn::TypeTuple) {
        if tuple.elems.is_empty() {
            return;
        }
        self.errors.spanned(
            tuple,
            format!(
                "OpenAPI 3.0 cannot describe the tuple `{}`; use a struct with named fields \
                 (deriving `Serialize`/`Deserialize` and `JsonSchema`) instead",
                display_tokens(tuple)
            ),
        );
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        match path.segments.first() {
            Some(first) if path.leading_colon.is_none() && first.ident == "Self" => {
                self.errors.spanned(
                    &first.ident,
                    format!(
                        "write the block type `{}` instead of `Self` in handler signatures \
                         (the generated router is outside this impl)",
                        display_tokens(self.block_type)
                    ),
                );
            }
            _ => syn::visit::visit_path(self, path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn kind(ty: Type) -> Option<ArgKind> {
        classify(&ty).ok()
    }

    fn fix(ty: Type) -> String {
        match classify(&ty) {
            Err(Misuse::Fix(message)) => message,
            Err(Misuse::Unsupported) => "unsupported".into(),
            Ok(kind) => format!("{kind:?}"),
        }
    }

    #[test]
    fn recognises_extractors_by_last_segment() {
        assert_eq!(kind(parse_quote!(&Ctx)), Some(ArgKind::Ctx));
        assert_eq!(kind(parse_quote!(&'a clodo_sdk::Ctx)), Some(ArgKind::Ctx));
        assert_eq!(kind(parse_quote!(Path<i64>)), Some(ArgKind::Path));
        assert_eq!(
            kind(parse_quote!(::clodo_sdk::Query<F>)),
            Some(ArgKind::Query)
        );
        assert_eq!(kind(parse_quote!(Json<Vec<u8>>)), Some(ArgKind::Json));
        assert_eq!(kind(parse_quote!(User)), Some(ArgKind::User));
        assert_eq!(
            kind(parse_quote!(Option<User>)),
            Some(ArgKind::OptionalUser)
        );
        assert_eq!(kind(parse_quote!(String)), None);
        assert_eq!(kind(parse_quote!(impl Sized)), None);
    }

    #[test]
    fn explains_near_misses() {
        assert!(fix(parse_quote!(&mut Ctx)).contains("shared reference"));
        assert!(fix(parse_quote!(Ctx)).contains("by reference"));
        assert!(fix(parse_quote!(&Json<T>)).contains("by value"));
        assert!(fix(parse_quote!(Path)).contains("`Path<T>`"));
        assert!(fix(parse_quote!(Option<i64>)).contains("only the principal is optional"));
        assert_eq!(fix(parse_quote!(Vec<u8>)), "unsupported");
    }

    #[test]
    fn names_bindings() {
        let name = |pat: Pat| binding_name(&pat);
        assert_eq!(name(parse_quote!(id)).as_deref(), Some("id"));
        assert_eq!(name(parse_quote!(mut id)).as_deref(), Some("id"));
        assert_eq!(name(parse_quote!(r#type)).as_deref(), Some("type"));
        assert_eq!(name(parse_quote!(Path(id))).as_deref(), Some("id"));
        assert_eq!(name(parse_quote!(_)), None);
    }

    #[test]
    fn finds_tuples_and_self() {
        let block: Type = parse_quote!(Bakery);
        let count = |ty: Type| {
            let mut errors = Errors::default();
            check_type(&ty, &block, &mut errors);
            errors.into_error().map_or(0, |e| e.into_iter().count())
        };
        assert_eq!(count(parse_quote!(Result<Json<Vec<Order>>, ApiError>)), 0);
        assert_eq!(count(parse_quote!(Result<(), ApiError>)), 0);
        assert_eq!(count(parse_quote!(Json<(i32, (u8, u8))>)), 1);
        assert_eq!(count(parse_quote!(Result<Json<(i32, i32)>, (u8, u8)>)), 2);
        assert_eq!(count(parse_quote!(Json<Self>)), 1);
        assert_eq!(count(parse_quote!(Json<<Self as Tr>::Out>)), 1);
    }
}
