//! What the contract (OpenAPI document) learns from the block: its name,
//! version and description, and per route a `describe` fn that feeds the
//! summary, description, parameters, body and responses to the SDK's
//! `OperationBuilder`.

use crate::model::{ArgKind, Block, Route};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// The `BlockInfo` value.
pub(super) fn block_info(block: &Block) -> TokenStream {
    let name = match &block.name {
        Some(name) => quote!(#name),
        None => quote!(::core::env!("CARGO_PKG_NAME")),
    };
    let version = match &block.version {
        Some(version) => quote!(#version),
        None => quote!(::core::env!("CARGO_PKG_VERSION")),
    };
    let description = &block.description;
    let features = block.features.iter().map(|(name, default)| {
        quote!(::clodo_sdk::__private::FeatureFlag { name: #name, default: #default })
    });
    quote! {
        ::clodo_sdk::__private::BlockInfo {
            name: #name,
            version: #version,
            description: #description,
            features: &[#(#features),*],
        }
    }
}

/// The `describe` field of a route: a fn item, coerced to a fn pointer.
pub(super) fn describe_fn(route: &Route) -> TokenStream {
    // Interpolated with a call-site span so it resolves the same way inside
    // the fragments spanned on the user's types.
    let op = format_ident!("__clodo_op");
    let summary = route
        .docs
        .summary
        .as_ref()
        .map(|summary| quote!(#op.summary(#summary);));
    let description = route
        .docs
        .description
        .as_ref()
        .map(|description| quote!(#op.description(#description);));
    let args = route
        .args
        .iter()
        .filter(|arg| arg.kind != ArgKind::Ctx)
        .map(|arg| {
            let ty = &arg.ty;
            let name = &arg.name;
            quote_spanned! {ty.span()=>
                <#ty as ::clodo_sdk::__private::Extractor>::describe(#op, #name);
            }
        });
    let output = &route.output;
    let output = quote_spanned! {output.span()=>
        <#output as ::clodo_sdk::__private::HandlerOutput>::describe(#op);
    };
    quote! {
        {
            fn __clodo_describe(#op: &mut ::clodo_sdk::__private::OperationBuilder<'_>) {
                #summary
                #description
                #(#args)*
                #output
            }
            __clodo_describe
        }
    }
}
