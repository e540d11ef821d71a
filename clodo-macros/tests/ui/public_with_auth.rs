use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/menu")]
    #[public]
    #[auth(role = "staff")]
    async fn menu(_ctx: &Ctx) -> NoContent {
        NoContent
    }
}

fn main() {}
