//! Workspace-level end-to-end tests for Clodo.
//!
//! The library part holds helpers shared by the test targets in `tests/tests/`:
//!
//! - [`validators`]: checks an OpenAPI contract with two external validators,
//!   `openapi-spec-validator` (Python) and `redocly lint` (Node), installed
//!   locally under `.ci/tools/` by `.ci/install-validators.sh`.

pub mod validators;

pub use validators::validate_contract;
