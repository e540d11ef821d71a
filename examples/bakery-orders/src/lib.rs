//! A bakery's ordering service: the first custom Clodo block.
//!
//! Anyone reads the menu; signed-in customers place orders for a pickup day
//! and see their own; staff list a day's orders and mark them ready. Order
//! lines are checked against the menu and totals are computed in cents.

use clodo_auth::AuthConfig;
use clodo_data::DataBlock;
use clodo_sdk::prelude::*;
use clodo_sdk::time::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod validate;

/// Whether `s` is a calendar date written `YYYY-MM-DD` (what `format: date`
/// fields are checked with).
pub use clodo_sdk::validate::is_date as is_valid_date;

// The rules below are declared once, on the types, with schemars
// attributes: the contract states them and the SDK checks every request
// against them (422 listing each field) before a handler runs.

/// Most lines one order may have.
pub const MAX_LINES: usize = 50;
/// Most items of one kind on a line.
pub const MAX_QUANTITY: u32 = 100;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// Something the bakery sells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MenuItem {
    /// Id to order it by.
    pub id: i64,
    /// Name.
    pub name: String,
    /// What it is.
    pub description: String,
    /// Price of one, in cents.
    pub price_cents: i64,
}

/// One line of a new order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrderLine {
    /// A menu item id from `GET /menu`.
    pub menu_item_id: i64,
    /// How many, 1 to 100.
    #[schemars(range(min = 1, max = MAX_QUANTITY))]
    pub quantity: u32,
}

/// An order as a customer places it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrder {
    /// Day of pickup, `YYYY-MM-DD`: today (UTC) or later.
    #[schemars(extend("format" = "date"))]
    pub pickup_date: String,
    /// What to bake: 1 to 50 lines.
    #[schemars(length(min = 1, max = MAX_LINES))]
    pub lines: Vec<NewOrderLine>,
    /// A note for the bakers, up to 500 characters.
    #[serde(default)]
    #[schemars(length(max = MAX_NOTE_CHARS))]
    pub note: Option<String>,
}

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    /// Placed, not yet baked.
    Placed,
    /// Ready for pickup.
    Ready,
}

/// One line of an order, priced when the order was placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OrderLine {
    /// The menu item.
    pub menu_item_id: i64,
    /// Its name when ordered.
    pub name: String,
    /// How many.
    pub quantity: i64,
    /// Price of one when ordered, in cents.
    pub unit_price_cents: i64,
}

/// An order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Order {
    /// Order number.
    pub id: i64,
    /// Who placed it.
    pub customer_id: String,
    /// Their email.
    pub customer_email: String,
    /// Day of pickup, `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub pickup_date: String,
    /// Where it stands.
    pub status: OrderStatus,
    /// The customer's note.
    pub note: Option<String>,
    /// Sum of the lines, in cents.
    pub total_cents: i64,
    /// When it was placed (RFC 3339, UTC).
    pub created_at: Timestamp,
    /// When it was marked ready (RFC 3339, UTC).
    pub ready_at: Option<Timestamp>,
    /// What was ordered.
    pub lines: Vec<OrderLine>,
}

/// Which day's orders to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayQuery {
    /// Pickup day, `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub date: String,
}

/// Selects orders with their lines (as a JSON column), so one query loads an
/// order whole. A macro, so `concat!` builds each full query at compile time.
macro_rules! order_select {
    ($($rest:literal),*) => {
        concat!(
            "SELECT o.id, o.customer_id, o.customer_email, o.pickup_date, o.status, \
             o.note, o.total_cents, o.created_at, o.ready_at, \
             (SELECT json_group_array(json_object('menu_item_id', l.menu_item_id, 'name', l.name, \
                 'quantity', l.quantity, 'unit_price_cents', l.unit_price_cents) ORDER BY l.line_no) \
              FROM order_lines AS l WHERE l.order_id = o.id) AS lines \
             FROM orders AS o ",
            $($rest),*
        )
    };
}

/// Loads one order with its lines.
pub async fn load_order(db: &Db, id: i64) -> Result<Option<Order>, ApiError> {
    Ok(db
        .first(order_select!("WHERE o.id = ?1"), params![id])
        .await?)
}

/// The columns of `orders` that placing an order writes.
#[derive(Serialize)]
struct OrderRow<'a> {
    r#ref: &'a str,
    customer_id: &'a str,
    customer_email: &'a str,
    pickup_date: &'a str,
    note: Option<&'a str>,
    total_cents: i64,
    created_at: Timestamp,
}

/// Inserts all lines of the order whose `ref` is `?1` from the JSON array `?2`.
const INSERT_LINES: &str = "INSERT INTO order_lines \
     (order_id, line_no, menu_item_id, name, quantity, unit_price_cents) \
     SELECT o.id, l.key + 1, json_extract(l.value, '$.menu_item_id'), json_extract(l.value, '$.name'), \
            json_extract(l.value, '$.quantity'), json_extract(l.value, '$.unit_price_cents') \
     FROM orders AS o, json_each(?2) AS l WHERE o.ref = ?1";

fn random_ref() -> Result<String, ApiError> {
    let mut raw = [0u8; 16];
    getrandom::fill(&mut raw).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(raw.iter().map(|b| format!("{b:02x}")).collect())
}

/// The bakery's ordering service.
pub struct BakeryOrders;

/// A text message to a customer, queued for the SMS provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SmsQueued {
    /// Message number.
    pub id: i64,
    /// The order it is about.
    pub order_id: i64,
    /// What it says.
    pub text: String,
}

/// Orders for a small bakery: a public menu, customer orders, staff pickup lists.
#[clodo_block(name = "bakery-orders", version = "0.1.0", features(sms_notifications))]
impl BakeryOrders {
    /// Today's menu.
    ///
    /// Everything that can be ordered, cheapest first. Anyone may read it.
    #[get("/menu")]
    #[public]
    async fn menu(ctx: &Ctx) -> Result<Json<Vec<MenuItem>>, ApiError> {
        let items = ctx
            .db()
            .query(
                "SELECT id, name, description, price_cents FROM menu_items \
                 WHERE available = 1 ORDER BY price_cents, id",
                params![],
            )
            .await?;
        Ok(Json(items))
    }

    /// Place an order for the signed-in customer.
    ///
    /// Lines are checked against the menu and the pickup day may not be
    /// before today (UTC); the total is computed here, in cents.
    #[post("/orders")]
    async fn place_order(
        ctx: &Ctx,
        user: User,
        order: Json<NewOrder>,
    ) -> Result<Created<Order>, ApiError> {
        let order = order.into_inner();
        let menu: Vec<MenuItem> = ctx
            .db()
            .query(
                "SELECT id, name, description, price_cents FROM menu_items WHERE available = 1",
                params![],
            )
            .await?;
        let priced = validate::check_order(&order, &menu, &validate::today_utc())?;
        let total: i64 = priced.iter().map(|l| l.quantity * l.unit_price_cents).sum();
        let order_ref = random_ref()?;
        let row = OrderRow {
            r#ref: &order_ref,
            customer_id: &user.id,
            customer_email: &user.email,
            pickup_date: &order.pickup_date,
            note: order.note.as_deref(),
            total_cents: total,
            created_at: Timestamp::now(),
        };
        // One atomic batch: the order, then its lines from one JSON parameter.
        let stmts = vec![
            Statement::insert_into("orders", &row)?,
            Statement::new(
                INSERT_LINES,
                vec![order_ref.as_str().into(), Value::from_serde(&priced)?],
            ),
        ];
        let results = ctx.db().batch(stmts).await?;
        let id = results
            .first()
            .map(|r| r.last_insert_id)
            .unwrap_or_default();
        let placed = load_order(ctx.db(), id)
            .await?
            .ok_or_else(|| ApiError::internal("order vanished after insert"))?;
        Ok(Created::new(format!("/orders/{id}"), placed))
    }

    /// The signed-in customer's orders, newest first (at most 100).
    #[get("/orders/mine")]
    async fn my_orders(ctx: &Ctx, user: User) -> Result<Json<Vec<Order>>, ApiError> {
        let orders = ctx
            .db()
            .query(
                order_select!("WHERE o.customer_id = ?1 ORDER BY o.id DESC LIMIT 100"),
                params![user.id.as_str()],
            )
            .await?;
        Ok(Json(orders))
    }

    /// All orders to pick up on a day, for staff.
    #[get("/orders")]
    #[auth(role = "staff")]
    async fn orders_of_day(ctx: &Ctx, day: Query<DayQuery>) -> Result<Json<Vec<Order>>, ApiError> {
        let orders = ctx
            .db()
            .query(
                order_select!("WHERE o.pickup_date = ?1 ORDER BY o.id"),
                params![day.date.as_str()],
            )
            .await?;
        Ok(Json(orders))
    }

    /// One order: its customer or staff may read it.
    #[get("/orders/{id}")]
    async fn get_order(ctx: &Ctx, user: User, id: Path<i64>) -> Result<Json<Order>, ApiError> {
        let not_found = || ApiError::not_found(format!("order {} does not exist", *id));
        let order = load_order(ctx.db(), *id).await?.ok_or_else(not_found)?;
        if order.customer_id != user.id && !user.has_role("staff") {
            // Other people's orders are indistinguishable from missing ones.
            return Err(not_found());
        }
        Ok(Json(order))
    }

    /// Mark an order ready for pickup (staff).
    #[post("/orders/{id}/ready")]
    #[auth(role = "staff")]
    async fn mark_ready(ctx: &Ctx, id: Path<i64>) -> Result<Json<Order>, ApiError> {
        let changed = ctx
            .db()
            .execute(
                "UPDATE orders SET status = 'ready', ready_at = ?2 WHERE id = ?1 AND status = 'placed'",
                params![*id, Timestamp::now()],
            )
            .await?;
        let order = load_order(ctx.db(), *id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("order {} does not exist", *id)))?;
        if changed.rows_affected == 0 {
            return Err(ApiError::conflict(format!(
                "order {} is already ready",
                *id
            )));
        }
        Ok(Json(order))
    }

    /// Text the customer that an order is ready (staff; domains with SMS).
    ///
    /// Only where the domain turns `sms_notifications` on; elsewhere this
    /// route does not exist (404) and is not in the contract.
    #[post("/orders/{id}/sms")]
    #[auth(role = "staff")]
    #[feature("sms_notifications")]
    async fn text_customer(
        ctx: &Ctx,
        id: Path<i64>,
    ) -> Result<WithStatus<202, SmsQueued>, ApiError> {
        let order = load_order(ctx.db(), *id)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("order {} does not exist", *id)))?;
        if order.status != OrderStatus::Ready {
            return Err(ApiError::conflict(format!(
                "order {} is not ready yet: mark it ready first",
                *id
            )));
        }
        let text = format!(
            "Your order #{} at {} is ready for pickup.",
            order.id,
            ctx.domain()
        );
        let queued = ctx
            .db()
            .execute(
                "INSERT INTO sms_outbox (order_id, to_email, text) VALUES (?1, ?2, ?3)",
                params![order.id, order.customer_email.as_str(), text.as_str()],
            )
            .await?;
        Ok(WithStatus(SmsQueued {
            id: queued.last_insert_id,
            order_id: order.id,
            text,
        }))
    }
}

/// The bakery's data schema (`schema/data.toml`), embedded so the Worker,
/// which has no files, serves it too. Editing it and restarting (`cargo run`
/// rebuilds) applies the change.
pub const DATA_SCHEMA: &str = include_str!("../schema/data.toml");

/// The app this example serves: the bakery block at the root, the auth
/// block at `/auth` and the data block (models of `schema/data.toml`) at
/// `/data`. Emails listed in `CLODO_ADMIN_EMAILS` (comma-separated) become
/// admins when they sign in.
pub fn app() -> App {
    let auth = AuthConfig::default().admins_from_env("CLODO_ADMIN_EMAILS");
    let app = App::new()
        .domains_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/domains"))
        .mount::<BakeryOrders>("/");
    let app = clodo_auth::mount(app, "/auth", auth);
    clodo_data::mount(
        app,
        "/data",
        DataBlock::from_toml("schema/data.toml", DATA_SCHEMA),
    )
}

// The Workers `fetch` entrypoint (wasm32 only; nothing natively). Another
// app that mounts this block depends on it without the `worker-entry`
// feature and declares its own.
#[cfg(feature = "worker-entry")]
clodo_sdk::worker_app!(crate::app);
