use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block(features(sms_notifications))]
impl Bakery {
    #[get("/menu")]
    #[public]
    #[feature(sms_notifications)]
    async fn menu() -> NoContent {
        NoContent
    }
}

fn main() {}
