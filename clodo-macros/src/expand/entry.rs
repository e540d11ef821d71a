//! `impl ::clodo_sdk::__private::Block for ...`: how the runtime reaches the
//! block's description, migrations and routes.

use super::{contract, router};
use crate::model::Block;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;

/// The `Block` implementation of a valid block.
pub(super) fn block_impl(block: &Block) -> TokenStream {
    let self_ty = &block.self_ty;
    let info = contract::block_info(block);
    let migrations = block.migrations.iter().map(|migration| {
        let name = &migration.name;
        let path = &migration.path;
        quote! {
            ::clodo_sdk::__private::Migration {
                name: #name,
                sql: ::core::include_str!(#path),
            }
        }
    });
    let routes = routes(block);
    quote! {
        impl ::clodo_sdk::__private::Block for #self_ty {
            fn info() -> ::clodo_sdk::__private::BlockInfo {
                #info
            }
            fn migrations() -> &'static [::clodo_sdk::__private::Migration] {
                &[#(#migrations),*]
            }
            fn routes() -> ::std::vec::Vec<::clodo_sdk::__private::RouteDef> {
                #routes
            }
        }
    }
}

/// The route list: `Vec::from([...])` (a `vec![...]` that formatters and
/// snapshot readers can see into), or pushes guarded by the handlers'
/// `#[cfg]`s when any handler has one (attributes on array elements are
/// not stable Rust).
fn routes(block: &Block) -> TokenStream {
    let defs = block
        .routes
        .iter()
        .map(|route| router::route_def(&block.self_ty, route));
    if block.routes.iter().all(|route| route.cfgs.is_empty()) {
        return quote!(::std::vec::Vec::from([#(#defs),*]));
    }
    let pushes = block.routes.iter().zip(defs).map(|(route, def)| {
        let cfgs = &route.cfgs;
        quote! {
            #(#cfgs)*
            __clodo_routes.push(#def);
        }
    });
    quote! {
        let mut __clodo_routes = ::std::vec::Vec::new();
        #(#pushes)*
        __clodo_routes
    }
}

/// A `Block` implementation that is never run: emitted only next to compile
/// errors, so that code using the block elsewhere reports nothing extra.
pub(super) fn placeholder_impl(self_ty: &Type) -> TokenStream {
    quote! {
        impl ::clodo_sdk::__private::Block for #self_ty {
            fn info() -> ::clodo_sdk::__private::BlockInfo {
                ::core::unreachable!("#[clodo_block] reported compile errors")
            }
            fn migrations() -> &'static [::clodo_sdk::__private::Migration] {
                &[]
            }
            fn routes() -> ::std::vec::Vec<::clodo_sdk::__private::RouteDef> {
                ::std::vec::Vec::new()
            }
        }
    }
}
