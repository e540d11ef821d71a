//! Handler arguments: `Path<T>`, `Query<T>`, `Json<T>`, `User`, `Option<User>`.

use std::fmt::Display;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::auth::User;
use crate::contract::OperationBuilder;
use crate::ctx::Ctx;
use crate::error::{ApiError, FieldError};
use crate::http_types::Request;
use crate::validate;

/// How a handler argument is taken from a request and described in the contract.
/// `#[clodo_block]` calls both for every argument except `&Ctx`.
pub trait Extractor: Sized {
    /// Takes the value from the request; `name` is the argument's name.
    fn extract(req: &Request, ctx: &Ctx, name: &'static str) -> Result<Self, ApiError>;
    /// Adds what this argument needs to the operation.
    fn describe(op: &mut OperationBuilder<'_>, name: &'static str);
}

/// A path parameter, named like the handler argument: `id: Path<i64>` takes `{id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Path<T>(pub T);

impl<T> std::ops::Deref for Path<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Path<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Extractor for Path<T>
where
    T: FromStr + JsonSchema,
    T::Err: Display,
{
    fn extract(req: &Request, _ctx: &Ctx, name: &'static str) -> Result<Self, ApiError> {
        let raw = req.param(name).ok_or_else(|| {
            ApiError::internal(format!("router matched no path parameter `{name}`"))
        })?;
        let value = raw.parse().map(Path).map_err(|e| {
            ApiError::bad_request(format!("path parameter `{name}` ({raw:?}) is invalid: {e}"))
        })?;
        let c = validate::checker::<T>();
        if c.has_rules {
            let errors = c.check(&validate::param_value(Some(c.root()), raw));
            if !errors.is_empty() {
                return Err(param_errors("path parameter", name, errors));
            }
        }
        Ok(value)
    }

    fn describe(op: &mut OperationBuilder<'_>, name: &'static str) {
        op.path_param::<T>(name);
    }
}

/// Query parameters deserialized into a struct `T` (each field is one
/// parameter) or into a map such as `BTreeMap<String, String>` (any names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Query<T>(pub T);

impl<T> std::ops::Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Query<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + JsonSchema> Extractor for Query<T> {
    fn extract(req: &Request, _ctx: &Ctx, _name: &'static str) -> Result<Self, ApiError> {
        let q = req.query.as_deref().unwrap_or("");
        let de = serde_urlencoded::Deserializer::new(form_urlencoded_parse(q));
        let value = serde_path_to_error::deserialize(de)
            .map(Query)
            .map_err(|e| {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if path == "." || path.is_empty() {
                    ApiError::bad_request(format!("invalid query string: {inner}"))
                } else {
                    ApiError::bad_request(format!("query parameter `{path}` is invalid: {inner}"))
                }
            })?;
        let c = validate::checker::<T>();
        if c.has_rules {
            let mut params = serde_json::Map::new();
            for (k, v) in form_urlencoded_parse(q) {
                let schema = c.property(&k);
                params.insert(k.into_owned(), validate::param_value(schema, &v));
            }
            let errors = c.check(&serde_json::Value::Object(params));
            if let Some(first) = errors.first() {
                let name = first.field.clone();
                return Err(param_errors("query parameter", &name, errors));
            }
        }
        Ok(value)
    }

    fn describe(op: &mut OperationBuilder<'_>, name: &'static str) {
        op.query::<T>(name);
    }
}

/// 400 for parameters that break a declared rule, listing each.
fn param_errors(what: &str, name: &str, mut errors: Vec<FieldError>) -> ApiError {
    for e in &mut errors {
        if e.field.is_empty() {
            e.field = name.to_owned();
        }
    }
    let first = errors
        .first()
        .map(|e| format!("{what} `{}` {}", e.field, e.message))
        .unwrap_or_default();
    ApiError::bad_request(first).with_errors(errors)
}

fn form_urlencoded_parse(q: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(q.as_bytes())
}

/// A JSON request body (as an argument) or a 200 JSON response (as a return value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Json<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

/// Whether a `Content-Type` value names JSON (`application/json` or `+json`).
pub(crate) fn is_json_media_type(ct: &str) -> bool {
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

impl<T: DeserializeOwned + JsonSchema> Extractor for Json<T> {
    fn extract(req: &Request, _ctx: &Ctx, _name: &'static str) -> Result<Self, ApiError> {
        match req.header(http::header::CONTENT_TYPE) {
            Some(ct) if is_json_media_type(ct) => {}
            Some(ct) => {
                return Err(ApiError::unsupported_media_type(format!(
                    "expected a JSON body (Content-Type: application/json), got `{ct}`"
                )));
            }
            None => {
                return Err(ApiError::unsupported_media_type(
                    "expected a JSON body; set Content-Type: application/json",
                ));
            }
        }
        if req.body.is_empty() {
            return Err(ApiError::bad_request(
                "the request body is empty; expected JSON",
            ));
        }
        let mut de = serde_json::Deserializer::from_slice(&req.body);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if inner.is_syntax() || inner.is_eof() || path == "." {
                ApiError::bad_request(format!(
                    "the body is not valid JSON for this operation: {inner}"
                ))
            } else {
                ApiError::bad_request(format!("body field `{path}` is invalid: {inner}"))
            }
        })?;
        de.end().map_err(|e| {
            ApiError::bad_request(format!("trailing data after the JSON body: {e}"))
        })?;
        let c = validate::checker::<T>();
        if let Some(bug) = c.broken() {
            return Err(ApiError::internal(format!(
                "the body schema is broken: {bug}"
            )));
        }
        if c.has_rules {
            let raw: serde_json::Value = serde_json::from_slice(&req.body)
                .map_err(|e| ApiError::bad_request(format!("the body is not valid JSON: {e}")))?;
            let mut errors = c.check(&raw);
            if !errors.is_empty() {
                for e in &mut errors {
                    if e.field.is_empty() {
                        e.field = "body".into();
                    }
                }
                let n = errors.len();
                return Err(ApiError::unprocessable(
                    format!(
                        "{n} {} of the body {} the contract's rules",
                        if n == 1 { "field" } else { "fields" },
                        if n == 1 { "breaks" } else { "break" }
                    ),
                    errors,
                ));
            }
        }
        Ok(Json(value))
    }

    fn describe(op: &mut OperationBuilder<'_>, _name: &'static str) {
        op.json_body::<T>();
    }
}

impl Extractor for User {
    fn extract(_req: &Request, ctx: &Ctx, _name: &'static str) -> Result<Self, ApiError> {
        ctx.user()
            .cloned()
            .ok_or_else(|| ApiError::unauthorized("this route requires a signed-in user"))
    }

    fn describe(_op: &mut OperationBuilder<'_>, _name: &'static str) {}
}

impl Extractor for Option<User> {
    /// On public routes a credential is optional and a bad one counts as none.
    fn extract(_req: &Request, ctx: &Ctx, _name: &'static str) -> Result<Self, ApiError> {
        Ok(ctx.user().cloned())
    }

    fn describe(_op: &mut OperationBuilder<'_>, _name: &'static str) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_types() {
        assert!(is_json_media_type("application/json"));
        assert!(is_json_media_type("Application/JSON; charset=utf-8"));
        assert!(is_json_media_type("application/merge-patch+json"));
        assert!(!is_json_media_type("text/plain"));
        assert!(!is_json_media_type("application/x-www-form-urlencoded"));
    }
}
