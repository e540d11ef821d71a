//! `HEAD` is served wherever `GET` is (RFC 9110 §9.3.2): the router matches
//! a HEAD request as a GET (and lists `HEAD` beside every `GET` in `Allow`),
//! the handler runs as for a GET, and the body is dropped here. The OpenAPI
//! contract describes the GET only: HEAD is implied by HTTP for every GET,
//! so no separate `head` operation is listed.

use bytes::Bytes;
use http::{HeaderValue, header};

use crate::http_types::Response;

/// The answer to a HEAD request: the GET's status and headers, with
/// `Content-Length` of the body it leaves out.
pub(super) fn without_body(resp: Response) -> Response {
    let (mut parts, body) = resp.into_parts();
    if !parts.headers.contains_key(header::CONTENT_LENGTH) {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    }
    http::Response::from_parts(parts, Bytes::new())
}
