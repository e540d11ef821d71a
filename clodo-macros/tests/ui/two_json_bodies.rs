use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[post("/orders")]
    async fn place_order(item: Json<String>, note: Json<String>) -> NoContent {
        let _ = (item, note);
        NoContent
    }
}

fn main() {}
