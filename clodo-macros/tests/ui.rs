//! Compile-time behaviour of `#[clodo_block]`: every misuse is one
//! `tests/ui/*.rs` case whose expected compiler output is the `.stderr`
//! beside it; `tests/ui-pass/*.rs` must compile.
//!
//! Regenerate the `.stderr` files on the machine's stable toolchain with
//! `TRYBUILD=overwrite cargo test -p clodo-macros --test ui`, then read them.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/ui-pass/*.rs");
}
