//! Operations as Rust source: `src/client.rs` of the generated crate, with
//! the `Client`, its builder (one method per security scheme) and one async
//! method per operation.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use super::docs::doc_attrs;
use super::emit_types::{At, ident, ty_tokens};
use super::model::{Def, Prim, Ty};
use super::names::{Scope, snake};
use super::ops::{BodyKind, In, Op, StatusPat, Success};

/// Builder methods that security schemes must not take.
const BUILDER_METHODS: &[&str] = &[
    "new",
    "timeout",
    "retry",
    "header",
    "transport",
    "build",
    "base_url",
];

/// `client.rs`: the client, its builder and the operations.
pub fn client_file(defs: &[Def], ops: &[Op], root: &Value, title: &str) -> TokenStream {
    let auth = auth_methods(root);
    let methods = ops.iter().map(|op| op_tokens(defs, op));
    let client_doc = doc_attrs(Some(&format!(
        "A client for {title}.\n\nCheap to clone: clones share the connection pool and settings."
    )));
    quote! {
        //! The client and one method per operation.

        use std::sync::Arc;
        use std::time::Duration;

        use crate::runtime::{self, RetryPolicy, Transport, TransportError};

        #client_doc
        #[derive(Debug, Clone)]
        pub struct Client {
            inner: Arc<runtime::Inner>,
        }

        /// Settings for a [`Client`]: base URL, credentials, timeout, retries, transport.
        pub struct ClientBuilder {
            base_url: String,
            credentials: Vec<runtime::Credential>,
            retry: RetryPolicy,
            timeout: Option<Duration>,
            headers: Vec<(String, String)>,
            transport: Option<Arc<dyn Transport>>,
        }

        impl std::fmt::Debug for ClientBuilder {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("ClientBuilder")
                    .field("base_url", &self.base_url)
                    .field("credentials", &self.credentials)
                    .field("retry", &self.retry)
                    .field("timeout", &self.timeout)
                    .finish_non_exhaustive()
            }
        }

        impl ClientBuilder {
            #(#auth)*

            /// Gives up on a request after `timeout` (the default transport only).
            pub fn timeout(mut self, timeout: Duration) -> Self {
                self.timeout = Some(timeout);
                self
            }

            /// Retries idempotent requests as `policy` says (none by default).
            pub fn retry(mut self, policy: RetryPolicy) -> Self {
                self.retry = policy;
                self
            }

            /// Sends `name: value` with every request.
            pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.headers.push((name.into(), value.into()));
                self
            }

            /// Sends requests through `transport` instead of the default
            /// (`reqwest`); for instance a Service Binding in a Worker.
            pub fn transport(mut self, transport: impl Transport + 'static) -> Self {
                self.transport = Some(Arc::new(transport));
                self
            }

            /// The client.
            pub fn build(self) -> Result<Client, TransportError> {
                let transport = match self.transport {
                    Some(t) => t,
                    None => runtime::default_transport(self.timeout)?,
                };
                Ok(Client {
                    inner: Arc::new(runtime::Inner {
                        base_url: self.base_url.trim_end_matches('/').to_owned(),
                        transport,
                        credentials: self.credentials,
                        retry: self.retry,
                        headers: self.headers,
                    }),
                })
            }
        }

        impl Client {
            /// A client for the API at `base_url` (for instance
            /// `https://api.example.com`), with default settings.
            pub fn new(base_url: impl Into<String>) -> Result<Self, TransportError> {
                Self::builder(base_url).build()
            }

            /// Settings for a client of the API at `base_url`.
            pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
                ClientBuilder {
                    base_url: base_url.into(),
                    credentials: Vec::new(),
                    retry: RetryPolicy::none(),
                    timeout: None,
                    headers: Vec::new(),
                    transport: None,
                }
            }

            /// The base URL requests go to.
            pub fn base_url(&self) -> &str {
                &self.inner.base_url
            }

            #(#methods)*
        }
    }
}

/// One builder method per security scheme of the document.
fn auth_methods(root: &Value) -> Vec<TokenStream> {
    let Some(schemes) = root
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    let mut scope = Scope::with_reserved(BUILDER_METHODS);
    let mut out = Vec::new();
    for (scheme, def) in schemes {
        let method = ident(&scope.claim(&snake(scheme)));
        let get = |k: &str| def.get(k).and_then(Value::as_str).unwrap_or("");
        let described = def
            .get("description")
            .and_then(Value::as_str)
            .map(|d| format!("\n\n{d}"))
            .unwrap_or_default();
        let (doc, body) = match (get("type"), get("scheme").to_ascii_lowercase().as_str()) {
            ("http", "basic") => (
                format!(
                    "Authenticates with HTTP basic credentials (scheme `{scheme}`).{described}"
                ),
                quote! {
                    pub fn #method(mut self, user: &str, password: &str) -> Self {
                        self.credentials.retain(|c| c.scheme != #scheme);
                        self.credentials.push(runtime::Credential {
                            scheme: #scheme,
                            location: runtime::Location::Header,
                            name: "authorization",
                            value: runtime::basic_auth(user, password),
                        });
                        self
                    }
                },
            ),
            ("apiKey", _) => {
                let name = get("name");
                let location = match get("in") {
                    "query" => quote!(runtime::Location::Query),
                    "cookie" => quote!(runtime::Location::Cookie),
                    _ => quote!(runtime::Location::Header),
                };
                (
                    format!(
                        "Authenticates with an API key sent as `{name}` (scheme `{scheme}`).{described}"
                    ),
                    quote! {
                        pub fn #method(mut self, key: impl Into<String>) -> Self {
                            self.credentials.retain(|c| c.scheme != #scheme);
                            self.credentials.push(runtime::Credential {
                                scheme: #scheme,
                                location: #location,
                                name: #name,
                                value: key.into(),
                            });
                            self
                        }
                    },
                )
            }
            _ => (
                format!("Authenticates with a bearer token (scheme `{scheme}`).{described}"),
                quote! {
                    pub fn #method(mut self, token: impl Into<String>) -> Self {
                        self.credentials.retain(|c| c.scheme != #scheme);
                        self.credentials.push(runtime::Credential {
                            scheme: #scheme,
                            location: runtime::Location::Header,
                            name: "authorization",
                            value: format!("Bearer {}", token.into()),
                        });
                        self
                    }
                },
            ),
        };
        let doc = doc_attrs(Some(&doc));
        out.push(quote!(#doc #body));
    }
    out
}

/// The argument type for a parameter of type `ty`: borrowed where cheap.
fn arg_type(defs: &[Def], ty: &Ty) -> TokenStream {
    match ty {
        Ty::Option(inner) => {
            let inner = arg_type(defs, inner);
            quote!(Option<#inner>)
        }
        Ty::Prim(Prim::String) => quote!(&str),
        Ty::Vec(inner) => {
            let inner = ty_tokens(defs, inner, At::Outside);
            quote!(&[#inner])
        }
        Ty::Prim(p) if !matches!(p, Prim::Value | Prim::JsonMap) => {
            ty_tokens(defs, ty, At::Outside)
        }
        other => {
            let t = ty_tokens(defs, other, At::Outside);
            quote!(&#t)
        }
    }
}

fn status_tokens(list: &[StatusPat]) -> TokenStream {
    let items = list.iter().map(|s| match s {
        StatusPat::Code(c) => {
            let c = proc_macro2::Literal::u16_unsuffixed(*c);
            quote!(runtime::Status::Code(#c))
        }
        StatusPat::Range(r) => {
            let r = proc_macro2::Literal::u16_unsuffixed(*r);
            quote!(runtime::Status::Range(#r))
        }
        StatusPat::Default => quote!(runtime::Status::Default),
    });
    quote!(&[#(#items),*])
}

fn op_tokens(defs: &[Def], op: &Op) -> TokenStream {
    let name = ident(&op.name);
    let mut doc_text = op.doc.clone().unwrap_or_default();
    let documented: Vec<String> = op
        .params
        .iter()
        .filter_map(|p| {
            p.doc.as_deref().map(|d| {
                let d = d.split_whitespace().collect::<Vec<_>>().join(" ");
                format!("- `{}`: {d}", p.name)
            })
        })
        .collect();
    if !documented.is_empty() {
        doc_text.push_str("\n\n# Arguments\n\n");
        doc_text.push_str(&documented.join("\n"));
    }
    let doc = doc_attrs(Some(&doc_text));
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let args: Vec<TokenStream> = op
        .params
        .iter()
        .map(|p| {
            let n = ident(&p.name);
            let t = arg_type(defs, &p.ty);
            quote!(#n: #t)
        })
        .chain(op.body.iter().map(|b| {
            let n = ident(&b.name);
            let t = match &b.kind {
                BodyKind::Json(ty) | BodyKind::Form(ty) | BodyKind::Multipart(ty, _) => {
                    arg_type(defs, ty)
                }
                BodyKind::Text => quote!(String),
                BodyKind::Bytes => quote!(Vec<u8>),
            };
            // An optional body whose schema is nullable is already an
            // `Option`: `None` sends no body (not `Option<Option<_>>`).
            if b.required || b.kind.is_option() {
                quote!(#n: #t)
            } else {
                quote!(#n: Option<#t>)
            }
        }))
        .collect();
    let many = (args.len() > 6).then(|| quote!(#[allow(clippy::too_many_arguments)]));

    // The path: literal pieces and encoded parameters, concatenated.
    let mut pieces = Vec::new();
    let mut rest = op.path.as_str();
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            let lit = &rest[..start];
            pieces.push(quote!(#lit));
        }
        let wire = &rest[start + 1..start + len];
        if let Some(p) = op
            .params
            .iter()
            .find(|p| p.location == In::Path && p.wire == wire)
        {
            let n = ident(&p.name);
            pieces.push(quote!(runtime::path(#wire, &#n)?.as_str()));
        }
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        pieces.push(quote!(#rest));
    }
    let path = if pieces.len() == 1 && !op.path.contains('{') {
        let p = &op.path;
        quote!(#p.to_owned())
    } else {
        quote!([#(#pieces),*].concat())
    };
    let method = ident(&op.method);
    let mut chain = vec![quote!(runtime::Request::new(http::Method::#method, #path))];
    for p in &op.params {
        let n = ident(&p.name);
        let wire = &p.wire;
        match p.location {
            In::Path => {}
            In::Query if p.comma_separated => chain.push(quote!(.query_joined(#wire, &#n)?)),
            In::Query => chain.push(quote!(.query(#wire, &#n)?)),
            In::Header => chain.push(quote!(.header(#wire, &#n)?)),
            In::Cookie => chain.push(quote!(.cookie(#wire, &#n)?)),
        }
    }
    if let Some(b) = &op.body {
        let n = ident(&b.name);
        let ct = &b.content_type;
        chain.push(match (&b.kind, b.required) {
            (BodyKind::Json(ty), false) if ty.is_option() => quote!(.maybe_json(#ct, #n.as_ref())?),
            (BodyKind::Json(_), true) => quote!(.json(#ct, &#n)?),
            (BodyKind::Json(_), false) => quote!(.maybe_json(#ct, #n)?),
            (BodyKind::Form(_), true) => quote!(.form(#ct, &#n)?),
            (BodyKind::Form(_), false) => quote!(.form(#ct, &#n)?),
            (BodyKind::Multipart(_, files), true) => quote!(.multipart(&#n, &[#(#files),*])?),
            (BodyKind::Multipart(_, files), false) => {
                quote!(.maybe_multipart(#n.as_ref(), &[#(#files),*])?)
            }
            (BodyKind::Text, true) => quote!(.bytes(#ct, #n.into_bytes())),
            (BodyKind::Text, false) => {
                quote!(.bytes(#ct, #n.map(String::into_bytes).unwrap_or_default()))
            }
            (BodyKind::Bytes, true) => quote!(.bytes(#ct, #n)),
            (BodyKind::Bytes, false) => quote!(.bytes(#ct, #n.unwrap_or_default())),
        });
    }
    let alts = op.security.iter().map(|alt| quote!(&[#(#alt),*]));
    chain.push(quote!(.security(&[#(#alts),*])));

    let err_ty = match &op.error {
        Some(ty) => ty_tokens(defs, ty, At::Outside),
        None => quote!(()),
    };
    let ok = status_tokens(&op.ok);
    let err = status_tokens(&op.err);
    let (ret, decode) = match &op.success {
        Success::Empty => (quote!(()), quote!(.empty(#ok, #err))),
        Success::Json(ty) => {
            let t = ty_tokens(defs, ty, At::Outside);
            (quote!(#t), quote!(.json(#ok, #err)))
        }
        Success::Text => (quote!(String), quote!(.text(#ok, #err))),
        Success::Bytes => (quote!(Vec<u8>), quote!(.bytes(#ok, #err))),
    };
    quote! {
        #doc
        #deprecated
        #many
        pub async fn #name(&self, #(#args),*) -> Result<#ret, runtime::Error<#err_ty>> {
            self.inner
                .execute(#(#chain)*)
                .await?
                #decode
        }
    }
}
