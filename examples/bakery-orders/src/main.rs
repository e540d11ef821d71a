//! Serves the bakery block natively: `cargo run -p example-bakery-orders`.
//! `bakery-orders contract` prints the OpenAPI contract instead.

use std::process::ExitCode;

fn main() -> ExitCode {
    match example_bakery_orders::app().run_cli() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
