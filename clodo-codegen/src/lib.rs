//! The library behind `cargo clodo` (the thin binary is `src/bin/cargo-clodo/main.rs`).
//!
//! - [`scaffold`]: `new-block`, a new block crate from `templates/`.
//! - [`own_crates`]: where the Clodo crates it depends on come from (one rule
//!   for every dependency `cargo clodo` writes).
//! - [`contract`]: export the contract a block serves and check a checked-in
//!   copy against it. Every block binary prints its contract with
//!   `<binary> contract` (see `clodo_sdk::App::run_cli`), so the exported
//!   bytes are exactly the ones served at `/openapi.json`.
//! - [`diff`]: breaking and non-breaking changes between two contracts.
//! - [`client`]: a typed Rust client crate from any OpenAPI 3.0.x document.
//! - [`routes`] and [`dev`]: a block's route table; serve and restart on change.
//! - [`domain`]: add, list and check `domains/<domain>.toml`; their JSON Schema.
//! - [`worker_build`]: a block crate as a Cloudflare Worker bundle.
//! - [`deploy`]: `wrangler.toml` from the domain files, `deploy` and `migrate`.
//! - [`workspace`]: which package a command means (`-p`, or the one around
//!   the current directory) and its `domains/` folder.
//!
//! ```
//! let doc = r#"{"openapi": "3.0.3", "info": {"title": "Tiny", "version": "1"},
//!   "paths": {"/ping": {"get": {"operationId": "ping",
//!     "responses": {"204": {"description": "pong"}}}}}}"#;
//! let krate = clodo_codegen::client::generate(doc, &Default::default()).unwrap();
//! assert_eq!(krate.name, "tiny-client");
//! assert_eq!(krate.operations, 1);
//! ```
#![deny(missing_docs)]

pub mod children;
pub mod client;
pub mod contract;
pub mod deploy;
pub mod dev;
pub mod diff;
pub mod domain;
pub mod local_dirs;
pub mod own_crates;
pub mod routes;
pub mod scaffold;
pub mod worker_build;
pub mod workspace;
