//! Describing one operation: what the macro-emitted `describe` functions call.

use indexmap::IndexMap;
use openapiv3::{
    Header, MediaType, Operation, Parameter, ParameterData, ParameterSchemaOrContent, ReferenceOr,
    RequestBody, Response, Schema, SecurityRequirement, StatusCode,
};
use schemars::{JsonSchema, generate::SchemaGenerator};

use super::{API_KEY_SCHEME, BEARER_SCHEME};
use crate::error::PROBLEM_JSON;
use crate::route::Access;

/// Documentation of a response a handler's output type contributes.
#[derive(Debug, Clone, Copy)]
pub struct ResponseDoc {
    /// Status code.
    pub status: u16,
    /// Description.
    pub description: &'static str,
    /// Whether a `Location` header is sent.
    pub location: bool,
}

/// Builds one operation of the contract. The code `#[clodo_block]` emits
/// calls this for the handler's docs, each argument and the output type.
pub struct OperationBuilder<'a> {
    op: &'a mut Operation,
    generator: &'a mut SchemaGenerator,
    problems: &'a mut Vec<String>,
    operation_id: &'static str,
    has_input: bool,
    has_body: bool,
    has_path_params: bool,
}

impl std::fmt::Debug for OperationBuilder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperationBuilder")
            .field("operation_id", &self.operation_id)
            .finish_non_exhaustive()
    }
}

fn to_openapi(
    schema: schemars::Schema,
    problems: &mut Vec<String>,
    place: &str,
) -> ReferenceOr<Schema> {
    match serde_json::from_value(schema.to_value()) {
        Ok(s) => s,
        Err(e) => {
            problems.push(format!("{place}: schema is not valid OpenAPI 3.0: {e}"));
            ReferenceOr::Item(Schema {
                schema_data: Default::default(),
                schema_kind: openapiv3::SchemaKind::Any(Default::default()),
            })
        }
    }
}

pub(crate) fn problem_schema_ref(
    generator: &mut SchemaGenerator,
    problems: &mut Vec<String>,
) -> ReferenceOr<Schema> {
    let s = generator.subschema_for::<crate::error::Problem>();
    to_openapi(s, problems, "Problem")
}

impl<'a> OperationBuilder<'a> {
    pub(crate) fn new(
        op: &'a mut Operation,
        generator: &'a mut SchemaGenerator,
        problems: &'a mut Vec<String>,
        operation_id: &'static str,
    ) -> Self {
        Self {
            op,
            generator,
            problems,
            operation_id,
            has_input: false,
            has_body: false,
            has_path_params: false,
        }
    }

    /// The operation's summary (first paragraph of the handler's docs).
    pub fn summary(&mut self, text: &str) {
        self.op.summary = Some(text.to_owned());
    }

    /// The operation's description (the rest of the docs).
    pub fn description(&mut self, text: &str) {
        self.op.description = Some(text.to_owned());
    }

    /// The contract schema of `T`: a `$ref` for named types, inline otherwise.
    pub fn schema_for<T: JsonSchema + ?Sized>(&mut self) -> ReferenceOr<Schema> {
        let mut s = self.generator.subschema_for::<T>();
        for t in self.generator.transforms_mut() {
            t.transform(&mut s);
        }
        let place = format!("operation `{}`", self.operation_id);
        to_openapi(s, self.problems, &place)
    }

    /// A required path parameter.
    pub fn path_param<T: JsonSchema + ?Sized>(&mut self, name: &str) {
        self.has_input = true;
        self.has_path_params = true;
        let schema = self.schema_for::<T>();
        self.op.parameters.push(ReferenceOr::Item(Parameter::Path {
            parameter_data: param_data(name, true, None, schema),
            style: Default::default(),
        }));
    }

    /// One query parameter per field of the struct `T`.
    pub fn query_params<T: JsonSchema>(&mut self) {
        self.query::<T>("query");
    }

    /// The query string as `T`: one parameter per field of a struct, or, for
    /// a map (`BTreeMap<String, String>`), one free-form parameter `name`
    /// (form style, exploded: each key is a parameter of its own).
    pub fn query<T: JsonSchema>(&mut self, name: &str) {
        self.has_input = true;
        let mut s = T::json_schema(self.generator);
        for t in self.generator.transforms_mut() {
            t.transform(&mut s);
        }
        let required: Vec<String> = s
            .get("required")
            .and_then(|r| r.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let is_map = s.get("properties").is_none() && s.get("additionalProperties").is_some();
        if is_map {
            let place = format!("operation `{}` query `{name}`", self.operation_id);
            let schema = to_openapi(s, self.problems, &place);
            self.op.parameters.push(ReferenceOr::Item(Parameter::Query {
                parameter_data: ParameterData {
                    explode: Some(true),
                    ..param_data(name, false, None, schema)
                },
                allow_reserved: false,
                style: openapiv3::QueryStyle::Form,
                allow_empty_value: None,
            }));
            return;
        }
        let Some(props) = s.get("properties").and_then(|p| p.as_object()).cloned() else {
            self.problems.push(format!(
                "operation `{}`: Query<{}> must be a struct with named fields",
                self.operation_id,
                T::schema_name()
            ));
            return;
        };
        for (name, mut prop) in props {
            let description = prop
                .as_object_mut()
                .and_then(|o| o.remove("description"))
                .and_then(|d| d.as_str().map(str::to_owned));
            let place = format!("operation `{}` query `{name}`", self.operation_id);
            let schema = match schemars::Schema::try_from(prop) {
                Ok(s) => to_openapi(s, self.problems, &place),
                Err(e) => {
                    self.problems.push(format!("{place}: {e}"));
                    continue;
                }
            };
            let is_required = required.contains(&name);
            self.op.parameters.push(ReferenceOr::Item(Parameter::Query {
                parameter_data: param_data(&name, is_required, description, schema),
                allow_reserved: false,
                style: Default::default(),
                allow_empty_value: None,
            }));
        }
    }

    /// A required JSON request body of type `T`.
    pub fn json_body<T: JsonSchema + ?Sized>(&mut self) {
        self.has_input = true;
        self.has_body = true;
        let schema = self.schema_for::<T>();
        let mut content = IndexMap::new();
        content.insert(
            "application/json".to_owned(),
            MediaType {
                schema: Some(schema),
                ..MediaType::default()
            },
        );
        self.op.request_body = Some(ReferenceOr::Item(RequestBody {
            content,
            required: true,
            ..RequestBody::default()
        }));
    }

    /// A success response with a JSON body of type `T`.
    pub fn json_response<T: JsonSchema + ?Sized>(&mut self, doc: ResponseDoc) {
        let schema = self.schema_for::<T>();
        let mut content = IndexMap::new();
        content.insert(
            "application/json".to_owned(),
            MediaType {
                schema: Some(schema),
                ..MediaType::default()
            },
        );
        self.insert_response(doc, content);
    }

    /// A success response whose body is text of `media_type` (`text/html`).
    pub fn text_response(&mut self, doc: ResponseDoc, media_type: &str) {
        let mut content = IndexMap::new();
        content.insert(
            media_type.to_owned(),
            MediaType {
                schema: Some(ReferenceOr::Item(string_schema())),
                ..MediaType::default()
            },
        );
        self.insert_response(doc, content);
    }

    /// A success response without a body.
    pub fn empty_response(&mut self, doc: ResponseDoc) {
        self.insert_response(doc, IndexMap::new());
    }

    fn insert_response(&mut self, doc: ResponseDoc, content: IndexMap<String, MediaType>) {
        let mut headers = IndexMap::new();
        if doc.location {
            headers.insert(
                "Location".to_owned(),
                ReferenceOr::Item(Header {
                    description: Some("Where the created resource lives.".to_owned()),
                    style: Default::default(),
                    required: true,
                    deprecated: None,
                    format: ParameterSchemaOrContent::Schema(ReferenceOr::Item(string_schema())),
                    example: None,
                    examples: Default::default(),
                    extensions: Default::default(),
                }),
            );
        }
        self.op.responses.responses.insert(
            StatusCode::Code(doc.status),
            ReferenceOr::Item(Response {
                description: doc.description.to_owned(),
                headers,
                content,
                ..Response::default()
            }),
        );
    }

    pub(crate) fn finish(self, access: Access, problem: &ReferenceOr<Schema>, api_keys: bool) {
        let mut add = |status: u16, description: &str| {
            self.op
                .responses
                .responses
                .entry(StatusCode::Code(status))
                .or_insert_with(|| problem_response(description, problem));
        };
        if self.has_input {
            add(
                400,
                "The request is malformed: a parameter or the body does not parse.",
            );
        }
        match access {
            Access::Public => {}
            Access::Authenticated => {
                add(401, "No valid bearer token of this domain.");
            }
            Access::Roles(_) => {
                add(401, "No valid bearer token of this domain.");
                add(403, "The principal lacks the required role.");
            }
        }
        if self.has_path_params {
            add(404, "No such resource.");
        }
        if self.has_body {
            add(413, "The body exceeds the size limit.");
            add(415, "The body is not `application/json`.");
        }
        self.op.responses.default = Some(problem_response(
            "Any other error, as RFC 9457 problem details.",
            problem,
        ));
        match access {
            Access::Public => self.op.security = Some(Vec::new()),
            Access::Authenticated | Access::Roles(_) => {
                let mut bearer = SecurityRequirement::new();
                bearer.insert(BEARER_SCHEME.to_owned(), Vec::new());
                let mut alternatives = vec![bearer];
                if api_keys {
                    let mut key = SecurityRequirement::new();
                    key.insert(API_KEY_SCHEME.to_owned(), Vec::new());
                    alternatives.push(key);
                }
                self.op.security = Some(alternatives);
            }
        }
        if let Access::Roles(roles) = access {
            self.op.extensions.insert(
                "x-clodo-roles".to_owned(),
                serde_json::Value::from(roles.to_vec()),
            );
            let note = format!("Requires role: {}.", roles.join(" or "));
            self.op.description = Some(match self.op.description.take() {
                Some(d) => format!("{d}\n\n{note}"),
                None => note,
            });
        }
    }
}

fn param_data(
    name: &str,
    required: bool,
    description: Option<String>,
    schema: ReferenceOr<Schema>,
) -> ParameterData {
    ParameterData {
        name: name.to_owned(),
        description,
        required,
        deprecated: None,
        format: ParameterSchemaOrContent::Schema(schema),
        example: None,
        examples: Default::default(),
        explode: None,
        extensions: Default::default(),
    }
}

fn string_schema() -> Schema {
    Schema {
        schema_data: Default::default(),
        schema_kind: openapiv3::SchemaKind::Type(openapiv3::Type::String(Default::default())),
    }
}

fn problem_response(description: &str, problem: &ReferenceOr<Schema>) -> ReferenceOr<Response> {
    let mut content = IndexMap::new();
    content.insert(
        PROBLEM_JSON.to_owned(),
        MediaType {
            schema: Some(problem.clone()),
            ..MediaType::default()
        },
    );
    ReferenceOr::Item(Response {
        description: description.to_owned(),
        content,
        ..Response::default()
    })
}
