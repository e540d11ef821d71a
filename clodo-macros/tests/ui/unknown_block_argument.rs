use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block(nmae = "bakery-orders")]
impl Bakery {
    #[get("/menu")]
    #[public]
    async fn menu(_ctx: &Ctx) -> NoContent {
        NoContent
    }
}

fn main() {}
