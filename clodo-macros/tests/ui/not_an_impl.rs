use clodo_sdk::prelude::*;

#[clodo_block]
pub struct Bakery;

fn main() {}
