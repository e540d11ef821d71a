use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[post("/orders")]
    async fn place_order(note: String) -> NoContent {
        let _ = note;
        NoContent
    }
}

fn main() {}
