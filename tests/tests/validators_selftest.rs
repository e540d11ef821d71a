//! Proves that `validate_contract` can fail: broken documents are rejected
//! with the problem named, and a clean OpenAPI 3.0.3 document passes.
//!
//! (`clodo-codegen/tests/specs/petstore.json` is not used as the passing case:
//! it is valid OpenAPI but `redocly lint`'s recommended rules report
//! `security-defined` errors on it, since it declares no security.)

use clodo_e2e::validate_contract;
use serde_json::{Value, json};

/// A small contract that both validators accept without errors or warnings.
fn valid_contract() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Bakery orders (validator self-test)",
            "version": "0.1.0",
            "license": { "name": "MIT", "url": "https://opensource.org/licenses/MIT" }
        },
        "servers": [{ "url": "/" }],
        "security": [{ "session": [] }],
        "paths": {
            "/orders/{id}": {
                "get": {
                    "operationId": "getOrder",
                    "summary": "One order by id.",
                    "parameters": [{
                        "name": "id",
                        "in": "path",
                        "required": true,
                        "schema": { "type": "integer", "format": "int64" }
                    }],
                    "responses": {
                        "200": {
                            "description": "The order.",
                            "content": { "application/json": {
                                "schema": { "$ref": "#/components/schemas/Order" }
                            } }
                        },
                        "404": {
                            "description": "No such order.",
                            "content": { "application/json": {
                                "schema": { "$ref": "#/components/schemas/Error" }
                            } }
                        }
                    }
                }
            }
        },
        "components": {
            "securitySchemes": { "session": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "Order": {
                    "type": "object",
                    "required": ["id", "item"],
                    "properties": {
                        "id": { "type": "integer", "format": "int64" },
                        "item": { "type": "string" }
                    }
                },
                "Error": {
                    "type": "object",
                    "required": ["message"],
                    "properties": { "message": { "type": "string" } }
                }
            }
        }
    })
}

fn bytes(doc: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(doc).expect("a serde_json::Value always serializes")
}

fn assert_mentions(err: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            err.contains(needle),
            "expected the report to mention {needle:?}, got:\n{err}"
        );
    }
}

#[test]
fn a_valid_contract_passes() {
    validate_contract(&bytes(&valid_contract()), "selftest-valid")
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn redocly_warnings_alone_do_not_fail() {
    // No `info.license`: the recommended ruleset warns (info-license), no error.
    let mut doc = valid_contract();
    doc["info"].as_object_mut().unwrap().remove("license");
    validate_contract(&bytes(&doc), "selftest-warnings").unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_path_parameter_missing_from_parameters_fails() {
    let mut doc = valid_contract();
    doc["paths"]["/orders/{id}"]["get"]
        .as_object_mut()
        .unwrap()
        .remove("parameters");
    let err = validate_contract(&bytes(&doc), "selftest-missing-path-param")
        .expect_err("an undeclared path parameter must be rejected");
    assert_mentions(
        &err,
        &[
            "selftest-missing-path-param",
            // openapi-spec-validator
            "openapi-spec-validator 0.9.0: FAILED",
            "Path parameter 'id'",
            // redocly
            "path-parameters-defined",
            "`{id}`",
        ],
    );
}

#[test]
fn a_ref_to_a_missing_schema_fails() {
    let mut doc = valid_contract();
    doc["paths"]["/orders/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        ["$ref"] = json!("#/components/schemas/Missing");
    let err = validate_contract(&bytes(&doc), "selftest-missing-ref")
        .expect_err("a $ref to a missing schema must be rejected");
    assert_mentions(
        &err,
        &[
            // openapi-spec-validator
            "openapi-spec-validator 0.9.0: FAILED",
            "'/components/schemas/Missing' does not exist",
            // redocly
            "no-unresolved-refs",
            "at #/paths/~1orders~1{id}/get/responses/200/content/application~1json/schema",
        ],
    );
}

#[test]
fn a_redocly_error_alone_fails() {
    // Valid OpenAPI (openapi-spec-validator accepts it), but no security at all:
    // an error under redocly's recommended rules, as for Clodo's deny-by-default routes.
    let mut doc = valid_contract();
    doc.as_object_mut().unwrap().remove("security");
    doc["components"]
        .as_object_mut()
        .unwrap()
        .remove("securitySchemes");
    let err = validate_contract(&bytes(&doc), "selftest-no-security")
        .expect_err("redocly error-severity problems must fail");
    assert_mentions(
        &err,
        &[
            "openapi-spec-validator 0.9.0: OK",
            "redocly lint 2.77.0 (.ci/redocly.yaml): FAILED",
            "security-defined",
        ],
    );
}

#[test]
fn a_document_that_is_not_json_fails() {
    let err = validate_contract(b"{ \"openapi\": \"3.0.3\", ", "selftest-not-json")
        .expect_err("truncated JSON must be rejected");
    assert_mentions(
        &err,
        &["openapi-spec-validator 0.9.0: FAILED", "redocly lint"],
    );
}
