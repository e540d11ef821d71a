//! Stage 3: emit the user's impl and its `Block` implementation.
//!
//! Everything here takes and returns [`TokenStream`]s so it can be unit
//! tested without a compiler. Generated code names the SDK only through
//! absolute paths (`::clodo_sdk::__private::...`, `::core::...`, `::std::...`)
//! and prefixes its own identifiers with `__clodo_`; argument and return
//! types are emitted exactly as written so the user's imports resolve them.

mod contract;
mod entry;
mod router;

use crate::diag::Errors;
use crate::model::{Block, BuildEnv, Invalid};
use crate::parse;
use proc_macro2::TokenStream;
use quote::quote;

/// The whole macro: parse, validate, expand. On error the user's impl is
/// still emitted (without the clodo attributes) next to the errors.
pub(crate) fn clodo_block(args: TokenStream, item: TokenStream, env: &BuildEnv) -> TokenStream {
    let mut errors = Errors::default();
    let Some(parsed) = parse::parse(args, item.clone(), &mut errors) else {
        let errors = errors.to_compile_errors();
        return quote!(#item #errors);
    };
    match Block::validate(parsed, env, errors) {
        Ok(block) => expand_block(&block),
        Err(invalid) => expand_invalid(&invalid),
    }
}

/// A valid block: the impl, then `impl Block for ...`.
pub(crate) fn expand_block(block: &Block) -> TokenStream {
    let item = &block.item;
    let block_impl = entry::block_impl(block);
    quote! {
        #item
        #block_impl
    }
}

/// An invalid block: the impl, the errors, and a placeholder `Block`
/// implementation so uses of the block elsewhere do not pile on errors.
fn expand_invalid(invalid: &Invalid) -> TokenStream {
    let item = &invalid.item;
    let errors = invalid.error.to_compile_error();
    let placeholder = invalid
        .placeholder_for
        .as_ref()
        .map(entry::placeholder_impl);
    quote! {
        #item
        #errors
        #placeholder
    }
}

#[cfg(test)]
mod tests;
