//! The data block's statements stay within D1's 100 bound parameters: the
//! caps on filters, `in` values and sort keys bound every list query, and
//! the cap on fields bounds every write. Over a cap, a request gets 400
//! naming the limit, never a 500 from the database.

use proptest::prelude::*;

use super::query::{self, MAX_FILTER_VALUES, MAX_FILTERS, MAX_IN_VALUES, MAX_LIST_PARAMS};
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

/// Every cap taken to its limit at once, with an owner check and a cursor.
fn worst_case() -> Vec<(String, String)> {
    let mut p = vec![
        ("sort", "-name,email,credit_cents,-rating".to_owned()),
        ("credit_cents[in]", numbers(MAX_IN_VALUES)),
    ];
    let eq = MAX_FILTER_VALUES - MAX_IN_VALUES;
    assert!(eq < MAX_FILTERS);
    for _ in 0..eq {
        p.push(("id[gt]", "0".to_owned()));
    }
    pairs(&p)
}

#[test]
fn the_worst_allowed_list_query_binds_at_most_100_parameters() {
    let schema = shop();
    let model = schema.model("customers").expect("customers");
    let q = with_cursor(model, &worst_case()).unwrap_or_else(|e| panic!("{e}"));
    let sql = query::list_sql(model, &q, Some("ann"));
    assert_eq!(
        sql.params.len(),
        MAX_LIST_PARAMS,
        "the bound is exact: {}",
        sql.text
    );
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
    let gt = |n: usize| vec![("id[gt]", "0".to_owned()); n];
    refused(&gt(1000), "at most 20 filters");
    refused(&gt(MAX_FILTERS + 1), "at most 20 filters");
    refused(
        &[("credit_cents[in]", numbers(MAX_IN_VALUES + 1))],
        "at most 50 values",
    );
    refused(
        &[
            ("credit_cents[in]", numbers(MAX_IN_VALUES)),
            ("id[in]", numbers(MAX_FILTER_VALUES - MAX_IN_VALUES + 1)),
        ],
        "at most 60 filter values",
    );
    refused(
        &[("sort", "name,email,tier,credit_cents,rating".to_owned())],
        "at most 4 fields",
    );
    refused(&[("limit", "101".to_owned())], "from 1 to 100");
    refused(&[("limit", "0".to_owned())], "from 1 to 100");
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
    prop::collection::vec(one, 0..=MAX_FILTERS + 2)
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
