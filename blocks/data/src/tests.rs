//! Unit tests of the data block: schema errors name file, line and key; the
//! SQL builders, fed arbitrary request text (proptest), only ever write
//! declared identifiers and placeholders.

use proptest::prelude::*;

use super::query::{self, Sql};
use super::record::{self, Col, Write};
use super::schema::{self, Model, Schema, SchemaError};
use clodo_sdk::db::Value;

const SHOP: &str = include_str!("../tests/data/shop.data.toml");

fn shop() -> Schema {
    schema::parse("shop.toml", SHOP).unwrap_or_else(|e| panic!("{e}"))
}

fn problems(src: &str) -> Vec<String> {
    match schema::parse("s.toml", src) {
        Ok(_) => panic!("accepted:\n{src}"),
        Err(SchemaError::Invalid(p)) => p.iter().map(ToString::to_string).collect(),
        Err(e) => panic!("{e}"),
    }
}

#[track_caller]
fn refused(src: &str, expected: &[&str]) {
    let got = problems(src);
    assert_eq!(got, expected, "\n{src}");
}

#[test]
fn schema_errors_name_file_line_and_key() {
    refused(
        "[models.c.fields]\nname = { type = \"text\", uniq = true }\n",
        &[
            "s.toml:2:25: `models.c.fields.name.uniq`: unknown field `uniq`, expected one of `type`, `required`, `unique`, `index`, `default`, `min`, `max`, `length`, `pattern`, `enum`, `belongs_to`, `on_delete`, `description`",
        ],
    );
    refused(
        "modles = {}\n",
        &["s.toml:1:1: `modles`: unknown field `modles`, expected `allow_destructive` or `models`"],
    );
    refused(
        "[models.c]\naccess = \"private\"\n[models.c.fields]\na = { type = \"text\" }\n",
        &[
            "s.toml:2:10: `models.c.access`: unknown variant `private`, expected one of `owner`, `domain`, `public-read`",
        ],
    );
    refused(
        "[models.c.fields\n",
        &["s.toml:1:17: unclosed table, expected `]`"],
    );
    refused(
        "[models.c.fields]\nn = { type = \"integer\", min = \"0\" }\n",
        &["s.toml:2:31: `models.c.fields.n.min`: invalid type: string \"0\", expected f64"],
    );
}

#[test]
fn schema_rules_are_checked_together() {
    let src = r#"
allow_destructive = ["a.b.c"]

[models.Customers.fields]
name = { type = "text" }

[models.c]
description = "all the problems"

[models.c.fields]
id = { type = "integer" }
sort = { type = "text" }
untyped = { required = true }
link = { belongs_to = "nowhere", type = "text" }
bounded = { type = "text", min = 1 }
ranged = { type = "integer", min = 5, max = 1 }
fraction = { type = "integer", max = 1.5 }
sized = { type = "integer", length = { max = 3 } }
short = { type = "text", length = { min = 3, max = 1 } }
regex = { type = "text", pattern = "(" }
patterned = { type = "real", pattern = "a" }
choice = { type = "text", enum = ["a", 1] }
empty = { type = "integer", enum = [] }
twice = { type = "text", enum = ["a", "a"] }
flag = { type = "boolean", enum = [true] }
blob = { type = "json", unique = true }
kind = { type = "text", enum = ["a", "b"], default = "c" }
nothing = { type = "text", default = "" , length = { min = 1 } }
stray = { type = "text", on_delete = "cascade" }
nullable = { belongs_to = "c", required = true, on_delete = "set-null" }
fixed = { belongs_to = "c", default = 1 }
when = { type = "timestamp", default = 2026-01-01T00:00:00Z }

[models.e]
"#;
    let got = problems(src);
    let expected = [
        "s.toml:4:9: `models.Customers`: the model name is not valid",
        "s.toml:11:6: `models.c.fields.id`: `id` is a column every model has already",
        "s.toml:12:8: `models.c.fields.sort`: `sort` is a query parameter of lists",
        "s.toml:13:11: `models.c.fields.untyped.type`: missing `type`",
        "s.toml:14:23: `models.c.fields.link.belongs_to`: a `belongs_to` field holds a record id",
        "s.toml:14:23: `models.c.fields.link.belongs_to`: no model `nowhere` in this schema (models: Customers, c, e)",
        "s.toml:15:34: `models.c.fields.bounded.min`: `min` applies to integer and real fields",
        "s.toml:16:45: `models.c.fields.ranged.max`: `max` (1) is below `min` (5)",
        "s.toml:17:38: `models.c.fields.fraction.max`: `max` of an integer field must be a whole number",
        "s.toml:18:38: `models.c.fields.sized.length`: `length` applies to text fields",
        "s.toml:19:35: `models.c.fields.short.length`: `length.max` (1) is below `length.min` (3)",
        "s.toml:20:36: `models.c.fields.regex.pattern`: not a valid regular expression",
        "s.toml:21:40: `models.c.fields.patterned.pattern`: `pattern` applies to text fields",
        "s.toml:22:34: `models.c.fields.choice.enum`: 1 is not a text value",
        "s.toml:23:36: `models.c.fields.empty.enum`: `enum` needs at least one value",
        "s.toml:24:33: `models.c.fields.twice.enum`: the values must be distinct",
        "s.toml:25:35: `models.c.fields.flag.enum`: `enum` applies to text and integer fields",
        "s.toml:26:8: `models.c.fields.blob`: json fields cannot be `unique` or `index`",
        "s.toml:27:54: `models.c.fields.kind.default`: the default must be one of \"a\", \"b\"",
        "s.toml:28:38: `models.c.fields.nothing.default`: the default must be at least 1 character long",
        "s.toml:29:38: `models.c.fields.stray.on_delete`: `on_delete` applies to `belongs_to` fields only",
        "s.toml:30:61: `models.c.fields.nullable.on_delete`: \"set-null\" needs an optional field",
        "s.toml:31:39: `models.c.fields.fixed.default`: a `belongs_to` field cannot have a default",
        "s.toml:34:1: `models.e.fields`: a model needs at least one field",
        "s.toml:2:22: `allow_destructive`: \"a.b.c\" is not `model` or `model.field`",
    ];
    for (i, e) in expected.iter().enumerate() {
        assert!(
            got.iter().any(|g| g.starts_with(e)),
            "missing #{i}: {e}\n got:\n{}",
            got.join("\n")
        );
    }
    assert_eq!(got.len(), expected.len(), "got:\n{}", got.join("\n"));
}

#[test]
fn a_valid_schema_reads_as_written() {
    let s = shop();
    let names: Vec<&str> = s.models.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["customers", "notes", "products"], "schema order");
    let c = s.model("customers").unwrap();
    assert_eq!(c.table(), "data_customers");
    assert_eq!(c.access, schema::Access::Owner);
    let tier = c.field("tier").unwrap();
    assert_eq!(tier.default, Some(serde_json::json!("regular")));
    assert_eq!(tier.default_value, Some(Value::Text("regular".into())));
    let when = schema::parse(
        "t.toml",
        "[models.a.fields]\nat = { type = \"timestamp\", default = 2026-01-01T01:00:00+01:00 }\n",
    )
    .unwrap();
    assert_eq!(
        when.models[0].fields[0].default_value,
        Some(Value::Text("2026-01-01T00:00:00.000Z".into())),
        "TOML date-times work as defaults"
    );
    for (name, ok) in [
        ("a", true),
        ("a1_b", true),
        ("A", false),
        ("1a", false),
        ("a__b", false),
        ("a_", false),
        ("_a", false),
        ("a-b", false),
    ] {
        assert_eq!(schema::is_valid_name(name), ok, "{name}");
    }
    assert_eq!(super::contract::pascal("order_lines"), "OrderLines");
}

/// Checks that `sql` consists only of keywords, punctuation, placeholders
/// for its parameters and quoted names the model declares.
fn assert_safe(sql: &Sql, model: &Model) {
    const KEYWORDS: [&str; 20] = [
        "SELECT",
        "FROM",
        "WHERE",
        "AND",
        "OR",
        "ORDER",
        "BY",
        "DESC",
        "LIMIT",
        "OFFSET",
        "IN",
        "IS",
        "NOT",
        "NULL",
        "LIKE",
        "INSERT",
        "INTO",
        "VALUES",
        "RETURNING",
        "UPDATE",
    ];
    let mut names: Vec<String> = Col::all(model)
        .iter()
        .map(|c| c.name(model).to_owned())
        .collect();
    names.push(model.table().to_owned());
    let text = &sql.text;
    let b = text.as_bytes();
    let mut i = 0;
    let mut highest = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || b"(),=<>".contains(&c) {
            i += 1;
        } else if c == b'"' {
            let end = text[i + 1..]
                .find('"')
                .map(|e| i + 1 + e)
                .unwrap_or_else(|| panic!("unclosed name: {text}"));
            let name = &text[i + 1..end];
            assert!(
                names.iter().any(|n| n == name),
                "undeclared name {name:?} in {text}"
            );
            i = end + 1;
        } else if let Some(f) = ["json_extract(", "json_each("]
            .into_iter()
            .find(|f| text[i..].starts_with(f))
        {
            // The one form filter values are read in: a placeholder and an
            // array index, both digits the builder wrote.
            let rest = &text[i + f.len()..];
            let n_len = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
            assert!(rest.starts_with('?') && n_len > 0, "bad {f} in {text}");
            let n: usize = rest[1..1 + n_len].parse().unwrap_or(0);
            assert!(
                n >= 1 && n <= sql.params.len(),
                "?{n} without a parameter in {text}"
            );
            highest = highest.max(n);
            let tail = &rest[1 + n_len..];
            let k_len = tail
                .strip_prefix(", '$[")
                .map(|t| t.bytes().take_while(u8::is_ascii_digit).count())
                .unwrap_or_else(|| panic!("bad {f} path in {text}"));
            assert!(
                k_len > 0 && tail[5 + k_len..].starts_with("]')"),
                "bad {f} path in {text}"
            );
            i += f.len() + 1 + n_len + 5 + k_len + 3;
        } else if text[i..].starts_with("value ") {
            i += "value ".len();
        } else if c == b'?' {
            let len = text[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
            let n: usize = text[i + 1..i + 1 + len]
                .parse()
                .unwrap_or_else(|_| panic!("bare ? in {text}"));
            assert!(
                n >= 1 && n <= sql.params.len(),
                "?{n} without a parameter in {text}"
            );
            highest = highest.max(n);
            i += 1 + len;
        } else if c.is_ascii_uppercase() {
            let len = text[i..].bytes().take_while(u8::is_ascii_uppercase).count();
            let word = &text[i..i + len];
            assert!(
                KEYWORDS.contains(&word) || word == "SET" || word == "DELETE",
                "unexpected word {word:?} in {text}"
            );
            i += len;
        } else if c == b'0' && b.get(i + 1).is_none_or(|n| !n.is_ascii_digit()) {
            i += 1;
        } else {
            panic!("unexpected {:?} at {i} in {text}", &text[i..]);
        }
    }
    assert_eq!(highest, sql.params.len(), "every parameter is used: {text}");
}

/// Query keys: declared names (with operators), list parameters, and junk.
fn key() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "id",
        "owner_id",
        "created_at",
        "name",
        "email",
        "tier",
        "credit_cents",
        "rating",
        "vip",
        "birthday",
        "tags",
    ]);
    let ops = prop::sample::select(vec![
        "eq", "ne", "gt", "gte", "lt", "lte", "like", "in", "x", "",
    ]);
    prop_oneof![
        names.clone().prop_map(str::to_owned),
        (names, ops).prop_map(|(n, o)| format!("{n}[{o}]")),
        prop::sample::select(vec!["limit", "page", "sort", "fields", "cursor"])
            .prop_map(str::to_owned),
        any::<String>(),
        "[a-z_\";'()\\[\\] -]{0,12}",
    ]
}

/// Values: plausible ones for every type, sort and field lists, and junk.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "-?[0-9]{1,17}(\\.[0-9]{1,3})?",
        prop::sample::select(vec![
            "true",
            "0",
            "regular",
            "2026-01-01T00:00:00Z",
            "Ann%",
            "1,2,3",
            "\"; DROP TABLE x; --"
        ])
        .prop_map(str::to_owned),
        "(-?(id|name|email|tier|credit_cents|rating|vip|birthday|tags|owner_id|nope|\"x\")[,]?){1,5}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn list_sql_holds_only_declared_names_and_placeholders(
        params in prop::collection::vec((key(), value()), 0..8),
        owner in prop::option::of(any::<String>()),
        cursor_from in prop::option::of(prop::collection::vec(prop_oneof![
            Just(Value::Null), any::<i64>().prop_map(Value::Integer), any::<f64>().prop_map(Value::Real),
            any::<String>().prop_map(Value::Text)], 1..5)),
    ) {
        let schema = shop();
        let model = schema.model("customers").unwrap();
        if let Ok(mut q) = query::parse_list(model, &params) {
            assert!(q.limit >= 1 && q.limit <= query::MAX_LIMIT);
            assert_eq!(q.sort.last().map(|k| k.col), Some(Col::Id));
            assert_safe(&query::list_sql(model, &q, owner.as_deref()), model);
            // A cursor made from arbitrary row values works or is refused; never unsafe.
            if let Some(values) = cursor_from {
                let mut values = values;
                values.resize(q.sort.len(), Value::Integer(7));
                let c = query::encode_cursor(model, &q.sort, &values);
                let mut with_cursor: Vec<(String, String)> = params.iter().filter(|(k, _)| k != "cursor" && k != "page").cloned().collect();
                with_cursor.push(("cursor".into(), c));
                if let Ok(q2) = query::parse_list(model, &with_cursor) {
                    q = q2;
                    assert_safe(&query::list_sql(model, &q, owner.as_deref()), model);
                }
            }
        }
    }

    #[test]
    fn write_sql_holds_only_declared_names_and_placeholders(
        body in prop::collection::btree_map(key(), prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            value().prop_map(serde_json::Value::from),
        ], 0..6),
        staff in any::<bool>(),
        id in any::<i64>(),
        owner in prop::option::of(any::<String>()),
    ) {
        let schema = shop();
        let model = schema.model("customers").unwrap();
        let body = serde_json::Value::Object(body.into_iter().collect());
        for mode in [Write::Create, Write::Replace, Write::Patch] {
            if let Ok(changes) = record::changes(model, &body, mode, staff) {
                for (c, _) in &changes.columns {
                    assert!(Col::all(model).contains(c));
                }
                assert_safe(&query::update_sql(model, changes.columns.clone(), id, owner.as_deref()), model);
                assert_safe(&query::insert_sql(model, changes.columns), model);
            }
        }
        assert_safe(&query::select_one_sql(model, &Col::all(model), id, owner.as_deref()), model);
        assert_safe(&query::delete_sql(model, id, owner.as_deref()), model);
    }
}
