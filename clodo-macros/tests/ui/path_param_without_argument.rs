use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/orders/{id}")]
    async fn get_order(_ctx: &Ctx) -> NoContent {
        NoContent
    }
}

fn main() {}
