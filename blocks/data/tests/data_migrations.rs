//! Migrations of the generic data block: generated SQL against checked-in
//! snapshots, and real restarts on one SQLite file as the schema changes
//! (additive changes apply, destructive ones are refused unless allowed).
//!
//! After an intended change to the generated SQL:
//! `CLODO_BLESS=1 cargo test -p clodo-data --test data_migrations`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clodo_data::{self as data, DataBlock};
use clodo_sdk::http_types::Request;
use clodo_sdk::native::{ServerConfig, start_service};
use clodo_sdk::testing::{TEST_SIGNING_KEY, user};
use clodo_sdk::{App, Service};
use serde_json::{Value, json};

fn block(text: &str) -> DataBlock {
    DataBlock::from_toml("schema.toml", text).unwrap_or_else(|e| panic!("{e}"))
}

const V1: &str = r#"
[models.customers.fields]
name = { type = "text", required = true }
phone = { type = "text" }
age = { type = "text" }
"#;

/// Additive: a field with a default, a unique and an indexed field, a new model linking back.
const V2: &str = r#"
[models.customers.fields]
name = { type = "text", required = true, unique = true }
phone = { type = "text", index = true }
age = { type = "text" }
tier = { type = "text", default = "regular", enum = ["regular", "wholesale"] }

[models.notes]
access = "domain"
[models.notes.fields]
customer = { belongs_to = "customers", required = true }
text = { type = "text", required = true, default = "it's fine" }
"#;

/// Destructive: `phone` dropped, `age` retyped, `notes` removed.
const V3: &str = r#"
allow_destructive = ["customers.phone", "customers.age", "notes"]

[models.customers.fields]
name = { type = "text", required = true, unique = true }
age = { type = "integer" }
tier = { type = "text", default = "regular", enum = ["regular", "wholesale"] }
"#;

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/snapshots")
        .join(name);
    if std::env::var_os("CLODO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with CLODO_BLESS=1 to create it)",
            path.display()
        )
    });
    assert_eq!(
        actual,
        expected,
        "{} is stale (CLODO_BLESS=1 to update)",
        path.display()
    );
}

#[test]
fn migration_sql_snapshots() {
    let v1 = block(V1);
    let v2 = block(V2);
    let v3 = block(V3);
    let fresh = v2.migration_sql(None).unwrap().unwrap();
    snapshot("fresh.sql", &fresh);
    assert_eq!(
        v2.migration_sql(None).unwrap().unwrap(),
        fresh,
        "deterministic"
    );
    snapshot(
        "additive.sql",
        &v2.migration_sql(Some(&v1)).unwrap().unwrap(),
    );
    snapshot(
        "destructive.sql",
        &v3.migration_sql(Some(&v2)).unwrap().unwrap(),
    );
    assert_eq!(
        v2.migration_sql(Some(&v2)).unwrap(),
        None,
        "no change, no migration"
    );
    // Constraints that live in the API only need no migration.
    let looser = block(&V2.replace("required = true, unique", "unique"));
    assert_eq!(looser.migration_sql(Some(&v2)).unwrap(), None);

    let refused = block(&V3.replace(
        "allow_destructive = [\"customers.phone\", \"customers.age\", \"notes\"]",
        "",
    ))
    .migration_sql(Some(&v2))
    .unwrap_err();
    snapshot("refused.txt", &refused);
}

#[test]
fn links_rebuild_the_table_unless_records_would_cascade() {
    let base = r#"
[models.customers.fields]
name = { type = "text" }
[models.notes.fields]
customer = { belongs_to = "customers" }
text = { type = "text" }
"#;
    let cascade = base.replace(
        "belongs_to = \"customers\"",
        "belongs_to = \"customers\", on_delete = \"cascade\"",
    );
    let sql = block(&cascade)
        .migration_sql(Some(&block(base)))
        .unwrap()
        .unwrap();
    snapshot("rebuild.sql", &sql);
    // Changing customers' own link while notes cascade from it would delete notes: refused.
    let linked = cascade.replace(
        "name = { type = \"text\" }",
        "name = { type = \"text\" }\nbest = { belongs_to = \"customers\" }",
    );
    let relinked = linked.replace(
        "best = { belongs_to = \"customers\" }",
        "best = { belongs_to = \"customers\", on_delete = \"set-null\" }",
    );
    let e = block(&relinked)
        .migration_sql(Some(&block(&linked)))
        .unwrap_err();
    assert!(
        e.contains("would delete or unlink the records of `customers.best`, `notes.customer`"),
        "{e}"
    );
    assert!(
        e.contains("set their `on_delete` to \"restrict\" first"),
        "{e}"
    );
}

/// A domain directory that survives restarts of the app.
struct Domain {
    dir: tempfile::TempDir,
}

impl Domain {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(".dev.vars"),
            format!("CLODO_SIGNING_KEY={TEST_SIGNING_KEY}\n"),
        )
        .unwrap();
        Self { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    async fn start(&self, app: App) -> Result<Arc<Service>, String> {
        let cfg = ServerConfig::for_tests("test.localhost", &self.path());
        start_service(&app, &cfg)
            .await
            .map(|(s, _)| s)
            .map_err(|e| e.to_string())
    }

    async fn start_schema(&self, text: &str) -> Result<Arc<Service>, String> {
        self.start(data::mount(
            App::new(),
            "/data",
            DataBlock::from_toml("schema.toml", text),
        ))
        .await
    }
}

async fn call(svc: &Service, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let token = svc
        .runtime()
        .keys
        .mint(&user("sam", &["staff"]), clodo_sdk::auth::unix_now(), 600);
    let mut req = Request::new(method.parse().unwrap(), path);
    req.headers
        .insert("authorization", format!("Bearer {token}").parse().unwrap());
    if let Some(b) = body {
        req.headers
            .insert("content-type", "application/json".parse().unwrap());
        req.body = serde_json::to_vec(&b).unwrap().into();
    }
    let resp = svc.handle(req, Arc::from("req-test")).await;
    let body = if resp.body().is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(resp.body()).unwrap()
    };
    (resp.status().as_u16(), body)
}

async fn applied(svc: &Service) -> Vec<String> {
    let rows: Vec<(String,)> = Vec::new();
    drop(rows);
    #[derive(serde::Deserialize)]
    struct Name {
        name: String,
    }
    let names: Vec<Name> = svc
        .runtime()
        .db
        .query(
            "SELECT name FROM _clodo_migrations WHERE block = 'data' ORDER BY name",
            vec![],
        )
        .await
        .unwrap();
    names.into_iter().map(|n| n.name).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn restarts_apply_additive_changes_and_refuse_destructive_ones() {
    let d = Domain::new();
    let svc = d.start_schema(V1).await.unwrap();
    let (status, rec) = call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"name": "Ann", "phone": "555", "age": "41"})),
    )
    .await;
    assert_eq!(status, 201, "{rec}");
    drop(svc);

    // The same schema again: nothing to apply.
    let svc = d.start_schema(V1).await.unwrap();
    assert_eq!(applied(&svc).await.len(), 1);
    drop(svc);

    // Additive: existing records get the new field's default.
    let svc = d.start_schema(V2).await.unwrap();
    let names = applied(&svc).await;
    assert_eq!(names.len(), 2);
    assert!(
        names[0].starts_with("0001_schema_") && names[1].starts_with("0002_schema_"),
        "{names:?}"
    );
    let (_, rec) = call(&svc, "GET", "/data/customers/1", None).await;
    assert_eq!(rec["tier"], "regular");
    assert_eq!(rec["phone"], "555");
    let (status, note) = call(&svc, "POST", "/data/notes", Some(json!({"customer": 1}))).await;
    assert_eq!(status, 201, "{note}");
    assert_eq!(note["text"], "it's fine");
    let (status, dup) = call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"name": "Ann"})),
    )
    .await;
    assert_eq!(
        (status, &dup["errors"][0]["field"]),
        (409, &json!("name")),
        "the new unique index holds"
    );
    drop(svc);

    // Destructive without permission: start-up stops, naming each change, and nothing changes.
    let unallowed = V3
        .lines()
        .filter(|l| !l.starts_with("allow_destructive"))
        .collect::<Vec<_>>()
        .join("\n");
    let e = d.start_schema(&unallowed).await.unwrap_err();
    for needle in [
        "block `data`: the data schema schema.toml changed in ways that would lose data, so nothing was applied",
        "model `notes` was removed: its table and all its records would be deleted",
        "field `customers.phone` was removed: its values would be deleted",
        "field `customers.age` changed type from text to integer: its values would be deleted",
        "allow_destructive = [\"notes\", \"customers.phone\", \"customers.age\"]",
    ] {
        assert!(e.contains(needle), "{e}\nlacks: {needle}");
    }
    let svc = d.start_schema(V2).await.unwrap();
    assert_eq!(
        call(&svc, "GET", "/data/customers/1", None).await.1["phone"],
        "555",
        "untouched"
    );
    drop(svc);

    // Allowed: applied; the data of what was dropped or retyped is gone, the rest stays.
    let svc = d.start_schema(V3).await.unwrap();
    let (status, rec) = call(&svc, "GET", "/data/customers/1", None).await;
    assert_eq!(status, 200);
    assert_eq!(rec["name"], "Ann");
    assert_eq!(rec["age"], Value::Null);
    assert!(rec.get("phone").is_none());
    assert_eq!(
        call(&svc, "GET", "/data/notes", None).await.0,
        400,
        "the model is gone"
    );
    let cols = svc
        .runtime()
        .db
        .query_rows(
            "SELECT name FROM pragma_table_info('data_customers')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        cols.rows.len(),
        7,
        "id, owner_id, created_at, updated_at, name, age, tier"
    );
    assert_eq!(applied(&svc).await.len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rebuilt_table_keeps_its_records() {
    let d = Domain::new();
    let base = "[models.customers.fields]\nname = { type = \"text\" }\n[models.notes.fields]\n\
                customer = { belongs_to = \"customers\" }\ntext = { type = \"text\" }\n";
    let svc = d.start_schema(base).await.unwrap();
    call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"name": "Ann"})),
    )
    .await;
    let (s, _) = call(
        &svc,
        "POST",
        "/data/notes",
        Some(json!({"customer": 1, "text": "a"})),
    )
    .await;
    assert_eq!(s, 201);
    assert_eq!(
        call(&svc, "DELETE", "/data/customers/1", None).await.0,
        409,
        "restrict"
    );
    drop(svc);
    let cascade = base.replace(
        "belongs_to = \"customers\"",
        "belongs_to = \"customers\", on_delete = \"cascade\"",
    );
    let svc = d.start_schema(&cascade).await.unwrap();
    assert_eq!(
        call(&svc, "GET", "/data/notes/1", None).await.1["text"],
        "a",
        "kept through the rebuild"
    );
    assert_eq!(call(&svc, "DELETE", "/data/customers/1", None).await.0, 204);
    assert_eq!(
        call(&svc, "GET", "/data/notes/1", None).await.0,
        404,
        "cascaded"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_schema_or_a_second_mount_stops_start_up() {
    let d = Domain::new();
    let e = d
        .start_schema("[models.customers.fields]\nname = { type = \"txt\" }\n")
        .await
        .unwrap_err();
    assert!(
        e.contains("schema.toml:2:17: `models.customers.fields.name.type`: unknown variant `txt`"),
        "{e}"
    );
    let app = data::mount(
        App::new(),
        "/data",
        DataBlock::from_toml("schema.toml", "models = 1"),
    );
    let e = app.contract_json().unwrap_err().to_string();
    assert!(
        e.contains("schema.toml:1:10: `models`: invalid type: integer `1`, expected a map"),
        "{e}"
    );

    let e = DataBlock::from_file("no/such/schema.toml")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("cannot read the data schema no/such/schema.toml: "),
        "{e}"
    );
    let shop = DataBlock::from_file(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/shop.data.toml"),
    );
    assert_eq!(shop.map(|b| b.schema().models.len()).ok(), Some(3));

    // A schema without models starts, and says so.
    let svc = d.start_schema("# nothing yet\n").await.unwrap();
    let (status, p) = call(&svc, "GET", "/data/customers", None).await;
    assert_eq!(status, 400);
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("serves: no models yet"),
        "{p}"
    );
    drop(svc);

    let twice = block(V1).mount(block(V2).mount(App::new(), "/data"), "/more");
    let e = d.start(twice.clone()).await.unwrap_err();
    assert!(e.contains("a data block is mounted twice"), "{e}");
    assert!(twice.contract_json().is_err());
}

/// A database migrated before `unique` of owner models meant unique per
/// owner (one global index) moves to the per-owner index on the next start,
/// keeping its records; the same value then fits under another owner.
#[tokio::test(flavor = "multi_thread")]
async fn a_global_unique_index_of_an_owner_model_becomes_per_owner() {
    let d = Domain::new();
    let schema = "[models.customers.fields]\nemail = { type = \"text\", unique = true }\n";
    let svc = d.start_schema(schema).await.unwrap();
    let db = &svc.runtime().db;
    // What the previous release left behind.
    for sql in [
        "DROP INDEX \"data_customers__email__unique_per_owner\"",
        "CREATE UNIQUE INDEX \"data_customers__email__unique\" ON \"data_customers\" (\"email\")",
        "UPDATE \"_clodo_data_schema\" SET \"schema\" = replace(\"schema\", ',\"per_owner\":true', '')",
    ] {
        db.execute(sql, vec![]).await.unwrap();
    }
    let (status, rec) = call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"email": "a@b.c"})),
    )
    .await;
    assert_eq!(status, 201, "{rec}");
    let (status, _) = call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"email": "a@b.c", "owner_id": "bob"})),
    )
    .await;
    assert_eq!(status, 409, "the old index is global");
    drop(svc);

    let svc = d.start_schema(schema).await.unwrap();
    assert_eq!(
        applied(&svc).await.len(),
        2,
        "one migration moves the index"
    );
    #[derive(serde::Deserialize)]
    struct Name {
        name: String,
    }
    let indexes: Vec<String> = svc
        .runtime()
        .db
        .query::<Name>(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'data_customers' \
             AND name LIKE '%unique%'",
            vec![],
        )
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert_eq!(indexes, ["data_customers__email__unique_per_owner"]);
    let (status, kept) = call(&svc, "GET", "/data/customers/1", None).await;
    assert_eq!((status, &kept["email"]), (200, &json!("a@b.c")));
    let (status, rec) = call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"email": "a@b.c", "owner_id": "bob"})),
    )
    .await;
    assert_eq!(status, 201, "another owner may hold the value: {rec}");
    let (status, rec) = call(
        &svc,
        "POST",
        "/data/customers",
        Some(json!({"email": "a@b.c"})),
    )
    .await;
    assert_eq!((status, &rec["errors"][0]["field"]), (409, &json!("email")));
}
