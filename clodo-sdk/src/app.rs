//! An app: one or more blocks mounted under prefixes for one domain, and the
//! transport-independent service that answers requests for it.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};

use crate::block::{Block, BlockInfo};
use crate::contract::{self, ContractError, ContractInfo};
use crate::ctx::{Ctx, DomainRuntime};
use crate::db::{Db, DbError, Migration};
use crate::error::ApiError;
use crate::http_types::{Request, Response};
use crate::route::{Access, Match, Method, RouteDef, Router, RouterError, normalise_prefix};

/// Paths the runtime serves itself.
pub const CONTRACT_PATH: &str = "/openapi.json";
/// The human docs page.
pub const DOCS_PATH: &str = "/docs";

#[derive(Debug, Clone)]
struct Mount {
    prefix: String,
    info: BlockInfo,
    routes: Vec<RouteDef>,
    migrations: &'static [Migration],
}

/// Blocks mounted under path prefixes, served as one API with one contract.
#[derive(Debug, Clone, Default)]
pub struct App {
    title: Option<String>,
    mounts: Vec<Mount>,
}

/// Why an app could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The routes do not form a valid table.
    #[error(transparent)]
    Router(#[from] RouterError),
    /// The contract could not be built.
    #[error(transparent)]
    Contract(#[from] ContractError),
    /// A migration or the database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything about configuration: names what to set and where.
    #[error("{0}")]
    Config(String),
    /// The server could not bind or run.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

impl App {
    /// An app with no blocks.
    pub fn new() -> Self {
        Self::default()
    }

    /// Mounts block `B` at `prefix` (`"/"` for the root).
    pub fn mount<B: Block>(mut self, prefix: &str) -> Self {
        self.mounts.push(Mount {
            prefix: normalise_prefix(prefix),
            info: B::info(),
            routes: B::routes(),
            migrations: B::migrations(),
        });
        self
    }

    /// Sets the contract title (default: the single block's name, else "API").
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    fn router(&self) -> Result<Router, RouterError> {
        let mut router = Router::default();
        for (i, m) in self.mounts.iter().enumerate() {
            for def in &m.routes {
                router.add(i, &m.prefix, *def)?;
            }
        }
        Ok(router)
    }

    fn contract_info(&self) -> ContractInfo {
        let single = (self.mounts.len() == 1).then(|| self.mounts[0].info);
        ContractInfo {
            title: self
                .title
                .clone()
                .or_else(|| single.map(|i| i.name.to_owned()))
                .unwrap_or_else(|| "API".to_owned()),
            version: single.map_or("0.0.0", |i| i.version).to_owned(),
            description: single.map_or("", |i| i.description).to_owned(),
            tags: self
                .mounts
                .iter()
                .map(|m| (m.info.name.to_owned(), m.info.description.to_owned()))
                .collect(),
        }
    }

    /// The OpenAPI contract of what this app serves.
    pub fn contract(&self) -> Result<openapiv3::OpenAPI, StartError> {
        let router = self.router()?;
        self.contract_of(&router)
    }

    fn contract_of(&self, router: &Router) -> Result<openapiv3::OpenAPI, StartError> {
        let names: Vec<&'static str> = self.mounts.iter().map(|m| m.info.name).collect();
        Ok(contract::build(
            &self.contract_info(),
            router.routes(),
            &names,
        )?)
    }

    /// The contract exactly as served at `/openapi.json`.
    pub fn contract_json(&self) -> Result<Vec<u8>, StartError> {
        let c = self.contract()?;
        Ok(contract_bytes(&c))
    }

    /// Applies every block's migrations to `db`, then builds the service.
    pub async fn start(&self, runtime: DomainRuntime) -> Result<Service, StartError> {
        let router = self.router()?;
        for reserved in [CONTRACT_PATH, DOCS_PATH] {
            if let Match::Found(p, _) = router.find(Some(Method::Get), reserved) {
                return Err(StartError::Config(format!(
                    "operation `{}` uses {reserved}, which the runtime serves itself",
                    p.def.operation_id
                )));
            }
        }
        let contract = self.contract_of(&router)?;
        for m in &self.mounts {
            let applied = runtime.db.migrate(m.info.name, m.migrations).await?;
            for name in applied {
                tracing::info!(block = m.info.name, migration = name, "applied migration");
            }
        }
        Ok(Service {
            contract_json: Bytes::from(contract_bytes(&contract)),
            docs_html: Bytes::from(contract::render_docs_html(&contract)),
            prefixes: self
                .mounts
                .iter()
                .map(|m| Arc::from(m.prefix.as_str()))
                .collect(),
            router,
            runtime: Arc::new(runtime),
            ids: RequestIds::new(),
        })
    }

    /// The database a domain runtime will use (for callers building one).
    pub fn mounted(&self) -> impl Iterator<Item = (&str, BlockInfo)> {
        self.mounts.iter().map(|m| (m.prefix.as_str(), m.info))
    }
}

fn contract_bytes(c: &openapiv3::OpenAPI) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(c).unwrap_or_default();
    v.push(b'\n');
    v
}

struct RequestIds {
    prefix: String,
    next: AtomicU64,
}

impl RequestIds {
    fn new() -> Self {
        let mut seed = [0u8; 4];
        let _ = getrandom::fill(&mut seed);
        Self {
            prefix: seed.iter().map(|b| format!("{b:02x}")).collect(),
            next: AtomicU64::new(1),
        }
    }

    fn next(&self) -> Arc<str> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        Arc::from(format!("req-{}-{n:06x}", self.prefix))
    }
}

/// A started app for one domain: answers requests, whatever the transport.
pub struct Service {
    router: Router,
    prefixes: Vec<Arc<str>>,
    runtime: Arc<DomainRuntime>,
    contract_json: Bytes,
    docs_html: Bytes,
    ids: RequestIds,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("domain", &self.runtime.domain.name)
            .finish_non_exhaustive()
    }
}

/// The token of `Authorization: Bearer <token>`, if present.
pub fn bearer_token(req: &Request) -> Option<&str> {
    let v = req.header(header::AUTHORIZATION)?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

impl Service {
    /// The domain served.
    pub fn runtime(&self) -> &Arc<DomainRuntime> {
        &self.runtime
    }

    /// The contract bytes served at `/openapi.json`.
    pub fn contract_json(&self) -> &Bytes {
        &self.contract_json
    }

    /// The body limit transports must enforce before calling [`Service::handle`].
    pub fn body_limit(&self) -> usize {
        self.runtime.domain.body_limit
    }

    /// A fresh request id.
    pub fn next_request_id(&self) -> Arc<str> {
        self.ids.next()
    }

    /// Renders an error a transport detected itself (e.g. 413 while reading the body).
    pub fn error_response(&self, err: ApiError, request_id: &str) -> Response {
        with_request_id(err.into_response(request_id), request_id)
    }

    /// Answers one request. Never panics: a panicking handler becomes a 500.
    pub async fn handle(&self, req: Request, request_id: Arc<str>) -> Response {
        let resp = match self.dispatch(req, &request_id).await {
            Ok(r) => r,
            Err(e) => e.into_response(&request_id),
        };
        with_request_id(resp, &request_id)
    }

    async fn dispatch(
        &self,
        mut req: Request,
        request_id: &Arc<str>,
    ) -> Result<Response, ApiError> {
        let method = Method::from_http(&req.method);
        if req.method == http::Method::GET {
            if req.path == CONTRACT_PATH {
                return Ok(static_response(
                    self.contract_json.clone(),
                    "application/json",
                ));
            }
            if req.path == DOCS_PATH {
                return Ok(static_response(
                    self.docs_html.clone(),
                    "text/html; charset=utf-8",
                ));
            }
        }
        let (placed, params) = match self.router.find(method, &req.path) {
            Match::Found(p, params) => (p, params),
            Match::MethodNotAllowed(allow) => return Err(ApiError::method_not_allowed(&allow)),
            Match::BadPath(detail) => return Err(ApiError::bad_request(detail)),
            Match::NotFound => {
                return Err(ApiError::not_found(format!(
                    "no route matches {}",
                    req.path
                )));
            }
        };
        let principal = match placed.def.access {
            Access::Public => None,
            Access::Authenticated | Access::Roles(_) => {
                let token = bearer_token(&req).ok_or_else(|| {
                    ApiError::unauthorized(crate::auth::TokenError::Missing.to_string())
                })?;
                let user = self
                    .runtime
                    .keys
                    .verify(token, crate::auth::unix_now())
                    .map_err(|e| ApiError::unauthorized(e.to_string()))?;
                if let Access::Roles(roles) = placed.def.access
                    && !roles.iter().any(|r| user.has_role(r))
                {
                    return Err(ApiError::forbidden(format!(
                        "this operation requires role {}",
                        roles
                            .iter()
                            .map(|r| format!("`{r}`"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    )));
                }
                Some(user)
            }
        };
        req.params = params;
        let ctx = Ctx::new(Arc::clone(&self.runtime), Arc::clone(request_id), principal);
        let fut = (placed.def.handler)(req, ctx);
        let mut resp = match (CatchUnwind { inner: fut }).await {
            Ok(r) => r?,
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "non-string panic".to_owned());
                return Err(ApiError::internal(format!(
                    "handler `{}` panicked: {msg}",
                    placed.def.operation_id
                )));
            }
        };
        let prefix = &self.prefixes[placed.mount];
        if !prefix.is_empty()
            && let Some(loc) = resp
                .headers()
                .get(header::LOCATION)
                .and_then(|l| l.to_str().ok())
            && loc.starts_with('/')
            && let Ok(v) = HeaderValue::from_str(&format!("{prefix}{loc}"))
        {
            resp.headers_mut().insert(header::LOCATION, v);
        }
        Ok(resp)
    }
}

fn static_response(body: Bytes, content_type: &'static str) -> Response {
    let mut r = http::Response::new(body);
    *r.status_mut() = StatusCode::OK;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

fn with_request_id(mut resp: Response, request_id: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// Polls a future, turning a panic into an `Err` carrying the payload.
struct CatchUnwind<F> {
    inner: F,
}

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn std::any::Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = &mut self.inner;
        match std::panic::catch_unwind(AssertUnwindSafe(|| Pin::new(inner).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// Builds a database-backed runtime for `domain` (helper for transports).
pub fn runtime(
    domain: crate::domain::Domain,
    db: Db,
    keys: crate::auth::TokenKeys,
) -> DomainRuntime {
    DomainRuntime { domain, db, keys }
}
