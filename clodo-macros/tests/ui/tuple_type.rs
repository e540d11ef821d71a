use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[post("/orders")]
    async fn place_order(line: Json<(i32, i32)>) -> NoContent {
        let _ = line;
        NoContent
    }
}

fn main() {}
