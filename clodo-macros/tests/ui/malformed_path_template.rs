use clodo_sdk::prelude::*;

pub struct Bakery;

#[clodo_block]
impl Bakery {
    #[get("/files/{name}.txt")]
    async fn file(name: Path<String>) -> NoContent {
        let _ = name;
        NoContent
    }
}

fn main() {}
