//! The generic data block over HTTP on loopback: CRUD, validation messages,
//! access rules and the generated contract.

#[path = "data/common.rs"]
mod common;

use common::Shop;
use reqwest::Method;
use serde_json::{Value, json};

fn ann_customer() -> Value {
    json!({"name": "Ann", "email": "ann@example.com", "rating": 4.5, "birthday": "1990-05-01T00:00:00+02:00",
           "tags": ["sourdough", {"allergy": "nuts"}]})
}

#[tokio::test]
async fn crud_round_trip() {
    let s = Shop::start().await;
    let created = s.post("/data/customers", &s.staff, ann_customer()).await;
    assert_eq!(created.location.as_deref(), Some("/data/customers/1"));
    let rec = created.expect(201);
    assert_eq!(rec["id"], 1);
    assert_eq!(rec["owner_id"], "sam", "the creator owns it");
    assert_eq!(rec["tier"], "regular", "default");
    assert_eq!(rec["credit_cents"], 0, "default");
    assert_eq!(rec["vip"], false, "boolean default, as a JSON boolean");
    assert_eq!(
        rec["birthday"], "1990-04-30T22:00:00.000Z",
        "timestamps are normalised to UTC"
    );
    assert_eq!(
        rec["tags"],
        json!(["sourdough", {"allergy": "nuts"}]),
        "json comes back as JSON"
    );
    assert_eq!(rec["created_at"], rec["updated_at"]);

    let got = s.get("/data/customers/1", Some(&s.staff)).await.expect(200);
    assert_eq!(got, rec);
    let some = s
        .get("/data/customers/1?fields=name,vip", Some(&s.staff))
        .await
        .expect(200);
    assert_eq!(some, json!({"id": 1, "name": "Ann", "vip": false}));

    // PATCH changes only what it names; null clears an optional field.
    let patched = s
        .send(
            Method::PATCH,
            "/data/customers/1",
            Some(&s.staff),
            Some(json!({"credit_cents": 250, "rating": null})),
        )
        .await
        .expect(200);
    assert_eq!(patched["credit_cents"], 250);
    assert_eq!(patched["rating"], Value::Null);
    assert_eq!(patched["name"], "Ann");
    assert_eq!(patched["tags"], rec["tags"]);
    assert!(patched["updated_at"].as_str() >= rec["updated_at"].as_str());
    let same = s
        .send(
            Method::PATCH,
            "/data/customers/1",
            Some(&s.staff),
            Some(json!({})),
        )
        .await
        .expect(200);
    assert_eq!(same, patched, "an empty patch changes nothing");

    // PUT replaces: what is left out goes back to its default or null.
    let replaced = s
        .send(
            Method::PUT,
            "/data/customers/1",
            Some(&s.staff),
            Some(json!({"name": "Ann B", "email": "ann@example.com"})),
        )
        .await
        .expect(200);
    assert_eq!(replaced["name"], "Ann B");
    assert_eq!(replaced["credit_cents"], 0);
    assert_eq!(replaced["tags"], Value::Null);
    assert_eq!(replaced["birthday"], Value::Null);
    assert_eq!(replaced["created_at"], rec["created_at"]);

    let deleted = s
        .send(Method::DELETE, "/data/customers/1", Some(&s.staff), None)
        .await;
    assert_eq!(deleted.status, 204);
    assert_eq!(deleted.body, Value::Null);
    s.get("/data/customers/1", Some(&s.staff))
        .await
        .problem(404, &["no `customers` record with id 1"]);
    s.send(Method::DELETE, "/data/customers/1", Some(&s.staff), None)
        .await
        .problem(404, &["id 1"]);
    s.send(
        Method::PATCH,
        "/data/customers/1",
        Some(&s.staff),
        Some(json!({"name": "x"})),
    )
    .await
    .problem(404, &["id 1"]);
    s.server.stop().await;
}

#[tokio::test]
async fn validation_lists_every_field() {
    let s = Shop::start().await;
    let body = json!({
        "name": "", "email": "not-an-email", "tier": "gold", "credit_cents": -1, "rating": 7,
        "vip": "yes", "birthday": "yesterday", "id": 5
    });
    let p = s
        .post("/data/customers", &s.staff, body)
        .await
        .problem(422, &["8 fields of the `customers` record are invalid"]);
    let errors: Vec<(String, String)> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("id", "is read-only: the server assigns it"),
        ("name", "must be at least 1 character long"),
        ("email", "must match the pattern `^[^@ ]+@[^@ ]+$`"),
        ("tier", "must be one of \"regular\", \"wholesale\""),
        ("credit_cents", "must be at least 0"),
        ("rating", "must be at most 5"),
        ("vip", "must be true or false"),
        (
            "birthday",
            "must be an RFC 3339 timestamp such as 2026-11-25T09:10:11Z",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, m)| ((*f).to_owned(), (*m).to_owned()))
        .collect();
    assert_eq!(errors, expected);

    // Missing required fields, wrong JSON types, integers beyond D1's range.
    let p = s
        .post(
            "/data/customers",
            &s.staff,
            json!({"credit_cents": 9007199254740992_i64, "name": 5}),
        )
        .await
        .expect(422);
    assert_eq!(
        p["errors"],
        json!([
            {"field": "name", "message": "must be text (a JSON string)"},
            {"field": "email", "message": "is required"},
            {"field": "credit_cents", "message": "must be within ±9007199254740991"}
        ])
    );
    let p = s
        .post(
            "/data/customers",
            &s.staff,
            json!({"name": "A", "email": null, "credit_cents": 1.5}),
        )
        .await
        .expect(422);
    assert_eq!(
        p["errors"][0],
        json!({"field": "email", "message": "is required; it cannot be null"})
    );
    assert_eq!(
        p["errors"][1],
        json!({"field": "credit_cents", "message": "must be an integer"})
    );
    let p = s
        .post(
            "/data/customers",
            &s.staff,
            json!({"name": "x".repeat(51), "email": "a@b"}),
        )
        .await
        .expect(422);
    assert_eq!(
        p["errors"][0]["message"],
        "must be at most 50 characters long"
    );

    // Unknown fields, a body that is not an object, an unknown model: 400 naming them.
    s.post(
        "/data/customers",
        &s.staff,
        json!({"name": "A", "email": "a@b", "nmae": 1, "zip": 2}),
    )
    .await
    .problem(
        400,
        &[
            "unknown fields `nmae`, `zip` in model `customers`",
            "its fields are: name, email",
        ],
    );
    s.post("/data/customers", &s.staff, json!([1]))
        .await
        .problem(400, &["must be a JSON object"]);
    s.post("/data/custmers", &s.staff, json!({})).await.problem(
        400,
        &["unknown model \"custmers\"", "customers, notes, products"],
    );
    s.get("/data/custmers", Some(&s.staff))
        .await
        .problem(400, &["unknown model"]);
    s.get("/data/customers/abc", Some(&s.staff))
        .await
        .problem(400, &["path parameter `id`"]);

    let p = s
        .post(
            "/data/customers",
            &s.ann,
            json!({"name": "A", "email": "a@b", "rating": "high"}),
        )
        .await
        .expect(422);
    assert_eq!(
        p["errors"],
        json!([{"field": "rating", "message": "must be a number"}])
    );
    s.post(
        "/data/customers",
        &s.staff,
        json!({"name": "A", "email": "a@b", "nmae": 1}),
    )
    .await
    .problem(400, &["unknown field `nmae` in model `customers`"]);
    let p = s
        .post(
            "/data/customers",
            &s.staff,
            json!({"name": "A", "email": "a@b", "owner_id": 5}),
        )
        .await
        .expect(422);
    assert_eq!(
        p["errors"][0]["message"],
        "must be a user id (text of 1 to 256 characters) or null"
    );
    s.get("/data/customers/1?fields=name&fields=email", Some(&s.staff))
        .await
        .problem(400, &["`fields` is given more than once"]);

    // Unique fields: 409 naming the field (unique per owner under
    // `access = "owner"`; the bakery's tests/data.rs shows it across owners).
    s.create("customers", &s.staff, json!({"name": "A", "email": "a@b"}))
        .await;
    let p = s
        .post(
            "/data/customers",
            &s.staff,
            json!({"name": "B", "email": "a@b"}),
        )
        .await
        .problem(409, &["`email` must be unique"]);
    assert_eq!(
        p["errors"],
        json!([{"field": "email", "message": "must be unique; another record of the same owner already has this value"}])
    );
    let p = s
        .send(
            Method::PATCH,
            "/data/customers/1",
            Some(&s.staff),
            Some(json!({"updated_at": "2020-01-01T00:00:00Z"})),
        )
        .await
        .expect(422);
    assert_eq!(p["errors"][0]["field"], "updated_at");

    // Links must point at existing records.
    let p = s
        .post(
            "/data/notes",
            &s.staff,
            json!({"customer": 99, "text": "hi"}),
        )
        .await
        .expect(422);
    assert_eq!(
        p["errors"],
        json!([{"field": "customer", "message": "no `customers` record with id 99"}])
    );

    // Non-JSON bodies.
    let r = s
        .client
        .post(s.server.url("/data/customers"))
        .bearer_auth(&s.staff)
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 415);
    s.server.stop().await;
}

#[tokio::test]
async fn owner_access_keeps_customers_apart() {
    let s = Shop::start().await;
    let a1 = s
        .create(
            "customers",
            &s.ann,
            json!({"name": "Ann home", "email": "a1@x"}),
        )
        .await;
    s.create(
        "customers",
        &s.ann,
        json!({"name": "Ann work", "email": "a2@x"}),
    )
    .await;
    let b1 = s
        .create("customers", &s.bob, json!({"name": "Bob", "email": "b@x"}))
        .await;
    assert_eq!(a1["owner_id"], "ann");

    let list = |t: &str| {
        let t = t.to_owned();
        let s = &s;
        async move { Shop::ids(&s.get("/data/customers", Some(&t)).await.expect(200)) }
    };
    assert_eq!(list(&s.ann).await, [1, 2]);
    assert_eq!(list(&s.bob).await, [3]);
    assert_eq!(list(&s.staff).await, [1, 2, 3], "staff see all");
    assert_eq!(list(&s.admin).await, [1, 2, 3], "admins see all");

    // Other people's records look missing, whatever the method.
    let b_path = format!("/data/customers/{}", b1["id"]);
    s.get(&b_path, Some(&s.ann))
        .await
        .problem(404, &["no `customers` record"]);
    s.send(
        Method::PATCH,
        &b_path,
        Some(&s.ann),
        Some(json!({"name": "mine"})),
    )
    .await
    .expect(404);
    s.send(
        Method::PUT,
        &b_path,
        Some(&s.ann),
        Some(json!({"name": "m", "email": "m@x"})),
    )
    .await
    .expect(404);
    s.send(Method::DELETE, &b_path, Some(&s.ann), None)
        .await
        .expect(404);
    assert_eq!(
        s.get(&b_path, Some(&s.bob)).await.expect(200)["name"],
        "Bob"
    );

    // Filtering cannot widen the scope.
    let l = s
        .get("/data/customers?owner_id=bob", Some(&s.ann))
        .await
        .expect(200);
    assert!(Shop::ids(&l).is_empty());

    // Only staff and admins choose the owner.
    s.post(
        "/data/customers",
        &s.ann,
        json!({"name": "x", "email": "x@x", "owner_id": "bob"}),
    )
    .await
    .problem(403, &["only staff or admin may set `owner_id`"]);
    let for_bob = s
        .create(
            "customers",
            &s.staff,
            json!({"name": "Bob 2", "email": "b2@x", "owner_id": "bob"}),
        )
        .await;
    assert_eq!(for_bob["owner_id"], "bob");
    assert_eq!(list(&s.bob).await, [3, 4]);
    let moved = s
        .send(
            Method::PATCH,
            "/data/customers/2",
            Some(&s.admin),
            Some(json!({"owner_id": "bob"})),
        )
        .await
        .expect(200);
    assert_eq!(moved["owner_id"], "bob");
    assert_eq!(list(&s.ann).await, [1]);

    // A record without owner: only staff and admins see it.
    let orphan = s
        .create(
            "customers",
            &s.staff,
            json!({"name": "Nobody", "email": "n@x", "owner_id": null}),
        )
        .await;
    assert_eq!(orphan["owner_id"], Value::Null);
    assert_eq!(list(&s.ann).await, [1]);
    assert_eq!(list(&s.staff).await, [1, 2, 3, 4, 5]);

    // Staff change and delete anyone's; no token: 401 even for reads.
    s.send(
        Method::PATCH,
        &b_path,
        Some(&s.staff),
        Some(json!({"vip": true})),
    )
    .await
    .expect(200);
    s.get("/data/customers", None)
        .await
        .problem(401, &["requires a signed-in user"]);
    s.get("/data/customers/1", None).await.expect(401);
    s.post("/data/customers", "garbage", json!({}))
        .await
        .expect(401);
    s.send(Method::DELETE, &b_path, Some(&s.staff), None)
        .await
        .expect(204);

    // Links only to records one may see.
    let p = s
        .post("/data/notes", &s.ann, json!({"customer": 4, "text": "hi"}))
        .await
        .expect(422);
    assert_eq!(p["errors"][0]["message"], "no `customers` record with id 4");
    s.create("notes", &s.ann, json!({"customer": 1, "text": "likes rye"}))
        .await;
    s.server.stop().await;
}

#[tokio::test]
async fn domain_and_public_read_access() {
    let s = Shop::start().await;
    // public-read: anyone reads, signed-in users write.
    let p = s
        .create(
            "products",
            &s.ann,
            json!({"name": "Rye", "price_cents": 590}),
        )
        .await;
    assert_eq!(
        s.get("/data/products", None).await.expect(200)["items"][0]["name"],
        "Rye"
    );
    assert_eq!(s.get("/data/products/1", None).await.expect(200), p);
    s.send(
        Method::POST,
        "/data/products",
        None,
        Some(json!({"name": "x", "price_cents": 1})),
    )
    .await
    .problem(401, &[]);
    s.send(Method::DELETE, "/data/products/1", None, None)
        .await
        .expect(401);
    s.send(
        Method::PATCH,
        "/data/products/1",
        Some(&s.bob),
        Some(json!({"price_cents": 600})),
    )
    .await
    .expect(200);

    // domain: every signed-in user reads and writes every record.
    let c = s
        .create("customers", &s.ann, json!({"name": "Ann", "email": "a@x"}))
        .await;
    let n = s
        .create(
            "notes",
            &s.ann,
            json!({"customer": c["id"], "text": "likes rye"}),
        )
        .await;
    assert_eq!(n["customer"], c["id"]);
    let l = s.get("/data/notes", Some(&s.bob)).await.expect(200);
    assert_eq!(Shop::ids(&l), [1]);
    s.send(
        Method::PATCH,
        "/data/notes/1",
        Some(&s.bob),
        Some(json!({"text": "loves rye"})),
    )
    .await
    .expect(200);
    s.get("/data/notes", None).await.expect(401);

    // Deleting a customer cascades to its notes (on_delete = "cascade").
    s.send(Method::DELETE, "/data/customers/1", Some(&s.ann), None)
        .await
        .expect(204);
    assert!(Shop::ids(&s.get("/data/notes", Some(&s.bob)).await.expect(200)).is_empty());
    s.server.stop().await;
}

#[tokio::test]
async fn the_contract_describes_each_model() {
    let json = common::app().contract_json().expect("contract builds");
    let doc: Value = serde_json::from_slice(&json).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let keys: Vec<&str> = paths.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "/data/customers",
            "/data/customers/{id}",
            "/data/notes",
            "/data/notes/{id}",
            "/data/products",
            "/data/products/{id}"
        ]
    );
    let list = &doc["paths"]["/data/customers"]["get"];
    assert_eq!(list["operationId"], "list_customers");
    assert_eq!(
        list["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CustomersList"
    );
    let params: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for p in [
        "limit",
        "cursor",
        "page",
        "sort",
        "fields",
        "tier",
        "credit_cents[gte]",
        "name[like]",
        "tier[in]",
        "vip",
    ] {
        assert!(params.contains(&p), "{p} in {params:?}");
    }
    assert!(!params.contains(&"tags"), "json fields are not filters");
    assert!(!params.contains(&"vip[gt]"), "booleans are not ordered");
    assert_ne!(list["security"], json!([]));
    assert_eq!(
        doc["paths"]["/data/products"]["get"]["security"],
        json!([]),
        "public-read"
    );
    assert_ne!(
        doc["paths"]["/data/products"]["post"]["security"],
        json!([])
    );
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "Customers",
        "CustomersInput",
        "CustomersPatch",
        "CustomersList",
        "Notes",
        "Products",
        "DataPaging",
        "Problem",
    ] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
    let c = &schemas["Customers"];
    assert_eq!(c["properties"]["email"]["pattern"], "^[^@ ]+@[^@ ]+$");
    assert_eq!(
        c["properties"]["tier"]["enum"],
        json!(["regular", "wholesale", null]),
        "nullable, so the enum holds null (OpenAPI 3.0)"
    );
    assert_eq!(c["properties"]["birthday"]["format"], "date-time");
    assert_eq!(
        schemas["CustomersInput"]["required"],
        json!(["name", "email"])
    );
    assert!(schemas["CustomersPatch"].get("required").is_none());
    assert_eq!(
        doc["paths"]["/data/customers"]["post"]["responses"]["201"]["headers"]["Location"]["required"],
        true
    );
    // The contract served is the same bytes.
    let s = Shop::start().await;
    let served = s
        .client
        .get(s.server.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(served.as_ref(), json.as_slice());
    s.server.stop().await;
}

#[tokio::test]
async fn owner_ids_are_1_to_256_characters() {
    let s = Shop::start().await;
    // An owner id is 1 to 256 characters, as the contract says (not bytes).
    let long = "é".repeat(256);
    let rec = s
        .create(
            "customers",
            &s.staff,
            json!({"name": "L", "email": "l@x", "owner_id": long}),
        )
        .await;
    assert_eq!(rec["owner_id"], long);
    s.post(
        "/data/customers",
        &s.staff,
        json!({"name": "L2", "email": "l2@x", "owner_id": "é".repeat(257)}),
    )
    .await
    .expect(422);
    s.post(
        "/data/customers",
        &s.staff,
        json!({"name": "L3", "email": "l3@x", "owner_id": ""}),
    )
    .await
    .expect(422);
    s.server.stop().await;
}
