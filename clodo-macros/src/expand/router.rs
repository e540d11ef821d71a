//! One `RouteDef` per handler: method, path, operation name, access and
//! the type-erased handler fn that extracts the arguments and calls the
//! user's handler.

use super::contract;
use crate::model::{Access, ArgKind, Route};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

/// The `RouteDef` value of `route`.
pub(super) fn route_def(self_ty: &Type, route: &Route) -> TokenStream {
    let method = syn::Ident::new(route.method.variant_name(), Span::call_site());
    let path = &route.template.source;
    let operation_id = &route.operation_id;
    let access = access(&route.access);
    let handler = handler_fn(self_ty, route);
    let describe = contract::describe_fn(route);
    let feature = match &route.feature {
        Some(flag) => quote!(::core::option::Option::Some(#flag)),
        None => quote!(::core::option::Option::None),
    };
    quote! {
        ::clodo_sdk::__private::RouteDef {
            method: ::clodo_sdk::__private::Method::#method,
            path: #path,
            operation_id: #operation_id,
            access: #access,
            handler: #handler,
            describe: #describe,
            feature: #feature,
        }
    }
}

fn access(access: &Access) -> TokenStream {
    match access {
        Access::Public => quote!(::clodo_sdk::__private::Access::Public),
        Access::Authenticated => quote!(::clodo_sdk::__private::Access::Authenticated),
        Access::Roles(roles) => quote!(::clodo_sdk::__private::Access::Roles(&[#(#roles),*])),
    }
}

/// The `handler` field: extracts every argument in order (`&Ctx` arguments
/// borrow the context), awaits the user's handler and converts its output.
/// Extraction and conversion are spanned on the user's types, so a type
/// that is not an extractor or output is reported where it was written.
fn handler_fn(self_ty: &Type, route: &Route) -> TokenStream {
    // Locals are interpolated with call-site spans so they resolve the same
    // way inside the fragments spanned on the user's types.
    let req = format_ident!("__clodo_req");
    let ctx = format_ident!("__clodo_ctx");
    let out = format_ident!("__clodo_out");
    let mut extractions = Vec::new();
    let mut call_args = Vec::new();
    for (index, arg) in route.args.iter().enumerate() {
        if arg.kind == ArgKind::Ctx {
            call_args.push(quote!(&#ctx));
            continue;
        }
        let var = format_ident!("__clodo_arg_{}", index);
        let ty = &arg.ty;
        let name = &arg.name;
        extractions.push(quote_spanned! {ty.span()=>
            let #var = <#ty as ::clodo_sdk::__private::Extractor>::extract(&#req, &#ctx, #name)?;
        });
        call_args.push(quote!(#var));
    }
    let handler = &route.handler;
    let output = &route.output;
    let into_result = quote_spanned! {output.span()=>
        <#output as ::clodo_sdk::__private::HandlerOutput>::into_result(#out)
    };
    quote! {
        {
            fn __clodo_handler(
                #req: ::clodo_sdk::__private::Request,
                #ctx: ::clodo_sdk::__private::Ctx,
            ) -> ::clodo_sdk::__private::BoxFuture<'static, ::clodo_sdk::__private::HandlerResult> {
                ::std::boxed::Box::pin(async move {
                    #(#extractions)*
                    let #out = <#self_ty>::#handler(#(#call_args),*).await;
                    #into_result
                })
            }
            __clodo_handler
        }
    }
}
