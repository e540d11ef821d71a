//! Generic blocks shipped with the SDK, each behind a cargo feature. They are
//! ordinary `#[clodo_block]`s, mounted beside custom ones.

#[cfg(feature = "auth")]
pub mod auth;
