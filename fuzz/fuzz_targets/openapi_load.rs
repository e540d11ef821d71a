//! The client generator's OpenAPI loader (clodo-codegen/src/client/load.rs)
//! and what it feeds: `load_document`, then `generate` of a whole client
//! crate. A document is accepted or refused with an error; never a panic.
#![no_main]

use clodo_codegen::client::{Options, generate, load_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load_document(text) {
        Ok(_) => {
            if let Ok(krate) = generate(text, &Options::default()) {
                assert!(!krate.files.is_empty());
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
