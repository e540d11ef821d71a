//! A block using every argument kind, every access kind and doc comments.

use clodo_sdk::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, JsonSchema)]
pub struct MenuItem {
    pub id: i64,
    pub name: String,
}

#[derive(Deserialize, JsonSchema)]
pub struct MenuFilter {
    pub max_price_cents: Option<i64>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
pub struct NewOrder {
    pub menu_item_id: i64,
    pub quantity: u32,
}

#[derive(Serialize, Deserialize, JsonSchema)]
pub struct Order {
    pub id: i64,
    pub ready: bool,
}

pub struct BakeryOrders;

/// Orders for a small bakery.
///
/// Customers order; staff mark orders ready.
#[clodo_block(name = "bakery-orders", version = "0.1.0")]
impl BakeryOrders {
    /// Today's menu.
    ///
    /// Anyone may read it, signed in or not.
    #[get("/menu")]
    #[public]
    async fn menu(
        ctx: &Ctx,
        user: Option<User>,
        filter: Query<MenuFilter>,
    ) -> Result<Json<Vec<MenuItem>>, ApiError> {
        let _ = (ctx, user, filter.0.max_price_cents);
        Ok(Json(Vec::new()))
    }

    /// Place an order for the signed-in customer.
    #[post("/orders")]
    #[allow(clippy::unused_async)]
    async fn place_order(
        _ctx: &Ctx,
        user: User,
        order: Json<NewOrder>,
    ) -> Result<Created<Order>, ApiError> {
        let _ = (user.id, order.0.quantity);
        Ok(Created::new("/orders/1", Order { id: 1, ready: false }))
    }

    /// Staff mark an order ready.
    #[post("/orders/{id}/ready")]
    #[auth(role = "staff", role = "admin")]
    async fn mark_ready(Path(id): Path<i64>) -> Result<Json<Order>, ApiError> {
        Ok(Json(Order { id, ready: true }))
    }

    #[delete("/orders/{order_id}")]
    #[auth(role = "staff")]
    async fn cancel_order(order_id: clodo_sdk::Path<i64>, _: User) -> NoContent {
        let _ = order_id.into_inner();
        NoContent
    }

    /// Not a handler: left alone.
    fn helper() -> u8 {
        1
    }
}

fn main() {
    use clodo_sdk::Block;
    let routes = BakeryOrders::routes();
    assert_eq!(routes.len(), 4);
    assert_eq!(BakeryOrders::info().name, "bakery-orders");
    assert_eq!(BakeryOrders::helper(), 1);
    let _app = App::new().mount::<BakeryOrders>("/");
}
