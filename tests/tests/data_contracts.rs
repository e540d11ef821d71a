//! The contract of the generic data block, generated from a schema and
//! merged with other blocks, passes both external validators
//! (openapi-spec-validator and `@redocly/cli lint`).

use clodo_e2e::validators::validate_contract;
use clodo_sdk::App;
use clodo_sdk::blocks::auth::{self, AuthConfig};
use clodo_sdk::data::{self, DataBlock};

/// Every field type, constraint and access rule the data block knows.
const SHOP: &str = include_str!("../../clodo-sdk/tests/data/shop.data.toml");

#[test]
fn data_block_contract_passes_both_validators() {
    let app = auth::mount(App::new(), "/auth", AuthConfig::default());
    let app = data::mount(app, "/data", DataBlock::from_toml("shop.data.toml", SHOP));
    let json = app.contract_json().expect("the merged contract builds");
    if let Err(report) = validate_contract(&json, "data-shop") {
        panic!("the data block's contract has validation errors:\n{report}");
    }
}

#[test]
fn data_block_mounted_at_the_root_passes_both_validators() {
    let app = data::mount(
        App::new(),
        "/",
        DataBlock::from_toml("shop.data.toml", SHOP),
    );
    let json = app.contract_json().expect("the contract builds");
    if let Err(report) = validate_contract(&json, "data-root") {
        panic!("the data block's contract has validation errors:\n{report}");
    }
}
