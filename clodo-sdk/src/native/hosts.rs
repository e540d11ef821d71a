//! Which domain answers a request: the native server hosts several domains
//! in one process and picks one by the `Host` header. A host that no domain
//! claims gets 421 Misdirected Request, never another domain's data.

use std::collections::HashMap;
use std::sync::Arc;

use http::{HeaderValue, StatusCode};

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

    /// The 421 for a host no domain claims (problem+json, listing the hosts served).
    pub fn misdirected(&self, host: Option<&str>) -> Response {
        let mut raw = [0u8; 4];
        let _ = getrandom::fill(&mut raw);
        let rid: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        let rid = format!("req-{rid}-host");
        let shown = host.map_or_else(|| "(no Host header)".to_owned(), normalize_host);
        let mut resp = ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "no domain is served at host {shown}; this server serves: {}",
                self.hosts().join(", ")
            ),
        )
        .into_response(&rid);
        if let Ok(v) = HeaderValue::from_str(&rid) {
            resp.headers_mut().insert("x-request-id", v);
        }
        resp
    }
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
}
