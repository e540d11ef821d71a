use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block(features(SmsNotifications = true))]
impl Bakery {
    #[get("/menu")]
    #[public]
    async fn menu() -> NoContent {
        NoContent
    }
}

fn main() {}
