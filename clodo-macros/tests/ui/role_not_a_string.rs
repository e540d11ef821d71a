use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[post("/orders/{id}/ready")]
    #[auth(role = 5)]
    async fn mark_ready(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }
}

fn main() {}
