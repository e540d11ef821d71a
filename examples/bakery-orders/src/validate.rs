//! Checks of a new order against the menu: every problem is reported at
//! once, each with the field it concerns. The rules of the order's shape
//! (date format, 1 to 50 lines, quantities 1 to 100, note length) are
//! declared on `NewOrder` and checked by the SDK before the handler runs.

use clodo_sdk::prelude::*;

use crate::{MenuItem, NewOrder, OrderLine};

/// Today's date in UTC, `YYYY-MM-DD`: the earliest pickup day.
pub fn today_utc() -> String {
    let mut now = clodo_sdk::time::now_rfc3339();
    now.truncate(10);
    now
}

/// Prices every line of `order` from `menu`, or lists everything wrong
/// (422). `today` (`YYYY-MM-DD`) is the earliest pickup day.
pub(crate) fn check_order(
    order: &NewOrder,
    menu: &[MenuItem],
    today: &str,
) -> Result<Vec<OrderLine>, ApiError> {
    let mut errors = Vec::new();
    let mut err = |field: String, message: String| errors.push(FieldError { field, message });
    // The format is checked at extraction (`format: date`); both are
    // fixed-width YYYY-MM-DD, so text order is date order.
    if order.pickup_date.as_str() < today {
        err(
            "pickup_date".into(),
            format!(
                "must be today ({today}, UTC) or later, got {}",
                order.pickup_date
            ),
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pickup_days_before_today_are_refused() {
        let menu = [MenuItem {
            id: 1,
            name: "Croissant".into(),
            description: String::new(),
            price_cents: 250,
        }];
        let order = |day: &str| NewOrder {
            pickup_date: day.into(),
            lines: vec![crate::NewOrderLine {
                menu_item_id: 1,
                quantity: 2,
            }],
            note: None,
        };
        assert!(check_order(&order("2026-12-01"), &menu, "2026-12-01").is_ok());
        assert!(check_order(&order("2027-01-01"), &menu, "2026-12-01").is_ok());
        let e = check_order(&order("2026-11-30"), &menu, "2026-12-01").unwrap_err();
        assert_eq!(e.field_errors().len(), 1);
        assert_eq!(e.field_errors()[0].field, "pickup_date");
        assert!(
            e.field_errors()[0]
                .message
                .contains("today (2026-12-01, UTC)")
        );
        assert_eq!(today_utc().len(), 10);
    }
}
