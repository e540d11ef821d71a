//! Stage 1: read `#[clodo_block(...)]` and the annotated impl.
//!
//! Parsing keeps the original tokens (for error spans) and strips the
//! clodo handler attributes from the impl, so the impl can be emitted again
//! whether or not validation succeeds. Nothing here decides whether a
//! handler makes sense: that is [`crate::model`]'s job.

mod block_args;
mod docs;
mod handler_attrs;

pub(crate) use block_args::{BlockArgs, FeatureDecl, is_flag_name};
pub(crate) use docs::Docs;
pub(crate) use handler_attrs::{HandlerAttrs, Method};

use crate::diag::Errors;
use proc_macro2::TokenStream;
use syn::{Attribute, ImplItem, ItemImpl, Signature};

/// The attribute arguments and the impl, as written.
pub(crate) struct ParsedBlock {
    /// `#[clodo_block(...)]`'s arguments.
    pub(crate) args: BlockArgs,
    /// The impl with every clodo attribute removed: what gets emitted.
    pub(crate) item: ItemImpl,
    /// The impl's doc comment.
    pub(crate) docs: Docs,
    /// Every associated fn that carried a clodo attribute, in source order.
    pub(crate) handlers: Vec<ParsedHandler>,
}

/// An associated fn with at least one clodo attribute.
pub(crate) struct ParsedHandler {
    /// The clodo attributes it carried.
    pub(crate) attrs: HandlerAttrs,
    /// Its signature, as written.
    pub(crate) sig: Signature,
    /// Its doc comment.
    pub(crate) docs: Docs,
    /// Its `#[cfg(...)]` attributes, repeated on the generated route.
    pub(crate) cfgs: Vec<Attribute>,
}

/// Parses the macro input. Returns `None` when `item` is not an impl at
/// all, in which case the caller re-emits `item` untouched.
pub(crate) fn parse(
    args: TokenStream,
    item: TokenStream,
    errors: &mut Errors,
) -> Option<ParsedBlock> {
    let args = BlockArgs::parse(args, errors);
    let mut item: ItemImpl = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(_) => {
            errors.spanned(
                item,
                "#[clodo_block] goes on the inherent impl of a block type: \
                 `pub struct MyBlock;` then `#[clodo_block] impl MyBlock { ... }`",
            );
            return None;
        }
    };
    let docs = Docs::from_attrs(&item.attrs);
    let mut handlers = Vec::new();
    for impl_item in &mut item.items {
        match impl_item {
            ImplItem::Fn(function) => {
                let attrs = HandlerAttrs::take(&mut function.attrs, errors);
                if attrs.first.is_some() {
                    handlers.push(ParsedHandler {
                        attrs,
                        sig: function.sig.clone(),
                        docs: Docs::from_attrs(&function.attrs),
                        cfgs: function
                            .attrs
                            .iter()
                            .filter(|attr| attr.path().is_ident("cfg"))
                            .cloned()
                            .collect(),
                    });
                }
            }
            other => {
                let attrs = match other {
                    ImplItem::Const(item) => &mut item.attrs,
                    ImplItem::Type(item) => &mut item.attrs,
                    ImplItem::Macro(item) => &mut item.attrs,
                    _ => continue,
                };
                let found = HandlerAttrs::take(attrs, &mut Errors::default());
                if let Some(first) = found.first {
                    errors.spanned(
                        first,
                        "clodo handler attributes go on an `async fn` of the block, \
                         e.g. `#[get(\"/menu\")] async fn menu(ctx: &Ctx) -> ...`",
                    );
                }
            }
        }
    }
    Some(ParsedBlock {
        args,
        item,
        docs,
        handlers,
    })
}
