//! What the generated client is built on: the [`Transport`] that sends
//! requests, the [`Error`] type, request encoding, authentication and retries.
//!
//! The same file is the `src/runtime.rs` of every client generated with
//! `cargo clodo client --standalone`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// A boxed future: `Send` everywhere except on wasm32, where JavaScript
/// futures are not.
#[cfg(not(target_arch = "wasm32"))]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
/// A boxed future: `Send` everywhere except on wasm32, where JavaScript
/// futures are not.
#[cfg(target_arch = "wasm32")]
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// `Send + Sync` except on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSendSync: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSendSync for T {}
/// `Send + Sync` except on wasm32.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSendSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSendSync for T {}

/// Sends HTTP requests for the client.
///
/// [`ReqwestTransport`] (feature `reqwest`, on by default) sends them over
/// the network. A block running in a Worker implements this trait over a
/// Service Binding or `fetch` instead and passes it to
/// `ClientBuilder::transport`.
pub trait Transport: MaybeSendSync {
    /// Sends one request and returns the whole response.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>>;

    /// Waits `duration` before a retry.
    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()>;
}

/// A request that did not complete: no connection, a timeout, a broken body.
#[derive(Debug)]
pub struct TransportError {
    message: String,
    retryable: bool,
    timeout: bool,
}

impl TransportError {
    /// An error with this message, not retried.
    pub fn new(message: impl Into<String>) -> Self {
        TransportError {
            message: message.into(),
            retryable: false,
            timeout: false,
        }
    }

    /// Marks the error as worth retrying (the request never reached the server).
    pub fn retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// Marks the error as a timeout.
    pub fn timeout(mut self, timeout: bool) -> Self {
        self.timeout = timeout;
        self
    }

    /// Whether a retry may help.
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.timeout
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransportError {}

/// A parameter or body that could not be encoded.
#[derive(Debug)]
pub struct EncodeError(String);

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

/// Why an operation failed. `E` is the error body the document describes
/// for the operation (`()` when it describes none).
#[derive(Debug)]
pub enum Error<E = ()> {
    /// The server answered with an error status the document describes.
    Api {
        /// HTTP status.
        status: u16,
        /// The decoded error body.
        body: E,
    },
    /// The server answered with a status the document does not describe, or
    /// with an error body that does not parse.
    UnexpectedResponse {
        /// HTTP status.
        status: u16,
        /// The raw body.
        body: Vec<u8>,
    },
    /// A success body that does not match the document.
    Decode {
        /// HTTP status.
        status: u16,
        /// What did not match.
        message: String,
        /// The raw body.
        body: Vec<u8>,
    },
    /// A parameter or body could not be encoded.
    Encode(EncodeError),
    /// The request did not complete.
    Transport(TransportError),
}

impl<E> Error<E> {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::UnexpectedResponse { status, .. }
            | Error::Decode { status, .. } => Some(*status),
            Error::Encode(_) | Error::Transport(_) => None,
        }
    }

    /// The decoded error body, when the server sent a documented one.
    pub fn body(&self) -> Option<&E> {
        match self {
            Error::Api { body, .. } => Some(body),
            _ => None,
        }
    }
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api { status, body } => write!(f, "the server answered {status}: {body:?}"),
            Error::UnexpectedResponse { status, body } => write!(
                f,
                "the server answered {status}, which the API document does not describe: {}",
                String::from_utf8_lossy(&body[..body.len().min(512)])
            ),
            Error::Decode {
                status, message, ..
            } => write!(
                f,
                "the {status} answer does not match the API document: {message}"
            ),
            Error::Encode(e) => write!(f, "could not encode the request: {e}"),
            Error::Transport(e) => write!(f, "the request did not complete: {e}"),
        }
    }
}

impl<E: fmt::Debug> std::error::Error for Error<E> {}

impl<E> From<EncodeError> for Error<E> {
    fn from(e: EncodeError) -> Self {
        Error::Encode(e)
    }
}

impl<E> From<TransportError> for Error<E> {
    fn from(e: TransportError) -> Self {
        Error::Transport(e)
    }
}

/// When failed idempotent requests are sent again.
///
/// Requests are retried when they did not reach the server or when it
/// answered 429, 502, 503 or 504, waiting as its `Retry-After` header says
/// (at most `max_backoff`) or else an exponential backoff.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// How many times to retry; 0 turns retries off.
    pub max_retries: u32,
    /// Wait before the first retry; doubled for each further one.
    pub initial_backoff: Duration,
    /// Longest wait, also the cap on `Retry-After`.
    pub max_backoff: Duration,
}

impl RetryPolicy {
    /// No retries.
    pub fn none() -> Self {
        RetryPolicy::retries(0)
    }

    /// Up to `max_retries` retries, starting at 200 ms, waiting at most 30 s.
    pub fn retries(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(30),
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::none()
    }
}

/// Where a credential goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// A credential for one security scheme of the document.
#[derive(Clone)]
pub struct Credential {
    /// The scheme's name in the document.
    pub scheme: &'static str,
    /// Where it goes.
    pub location: Location,
    /// Header, query parameter or cookie name.
    pub name: &'static str,
    /// The value (for bearer tokens, `Bearer <token>`).
    pub value: String,
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("scheme", &self.scheme)
            .field("location", &self.location)
            .field("name", &self.name)
            .field("value", &"<redacted>")
            .finish()
    }
}

/// `user:password` in base64, for HTTP basic authentication.
pub fn basic_auth(user: &str, password: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let input = format!("{user}:{password}");
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4 + 6);
    out.push_str("Basic ");
    for chunk in input.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Which statuses an operation answers with, from its responses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// One status code.
    Code(u16),
    /// A range: `4` for `4XX`.
    Range(u16),
    /// The `default` response.
    Default,
}

fn matches(list: &[Status], status: u16) -> Option<u8> {
    list.iter()
        .filter_map(|s| match *s {
            Status::Code(c) if c == status => Some(0),
            Status::Range(r) if r == status / 100 => Some(1),
            Status::Default => Some(2),
            _ => None,
        })
        .min()
}

/// An operation's request, before credentials and the base URL are added.
#[derive(Debug)]
pub struct Request {
    method: http::Method,
    path: String,
    query: String,
    headers: Vec<(&'static str, String)>,
    body: Option<(std::borrow::Cow<'static, str>, Vec<u8>)>,
    security: &'static [&'static [&'static str]],
}

impl Request {
    /// A request for `path` (already encoded).
    pub fn new(method: http::Method, path: String) -> Self {
        Request {
            method,
            path,
            query: String::new(),
            headers: Vec::new(),
            body: None,
            security: &[],
        }
    }

    /// Adds a query parameter; `None` values are left out, arrays repeat the name.
    pub fn query<T: serde::Serialize + ?Sized>(
        mut self,
        name: &str,
        value: &T,
    ) -> Result<Self, EncodeError> {
        let value = to_value(name, value)?;
        let mut push = |k: &str, v: &serde_json::Value| {
            if let Some(s) = scalar(v) {
                self.push_query(k, &s);
            }
        };
        match &value {
            serde_json::Value::Array(items) => items.iter().for_each(|v| push(name, v)),
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| push(k, v)),
            v => push(name, v),
        }
        Ok(self)
    }

    /// Adds a query parameter of `style: form, explode: false`: an array's
    /// items joined by commas into one value; `None` values are left out.
    pub fn query_joined<T: serde::Serialize + ?Sized>(
        mut self,
        name: &str,
        value: &T,
    ) -> Result<Self, EncodeError> {
        let value = to_value(name, value)?;
        if !value.is_null() {
            self.push_query(name, &joined(&value));
        }
        Ok(self)
    }

    /// Appends `name=value` to the query string, both percent-encoded.
    fn push_query(&mut self, name: &str, value: &str) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query.push_str(&encode(name));
        self.query.push('=');
        self.query.push_str(&encode(value));
    }

    /// Adds a header; `None` values are left out, arrays are comma-separated.
    pub fn header<T: serde::Serialize + ?Sized>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<Self, EncodeError> {
        let value = to_value(name, value)?;
        if !value.is_null() {
            self.headers.push((name, joined(&value)));
        }
        Ok(self)
    }

    /// Adds a cookie; `None` values are left out.
    pub fn cookie<T: serde::Serialize + ?Sized>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<Self, EncodeError> {
        let value = to_value(name, value)?;
        if !value.is_null() {
            self.headers
                .push(("cookie", format!("{name}={}", joined(&value))));
        }
        Ok(self)
    }

    /// Sets a JSON body.
    pub fn json<T: serde::Serialize + ?Sized>(
        mut self,
        content_type: &'static str,
        body: &T,
    ) -> Result<Self, EncodeError> {
        let bytes =
            serde_json::to_vec(body).map_err(|e| EncodeError(format!("request body: {e}")))?;
        self.body = Some((content_type.into(), bytes));
        Ok(self)
    }

    /// Sets an `application/x-www-form-urlencoded` body.
    pub fn form<T: serde::Serialize + ?Sized>(
        mut self,
        content_type: &'static str,
        body: &T,
    ) -> Result<Self, EncodeError> {
        let encoded = Request::new(http::Method::GET, String::new()).query("body", body)?;
        self.body = Some((content_type.into(), encoded.query.into_bytes()));
        Ok(self)
    }

    /// Sets a JSON body when there is one.
    pub fn maybe_json<T: serde::Serialize + ?Sized>(
        self,
        content_type: &'static str,
        body: Option<&T>,
    ) -> Result<Self, EncodeError> {
        match body {
            Some(body) => self.json(content_type, body),
            None => Ok(self),
        }
    }

    /// Sets a body of raw bytes.
    pub fn bytes(mut self, content_type: &'static str, body: Vec<u8>) -> Self {
        self.body = Some((content_type.into(), body));
        self
    }

    /// Sets a `multipart/form-data` body (RFC 7578) from an object: one part
    /// per field, in order; `null` fields are left out; an array of plain
    /// values is one part per item; objects and arrays of objects are JSON
    /// parts. The fields named in `files` are sent as files (a `filename`
    /// and `application/octet-stream`).
    pub fn multipart<T: serde::Serialize + ?Sized>(
        mut self,
        body: &T,
        files: &[&str],
    ) -> Result<Self, EncodeError> {
        let serde_json::Value::Object(fields) = to_value("body", body)? else {
            return Err(EncodeError(
                "request body: a multipart body must be an object".into(),
            ));
        };
        // (name, is a file, content type, bytes)
        let mut parts: Vec<(&str, bool, Option<&'static str>, Vec<u8>)> = Vec::new();
        for (name, value) in &fields {
            let file = files.contains(&name.as_str());
            let items: Vec<&serde_json::Value> = match value {
                serde_json::Value::Array(items) if items.iter().all(is_plain) => {
                    items.iter().collect()
                }
                v => vec![v],
            };
            for v in items {
                match v {
                    serde_json::Value::Null => {}
                    v if is_plain(v) => parts.push((
                        name,
                        file,
                        file.then_some("application/octet-stream"),
                        scalar(v).unwrap_or_default().into_bytes(),
                    )),
                    v => parts.push((
                        name,
                        file,
                        Some("application/json"),
                        serde_json::to_vec(v)
                            .map_err(|e| EncodeError(format!("request body `{name}`: {e}")))?,
                    )),
                }
            }
        }
        let boundary = boundary_for(parts.iter().map(|p| p.3.as_slice()));
        let mut out = Vec::new();
        for (name, file, content_type, bytes) in &parts {
            out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let name = disposition_value(name);
            let mut head = format!("Content-Disposition: form-data; name=\"{name}\"");
            if *file {
                head.push_str(&format!("; filename=\"{name}\""));
            }
            head.push_str("\r\n");
            if let Some(ct) = content_type {
                head.push_str(&format!("Content-Type: {ct}\r\n"));
            }
            head.push_str("\r\n");
            out.extend_from_slice(head.as_bytes());
            out.extend_from_slice(bytes);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.body = Some((
            format!("multipart/form-data; boundary={boundary}").into(),
            out,
        ));
        Ok(self)
    }

    /// [`Request::multipart`] when there is a body.
    pub fn maybe_multipart<T: serde::Serialize + ?Sized>(
        self,
        body: Option<&T>,
        files: &[&str],
    ) -> Result<Self, EncodeError> {
        match body {
            Some(body) => self.multipart(body, files),
            None => Ok(self),
        }
    }

    /// Sets the security requirements: alternatives, each a set of scheme names.
    pub fn security(mut self, requirements: &'static [&'static [&'static str]]) -> Self {
        self.security = requirements;
        self
    }
}

fn to_value<T: serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
) -> Result<serde_json::Value, EncodeError> {
    serde_json::to_value(value).map_err(|e| EncodeError(format!("parameter {name}: {e}")))
}

fn scalar(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Bool(_) | serde_json::Value::Number(_) => Some(v.to_string()),
        other => Some(other.to_string()),
    }
}

/// A string, number or boolean: a value a text part holds as it is.
fn is_plain(v: &serde_json::Value) -> bool {
    matches!(
        v,
        serde_json::Value::String(_) | serde_json::Value::Bool(_) | serde_json::Value::Number(_)
    )
}

fn joined(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(scalar)
            .collect::<Vec<_>>()
            .join(","),
        serde_json::Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| [k.clone(), scalar(v).unwrap_or_default()])
            .collect::<Vec<_>>()
            .join(","),
        v => scalar(v).unwrap_or_default(),
    }
}

/// A multipart boundary that occurs in none of `parts`: a fixed prefix and
/// a 64-bit FNV-1a hash of the parts, rehashed until nothing holds it.
fn boundary_for<'a>(parts: impl Iterator<Item = &'a [u8]> + Clone) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts.clone() {
        for b in p {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    loop {
        let boundary = format!("clodo-boundary-{h:016x}");
        let needle = boundary.as_bytes();
        if !parts
            .clone()
            .any(|p| p.windows(needle.len()).any(|w| w == needle))
        {
            return boundary;
        }
        h = (h ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0x0100_0000_01b3);
    }
}

/// A field name for a `Content-Disposition` quoted string, as browsers
/// write it (HTML's form encoding): `"`, CR and LF percent-encoded.
fn disposition_value(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A path parameter, encoded as one path segment.
pub fn path<T: serde::Serialize + ?Sized>(name: &str, value: &T) -> Result<String, EncodeError> {
    let value = to_value(name, value)?;
    if value.is_null() {
        return Err(EncodeError(format!("path parameter {name} is missing")));
    }
    Ok(encode(&joined(&value)))
}

/// An answer from the server.
#[derive(Debug)]
pub struct Response {
    status: u16,
    body: Vec<u8>,
}

impl Response {
    fn classify<E>(&self, ok: &[Status], err: &[Status]) -> Result<bool, Error<E>> {
        let is_success = (200..300).contains(&self.status);
        match (matches(ok, self.status), matches(err, self.status)) {
            (Some(a), Some(b)) if a < b => Ok(true),
            (Some(a), Some(b)) if b < a => Ok(false),
            (Some(_), Some(_)) => Ok(is_success),
            (Some(_), None) => Ok(true),
            (None, Some(_)) => Ok(false),
            (None, None) => Err(Error::UnexpectedResponse {
                status: self.status,
                body: self.body.clone(),
            }),
        }
    }

    fn error<E: serde::de::DeserializeOwned>(self, has_body: bool) -> Error<E> {
        if has_body && let Ok(body) = serde_json::from_slice(&self.body) {
            return Error::Api {
                status: self.status,
                body,
            };
        }
        Error::UnexpectedResponse {
            status: self.status,
            body: self.body,
        }
    }

    /// Decodes a JSON success body, or the error body.
    pub fn json<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
        self,
        ok: &[Status],
        err: &[Status],
    ) -> Result<T, Error<E>> {
        if !self.classify(ok, err)? {
            return Err(self.error(true));
        }
        let body = if self.body.is_empty() {
            b"null".as_slice()
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|e| Error::Decode {
            status: self.status,
            message: e.to_string(),
            body: self.body.clone(),
        })
    }

    /// A success without a body, or the error body.
    pub fn empty<E: serde::de::DeserializeOwned>(
        self,
        ok: &[Status],
        err: &[Status],
    ) -> Result<(), Error<E>> {
        if !self.classify(ok, err)? {
            return Err(self.error(true));
        }
        Ok(())
    }

    /// A text success body, or the error body.
    pub fn text<E: serde::de::DeserializeOwned>(
        self,
        ok: &[Status],
        err: &[Status],
    ) -> Result<String, Error<E>> {
        if !self.classify(ok, err)? {
            return Err(self.error(true));
        }
        String::from_utf8(self.body).map_err(|e| Error::Decode {
            status: self.status,
            message: e.to_string(),
            body: e.into_bytes(),
        })
    }

    /// A binary success body, or the error body.
    pub fn bytes<E: serde::de::DeserializeOwned>(
        self,
        ok: &[Status],
        err: &[Status],
    ) -> Result<Vec<u8>, Error<E>> {
        if !self.classify(ok, err)? {
            return Err(self.error(true));
        }
        Ok(self.body)
    }
}

/// What a client shares between its clones.
pub struct Inner {
    /// Base URL without a trailing slash.
    pub base_url: String,
    /// Sends the requests.
    pub transport: Arc<dyn Transport>,
    /// Configured credentials.
    pub credentials: Vec<Credential>,
    /// Retries for idempotent operations.
    pub retry: RetryPolicy,
    /// Headers sent with every request.
    pub headers: Vec<(String, String)>,
}

impl fmt::Debug for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inner")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Inner {
    fn build(&self, request: &Request) -> Result<http::Request<Vec<u8>>, TransportError> {
        let mut url = format!("{}{}", self.base_url, request.path);
        let mut query = request.query.clone();
        let mut headers: Vec<(String, String)> = self.headers.clone();
        headers.extend(
            request
                .headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone())),
        );
        let mut cookies = Vec::new();
        for credential in self.credentials_for(request.security) {
            match credential.location {
                Location::Header => {
                    headers.push((credential.name.to_owned(), credential.value.clone()))
                }
                Location::Query => {
                    if !query.is_empty() {
                        query.push('&');
                    }
                    query.push_str(&format!(
                        "{}={}",
                        encode(credential.name),
                        encode(&credential.value)
                    ));
                }
                Location::Cookie => {
                    cookies.push(format!("{}={}", credential.name, credential.value))
                }
            }
        }
        if !cookies.is_empty() {
            headers.push(("cookie".to_owned(), cookies.join("; ")));
        }
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query);
        }
        let mut builder = http::Request::builder()
            .method(request.method.clone())
            .uri(&url);
        for (name, value) in &headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let body = match &request.body {
            Some((content_type, bytes)) => {
                builder = builder.header("content-type", content_type.as_ref());
                bytes.clone()
            }
            None => Vec::new(),
        };
        builder
            .body(body)
            .map_err(|e| TransportError::new(format!("invalid request to {url}: {e}")))
    }

    /// The credentials for the first alternative whose schemes are all configured.
    fn credentials_for(&self, requirements: &[&[&str]]) -> Vec<&Credential> {
        let mut alternatives: Vec<&&[&str]> = requirements.iter().collect();
        alternatives.sort_by_key(|alt| alt.is_empty());
        for alt in alternatives {
            let found: Vec<&Credential> = alt
                .iter()
                .filter_map(|scheme| self.credentials.iter().find(|c| c.scheme == *scheme))
                .collect();
            if found.len() == alt.len() {
                return found;
            }
        }
        Vec::new()
    }

    /// Sends `request`, retrying idempotent ones as the retry policy says.
    pub async fn execute(&self, request: Request) -> Result<Response, TransportError> {
        let idempotent = matches!(
            request.method,
            http::Method::GET
                | http::Method::HEAD
                | http::Method::PUT
                | http::Method::DELETE
                | http::Method::OPTIONS
                | http::Method::TRACE
        );
        let mut attempt = 0u32;
        loop {
            let outcome = self.transport.send(self.build(&request)?).await;
            let retries_left = idempotent && attempt < self.retry.max_retries;
            let wait = match &outcome {
                Ok(resp)
                    if retries_left && matches!(resp.status().as_u16(), 429 | 502 | 503 | 504) =>
                {
                    Some(retry_after(resp.headers()).unwrap_or_else(|| self.backoff(attempt)))
                }
                Err(e) if retries_left && e.is_retryable() => Some(self.backoff(attempt)),
                _ => None,
            };
            match (wait, outcome) {
                (Some(wait), _) => {
                    self.transport.sleep(wait.min(self.retry.max_backoff)).await;
                    attempt += 1;
                }
                (None, Ok(resp)) => {
                    let status = resp.status().as_u16();
                    return Ok(Response {
                        status,
                        body: resp.into_body(),
                    });
                }
                (None, Err(e)) => return Err(e),
            }
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        self.retry
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(attempt))
            .min(self.retry.max_backoff)
    }
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date.
pub fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(feature = "reqwest")]
pub use self::reqwest_transport::ReqwestTransport;

/// The transport a client uses when none is given: [`ReqwestTransport`].
#[cfg(feature = "reqwest")]
pub fn default_transport(timeout: Option<Duration>) -> Result<Arc<dyn Transport>, TransportError> {
    Ok(Arc::new(ReqwestTransport::new(timeout)?))
}

/// Without the `reqwest` feature there is no default transport.
#[cfg(not(feature = "reqwest"))]
pub fn default_transport(_timeout: Option<Duration>) -> Result<Arc<dyn Transport>, TransportError> {
    Err(TransportError::new(
        "no transport: enable the `reqwest` feature or pass one to `ClientBuilder::transport`",
    ))
}

#[cfg(feature = "reqwest")]
mod reqwest_transport {
    use super::{BoxFuture, Transport, TransportError};
    use std::time::Duration;

    /// Sends requests with `reqwest` over rustls (with the `ring` provider;
    /// no system OpenSSL).
    #[derive(Debug, Clone)]
    pub struct ReqwestTransport {
        client: reqwest::Client,
    }

    impl ReqwestTransport {
        /// A transport whose requests time out after `timeout` (none when `None`).
        pub fn new(timeout: Option<Duration>) -> Result<Self, TransportError> {
            // Only the first provider installed in a process wins; a provider
            // the application installed earlier is kept.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let mut builder = reqwest::Client::builder().connect_timeout(Duration::from_secs(10));
            if let Some(timeout) = timeout {
                builder = builder.timeout(timeout);
            }
            let client = builder.build().map_err(|e| {
                TransportError::new(format!("could not build the HTTP client: {e}"))
            })?;
            Ok(ReqwestTransport { client })
        }

        /// A transport over an existing `reqwest` client (sharing its pool).
        pub fn from_client(client: reqwest::Client) -> Self {
            ReqwestTransport { client }
        }
    }

    fn transport_error(e: reqwest::Error) -> TransportError {
        TransportError::new(e.to_string())
            .retryable(e.is_connect())
            .timeout(e.is_timeout())
    }

    impl Transport for ReqwestTransport {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> BoxFuture<'_, Result<http::Response<Vec<u8>>, TransportError>> {
            Box::pin(async move {
                let request = reqwest::Request::try_from(request).map_err(transport_error)?;
                let response = self
                    .client
                    .execute(request)
                    .await
                    .map_err(transport_error)?;
                let mut builder = http::Response::builder().status(response.status());
                for (name, value) in response.headers() {
                    builder = builder.header(name, value);
                }
                let body = response.bytes().await.map_err(transport_error)?;
                builder
                    .body(body.to_vec())
                    .map_err(|e| TransportError::new(e.to_string()))
            })
        }

        fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
            Box::pin(tokio::time::sleep(duration))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_parameters() {
        let r = Request::new(http::Method::GET, "/x".into())
            .query("a b", &Some("c&d"))
            .and_then(|r| r.query("n", &None::<i32>))
            .and_then(|r| r.query("list", &[1, 2]))
            .expect("encodes");
        assert_eq!(r.query, "a%20b=c%26d&list=1&list=2");
        let r = Request::new(http::Method::GET, "/x".into())
            .query_joined("id[in]", &Some(vec![1, 2, 3]))
            .and_then(|r| r.query_joined("none", &None::<Vec<i32>>))
            .and_then(|r| r.query_joined("one", &"a"))
            .expect("encodes");
        assert_eq!(r.query, "id%5Bin%5D=1%2C2%2C3&one=a");
    }

    #[test]
    fn encodes_multipart_bodies() {
        let body = serde_json::json!({
            "file": "PNG…bytes",
            "name": "a \"b\"",
            "tags": ["x", "y"],
            "meta": {"k": 1},
            "none": null,
        });
        let r = Request::new(http::Method::POST, "/up".into())
            .multipart(&body, &["file"])
            .expect("encodes");
        let (ct, bytes) = r.body.expect("a body");
        let boundary = ct
            .strip_prefix("multipart/form-data; boundary=")
            .expect("boundary")
            .to_owned();
        let text = String::from_utf8(bytes).expect("utf-8");
        let want = [
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\nPNG…bytes\r\n"),
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{\"k\":1}}\r\n"),
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\na \"b\"\r\n"),
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nx\r\n"),
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\ny\r\n"),
            format!("--{boundary}--\r\n"),
        ]
        .concat();
        assert_eq!(text, want);
        // A part holding the boundary gets another one.
        let tricky = serde_json::json!({ "a": format!("--{boundary}") });
        let r = Request::new(http::Method::POST, "/up".into())
            .multipart(&tricky, &[])
            .expect("encodes");
        let (ct2, bytes2) = r.body.expect("a body");
        let b2 = ct2
            .strip_prefix("multipart/form-data; boundary=")
            .expect("boundary");
        let text2 = String::from_utf8(bytes2).expect("utf-8");
        assert_eq!(text2.matches(&format!("--{b2}")).count(), 2, "{text2}");
        assert!(
            Request::new(http::Method::POST, "/".into())
                .multipart(&1, &[])
                .is_err()
        );
        assert_eq!(path("id", "a/b").expect("encodes"), "a%2Fb");
        assert_eq!(
            basic_auth("Aladdin", "open sesame"),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn reads_retry_after() {
        let mut h = http::HeaderMap::new();
        h.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_static("3"),
        );
        assert_eq!(retry_after(&h), Some(Duration::from_secs(3)));
        h.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
    }
}
