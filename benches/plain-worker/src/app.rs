use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use worker::{D1Database, Env, Request, Response, Result, RouteContext, Router, event};

#[derive(Serialize, Deserialize)]
struct MenuItem {
    id: i64,
    name: String,
    description: String,
    price_cents: i64,
}

#[derive(Serialize, Deserialize)]
struct Line {
    menu_item_id: i64,
    name: String,
    quantity: i64,
    unit_price_cents: i64,
}

#[derive(Serialize, Deserialize)]
struct OrderRow {
    id: i64,
    customer_id: String,
    customer_email: String,
    pickup_date: String,
    status: String,
    note: Option<String>,
    total_cents: i64,
    created_at: String,
    ready_at: Option<String>,
    lines: String,
}

#[derive(Serialize)]
struct Order {
    id: i64,
    customer_id: String,
    customer_email: String,
    pickup_date: String,
    status: String,
    note: Option<String>,
    total_cents: i64,
    created_at: String,
    ready_at: Option<String>,
    lines: Vec<Line>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewLine {
    menu_item_id: i64,
    quantity: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrder {
    pickup_date: String,
    lines: Vec<NewLine>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    email: String,
    #[serde(default)]
    roles: Vec<String>,
    exp: u64,
}

const ORDER_SELECT: &str = "SELECT o.id, o.customer_id, o.customer_email, o.pickup_date, o.status, \
     o.note, o.total_cents, o.created_at, o.ready_at, \
     (SELECT json_group_array(json_object('menu_item_id', l.menu_item_id, 'name', l.name, \
         'quantity', l.quantity, 'unit_price_cents', l.unit_price_cents) ORDER BY l.line_no) \
      FROM order_lines AS l WHERE l.order_id = o.id) AS lines \
     FROM orders AS o ";

fn problem(status: u16, detail: &str) -> Result<Response> {
    let body = serde_json::json!({"type": "about:blank", "status": status, "detail": detail});
    let mut r = Response::from_json(&body)?.with_status(status);
    r.headers_mut()
        .set("content-type", "application/problem+json")?;
    Ok(r)
}

/// Verifies `Authorization: Bearer <HS256 JWT>` for the Worker's domain.
fn auth(req: &Request, env: &Env) -> Option<Claims> {
    let header = req.headers().get("authorization").ok()??;
    let token = header.strip_prefix("Bearer ")?;
    let mut parts = token.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    let key = env.secret("CLODO_SIGNING_KEY").ok()?.to_string();
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(token[..h.len() + 1 + p.len()].as_bytes());
    mac.verify_slice(&B64.decode(s).ok()?).ok()?;
    let claims: Claims = serde_json::from_slice(&B64.decode(p).ok()?).ok()?;
    let domain = env.var("CLODO_DOMAIN").ok()?.to_string();
    let now = (js_sys::Date::now() / 1000.0) as u64;
    (claims.iss == domain && claims.aud == "clodo" && claims.exp > now).then_some(claims)
}

fn to_order(row: OrderRow) -> Result<Order> {
    Ok(Order {
        id: row.id,
        customer_id: row.customer_id,
        customer_email: row.customer_email,
        pickup_date: row.pickup_date,
        status: row.status,
        note: row.note,
        total_cents: row.total_cents,
        created_at: row.created_at,
        ready_at: row.ready_at,
        lines: serde_json::from_str(&row.lines)
            .map_err(|e| worker::Error::RustError(e.to_string()))?,
    })
}

async fn load_order(db: &D1Database, id: i64) -> Result<Option<Order>> {
    let row: Option<OrderRow> = db
        .prepare(format!("{ORDER_SELECT}WHERE o.id = ?1"))
        .bind(&[(id as f64).into()])?
        .first(None)
        .await?;
    row.map(to_order).transpose()
}

async fn menu(_: Request, ctx: RouteContext<()>) -> Result<Response> {
    let db = ctx.env.d1("DB")?;
    let items: Vec<MenuItem> = db
        .prepare("SELECT id, name, description, price_cents FROM menu_items WHERE available = 1 ORDER BY price_cents, id")
        .all()
        .await?
        .results()?;
    Response::from_json(&items)
}

async fn get_order(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(user) = auth(&req, &ctx.env) else {
        return problem(401, "a valid bearer token is required");
    };
    let Some(id) = ctx.param("id").and_then(|i| i.parse::<i64>().ok()) else {
        return problem(400, "path parameter `id` must be an integer");
    };
    let db = ctx.env.d1("DB")?;
    match load_order(&db, id).await? {
        Some(o) if o.customer_id == user.sub || user.roles.iter().any(|r| r == "staff") => {
            Response::from_json(&o)
        }
        _ => problem(404, "no such order"),
    }
}

async fn my_orders(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(user) = auth(&req, &ctx.env) else {
        return problem(401, "a valid bearer token is required");
    };
    let db = ctx.env.d1("DB")?;
    let rows: Vec<OrderRow> = db
        .prepare(format!(
            "{ORDER_SELECT}WHERE o.customer_id = ?1 ORDER BY o.id DESC LIMIT 100"
        ))
        .bind(&[user.sub.as_str().into()])?
        .all()
        .await?
        .results()?;
    let orders = rows.into_iter().map(to_order).collect::<Result<Vec<_>>>()?;
    Response::from_json(&orders)
}

async fn place_order(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let Some(user) = auth(&req, &ctx.env) else {
        return problem(401, "a valid bearer token is required");
    };
    let Ok(order) = req.json::<NewOrder>().await else {
        return problem(400, "the body is not a valid order");
    };
    let db = ctx.env.d1("DB")?;
    let menu: Vec<MenuItem> = db
        .prepare("SELECT id, name, description, price_cents FROM menu_items WHERE available = 1")
        .all()
        .await?
        .results()?;
    let date_ok = order.pickup_date.len() == 10 && order.pickup_date.as_bytes()[4] == b'-';
    if !date_ok || order.lines.is_empty() || order.lines.len() > 50 {
        return problem(422, "the order is invalid");
    }
    let mut priced = Vec::new();
    for l in &order.lines {
        let Some(item) = menu.iter().find(|m| m.id == l.menu_item_id) else {
            return problem(422, "the order is invalid");
        };
        if l.quantity == 0 || l.quantity > 100 {
            return problem(422, "the order is invalid");
        }
        priced.push((item, i64::from(l.quantity)));
    }
    let total: i64 = priced.iter().map(|(m, q)| m.price_cents * q).sum();
    let mut raw = [0u8; 16];
    getrandom::fill(&mut raw).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let order_ref: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let now = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    let created_at = format!("{}Z", &now[..19]);
    let mut stmts = vec![db
        .prepare(
            "INSERT INTO orders (ref, customer_id, customer_email, pickup_date, note, total_cents, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(&[
            order_ref.as_str().into(),
            user.sub.as_str().into(),
            user.email.as_str().into(),
            order.pickup_date.as_str().into(),
            order.note.as_deref().map_or(wasm_bindgen::JsValue::NULL, Into::into),
            (total as f64).into(),
            created_at.as_str().into(),
        ])?];
    for (i, (item, q)) in priced.iter().enumerate() {
        stmts.push(
            db.prepare(
                "INSERT INTO order_lines (order_id, line_no, menu_item_id, name, quantity, unit_price_cents) \
                 VALUES ((SELECT id FROM orders WHERE ref = ?1), ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(&[
                order_ref.as_str().into(),
                ((i + 1) as f64).into(),
                (item.id as f64).into(),
                item.name.as_str().into(),
                (*q as f64).into(),
                (item.price_cents as f64).into(),
            ])?,
        );
    }
    let results = db.batch(stmts).await?;
    let id = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.last_row_id)
        .unwrap_or_default();
    let Some(placed) = load_order(&db, id).await? else {
        return problem(500, "order vanished");
    };
    let mut resp = Response::from_json(&placed)?.with_status(201);
    resp.headers_mut()
        .set("location", &format!("/orders/{id}"))?;
    Ok(resp)
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: worker::Context) -> Result<Response> {
    Router::new()
        .get_async("/menu", menu)
        .get_async("/orders/mine", my_orders)
        .get_async("/orders/:id", get_order)
        .post_async("/orders", place_order)
        .run(req, env)
        .await
}
