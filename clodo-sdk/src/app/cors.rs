//! CORS: a browser page may call a domain only from the origins its
//! `settings.cors_origins` lists, compared exactly; preflights for other
//! origins get 403, and their answers carry no `Access-Control-*` headers.

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};

use super::Service;
use crate::error::ApiError;
use crate::http_types::{Request, Response};
use crate::route::Match;

impl Service {
    /// A CORS preflight: allowed only for the domain's own origins, and
    /// only for a method the path serves.
    pub(super) fn preflight(
        &self,
        req: &Request,
        origin: Option<&str>,
        asked: &str,
        rid: &str,
    ) -> Response {
        let Some(origin) = origin else {
            let shown = req.header(header::ORIGIN).unwrap_or("(none)");
            return ApiError::forbidden(format!(
                "origin {shown} may not call domain {} from a browser: \
                 add it to settings.cors_origins in domains/{}.toml",
                self.runtime.domain.name, self.runtime.domain.name
            ))
            .into_response(rid);
        };
        let allowed: Vec<&str> = match self.router.find(None, &req.path) {
            Match::MethodNotAllowed(allow) => allow,
            Match::Found(..) => Vec::new(),
            Match::NotFound | Match::BadPath(_) => {
                return ApiError::not_found(format!("no route matches {}", req.path))
                    .into_response(rid);
            }
        };
        let wanted = asked.trim().to_ascii_uppercase();
        if !allowed.iter().any(|m| *m == wanted) {
            return ApiError::method_not_allowed(&allowed).into_response(rid);
        }
        let mut r = http::Response::new(Bytes::new());
        *r.status_mut() = StatusCode::NO_CONTENT;
        cors_headers(&mut r, origin);
        let h = r.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&allowed.join(", ")) {
            h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, v);
        }
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("authorization, content-type, x-api-key"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        r
    }
}

/// What a response to an allowed browser origin carries.
pub(super) fn cors_headers(resp: &mut Response, origin: &str) {
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    h.append(header::VARY, HeaderValue::from_static("origin"));
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("x-request-id, location, retry-after"),
    );
}
