//! The baseline of the Workers benchmark (`scripts/workers/bench.sh`): the
//! bakery's `GET /menu`, `GET /orders/:id`, `GET /orders/mine` and
//! `POST /orders` written by hand on workers-rs, as a developer would
//! without Clodo: its router, its D1 API, the same SQL, an HS256 token
//! check with the same crates. Error bodies are minimal. Natively empty.
#![cfg(target_arch = "wasm32")]

mod app;
