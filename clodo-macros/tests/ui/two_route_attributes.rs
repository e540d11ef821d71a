use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[put("/orders/{id}")]
    #[patch("/orders/{id}")]
    async fn update_order(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }
}

fn main() {}
