use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[post("/orders/{id}/ready")]
    #[auth(rol = "staff")]
    async fn mark_ready(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }
}

fn main() {}
