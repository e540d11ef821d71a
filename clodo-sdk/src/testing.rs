//! Helpers for tests: a real server on an ephemeral loopback port with its
//! own temporary data directory, and token minting for its domain.

use std::path::PathBuf;

use crate::app::{App, StartError};
use crate::auth::{TokenKeys, User, unix_now};
use crate::native::{RunningServer, ServerConfig, serve_on, start_service};

pub mod suite;
pub mod workerd;

/// A running test server. Call [`TestServer::stop`] at the end; the data
/// directory is removed when it is dropped.
#[derive(Debug)]
pub struct TestServer {
    server: Option<RunningServer>,
    base: String,
    keys: TokenKeys,
    domain: String,
    dir: PathBuf,
}

/// The signing key test servers use; its tokens work only on test servers.
pub const TEST_SIGNING_KEY: &str = "clodo-test-signing-key-0123456789abcdef";

fn unique_dir() -> PathBuf {
    let mut r = [0u8; 8];
    let _ = getrandom::fill(&mut r);
    let tag: String = r.iter().map(|b| format!("{b:02x}")).collect();
    std::env::temp_dir().join(format!("clodo-test-{tag}"))
}

impl TestServer {
    /// Starts `app` for domain `test.localhost`.
    pub async fn start(app: App) -> Result<Self, StartError> {
        Self::start_for(app, "test.localhost").await
    }

    /// Starts `app` for `domain`, with the signing key [`TEST_SIGNING_KEY`].
    pub async fn start_for(app: App, domain: &str) -> Result<Self, StartError> {
        Self::start_with_secrets(app, domain, &[]).await
    }

    /// Starts `app` for `domain` with extra secrets (as if from `.dev.vars`).
    pub async fn start_with_secrets(
        app: App,
        domain: &str,
        secrets: &[(&str, &str)],
    ) -> Result<Self, StartError> {
        let dir = unique_dir();
        std::fs::create_dir_all(&dir)?;
        let mut vars = format!("CLODO_SIGNING_KEY={TEST_SIGNING_KEY}\n");
        for (k, v) in secrets {
            vars.push_str(&format!("{k}={v}\n"));
        }
        std::fs::write(dir.join(".dev.vars"), vars)?;
        let cfg = ServerConfig::for_tests(domain, &dir);
        let (service, _) = start_service(&app, &cfg).await?;
        let keys = service.runtime().keys.clone();
        let listener = tokio::net::TcpListener::bind(cfg.addr).await?;
        let server = serve_on(listener, service).await;
        Ok(Self {
            base: format!("http://{}", server.addr()),
            server: Some(server),
            keys,
            domain: domain.to_owned(),
            dir,
        })
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The domain served.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The data directory.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// The domain's own directory: its database, and `outbox/` of the dev mailer.
    pub fn domain_dir(&self) -> std::path::PathBuf {
        self.dir.join(&self.domain)
    }

    /// The domain's token keys (to mint hostile tokens in tests).
    pub fn keys(&self) -> &TokenKeys {
        &self.keys
    }

    /// A valid one-hour session token for `user`.
    pub fn token(&self, user: &User) -> String {
        self.keys.mint(user, unix_now(), 3600)
    }

    /// A token for `user` that expired a minute ago.
    pub fn expired_token(&self, user: &User) -> String {
        self.keys.mint(user, unix_now() - 3660, 3600)
    }

    /// Stops the server and waits for in-flight requests.
    pub async fn stop(mut self) {
        if let Some(s) = self.server.take() {
            s.shutdown().await;
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A principal for tests.
pub fn user(id: &str, roles: &[&str]) -> User {
    User::new(
        id,
        format!("{id}@example.com"),
        roles.iter().map(|r| (*r).to_owned()).collect(),
    )
}

/// Mints a token for `user` on another domain's keys (for isolation tests).
pub fn foreign_token(domain: &str, user: &User) -> String {
    TokenKeys::new(domain, TEST_SIGNING_KEY.as_bytes(), None)
        .map(|k| k.mint(user, unix_now(), 3600))
        .unwrap_or_default()
}

/// Several domains served by one test server, as `cargo run` serves every
/// `domains/<domain>.toml`: each request goes to the domain its `Host`
/// names. Each domain signs with its own random key.
#[derive(Debug)]
pub struct TestDomains {
    server: Option<RunningServer>,
    base: String,
    dir: PathBuf,
    domains: Vec<crate::native::ServedDomain>,
}

impl TestDomains {
    /// Writes `files` (`(file name, TOML)`) into a fresh domains folder and
    /// serves every domain in it with `app`, in development mode. `secrets`
    /// are `(domain, NAME, value)` written to that domain's own
    /// `.dev.vars.<domain>`.
    pub async fn start(
        app: App,
        files: &[(&str, &str)],
        secrets: &[(&str, &str, &str)],
    ) -> Result<Self, StartError> {
        let dir = unique_dir();
        let domains_dir = dir.join("domains");
        std::fs::create_dir_all(&domains_dir)?;
        for (name, text) in files {
            std::fs::write(domains_dir.join(name), text)?;
        }
        let mut cfg = ServerConfig::for_tests("dev.localhost", &dir);
        cfg.domain_explicit = false;
        cfg.domains_dir = Some(domains_dir.clone());
        let mut by_domain: std::collections::BTreeMap<&str, String> = Default::default();
        for (domain, k, v) in secrets {
            by_domain
                .entry(domain)
                .or_default()
                .push_str(&format!("{k}={v}\n"));
        }
        for (domain, text) in by_domain {
            std::fs::write(dir.join(format!(".dev.vars.{domain}")), text)?;
        }
        let configs =
            crate::config::load_dir(&domains_dir).map_err(|e| StartError::Config(e.to_string()))?;
        let (router, domains) = crate::native::start_domains(&app, &cfg, &configs).await?;
        let listener = tokio::net::TcpListener::bind(cfg.addr).await?;
        let server = crate::native::serve_hosts(listener, std::sync::Arc::new(router)).await;
        Ok(Self {
            base: format!("http://{}", server.addr()),
            server: Some(server),
            dir,
            domains,
        })
    }

    /// `http://127.0.0.1:PORT` + `path`; send a `Host` header to pick the domain.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The data directory (each domain's files are under `<dir>/<domain>/`).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// The domains started.
    pub fn domains(&self) -> &[crate::native::ServedDomain] {
        &self.domains
    }

    /// A domain by name.
    pub fn domain(&self, name: &str) -> Option<&crate::native::ServedDomain> {
        self.domains.iter().find(|d| d.name == name)
    }

    /// A valid one-hour session token of domain `name` for `user`.
    pub fn token(&self, name: &str, user: &User) -> Option<String> {
        self.domain(name)
            .map(|d| d.service.runtime().keys.mint(user, unix_now(), 3600))
    }

    /// Stops the server and waits for in-flight requests.
    pub async fn stop(mut self) {
        if let Some(s) = self.server.take() {
            s.shutdown().await;
        }
    }
}

impl Drop for TestDomains {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
