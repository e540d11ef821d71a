//! The trait `#[clodo_block]` implements.

use crate::db::Migration;
use crate::route::RouteDef;

/// Name, version and description of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockInfo {
    /// Block name, e.g. `bakery-orders`.
    pub name: &'static str,
    /// Block version.
    pub version: &'static str,
    /// What it does (the impl's doc comment).
    pub description: &'static str,
    /// The feature flags it declares (`#[clodo_block(features(...))]`).
    pub features: &'static [FeatureFlag],
}

/// A feature flag a block declares: `features(sms_notifications)` or
/// `features(loyalty_points = true)`. A domain turns it on or off in the
/// `[features]` of its `domains/<domain>.toml`; a domain that says nothing
/// gets the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureFlag {
    /// The flag's name, e.g. `sms_notifications`.
    pub name: &'static str,
    /// Its value for domains that do not set it.
    pub default: bool,
}

/// A block: routes, their contract and the migrations of its tables.
/// Implemented by `#[clodo_block]`; not meant to be written by hand.
pub trait Block: 'static {
    /// Name, version and description.
    fn info() -> BlockInfo;
    /// Migrations, applied in name order at start-up.
    fn migrations() -> &'static [Migration];
    /// The routes, relative to the mount point.
    fn routes() -> Vec<RouteDef>;
}
