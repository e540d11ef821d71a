//! Checks of a new order against the menu: every problem is reported at
//! once, each with the field it concerns. The rules of the order's shape
//! (date format, 1 to 50 lines, quantities 1 to 100, note length) are
//! declared on `NewOrder` and checked by the SDK before the handler runs.

use clodo_sdk::prelude::*;

use crate::{MenuItem, NewOrder, OrderLine};

/// Prices every line of `order` from `menu`, or lists everything wrong (422).
pub(crate) fn check_order(order: &NewOrder, menu: &[MenuItem]) -> Result<Vec<OrderLine>, ApiError> {
    let mut errors = Vec::new();
    let mut err = |field: String, message: String| errors.push(FieldError { field, message });
    let mut priced = Vec::with_capacity(order.lines.len());
    for (i, line) in order.lines.iter().enumerate() {
        match menu.iter().find(|m| m.id == line.menu_item_id) {
            Some(item) => priced.push(OrderLine {
                menu_item_id: item.id,
                name: item.name.clone(),
                quantity: i64::from(line.quantity),
                unit_price_cents: item.price_cents,
            }),
            None => err(
                format!("lines[{i}].menu_item_id"),
                format!("{} is not on today's menu", line.menu_item_id),
            ),
        }
    }
    if errors.is_empty() {
        Ok(priced)
    } else {
        Err(ApiError::unprocessable("the order is invalid", errors))
    }
}
