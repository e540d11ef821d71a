//! The runtime of the typed clients `cargo clodo client` generates: the
//! [`Transport`] that sends requests, the [`Error`] type, request encoding,
//! authentication and retries.
//!
//! Every generated client depends on this crate (unless it was generated
//! with `--standalone`, which embeds the same code as its `src/runtime.rs`),
//! so all the clients of a program share one `Transport`, one `Error` and
//! one `RetryPolicy`: a transport written once (a Service Binding in a
//! Worker, a test double) serves every client.
//!
//! What it may depend on: only small, widely used crates (`http`, `serde`,
//! and, with the default `reqwest` feature, reqwest over rustls). Nothing of
//! Clodo's: a generated client needs no SDK.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod runtime;

pub use runtime::*;
