//! What handlers return: `Json<T>` (200), `Created<T>` (201 + `Location`),
//! `NoContent` (204), `WithStatus<CODE, T>` (any status), `Html` (200
//! `text/html`), each alone or in `Result<_, ApiError>`.

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use schemars::JsonSchema;
use serde::Serialize;

use crate::contract::{OperationBuilder, ResponseDoc};
use crate::error::ApiError;
use crate::extract::Json;
use crate::http_types::Response;
use crate::route::HandlerResult;

/// A success value that can become a response and describe itself in the contract.
pub trait IntoResponse {
    /// Builds the response (serialization failures are internal errors).
    fn into_response(self) -> Result<Response, ApiError>;
    /// Adds the success response to the operation.
    fn describe(op: &mut OperationBuilder<'_>);
}

/// What a handler's return type must implement: a success type, or
/// `Result<success, ApiError>`.
pub trait HandlerOutput {
    /// Converts the handler's value.
    fn into_result(self) -> HandlerResult;
    /// Adds the responses to the operation.
    fn describe(op: &mut OperationBuilder<'_>);
}

impl<T: IntoResponse> HandlerOutput for Result<T, ApiError> {
    fn into_result(self) -> HandlerResult {
        self.and_then(IntoResponse::into_response)
    }
    fn describe(op: &mut OperationBuilder<'_>) {
        T::describe(op);
    }
}

macro_rules! output_is_response {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($g)*> HandlerOutput for $t {
            fn into_result(self) -> HandlerResult {
                IntoResponse::into_response(self)
            }
            fn describe(op: &mut OperationBuilder<'_>) {
                <Self as IntoResponse>::describe(op);
            }
        }
    )*};
}

output_is_response!(
    [T: Serialize + JsonSchema] Json<T>,
    [T: Serialize + JsonSchema] Created<T>,
    [] NoContent,
    [const CODE: u16, T: Serialize + JsonSchema] WithStatus<CODE, T>,
    [] Html,
);

/// 200 with an HTML page (`text/html; charset=utf-8`); the contract
/// describes it as a `text/html` string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Html(pub String);

impl IntoResponse for Html {
    fn into_response(self) -> Result<Response, ApiError> {
        let mut resp = http::Response::new(Bytes::from(self.0));
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        Ok(resp)
    }
    fn describe(op: &mut OperationBuilder<'_>) {
        op.text_response(
            ResponseDoc {
                status: 200,
                description: "An HTML page.",
                location: false,
            },
            "text/html",
        );
    }
}
fn json_response(status: StatusCode, value: &impl Serialize) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(value).map_err(ApiError::internal)?;
    let mut resp = http::Response::new(Bytes::from(body));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(resp)
}

impl<T: Serialize + JsonSchema> IntoResponse for Json<T> {
    fn into_response(self) -> Result<Response, ApiError> {
        json_response(StatusCode::OK, &self.0)
    }
    fn describe(op: &mut OperationBuilder<'_>) {
        op.json_response::<T>(ResponseDoc {
            status: 200,
            description: "OK",
            location: false,
        });
    }
}

/// 201 Created with a `Location` header and the created resource as JSON.
///
/// A location starting with `/` is relative to the block: the runtime
/// prefixes it with the block's mount point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created<T> {
    /// Where the new resource lives.
    pub location: String,
    /// The resource.
    pub body: T,
}

impl<T> Created<T> {
    /// A 201 response for `body`, found at `location`.
    pub fn new(location: impl Into<String>, body: T) -> Self {
        Self {
            location: location.into(),
            body,
        }
    }
}

impl<T: Serialize + JsonSchema> IntoResponse for Created<T> {
    fn into_response(self) -> Result<Response, ApiError> {
        let mut resp = json_response(StatusCode::CREATED, &self.body)?;
        let loc = HeaderValue::from_str(&self.location)
            .map_err(|_| ApiError::internal(format!("invalid Location {:?}", self.location)))?;
        resp.headers_mut().insert(header::LOCATION, loc);
        Ok(resp)
    }
    fn describe(op: &mut OperationBuilder<'_>) {
        op.json_response::<T>(ResponseDoc {
            status: 201,
            description: "Created",
            location: true,
        });
    }
}

/// 204 No Content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoContent;

impl IntoResponse for NoContent {
    fn into_response(self) -> Result<Response, ApiError> {
        let mut resp = http::Response::new(Bytes::new());
        *resp.status_mut() = StatusCode::NO_CONTENT;
        Ok(resp)
    }
    fn describe(op: &mut OperationBuilder<'_>) {
        op.empty_response(ResponseDoc {
            status: 204,
            description: "No Content",
            location: false,
        });
    }
}

/// A JSON body with a fixed status known to the contract: `WithStatus<202, Receipt>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithStatus<const CODE: u16, T>(pub T);

impl<const CODE: u16, T: Serialize + JsonSchema> IntoResponse for WithStatus<CODE, T> {
    fn into_response(self) -> Result<Response, ApiError> {
        let status = StatusCode::from_u16(CODE)
            .map_err(|_| ApiError::internal(format!("invalid status code {CODE}")))?;
        json_response(status, &self.0)
    }
    fn describe(op: &mut OperationBuilder<'_>) {
        op.json_response::<T>(ResponseDoc {
            status: CODE,
            description: match http::StatusCode::from_u16(CODE) {
                Ok(s) => match s.canonical_reason() {
                    Some(reason) => reason,
                    None => "Success",
                },
                Err(_) => "Success",
            },
            location: false,
        });
    }
}
