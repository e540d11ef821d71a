//! Which domain answers a request: the native server hosts several domains
//! in one process and picks one by the `Host` header. A host that no domain
//! claims gets 421 Misdirected Request, never another domain's data.

use std::collections::HashMap;
use std::sync::Arc;

use http::{HeaderMap, HeaderValue, StatusCode, Uri, Version};

use crate::app::Service;
use crate::error::ApiError;
use crate::http_types::Response;

/// Requests whose `Host` names no domain go to…
#[derive(Debug, Clone)]
enum Fallback {
    /// …this service, whatever the host (one domain served, as before domains).
    Any(Arc<Service>),
    /// …this service when the host is an IP address or `localhost` (so
    /// `curl 127.0.0.1:8787` reaches the default domain); others get 421.
    Loopback(Arc<Service>),
    /// …nobody: 421.
    Refuse,
}

/// Domains by host name.
#[derive(Debug, Clone)]
pub struct HostRouter {
    by_host: HashMap<String, Arc<Service>>,
    fallback: Fallback,
}

impl Default for HostRouter {
    fn default() -> Self {
        Self::new()
    }
}

impl HostRouter {
    /// No domains yet; unknown hosts are refused.
    pub fn new() -> Self {
        Self {
            by_host: HashMap::new(),
            fallback: Fallback::Refuse,
        }
    }

    /// One domain that answers every request, whatever its `Host`.
    pub fn single(service: Arc<Service>) -> Self {
        Self {
            by_host: HashMap::new(),
            fallback: Fallback::Any(service),
        }
    }

    /// Routes each of `hosts` to `service`. A host already claimed by
    /// another domain is an error naming both.
    pub fn add(&mut self, hosts: &[String], service: &Arc<Service>) -> Result<(), String> {
        for h in hosts {
            let key = normalize_host(h);
            if let Some(other) = self.by_host.get(&key)
                && !Arc::ptr_eq(other, service)
            {
                return Err(format!(
                    "host {key} is claimed by domains {} and {}: give each its own hostnames",
                    other.runtime().domain.name,
                    service.runtime().domain.name
                ));
            }
            self.by_host.insert(key, Arc::clone(service));
        }
        Ok(())
    }

    /// Requests for an IP address or `localhost` go to `service`.
    pub fn set_loopback_default(&mut self, service: Arc<Service>) {
        self.fallback = Fallback::Loopback(service);
    }

    /// The service for a `Host` header value (port ignored, case-insensitive).
    pub fn resolve(&self, host: Option<&str>) -> Option<&Arc<Service>> {
        // One domain for every host: no need to look at it (every request of
        // a single-domain server comes through here).
        if let (true, Fallback::Any(s)) = (self.by_host.is_empty(), &self.fallback) {
            return Some(s);
        }
        let key = host.map(normalize_host);
        if let Some(s) = key.as_deref().and_then(|k| self.by_host.get(k)) {
            return Some(s);
        }
        match &self.fallback {
            Fallback::Any(s) => Some(s),
            Fallback::Loopback(s) if key.as_deref().is_none_or(is_ip_or_localhost) => Some(s),
            Fallback::Loopback(_) | Fallback::Refuse => None,
        }
    }

    /// The hosts served, sorted.
    pub fn hosts(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.by_host.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// The 421 for a host no domain claims (problem+json). It names no other
    /// domain (that would tell any caller which tenants the server hosts);
    /// the hosts served go to the log instead.
    pub fn misdirected(&self, host: Option<&str>) -> Response {
        let rid = standalone_request_id("host");
        let shown = host.map_or_else(|| "(no Host header)".to_owned(), normalize_host);
        tracing::warn!(
            request_id = rid.as_str(),
            host = shown.as_str(),
            served = self.hosts().join(", "),
            "421: no domain is served at this host"
        );
        problem(
            ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                format!("no domain is served at host {shown}"),
            ),
            &rid,
        )
    }
}

/// A request id for an answer given before any domain is chosen.
pub(crate) fn standalone_request_id(tag: &str) -> String {
    let mut raw = [0u8; 4];
    let _ = getrandom::fill(&mut raw);
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    format!("req-{hex}-{tag}")
}

/// `err` as problem+json with `rid` as its request id.
pub(crate) fn problem(err: ApiError, rid: &str) -> Response {
    let mut resp = err.into_response(rid);
    if let Ok(v) = HeaderValue::from_str(rid) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// The host a request is for, by RFC 9112 §3.2: 400 for more than one
/// `Host` header, an invalid one, or an HTTP/1.1 request without one; an
/// absolute-form target (`GET http://shop.example/menu`) is routed by its
/// own authority, whatever `Host` says. `None`: HTTP/1.0 without a host.
pub(crate) fn request_host<'a>(
    headers: &'a HeaderMap,
    uri: &'a Uri,
    version: Version,
) -> Result<Option<&'a str>, ApiError> {
    let mut values = headers.get_all(http::header::HOST).iter();
    let host = values.next();
    if values.next().is_some() {
        return Err(ApiError::bad_request(
            "the request has more than one Host header (RFC 9112 §3.2)",
        ));
    }
    let host = match host {
        None => None,
        Some(v) => {
            let text = v
                .to_str()
                .ok()
                .filter(|t| !t.contains('@') && t.parse::<http::uri::Authority>().is_ok())
                .ok_or_else(|| {
                    ApiError::bad_request("the Host header is not a valid host (RFC 9112 §3.2)")
                })?;
            Some(text)
        }
    };
    if host.is_none() && version >= Version::HTTP_11 {
        return Err(ApiError::bad_request(
            "an HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)",
        ));
    }
    // Absolute form: the target's authority wins, Host is ignored (§3.2.2).
    Ok(uri.host().or(host))
}

/// Lower-case, without port or trailing dot; IPv6 literals keep their brackets.
pub(crate) fn normalize_host(raw: &str) -> String {
    let h = raw.trim();
    let h = if h.starts_with('[') {
        h.split_once(']').map_or(h, |(a, _)| a).to_owned() + "]"
    } else {
        match h.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name.to_owned(),
            _ => h.to_owned(),
        }
    };
    h.trim_end_matches('.').to_ascii_lowercase()
}

fn is_ip_or_localhost(host: &str) -> bool {
    host == "localhost"
        || host.parse::<std::net::IpAddr>().is_ok()
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| h.parse::<std::net::Ipv6Addr>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_normalized() {
        assert_eq!(normalize_host("Shop.Example.com:8787"), "shop.example.com");
        assert_eq!(normalize_host("shop.example.com."), "shop.example.com");
        assert_eq!(normalize_host("[::1]:8787"), "[::1]");
        assert_eq!(normalize_host("127.0.0.1"), "127.0.0.1");
        assert!(is_ip_or_localhost("127.0.0.1"));
        assert!(is_ip_or_localhost("[::1]"));
        assert!(is_ip_or_localhost("localhost"));
        assert!(!is_ip_or_localhost("shop.localhost"));
    }

    fn host_of(raw_hosts: &[&str], target: &str, version: Version) -> Result<Option<String>, u16> {
        let mut headers = HeaderMap::new();
        for h in raw_hosts {
            headers.append(http::header::HOST, HeaderValue::from_str(h).unwrap());
        }
        let uri: Uri = target.parse().unwrap();
        request_host(&headers, &uri, version)
            .map(|h| h.map(str::to_owned))
            .map_err(|e| e.status().as_u16())
    }

    #[test]
    fn ambiguous_hosts_are_refused_and_absolute_targets_win() {
        let v11 = Version::HTTP_11;
        assert_eq!(
            host_of(&["a.example"], "/x", v11),
            Ok(Some("a.example".into()))
        );
        assert_eq!(host_of(&["a.example", "b.example"], "/x", v11), Err(400));
        assert_eq!(host_of(&["a.example", "a.example"], "/x", v11), Err(400));
        assert_eq!(host_of(&[], "/x", v11), Err(400));
        assert_eq!(host_of(&[], "/x", Version::HTTP_10), Ok(None));
        assert_eq!(host_of(&["a b"], "/x", v11), Err(400));
        assert_eq!(host_of(&["user@a.example"], "/x", v11), Err(400));
        assert_eq!(
            host_of(&["a.example"], "http://b.example:8787/x", v11),
            Ok(Some("b.example".into()))
        );
        assert_eq!(host_of(&[], "http://b.example/x", v11), Err(400));
    }
}
