//! Random tokens and their hashes. Link tokens, refresh tokens and API keys
//! are 32 random bytes from the OS; only their SHA-256 is stored, and hashes
//! are compared in constant time.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use clodo_sdk::error::ApiError;

/// `n` random bytes from the OS, base64url without padding.
pub(crate) fn random_token(n: usize) -> Result<String, ApiError> {
    let mut raw = vec![0u8; n];
    getrandom::fill(&mut raw).map_err(|e| ApiError::internal(format!("OS random source: {e}")))?;
    Ok(B64.encode(raw))
}

/// A random id with a readable prefix, e.g. `usr_…`.
pub(crate) fn random_id(prefix: &str) -> Result<String, ApiError> {
    Ok(format!("{prefix}_{}", random_token(12)?))
}

/// Hex SHA-256 of a token.
pub(crate) fn hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Constant-time equality of two hashes.
pub(crate) fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_and_distinct() {
        let a = random_token(32).unwrap();
        let b = random_token(32).unwrap();
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(hash("x").len(), 64);
        assert!(same_hash(&hash("x"), &hash("x")));
        assert!(!same_hash(&hash("x"), &hash("y")));
    }
}
