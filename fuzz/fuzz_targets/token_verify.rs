//! Token verification (clodo-sdk/src/auth.rs, `TokenKeys::verify`).
//!
//! The first byte picks a mode:
//! - 0: the rest is a token; verify must not panic, and must refuse it
//!   (nothing random carries a valid HS256 signature of our key);
//! - 1: a minted token, edited at a fuzzed place: if the text changed, it
//!   must be refused (a forgery otherwise);
//! - 2: fuzzed payload bytes, correctly signed with the key: the claims
//!   parser must not panic, and what it accepts names our domain, our
//!   audience and a future expiry;
//! - 3: a user from the fuzzed bytes, minted then verified: the same user
//!   comes back.
#![no_main]

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use clodo_sdk::auth::{TokenKeys, User};
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::Sha256;

const DOMAIN: &str = "dev.localhost";
const KEY: &[u8] = b"clodo-fuzz-signing-key-0123456789abcdef";
const PREVIOUS: &[u8] = b"clodo-fuzz-previous-key-0123456789abcdef";
const NOW: u64 = 1_800_000_000;

fn keys() -> &'static TokenKeys {
    static KEYS: std::sync::OnceLock<TokenKeys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        TokenKeys::new(DOMAIN, KEY, Some(PREVIOUS))
            .expect("keys")
            .previous_valid_until(NOW + 60)
    })
}

fn user_from(bytes: &[u8]) -> User {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.split('\u{0}');
    let id = parts.next().unwrap_or("u").to_owned();
    let email = parts.next().unwrap_or("u@example.com").to_owned();
    let roles = parts.map(str::to_owned).collect();
    User::new(id, email, roles)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let keys = keys();
    match mode % 4 {
        0 => {
            if let Ok(token) = std::str::from_utf8(rest) {
                assert!(keys.verify(token, NOW).is_err(), "accepted {token:?}");
            }
        }
        1 => {
            if rest.len() < 2 {
                return;
            }
            let token = keys.mint(
                &User::new("c1", "c1@example.com", vec!["customer".into()]),
                NOW,
                3600,
            );
            let at = usize::from(u16::from_le_bytes([rest[0], rest[1]])) % (token.len() + 1);
            let cut = (at + rest.len() % 7).min(token.len());
            let mut edited = token.as_bytes()[..at].to_vec();
            edited.extend_from_slice(&rest[2..]);
            edited.extend_from_slice(&token.as_bytes()[cut..]);
            if let Ok(edited) = String::from_utf8(edited) {
                let verdict = keys.verify(&edited, NOW);
                if edited != token {
                    assert!(
                        verdict.is_err(),
                        "edited token accepted: {edited:?} (from {token:?})"
                    );
                } else {
                    assert!(verdict.is_ok());
                }
            }
        }
        2 => {
            let header = B64.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
            let input = format!("{header}.{}", B64.encode(rest));
            for key in [KEY, PREVIOUS] {
                let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("hmac key");
                mac.update(input.as_bytes());
                let token = format!("{input}.{}", B64.encode(mac.finalize().into_bytes()));
                if keys.verify(&token, NOW).is_ok() {
                    // Read back only what the verifier checks: serde_json skips
                    // unknown fields without checking their UTF-8 or the range
                    // of their numbers, so a `Value` could refuse what it accepted.
                    #[derive(serde::Deserialize)]
                    struct Checked {
                        iss: String,
                        aud: String,
                        iat: u64,
                        exp: u64,
                    }
                    let claims: Checked =
                        serde_json::from_str(&String::from_utf8_lossy(rest))
                            .expect("accepted claims hold the checked fields");
                    assert_eq!(claims.iss, DOMAIN);
                    assert_eq!(claims.aud, "clodo");
                    assert!(claims.exp > NOW, "exp {} <= now", claims.exp);
                    assert!(claims.iat <= claims.exp, "iat {} > exp {}", claims.iat, claims.exp);
                }
            }
        }
        _ => {
            let user = user_from(rest);
            let token = keys.mint(&user, NOW, 3600);
            let back = keys.verify(&token, NOW).expect("a minted token verifies");
            assert_eq!(
                (back.id, back.email, back.roles),
                (user.id, user.email, user.roles)
            );
            assert!(
                keys.verify(&token, NOW + 3600).is_err(),
                "expired token accepted"
            );
        }
    }
});
