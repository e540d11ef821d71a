//! Entry points for the fuzz targets in `fuzz/` (feature `fuzzing`): the
//! router is crate-private, so its targets reach it through here. Not a
//! public API: may change in any release.

use crate::contract::OperationBuilder;
use crate::ctx::Ctx;
use crate::error::ApiError;
use crate::http_types::Request;
use crate::maybe_send::BoxFuture;
use crate::route::{Access, HandlerResult, Match, RouteDef, Router, normalise_prefix};

pub use crate::route::{Method, RouterError};

/// What [`RouteTable::find`] matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteOutcome {
    /// A route: its full template and the decoded path parameters.
    Found {
        /// The route's template, mount prefix included.
        template: String,
        /// (name, percent-decoded value), in path order.
        params: Vec<(String, String)>,
    },
    /// 405: the methods served at that path.
    MethodNotAllowed(Vec<&'static str>),
    /// 400: a path parameter is not UTF-8 after decoding.
    BadPath,
    /// 404.
    NotFound,
}

/// A route table built the way [`crate::App`] builds its router.
#[derive(Debug, Default)]
pub struct RouteTable(Router);

fn handler(_: Request, _: Ctx) -> BoxFuture<'static, HandlerResult> {
    Box::pin(async { Err(ApiError::not_found("fuzz")) })
}

fn describe(_: &mut OperationBuilder<'_>) {}

impl RouteTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `method path` mounted at `prefix` (normalised as `App::mount` does).
    pub fn add(
        &mut self,
        prefix: &str,
        method: Method,
        path: &'static str,
    ) -> Result<(), RouterError> {
        let def = RouteDef {
            method,
            path,
            operation_id: "fuzz",
            access: Access::Public,
            handler,
            describe,
            feature: None,
        };
        self.0.add(0, &normalise_prefix(prefix), def)
    }

    /// Number of routes placed.
    pub fn len(&self) -> usize {
        self.0.routes().len()
    }

    /// Whether no route is placed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The route for `method` at `path` (`None`: a method the SDK does not route).
    pub fn find(&self, method: Option<Method>, path: &str) -> RouteOutcome {
        match self.0.find(method, path) {
            Match::Found(placed, params) => RouteOutcome::Found {
                template: placed.template.clone(),
                params: params.into_iter().map(|(n, v)| (n.to_owned(), v)).collect(),
            },
            Match::MethodNotAllowed(allowed) => RouteOutcome::MethodNotAllowed(allowed),
            Match::BadPath(_) => RouteOutcome::BadPath,
            Match::NotFound => RouteOutcome::NotFound,
        }
    }
}
