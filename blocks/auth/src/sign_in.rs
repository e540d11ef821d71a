//! Where a magic link leads.
//!
//! The link is `<page>?token=...`, the page being, in this order:
//! 1. the domain's `settings.sign_in_url` (its front end's page);
//! 2. [`AuthConfig::link_url`] (the app's, for every domain);
//! 3. in development only (flag [`PAGE_FLAG`], on by default where the
//!    domain runs in development and has no `sign_in_url`): this block's own
//!    page, `http://<Host><prefix>/sign-in`, a minimal HTML page that POSTs
//!    the token to `<prefix>/verify` and shows the access token with a curl
//!    example. The route (and its contract entry) exists only where the flag
//!    is on.
//!
//! Without any of them (staging or production without a `sign_in_url`),
//! `POST <prefix>/magic-link` answers 500 problem+json saying what to set,
//! and no link is stored or mailed.

use http::StatusCode;
use schemars::JsonSchema;
use serde::Deserialize;

use super::AuthConfig;
use clodo_sdk::config::Env;
use clodo_sdk::ctx::Ctx;
use clodo_sdk::domain::Domain;
use clodo_sdk::error::ApiError;

/// The feature flag of the development sign-in page.
pub const PAGE_FLAG: &str = "dev_sign_in_page";

/// The page's path under the block's prefix.
pub const PAGE_PATH: &str = "/sign-in";

/// The default of [`PAGE_FLAG`] for a domain: on in development without a
/// `sign_in_url`.
pub(super) fn page_by_default(d: &Domain) -> bool {
    d.env == Env::Development && d.settings.sign_in_url.is_none()
}

/// The query of the sign-in page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct SignInQuery {
    /// The token of the magic link (the page sends it to `verify`).
    pub token: Option<String>,
}

/// Whether `host` looks like a `Host` header value (name or address, port).
fn plain_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 260
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
}

/// The page the link opens, or the problem that says what to configure.
pub(super) fn link_target(ctx: &Ctx, config: &AuthConfig) -> Result<String, ApiError> {
    let settings = &ctx.runtime().domain.settings;
    if let Some(url) = settings.sign_in_url.as_ref().or(config.link_url.as_ref()) {
        return Ok(url.clone());
    }
    if ctx.feature(PAGE_FLAG) {
        let host = ctx
            .request_host()
            .filter(|h| plain_host(h))
            .unwrap_or(ctx.domain());
        return Ok(format!("http://{host}{}{PAGE_PATH}", ctx.mount_prefix()));
    }
    tracing::error!(
        domain = ctx.domain(),
        "no sign_in_url: magic links cannot be sent"
    );
    Err(ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!(
            "domain {} has no sign-in page for its magic links: set `sign_in_url` under \
             [settings] in domains/{}.toml (the page of its front end that completes the \
             sign-in; the link is <sign_in_url>?token=...)",
            ctx.domain(),
            ctx.domain()
        ),
    ))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The development sign-in page of a block mounted at `prefix`.
pub(super) fn page(domain: &str, prefix: &str) -> String {
    // The prefix as a JS string: JSON, with `<` escaped so it cannot close the script.
    let verify = serde_json::to_string(&format!("{prefix}/verify"))
        .unwrap_or_else(|_| "\"/verify\"".into())
        .replace('<', "\\u003c");
    let me = serde_json::to_string(&format!("{prefix}/me"))
        .unwrap_or_else(|_| "\"/me\"".into())
        .replace('<', "\\u003c");
    let domain = escape(domain);
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Sign in to {domain}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}}
pre{{background:#f4f4f4;padding:.75rem;white-space:pre-wrap;word-break:break-all}}</style>
</head>
<body>
<h1>Sign in to {domain}</h1>
<p><em>Development page of the auth block: a real front end sets
<code>sign_in_url</code> in the domain's settings.</em></p>
<p id="status">Signing you in…</p>
<div id="done" hidden>
<p>Your access token:</p>
<pre id="token"></pre>
<button id="copy" type="button">Copy the token</button>
<p>Call the API with it, for example:</p>
<pre id="curl"></pre>
</div>
<script>
const verify = {verify}, me = {me};
const status = document.getElementById("status");
const token = new URLSearchParams(location.search).get("token");
if (!token) {{
  status.textContent = "This link has no token: open the link from the sign-in message.";
}} else {{
  history.replaceState(null, "", location.pathname);
  fetch(verify, {{
    method: "POST",
    headers: {{ "content-type": "application/json" }},
    body: JSON.stringify({{ token }}),
  }}).then(async (r) => {{
    const body = await r.json().catch(() => ({{}}));
    if (!r.ok) {{
      status.textContent = "Sign-in failed (" + r.status + "): " + (body.detail || body.title || "unknown error");
      return;
    }}
    status.textContent = "Signed in as " + body.user.email + ".";
    document.getElementById("token").textContent = body.access_token;
    document.getElementById("curl").textContent =
      "curl -s " + location.origin + me + " -H 'authorization: Bearer " + body.access_token + "'";
    document.getElementById("copy").onclick = () => navigator.clipboard.writeText(body.access_token);
    document.getElementById("done").hidden = false;
  }}, (e) => {{ status.textContent = "Sign-in failed: " + e; }});
}}
</script>
</body>
</html>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_posts_to_verify_under_its_prefix() {
        let html = page("dev.localhost", "/auth");
        assert!(html.contains(r#"const verify = "/auth/verify""#), "{html}");
        assert!(html.contains("Sign in to dev.localhost"));
        assert!(!page("x", "/a</script>").contains("/a</script>"));
    }

    #[test]
    fn only_development_without_a_url_serves_the_page() {
        let mut d = Domain::new("dev.localhost");
        assert!(page_by_default(&d));
        d.settings.sign_in_url = Some("https://shop.example/welcome".into());
        assert!(!page_by_default(&d));
        d.settings.sign_in_url = None;
        d.env = Env::Production;
        assert!(!page_by_default(&d));
    }
}
