//! Requests and responses between the Workers runtime (`web_sys`) and the
//! SDK's transport-independent types.

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use worker::web_sys;

use crate::error::ApiError;
use crate::http_types::{Request, Response};

/// Splits a request URL into its path and query (without `?` or fragment).
pub(crate) fn split_url(url: &str) -> (String, Option<String>) {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path_and_more = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let without_fragment = path_and_more
        .split_once('#')
        .map_or(path_and_more, |(p, _)| p);
    match without_fragment.split_once('?') {
        Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
        None => (without_fragment.to_owned(), None),
    }
}

fn js_message(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}

fn headers_of(req: &web_sys::Request) -> HeaderMap {
    let mut map = HeaderMap::new();
    let Ok(Some(iter)) = js_sys::try_iter(&req.headers()) else {
        return map;
    };
    for entry in iter.flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            continue;
        };
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            map.append(n, v);
        }
    }
    map
}

/// Bytes read and thrown away after a streamed body passes the limit, so the
/// client finishes sending and reads the 413 (as the native server does).
const DRAIN_LIMIT: usize = 8 * 1024 * 1024;

/// Reads the body, at most `limit` bytes: a declared or streamed body past
/// the limit is a 413.
async fn read_body(req: &web_sys::Request, limit: usize) -> Result<Bytes, ApiError> {
    let declared = req
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    let declared_over = declared.is_some_and(|n| n > limit as u64);
    if declared.is_some_and(|n| n > DRAIN_LIMIT as u64) {
        return Err(ApiError::payload_too_large(limit));
    }
    let Some(stream) = req.body() else {
        return if declared_over {
            Err(ApiError::payload_too_large(limit))
        } else {
            Ok(Bytes::new())
        };
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let unreadable = |e: JsValue| {
        ApiError::bad_request(format!(
            "could not read the request body: {}",
            js_message(&e)
        ))
    };
    // A body declared too large is read and dropped too: answering before
    // the client has sent it can reset the connection under the client.
    let mut buf = Vec::with_capacity(if declared_over {
        0
    } else {
        declared.map_or(0, |n| n as usize)
    });
    let mut drained = 0usize;
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(unreadable)?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(unreadable)?
            .is_truthy();
        if done {
            break;
        }
        let value: Uint8Array = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(unreadable)?
            .unchecked_into();
        let len = value.length() as usize;
        if declared_over || drained > 0 || buf.len() + len > limit {
            drained += len;
            buf.clear();
            if drained > DRAIN_LIMIT {
                let _ = reader.cancel();
                break;
            }
            continue;
        }
        let start = buf.len();
        buf.resize(start + len, 0);
        value.copy_to(&mut buf[start..]);
    }
    if declared_over || drained > 0 {
        return Err(ApiError::payload_too_large(limit));
    }
    Ok(Bytes::from(buf))
}

/// The SDK request for a Workers request; the client address comes from
/// `CF-Connecting-IP`. Nothing here routes by `Host`: a Worker serves one
/// domain, chosen by the edge from the request URL's own host, so the host
/// ambiguities of RFC 9112 §3.2 that the native server refuses (two `Host`
/// headers, absolute-form targets; see `native::hosts`) cannot reach
/// another domain's data.
pub(crate) async fn from_js(req: &web_sys::Request, limit: usize) -> Result<Request, ApiError> {
    let method = Method::from_bytes(req.method().as_bytes())
        .map_err(|_| ApiError::bad_request("the request method is not valid"))?;
    let (path, query) = split_url(&req.url());
    let headers = headers_of(req);
    let remote_addr = headers
        .get("cf-connecting-ip")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let body = if method == Method::GET || method == Method::HEAD {
        Bytes::new()
    } else {
        read_body(req, limit).await?
    };
    Ok(Request {
        method,
        path,
        query,
        headers,
        body,
        params: Vec::new(),
        remote_addr,
    })
}

/// The Workers response for an SDK response.
pub(crate) fn into_js(resp: Response) -> Result<web_sys::Response, JsValue> {
    let (parts, body) = resp.into_parts();
    let headers = web_sys::Headers::new()?;
    for (name, value) in &parts.headers {
        if let Ok(v) = value.to_str() {
            headers.append(name.as_str(), v)?;
        }
    }
    let init = web_sys::ResponseInit::new();
    init.set_status(parts.status.as_u16());
    init.set_headers(&headers);
    let null_body = matches!(parts.status.as_u16(), 101 | 204 | 205 | 304);
    if null_body || body.is_empty() {
        web_sys::Response::new_with_opt_u8_array_and_init(None, &init)
    } else {
        let array = Uint8Array::new_with_length(body.len() as u32);
        array.copy_from(&body);
        web_sys::Response::new_with_opt_buffer_source_and_init(Some(&array), &init)
    }
}
