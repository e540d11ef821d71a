use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/orders/{id}")]
    async fn get_order(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }

    #[get("/v2/orders/{id}")]
    #[allow(non_snake_case)]
    async fn getOrder(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }
}

fn main() {}
