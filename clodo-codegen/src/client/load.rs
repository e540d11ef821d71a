//! Reading an OpenAPI 3.0 document (JSON or YAML) and checking the rules the
//! generator relies on. Every error names the JSON pointer of the offending
//! place.

use std::collections::HashSet;

use openapiv3::OpenAPI;
use serde_json::Value;

use super::ClientError;

/// Parses `text` (JSON, or YAML when it does not start with `{`) into a JSON
/// value, keeping line and column of syntax errors.
pub fn parse_text(text: &str) -> Result<Value, ClientError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        serde_json::from_str(trimmed).map_err(|e| ClientError::Syntax {
            format: "JSON",
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    } else {
        serde_yaml_ng::from_str::<Value>(trimmed).map_err(|e| {
            let (line, column) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((0, 0));
            ClientError::Syntax {
                format: "YAML",
                line,
                column,
                message: e.to_string(),
            }
        })
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn invalid(pointer: impl Into<String>, message: impl Into<String>) -> ClientError {
    ClientError::Invalid {
        pointer: pointer.into(),
        message: message.into(),
    }
}

/// Checks `value` against the OpenAPI 3.0 rules the generator depends on and
/// returns the typed document.
pub fn load(value: Value) -> Result<(OpenAPI, Value), ClientError> {
    let Some(obj) = value.as_object() else {
        return Err(invalid("", "an OpenAPI document must be an object"));
    };
    match obj.get("openapi") {
        Some(Value::String(v)) if v.starts_with("3.0.") => {}
        Some(Value::String(v)) if v.starts_with("3.1") => {
            return Err(invalid(
                "/openapi",
                format!("version {v} is OpenAPI 3.1; this generator reads OpenAPI 3.0.x documents"),
            ));
        }
        Some(other) => {
            return Err(invalid(
                "/openapi",
                format!("expected a version string 3.0.x, found {other}"),
            ));
        }
        None if obj.contains_key("swagger") => {
            return Err(invalid(
                "/swagger",
                "this is a Swagger 2.0 document; convert it to OpenAPI 3.0 first",
            ));
        }
        None => return Err(invalid("", "missing required field `openapi`")),
    }
    check_refs(&value, &value, &mut String::new())?;
    let doc: OpenAPI = serde_path_to_error::deserialize(&value).map_err(|e| {
        let pointer = pointer_of(e.path());
        invalid(pointer, e.into_inner().to_string())
    })?;
    check_operations(&doc)?;
    Ok((doc, value))
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&escape_token(key)),
            Segment::Enum { variant } => out.push_str(&escape_token(variant)),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// How the keys of an object are read while looking for references.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Keywords of the specification or of JSON Schema: `$ref` is a reference.
    Keywords,
    /// Names chosen by the author (`properties`, `$defs`, ...): a key `$ref`
    /// is a name like any other, and each value is read with keywords.
    Names,
}

/// Keywords whose values are data (examples, defaults, enumerations,
/// extensions): nothing inside them is a reference, whatever keys it has.
fn holds_data(key: &str) -> bool {
    matches!(key, "example" | "value" | "default" | "enum" | "const") || key.starts_with("x-")
}

/// Keywords whose values map author-chosen names to objects read with keywords.
fn holds_names(key: &str) -> bool {
    matches!(
        key,
        "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas"
    )
}

/// Every `$ref` must be local (`#/…`) and resolve. References are looked
/// for where the specification puts them: not inside example values,
/// defaults or extensions (data), and a property named `$ref` is a name.
fn check_refs(root: &Value, v: &Value, at: &mut String) -> Result<(), ClientError> {
    walk_refs(root, v, at, Keys::Keywords)
}

fn walk_refs(root: &Value, v: &Value, at: &mut String, keys: Keys) -> Result<(), ClientError> {
    match v {
        Value::Object(map) => {
            if keys == Keys::Keywords
                && let Some(r) = map.get("$ref")
            {
                let here = format!("{at}/$ref");
                let Some(r) = r.as_str() else {
                    return Err(invalid(here, "`$ref` must be a string"));
                };
                let Some(target) = r.strip_prefix('#') else {
                    return Err(ClientError::Unsupported {
                        pointer: here,
                        message: format!(
                            "reference {r:?} points outside this document; bundle the document into one file first"
                        ),
                    });
                };
                let decoded = percent_decode(target);
                if root.pointer(&decoded).is_none() {
                    return Err(invalid(
                        here,
                        format!("reference {r:?} does not resolve to anything in this document"),
                    ));
                }
            }
            for (k, child) in map {
                let child_keys = match keys {
                    Keys::Names => Keys::Keywords,
                    Keys::Keywords if holds_data(k) => continue,
                    Keys::Keywords if holds_names(k) => Keys::Names,
                    // Schema `examples` (OpenAPI 3.1) is an array of values;
                    // the `examples` maps of media types and parameters hold
                    // Example objects, whose `value` is data.
                    Keys::Keywords if k == "examples" && child.is_array() => continue,
                    Keys::Keywords => Keys::Keywords,
                };
                let len = at.len();
                at.push('/');
                at.push_str(&escape_token(k));
                walk_refs(root, child, at, child_keys)?;
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let len = at.len();
                at.push('/');
                at.push_str(&i.to_string());
                walk_refs(root, child, at, Keys::Keywords)?;
                at.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// Undoes percent-encoding in a URI fragment (`%7B` → `{`).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Operation-level rules: unique operationIds, path parameters declared and
/// required. (An empty `responses` is tolerated: any 2xx answer is its body as bytes.)
fn check_operations(doc: &OpenAPI) -> Result<(), ClientError> {
    let mut ids: HashSet<&str> = HashSet::new();
    for (path, item) in &doc.paths.paths {
        let item_ptr = format!("/paths/{}", escape_token(path));
        let openapiv3::ReferenceOr::Item(item) = item else {
            return Err(ClientError::Unsupported {
                pointer: item_ptr,
                message: "path items given by `$ref` are not supported".into(),
            });
        };
        let template: Vec<String> = template_params(path)
            .map_err(|m| invalid(item_ptr.clone(), m))?
            .into_iter()
            .collect();
        for (method, op) in item.iter() {
            let op_ptr = format!("{item_ptr}/{method}");
            if let Some(id) = &op.operation_id
                && !ids.insert(id)
            {
                return Err(invalid(
                    format!("{op_ptr}/operationId"),
                    format!("operationId {id:?} is used by more than one operation"),
                ));
            }
            let mut declared = HashSet::new();
            let all = item
                .parameters
                .iter()
                .map(|p| (p, format!("{item_ptr}/parameters")))
                .chain(
                    op.parameters
                        .iter()
                        .map(|p| (p, format!("{op_ptr}/parameters"))),
                );
            for (p, base) in all {
                let data = match p {
                    openapiv3::ReferenceOr::Item(p) => p,
                    openapiv3::ReferenceOr::Reference { reference } => {
                        match component_parameter(doc, reference) {
                            Some(p) => p,
                            None => {
                                return Err(invalid(
                                    base,
                                    format!("{reference:?} is not a parameter"),
                                ));
                            }
                        }
                    }
                };
                if let openapiv3::Parameter::Path { parameter_data, .. } = data {
                    if !parameter_data.required {
                        return Err(invalid(
                            base,
                            format!(
                                "path parameter {:?} must have `required: true`",
                                parameter_data.name
                            ),
                        ));
                    }
                    declared.insert(parameter_data.name.clone());
                }
            }
            for name in &template {
                if !declared.contains(name) {
                    return Err(invalid(
                        format!("{op_ptr}/parameters"),
                        format!(
                            "path template {path:?} uses {{{name}}} but no path parameter {name:?} is declared"
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn component_parameter<'d>(doc: &'d OpenAPI, reference: &str) -> Option<&'d openapiv3::Parameter> {
    let name = reference.strip_prefix("#/components/parameters/")?;
    match doc.components.as_ref()?.parameters.get(name)? {
        openapiv3::ReferenceOr::Item(p) => Some(p),
        openapiv3::ReferenceOr::Reference { .. } => None,
    }
}

/// The `{name}` placeholders of a path template.
pub fn template_params(path: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            return Err(format!("path template {path:?} has an unclosed `{{`"));
        };
        let name = &rest[start + 1..start + len];
        if name.is_empty() {
            return Err(format!("path template {path:?} has an empty `{{}}`"));
        }
        out.push(name.to_owned());
        rest = &rest[start + len + 1..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match parse_text(text).and_then(load) {
            Ok(_) => panic!("accepted: {text}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn names_the_pointer() {
        let e = err(r##"{"openapi":"3.0.3","info":{"title":"t","version":"1"},
            "paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Nope"}}}}}}}}}"##);
        assert!(
            e.contains("/paths/~1a/get/responses/200/content/application~1json/schema/$ref"),
            "{e}"
        );
        let e = err(r#"{"openapi":"3.0.3","info":{"title":"t"},"paths":{}}"#);
        assert!(e.contains("/info") && e.contains("version"), "{e}");
        let e = err(r#"{"openapi":"3.0.3","info":{"title":"t","version":"1"},
            "paths":{"/a/{id}":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#);
        assert!(e.contains("/paths/~1a~1{id}/get/parameters"), "{e}");
        let e = err(
            r#"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
            "/a":{"get":{"operationId":"x","responses":{"200":{"description":"ok"}}}},
            "/b":{"get":{"operationId":"x","responses":{"200":{"description":"ok"}}}}}}"#,
        );
        assert!(e.contains("/paths/~1b/get/operationId"), "{e}");
    }

    #[test]
    fn rejects_other_versions_and_syntax() {
        assert!(err(r#"{"openapi":"3.1.0"}"#).contains("/openapi"));
        assert!(err(r#"{"swagger":"2.0"}"#).contains("Swagger 2.0"));
        assert!(err("{").contains("JSON"));
        assert!(err("openapi: [").contains("YAML"));
        assert!(err("[1]").contains("must be an object"));
    }

    #[test]
    fn reads_yaml() {
        let (doc, _) = parse_text(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n",
        )
        .and_then(load)
        .expect("valid");
        assert_eq!(doc.paths.paths.len(), 1);
    }
}
