//! An app: one or more blocks mounted under prefixes for one domain, and the
//! transport-independent service that answers requests for it.

use std::collections::BTreeMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};

use crate::auth::User;
use crate::block::{Block, BlockInfo};
use crate::contract::{self, ContractError};
use crate::ctx::{Ctx, DomainRuntime};
use crate::db::{Db, DbError, MigrationSource};
use crate::error::ApiError;
use crate::http_types::{Request, Response};
use crate::maybe_send::{BoxFuture, MaybeSend, MaybeSync};
use crate::route::{Access, Match, Method, RouteDef, Router, RouterError, normalise_prefix};
use crate::state::Extensions;

mod contract_info;
mod cors;
mod head;
use cors::cors_headers;
use head::without_body;

/// Paths the runtime serves itself.
pub const CONTRACT_PATH: &str = "/openapi.json";
/// The human docs page.
pub const DOCS_PATH: &str = "/docs";
/// The health route deploys check: `{"status":"ok","domain":...}`.
pub const HEALTH_PATH: &str = "/healthz";

/// Rewrites the part of the merged contract that belongs to one mounted
/// block; receives the contract and the block's mount prefix.
#[cfg(not(target_arch = "wasm32"))]
pub type ContractHook =
    Arc<dyn Fn(&mut openapiv3::OpenAPI, &str) -> Result<(), String> + Send + Sync>;
/// Rewrites the part of the merged contract that belongs to one mounted
/// block; receives the contract and the block's mount prefix.
#[cfg(target_arch = "wasm32")]
pub type ContractHook = Arc<dyn Fn(&mut openapiv3::OpenAPI, &str) -> Result<(), String>>;

/// Plans a block's migrations at start-up from the live database (the
/// generic data block diffs its schema against the one it last applied this
/// way). What it returns is applied with the block's other migrations; an
/// error stops start-up with the message.
#[cfg(not(target_arch = "wasm32"))]
pub type MigrationPlanner =
    Arc<dyn Fn(Db) -> BoxFuture<'static, Result<Vec<MigrationSource>, String>> + Send + Sync>;
/// Plans a block's migrations at start-up from the live database (the
/// generic data block diffs its schema against the one it last applied this
/// way). What it returns is applied with the block's other migrations; an
/// error stops start-up with the message.
#[cfg(target_arch = "wasm32")]
pub type MigrationPlanner =
    Arc<dyn Fn(Db) -> BoxFuture<'static, Result<Vec<MigrationSource>, String>>>;

/// A block as mounted: what `#[clodo_block]` provides ([`MountSpec::of`]),
/// optionally extended at start-up with generated migrations and a contract
/// hook (the generic data block builds its tables and per-model operations
/// from a schema this way).
#[derive(Clone)]
pub struct MountSpec {
    /// Name, version, description.
    pub info: BlockInfo,
    /// The routes, relative to the mount point.
    pub routes: Vec<RouteDef>,
    /// Migrations, applied in name order.
    pub migrations: Vec<MigrationSource>,
    /// Rewrites this block's part of the contract after it is built.
    pub contract_hook: Option<ContractHook>,
    /// Adds migrations planned against the live database at start-up.
    pub migration_planner: Option<MigrationPlanner>,
}

impl std::fmt::Debug for MountSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MountSpec")
            .field("info", &self.info)
            .field("routes", &self.routes)
            .field("migrations", &self.migrations.len())
            .field("contract_hook", &self.contract_hook.is_some())
            .field("migration_planner", &self.migration_planner.is_some())
            .finish()
    }
}

impl MountSpec {
    /// The spec of block `B` as the macro defined it.
    pub fn of<B: Block>() -> Self {
        Self {
            info: B::info(),
            routes: B::routes(),
            migrations: B::migrations().iter().map(MigrationSource::from).collect(),
            contract_hook: None,
            migration_planner: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Mount {
    prefix: String,
    spec: MountSpec,
}

/// Blocks mounted under path prefixes, served as one API with one contract.
#[derive(Clone, Default)]
pub struct App {
    title: Option<String>,
    version: Option<String>,
    mounts: Vec<Mount>,
    state: Extensions,
    auth_hooks: Option<Arc<dyn AuthHooks>>,
    /// The block whose tables the hooks read: a domain that does not mount
    /// it does not get them.
    auth_hooks_owner: Option<&'static str>,
    domains_dir: Option<std::path::PathBuf>,
    /// Flags whose default a block decides per domain at start-up.
    feature_rules: Vec<(&'static str, FeatureRule)>,
}

/// Decides the default of a feature flag for a domain at start-up (see
/// [`App::with_feature_rule`]).
pub type FeatureRule = fn(&crate::domain::Domain) -> bool;

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("title", &self.title)
            .field("version", &self.version)
            .field("mounts", &self.mounts)
            .field("state", &self.state)
            .field("auth_hooks", &self.auth_hooks.is_some())
            .finish()
    }
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
    pub fn mount<B: Block>(self, prefix: &str) -> Self {
        self.mount_spec(prefix, MountSpec::of::<B>())
    }

    /// Mounts a block described at start-up (see [`MountSpec`]).
    pub fn mount_spec(mut self, prefix: &str, spec: MountSpec) -> Self {
        self.mounts.push(Mount {
            prefix: normalise_prefix(prefix),
            spec,
        });
        self
    }

    /// Shares `value` with every handler: `ctx.state::<T>()`. One value per type.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_state<T: Send + Sync + 'static>(mut self, value: T) -> Self {
        self.state.insert(value);
        self
    }

    /// Shares `value` with every handler: `ctx.state::<T>()`. One value per type.
    #[cfg(target_arch = "wasm32")]
    pub fn with_state<T: 'static>(mut self, value: T) -> Self {
        self.state.insert(value);
        self
    }

    /// Installs the hooks that extend the token check (API keys, disabled
    /// users); the auth block installs its own.
    pub fn with_auth_hooks(mut self, hooks: Arc<dyn AuthHooks>) -> Self {
        self.auth_hooks = Some(hooks);
        self.auth_hooks_owner = None;
        self
    }

    /// Like [`App::with_auth_hooks`], for hooks that need block `block`
    /// (its tables): a domain whose `[blocks]` leaves it out runs without them.
    pub fn with_auth_hooks_of(mut self, block: &'static str, hooks: Arc<dyn AuthHooks>) -> Self {
        self.auth_hooks = Some(hooks);
        self.auth_hooks_owner = Some(block);
        self
    }

    /// Makes the default of flag `name` depend on the domain being started
    /// (its environment and settings): where the domain does not set the
    /// flag itself, `rule` decides it, and with it whether the flag's routes
    /// are served and in the domain's contract. The auth block uses it for
    /// its development sign-in page.
    pub fn with_feature_rule(mut self, name: &'static str, rule: FeatureRule) -> Self {
        self.feature_rules.retain(|(n, _)| *n != name);
        self.feature_rules.push((name, rule));
        self
    }

    /// Where the native server looks for `domains/<domain>.toml` when
    /// `CLODO_DOMAINS_DIR` is not set (blocks pass
    /// `concat!(env!("CARGO_MANIFEST_DIR"), "/domains")` so `cargo run` finds
    /// them from any directory). Without domain files the server serves one
    /// domain, `CLODO_DOMAIN`.
    pub fn domains_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.domains_dir = Some(dir.into());
        self
    }

    /// The folder set with [`App::domains_dir`].
    pub fn default_domains_dir(&self) -> Option<&std::path::Path> {
        self.domains_dir.as_deref()
    }

    /// What the app provides, as `<block binary> manifest` prints it and
    /// `cargo clodo domain check` cross-checks domain files against.
    pub fn manifest(&self) -> crate::config::AppManifest {
        use crate::config::{AppManifest, ManifestBlock, ManifestFeature};
        let features = self
            .declared_features()
            .into_iter()
            .map(|(name, default)| ManifestFeature {
                name: name.to_owned(),
                default,
                blocks: self
                    .mounts
                    .iter()
                    .filter(|m| m.spec.info.features.iter().any(|f| f.name == name))
                    .map(|m| m.spec.info.name.to_owned())
                    .collect(),
            })
            .collect();
        AppManifest {
            blocks: self
                .mounts
                .iter()
                .map(|m| ManifestBlock {
                    name: m.spec.info.name.to_owned(),
                    version: m.spec.info.version.to_owned(),
                    prefix: if m.prefix.is_empty() {
                        "/".to_owned()
                    } else {
                        m.prefix.clone()
                    },
                })
                .collect(),
            features,
            secrets: vec![crate::auth::SIGNING_KEY_SECRET.to_owned()],
        }
    }

    /// The routes a domain with these (effective) flags is served: those
    /// without a feature flag, and those whose flag is on.
    fn router_for(&self, flags: &BTreeMap<String, bool>) -> Result<Router, RouterError> {
        let mut router = Router::default();
        for (i, m) in self.mounts.iter().enumerate() {
            for def in &m.spec.routes {
                if def
                    .feature
                    .is_none_or(|f| flags.get(f).copied().unwrap_or(false))
                {
                    router.add(i, &m.prefix, *def)?;
                }
            }
        }
        Ok(router)
    }

    /// Every feature flag the mounted blocks declare, with its default
    /// (on if any block declaring it defaults it on), sorted by name.
    pub fn declared_features(&self) -> BTreeMap<&'static str, bool> {
        let mut out = BTreeMap::new();
        for m in &self.mounts {
            for f in m.spec.info.features {
                *out.entry(f.name).or_insert(false) |= f.default;
            }
        }
        out
    }

    /// The flags a domain runs with: the declared defaults, overridden by
    /// what the domain sets (flags no block declares are kept for
    /// `ctx.feature`).
    pub fn effective_features(&self, domain: &BTreeMap<String, bool>) -> BTreeMap<String, bool> {
        let mut out: BTreeMap<String, bool> = self
            .declared_features()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        out.extend(domain.iter().map(|(k, v)| (k.clone(), *v)));
        out
    }

    /// Keeps only the mounts a domain asks for (`[blocks]` of its config:
    /// block name → prefix, in that order); `None` keeps every mount as is.
    /// A block the app does not mount is an error naming the ones it does.
    pub fn select_blocks<'a>(
        &self,
        wanted: Option<impl IntoIterator<Item = (&'a str, &'a str)>>,
    ) -> Result<App, StartError> {
        let Some(wanted) = wanted else {
            return Ok(self.clone());
        };
        let mut out = App {
            mounts: Vec::new(),
            ..self.clone()
        };
        for (name, prefix) in wanted {
            let Some(m) = self.mounts.iter().find(|m| m.spec.info.name == name) else {
                let names: Vec<&str> = self.mounts.iter().map(|m| m.spec.info.name).collect();
                return Err(StartError::Config(format!(
                    "block `{name}` is not part of this app; it mounts: {}",
                    names.join(", ")
                )));
            };
            out.mounts.push(Mount {
                prefix: normalise_prefix(prefix),
                spec: m.spec.clone(),
            });
        }
        if let Some(owner) = self.auth_hooks_owner
            && !out.mounts.iter().any(|m| m.spec.info.name == owner)
        {
            out.auth_hooks = None;
            out.auth_hooks_owner = None;
        }
        Ok(out)
    }

    /// The shared state handlers reach through `ctx.state()`.
    pub fn state(&self) -> &Extensions {
        &self.state
    }

    /// Applies every block's migrations to the runtime's database, then builds the service.
    pub async fn start(&self, mut runtime: DomainRuntime) -> Result<Service, StartError> {
        runtime.state = self.state.clone();
        for (name, rule) in &self.feature_rules {
            if !runtime.domain.features.contains_key(*name) {
                let on = rule(&runtime.domain);
                runtime.domain.features.insert((*name).to_owned(), on);
            }
        }
        runtime.domain.features = self.effective_features(&runtime.domain.features);
        let router = self.router_for(&runtime.domain.features)?;
        for reserved in [CONTRACT_PATH, DOCS_PATH, HEALTH_PATH] {
            if let Match::Found(p, _) = router.find(Some(Method::Get), reserved) {
                return Err(StartError::Config(format!(
                    "operation `{}` uses {reserved}, which the runtime serves itself",
                    p.def.operation_id
                )));
            }
        }
        let contract = self.contract_of(&router)?;
        for m in &self.mounts {
            let mut planned = Vec::new();
            if let Some(plan) = &m.spec.migration_planner {
                planned = plan(runtime.db.clone()).await.map_err(|e| {
                    StartError::Config(format!("block `{}`: {e}", m.spec.info.name))
                })?;
            }
            let migrations = if planned.is_empty() {
                std::borrow::Cow::Borrowed(&m.spec.migrations)
            } else {
                let mut all = m.spec.migrations.clone();
                all.extend(planned);
                std::borrow::Cow::Owned(all)
            };
            let applied = runtime.db.migrate(m.spec.info.name, &migrations).await?;
            for name in applied {
                tracing::info!(
                    block = m.spec.info.name,
                    migration = name,
                    "applied migration"
                );
            }
        }
        let health = serde_json::json!({
            "status": "ok",
            "domain": runtime.domain.name,
            "blocks": self.mounts.iter().map(|m| serde_json::json!({
                "name": m.spec.info.name,
                "version": m.spec.info.version,
            })).collect::<Vec<_>>(),
        });
        Ok(Service {
            health_json: Bytes::from(health.to_string()),
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
            auth_hooks: self.auth_hooks.clone(),
        })
    }

    /// The database a domain runtime will use (for callers building one).
    pub fn mounted(&self) -> impl Iterator<Item = (&str, BlockInfo)> {
        self.mounts.iter().map(|m| (m.prefix.as_str(), m.spec.info))
    }

    /// Each mounted block's name and migrations, in mount order (the order
    /// [`App::start`] applies them in).
    pub fn migrations(&self) -> impl Iterator<Item = (&'static str, &[MigrationSource])> {
        self.mounts
            .iter()
            .map(|m| (m.spec.info.name, m.spec.migrations.as_slice()))
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
    health_json: Bytes,
    ids: RequestIds,
    auth_hooks: Option<Arc<dyn AuthHooks>>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("domain", &self.runtime.domain.name)
            .finish_non_exhaustive()
    }
}

/// The credential of a request: `Authorization: Bearer <x>` or `X-Api-Key: <x>`.
pub fn credential(req: &Request) -> Option<&str> {
    bearer_token(req).or_else(|| {
        req.header("x-api-key")
            .map(str::trim)
            .filter(|k| !k.is_empty())
    })
}

/// Whether a credential has the shape of a session token (three dot-separated parts).
fn is_session_token(credential: &str) -> bool {
    credential.bytes().filter(|b| *b == b'.').count() == 2
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
        let origin = req
            .header(header::ORIGIN)
            .map(str::to_owned)
            .filter(|o| self.runtime.domain.allows_origin(o));
        if req.method == http::Method::OPTIONS
            && let Some(asked) = req.header(header::ACCESS_CONTROL_REQUEST_METHOD)
        {
            let resp = self.preflight(&req, origin.as_deref(), asked, &request_id);
            return with_request_id(resp, &request_id);
        }
        let is_head = req.method == http::Method::HEAD;
        let mut resp = match self.dispatch(req, &request_id).await {
            Ok(r) => r,
            Err(e) => e.into_response(&request_id),
        };
        if let Some(origin) = origin {
            cors_headers(&mut resp, &origin);
        }
        if is_head {
            resp = without_body(resp);
        }
        with_request_id(resp, &request_id)
    }

    /// Resolves the request's credential to a principal, or a 401.
    async fn authenticate(&self, req: &Request) -> Result<User, ApiError> {
        use crate::auth::TokenError;
        let cred = credential(req)
            .ok_or_else(|| ApiError::unauthorized(TokenError::Missing.to_string()))?;
        if is_session_token(cred) {
            let user = self
                .runtime
                .keys
                .verify(cred, crate::auth::unix_now())
                .map_err(|e| ApiError::unauthorized(e.to_string()))?;
            if let Some(hooks) = &self.auth_hooks {
                hooks.check_session(&self.runtime, &user).await?;
            }
            Ok(user)
        } else if let Some(hooks) = &self.auth_hooks {
            hooks.verify_api_key(&self.runtime, cred).await
        } else {
            Err(ApiError::unauthorized(TokenError::Malformed.to_string()))
        }
    }

    async fn dispatch(
        &self,
        mut req: Request,
        request_id: &Arc<str>,
    ) -> Result<Response, ApiError> {
        // HEAD is GET without the body (RFC 9110 §9.3.2): the handler sees a
        // GET, `handle` drops the body and keeps its Content-Length.
        if req.method == http::Method::HEAD {
            req.method = http::Method::GET;
        }
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
            if req.path == HEALTH_PATH {
                return Ok(static_response(
                    self.health_json.clone(),
                    "application/json",
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
            // A public route still learns who is calling when a valid credential comes along.
            Access::Public => match credential(&req) {
                Some(_) => self.authenticate(&req).await.ok(),
                None => None,
            },
            Access::Authenticated | Access::Roles(_) => {
                let user = self.authenticate(&req).await?;
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
        let host = req
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned);
        let ctx = Ctx::new(Arc::clone(&self.runtime), Arc::clone(request_id), principal)
            .with_client_addr(req.remote_addr)
            .with_request_place(host.as_deref(), Arc::clone(&self.prefixes[placed.mount]));
        // On Workers a panic aborts the instance: record which handler runs,
        // so the runtime's panic hook can name it in the 500 it leaves behind.
        #[cfg(target_arch = "wasm32")]
        crate::worker::note_operation(placed.def.operation_id);
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
    DomainRuntime {
        domain,
        db,
        keys,
        state: Extensions::default(),
        data_dir: None,
    }
}

/// Extends the token check; installed with [`App::with_auth_hooks`].
pub trait AuthHooks: MaybeSend + MaybeSync + 'static {
    /// Called for every request with a valid session token: refuse users that
    /// were disabled since the token was issued. Runs per request: keep it
    /// cheap (cache).
    fn check_session<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        user: &'a User,
    ) -> BoxFuture<'a, Result<(), ApiError>>;

    /// Resolves a credential that is not a session token (an API key, sent as
    /// `Authorization: Bearer <key>` or `X-Api-Key: <key>`) to its principal.
    fn verify_api_key<'a>(
        &'a self,
        runtime: &'a DomainRuntime,
        key: &'a str,
    ) -> BoxFuture<'a, Result<User, ApiError>>;
}
