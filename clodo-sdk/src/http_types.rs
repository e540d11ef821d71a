//! The request and response types the runtimes hand to blocks.

use bytes::Bytes;
use http::{HeaderMap, Method};

/// A response with a fully buffered body.
pub type Response = http::Response<Bytes>;

/// A request as a block sees it: method, path relative to the block's
/// mount point, query, headers, the buffered body and the path parameters
/// the router matched.
#[derive(Debug, Clone)]
pub struct Request {
    /// HTTP method.
    pub method: Method,
    /// Full request path (percent-encoded, as received).
    pub path: String,
    /// Raw query string without the `?`.
    pub query: Option<String>,
    /// Request headers.
    pub headers: HeaderMap,
    /// Body bytes (already checked against the size limit).
    pub body: Bytes,
    /// Path parameters matched by the router: (name, percent-decoded value).
    pub params: Vec<(&'static str, String)>,
    /// The client's address, as the transport saw it (the TCP peer natively).
    pub remote_addr: Option<std::net::IpAddr>,
}

impl Request {
    /// A request with no body, headers or params.
    pub fn new(method: Method, path_and_query: &str) -> Self {
        let (path, query) = match path_and_query.split_once('?') {
            Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
            None => (path_and_query.to_owned(), None),
        };
        Self {
            method,
            path,
            query,
            headers: HeaderMap::new(),
            body: Bytes::new(),
            params: Vec::new(),
            remote_addr: None,
        }
    }

    /// The matched value of path parameter `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A header as a string, when present and valid.
    pub fn header(&self, name: impl http::header::AsHeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}
