//! The per-request context handlers receive as `ctx: &Ctx`.

use std::sync::Arc;

use crate::auth::{TokenError, TokenKeys, User, unix_now};
use crate::db::Db;
use crate::domain::Domain;
use crate::state::Extensions;

/// A domain as served: its config, database and token keys.
#[derive(Debug)]
pub struct DomainRuntime {
    /// The config.
    pub domain: Domain,
    /// The database.
    pub db: Db,
    /// Keys that sign and verify its session tokens.
    pub keys: TokenKeys,
    /// Values shared with handlers (`App::with_state`).
    pub state: Extensions,
    /// The domain's data directory, natively (`<data_dir>/<domain>`); `None` on Workers.
    pub data_dir: Option<std::path::PathBuf>,
}

/// The context of one request: its domain, id, principal and database.
#[derive(Debug, Clone)]
pub struct Ctx {
    runtime: Arc<DomainRuntime>,
    request_id: Arc<str>,
    principal: Option<User>,
    client_addr: Option<std::net::IpAddr>,
    host: Option<Arc<str>>,
    mount_prefix: Arc<str>,
}

impl Ctx {
    /// A context (the runtimes build these; tests may too).
    pub fn new(runtime: Arc<DomainRuntime>, request_id: Arc<str>, principal: Option<User>) -> Self {
        Self {
            runtime,
            request_id,
            principal,
            client_addr: None,
            host: None,
            mount_prefix: Arc::from(""),
        }
    }

    /// Sets the request's `Host` header and the mount prefix of the block
    /// that handles it (the runtimes do).
    pub fn with_request_place(mut self, host: Option<&str>, mount_prefix: Arc<str>) -> Self {
        self.host = host.map(Arc::from);
        self.mount_prefix = mount_prefix;
        self
    }

    /// The request's `Host` header (`127.0.0.1:8787`), if it had one.
    pub fn request_host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// Where the handling block is mounted: `""` at the root, else `/auth` and the like.
    pub fn mount_prefix(&self) -> &str {
        &self.mount_prefix
    }

    /// Sets the client's address (the runtimes do).
    pub fn with_client_addr(mut self, addr: Option<std::net::IpAddr>) -> Self {
        self.client_addr = addr;
        self
    }

    /// The client's address as the transport saw it, if known.
    pub fn client_addr(&self) -> Option<std::net::IpAddr> {
        self.client_addr
    }

    /// The domain this request belongs to.
    pub fn domain(&self) -> &str {
        &self.runtime.domain.name
    }

    /// The request id (also in `x-request-id` and in problem documents).
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The domain's database.
    pub fn db(&self) -> &Db {
        &self.runtime.db
    }

    /// Whether the domain has feature flag `name` on (unknown flags are off).
    pub fn feature(&self, name: &str) -> bool {
        self.runtime
            .domain
            .features
            .get(name)
            .copied()
            .unwrap_or(false)
    }

    /// A secret of the domain.
    pub fn secret(&self, name: &str) -> Option<&str> {
        self.runtime.domain.secrets.get(name)
    }

    /// A value the app shared with `App::with_state`.
    pub fn state<T: 'static>(&self) -> Option<&T> {
        self.runtime.state.get::<T>()
    }

    /// The domain runtime (database, keys, config, state).
    pub fn runtime(&self) -> &Arc<DomainRuntime> {
        &self.runtime
    }

    /// The authenticated principal, if the route required one or a token was sent.
    pub fn user(&self) -> Option<&User> {
        self.principal.as_ref()
    }

    /// Verifies a session token against this domain's keys.
    pub fn verify_token(&self, token: &str) -> Result<User, TokenError> {
        self.runtime.keys.verify(token, unix_now())
    }
}
