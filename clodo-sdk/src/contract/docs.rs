//! The human docs page (`GET /docs`): the contract rendered as one
//! self-contained HTML page (no scripts, no external assets).

use std::fmt::Write as _;

use openapiv3::{OpenAPI, Parameter, ReferenceOr, Schema, SchemaKind, StatusCode};

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

fn schema_label(s: &ReferenceOr<Schema>) -> String {
    match s {
        ReferenceOr::Reference { reference } => {
            let name = reference.rsplit('/').next().unwrap_or(reference);
            format!("<a href=\"#schema-{0}\">{0}</a>", esc(name))
        }
        ReferenceOr::Item(s) => match &s.schema_kind {
            SchemaKind::Type(openapiv3::Type::Array(a)) => match &a.items {
                Some(ReferenceOr::Reference { reference }) => {
                    let name = reference.rsplit('/').next().unwrap_or(reference);
                    format!("array of <a href=\"#schema-{0}\">{0}</a>", esc(name))
                }
                Some(ReferenceOr::Item(_)) | None => "array".to_owned(),
            },
            SchemaKind::Type(t) => esc(&format!("{t:?}")
                .split('(')
                .next()
                .unwrap_or("")
                .to_lowercase()),
            _ => "object".to_owned(),
        },
    }
}

/// Renders the contract as an HTML page.
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
         code,pre{{font-family:ui-monospace,monospace}}table{{border-collapse:collapse}}td,th{{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}}\
         .auth{{font-size:.85em;color:#555}}</style></head><body>\
         <h1>{title} <small>{}</small></h1>",
        esc(&api.info.version)
    );
    if let Some(d) = &api.info.description {
        let _ = write!(h, "<p>{}</p>", esc(d));
    }
    h.push_str("<p>Machine-readable contract: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI 3.0.3).</p>");
    for (path, item) in &api.paths.paths {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for (method, op) in item.iter() {
            let m = method.to_uppercase();
            let _ = write!(
                h,
                "<section class=\"op\" id=\"op-{}\"><p><span class=\"m {m}\">{m}</span> <code>{}</code> \
                 <small><code>{}</code></small></p>",
                esc(op.operation_id.as_deref().unwrap_or("")),
                esc(path),
                esc(op.operation_id.as_deref().unwrap_or(""))
            );
            if let Some(s) = &op.summary {
                let _ = write!(h, "<p><strong>{}</strong></p>", esc(s));
            }
            if let Some(d) = &op.description {
                let _ = write!(h, "<p>{}</p>", esc(d).replace("\n\n", "</p><p>"));
            }
            let auth = match op.security.as_deref() {
                Some([]) => "Public: no token needed.",
                _ => "Requires a bearer token of this domain.",
            };
            let _ = write!(h, "<p class=\"auth\">{auth}</p>");
            if !op.parameters.is_empty() {
                h.push_str("<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th></th></tr>");
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
                        esc(data.description.as_deref().unwrap_or(""))
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
            h.push_str("<ul>");
            for (code, resp) in &op.responses.responses {
                let ReferenceOr::Item(resp) = resp else {
                    continue;
                };
                let code = match code {
                    StatusCode::Code(c) => c.to_string(),
                    StatusCode::Range(r) => format!("{r}XX"),
                };
                let body = resp
                    .content
                    .get("application/json")
                    .and_then(|m| m.schema.as_ref())
                    .map(|s| format!(": {}", schema_label(s)))
                    .unwrap_or_default();
                let _ = write!(
                    h,
                    "<li><code>{code}</code> {}{body}</li>",
                    esc(&resp.description)
                );
            }
            h.push_str("</ul></section>");
        }
    }
    if let Some(c) = &api.components {
        h.push_str("<h2>Schemas</h2>");
        for (name, schema) in &c.schemas {
            let json = serde_json::to_string_pretty(schema).unwrap_or_default();
            let _ = write!(
                h,
                "<section id=\"schema-{0}\"><h3>{0}</h3><pre>{1}</pre></section>",
                esc(name),
                esc(&json)
            );
        }
    }
    h.push_str("</body></html>");
    h
}
