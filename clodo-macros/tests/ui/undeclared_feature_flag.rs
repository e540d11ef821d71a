use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block(features(sms_notifications))]
impl Bakery {
    #[post("/orders/{id}/sms")]
    #[auth(role = "staff")]
    #[feature("sms_notification")]
    async fn text_customer(id: Path<i64>) -> NoContent {
        let _ = id;
        NoContent
    }
}

fn main() {}
