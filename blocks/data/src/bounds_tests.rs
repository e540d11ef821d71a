//! The data block's statements stay within D1's 100 bound parameters: filter
//! values travel in one JSON parameter, each filter parameter is given once,
//! the sort is capped, and the cap on fields bounds every write. Over a cap,
//! a request gets 400 naming the limit, never a 500 from the database.

use proptest::prelude::*;

use super::query::{
    self, MAX_BOUND_FILTER_VALUES, MAX_IN_VALUES, MAX_LIST_PARAMS, MAX_SORT_KEYS, OPERATORS,
};
use super::record::{self, Col, Write};
use super::schema::{self, MAX_FIELDS, Schema, SchemaError};
use clodo_sdk::db::{MAX_PARAMS, Value};
use clodo_sdk::error::ApiError;

fn shop() -> Schema {
    schema::parse("shop.toml", include_str!("../tests/data/shop.data.toml"))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn pairs(items: &[(&str, String)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn numbers(n: usize) -> String {
    (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

/// A cursor for `q`'s sort with no null values, which binds the most.
fn with_cursor(
    model: &schema::Model,
    params: &[(String, String)],
) -> Result<query::ListQuery, ApiError> {
    let q = query::parse_list(model, params)?;
    let values: Vec<Value> = q
        .sort
        .iter()
        .map(|k| match k.col.ty(model) {
            schema::FieldType::Text | schema::FieldType::Timestamp => Value::Text("x".into()),
            schema::FieldType::Real => Value::Real(1.5),
            _ => Value::Integer(7),
        })
        .collect();
    let mut p = params.to_vec();
    p.push((
        "cursor".into(),
        query::encode_cursor(model, &q.sort, &values),
    ));
    query::parse_list(model, &p)
}

/// Every filter the model declares at once, each `in` at its cap, and the
/// longest sort.
fn worst_case(model: &schema::Model) -> Vec<(String, String)> {
    let mut p = vec![(
        "sort".to_owned(),
        "-name,email,credit_cents,-rating,tier".to_owned(),
    )];
    for col in Col::all(model) {
        let ty = col.ty(model);
        if ty == schema::FieldType::Json {
            continue;
        }
        let name = col.name(model);
        let one = match ty {
            schema::FieldType::Integer | schema::FieldType::Real => "1",
            schema::FieldType::Boolean => "true",
            schema::FieldType::Timestamp => "2026-01-01T00:00:00Z",
            _ => "x",
        };
        for (op, o) in OPERATORS {
            if !o.applies_to(ty) {
                continue;
            }
            let v = if op == "in" {
                vec![one; MAX_IN_VALUES].join(",")
            } else {
                one.to_owned()
            };
            p.push((
                if op == "eq" {
                    name.to_owned()
                } else {
                    format!("{name}[{op}]")
                },
                v,
            ));
        }
    }
    p
}

#[test]
fn the_worst_allowed_list_query_binds_at_most_100_parameters() {
    let schema = shop();
    let model = schema.model("customers").expect("customers");
    let sort = (
        "sort".to_owned(),
        "-name,email,credit_cents,-rating,tier".to_owned(),
    );
    // The most values bound one each, the longest sort, a cursor and an
    // owner check: the bound is exact.
    let direct = vec![
        sort.clone(),
        ("id[in]".to_owned(), numbers(MAX_BOUND_FILTER_VALUES)),
    ];
    let q = with_cursor(model, &direct).unwrap_or_else(|e| panic!("{e}"));
    let sql = query::list_sql(model, &q, Some("ann"));
    assert_eq!(
        sql.params.len(),
        MAX_LIST_PARAMS,
        "the bound is exact: {}",
        sql.text
    );
    // One value more, and they all travel in one JSON parameter.
    let json = vec![
        sort,
        ("id[in]".to_owned(), numbers(MAX_BOUND_FILTER_VALUES + 1)),
    ];
    let q = with_cursor(model, &json).unwrap_or_else(|e| panic!("{e}"));
    let sql = query::list_sql(model, &q, Some("ann"));
    assert_eq!(sql.params.len(), 1 + 1 + 21 + 1, "{}", sql.text);
    assert!(sql.text.contains("json_each("), "{}", sql.text);
    // Every filter the model declares, each `in` at its cap.
    let q = with_cursor(model, &worst_case(model)).unwrap_or_else(|e| panic!("{e}"));
    let sql = query::list_sql(model, &q, Some("ann"));
    assert!(sql.params.len() <= MAX_LIST_PARAMS, "{}", sql.text);
    const { assert!(MAX_LIST_PARAMS <= MAX_PARAMS) };
}

#[track_caller]
fn refused(params: &[(&str, String)], needle: &str) {
    let schema = shop();
    let model = schema.model("customers").expect("customers");
    match query::parse_list(model, &pairs(params)) {
        Ok(q) => panic!(
            "accepted, {} parameters",
            query::list_sql(model, &q, None).params.len()
        ),
        Err(e) => {
            assert_eq!(e.status().as_u16(), 400, "{e}");
            assert!(e.to_string().contains(needle), "{e} lacks {needle:?}");
        }
    }
}

#[test]
fn over_a_cap_is_400_naming_the_limit() {
    // 1,000 filters once answered 500 (SQLite's expression depth): a
    // parameter given twice is refused, so a request holds at most the
    // filters the model declares.
    refused(
        &vec![("id[gt]", "0".to_owned()); 1000],
        "given more than once",
    );
    refused(&vec![("id[gt]", "0".to_owned()); 2], "given more than once");
    refused(
        &[("limit", "5".to_owned()), ("limit", "6".to_owned())],
        "given more than once",
    );
    refused(
        &[("credit_cents[in]", numbers(MAX_IN_VALUES + 1))],
        "at most 100 values",
    );
    refused(&[("credit_cents[in]", String::new())], "give 1 to 100");
    refused(
        &[("sort", "name,email,tier,credit_cents,rating,id".to_owned())],
        &format!("at most {MAX_SORT_KEYS} fields"),
    );
    refused(&[("sort", "+name".to_owned())], "unknown field");
    refused(&[("sort", "name,".to_owned())], "unknown field");
    refused(&[("sort", " name".to_owned())], "unknown field");
    refused(&[("limit", "101".to_owned())], "from 1 to 100");
    refused(&[("limit", "0".to_owned())], "from 1 to 100");
}

#[test]
fn every_declared_filter_at_once_is_one_shallow_statement() {
    // The widest model: every filter parameter of 64 fields at once.
    let fields: String = (0..MAX_FIELDS)
        .map(|i| format!("f{i} = {{ type = \"integer\" }}\n"))
        .collect();
    let src = format!("[models.wide.fields]\n{fields}");
    let schema = schema::parse("s.toml", &src).unwrap_or_else(|e| panic!("{e}"));
    let model = schema.model("wide").expect("wide");
    let mut p = Vec::new();
    for col in Col::all(model) {
        let ty = col.ty(model);
        for (op, o) in OPERATORS {
            if o.applies_to(ty) {
                let v = if ty == schema::FieldType::Timestamp {
                    "2026-01-01T00:00:00Z"
                } else {
                    "1"
                };
                p.push((format!("{}[{op}]", col.name(model)), v.to_owned()));
            }
        }
    }
    assert!(p.len() > 400, "{} filters", p.len());
    let q = query::parse_list(model, &p).unwrap_or_else(|e| panic!("{e}"));
    let sql = query::list_sql(model, &q, Some("ann"));
    assert!(sql.params.len() <= 4, "{} parameters", sql.params.len());
    // D1 caps a statement at 100 KB of SQL.
    assert!(sql.text.len() < 100_000, "{} bytes", sql.text.len());
    let depth = sql.text.chars().fold((0i32, 0i32), |(d, max), c| match c {
        '(' => (d + 1, max.max(d + 1)),
        ')' => (d - 1, max),
        _ => (d, max),
    });
    assert!(depth.1 < 40, "nesting {}", depth.1);
}

#[test]
fn a_model_has_at_most_64_fields() {
    let fields: String = (0..=MAX_FIELDS)
        .map(|i| format!("f{i} = {{ type = \"text\" }}\n"))
        .collect();
    let src = format!("[models.wide.fields]\n{fields}");
    match schema::parse("s.toml", &src) {
        Err(SchemaError::Invalid(p)) => {
            let text = p[0].to_string();
            assert!(
                text.contains("at most 64 fields (this one has 65)"),
                "{text}"
            );
        }
        other => panic!("accepted: {other:?}"),
    }
}

#[test]
fn writes_of_the_widest_model_bind_at_most_100_parameters() {
    let fields: String = (0..MAX_FIELDS)
        .map(|i| format!("f{i} = {{ type = \"integer\", default = 1 }}\n"))
        .collect();
    let src = format!("[models.wide.fields]\n{fields}");
    let schema = schema::parse("s.toml", &src).unwrap_or_else(|e| panic!("{e}"));
    let model = schema.model("wide").expect("wide");
    let body = serde_json::json!({"owner_id": "ann"});
    for mode in [Write::Create, Write::Replace] {
        let changes = record::changes(model, &body, mode, true).unwrap_or_else(|e| panic!("{e}"));
        let mut columns = changes.columns.clone();
        columns.push((Col::Updated, Value::Integer(0)));
        let update = query::update_sql(model, columns, 1, Some("ann"));
        assert!(update.params.len() <= MAX_PARAMS, "{}", update.params.len());
        let mut columns = vec![
            (Col::Created, Value::Integer(0)),
            (Col::Updated, Value::Integer(0)),
        ];
        columns.extend(changes.columns);
        let insert = query::insert_sql(model, columns);
        assert!(insert.params.len() <= MAX_PARAMS, "{}", insert.params.len());
    }
}

/// Filters within the caps: (column, operator, number of values).
fn filters() -> impl Strategy<Value = Vec<(&'static str, &'static str, usize)>> {
    let one = (
        prop::sample::select(vec!["id", "name", "credit_cents", "rating", "owner_id"]),
        prop::sample::select(vec!["eq", "ne", "gt", "lte", "in"]),
        1..=MAX_IN_VALUES,
    );
    prop::collection::vec(one, 0..=30)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Whatever the request, an accepted list query never binds more than
    /// `MAX_LIST_PARAMS` (≤ 100) parameters.
    #[test]
    fn accepted_list_queries_stay_within_the_bound(
        fs in filters(),
        sort in prop::collection::vec(
            prop::sample::select(vec!["name", "-email", "credit_cents", "-rating", "tier", "-created_at"]),
            0..=5),
        cursor in any::<bool>(),
        page in any::<bool>(),
        owner in any::<bool>(),
    ) {
        let schema = shop();
        let model = schema.model("customers").expect("customers");
        let mut p: Vec<(String, String)> = fs
            .iter()
            .map(|(c, op, n)| {
                let v = if *op == "in" { numbers(*n) } else { "1".to_owned() };
                (format!("{c}[{op}]"), v)
            })
            .collect();
        if !sort.is_empty() {
            p.push(("sort".into(), sort.join(",")));
        }
        if page && !cursor {
            p.push(("page".into(), "3".into()));
        }
        let q = if cursor { with_cursor(model, &p) } else { query::parse_list(model, &p) };
        if let Ok(q) = q {
            let sql = query::list_sql(model, &q, owner.then_some("ann"));
            prop_assert!(sql.params.len() <= MAX_LIST_PARAMS, "{} > {MAX_LIST_PARAMS}", sql.params.len());
        }
    }
}
