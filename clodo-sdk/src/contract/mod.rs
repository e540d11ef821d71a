//! The OpenAPI 3.0.3 contract of what a router serves, built from the same
//! route definitions the router is built from.

mod builder;
mod docs;

use openapiv3::{
    Components, Info, OpenAPI, Operation, PathItem, Paths, ReferenceOr, SecurityScheme, Server, Tag,
};
use schemars::generate::{SchemaGenerator, SchemaSettings};

pub use builder::{OperationBuilder, ResponseDoc};
pub use docs::render_docs_html;

use crate::route::{Access, Method, Placed};

/// Name of the bearer-token security scheme in every contract.
pub const BEARER_SCHEME: &str = "bearerAuth";
/// Name of the API-key security scheme (present when the auth block is mounted).
pub const API_KEY_SCHEME: &str = "apiKeyAuth";

/// Why a contract could not be built.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the OpenAPI contract: {}", .problems.join("; "))]
pub struct ContractError {
    /// Every problem found, each naming the operation.
    pub problems: Vec<String>,
}

/// Facts about the app the contract's `info` is made of.
#[derive(Debug, Clone)]
pub struct ContractInfo {
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
    /// Description (Markdown).
    pub description: String,
    /// Tags: (block name, block description), one per mounted block.
    pub tags: Vec<(String, String)>,
    /// Whether API keys are accepted (the auth block is mounted).
    pub api_keys: bool,
}

/// Orders the paths by block: those whose operations carry the first tag of
/// `api.tags` (the app's own block) first, then the next tag's, and so on;
/// within a block the order stays as it was (by path). Paths without a
/// known tag go last.
pub fn group_paths_by_tag(api: &mut OpenAPI) {
    let tags = &api.tags;
    let rank = |item: &ReferenceOr<PathItem>| -> usize {
        let ReferenceOr::Item(item) = item else {
            return usize::MAX;
        };
        item.iter()
            .filter_map(|(_, op)| op.tags.first())
            .filter_map(|t| tags.iter().position(|tag| &tag.name == t))
            .min()
            .unwrap_or(usize::MAX)
    };
    // A stable sort: within a block, paths keep their order.
    api.paths.paths.sort_by_cached_key(|_, item| rank(item));
}

/// A fresh schema generator with the OpenAPI 3.0 settings (and the D1
/// integer bounds, see [`crate::validate`]). Requests are checked against
/// the schemas it makes.
pub fn schema_generator() -> SchemaGenerator {
    SchemaSettings::openapi3()
        .with(|s| s.meta_schema = None)
        .with_transform(crate::validate::SafeIntegers)
        .into_generator()
}

pub(crate) fn build(
    info: &ContractInfo,
    routes: &[Placed],
    block_names: &[&'static str],
) -> Result<OpenAPI, ContractError> {
    let mut generator = schema_generator();
    let mut problems = Vec::new();
    let mut paths = Paths::default();
    let mut any_auth = false;

    let mut ordered: Vec<&Placed> = routes.iter().collect();
    ordered.sort_by(|a, b| (&a.template, a.def.method).cmp(&(&b.template, b.def.method)));

    let problem_ref = builder::problem_schema_ref(&mut generator, &mut problems);
    for placed in ordered {
        let def = &placed.def;
        let mut op = Operation {
            operation_id: Some(def.operation_id.to_owned()),
            tags: vec![
                block_names
                    .get(placed.mount)
                    .copied()
                    .unwrap_or("default")
                    .to_owned(),
            ],
            ..Operation::default()
        };
        {
            let mut b =
                OperationBuilder::new(&mut op, &mut generator, &mut problems, def.operation_id);
            (def.describe)(&mut b);
            b.finish(def.access, &problem_ref, info.api_keys);
        }
        if let Some(flag) = def.feature {
            // Which domains serve it is configuration: say which flag decides.
            op.extensions
                .insert("x-clodo-feature".to_owned(), serde_json::Value::from(flag));
        }
        if def.access != Access::Public {
            any_auth = true;
        }
        let item = paths
            .paths
            .entry(placed.template.clone())
            .or_insert_with(|| ReferenceOr::Item(PathItem::default()));
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        let slot = match def.method {
            Method::Get => &mut item.get,
            Method::Post => &mut item.post,
            Method::Put => &mut item.put,
            Method::Patch => &mut item.patch,
            Method::Delete => &mut item.delete,
        };
        *slot = Some(op);
    }

    let mut components = Components::default();
    for (name, schema) in generator.take_definitions(true) {
        match serde_json::from_value(schema) {
            Ok(s) => {
                components.schemas.insert(name, ReferenceOr::Item(s));
            }
            Err(e) => problems.push(format!("schema `{name}` is not valid OpenAPI 3.0: {e}")),
        }
    }
    if any_auth {
        components.security_schemes.insert(
            BEARER_SCHEME.to_owned(),
            ReferenceOr::Item(SecurityScheme::HTTP {
                scheme: "bearer".to_owned(),
                bearer_format: Some("JWT".to_owned()),
                description: Some(
                    "A session token of the request's domain (HS256 JWT).".to_owned(),
                ),
                extensions: Default::default(),
            }),
        );
    }
    if any_auth && info.api_keys {
        components.security_schemes.insert(
            API_KEY_SCHEME.to_owned(),
            ReferenceOr::Item(SecurityScheme::APIKey {
                location: openapiv3::APIKeyLocation::Header,
                name: "X-Api-Key".to_owned(),
                description: Some(
                    "An API key of the request's domain (also accepted as `Authorization: Bearer <key>`).".to_owned(),
                ),
                extensions: Default::default(),
            }),
        );
    }
    if !problems.is_empty() {
        return Err(ContractError { problems });
    }
    Ok(OpenAPI {
        openapi: "3.0.3".to_owned(),
        info: Info {
            title: info.title.clone(),
            description: (!info.description.is_empty()).then(|| info.description.clone()),
            version: info.version.clone(),
            ..Info::default()
        },
        servers: vec![Server {
            url: "/".to_owned(),
            description: Some("The server that serves this contract".to_owned()),
            ..Server::default()
        }],
        paths,
        components: Some(components),
        tags: info
            .tags
            .iter()
            .map(|(name, description)| Tag {
                name: name.clone(),
                description: (!description.is_empty()).then(|| description.clone()),
                ..Tag::default()
            })
            .collect(),
        ..OpenAPI::default()
    })
}
