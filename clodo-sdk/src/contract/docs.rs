//! The human docs page (`GET /docs`): the contract rendered as one
//! self-contained HTML page (no scripts, no external assets).

use std::fmt::Write as _;

use openapiv3::{OpenAPI, Operation, Parameter, ReferenceOr, Schema, StatusCode};
use serde_json::Value;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One line of prose as HTML: escaped, with `inline code` as `<code>`
/// (CommonMark code spans; an unmatched backtick stays as it is).
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(open) = rest.find('`') {
        let ticks = rest[open..].bytes().take_while(|b| *b == b'`').count();
        let fence = &rest[open..open + ticks];
        let after = &rest[open + ticks..];
        let Some(close) = after.find(fence) else {
            break;
        };
        out.push_str(&esc(&rest[..open]));
        let _ = write!(out, "<code>{}</code>", esc(after[..close].trim()));
        rest = &after[close + ticks..];
    }
    out.push_str(&esc(rest));
    out
}

/// Markdown prose (what doc comments and descriptions hold) as HTML
/// paragraphs: blank lines separate paragraphs, a paragraph of `- ` or
/// `* ` lines is a list, code spans are rendered.
fn prose(s: &str) -> String {
    let mut out = String::new();
    for para in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<&str> = para.lines().map(str::trim).collect();
        if lines.iter().all(|l| list_item(l).is_some()) {
            out.push_str("<ul>");
            for l in &lines {
                let _ = write!(out, "<li>{}</li>", inline(list_item(l).unwrap_or(l)));
            }
            out.push_str("</ul>");
        } else {
            let _ = write!(out, "<p>{}</p>", inline(&lines.join(" ")));
        }
    }
    out
}

fn list_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
}

/// Like [`prose`], for a table cell or list item: no paragraph tags.
fn prose_inline(s: &str) -> String {
    inline(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn schema_label(s: &ReferenceOr<Schema>) -> String {
    label(&serde_json::to_value(s).unwrap_or_default())
}

/// A short, linked description of a schema's type: `array of Order`,
/// `string (date) or null`.
fn label(v: &Value) -> String {
    let mut out = if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        format!("<a href=\"#schema-{0}\">{0}</a>", esc(name))
    } else if let Some([one]) = v.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
        label(one)
    } else if let Some(alts) = v
        .get("oneOf")
        .or_else(|| v.get("anyOf"))
        .and_then(Value::as_array)
    {
        alts.iter().map(label).collect::<Vec<_>>().join(" or ")
    } else if let Some(values) = v.get("enum").and_then(Value::as_array) {
        values
            .iter()
            .map(|x| format!("<code>{}</code>", esc(&x.to_string())))
            .collect::<Vec<_>>()
            .join(" or ")
    } else {
        match v.get("type").and_then(Value::as_str) {
            Some("array") => match v.get("items") {
                Some(items) => format!("array of {}", label(items)),
                None => "array".to_owned(),
            },
            Some(t) => match v.get("format").and_then(Value::as_str) {
                Some(f) => format!("{} ({})", esc(t), esc(f)),
                None => esc(t),
            },
            None => "any".to_owned(),
        }
    };
    if v.get("nullable").and_then(Value::as_bool) == Some(true) {
        out.push_str(" or null");
    }
    out
}

/// A component schema: its description, then its fields (objects) or its
/// alternatives (`oneOf`); anything else as its JSON.
fn schema_section(h: &mut String, name: &str, schema: &ReferenceOr<Schema>) {
    let v = serde_json::to_value(schema).unwrap_or_default();
    let _ = write!(h, "<section id=\"schema-{0}\"><h3>{0}</h3>", esc(name));
    if let Some(d) = v.get("description").and_then(Value::as_str) {
        h.push_str(&prose(d));
    }
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(prose_inline);
    if let Some(props) = v.get("properties").and_then(Value::as_object) {
        let required: Vec<&str> = v
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        h.push_str("<table><tr><th>field</th><th>type</th><th>required</th><th></th></tr>");
        for (field, p) in props {
            let _ = write!(
                h,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(field),
                label(p),
                if required.contains(&field.as_str()) {
                    "yes"
                } else {
                    "no"
                },
                text(p, "description").unwrap_or_default()
            );
        }
        h.push_str("</table>");
    } else if let Some(alts) = v.get("oneOf").and_then(Value::as_array) {
        h.push_str("<p>One of:</p><ul>");
        for alt in alts {
            let _ = write!(h, "<li>{}", label(alt));
            if let Some(d) = text(alt, "description") {
                let _ = write!(h, ": {d}");
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    } else {
        let mut bare = v.clone();
        if let Some(o) = bare.as_object_mut() {
            o.remove("description");
        }
        let json = serde_json::to_string_pretty(&bare).unwrap_or_default();
        let _ = write!(h, "<pre>{}</pre>", esc(&json));
    }
    h.push_str("</section>");
}

/// Renders the contract as an HTML page: one section per tag (block), in
/// the contract's tag order, each listing its operations.
pub fn render_docs_html(api: &OpenAPI) -> String {
    let mut h = String::new();
    let title = esc(&api.info.title);
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} API</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>\
         body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
         .op{{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}}\
         .m{{font-weight:700;font-family:monospace;padding:.1rem .4rem;border-radius:4px;color:#fff;background:#555}}\
         .GET{{background:#2b7}}.POST{{background:#27c}}.PUT{{background:#b72}}.PATCH{{background:#a5b}}.DELETE{{background:#c33}}\
         code,pre{{font-family:ui-monospace,monospace}}code{{background:#f4f4f4;padding:0 .2rem;border-radius:3px}}\
         table{{border-collapse:collapse;margin:.4rem 0}}td,th{{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}}\
         .auth{{font-size:.85em;color:#555}}</style></head><body>\
         <h1>{title} <small>{}</small></h1>",
        esc(&api.info.version)
    );
    if let Some(d) = &api.info.description {
        h.push_str(&prose(d));
    }
    h.push_str("<p>Machine-readable contract: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI 3.0.3).</p>");
    let ops: Vec<(&str, &str, &Operation)> = api
        .paths
        .paths
        .iter()
        .filter_map(|(path, item)| match item {
            ReferenceOr::Item(item) => Some((path.as_str(), item)),
            ReferenceOr::Reference { .. } => None,
        })
        .flat_map(|(path, item)| item.iter().map(move |(m, op)| (path, m, op)))
        .collect();
    let tag_of = |op: &Operation| {
        op.tags
            .first()
            .filter(|t| api.tags.iter().any(|tag| &tag.name == *t))
            .cloned()
    };
    if api.tags.len() > 1 {
        h.push_str("<nav><ul>");
        for tag in &api.tags {
            let _ = write!(h, "<li><a href=\"#tag-{0}\">{0}</a></li>", esc(&tag.name));
        }
        h.push_str("</ul></nav>");
    }
    for tag in &api.tags {
        let _ = write!(h, "<h2 id=\"tag-{0}\">{0}</h2>", esc(&tag.name));
        if let Some(d) = &tag.description {
            h.push_str(&prose(d));
        }
        for (path, method, op) in &ops {
            if tag_of(op).as_deref() == Some(tag.name.as_str()) {
                operation(&mut h, path, method, op);
            }
        }
    }
    let untagged: Vec<_> = ops
        .iter()
        .filter(|(_, _, op)| tag_of(op).is_none())
        .collect();
    if !untagged.is_empty() {
        if !api.tags.is_empty() {
            h.push_str("<h2>Other operations</h2>");
        }
        for (path, method, op) in untagged {
            operation(&mut h, path, method, op);
        }
    }
    if let Some(c) = &api.components {
        h.push_str("<h2>Schemas</h2>");
        for (name, schema) in &c.schemas {
            schema_section(&mut h, name, schema);
        }
    }
    h.push_str("</body></html>");
    h
}

/// One operation's section.
fn operation(h: &mut String, path: &str, method: &str, op: &Operation) {
    let m = method.to_uppercase();
    let id = esc(op.operation_id.as_deref().unwrap_or(""));
    let _ = write!(
        h,
        "<section class=\"op\" id=\"op-{id}\"><p><span class=\"m {m}\">{m}</span> <code>{}</code> \
         <small><code>{id}</code></small></p>",
        esc(path),
    );
    if let Some(s) = &op.summary {
        let _ = write!(h, "<p><strong>{}</strong></p>", prose_inline(s));
    }
    if let Some(d) = &op.description {
        h.push_str(&prose(d));
    }
    let auth = match op.security.as_deref() {
        Some([]) => "Public: no token needed.",
        _ => "Requires a bearer token of this domain.",
    };
    let _ = write!(h, "<p class=\"auth\">{auth}</p>");
    if !op.parameters.is_empty() {
        h.push_str(
            "<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th></th></tr>",
        );
        for p in &op.parameters {
            let ReferenceOr::Item(p) = p else { continue };
            let (place, data) = match p {
                Parameter::Path { parameter_data, .. } => ("path", parameter_data),
                Parameter::Query { parameter_data, .. } => ("query", parameter_data),
                Parameter::Header { parameter_data, .. } => ("header", parameter_data),
                Parameter::Cookie { parameter_data, .. } => ("cookie", parameter_data),
            };
            let ty = match &data.format {
                openapiv3::ParameterSchemaOrContent::Schema(s) => schema_label(s),
                openapiv3::ParameterSchemaOrContent::Content(_) => String::new(),
            };
            let _ = write!(
                h,
                "<tr><td><code>{}</code></td><td>{place}</td><td>{ty}</td><td>{}</td><td>{}</td></tr>",
                esc(&data.name),
                if data.required { "yes" } else { "no" },
                prose_inline(data.description.as_deref().unwrap_or(""))
            );
        }
        h.push_str("</table>");
    }
    if let Some(ReferenceOr::Item(body)) = &op.request_body
        && let Some(schema) = body
            .content
            .get("application/json")
            .and_then(|m| m.schema.as_ref())
    {
        let _ = write!(h, "<p>Body (JSON): {}</p>", schema_label(schema));
    }
    h.push_str("<table><tr><th>status</th><th>body</th><th></th></tr>");
    let default = op
        .responses
        .default
        .as_ref()
        .map(|r| ("default".to_owned(), r));
    let codes = op.responses.responses.iter().map(|(code, r)| {
        let code = match code {
            StatusCode::Code(c) => c.to_string(),
            StatusCode::Range(r) => format!("{r}XX"),
        };
        (code, r)
    });
    for (code, resp) in codes.chain(default) {
        let ReferenceOr::Item(resp) = resp else {
            continue;
        };
        let body = resp
            .content
            .iter()
            .find_map(|(media, m)| {
                let schema = m.schema.as_ref()?;
                Some(if media == "application/json" {
                    schema_label(schema)
                } else {
                    format!("{} <small>({})</small>", schema_label(schema), esc(media))
                })
            })
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr><td><code>{code}</code></td><td>{body}</td><td>{}</td></tr>",
            prose_inline(&resp.description)
        );
    }
    h.push_str("</table></section>");
}

#[cfg(test)]
mod tests {
    use super::{inline, prose};

    #[test]
    fn code_spans_render_as_code() {
        assert_eq!(
            inline("The body is not `application/json`."),
            "The body is not <code>application/json</code>."
        );
        assert_eq!(inline("``a ` b`` <x>"), "<code>a ` b</code> &lt;x&gt;");
        assert_eq!(inline("a lone ` tick"), "a lone ` tick");
    }

    #[test]
    fn paragraphs_and_lists() {
        assert_eq!(
            prose("One\nline.\n\n- a `b`\n- c\n\nEnd."),
            "<p>One line.</p><ul><li>a <code>b</code></li><li>c</li></ul><p>End.</p>"
        );
    }
}
