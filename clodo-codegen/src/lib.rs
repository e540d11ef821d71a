//! The library behind `cargo clodo`.
//!
//! For now: exporting and checking the contract a block serves. Every block
//! binary prints its contract with `<binary> contract` (see
//! `clodo_sdk::App::run_cli`), so the exported bytes are exactly the ones
//! served at `/openapi.json`.
#![deny(missing_docs)]

pub mod contract;
