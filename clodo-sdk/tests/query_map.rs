//! `Query<BTreeMap<String, String>>`: any query parameters, extracted as a
//! map and described as one free-form (form, exploded) parameter.

use std::collections::BTreeMap;

use clodo_sdk::prelude::*;
use clodo_sdk::testing::TestServer;

pub struct Echo;

/// Echoes its query.
#[clodo_block(name = "echo", version = "0.1.0")]
impl Echo {
    /// The query string, as a map.
    #[get("/echo")]
    #[public]
    async fn echo(
        params: Query<BTreeMap<String, String>>,
    ) -> Result<Json<BTreeMap<String, String>>, ApiError> {
        Ok(Json(params.into_inner()))
    }
}

#[tokio::test]
async fn a_map_takes_any_parameters() {
    let app = App::new().mount::<Echo>("/");
    let doc: serde_json::Value = serde_json::from_slice(&app.contract_json().unwrap()).unwrap();
    let params = &doc["paths"]["/echo"]["get"]["parameters"];
    assert_eq!(
        params,
        &serde_json::json!([{
            "in": "query", "name": "params", "style": "form", "explode": true,
            "schema": {"type": "object", "additionalProperties": {"type": "string"}}
        }])
    );
    let s = TestServer::start(app).await.unwrap();
    let got: serde_json::Value = reqwest::get(s.url("/echo?b=2&a=x%20y&c[gte]=3"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        got,
        serde_json::json!({"a": "x y", "b": "2", "c[gte]": "3"})
    );
    s.stop().await;
}
