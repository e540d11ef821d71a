//! Errors a handler returns, rendered as RFC 9457 `application/problem+json`.

use std::fmt;

use http::{HeaderValue, StatusCode, header};
use serde::Serialize;

use crate::http_types::Response;

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One field-level problem, listed under `errors` in a problem document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FieldError {
    /// Where the problem is: a JSON path into the body (`lines[0].qty`), or a parameter name.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// The RFC 9457 problem document every error response carries.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The id of the request that failed; quote it when reporting a problem.
    pub instance: String,
    /// Field-level problems, when the request was invalid.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<FieldError>,
}

/// An error a handler (or the runtime) answers with.
///
/// Client errors carry a `detail` shown to the caller. Internal errors
/// (500) keep their cause for the log only: the caller sees a generic
/// message and the request id.
pub struct ApiError {
    status: StatusCode,
    slug: &'static str,
    detail: Option<String>,
    errors: Vec<FieldError>,
    headers: Vec<(header::HeaderName, HeaderValue)>,
    internal: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status.as_u16())
            .field("slug", &self.slug)
            .field("detail", &self.detail)
            .field("errors", &self.errors)
            .field("internal", &self.internal.as_ref().map(|e| e.to_string()))
            .finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.title())?;
        if let Some(d) = &self.detail {
            write!(f, ": {d}")?;
        }
        if let Some(e) = &self.internal {
            write!(f, " (cause: {e})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// An error with any status and a detail for the caller.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        let slug = slug_for(status);
        Self {
            status,
            slug,
            detail: Some(detail.into()),
            errors: Vec::new(),
            headers: Vec::new(),
            internal: None,
        }
    }

    /// 400: the request is malformed.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 401: no valid credentials.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
            .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))
    }

    /// 403: valid credentials without the needed permission.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }

    /// 404: nothing here.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, detail)
    }

    /// 409: conflicts with the current state (for example a duplicate).
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, detail)
    }

    /// 422: well-formed but invalid; list each field and what was wrong.
    pub fn unprocessable(detail: impl Into<String>, errors: Vec<FieldError>) -> Self {
        let mut e = Self::new(StatusCode::UNPROCESSABLE_ENTITY, detail);
        e.errors = errors;
        e
    }

    /// 405 with the `Allow` header.
    pub fn method_not_allowed(allow: &[&str]) -> Self {
        let allow = allow.join(", ");
        let detail = format!("this path supports: {allow}");
        let value = HeaderValue::from_str(&allow).unwrap_or(HeaderValue::from_static(""));
        Self::new(StatusCode::METHOD_NOT_ALLOWED, detail).with_header(header::ALLOW, value)
    }

    /// 413: the body is larger than `limit` bytes.
    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body exceeds the limit of {limit} bytes"),
        )
    }

    /// 415: the body's media type is not accepted.
    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, detail)
    }

    /// 429 with `Retry-After` in seconds.
    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("too many requests; retry in {retry_after_secs} s"),
        )
        .with_header(header::RETRY_AFTER, HeaderValue::from(retry_after_secs))
    }

    /// 503: a dependency (mailer, database) is unavailable.
    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, detail)
    }

    /// 500: the cause is logged with the request id, never shown to the caller.
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            slug: "internal",
            detail: None,
            errors: Vec::new(),
            headers: Vec::new(),
            internal: Some(cause.into()),
        }
    }

    /// Lists what is wrong, field by field, under `errors` (as a 422 does;
    /// a 409 may too).
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// Adds a response header.
    pub fn with_header(mut self, name: header::HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The detail shown to the caller, if any.
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// Field-level problems.
    pub fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The short title for this status.
    pub fn title(&self) -> &'static str {
        self.status.canonical_reason().unwrap_or("Error")
    }

    /// The problem document for this error, with `instance` = the request id.
    pub fn to_problem(&self, request_id: &str) -> Problem {
        let detail = if self.status.is_server_error() && self.internal.is_some() {
            Some(format!(
                "the server failed to handle this request; quote request id {request_id} when reporting it"
            ))
        } else {
            self.detail.clone()
        };
        Problem {
            kind: format!("https://clodo.dev/problems/{}", self.slug),
            title: self.title().to_owned(),
            status: self.status.as_u16(),
            detail,
            instance: request_id.to_owned(),
            errors: self.errors.clone(),
        }
    }

    /// Renders the response; logs the cause of server errors with the request id.
    pub fn into_response(self, request_id: &str) -> Response {
        if self.status.is_server_error() {
            match &self.internal {
                Some(cause) => {
                    tracing::error!(request_id, status = self.status.as_u16(), error = %cause, "request failed")
                }
                None => {
                    tracing::warn!(request_id, status = self.status.as_u16(), detail = ?self.detail, "request failed")
                }
            }
        }
        let problem = self.to_problem(request_id);
        let body = serde_json::to_vec(&problem).unwrap_or_else(|_| b"{}".to_vec());
        let mut resp = http::Response::new(bytes::Bytes::from(body));
        *resp.status_mut() = self.status;
        let h = resp.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        for (name, value) in self.headers {
            h.insert(name, value);
        }
        resp
    }
}

fn slug_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        408 => "request-timeout",
        409 => "conflict",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        421 => "misdirected-request",
        422 => "validation",
        429 => "rate-limited",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "error",
    }
}

/// `Retry-After` of the 503 a saturated database answers.
pub const DB_BUSY_RETRY_AFTER_SECS: u64 = 1;

impl From<crate::db::DbError> for ApiError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::Constraint(msg) => {
                ApiError::conflict(format!("the change conflicts with existing data ({msg})"))
            }
            crate::db::DbError::IntegerOutOfRange { .. } => ApiError::bad_request(e.to_string()),
            crate::db::DbError::Busy { .. } => {
                ApiError::unavailable("the service is busy; retry shortly").with_header(
                    header::RETRY_AFTER,
                    HeaderValue::from(DB_BUSY_RETRY_AFTER_SECS),
                )
            }
            other => ApiError::internal(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause() {
        let e = ApiError::internal(std::io::Error::other("disk on fire at /var/secret"));
        let p = e.to_problem("req-1");
        assert_eq!(p.status, 500);
        assert!(!p.detail.unwrap().contains("disk"));
        assert_eq!(p.instance, "req-1");
    }

    #[test]
    fn method_not_allowed_sets_allow() {
        let r = ApiError::method_not_allowed(&["GET", "POST"]).into_response("r");
        assert_eq!(r.status(), 405);
        assert_eq!(r.headers()[header::ALLOW], "GET, POST");
        assert_eq!(r.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
    }
}
