//! The Workers runtime (wasm32 only): the app served by a Worker's `fetch`
//! handler, the domain's database in D1, secrets and vars from the Worker's
//! environment.
//!
//! A block crate gets its entrypoint from one line, [`crate::worker_app!`],
//! which expands to nothing on native targets:
//!
//! ```ignore
//! clodo_sdk::worker_app!(crate::app);
//! ```
//!
//! What the Worker reads from its environment (`wrangler.toml` `[vars]`,
//! `wrangler secret put`, `.dev.vars` locally):
//!
//! | name | what |
//! |---|---|
//! | `DB` | the D1 binding: the domain's database |
//! | `CLODO_DOMAIN` (var) | the domain served; the issuer of its tokens |
//! | `CLODO_FEATURES` (var) | its feature flags, a JSON object (`{"sms_notifications":true}`) |
//! | `CLODO_SETTINGS` (var) | its `[settings]` as JSON (CORS origins, token lifetimes, rate limits) |
//! | `CLODO_SIGNING_KEY` (secret) | signing key, at least 32 bytes |
//! | `CLODO_SIGNING_KEY_PREVIOUS`, `CLODO_SIGNING_KEY_PREVIOUS_UNTIL` | key rotation, as natively |
//! | any other string var or secret | `ctx.secret(name)`, and what [`env_var`] returns |
//!
//! The app starts on the first request an isolate receives: the blocks'
//! migrations are applied to D1 there (each once, recorded in
//! `_clodo_migrations`, exactly as natively), then the service is kept for
//! the isolate's life. A handler that panics aborts the wasm instance (Workers
//! builds use `panic = "abort"`): the request gets a 500 problem+json with its
//! request id, the instance is reset and the next request starts the app again.

mod convert;
mod d1;
mod panic;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::{JsCast as _, JsValue};
use worker::web_sys;

pub use d1::D1Db;
pub(crate) use panic::note_operation;

use crate::app::{App, Service, StartError};
use crate::auth::{
    self, PREVIOUS_KEY_UNTIL_SECRET, PREVIOUS_SIGNING_KEY_SECRET, SIGNING_KEY_SECRET,
};
use crate::db::Db;
use crate::domain::{Domain, Secrets};
use crate::error::ApiError;

impl App {
    /// The native command line does not exist on wasm32: a Worker is served
    /// through [`crate::worker_app!`], not a `main`. This keeps a block's
    /// `src/main.rs` (`app().run_cli()`) compiling for every target, so
    /// `cargo check --target wasm32-unknown-unknown` covers the whole crate;
    /// called, it says how to build and serve the Worker instead.
    pub fn run_cli(self) -> Result<(), StartError> {
        Err(StartError::Config(
            "the native server does not run on wasm32: build the Worker with \
             `cargo clodo build --worker` and serve it with `cargo clodo dev --workerd`"
                .into(),
        ))
    }
}

/// Name of the D1 binding holding the domain's database.
pub const D1_BINDING: &str = "DB";
/// Name of the var naming the domain served.
pub const DOMAIN_VAR: &str = "CLODO_DOMAIN";
/// Name of the var holding the domain's feature flags (a JSON object).
pub const FEATURES_VAR: &str = "CLODO_FEATURES";
/// Name of the var holding the domain's `[settings]` (JSON).
pub const SETTINGS_VAR: &str = "CLODO_SETTINGS";

thread_local! {
    /// The started service of this isolate.
    static SERVICE: RefCell<Option<Rc<Service>>> = const { RefCell::new(None) };
    /// String vars and secrets of the Worker's environment, as of start-up.
    static VARS: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// A var or secret of the Worker's environment (what `std::env::var` is
/// natively). Available from the first request on, including while the
/// app function runs.
pub fn env_var(name: &str) -> Option<String> {
    VARS.with(|v| v.borrow().get(name).cloned())
}

/// Every string-valued binding of `env`: vars (strings) and secrets.
fn string_bindings(env: &JsValue) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(obj) = env.dyn_ref::<js_sys::Object>() else {
        return out;
    };
    for entry in js_sys::Object::entries(obj).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.insert(k, v);
        }
    }
    out
}

fn config_error(msg: String) -> StartError {
    StartError::Config(msg)
}

fn valid_domain_name(d: &str) -> bool {
    !d.is_empty()
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

/// Builds the domain runtime from the Worker's environment and starts `app`.
async fn start(app: fn() -> App, env: &worker::Env) -> Result<Service, StartError> {
    let vars = string_bindings(env.as_ref());
    VARS.with(|v| *v.borrow_mut() = vars.clone());
    let name = vars.get(DOMAIN_VAR).cloned().ok_or_else(|| {
        config_error(format!(
            "var {DOMAIN_VAR} is not set: add it under [vars] in wrangler.toml \
             (e.g. {DOMAIN_VAR} = \"bakery.example.com\")"
        ))
    })?;
    if !valid_domain_name(&name) {
        return Err(config_error(format!(
            "var {DOMAIN_VAR} must be a host name such as bakery.example.com, got {name:?}"
        )));
    }
    let key = vars.get(SIGNING_KEY_SECRET).ok_or_else(|| {
        config_error(format!(
            "secret {SIGNING_KEY_SECRET} is not set for domain {name}: \
             `wrangler secret put {SIGNING_KEY_SECRET}` (locally: a line in .dev.vars), \
             at least {} bytes, e.g. `openssl rand -hex 32`",
            auth::MIN_KEY_LEN
        ))
    })?;
    let keys = auth::TokenKeys::new(
        &name,
        key.as_bytes(),
        vars.get(PREVIOUS_SIGNING_KEY_SECRET).map(String::as_bytes),
    )
    .map_err(|e| config_error(format!("secret {SIGNING_KEY_SECRET}: {e}")))?;
    let keys = match vars.get(PREVIOUS_KEY_UNTIL_SECRET) {
        None => keys,
        Some(v) => keys.previous_valid_until(v.trim().parse().map_err(|_| {
            config_error(format!(
                "secret {PREVIOUS_KEY_UNTIL_SECRET} must be a Unix time in seconds, got {v:?}"
            ))
        })?),
    };
    let d1 = env.d1(D1_BINDING).map_err(|e| {
        config_error(format!(
            "D1 binding {D1_BINDING} is missing: add [[d1_databases]] binding = \"{D1_BINDING}\" \
             to wrangler.toml ({e})"
        ))
    })?;
    let mut domain = Domain::new(&name);
    if let Some(json) = vars.get(FEATURES_VAR) {
        domain.features = serde_json::from_str(json).map_err(|e| {
            config_error(format!(
                "var {FEATURES_VAR} must be a JSON object of flag = true|false \
                 (as `cargo clodo deploy` writes it), got {json:?}: {e}"
            ))
        })?;
    }
    if let Some(json) = vars.get(SETTINGS_VAR) {
        domain.settings = serde_json::from_str(json).map_err(|e| {
            config_error(format!(
                "var {SETTINGS_VAR} must be the JSON of the domain's [settings] \
                 (as `cargo clodo deploy` writes it), got {json:?}: {e}"
            ))
        })?;
    }
    if let Some(env) = vars.get("CLODO_ENV") {
        domain.env = env.parse().map_err(|_| {
            config_error(format!(
                "var CLODO_ENV must be development, staging or production, got {env:?}"
            ))
        })?;
    }
    domain.secrets = Secrets::from_pairs(vars);
    let runtime = crate::app::runtime(domain, Db::new(D1Db::new(d1)), keys);
    app().start(runtime).await
}

/// The isolate's service, started on first use. A failed start is not kept:
/// the next request tries again.
async fn service(app: fn() -> App, env: &worker::Env) -> Result<Rc<Service>, StartError> {
    if let Some(s) = SERVICE.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let started = Rc::new(start(app, env).await?);
    // Two first requests may race here; both services are equivalent.
    SERVICE.with(|s| *s.borrow_mut() = Some(Rc::clone(&started)));
    Ok(started)
}

/// A request id when no service could start (so no id sequence exists).
fn fallback_request_id() -> Arc<str> {
    let mut raw = [0u8; 4];
    let _ = getrandom::fill(&mut raw);
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    Arc::from(format!("req-{hex}-start"))
}

/// Answers one request of the Worker: what the generated `fetch` export
/// calls. `slot` is the entry module's per-request object whose
/// `panicked(requestId, body)` answers the request if a handler panics.
#[doc(hidden)]
pub async fn fetch(
    app: fn() -> App,
    req: JsValue,
    env: JsValue,
    slot: JsValue,
) -> Result<JsValue, JsValue> {
    panic::install_hook();
    let req: web_sys::Request = req.unchecked_into();
    let env: worker::Env = env.unchecked_into();
    let answer = panic::Scoped::new(fallback_request_id(), slot, async move {
        let service = match service(app, &env).await {
            Ok(s) => s,
            Err(e) => {
                let rid = fallback_request_id();
                worker::console_error!("clodo: the app could not start ({rid}): {e}");
                let mut resp = ApiError::internal(e.to_string()).into_response(&rid);
                if let Ok(v) = ::http::HeaderValue::from_str(&rid) {
                    resp.headers_mut().insert("x-request-id", v);
                }
                return convert::into_js(resp);
            }
        };
        let request_id = service.next_request_id();
        panic::set_request_id(&request_id);
        let resp = match convert::from_js(&req, service.body_limit()).await {
            Ok(r) => service.handle(r, Arc::clone(&request_id)).await,
            Err(e) => service.error_response(e, &request_id),
        };
        convert::into_js(resp)
    });
    answer.await.map(Into::into)
}
