//! The domain config parser (clodo-sdk/src/config/): `domains/<domain>.toml`
//! text in, a typed config or an error pointing at the file and line out;
//! never a panic, and errors render.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match clodo_sdk::config::parse(Path::new("domains/dev.localhost.toml"), src) {
        Ok(cfg) => {
            let _ = format!("{cfg:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
