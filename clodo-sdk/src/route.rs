//! Route definitions (what `#[clodo_block]` emits) and the router that
//! matches requests against them.

use std::fmt;

use crate::contract::OperationBuilder;
use crate::ctx::Ctx;
use crate::error::ApiError;
use crate::http_types::{Request, Response};
use crate::maybe_send::BoxFuture;

/// HTTP methods a handler can serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// Upper-case name, as in `Allow`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Maps an HTTP method; `None` for methods no handler can serve.
    pub fn from_http(m: &http::Method) -> Option<Self> {
        Some(match *m {
            http::Method::GET => Method::Get,
            http::Method::POST => Method::Post,
            http::Method::PUT => Method::Put,
            http::Method::PATCH => Method::Patch,
            http::Method::DELETE => Method::Delete,
            _ => return None,
        })
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who may call a route. Deny by default: only `Public` skips the token check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (`#[public]`).
    Public,
    /// Any valid principal of the request's domain (no attribute).
    Authenticated,
    /// A valid principal holding at least one of these roles (`#[auth(role = "...")]`).
    Roles(&'static [&'static str]),
}

/// What a handler resolves to.
pub type HandlerResult = Result<Response, ApiError>;

/// A type-erased handler: extraction, the user's function and response conversion.
pub type Handler = fn(Request, Ctx) -> BoxFuture<'static, HandlerResult>;

/// One route of a block, as the macro emits it. The router and the contract
/// are both built from this one definition.
#[derive(Clone, Copy)]
pub struct RouteDef {
    /// Method served.
    pub method: Method,
    /// Path template relative to the block's mount point, e.g. `/orders/{id}`.
    pub path: &'static str,
    /// The operationId: the handler's name.
    pub operation_id: &'static str,
    /// Who may call it.
    pub access: Access,
    /// The handler.
    pub handler: Handler,
    /// Describes the operation for the contract.
    pub describe: fn(&mut OperationBuilder<'_>),
    /// The feature flag the route depends on (`#[feature("...")]`): when the
    /// domain has it off, the route is not served (404) and not in the
    /// domain's contract.
    pub feature: Option<&'static str>,
}

impl fmt::Debug for RouteDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RouteDef")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("operation_id", &self.operation_id)
            .field("access", &self.access)
            .field("feature", &self.feature)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param(&'static str),
}

/// A route placed in the router: its full template and where it came from.
#[derive(Debug)]
pub(crate) struct Placed {
    pub def: RouteDef,
    /// Index of the mounted block.
    pub mount: usize,
    /// Full path template, prefix included.
    pub template: String,
    segments: Vec<Segment>,
}

/// Why a route table could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RouterError {
    /// A template or prefix is malformed.
    #[error("invalid path template `{template}`: {reason}")]
    InvalidTemplate {
        /// The template.
        template: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// Two routes serve the same method and path.
    #[error("{method} {template} is served twice (operations `{first}` and `{second}`)")]
    Conflict {
        /// The method.
        method: Method,
        /// The template.
        template: String,
        /// First operation.
        first: &'static str,
        /// Second operation.
        second: &'static str,
    },
}

/// The outcome of matching a request path.
pub(crate) enum Match<'a> {
    Found(&'a Placed, Vec<(&'static str, String)>),
    MethodNotAllowed(Vec<&'static str>),
    BadPath(String),
    NotFound,
}

/// Routes of every mounted block, most specific first.
#[derive(Debug, Default)]
pub(crate) struct Router {
    routes: Vec<Placed>,
}

fn parse_template(prefix: &str, path: &'static str) -> Result<Vec<Segment>, RouterError> {
    let invalid = |reason| RouterError::InvalidTemplate {
        template: format!("{prefix}{path}"),
        reason,
    };
    let mut segments = Vec::new();
    for part in prefix.split('/').filter(|s| !s.is_empty()) {
        if part.contains(['{', '}']) {
            return Err(invalid("mount prefixes cannot hold parameters"));
        }
        segments.push(Segment::Literal(part.to_owned()));
    }
    if !path.starts_with('/') {
        return Err(invalid("a path must start with `/`"));
    }
    if path == "/" {
        return Ok(segments);
    }
    for part in path[1..].split('/') {
        if part.is_empty() {
            return Err(invalid("empty path segment"));
        }
        if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            if name.is_empty() || name.contains(['{', '}']) {
                return Err(invalid("parameter segments look like `{name}`"));
            }
            segments.push(Segment::Param(name));
        } else if part.contains(['{', '}']) {
            return Err(invalid("a parameter must be a whole segment"));
        } else {
            segments.push(Segment::Literal(part.to_owned()));
        }
    }
    Ok(segments)
}

/// Normalised mount prefix: "" for the root, else "/a/b" without a trailing slash.
pub(crate) fn normalise_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

impl Router {
    pub(crate) fn add(
        &mut self,
        mount: usize,
        prefix: &str,
        def: RouteDef,
    ) -> Result<(), RouterError> {
        let segments = parse_template(prefix, def.path)?;
        let template = if def.path == "/" && !prefix.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}{}", def.path)
        };
        for other in &self.routes {
            if other.def.method == def.method && same_shape(&other.segments, &segments) {
                return Err(RouterError::Conflict {
                    method: def.method,
                    template,
                    first: other.def.operation_id,
                    second: def.operation_id,
                });
            }
        }
        self.routes.push(Placed {
            def,
            mount,
            template,
            segments,
        });
        // Literal segments win over parameters, position by position.
        self.routes
            .sort_by_key(|r| std::cmp::Reverse(specificity(&r.segments)));
        Ok(())
    }

    pub(crate) fn routes(&self) -> &[Placed] {
        &self.routes
    }

    /// The route for `method` (a `HEAD` request asks for `Some(Method::Get)`)
    /// at `path`; `Allow` lists `HEAD` beside every `GET`.
    pub(crate) fn find(&self, method: Option<Method>, path: &str) -> Match<'_> {
        let raw: Vec<&str> = if path == "/" || path.is_empty() {
            Vec::new()
        } else {
            path.strip_prefix('/').unwrap_or(path).split('/').collect()
        };
        let mut allowed: Vec<&'static str> = Vec::new();
        for placed in &self.routes {
            if !shape_matches(&placed.segments, &raw) {
                continue;
            }
            if Some(placed.def.method) == method {
                let mut params = Vec::new();
                for (seg, value) in placed.segments.iter().zip(&raw) {
                    if let Segment::Param(name) = seg {
                        match percent_encoding::percent_decode_str(value).decode_utf8() {
                            Ok(v) => params.push((*name, v.into_owned())),
                            Err(_) => {
                                return Match::BadPath(format!(
                                    "path parameter `{name}` is not valid UTF-8 after percent-decoding"
                                ));
                            }
                        }
                    }
                }
                return Match::Found(placed, params);
            }
            let m = placed.def.method.as_str();
            if !allowed.contains(&m) {
                allowed.push(m);
            }
            // HEAD is served wherever GET is (RFC 9110 §9.3.2).
            if placed.def.method == Method::Get && !allowed.contains(&"HEAD") {
                allowed.push("HEAD");
            }
        }
        if allowed.is_empty() {
            Match::NotFound
        } else {
            allowed.sort_unstable();
            Match::MethodNotAllowed(allowed)
        }
    }
}

fn shape_matches(segments: &[Segment], raw: &[&str]) -> bool {
    segments.len() == raw.len()
        && segments.iter().zip(raw).all(|(s, r)| match s {
            Segment::Literal(l) => l == r,
            Segment::Param(_) => !r.is_empty(),
        })
}

fn same_shape(a: &[Segment], b: &[Segment]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Segment::Literal(l), Segment::Literal(r)) => l == r,
            (Segment::Param(_), Segment::Param(_)) => true,
            _ => false,
        })
}

fn specificity(segments: &[Segment]) -> Vec<bool> {
    segments
        .iter()
        .map(|s| matches!(s, Segment::Literal(_)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::OperationBuilder;

    fn def(method: Method, path: &'static str, op: &'static str) -> RouteDef {
        fn h(_: Request, _: Ctx) -> BoxFuture<'static, HandlerResult> {
            Box::pin(async { Err(ApiError::not_found("x")) })
        }
        fn d(_: &mut OperationBuilder<'_>) {}
        RouteDef {
            method,
            path,
            operation_id: op,
            access: Access::Public,
            handler: h,
            describe: d,
            feature: None,
        }
    }

    fn op_of(m: Match<'_>) -> String {
        match m {
            Match::Found(p, params) => format!("{} {:?}", p.def.operation_id, params),
            Match::MethodNotAllowed(a) => format!("405 {a:?}"),
            Match::BadPath(e) => format!("400 {e}"),
            Match::NotFound => "404".into(),
        }
    }

    #[test]
    fn literal_beats_parameter_and_methods_are_collected() {
        let mut r = Router::default();
        r.add(0, "", def(Method::Get, "/orders/{id}", "get_order"))
            .unwrap();
        r.add(0, "", def(Method::Get, "/orders/mine", "mine"))
            .unwrap();
        r.add(0, "", def(Method::Post, "/orders", "place")).unwrap();
        r.add(0, "", def(Method::Get, "/", "root")).unwrap();
        assert_eq!(op_of(r.find(Some(Method::Get), "/orders/mine")), "mine []");
        assert_eq!(
            op_of(r.find(Some(Method::Get), "/orders/4%32")),
            r#"get_order [("id", "42")]"#
        );
        assert_eq!(
            op_of(r.find(Some(Method::Delete), "/orders")),
            r#"405 ["POST"]"#
        );
        assert_eq!(op_of(r.find(None, "/orders/1")), r#"405 ["GET", "HEAD"]"#);
        assert_eq!(op_of(r.find(Some(Method::Get), "/nope")), "404");
        assert_eq!(op_of(r.find(Some(Method::Get), "/orders/")), "404");
        assert_eq!(op_of(r.find(Some(Method::Get), "/")), "root []");
        assert!(op_of(r.find(Some(Method::Get), "/orders/%FF")).starts_with("400"));
    }

    #[test]
    fn prefixes_and_conflicts() {
        let mut r = Router::default();
        r.add(0, "/auth", def(Method::Get, "/me", "me")).unwrap();
        r.add(1, "", def(Method::Get, "/a/{x}", "a")).unwrap();
        assert_eq!(op_of(r.find(Some(Method::Get), "/auth/me")), "me []");
        let err = r.add(1, "", def(Method::Get, "/a/{y}", "b")).unwrap_err();
        assert!(err.to_string().contains("served twice"), "{err}");
        assert!(r.add(1, "", def(Method::Get, "a", "c")).is_err());
        assert!(r.add(1, "", def(Method::Get, "/a/x{y}", "c")).is_err());
        assert_eq!(normalise_prefix("/"), "");
        assert_eq!(normalise_prefix("auth/"), "/auth");
    }
}
