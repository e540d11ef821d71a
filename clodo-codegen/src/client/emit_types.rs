//! The type model as Rust source: `src/types.rs` of the generated crate.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::docs::doc_attrs;
use super::model::{Def, DefKind, Field, Prim, Repr, Shape, Ty, Variant};
use super::names::escape;

/// An identifier, raw when it is a keyword.
pub fn ident(name: &str) -> Ident {
    let escaped = escape(name);
    match escaped.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(&escaped, Span::call_site()),
    }
}

/// Where a type expression is written: inside `types` or elsewhere in the crate.
#[derive(Clone, Copy)]
pub enum At {
    /// Inside the `types` module.
    Types,
    /// Anywhere else (generated types are `types::Name`).
    Outside,
}

/// `ty` as tokens.
pub fn ty_tokens(defs: &[Def], ty: &Ty, at: At) -> TokenStream {
    match ty {
        Ty::Named(id) => {
            let name = ident(&defs[*id].name);
            match at {
                At::Types => quote!(#name),
                At::Outside => quote!(crate::types::#name),
            }
        }
        Ty::Prim(p) => prim_tokens(*p),
        Ty::Vec(inner) => {
            let inner = ty_tokens(defs, inner, at);
            quote!(Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = ty_tokens(defs, inner, at);
            quote!(::std::collections::BTreeMap<String, #inner>)
        }
        Ty::Option(inner) => {
            let inner = ty_tokens(defs, inner, at);
            quote!(Option<#inner>)
        }
        Ty::Boxed(inner) => {
            let inner = ty_tokens(defs, inner, at);
            quote!(Box<#inner>)
        }
    }
}

fn prim_tokens(p: Prim) -> TokenStream {
    match p {
        Prim::String => quote!(String),
        Prim::Bool => quote!(bool),
        Prim::I8 => quote!(i8),
        Prim::I16 => quote!(i16),
        Prim::I32 => quote!(i32),
        Prim::I64 => quote!(i64),
        Prim::U8 => quote!(u8),
        Prim::U16 => quote!(u16),
        Prim::U32 => quote!(u32),
        Prim::U64 => quote!(u64),
        Prim::F32 => quote!(f32),
        Prim::F64 => quote!(f64),
        Prim::Value => quote!(::serde_json::Value),
        Prim::JsonMap => quote!(::serde_json::Map<String, ::serde_json::Value>),
        Prim::DateTime => quote!(::chrono::DateTime<::chrono::Utc>),
        Prim::Date => quote!(::chrono::NaiveDate),
        Prim::Uuid => quote!(::uuid::Uuid),
        Prim::IpAddr => quote!(::std::net::IpAddr),
        Prim::Ipv4Addr => quote!(::std::net::Ipv4Addr),
        Prim::Ipv6Addr => quote!(::std::net::Ipv6Addr),
    }
}

/// Every generated type.
pub fn types_file(defs: &[Def]) -> TokenStream {
    let items = defs.iter().map(|d| def_tokens(defs, d));
    quote! {
        //! Types for the schemas of the document.
        #![allow(clippy::large_enum_variant, clippy::enum_variant_names)]

        #(#items)*
    }
}

fn def_tokens(defs: &[Def], def: &Def) -> TokenStream {
    let name = ident(&def.name);
    let doc = doc_attrs(def.doc.as_deref());
    match &def.kind {
        DefKind::Pending => quote!(),
        DefKind::Alias(ty) => {
            let ty = ty_tokens(defs, ty, At::Types);
            quote! { #doc pub type #name = #ty; }
        }
        DefKind::Struct { fields, extra } => {
            let default =
                fields.iter().all(|f| f.ty.is_option()) && !fields.is_empty() && extra.is_none();
            let default = default.then(|| quote!(Default,));
            let mut body: Vec<TokenStream> =
                fields.iter().map(|f| field_tokens(defs, f, true)).collect();
            if let Some(extra) = extra {
                let ty = ty_tokens(defs, extra, At::Types);
                let fname = extra_name(fields);
                body.push(quote! {
                    /// Properties not listed above.
                    #[serde(flatten)]
                    pub #fname: #ty
                });
            }
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
                pub struct #name { #(#body),* }
            }
        }
        DefKind::Enum { repr, variants } => enum_tokens(defs, &name, &doc, repr, variants),
    }
}

fn extra_name(fields: &[Field]) -> Ident {
    let mut n = "additional_properties".to_owned();
    while fields.iter().any(|f| f.name == n) {
        n.push('_');
    }
    ident(&n)
}

fn field_tokens(defs: &[Def], f: &Field, public: bool) -> TokenStream {
    let doc = doc_attrs(f.doc.as_deref());
    let name = ident(&f.name);
    let ty = ty_tokens(defs, &f.ty, At::Types);
    let mut serde = Vec::new();
    if f.name != f.wire {
        let wire = &f.wire;
        serde.push(quote!(rename = #wire));
    }
    if f.optional {
        serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
    } else if f.ty.is_option() {
        serde.push(quote!(default));
    }
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    let vis = public.then(|| quote!(pub));
    quote! { #doc #serde #vis #name: #ty }
}

fn enum_tokens(
    defs: &[Def],
    name: &Ident,
    doc: &TokenStream,
    repr: &Repr,
    variants: &[Variant],
) -> TokenStream {
    let all_unit = variants.iter().all(|v| matches!(v.shape, Shape::Unit));
    let serde = match repr {
        Repr::External => quote!(),
        Repr::Internal { tag } => quote!(#[serde(tag = #tag)]),
        Repr::Adjacent { tag, content } => quote!(#[serde(tag = #tag, content = #content)]),
        Repr::Untagged => quote!(#[serde(untagged)]),
    };
    let body = variants.iter().map(|v| {
        let vdoc = doc_attrs(v.doc.as_deref());
        let vname = ident(&v.name);
        let rename = v
            .wire
            .as_ref()
            .filter(|w| **w != v.name)
            .map(|w| quote!(#[serde(rename = #w)]));
        let data = match &v.shape {
            Shape::Unit => quote!(),
            Shape::Newtype(ty) => {
                let ty = ty_tokens(defs, ty, At::Types);
                quote!((#ty))
            }
            Shape::Struct(fields) => {
                let fields = fields.iter().map(|f| field_tokens(defs, f, false));
                quote!({ #(#fields),* })
            }
        };
        quote! { #vdoc #rename #vname #data }
    });
    if all_unit && *repr == Repr::External {
        let arms = variants.iter().map(|v| {
            let vname = ident(&v.name);
            let wire = v.wire.clone().unwrap_or_else(|| v.name.clone());
            quote!(Self::#vname => #wire)
        });
        return quote! {
            #doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
            pub enum #name { #(#body),* }

            impl #name {
                /// The value as written in the document.
                pub fn as_str(&self) -> &'static str {
                    match self { #(#arms),* }
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        };
    }
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #serde
        pub enum #name { #(#body),* }
    }
}
