use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[public]
    async fn menu(_ctx: &Ctx) -> NoContent {
        NoContent
    }
}

fn main() {}
