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
