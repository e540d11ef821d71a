//! # clodo-sdk
//!
//! The runtime every Clodo block depends on. A block is a plain `impl` of
//! async handlers under [`clodo_block`]; the macro turns it into routes, a
//! contract and migrations, and this crate serves them: routing, extraction,
//! deny-by-default auth, the domain's database, problem+json errors, an
//! OpenAPI 3.0.3 contract at `/openapi.json` and a docs page at `/docs`.
//!
//! It is Clodo's core and its two runtimes: the native one (hyper, SQLite
//! per domain; `native`) and the Workers one (wasm32, D1; `worker`). It
//! depends on `clodo-macros` and on crates from the registry only. The
//! generic blocks (`clodo-auth`, `clodo-data`, crates of their own under
//! `blocks/`) and every custom block depend on it, never the other way
//! round, and it re-exports nothing of theirs. What such a block needs from
//! the core is public API here: the token check and principals ([`auth`]),
//! hooks into it ([`app::AuthHooks`]), blocks mounted at start-up with
//! migrations planned from a schema and a part of the contract of their own
//! ([`app::MountSpec`], [`app::MigrationPlanner`], [`app::ContractHook`]),
//! the database with its parameter and statement helpers ([`db`]), the
//! domain's runtime ([`ctx::DomainRuntime`]), validation ([`validate`]) and
//! time ([`time`]). `__private` is for `#[clodo_block]` expansions only.
//!
//! ```no_run
//! use clodo_sdk::prelude::*;
//! use schemars::JsonSchema;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, JsonSchema)]
//! pub struct Greeting {
//!     pub text: String,
//! }
//!
//! pub struct Hello;
//!
//! /// Says hello.
//! #[clodo_block(name = "hello", version = "0.1.0")]
//! impl Hello {
//!     /// A greeting anyone may read.
//!     #[get("/hello")]
//!     #[public]
//!     async fn hello(ctx: &Ctx) -> Result<Json<Greeting>, ApiError> {
//!         Ok(Json(Greeting { text: format!("hello from {}", ctx.domain()) }))
//!     }
//!
//!     /// Only signed-in users get their name back.
//!     #[get("/me")]
//!     async fn me(user: User) -> Result<Json<Greeting>, ApiError> {
//!         Ok(Json(Greeting { text: format!("hello {}", user.email) }))
//!     }
//! }
//!
//! fn main() -> Result<(), clodo_sdk::StartError> {
//!     App::new().mount::<Hello>("/").serve()
//! }
//! ```
#![deny(missing_docs)]

// Lets `#[clodo_block]` expansions (absolute `::clodo_sdk` paths) work inside the SDK.
#[allow(unused_extern_crates)]
extern crate self as clodo_sdk;

pub mod app;
pub mod auth;
pub mod block;
pub mod config;
pub mod contract;
pub mod ctx;
pub mod db;
pub mod domain;
pub mod error;
pub mod extract;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz_hooks;
pub mod http_types;
pub mod maybe_send;
pub mod response;
pub mod route;
pub mod state;
pub mod time;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod native;
#[cfg(not(target_arch = "wasm32"))]
pub mod process;
#[cfg(not(target_arch = "wasm32"))]
pub mod testing;
#[cfg(target_arch = "wasm32")]
pub mod worker;
mod worker_macro;
pub mod wrangler;

pub use app::{App, Service, StartError};
pub use auth::User;
pub use block::{Block, BlockInfo, FeatureFlag};
pub use clodo_macros::clodo_block;
pub use ctx::Ctx;
pub use db::{Db, DbError, ExecResult, Statement, Value};
pub use error::{ApiError, FieldError, Problem};
pub use extract::{Json, Path, Query};
pub use maybe_send::{BoxFuture, MaybeSend, MaybeSync};
pub use response::{Created, Html, NoContent, WithStatus};

/// Re-exported so blocks can name the exact versions the SDK uses.
pub use {openapiv3, schemars, serde, serde_json};

/// Everything a block usually needs: `use clodo_sdk::prelude::*;`.
pub mod prelude {
    pub use crate::app::App;
    pub use crate::auth::User;
    pub use crate::clodo_block;
    pub use crate::ctx::Ctx;
    pub use crate::db::{Db, DbError, Statement, Value};
    pub use crate::error::{ApiError, FieldError};
    pub use crate::extract::{Json, Path, Query};
    pub use crate::params;
    pub use crate::response::{Created, Html, NoContent, WithStatus};
}

/// What `#[clodo_block]` expands to. Not a public API: may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::block::{Block, BlockInfo, FeatureFlag};
    pub use crate::contract::OperationBuilder;
    pub use crate::ctx::Ctx;
    pub use crate::db::Migration;
    pub use crate::extract::Extractor;
    pub use crate::http_types::Request;
    pub use crate::maybe_send::BoxFuture;
    pub use crate::response::HandlerOutput;
    pub use crate::route::{Access, HandlerResult, Method, RouteDef};

    #[cfg(target_arch = "wasm32")]
    pub use {crate::worker::fetch as worker_fetch, js_sys, wasm_bindgen, wasm_bindgen_futures};
}
