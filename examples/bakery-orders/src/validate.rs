//! Checks of a new order against the menu: every problem is reported at
//! once, each with the field it concerns.

use clodo_sdk::prelude::*;

use crate::{MAX_LINES, MAX_NOTE_CHARS, MAX_QUANTITY, MenuItem, NewOrder, OrderLine};

/// Whether `s` is a calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

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
    if !is_valid_date(&order.pickup_date) {
        err(
            "pickup_date".into(),
            format!("must be a date as YYYY-MM-DD, got {:?}", order.pickup_date),
        );
    } else if order.pickup_date.as_str() < today {
        // Both are fixed-width YYYY-MM-DD, so text order is date order.
        err(
            "pickup_date".into(),
            format!(
                "must be today ({today}, UTC) or later, got {}",
                order.pickup_date
            ),
        );
    }
    if order.lines.is_empty() {
        err("lines".into(), "an order needs at least one line".into());
    }
    if order.lines.len() > MAX_LINES {
        err(
            "lines".into(),
            format!("at most {MAX_LINES} lines, got {}", order.lines.len()),
        );
    }
    if let Some(note) = &order.note
        && note.chars().count() > MAX_NOTE_CHARS
    {
        err(
            "note".into(),
            format!("at most {MAX_NOTE_CHARS} characters"),
        );
    }
    let mut priced = Vec::with_capacity(order.lines.len());
    for (i, line) in order.lines.iter().enumerate() {
        if line.quantity == 0 || line.quantity > MAX_QUANTITY {
            err(
                format!("lines[{i}].quantity"),
                format!("must be from 1 to {MAX_QUANTITY}, got {}", line.quantity),
            );
        }
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

    #[test]
    fn dates() {
        for ok in ["2026-11-25", "2024-02-29", "2000-02-29", "0001-01-01"] {
            assert!(is_valid_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-01",
            "2026-02-29",
            "1900-02-29",
            "2026-1-01",
            "26-11-25",
            "2026-11-25x",
            "",
            "yyyy-mm-dd",
            "2026-00-10",
            "2026-04-31",
            "+026-11-25",
        ] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }
}
