use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block(migrations = "sql/migrations")]
impl Bakery {
    #[get("/menu")]
    #[public]
    async fn menu(_ctx: &Ctx) -> NoContent {
        NoContent
    }
}

fn main() {}
