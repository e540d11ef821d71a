//! Every contract the examples serve passes both external validators
//! (openapi-spec-validator and `@redocly/cli lint`) with no errors.

use clodo_e2e::validators::validate_contract;

#[test]
fn bakery_contract_passes_both_validators() {
    let json = example_bakery_orders::app()
        .contract_json()
        .expect("the bakery contract builds");
    if let Err(report) = validate_contract(&json, "bakery-orders") {
        panic!("the bakery contract has validation errors:\n{report}");
    }
}
