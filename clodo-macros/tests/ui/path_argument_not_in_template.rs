use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/orders")]
    async fn list_orders(day: Path<String>) -> NoContent {
        let _ = day;
        NoContent
    }
}

fn main() {}
