//! What tools get from this module besides parsing: the JSON Schema of a
//! domain file (for editors) and the commented file `domain add` writes.

use serde_json::{Value, json};

fn string(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn strings(description: &str, items: Value) -> Value {
    json!({ "type": "array", "description": description, "items": items })
}

fn integer(description: &str, min: u64, max: u64) -> Value {
    json!({ "type": "integer", "description": description, "minimum": min, "maximum": max })
}

fn object(description: &str, properties: Value) -> Value {
    json!({
        "type": "object",
        "description": description,
        "additionalProperties": false,
        "properties": properties,
    })
}

fn per_env(description: &str, each: &Value) -> Value {
    object(
        description,
        json!({
            "development": each,
            "staging": each,
            "production": each,
        }),
    )
}

const HOST: &str = r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$";
const HEX32: &str = "^[0-9a-f]{32}$";
const SNAKE: &str = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";
const SECRET: &str = "^[A-Z][A-Z0-9_]*$";

/// The JSON Schema (draft 2020-12) of a `domains/<domain>.toml` file, for
/// editors (e.g. with taplo: `#:schema ./domain.schema.json`). Objects
/// refuse unknown keys (`additionalProperties: false`); every key is described.
pub fn json_schema() -> Value {
    let host = json!({ "type": "string", "pattern": HOST, "description": "A host name: no scheme, no port, no path." });
    let hosts = strings("Host header values.", host);
    let database = object(
        "The D1 database of this environment.",
        json!({
            "name": {
                "type": "string", "pattern": "^[a-z0-9-]{1,64}$",
                "description": "The D1 database name: lower-case letters, digits and `-`, 1 to 64 characters."
            },
            "id": {
                "type": "string",
                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                "description": "The database's UUID; `cargo clodo deploy` fills it in."
            }
        }),
    );
    let mut database = database;
    database["required"] = json!(["name"]);
    let secret = json!({ "type": "string", "pattern": SECRET, "description": "A secret name." });
    let mut cloudflare = object(
        "The Cloudflare account the domain deploys to (needed only for deploys).",
        json!({
            "account_id": { "type": "string", "pattern": HEX32, "description": "The account id: 32 lower-case hex characters." },
            "zone_id": { "type": "string", "pattern": HEX32, "description": "The zone id of the domain: 32 lower-case hex characters." }
        }),
    );
    cloudflare["required"] = json!(["account_id"]);
    let rate_limits = object(
        "Rate limits of magic-link requests.",
        json!({
            "magic_link_per_email": integer("Magic-link requests per email address per window.", 1, 10_000),
            "magic_link_per_address": integer("Magic-link requests per client address per window.", 1, 10_000),
            "window_secs": integer("The rate-limit window in seconds.", 1, 86_400)
        }),
    );
    let settings = object(
        "Settings; absent values take the runtime's defaults.",
        json!({
            "cors_origins": strings(
                "Origins allowed by CORS: scheme://host[:port], no path, no trailing slash; \"*\" is refused.",
                json!({ "type": "string", "pattern": r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$" })
            ),
            "log_level": {
                "type": "string", "enum": ["error", "warn", "info", "debug", "trace"],
                "description": "The log level."
            },
            "access_token_ttl_secs": integer("Lifetime of access tokens in seconds.", 60, 86_400),
            "refresh_token_ttl_secs": integer("Lifetime of refresh tokens in seconds.", 3_600, 31_536_000),
            "magic_link_ttl_secs": integer("Lifetime of magic links in seconds.", 60, 86_400),
            "sign_in_url": {
                "type": "string", "pattern": r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?(/[^?#\s]*)?$",
                "description": "The customer's page that completes a sign-in (absolute http(s) URL, no query): the magic link is <sign_in_url>?token=... Without it, development serves <auth prefix>/sign-in and other environments refuse to send links."
            },
            "rate_limits": rate_limits
        }),
    );
    let mut schema = object(
        "A Clodo customer domain: domains/<domain>.toml.",
        json!({
            "name": {
                "type": "string", "pattern": HOST,
                "description": "The domain, a DNS host name; must equal the file's stem (sweetbakery.com.toml)."
            },
            "display_name": string("A human name for the domain."),
            "cloudflare": cloudflare,
            "hostnames": per_env("Host header values per environment.", &hosts),
            "features": {
                "type": "object",
                "description": "Feature flags: flag name (lower snake case) = true or false.",
                "propertyNames": { "pattern": SNAKE },
                "additionalProperties": { "type": "boolean" }
            },
            "blocks": {
                "type": "object",
                "description": "Block name = mount prefix (\"/\" or \"/segment[/segment]\"); absent: every block the app mounts, at its own prefix.",
                "propertyNames": { "pattern": "^[a-z][a-z0-9_-]*$" },
                "additionalProperties": { "type": "string", "pattern": r"^/([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*)?$" }
            },
            "databases": per_env("The D1 database per environment.", &database),
            "secrets": object(
                "Names of the secrets the domain needs, never values: those go in the environment, .dev.vars or `wrangler secret put`.",
                json!({
                    "required": strings("Secrets without which the domain does not start.", secret.clone()),
                    "optional": strings("Secrets used when present.", secret)
                })
            ),
            "settings": settings
        }),
    );
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    schema["title"] = json!("Clodo domain");
    schema["required"] = json!(["name"]);
    schema
}

/// `s` as a TOML basic string (quoted, with `"`, backslashes and control
/// characters escaped): for code that writes TOML by hand.
///
/// ```
/// assert_eq!(clodo_sdk::config::toml_string("a \"b\""), r#""a \"b\"""#);
/// ```
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be, quoted otherwise.
fn key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        s.to_owned()
    } else {
        toml_string(s)
    }
}

/// A human name to suggest for a domain, from its name: the label before
/// the top-level domain (and before a `co.`/`com.`-style second level),
/// words split at `-` and `_`, each capitalised.
///
/// ```
/// use clodo_sdk::config::suggested_display_name as s;
/// assert_eq!(s("greatidude.com"), "Greatidude");
/// assert_eq!(s("sweet-bakery.co.uk"), "Sweet Bakery");
/// assert_eq!(s("staging.corner_shop.example"), "Corner Shop");
/// assert_eq!(s("localhost"), "Localhost");
/// ```
pub fn suggested_display_name(name: &str) -> String {
    let mut labels: Vec<&str> = name.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() > 1 {
        labels.pop();
    }
    if labels.len() > 1
        && labels
            .last()
            .is_some_and(|l| ["co", "com", "org", "net", "ac", "gov", "edu"].contains(l))
    {
        labels.pop();
    }
    let label = labels.last().copied().unwrap_or(name);
    let words: Vec<String> = label
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        name.to_owned()
    } else {
        words.join(" ")
    }
}

/// The commented file `cargo clodo domain add` writes for a new domain; it
/// parses back (with [`parse`](super::parse), as `<name>.toml`) to `name`,
/// `display_name` and `features`, everything else left at its default.
///
/// ```
/// use std::path::Path;
/// let text = clodo_sdk::config::render_new("greatidude.com", None, &[("sms_notifications".into(), true)]);
/// let domain = clodo_sdk::config::parse(Path::new("greatidude.com.toml"), &text).unwrap();
/// assert!(domain.feature("sms_notifications"));
/// ```
pub fn render_new(name: &str, display_name: Option<&str>, features: &[(String, bool)]) -> String {
    render_new_with(name, display_name, features, &[])
}

/// [`render_new`] with hostnames: `(environment, host)` pairs, written as a
/// `[hostnames]` table (an unknown environment is then refused by
/// [`crate::config::parse`] like any unknown key).
pub fn render_new_with(
    name: &str,
    display_name: Option<&str>,
    features: &[(String, bool)],
    hostnames: &[(String, String)],
) -> String {
    let db = name.replace('.', "-");
    let mut out = String::new();
    out.push_str(&format!(
        "#:schema ./domain.schema.json\n\
         # The customer domain {name}: read by the blocks that serve it and by `cargo clodo`.\n\
         # Check it with `cargo clodo domain check`; unknown keys are refused.\n\n\
         name = {}\n",
        toml_string(name)
    ));
    match display_name {
        Some(d) => out.push_str(&format!("display_name = {}\n", toml_string(d))),
        None => out.push_str(&format!(
            "# display_name = {}\n",
            toml_string(&suggested_display_name(name))
        )),
    }
    out.push_str(
        "\n# Needed only for deploys: 32 lower-case hex characters each.\n\
         # [cloudflare]\n\
         # account_id = \"0123456789abcdef0123456789abcdef\"\n\
         # zone_id = \"0123456789abcdef0123456789abcdef\"\n\n\
         # Host header values per environment (no scheme, no port, no path).\n",
    );
    if hostnames.is_empty() {
        out.push_str(&format!(
            "# [hostnames]\n\
             # development = [\"{db}.localhost\"]\n\
             # staging = [\"staging.{name}\"]\n\
             # production = [\"{name}\", \"www.{name}\"]\n"
        ));
    } else {
        out.push_str("[hostnames]\n");
        let mut envs: Vec<&str> = Vec::new();
        for (env, _) in hostnames {
            if !envs.contains(&env.as_str()) {
                envs.push(env);
            }
        }
        for env in envs {
            let hosts: Vec<String> = hostnames
                .iter()
                .filter(|(e, _)| e == env)
                .map(|(_, h)| toml_string(h))
                .collect();
            out.push_str(&format!("{} = [{}]\n", key(env), hosts.join(", ")));
        }
    }
    out.push_str("\n# Feature flags (lower snake case) = true or false.\n[features]\n");
    for (flag, on) in features {
        out.push_str(&format!("{} = {on}\n", key(flag)));
    }
    out.push_str(&format!(
        "\n# Which blocks to mount where (`cargo run -- manifest` lists the app's blocks);\n\
         # leave out to mount every block at its own prefix.\n\
         # [blocks]\n\
         # auth = \"/auth\"\n\n\
         # The D1 database per environment; `cargo clodo deploy` fills in `id`.\n\
         # [databases.staging]\n\
         # name = \"{db}-staging\"\n\
         # [databases.production]\n\
         # name = \"{db}-production\"\n\n\
         # Names of secrets only, never values: values go in the environment,\n\
         # in .dev.vars locally, or `wrangler secret put NAME` for a Worker.\n\
         # [secrets]\n\
         # required = [\"SMS_API_KEY\"]\n\
         # optional = [\"MAILER_API_KEY\"]\n\n\
         # [settings]\n\
         # cors_origins = [\"https://{name}\"]\n\
         # sign_in_url = \"https://{name}/sign-in\"   # where magic links lead (the domain's front end)\n\
         # log_level = \"info\"                # error | warn | info | debug | trace\n\
         # access_token_ttl_secs = 900        # 60..=86400\n\
         # refresh_token_ttl_secs = 2592000   # 3600..=31536000\n\
         # magic_link_ttl_secs = 900          # 60..=86400\n\
         # [settings.rate_limits]\n\
         # magic_link_per_email = 5           # 1..=10000\n\
         # magic_link_per_address = 20        # 1..=10000\n\
         # window_secs = 900                  # 1..=86400\n"
    ));
    out
}
