use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/menu")]
    #[public]
    async fn menu(&self, _ctx: &Ctx) -> NoContent {
        NoContent
    }
}

fn main() {}
