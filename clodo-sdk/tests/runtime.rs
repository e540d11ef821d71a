//! The runtime over real HTTP: mounting under prefixes, responses of every
//! kind, panics and internal errors, optional principals, start-up failures.

use clodo_sdk::prelude::*;
use clodo_sdk::testing::{TestServer, user};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Note {
    pub id: i64,
    pub owner: String,
    pub body: String,
    pub pinned: bool,
}

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    pub body: String,
}

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Whoami {
    pub who: Option<String>,
    pub domain: String,
    pub request_id: String,
}

#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Receipt {
    pub queued: bool,
}

pub struct Notes;

/// Notes: a small block exercising every response kind.
#[clodo_block(
    name = "notes",
    version = "1.2.3",
    migrations = "tests/notes_migrations"
)]
impl Notes {
    /// Create a note.
    #[post("/notes")]
    async fn create(ctx: &Ctx, user: User, note: Json<NewNote>) -> Result<Created<Note>, ApiError> {
        let r = ctx
            .db()
            .execute(
                "INSERT INTO notes (owner, body) VALUES (?1, ?2)",
                params![user.id.as_str(), note.body.as_str()],
            )
            .await?;
        let id = r.last_insert_id;
        let n = ctx
            .db()
            .first("SELECT * FROM notes WHERE id = ?1", params![id])
            .await?;
        n.map(|n| Created::new(format!("/notes/{id}"), n))
            .ok_or_else(|| ApiError::internal("lost"))
    }

    /// Read a note.
    #[get("/notes/{id}")]
    async fn read(ctx: &Ctx, id: Path<i64>) -> Result<Json<Note>, ApiError> {
        ctx.db()
            .first("SELECT * FROM notes WHERE id = ?1", params![*id])
            .await?
            .map(Json)
            .ok_or_else(|| ApiError::not_found("no such note"))
    }

    /// Delete a note.
    #[delete("/notes/{id}")]
    async fn remove(ctx: &Ctx, id: Path<i64>) -> Result<NoContent, ApiError> {
        ctx.db()
            .execute("DELETE FROM notes WHERE id = ?1", params![*id])
            .await?;
        Ok(NoContent)
    }

    /// Queue some work.
    #[post("/jobs")]
    #[public]
    async fn queue() -> WithStatus<202, Receipt> {
        WithStatus(Receipt { queued: true })
    }

    /// Who is calling, if anyone.
    #[get("/whoami")]
    #[public]
    async fn whoami(ctx: &Ctx, user: Option<User>) -> Json<Whoami> {
        Json(Whoami {
            who: user.map(|u| u.id),
            domain: ctx.domain().to_owned(),
            request_id: ctx.request_id().to_owned(),
        })
    }

    /// Always panics.
    #[get("/boom")]
    #[public]
    async fn boom() -> Result<Json<Receipt>, ApiError> {
        panic!("secret internal state 42")
    }

    /// Always fails internally.
    #[get("/fail")]
    #[public]
    async fn fail() -> Result<Json<Receipt>, ApiError> {
        Err(ApiError::internal(std::io::Error::other(
            "password=hunter2 leaked in cause",
        )))
    }
}

pub struct Ping;

/// Ping.
#[clodo_block(name = "ping", version = "0.1.0")]
impl Ping {
    /// Ping.
    #[get("/")]
    #[public]
    async fn ping() -> Json<Receipt> {
        Json(Receipt { queued: false })
    }
}

fn app() -> App {
    App::new()
        .mount::<Notes>("/v1")
        .mount::<Ping>("/ping")
        .title("notes app")
}

#[tokio::test(flavor = "multi_thread")]
async fn mounted_blocks_serve_under_prefixes() {
    let s = TestServer::start(app()).await.unwrap();
    let c = reqwest::Client::new();
    let t = s.token(&user("ann", &[]));

    let resp = c
        .post(s.url("/v1/notes"))
        .bearer_auth(&t)
        .json(&serde_json::json!({"body": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    assert_eq!(
        resp.headers()["location"],
        "/v1/notes/1",
        "Location is prefixed with the mount point"
    );
    let note: Note = resp.json().await.unwrap();
    assert_eq!(
        note,
        Note {
            id: 1,
            owner: "ann".into(),
            body: "hi".into(),
            pinned: false
        }
    );

    let resp = c
        .get(s.url("/v1/notes/1"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = c
        .delete(s.url("/v1/notes/1"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert!(resp.bytes().await.unwrap().is_empty());
    let resp = c
        .get(s.url("/v1/notes/1"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);

    let resp = c.post(s.url("/v1/jobs")).send().await.unwrap();
    assert_eq!(resp.status(), 202);
    let resp = c.get(s.url("/ping")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let resp = c
        .get(s.url("/notes/1"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404, "not mounted at the root");
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn optional_principal_on_public_routes() {
    let s = TestServer::start(app()).await.unwrap();
    let c = reqwest::Client::new();
    let anon: Whoami = c
        .get(s.url("/v1/whoami"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(anon.who, None);
    assert_eq!(anon.domain, "test.localhost");
    let t = s.token(&user("ann", &[]));
    let resp = c
        .get(s.url("/v1/whoami"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    let rid = resp.headers()["x-request-id"].to_str().unwrap().to_owned();
    let me: Whoami = resp.json().await.unwrap();
    assert_eq!(me.who.as_deref(), Some("ann"));
    assert_eq!(me.request_id, rid);
    let bad: Whoami = c
        .get(s.url("/v1/whoami"))
        .bearer_auth("garbage")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        bad.who, None,
        "a bad token on a public route counts as none"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn panics_and_internal_errors_are_500_without_details() {
    let s = TestServer::start(app()).await.unwrap();
    let c = reqwest::Client::new();
    for path in ["/v1/boom", "/v1/fail"] {
        let resp = c.get(s.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), 500, "{path}");
        assert_eq!(resp.headers()["content-type"], "application/problem+json");
        let body = resp.text().await.unwrap();
        assert!(
            !body.contains("secret") && !body.contains("hunter2"),
            "{body}"
        );
        assert!(body.contains("quote request id"), "{body}");
    }
    // The server keeps serving after a panic, on the same connection too.
    for _ in 0..3 {
        assert_eq!(c.get(s.url("/v1/boom")).send().await.unwrap().status(), 500);
        assert_eq!(c.get(s.url("/ping")).send().await.unwrap().status(), 200);
    }
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn merged_contract_has_both_blocks() {
    let doc: serde_json::Value = serde_json::from_slice(&app().contract_json().unwrap()).unwrap();
    assert_eq!(doc["info"]["title"], "notes app");
    // No block at the root: the first one mounted gives the version.
    assert_eq!(doc["info"]["version"], "1.2.3");
    assert!(doc["paths"]["/v1/notes/{id}"]["delete"]["responses"]["204"].is_object());
    assert!(
        doc["paths"]["/v1/notes"]["post"]["responses"]["201"]["headers"]["Location"].is_object()
    );
    assert!(doc["paths"]["/v1/jobs"]["post"]["responses"]["202"].is_object());
    assert_eq!(doc["paths"]["/ping"]["get"]["tags"][0], "ping");
    let tags: Vec<&str> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["notes", "ping"]);
    let single: serde_json::Value =
        serde_json::from_slice(&App::new().mount::<Notes>("/").contract_json().unwrap()).unwrap();
    assert_eq!(single["info"]["version"], "1.2.3");
    assert_eq!(
        single["info"]["description"],
        "Notes: a small block exercising every response kind."
    );
    assert_eq!(single["info"]["title"], "notes");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_root_block_names_the_contract_and_comes_first() {
    let app = App::new().mount::<Ping>("/ping").mount::<Notes>("/");
    let bytes = app.contract_json().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["info"]["title"], "notes");
    assert_eq!(doc["info"]["version"], "1.2.3");
    let tags: Vec<(&str, &str)> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap(),
                t["description"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tags,
        [
            (
                "notes",
                "Notes: a small block exercising every response kind."
            ),
            ("ping", "Ping.")
        ]
    );
    // Paths are grouped by block, the root block's first (looked at in the
    // bytes: `Value` sorts its keys).
    let text = String::from_utf8(bytes).unwrap();
    let at = |path: &str| text.find(&format!("\n    \"{path}\": {{")).unwrap();
    assert!(at("/ping") > at("/whoami") && at("/boom") < at("/whoami"));
    // Responses are described by their status, not "Success.".
    assert_eq!(
        doc["paths"]["/notes"]["post"]["responses"]["201"]["description"],
        "Created"
    );
    assert_eq!(
        doc["paths"]["/jobs"]["post"]["responses"]["202"]["description"],
        "Accepted"
    );

    let overridden = app.title("Notes service").version("2.0.0");
    let doc: serde_json::Value =
        serde_json::from_slice(&overridden.contract_json().unwrap()).unwrap();
    assert_eq!(doc["info"]["title"], "Notes service");
    assert_eq!(doc["info"]["version"], "2.0.0");
}

pub struct Broken;

/// A block whose second migration fails.
#[clodo_block(
    name = "broken",
    version = "0.1.0",
    migrations = "tests/bad_migrations"
)]
impl Broken {
    /// Nothing.
    #[get("/")]
    #[public]
    async fn nothing() -> NoContent {
        NoContent
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_migration_stops_start_up_naming_the_file() {
    let err = TestServer::start(App::new().mount::<Broken>("/"))
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("broken/0002_broken.sql"), "{err}");
    assert!(err.contains("no such table: missing_table"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn conflicting_mounts_are_refused() {
    let err = App::new()
        .mount::<Ping>("/")
        .mount::<Ping>("/")
        .contract()
        .unwrap_err()
        .to_string();
    assert!(err.contains("served twice"), "{err}");
}
