//! Defaults (no block arguments, no docs, no migrations directory), handlers
//! behind `#[cfg]`, a raw-identifier path parameter and no `&Ctx` at all.

use clodo_sdk::prelude::*;

pub struct Minimal;

#[clodo_block]
impl Minimal {
    #[get("/ping")]
    #[public]
    async fn ping() -> NoContent {
        NoContent
    }

    #[cfg(any())]
    #[get("/never")]
    async fn never() -> NoContent {
        NoContent
    }

    #[cfg(all())]
    #[get("/items/{type}")]
    async fn items_by_type(r#type: Path<String>, user: Option<User>) -> NoContent {
        let _ = (r#type, user);
        NoContent
    }
}

fn main() {
    use clodo_sdk::Block;
    let info = Minimal::info();
    assert_eq!(info.name, env!("CARGO_PKG_NAME"));
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.description, "");
    assert!(Minimal::migrations().is_empty());
    let paths: Vec<&str> = Minimal::routes().iter().map(|route| route.path).collect();
    assert_eq!(paths, ["/ping", "/items/{type}"]);
}
