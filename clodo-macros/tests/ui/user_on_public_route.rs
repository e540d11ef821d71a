use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/menu")]
    #[public]
    async fn menu(user: User) -> NoContent {
        let _ = user;
        NoContent
    }
}

fn main() {}
