//! Session tokens: HS256 JWTs signed with the domain's secret.
//!
//! A token carries `iss` = the domain, `aud` = [`AUDIENCE`], `sub`, `email`,
//! `roles`, `iat`, `exp` and `jti`, a random 128-bit id (base64url) that
//! makes every issued token unique, even two minted in the same second for
//! the same user. Verification accepts only `alg: HS256`, compares
//! the signature in constant time, and checks issuer, audience and expiry.
//! A previous key may stay valid for verification during rotation.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The audience every Clodo session token names.
pub const AUDIENCE: &str = "clodo";

/// Name of the secret holding a domain's signing key.
pub const SIGNING_KEY_SECRET: &str = "CLODO_SIGNING_KEY";

/// Name of the secret holding the previous signing key (rotation grace period).
pub const PREVIOUS_SIGNING_KEY_SECRET: &str = "CLODO_SIGNING_KEY_PREVIOUS";

/// Name of the secret (Unix seconds) after which the previous key stops verifying.
pub const PREVIOUS_KEY_UNTIL_SECRET: &str = "CLODO_SIGNING_KEY_PREVIOUS_UNTIL";

/// Shortest signing key accepted, in bytes.
pub const MIN_KEY_LEN: usize = 32;

/// What kind of credential authenticated a principal.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    /// A person with a session token.
    #[default]
    Session,
    /// A service with an API key; `id` is the key's id.
    ApiKey,
}

/// The authenticated principal of a request: a signed-in person, or a
/// service holding an API key (then `id` is the key's id and `email` its name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct User {
    /// Stable id of the principal (the token's subject, or the API key's id).
    pub id: String,
    /// Email address (for an API key: its name).
    pub email: String,
    /// Roles granted, e.g. `staff`, `admin`.
    pub roles: Vec<String>,
    /// How the principal authenticated.
    #[serde(default)]
    pub kind: PrincipalKind,
    /// The session the token belongs to, when the issuer records sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
}

impl User {
    /// A session principal without a recorded session.
    pub fn new(id: impl Into<String>, email: impl Into<String>, roles: Vec<String>) -> Self {
        Self {
            id: id.into(),
            email: email.into(),
            roles,
            kind: PrincipalKind::Session,
            session_id: None,
        }
    }

    /// Whether the principal holds `role`.
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }
}

/// The claims of a session token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer: the domain name.
    pub iss: String,
    /// Audience: [`AUDIENCE`].
    pub aud: String,
    /// Subject: the user id.
    pub sub: String,
    /// Email of the user.
    pub email: String,
    /// Roles of the user.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Issued at, seconds since the Unix epoch.
    pub iat: u64,
    /// Expires at, seconds since the Unix epoch.
    pub exp: u64,
    /// The session this token belongs to, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// Unique id of this token ([`token_id`]): 128 random bits, base64url.
    #[serde(default)]
    pub jti: String,
}

/// A fresh token id: 128 bits from the OS random source, base64url (22
/// characters). Should the random source fail, a process-wide counter and
/// the clock still keep ids of this process distinct.
pub fn token_id() -> String {
    let mut raw = [0u8; 16];
    if getrandom::fill(&mut raw).is_err() {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        raw[..8].copy_from_slice(&n.to_le_bytes());
        raw[8..].copy_from_slice(&unix_now().to_le_bytes());
    }
    B64.encode(raw)
}

/// Why a token was refused. Every variant answers 401.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// No `Authorization: Bearer` header.
    #[error("this route requires a bearer token (Authorization: Bearer <token>)")]
    Missing,
    /// Not three base64url parts with JSON inside.
    #[error("the bearer token is malformed")]
    Malformed,
    /// A header naming any algorithm other than HS256.
    #[error("the bearer token uses an unsupported algorithm; only HS256 is accepted")]
    Algorithm,
    /// Signature does not verify with the domain's key.
    #[error("the bearer token's signature is invalid")]
    Signature,
    /// Issued by another domain (or for another audience).
    #[error("the bearer token was not issued for this domain")]
    WrongDomain,
    /// Past its expiry.
    #[error("the bearer token has expired; sign in again")]
    Expired,
}

/// Why a signing key cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("signing key is {len} bytes; at least {MIN_KEY_LEN} are required")]
pub struct KeyTooShort {
    len: usize,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

/// Claims as read during verification, borrowing what is only compared.
#[derive(Deserialize)]
struct VerifiedClaims<'a> {
    #[serde(borrow)]
    iss: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    aud: std::borrow::Cow<'a, str>,
    sub: String,
    email: String,
    #[serde(default)]
    roles: Vec<String>,
    iat: u64,
    exp: u64,
    #[serde(default)]
    sid: Option<String>,
}

/// `HEADER_HS256` in base64url, computed once.
fn encoded_header() -> &'static str {
    static ENCODED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ENCODED.get_or_init(|| B64.encode(HEADER_HS256))
}

/// The keys of one domain: signs with the current key, verifies with it and
/// with the previous one.
#[derive(Clone)]
pub struct TokenKeys {
    domain: String,
    current: Hmac<Sha256>,
    previous: Option<Hmac<Sha256>>,
    previous_until: Option<u64>,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys")
            .field("domain", &self.domain)
            .field("previous", &self.previous.is_some())
            .finish_non_exhaustive()
    }
}

const HEADER_HS256: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

impl TokenKeys {
    /// Keys for `domain`; keys shorter than [`MIN_KEY_LEN`] bytes are refused.
    pub fn new(domain: &str, current: &[u8], previous: Option<&[u8]>) -> Result<Self, KeyTooShort> {
        let mac = |k: &[u8]| {
            if k.len() < MIN_KEY_LEN {
                return Err(KeyTooShort { len: k.len() });
            }
            Hmac::<Sha256>::new_from_slice(k).map_err(|_| KeyTooShort { len: k.len() })
        };
        Ok(Self {
            domain: domain.to_owned(),
            current: mac(current)?,
            previous: previous.map(mac).transpose()?,
            previous_until: None,
        })
    }

    /// Ends the rotation grace period: after `unix_secs`, tokens signed with
    /// the previous key are refused. Keep it at least one access-token
    /// lifetime after the rotation.
    pub fn previous_valid_until(mut self, unix_secs: u64) -> Self {
        self.previous_until = Some(unix_secs);
        self
    }

    /// The domain these keys belong to.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// Signs a token for `user`, valid for `ttl_secs` from `now` (Unix seconds).
    pub fn mint(&self, user: &User, now: u64, ttl_secs: u64) -> String {
        let claims = Claims {
            iss: self.domain.clone(),
            aud: AUDIENCE.to_owned(),
            sub: user.id.clone(),
            email: user.email.clone(),
            roles: user.roles.clone(),
            iat: now,
            exp: now.saturating_add(ttl_secs),
            sid: user.session_id.clone(),
            jti: token_id(),
        };
        self.sign_claims(&claims)
    }

    /// Signs arbitrary claims (tests use this to build hostile tokens).
    pub fn sign_claims(&self, claims: &Claims) -> String {
        let payload = serde_json::to_vec(claims).unwrap_or_default();
        let signing_input = format!("{}.{}", B64.encode(HEADER_HS256), B64.encode(payload));
        let mut mac = self.current.clone();
        mac.update(signing_input.as_bytes());
        let sig = mac.finalize().into_bytes();
        format!("{signing_input}.{}", B64.encode(sig))
    }

    /// Verifies `token` at time `now` (Unix seconds) and returns its principal.
    pub fn verify(&self, token: &str, now: u64) -> Result<User, TokenError> {
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        // Fast path: the exact header this SDK writes; anything else is parsed.
        if h != encoded_header() {
            let header: Header = B64
                .decode(h)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .ok_or(TokenError::Malformed)?;
            if header.alg != "HS256" {
                return Err(TokenError::Algorithm);
            }
        }
        let mut sig_buf = [0u8; 64];
        let sig_len = B64
            .decode_slice(s, &mut sig_buf)
            .map_err(|_| TokenError::Malformed)?;
        let sig = &sig_buf[..sig_len];
        let signing_input = &token[..h.len() + 1 + p.len()];
        let verifies = |key: &Hmac<Sha256>| {
            let mut mac = key.clone();
            mac.update(signing_input.as_bytes());
            mac.verify_slice(sig).is_ok()
        };
        let previous_ok = self.previous_until.is_none_or(|until| now < until);
        let signed_by_us = verifies(&self.current)
            || (previous_ok && self.previous.as_ref().is_some_and(verifies));
        if !signed_by_us {
            return Err(TokenError::Signature);
        }
        let payload = B64.decode(p).map_err(|_| TokenError::Malformed)?;
        let claims: VerifiedClaims<'_> =
            serde_json::from_slice(&payload).map_err(|_| TokenError::Malformed)?;
        if claims.iss != self.domain || claims.aud != AUDIENCE {
            return Err(TokenError::WrongDomain);
        }
        // A token expires after it was issued; anything else was not minted here.
        if claims.iat > claims.exp {
            return Err(TokenError::Malformed);
        }
        if claims.exp <= now {
            return Err(TokenError::Expired);
        }
        Ok(User {
            id: claims.sub,
            email: claims.email,
            roles: claims.roles,
            kind: PrincipalKind::Session,
            session_id: claims.sid,
        })
    }
}

/// Seconds since the Unix epoch.
#[cfg(not(target_arch = "wasm32"))]
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Seconds since the Unix epoch (`Date.now()`: `SystemTime` panics on wasm32).
#[cfg(target_arch = "wasm32")]
pub fn unix_now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// Encodes raw parts into a token without signing it correctly: for tests of
/// hostile input (`alg: none`, RS256 headers, tampered payloads).
pub fn encode_unsigned(header_json: &str, claims: &Claims, signature: &[u8]) -> String {
    let payload = serde_json::to_vec(claims).unwrap_or_default();
    format!(
        "{}.{}.{}",
        B64.encode(header_json),
        B64.encode(payload),
        B64.encode(signature)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn alice() -> User {
        User::new("u1", "alice@example.com", vec!["staff".into()])
    }

    #[test]
    fn round_trip_and_failures() {
        let keys = TokenKeys::new("a.example", KEY, None).unwrap();
        let t = keys.mint(&alice(), 1000, 60);
        assert_eq!(keys.verify(&t, 1000).unwrap(), alice());
        assert_eq!(keys.verify(&t, 1060), Err(TokenError::Expired));

        let other = TokenKeys::new("b.example", KEY, None).unwrap();
        assert_eq!(other.verify(&t, 1000), Err(TokenError::WrongDomain));

        let other_key = TokenKeys::new("a.example", &[7u8; 32], None).unwrap();
        assert_eq!(other_key.verify(&t, 1000), Err(TokenError::Signature));

        // tamper with the payload: signature no longer matches
        let mut parts: Vec<String> = t.split('.').map(str::to_owned).collect();
        let mut claims: Claims = serde_json::from_slice(&B64.decode(&parts[1]).unwrap()).unwrap();
        claims.roles.push("admin".into());
        parts[1] = B64.encode(serde_json::to_vec(&claims).unwrap());
        assert_eq!(
            keys.verify(&parts.join("."), 1000),
            Err(TokenError::Signature)
        );

        let none = encode_unsigned(r#"{"alg":"none"}"#, &claims, b"");
        assert_eq!(keys.verify(&none, 1000), Err(TokenError::Algorithm));
        let rs = encode_unsigned(r#"{"alg":"RS256"}"#, &claims, b"sig");
        assert_eq!(keys.verify(&rs, 1000), Err(TokenError::Algorithm));
        assert_eq!(keys.verify("a.b", 1000), Err(TokenError::Malformed));
        assert_eq!(keys.verify("", 1000), Err(TokenError::Malformed));
    }

    #[test]
    fn previous_key_verifies_during_rotation() {
        let old = TokenKeys::new("a.example", KEY, None).unwrap();
        let t = old.mint(&alice(), 1000, 60);
        let rotated = TokenKeys::new("a.example", &[9u8; 32], Some(KEY)).unwrap();
        assert!(rotated.verify(&t, 1000).is_ok());
        let ended = rotated.previous_valid_until(1000);
        assert_eq!(
            ended.verify(&t, 1000),
            Err(TokenError::Signature),
            "grace period over"
        );
        assert!(TokenKeys::new("a.example", b"short", None).is_err());
    }

    fn claims_of(token: &str) -> Claims {
        let payload = token.split('.').nth(1).unwrap();
        serde_json::from_slice(&B64.decode(payload).unwrap()).unwrap()
    }

    #[test]
    fn tokens_of_the_same_second_are_unique() {
        let keys = TokenKeys::new("a.example", KEY, None).unwrap();
        let a = keys.mint(&alice(), 1000, 60);
        let b = keys.mint(&alice(), 1000, 60);
        assert_ne!(a, b, "same user, same second: still two tokens");
        let (ca, cb) = (claims_of(&a), claims_of(&b));
        assert_ne!(ca.jti, cb.jti);
        assert_eq!(ca.jti.len(), 22, "128 bits, base64url: {}", ca.jti);
        assert_eq!(B64.decode(&ca.jti).unwrap().len(), 16);
        assert_eq!(
            keys.verify(&a, 1000).unwrap(),
            keys.verify(&b, 1000).unwrap()
        );
    }

    /// Signs `payload` with `KEY` under the SDK's own header.
    fn signed(payload: &str) -> String {
        let input = format!("{}.{}", encoded_header(), B64.encode(payload));
        let mut mac = Hmac::<Sha256>::new_from_slice(KEY).unwrap();
        mac.update(input.as_bytes());
        format!("{input}.{}", B64.encode(mac.finalize().into_bytes()))
    }

    #[test]
    fn signed_claims_with_a_bad_iat_are_malformed() {
        // Found by fuzz/token_verify: an `iat` no u64 holds was skipped, not read.
        let keys = TokenKeys::new("a.example", KEY, None).unwrap();
        let claims = |iat: &str| {
            format!(
                r#"{{"iss":"a.example","aud":"clodo","sub":"u1","email":"e@x","iat":{iat},"exp":2000}}"#
            )
        };
        assert!(keys.verify(&signed(&claims("1000")), 1000).is_ok());
        for bad in ["1799e90000", "-1", "1.5", "\"1000\"", "null", "2001"] {
            assert_eq!(
                keys.verify(&signed(&claims(bad)), 1000),
                Err(TokenError::Malformed),
                "iat {bad}"
            );
        }
        let no_iat = r#"{"iss":"a.example","aud":"clodo","sub":"u1","email":"e@x","exp":2000}"#;
        assert_eq!(
            keys.verify(&signed(no_iat), 1000),
            Err(TokenError::Malformed)
        );
    }
}
