//! The contract of the generic data block, generated from a schema and
//! merged with other blocks, passes both external validators
//! (openapi-spec-validator and `@redocly/cli lint`).

use clodo_auth::AuthConfig;
use clodo_data::DataBlock;
use clodo_e2e::validators::validate_contract;
use clodo_sdk::App;

/// Every field type, constraint and access rule the data block knows.
const SHOP: &str = include_str!("../../blocks/data/tests/data/shop.data.toml");

#[test]
fn data_block_contract_passes_both_validators() {
    let app = clodo_auth::mount(App::new(), "/auth", AuthConfig::default());
    let app = clodo_data::mount(app, "/data", DataBlock::from_toml("shop.data.toml", SHOP));
    let json = app.contract_json().expect("the merged contract builds");
    if let Err(report) = validate_contract(&json, "data-shop") {
        panic!("the data block's contract has validation errors:\n{report}");
    }
}

#[test]
fn data_block_mounted_at_the_root_passes_both_validators() {
    let app = clodo_data::mount(
        App::new(),
        "/",
        DataBlock::from_toml("shop.data.toml", SHOP),
    );
    let json = app.contract_json().expect("the contract builds");
    if let Err(report) = validate_contract(&json, "data-root") {
        panic!("the data block's contract has validation errors:\n{report}");
    }
}
