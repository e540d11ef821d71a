//! The typed mapping on real SQLite: one test per kind of column, each
//! writing through serde (`insert_into`, `update_by`, `Value::from_serde`)
//! and reading back through serde.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::sqlite::SqliteDb;
use super::{Db, DbError, MAX_SAFE_INTEGER, MigrationSource, Statement, Value};
use crate::params;
use crate::time::Timestamp;

async fn db_with(table_sql: &'static str) -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::new(SqliteDb::open(dir.path().join("db.sqlite3"), 1).unwrap());
    db.migrate(
        "t",
        &[MigrationSource {
            name: "0001.sql".into(),
            sql: table_sql.into(),
        }],
    )
    .await
    .unwrap();
    (dir, db)
}

/// The raw stored value of one column of row 1.
async fn stored(db: &Db, table: &str, column: &str) -> Value {
    let rows = db
        .query_rows(format!("SELECT {column} FROM {table} WHERE id = 1"), vec![])
        .await
        .unwrap();
    rows.rows[0][0].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn booleans_are_zero_and_one() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        ok: bool,
    }
    let (_d, db) = db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, ok INTEGER)").await;
    db.insert_into("t", &Row { id: 1, ok: true }).await.unwrap();
    db.insert_into("t", &Row { id: 2, ok: false })
        .await
        .unwrap();
    assert_eq!(stored(&db, "t", "ok").await, Value::Integer(1));
    let rows: Vec<Row> = db
        .query("SELECT * FROM t ORDER BY id", vec![])
        .await
        .unwrap();
    assert_eq!(rows, [Row { id: 1, ok: true }, Row { id: 2, ok: false }]);
    db.execute("UPDATE t SET ok = 2 WHERE id = 1", vec![])
        .await
        .unwrap();
    let e = db
        .first::<Row>("SELECT * FROM t WHERE id = 1", vec![])
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "row does not match the requested type: column `ok`: expected a boolean (0 or 1), got 2"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn integers_obey_the_d1_range_both_ways() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        n: i64,
        small: u8,
    }
    #[derive(Serialize)]
    struct Big {
        id: i64,
        n: u64,
    }
    let (_d, db) =
        db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, small INTEGER)").await;
    for (id, n) in [(1, MAX_SAFE_INTEGER), (2, -MAX_SAFE_INTEGER), (3, 0)] {
        db.insert_into("t", &Row { id, n, small: 255 })
            .await
            .unwrap();
    }
    let rows: Vec<Row> = db
        .query("SELECT * FROM t ORDER BY id", vec![])
        .await
        .unwrap();
    assert_eq!(rows[0].n, MAX_SAFE_INTEGER);
    assert_eq!(rows[1].n, -MAX_SAFE_INTEGER);
    assert_eq!(rows[2].small, 255);

    // Into the database: from a struct field, from params!, from from_serde.
    let e = db
        .insert_into("t", &Big { id: 9, n: 1 << 53 })
        .await
        .unwrap_err();
    assert!(
        matches!(e, DbError::IntegerOutOfRange { ref place, value } if place == "field `n`" && value == 1 << 53),
        "{e}"
    );
    assert!(e.to_string().contains("outside ±9007199254740991"), "{e}");
    let e = db
        .insert_into(
            "t",
            &Row {
                id: 9,
                n: -(1 << 53),
                small: 0,
            },
        )
        .await
        .unwrap_err();
    assert!(
        e.to_string().starts_with("field `n` is -9007199254740992"),
        "{e}"
    );
    let e = db
        .execute("UPDATE t SET n = ?1", params![i64::MAX])
        .await
        .unwrap_err();
    assert!(e.to_string().starts_with("parameter 1 is"), "{e}");
    assert!(Value::from_serde(&u64::MAX).is_err());
    let e = db
        .update_by("t", "id", 1, &BTreeMap::from([("n", u64::MAX)]))
        .await
        .unwrap_err();
    assert!(matches!(e, DbError::IntegerOutOfRange { .. }), "{e}");

    // Out of the database: a value written by other means is refused on read.
    db.execute("UPDATE t SET n = 9007199254740993 WHERE id = 3", vec![])
        .await
        .unwrap();
    let e = db
        .first::<Row>("SELECT * FROM t WHERE id = 3", vec![])
        .await
        .unwrap_err();
    assert!(
        e.to_string().starts_with("column `n` is 9007199254740993"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn reals_round_trip_and_must_be_finite() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        x: f64,
        y: f32,
    }
    let (_d, db) = db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, x REAL, y REAL)").await;
    db.insert_into(
        "t",
        &Row {
            id: 1,
            x: 0.1 + 0.2,
            y: 1.5,
        },
    )
    .await
    .unwrap();
    assert_eq!(stored(&db, "t", "x").await, Value::Real(0.1 + 0.2));
    let row: Row = db.first("SELECT * FROM t", vec![]).await.unwrap().unwrap();
    assert_eq!(
        row,
        Row {
            id: 1,
            x: 0.1 + 0.2,
            y: 1.5
        }
    );
    let e = db
        .insert_into(
            "t",
            &Row {
                id: 2,
                x: f64::NAN,
                y: 0.0,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot bind the value: field `x` is NaN; only finite numbers can be stored"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn text_chars_and_enums_are_text() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        Placed,
        ReadyForPickup,
    }
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        name: String,
        initial: char,
        status: Status,
    }
    let (_d, db) =
        db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, initial TEXT, status TEXT)")
            .await;
    let row = Row {
        id: 1,
        name: "Zoë's \"bakery\"; DROP TABLE t".into(),
        initial: 'Z',
        status: Status::ReadyForPickup,
    };
    db.insert_into("t", &row).await.unwrap();
    assert_eq!(
        stored(&db, "t", "status").await,
        Value::Text("ready_for_pickup".into())
    );
    let back: Row = db.first("SELECT * FROM t", vec![]).await.unwrap().unwrap();
    assert_eq!(back, row);
    let _ = Status::Placed;
}

#[tokio::test(flavor = "multi_thread")]
async fn options_are_null() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        note: Option<String>,
        qty: Option<i64>,
    }
    let (_d, db) = db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT, qty INTEGER)").await;
    db.insert_into(
        "t",
        &Row {
            id: 1,
            note: None,
            qty: Some(3),
        },
    )
    .await
    .unwrap();
    assert_eq!(stored(&db, "t", "note").await, Value::Null);
    let row: Row = db.first("SELECT * FROM t", vec![]).await.unwrap().unwrap();
    assert_eq!(
        row,
        Row {
            id: 1,
            note: None,
            qty: Some(3)
        }
    );

    // Skipped fields are left out: the column default (or the old value) stays.
    #[derive(Serialize)]
    struct Patch {
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        qty: Option<i64>,
    }
    db.update_by(
        "t",
        "id",
        1,
        &Patch {
            note: Some("warm".into()),
            qty: None,
        },
    )
    .await
    .unwrap();
    let row: Row = db.first("SELECT * FROM t", vec![]).await.unwrap().unwrap();
    assert_eq!((row.note.as_deref(), row.qty), (Some("warm"), Some(3)));
    let e = db
        .update_by(
            "t",
            "id",
            1,
            &Patch {
                note: None,
                qty: None,
            },
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("nothing to update"), "{e}");
}

#[tokio::test(flavor = "multi_thread")]
async fn timestamps_are_rfc3339_text() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        at: Timestamp,
        until: Option<Timestamp>,
    }
    let (_d, db) = db_with(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL, until TEXT, \
         made TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
    )
    .await;
    let at = Timestamp::parse("2026-11-25T10:10:11.5+01:00").unwrap();
    db.insert_into(
        "t",
        &Row {
            id: 1,
            at,
            until: None,
        },
    )
    .await
    .unwrap();
    let later = Timestamp::parse("2026-11-26T00:00:00Z").unwrap();
    db.execute("INSERT INTO t (id, at) VALUES (2, ?1)", params![later])
        .await
        .unwrap();
    assert_eq!(
        stored(&db, "t", "at").await,
        Value::Text("2026-11-25T09:10:11.500Z".into())
    );
    let rows: Vec<Row> = db
        .query(
            "SELECT id, at, until FROM t WHERE at > ?1 ORDER BY at DESC",
            params![Timestamp::MIN],
        )
        .await
        .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [2, 1],
        "text order is time order"
    );
    assert_eq!(
        rows[1],
        Row {
            id: 1,
            at,
            until: None
        }
    );

    // Second-precision text written by SQLite itself reads as a Timestamp too.
    #[derive(Deserialize)]
    struct Made {
        made: Timestamp,
    }
    let made: Made = db
        .first("SELECT made FROM t WHERE id = 1", vec![])
        .await
        .unwrap()
        .unwrap();
    assert!(made.made <= Timestamp::now());
    db.execute("UPDATE t SET until = 'soon' WHERE id = 1", vec![])
        .await
        .unwrap();
    let e = db
        .first::<Row>("SELECT id, at, until FROM t WHERE id = 1", vec![])
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("column `until`") && e.to_string().contains("RFC 3339"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn json_columns_round_trip() {
    #[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
    struct Line {
        sku: String,
        qty: u32,
    }
    #[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
    #[serde(tag = "kind", rename_all = "lowercase")]
    enum Delivery {
        Pickup,
        Courier { address: String },
    }
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        id: i64,
        lines: Vec<Line>,
        meta: BTreeMap<String, i64>,
        delivery: Delivery,
        extra: Option<serde_json::Value>,
        first: Line,
    }
    let (_d, db) = db_with(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, lines TEXT, meta TEXT, delivery TEXT, extra TEXT, first TEXT)",
    )
    .await;
    let line = Line {
        sku: "bun".into(),
        qty: 2,
    };
    let row = Row {
        id: 1,
        lines: vec![
            line.clone(),
            Line {
                sku: "loaf".into(),
                qty: 1,
            },
        ],
        meta: BTreeMap::from([("a".into(), 1)]),
        delivery: Delivery::Courier {
            address: "1 Main St".into(),
        },
        extra: Some(serde_json::json!({"gift": true})),
        first: line,
    };
    db.insert_into("t", &row).await.unwrap();
    assert_eq!(
        stored(&db, "t", "lines").await,
        Value::Text(r#"[{"sku":"bun","qty":2},{"sku":"loaf","qty":1}]"#.into())
    );
    // The text is real JSON: SQLite's JSON functions read it.
    let n = db
        .query_rows(
            "SELECT json_array_length(lines), json_extract(delivery, '$.kind') FROM t",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        n.rows[0],
        [Value::Integer(2), Value::Text("courier".into())]
    );
    let back: Row = db.first("SELECT * FROM t", vec![]).await.unwrap().unwrap();
    assert_eq!(back, row);

    // A JSON parameter feeds json_each: one statement inserts many rows.
    db.execute(
        "INSERT INTO t (id, first) SELECT 10 + key, value FROM json_each(?1)",
        vec![Value::from_serde(&row.lines).unwrap()],
    )
    .await
    .unwrap();
    let firsts: Vec<BTreeMap<String, Line>> = db
        .query("SELECT first FROM t WHERE id >= 10 ORDER BY id", vec![])
        .await
        .unwrap();
    assert_eq!(firsts[1]["first"].sku, "loaf");

    db.execute("UPDATE t SET lines = '[{\"sku\":1}]' WHERE id = 1", vec![])
        .await
        .unwrap();
    let e = db
        .first::<Row>("SELECT * FROM t WHERE id = 1", vec![])
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("column `lines`: invalid JSON"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn blobs_bind_as_bytes() {
    let (_d, db) = db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, raw BLOB)").await;
    db.execute(
        "INSERT INTO t (id, raw) VALUES (1, ?1)",
        params![vec![0u8, 255]],
    )
    .await
    .unwrap();
    assert_eq!(stored(&db, "t", "raw").await, Value::Blob(vec![0, 255]));
    #[derive(Deserialize)]
    struct Row {
        raw: Vec<u8>,
    }
    let r: Row = db
        .first("SELECT raw FROM t", vec![])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(r.raw, [0, 255]);
}

#[tokio::test(flavor = "multi_thread")]
async fn generated_statements_check_names_and_shapes() {
    let (_d, db) =
        db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x')").await;
    // Maps work as rows; an empty row inserts the defaults.
    let s = Statement::insert_into("t", &BTreeMap::from([("id", 5)])).unwrap();
    assert_eq!(s.sql, "INSERT INTO \"t\" (\"id\") VALUES (?1)");
    db.batch(vec![
        s,
        Statement::insert_into("t", &BTreeMap::<String, i64>::new()).unwrap(),
    ])
    .await
    .unwrap();
    let names: Vec<BTreeMap<String, String>> = db
        .query("SELECT name FROM t ORDER BY id", vec![])
        .await
        .unwrap();
    assert_eq!(names.len(), 2);
    assert_eq!(names[0]["name"], "x");

    for bad in ["t; DROP TABLE t", "1t", "", "t\"", &"a".repeat(65)] {
        let e = db
            .insert_into(bad, &BTreeMap::from([("id", 1)]))
            .await
            .unwrap_err();
        assert!(matches!(e, DbError::InvalidIdentifier(_)), "{bad}: {e}");
        let e = db
            .insert_into("t", &BTreeMap::from([(bad, 1)]))
            .await
            .unwrap_err();
        assert!(matches!(e, DbError::InvalidIdentifier(_)), "{bad}: {e}");
    }
    let e = db
        .update_by("t", "id = 1 OR 1", 1, &BTreeMap::from([("name", "y")]))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("not a valid SQL identifier"), "{e}");
    let e = db.insert_into("t", &42).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot bind the value: a row must be a struct with named fields or a map with string keys"
    );
    let e = db
        .insert_into("t", &BTreeMap::from([(1, 1)]))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("string keys"), "{e}");
    let s = Statement::update_by("t", "id", 7, &BTreeMap::from([("name", "y")])).unwrap();
    assert_eq!(s.sql, "UPDATE \"t\" SET \"name\" = ?1 WHERE \"id\" = ?2");
    assert_eq!(s.params, [Value::Text("y".into()), Value::Integer(7)]);
}

/// D1 refuses more than 100 bound parameters per statement; so does SQLite
/// here, before the statement runs, for every way a statement is made.
#[tokio::test(flavor = "multi_thread")]
async fn more_than_100_parameters_are_refused_on_sqlite_too() {
    let (_dir, db) = db_with("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)").await;
    let marks = |n: usize| {
        (1..=n)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ok = db
        .query_rows(
            format!("SELECT 1 WHERE 1 IN ({})", marks(100)),
            (1..=100).map(Value::Integer).collect(),
        )
        .await;
    assert!(ok.is_ok(), "100 is allowed: {ok:?}");
    let e = db
        .query_rows(
            format!("SELECT 1 WHERE 1 IN ({})", marks(101)),
            (1..=101).map(Value::Integer).collect(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(e, DbError::TooManyParameters { count: 101 }),
        "{e}"
    );
    let wide: BTreeMap<String, i64> = (0..101).map(|i| (format!("c{i}"), i)).collect();
    let e = db.insert_into("t", &wide).await.unwrap_err();
    assert!(matches!(e, DbError::TooManyParameters { .. }), "{e}");
    let stmt = Statement::insert_into("t", &wide).unwrap();
    let e = db.batch(vec![stmt]).await.unwrap_err();
    assert!(matches!(e, DbError::TooManyParameters { .. }), "{e}");
}
