//! `cargo clodo routes`: a table of what a block serves, from its contract.

use serde_json::Value;

/// One route of a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// operationId.
    pub operation: String,
    /// `public`, or the security schemes that admit a caller.
    pub auth: String,
    /// Roles required (`x-clodo-roles`), comma-separated.
    pub roles: String,
    /// The feature flag that decides whether a domain serves it
    /// (`x-clodo-feature`), or `-`.
    pub feature: String,
}

/// The routes of a contract (a loaded OpenAPI document), in document order.
pub fn routes(doc: &Value) -> Vec<Route> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        for m in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            let Some(op) = item.get(m) else {
                continue;
            };
            let security = op.get("security").or_else(|| doc.get("security"));
            let alts: Vec<String> = security
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_object)
                        .filter(|o| !o.is_empty())
                        .map(|o| o.keys().cloned().collect::<Vec<_>>().join(" + "))
                        .collect()
                })
                .unwrap_or_default();
            let optional = security.and_then(Value::as_array).is_some_and(|a| {
                a.iter()
                    .any(|x| x.as_object().is_some_and(|o| o.is_empty()))
            });
            let auth = match (alts.is_empty(), optional) {
                (true, _) => "public".to_owned(),
                (false, true) => format!("optional: {}", alts.join(" | ")),
                (false, false) => alts.join(" | "),
            };
            let roles = op
                .get("x-clodo-roles")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            out.push(Route {
                method: m.to_ascii_uppercase(),
                path: path.clone(),
                operation: op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .unwrap_or("-")
                    .to_owned(),
                auth,
                roles: if roles.is_empty() { "-".into() } else { roles },
                feature: op
                    .get("x-clodo-feature")
                    .and_then(Value::as_str)
                    .unwrap_or("-")
                    .to_owned(),
            });
        }
    }
    out
}

/// The routes as an aligned text table with a header row.
pub fn table(routes: &[Route]) -> String {
    let header = ["METHOD", "PATH", "OPERATION", "AUTH", "ROLES", "FEATURE"];
    let rows: Vec<[&str; 6]> = routes
        .iter()
        .map(|r| {
            [
                r.method.as_str(),
                &r.path,
                &r.operation,
                &r.auth,
                &r.roles,
                &r.feature,
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_auth_and_roles() {
        let doc = json!({"paths": {
            "/menu": {"get": {"operationId": "menu", "security": []}},
            "/orders": {"post": {"operationId": "place_order", "security": [{"bearerAuth": []}]},
                        "get": {"operationId": "orders_of_day", "security": [{"bearerAuth": []}], "x-clodo-roles": ["staff"]}},
            "/orders/{id}/sms": {"post": {"operationId": "text_customer", "security": [{"bearerAuth": []}],
                                 "x-clodo-roles": ["staff"], "x-clodo-feature": "sms_notifications"}}
        }});
        let t = table(&routes(&doc));
        assert_eq!(
            t,
            "METHOD  PATH              OPERATION      AUTH        ROLES  FEATURE\n\
             GET     /menu             menu           public      -      -\n\
             GET     /orders           orders_of_day  bearerAuth  staff  -\n\
             POST    /orders           place_order    bearerAuth  -      -\n\
             POST    /orders/{id}/sms  text_customer  bearerAuth  staff  sms_notifications\n"
        );
    }
}
