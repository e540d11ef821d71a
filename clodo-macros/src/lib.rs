//! The `#[clodo_block]` attribute macro of [Clodo](https://github.com/clodo-dev/clodo).
//!
//! Use it through `clodo-sdk`, which re-exports it in its prelude and owns
//! everything the expansion calls (`::clodo_sdk::__private`):
//!
//! ```
//! use clodo_sdk::prelude::*;
//! use schemars::JsonSchema;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, JsonSchema)]
//! pub struct MenuItem {
//!     pub name: String,
//!     pub price_cents: i64,
//! }
//!
//! pub struct BakeryOrders;
//!
//! /// A small bakery's orders.
//! #[clodo_block(name = "bakery-orders", version = "0.1.0")]
//! impl BakeryOrders {
//!     /// Today's menu. Anyone may read it.
//!     #[get("/menu")]
//!     #[public]
//!     async fn menu(ctx: &Ctx) -> Result<Json<Vec<MenuItem>>, ApiError> {
//!         let _ = ctx;
//!         Ok(Json(Vec::new()))
//!     }
//!
//!     /// Staff mark an order ready.
//!     #[post("/orders/{id}/ready")]
//!     #[auth(role = "staff")]
//!     async fn mark_ready(id: Path<i64>) -> NoContent {
//!         let _ = id;
//!         NoContent
//!     }
//! }
//!
//! use clodo_sdk::Block;
//! assert_eq!(BakeryOrders::info().description, "A small bakery's orders.");
//! let routes: Vec<_> = BakeryOrders::routes()
//!     .iter()
//!     .map(|route| (route.operation_id, route.path))
//!     .collect();
//! assert_eq!(routes, [("menu", "/menu"), ("mark_ready", "/orders/{id}/ready")]);
//! ```
//!
//! The macro runs in three stages, one module each: [`parse`] reads the
//! arguments and handler attributes, [`model`] validates them into a block
//! (recording every error with its span), and [`expand`] turns the block
//! into a `Block` implementation. `EXPANSION.md` in this crate is the
//! contract between the expansion and the SDK.

#![deny(missing_docs)]

mod diag;
mod expand;
mod model;
mod parse;

use proc_macro::TokenStream;

/// Turns an `impl` of async handlers into a Clodo block.
///
/// Arguments, all optional: `name` (default: the crate name), `version`
/// (default: the crate version) and `migrations` (a directory of `*.sql`
/// files relative to the crate root; default: `migrations` when it exists).
///
/// Handlers are associated `async fn`s with one route attribute
/// (`#[get("/path/{param}")]`, `#[post]`, `#[put]`, `#[patch]`, `#[delete]`)
/// and optionally `#[public]` or `#[auth(role = "...")]`. Their arguments are
/// `&Ctx`, `Path<T>`, `Query<T>`, `Json<T>`, `User` or `Option<User>`.
#[proc_macro_attribute]
pub fn clodo_block(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::clodo_block(args.into(), item.into(), &model::BuildEnv::from_process()).into()
}
