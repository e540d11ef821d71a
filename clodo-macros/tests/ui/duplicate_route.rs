use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/orders/{id}")]
    async fn get_order(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }

    #[get("/orders/{day}")]
    async fn orders_of_day(day: Path<String>) -> NoContent {
        let _ = day;
        NoContent
    }
}

fn main() {}
