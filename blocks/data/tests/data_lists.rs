//! Lists of the generic data block over HTTP: paging (cursor and page),
//! filters with every operator, sorting (also on fields with nulls), field
//! selection, and the 400s that name what is wrong.

#[path = "data/common.rs"]
mod common;

use common::Shop;
use serde_json::{Value, json};

/// 45 products, prices 10, 20, … 450 (product `i` costs `i * 10`).
async fn products(s: &Shop) {
    for i in 1..=45 {
        s.create(
            "products",
            &s.staff,
            json!({"name": format!("p{i:02}"), "price_cents": i * 10}),
        )
        .await;
    }
}

#[tokio::test]
async fn paging_by_cursor_and_by_page() {
    let s = Shop::start().await;
    products(&s).await;
    let first = s.get("/data/products", None).await.expect(200);
    assert_eq!(
        Shop::ids(&first),
        (1..=20).collect::<Vec<_>>(),
        "20 by default, by id"
    );
    assert_eq!(first["paging"]["limit"], 20);
    assert_eq!(first["paging"]["has_more"], true);
    assert_eq!(first["paging"]["page"], Value::Null);

    // Following cursors visits every record exactly once.
    let mut seen = Vec::new();
    let mut url = "/data/products?limit=7&sort=-price_cents".to_owned();
    loop {
        let page = s.get(&url, None).await.expect(200);
        seen.extend(Shop::ids(&page));
        match page["paging"]["next_cursor"].as_str() {
            Some(c) => url = format!("/data/products?limit=7&sort=-price_cents&cursor={c}"),
            None => {
                assert_eq!(page["paging"]["has_more"], false);
                break;
            }
        }
    }
    assert_eq!(seen, (1..=45).rev().collect::<Vec<_>>());

    let most = s.get("/data/products?limit=100", None).await.expect(200);
    assert_eq!(most["paging"]["limit"], 100);
    assert_eq!(Shop::ids(&most).len(), 45);
    // The contract declares `maximum: 100`, so more is refused, not capped.
    s.get("/data/products?limit=500", None).await.problem(
        400,
        &["`limit`: \"500\" is not a whole number from 1 to 100"],
    );
    let p3 = s
        .get("/data/products?limit=10&page=3", None)
        .await
        .expect(200);
    assert_eq!(Shop::ids(&p3), (21..=30).collect::<Vec<_>>());
    assert_eq!(p3["paging"]["page"], 3);
    assert_eq!(p3["paging"]["has_more"], true);
    let last = s
        .get("/data/products?limit=10&page=5", None)
        .await
        .expect(200);
    assert_eq!(Shop::ids(&last), (41..=45).collect::<Vec<_>>());
    assert_eq!(last["paging"]["has_more"], false);
    assert_eq!(last["paging"]["next_cursor"], Value::Null);
    assert!(Shop::ids(&s.get("/data/products?page=9", None).await.expect(200)).is_empty());

    let c = first["paging"]["next_cursor"].as_str().unwrap().to_owned();
    // Beside a cursor, `page` is ignored: the cursor holds the position.
    assert_eq!(
        s.get(&format!("/data/products?page=2&cursor={c}"), None)
            .await
            .expect(200)["items"],
        s.get(&format!("/data/products?cursor={c}"), None)
            .await
            .expect(200)["items"]
    );
    for (url, needle) in [
        (
            "/data/products?limit=0".to_owned(),
            "`limit`: \"0\" is not a whole number from 1 to 100",
        ),
        ("/data/products?limit=ten".to_owned(), "`limit`"),
        ("/data/products?page=0".to_owned(), "`page`"),
        (
            format!("/data/products?sort=name&cursor={c}"),
            "the cursor is not valid",
        ),
        (
            "/data/products?cursor=bm9wZQ".to_owned(),
            "the cursor is not valid",
        ),
        (
            "/data/products?cursor=%%%".to_owned(),
            "the cursor is not valid",
        ),
        (
            "/data/products?limit=1&limit=2".to_owned(),
            "query parameter \"limit\" is given more than once",
        ),
    ] {
        s.get(&url, None).await.problem(400, &[needle]);
    }
    s.server.stop().await;
}

/// Six customers with every kind of field, some nulls among them.
async fn customers(s: &Shop) {
    let rows = [
        json!({"name": "Ann", "email": "ann@x", "tier": "wholesale", "credit_cents": 500, "rating": 4.5, "vip": true,
               "birthday": "1990-01-01T00:00:00Z"}),
        json!({"name": "Bob", "email": "bob@x", "credit_cents": 100, "birthday": "1985-06-01T00:00:00Z"}),
        json!({"name": "Abe", "email": "abe@x", "tier": "wholesale", "credit_cents": 100, "rating": 3.0}),
        json!({"name": "Cat", "email": "cat@x", "credit_cents": 0, "rating": 5.0, "vip": true}),
        json!({"name": "Dan", "email": "dan@x", "credit_cents": 900, "birthday": "2001-09-09T12:00:00+02:00"}),
        json!({"name": "Amy", "email": "amy@x", "rating": 1.0}),
    ];
    for r in rows {
        s.create("customers", &s.staff, r).await;
    }
}

#[tokio::test]
async fn filters_with_every_operator() {
    let s = Shop::start().await;
    customers(&s).await;
    let cases: &[(&str, &[i64])] = &[
        ("tier=wholesale", &[1, 3]),
        ("tier[eq]=wholesale", &[1, 3]),
        ("tier[ne]=wholesale", &[2, 4, 5, 6]),
        ("credit_cents[gt]=100", &[1, 5]),
        ("credit_cents[gte]=100", &[1, 2, 3, 5]),
        ("credit_cents[lt]=100", &[4, 6]),
        ("credit_cents[lte]=100", &[2, 3, 4, 6]),
        ("name[like]=a%", &[1, 3, 6]),
        ("name[like]=_a_", &[4, 5]),
        ("credit_cents[in]=0,900", &[4, 5, 6]),
        ("tier[in]=regular", &[2, 4, 5, 6]),
        ("vip=true", &[1, 4]),
        ("vip=0", &[2, 3, 5, 6]),
        ("rating[gte]=4", &[1, 4]),
        ("rating[ne]=4.5", &[2, 3, 4, 5, 6]),
        ("birthday[lt]=1991-01-01T00:00:00Z", &[1, 2]),
        ("birthday[gt]=2001-09-09T09:59:59.999Z", &[5]),
        ("birthday[gte]=2001-09-09T12:00:00%2B02:00", &[5]),
        ("id[in]=2,4,99", &[2, 4]),
        ("owner_id=sam", &[1, 2, 3, 4, 5, 6]),
        ("created_at[lte]=9999-12-31T00:00:00Z", &[1, 2, 3, 4, 5, 6]),
        ("tier=wholesale&credit_cents[gt]=100", &[1]),
        ("credit_cents[gte]=100&credit_cents[lte]=500", &[1, 2, 3]),
        ("name=Nobody", &[]),
        ("email=ann%40x", &[1]),
    ];
    for (query, expected) in cases {
        let l = s
            .get(&format!("/data/customers?{query}"), Some(&s.staff))
            .await
            .expect(200);
        assert_eq!(Shop::ids(&l), *expected, "{query}");
    }
    let bad: &[(&str, &[&str])] = &[
        (
            "nmae=Ann",
            &[
                "unknown field \"nmae\"",
                "model `customers`",
                "filter on: id, owner_id",
            ],
        ),
        (
            "name[sounds]=Ann",
            &[
                "unknown operator \"sounds\"",
                "eq, ne, gt, gte, lt, lte, like, in",
            ],
        ),
        ("name[eq=Ann", &["write filters as `field[op]=value`"]),
        (
            "credit_cents[like]=1%",
            &["operator `like` does not apply to integer field `credit_cents`"],
        ),
        (
            "vip[gt]=true",
            &["operator `gt` does not apply to boolean field `vip`"],
        ),
        (
            "credit_cents=lots",
            &["`credit_cents`: \"lots\" is not an integer"],
        ),
        (
            "credit_cents=9007199254740992",
            &["within ±9007199254740991"],
        ),
        ("rating=NaN", &["is not a number"]),
        ("vip=maybe", &["is not true or false"]),
        ("birthday[lt]=yesterday", &["is not an RFC 3339 timestamp"]),
        ("tags=x", &["json fields cannot be filtered"]),
        ("sort=nmae", &["unknown field \"nmae\" in `sort`"]),
        ("sort=tags", &["cannot be sorted on"]),
        ("sort=a,b,c,d,e", &["unknown field"]),
        ("sort=name,email,tier,vip,rating,id", &["at most 5 fields"]),
        ("sort=%2Bname", &["unknown field \"+name\" in `sort`"]),
        ("sort=name,", &["unknown field \"\" in `sort`"]),
        ("sort=", &["unknown field \"\" in `sort`"]),
        ("id[in]=", &["give 1 to 100 comma-separated values"]),
        ("name[in]=", &["none of them empty"]),
        ("name[in]=Ann,,Bob", &["none of them empty"]),
        (
            "id=1&id=2",
            &["query parameter \"id\" is given more than once"],
        ),
        ("page=0&cursor=x", &["`page`: \"0\" is not a whole number"]),
        (
            "fields=name,secret",
            &["unknown field \"secret\" in `fields`"],
        ),
    ];
    for (query, needles) in bad {
        s.get(&format!("/data/customers?{query}"), Some(&s.staff))
            .await
            .problem(400, needles);
    }
    let ins: String = (0..101)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    s.get(&format!("/data/customers?id[in]={ins}"), Some(&s.staff))
        .await
        .problem(400, &["at most 100 values"]);
    s.get("/data/customers/1?limit=1", Some(&s.staff))
        .await
        .problem(400, &["only `fields` applies"]);
    s.server.stop().await;
}

#[tokio::test]
async fn sorting_and_field_selection() {
    let s = Shop::start().await;
    customers(&s).await;
    let sorted = |q: &'static str| {
        let s = &s;
        async move {
            Shop::ids(
                &s.get(&format!("/data/customers?{q}"), Some(&s.staff))
                    .await
                    .expect(200),
            )
        }
    };
    assert_eq!(sorted("sort=name").await, [3, 6, 1, 2, 4, 5]);
    assert_eq!(sorted("sort=-credit_cents,name").await, [5, 1, 3, 2, 6, 4]);
    assert_eq!(sorted("sort=credit_cents,-id").await, [6, 4, 3, 2, 1, 5]);
    assert_eq!(
        sorted("sort=name,-name,credit_cents").await,
        [3, 6, 1, 2, 4, 5],
        "a field named again adds nothing"
    );
    assert_eq!(
        sorted("sort=-id,name").await,
        [6, 5, 4, 3, 2, 1],
        "fields after `id` add nothing"
    );
    // Nulls sort first ascending, last descending (SQLite's order)...
    assert_eq!(sorted("sort=rating").await, [2, 5, 6, 3, 1, 4]);
    assert_eq!(
        sorted("sort=-rating").await,
        [4, 1, 3, 6, 5, 2],
        "ties by id, in the last key's direction"
    );
    assert_eq!(sorted("sort=-birthday").await, [5, 1, 2, 6, 4, 3]);
    // ...and cursors cross them without losing or repeating a record.
    for sort in [
        "rating",
        "-rating",
        "birthday,-name",
        "-birthday,rating",
        "vip,-rating",
    ] {
        let all = Shop::ids(
            &s.get(&format!("/data/customers?sort={sort}"), Some(&s.staff))
                .await
                .expect(200),
        );
        let mut paged = Vec::new();
        let mut url = format!("/data/customers?sort={sort}&limit=1");
        loop {
            let page = s.get(&url, Some(&s.staff)).await.expect(200);
            paged.extend(Shop::ids(&page));
            match page["paging"]["next_cursor"].as_str() {
                Some(c) => url = format!("/data/customers?sort={sort}&limit=1&cursor={c}"),
                None => break,
            }
        }
        assert_eq!(paged, all, "sort={sort}");
        assert_eq!(all.len(), 6);
    }

    // Field selection: `id` always, then the fields asked for, in schema order.
    let l = s
        .get(
            "/data/customers?fields=vip,name&sort=-credit_cents&limit=2",
            Some(&s.staff),
        )
        .await
        .expect(200);
    assert_eq!(
        l["items"],
        json!([{"id": 5, "name": "Dan", "vip": false}, {"id": 1, "name": "Ann", "vip": true}])
    );
    assert!(
        l["paging"]["next_cursor"].is_string(),
        "the cursor works without the sort field shown"
    );
    let c = l["paging"]["next_cursor"].as_str().unwrap();
    let next = s
        .get(
            &format!("/data/customers?fields=vip,name&sort=-credit_cents&limit=2&cursor={c}"),
            Some(&s.staff),
        )
        .await
        .expect(200);
    assert_eq!(Shop::ids(&next), [3, 2]);
    s.server.stop().await;
}

/// 1,000 filters used to reach SQLite's expression depth and answer 500.
/// Each parameter may be given once, so a request holds at most the filters
/// the model declares, and all of them at once (with every `in` at its cap)
/// is one statement within D1's 100 bound parameters.
#[tokio::test]
async fn too_many_filters_sort_keys_or_values_are_400_naming_the_limit() {
    let s = Shop::start().await;
    customers(&s).await;
    let many = vec!["id[gt]=0"; 1000].join("&");
    s.get(&format!("/data/customers?{many}"), Some(&s.staff))
        .await
        .problem(400, &["query parameter \"id[gt]\" is given more than once"]);
    let hundred: String = (1..100).map(|i| format!("{i},")).collect();
    let all = format!(
        "id[gt]=0&id[gte]=0&id[lt]=99&id[lte]=99&id[ne]=98&id[in]={hundred}0\
         &credit_cents[in]={}0&credit_cents[gte]=0&name[like]=%25&name[ne]=zz\
         &name[in]={}&tier[in]=regular,wholesale&sort=-credit_cents,name,tier,rating,id",
        "0,900,".repeat(49),
        vec!["Ann"; 100].join(",")
    );
    let l = s
        .get(&format!("/data/customers?{all}"), Some(&s.staff))
        .await
        .expect(200);
    assert!(Shop::ids(&l).len() <= 6);
    s.get(
        "/data/customers?sort=name,email,tier,credit_cents,rating,vip",
        Some(&s.staff),
    )
    .await
    .problem(400, &["`sort` takes at most 5 fields"]);
    s.server.stop().await;
}
