//! List queries: query parameters checked against a model, then SQL built
//! only from the model's declared columns and `?N` placeholders. No request
//! text ever becomes SQL: names are looked up in the model and written from
//! the model's own strings, values are bound.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde::Deserialize;

use super::record::Col;
use super::schema::{FieldType, Model};
use clodo_sdk::db::{MAX_SAFE_INTEGER, Value};
use clodo_sdk::error::ApiError;
use clodo_sdk::time::Timestamp;

/// Records per page when `limit` is not given.
pub const DEFAULT_LIMIT: u32 = 20;
/// Most records per page; a larger `limit` is refused (400).
pub const MAX_LIMIT: u32 = 100;
/// Highest `page` accepted.
pub const MAX_PAGE: u32 = 1_000_000;
/// Most values in one `in` filter (`field[in]=a,b,c`).
pub const MAX_IN_VALUES: usize = 100;
/// Most fields in `sort`, `id` included when given.
pub const MAX_SORT_KEYS: usize = 5;

/// Filter values bound one parameter each; a list with more binds them all
/// as one JSON array instead (read with `json_extract` and `json_each`).
pub const MAX_BOUND_FILTER_VALUES: usize = 60;

/// The most bound parameters a list query can have: the owner check, the
/// filter values (at most [`MAX_BOUND_FILTER_VALUES`], or one JSON array
/// holding them all, however many filters and `in` values there are), the
/// cursor's keyset condition over the sort keys and `id` (key *i* binds *i*
/// values), and `LIMIT` (with `OFFSET` only without a cursor, which binds
/// more).
///
/// Filters are not counted: each filter parameter may be given once, so a
/// request holds at most the filters the contract declares.
pub const MAX_LIST_PARAMS: usize = {
    let keys = MAX_SORT_KEYS + 1;
    1 + MAX_BOUND_FILTER_VALUES + keys * (keys + 1) / 2 + 1
};
const _: () = assert!(MAX_LIST_PARAMS <= clodo_sdk::db::MAX_PARAMS);

/// The query string of a data request, as (name, value) pairs in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryParams(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for QueryParams {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = QueryParams;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("query parameters")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<QueryParams, A::Error> {
                let mut out = Vec::new();
                while let Some(pair) = m.next_entry::<String, String>()? {
                    out.push(pair);
                }
                Ok(QueryParams(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl schemars::JsonSchema for QueryParams {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "QueryParams".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, String>>::json_schema(g)
    }
}

/// A filter operator: `field[op]=value`; `field=value` means `eq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Equal.
    Eq,
    /// Not equal (records without a value count as not equal).
    Ne,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Gte,
    /// Less than.
    Lt,
    /// Less than or equal.
    Lte,
    /// SQL `LIKE` on text: `%` any run of characters, `_` one (ASCII case-insensitive).
    Like,
    /// One of a comma-separated list.
    In,
}

/// Every operator, by name.
pub const OPERATORS: [(&str, Op); 8] = [
    ("eq", Op::Eq),
    ("ne", Op::Ne),
    ("gt", Op::Gt),
    ("gte", Op::Gte),
    ("lt", Op::Lt),
    ("lte", Op::Lte),
    ("like", Op::Like),
    ("in", Op::In),
];

impl Op {
    fn sql(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "IS NOT",
            Op::Gt => ">",
            Op::Gte => ">=",
            Op::Lt => "<",
            Op::Lte => "<=",
            Op::Like => "LIKE",
            Op::In => "IN",
        }
    }

    /// The operators a field of type `ty` takes.
    pub fn applies_to(self, ty: FieldType) -> bool {
        match self {
            Op::Like => ty == FieldType::Text,
            Op::Gt | Op::Gte | Op::Lt | Op::Lte => ty != FieldType::Boolean,
            Op::Eq | Op::Ne | Op::In => true,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Filter {
    col: Col,
    op: Op,
    values: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SortKey {
    pub(crate) col: Col,
    pub(crate) desc: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Paging {
    First,
    Cursor(Vec<Value>),
    Page(u32),
}

/// A checked list request.
#[derive(Debug, Clone)]
pub(crate) struct ListQuery {
    pub(crate) filters: Vec<Filter>,
    /// Sort keys, always ending in `id`.
    pub(crate) sort: Vec<SortKey>,
    /// Columns to select: the `visible` ones first (`id` first), then sort
    /// columns needed for the cursor only.
    pub(crate) select: Vec<Col>,
    pub(crate) visible: usize,
    pub(crate) limit: u32,
    pub(crate) paging: Paging,
}

fn bad(msg: String) -> ApiError {
    ApiError::bad_request(msg)
}

/// At most 64 characters of request text, for messages.
fn shown(s: &str) -> String {
    let t: String = s.chars().take(64).collect();
    format!("{t:?}")
}

fn filterable(model: &Model) -> String {
    Col::all(model)
        .into_iter()
        .filter(|c| c.ty(model) != FieldType::Json)
        .map(|c| c.name(model).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Looks a column up by request text; 400 naming it when unknown.
fn column(model: &Model, name: &str, what: &str) -> Result<Col, ApiError> {
    let col = Col::by_name(model, name).ok_or_else(|| {
        bad(format!(
            "unknown field {} in {what} of model `{}`; its fields are: {}",
            shown(name),
            model.name,
            Col::all(model)
                .iter()
                .map(|c| c.name(model))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    Ok(col)
}

/// Parses one filter value for column `col`.
pub(crate) fn parse_value(
    model: &Model,
    col: Col,
    raw: &str,
    param: &str,
) -> Result<Value, ApiError> {
    let ty = col.ty(model);
    let fail = |what: &str| {
        bad(format!(
            "query parameter `{param}`: {} is not {what}",
            shown(raw)
        ))
    };
    Ok(match ty {
        FieldType::Text => Value::Text(raw.to_owned()),
        FieldType::Integer => match raw.parse::<i64>() {
            Ok(n) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&n) => Value::Integer(n),
            _ => return Err(fail("an integer within ±9007199254740991")),
        },
        FieldType::Real => match raw.parse::<f64>() {
            Ok(n) if n.is_finite() => Value::Real(n),
            _ => return Err(fail("a number")),
        },
        FieldType::Boolean => match raw {
            "true" | "1" => Value::Integer(1),
            "false" | "0" => Value::Integer(0),
            _ => return Err(fail("true or false")),
        },
        FieldType::Timestamp => match Timestamp::parse(raw) {
            Ok(t) => Value::from(t),
            Err(_) => return Err(fail("an RFC 3339 timestamp such as 2026-11-25T09:10:11Z")),
        },
        FieldType::Json => {
            return Err(bad(format!(
                "query parameter `{param}`: json fields cannot be filtered"
            )));
        }
    })
}

/// The `fields` selection: `id` first, then the named columns in model order.
pub(crate) fn parse_fields(model: &Model, raw: Option<&str>) -> Result<Vec<Col>, ApiError> {
    let Some(raw) = raw else {
        return Ok(Col::all(model));
    };
    // Exactly what the contract declares: comma-separated column names.
    let mut wanted = vec![Col::Id];
    for name in raw.split(',') {
        let col = column(model, name, "`fields`")?;
        if !wanted.contains(&col) {
            wanted.push(col);
        }
    }
    Ok(Col::all(model)
        .into_iter()
        .filter(|c| wanted.contains(c))
        .collect())
}

/// `sort` exactly as the contract's pattern declares it: 1 to
/// [`MAX_SORT_KEYS`] comma-separated column names (not json ones), each
/// with an optional `-` for descending. A field named again adds nothing to
/// the order and is skipped; so are fields after `id`, which is unique.
fn parse_sort(model: &Model, raw: Option<&str>) -> Result<Vec<SortKey>, ApiError> {
    let mut keys: Vec<SortKey> = Vec::new();
    if let Some(raw) = raw {
        let items: Vec<&str> = raw.split(',').take(MAX_SORT_KEYS + 1).collect();
        if items.len() > MAX_SORT_KEYS {
            return Err(bad(format!("`sort` takes at most {MAX_SORT_KEYS} fields")));
        }
        for item in items {
            let (desc, name) = match item.strip_prefix('-') {
                Some(n) => (true, n),
                None => (false, item),
            };
            let col = column(model, name, "`sort`")?;
            if col.ty(model) == FieldType::Json {
                return Err(bad(format!(
                    "`sort`: json field `{}` cannot be sorted on",
                    col.name(model)
                )));
            }
            if keys.last().is_some_and(|k| k.col == Col::Id) {
                continue;
            }
            if !keys.iter().any(|k| k.col == col) {
                keys.push(SortKey { col, desc });
            }
        }
    }
    if keys.last().is_none_or(|k| k.col != Col::Id) {
        // `id` breaks ties, in the direction of the last key so an index on
        // (field, id) serves the order.
        let desc = keys.last().is_some_and(|k| k.desc);
        keys.push(SortKey { col: Col::Id, desc });
    }
    Ok(keys)
}

fn sort_spec(model: &Model, keys: &[SortKey]) -> String {
    keys.iter()
        .map(|k| format!("{}{}", if k.desc { "-" } else { "" }, k.col.name(model)))
        .collect::<Vec<_>>()
        .join(",")
}

/// Checks the query parameters of `GET /{model}`.
pub(crate) fn parse_list(
    model: &Model,
    params: &[(String, String)],
) -> Result<ListQuery, ApiError> {
    let mut single: BTreeMap<&str, &str> = BTreeMap::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut filters = Vec::new();
    for (key, raw) in params {
        // Each parameter once, as the contract declares them: that bounds a
        // request to the filters the model has.
        if !seen.insert(key.as_str()) {
            return Err(bad(format!(
                "query parameter {} is given more than once",
                shown(key)
            )));
        }
        if super::schema::LIST_PARAMETERS.contains(&key.as_str()) {
            single.insert(key, raw);
            continue;
        }
        let (name, op) = match key.split_once('[') {
            Some((name, rest)) => {
                let op_name = rest.strip_suffix(']').ok_or_else(|| {
                    bad(format!(
                        "query parameter {}: write filters as `field[op]=value`",
                        shown(key)
                    ))
                })?;
                let op = OPERATORS.iter().find(|(n, _)| *n == op_name).map(|(_, o)| *o).ok_or_else(|| {
                    bad(format!(
                        "unknown operator {} in query parameter {}; use one of eq, ne, gt, gte, lt, lte, like, in",
                        shown(op_name),
                        shown(key)
                    ))
                })?;
                (name, op)
            }
            None => (key.as_str(), Op::Eq),
        };
        let col = Col::by_name(model, name).ok_or_else(|| {
            bad(format!(
                "unknown field {} in query parameter {} of model `{}`; filter on: {}; other parameters: limit, cursor, page, sort, fields",
                shown(name),
                shown(key),
                model.name,
                filterable(model)
            ))
        })?;
        let ty = col.ty(model);
        if ty == FieldType::Json {
            return Err(bad(format!(
                "query parameter `{key}`: json fields cannot be filtered"
            )));
        }
        if !op.applies_to(ty) {
            return Err(bad(format!(
                "query parameter `{key}`: operator `{}` does not apply to {} field `{name}`",
                OPERATORS
                    .iter()
                    .find(|(_, o)| *o == op)
                    .map_or("?", |(n, _)| n),
                ty.as_str()
            )));
        }
        let values = if op == Op::In {
            let parts: Vec<&str> = raw.split(',').take(MAX_IN_VALUES + 1).collect();
            if parts.len() > MAX_IN_VALUES {
                return Err(bad(format!(
                    "query parameter `{key}`: at most {MAX_IN_VALUES} values"
                )));
            }
            if parts.iter().any(|p| p.is_empty()) {
                return Err(bad(format!(
                    "query parameter `{key}`: give 1 to {MAX_IN_VALUES} comma-separated values, none of them empty"
                )));
            }
            parts
                .iter()
                .map(|p| parse_value(model, col, p, key))
                .collect::<Result<_, _>>()?
        } else {
            vec![parse_value(model, col, raw, key)?]
        };
        filters.push(Filter { col, op, values });
    }
    let limit = match single.get("limit") {
        None => DEFAULT_LIMIT,
        Some(raw) => match raw.parse::<u64>() {
            Ok(n) if (1..=u64::from(MAX_LIMIT)).contains(&n) => {
                u32::try_from(n).unwrap_or(MAX_LIMIT)
            }
            _ => {
                return Err(bad(format!(
                    "query parameter `limit`: {} is not a whole number from 1 to {MAX_LIMIT}",
                    shown(raw)
                )));
            }
        },
    };
    let sort = parse_sort(model, single.get("sort").copied())?;
    let mut select = parse_fields(model, single.get("fields").copied())?;
    let visible = select.len();
    for k in &sort {
        if !select.contains(&k.col) {
            select.push(k.col);
        }
    }
    // A cursor carries the position; `page` is ignored beside it (but must
    // still be a page number, as the contract declares).
    let page = match single.get("page") {
        None => None,
        Some(p) => match p.parse::<u32>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Some(n),
            _ => {
                return Err(bad(format!(
                    "query parameter `page`: {} is not a whole number from 1 to {MAX_PAGE}",
                    shown(p)
                )));
            }
        },
    };
    let paging = match (single.get("cursor"), page) {
        (Some(c), _) => Paging::Cursor(decode_cursor(model, &sort, c)?),
        (None, Some(n)) => Paging::Page(n),
        (None, None) => Paging::First,
    };
    Ok(ListQuery {
        filters,
        sort,
        select,
        visible,
        limit,
        paging,
    })
}

/// The cursor after a row: its sort values, with the sort they belong to.
pub(crate) fn encode_cursor(model: &Model, sort: &[SortKey], values: &[Value]) -> String {
    let mut items = vec![serde_json::Value::from(sort_spec(model, sort))];
    items.extend(values.iter().map(json_of));
    B64.encode(serde_json::Value::Array(items).to_string())
}

fn decode_cursor(model: &Model, sort: &[SortKey], raw: &str) -> Result<Vec<Value>, ApiError> {
    let invalid = || {
        bad("the cursor is not valid for this list (it was altered, or belongs to another `sort`); \
             start again without `cursor`"
            .into())
    };
    let bytes = B64.decode(raw.as_bytes()).map_err(|_| invalid())?;
    let items: Vec<serde_json::Value> = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    let (spec, values) = items.split_first().ok_or_else(invalid)?;
    if spec.as_str() != Some(sort_spec(model, sort).as_str()) || values.len() != sort.len() {
        return Err(invalid());
    }
    sort.iter()
        .zip(values)
        .map(|(k, v)| {
            use serde_json::Value as J;
            Ok(match (k.col.ty(model), v) {
                (_, J::Null) if k.col != Col::Id => Value::Null,
                (FieldType::Integer | FieldType::Boolean, J::Number(n)) => match n.as_i64() {
                    Some(i) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&i) => {
                        Value::Integer(i)
                    }
                    _ => return Err(invalid()),
                },
                (FieldType::Real, J::Number(n)) => Value::Real(n.as_f64().ok_or_else(invalid)?),
                (FieldType::Text | FieldType::Timestamp, J::String(s)) => Value::Text(s.clone()),
                _ => return Err(invalid()),
            })
        })
        .collect()
}

/// SQL text and its parameters, numbered as they are bound.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    pub(crate) text: String,
    pub(crate) params: Vec<Value>,
}

impl Sql {
    pub(crate) fn bind(&mut self, v: Value) -> String {
        self.params.push(v);
        format!("?{}", self.params.len())
    }

    pub(crate) fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

/// `"name"`: every name written into SQL comes from the model itself.
pub(crate) fn ident(model: &Model, col: Col) -> String {
    format!("\"{}\"", col.name(model))
}

pub(crate) fn column_list(model: &Model, cols: &[Col]) -> String {
    cols.iter()
        .map(|c| ident(model, *c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `SELECT … FROM "data_x" WHERE … ORDER BY … LIMIT …` for a checked list;
/// `owner` restricts it to one owner's records. Fetches one row more than
/// the limit, to know whether more follow.
pub(crate) fn list_sql(model: &Model, q: &ListQuery, owner: Option<&str>) -> Sql {
    let mut sql = Sql::default();
    let _ = write!(
        sql.text,
        "SELECT {} FROM \"{}\"",
        column_list(model, &q.select),
        model.table
    );
    let mut conds: Vec<String> = Vec::new();
    if let Some(o) = owner {
        let p = sql.bind(Value::Text(o.to_owned()));
        conds.push(format!("\"owner_id\" = {p}"));
    }
    let value_count: usize = q.filters.iter().map(|f| f.values.len()).sum();
    if value_count <= MAX_BOUND_FILTER_VALUES {
        // The common case: each value its own parameter, the plan SQLite
        // would pick for a hand-written query.
        let mut filter_conds = Vec::with_capacity(q.filters.len());
        for f in &q.filters {
            let c = ident(model, f.col);
            if f.op == Op::In {
                let marks: Vec<String> = f.values.iter().map(|v| sql.bind(v.clone())).collect();
                filter_conds.push(format!("{c} IN ({})", marks.join(", ")));
            } else if let Some(v) = f.values.first() {
                let p = sql.bind(v.clone());
                filter_conds.push(format!("{c} {} {p}", f.op.sql()));
            }
        }
        conds.extend(filter_conds);
    } else {
        // More values than that: all of them travel in one bound JSON array,
        // so no number of filters or `in` values comes near D1's 100
        // parameters; each condition reads its value (or, for `in`, its
        // array) by index.
        let mut values = Vec::with_capacity(q.filters.len());
        let mut terms = Vec::with_capacity(q.filters.len());
        for (i, f) in q.filters.iter().enumerate() {
            let c = ident(model, f.col);
            if f.op == Op::In {
                values.push(serde_json::Value::Array(
                    f.values.iter().map(json_of).collect(),
                ));
                terms.push((c, None, i));
            } else {
                values.push(f.values.first().map_or(serde_json::Value::Null, json_of));
                terms.push((c, Some(f.op.sql()), i));
            }
        }
        let p = sql.bind(Value::Text(serde_json::Value::Array(values).to_string()));
        let filter_conds: Vec<String> = terms
            .into_iter()
            .map(|(c, op, i)| match op {
                None => format!("{c} IN (SELECT value FROM json_each({p}, '$[{i}]'))"),
                Some(op) => format!("{c} {op} json_extract({p}, '$[{i}]')"),
            })
            .collect();
        conds.push(all_of(&filter_conds));
    }
    if let Paging::Cursor(after) = &q.paging {
        conds.push(keyset(model, &q.sort, after, &mut sql));
    }
    if !conds.is_empty() {
        sql.push(" WHERE ");
        sql.push(&conds.join(" AND "));
    }
    let order: Vec<String> = q
        .sort
        .iter()
        .map(|k| {
            format!(
                "{}{}",
                ident(model, k.col),
                if k.desc { " DESC" } else { "" }
            )
        })
        .collect();
    let _ = write!(sql.text, " ORDER BY {}", order.join(", "));
    let limit = sql.bind(Value::Integer(i64::from(q.limit) + 1));
    let _ = write!(sql.text, " LIMIT {limit}");
    if let Paging::Page(n) = q.paging {
        let offset = sql.bind(Value::Integer(i64::from(n - 1) * i64::from(q.limit)));
        let _ = write!(sql.text, " OFFSET {offset}");
    }
    sql
}

/// A filter value as JSON, for the array `json_extract` reads: integers and
/// reals come back from it as such, text as text.
fn json_of(v: &Value) -> serde_json::Value {
    match v {
        Value::Null | Value::Blob(_) => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(r) => (*r).into(),
        Value::Text(t) => t.as_str().into(),
    }
}

/// `conds` joined by `AND` as a balanced tree: however many there are, the
/// expression stays shallow (SQLite refuses trees deeper than 1,000).
fn all_of(conds: &[String]) -> String {
    match conds {
        [] => "1".to_owned(),
        [one] => one.clone(),
        _ => {
            let (a, b) = conds.split_at(conds.len() / 2);
            format!("({} AND {})", all_of(a), all_of(b))
        }
    }
}

/// Rows after the cursor in the sort order. SQLite sorts NULL first
/// ascending and last descending; the conditions follow that.
fn keyset(model: &Model, sort: &[SortKey], after: &[Value], sql: &mut Sql) -> String {
    let mut alternatives = Vec::new();
    for (i, (k, v)) in sort.iter().zip(after).enumerate() {
        let mut parts = Vec::new();
        for (pk, pv) in sort[..i].iter().zip(after) {
            let c = ident(model, pk.col);
            parts.push(if *pv == Value::Null {
                format!("{c} IS NULL")
            } else {
                format!("{c} = {}", sql.bind(pv.clone()))
            });
        }
        let c = ident(model, k.col);
        let step = match (k.desc, v == &Value::Null) {
            (false, true) => format!("{c} IS NOT NULL"),
            (false, false) => format!("{c} > {}", sql.bind(v.clone())),
            (true, true) => continue,
            (true, false) => format!("({c} < {} OR {c} IS NULL)", sql.bind(v.clone())),
        };
        parts.push(step);
        alternatives.push(format!("({})", parts.join(" AND ")));
    }
    if alternatives.is_empty() {
        "0".to_owned()
    } else {
        format!("({})", alternatives.join(" OR "))
    }
}

fn scoped(sql: &mut Sql, id: i64, owner: Option<&str>) {
    let p = sql.bind(Value::Integer(id));
    let _ = write!(sql.text, " WHERE \"id\" = {p}");
    if let Some(o) = owner {
        let p = sql.bind(Value::Text(o.to_owned()));
        let _ = write!(sql.text, " AND \"owner_id\" = {p}");
    }
}

/// `SELECT … WHERE "id" = ?1 [AND "owner_id" = ?2]`.
pub(crate) fn select_one_sql(model: &Model, cols: &[Col], id: i64, owner: Option<&str>) -> Sql {
    let mut sql = Sql::default();
    let _ = write!(
        sql.text,
        "SELECT {} FROM \"{}\"",
        column_list(model, cols),
        model.table
    );
    scoped(&mut sql, id, owner);
    sql
}

/// `INSERT INTO … VALUES … RETURNING` every column.
pub(crate) fn insert_sql(model: &Model, columns: Vec<(Col, Value)>) -> Sql {
    let mut sql = Sql::default();
    let names: Vec<String> = columns.iter().map(|(c, _)| ident(model, *c)).collect();
    let marks: Vec<String> = columns.into_iter().map(|(_, v)| sql.bind(v)).collect();
    let _ = write!(
        sql.text,
        "INSERT INTO \"{}\" ({}) VALUES ({}) RETURNING {}",
        model.table,
        names.join(", "),
        marks.join(", "),
        column_list(model, &Col::all(model))
    );
    sql
}

/// `UPDATE … SET … WHERE "id" = ? [AND "owner_id" = ?] RETURNING` every column.
pub(crate) fn update_sql(
    model: &Model,
    columns: Vec<(Col, Value)>,
    id: i64,
    owner: Option<&str>,
) -> Sql {
    let mut sql = Sql::default();
    let sets: Vec<String> = columns
        .into_iter()
        .map(|(c, v)| format!("{} = {}", ident(model, c), sql.bind(v)))
        .collect();
    let _ = write!(
        sql.text,
        "UPDATE \"{}\" SET {}",
        model.table,
        sets.join(", ")
    );
    scoped(&mut sql, id, owner);
    let _ = write!(
        sql.text,
        " RETURNING {}",
        column_list(model, &Col::all(model))
    );
    sql
}

/// `DELETE FROM … WHERE "id" = ? [AND "owner_id" = ?]`.
pub(crate) fn delete_sql(model: &Model, id: i64, owner: Option<&str>) -> Sql {
    let mut sql = Sql::default();
    let _ = write!(sql.text, "DELETE FROM \"{}\"", model.table);
    scoped(&mut sql, id, owner);
    sql
}
