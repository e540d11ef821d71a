//! What each value of a domain file may be. Each check returns what is
//! wrong, phrased to follow "`key`: ".

/// A DNS host name: dot-separated labels of lower-case letters, digits and
/// `-` (not at either end of a label), 1 to 63 characters each, at most 253 in all.
pub(crate) fn host(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("a host name cannot be empty".into());
    }
    if s.contains("://") {
        return Err(format!(
            "{s:?} has a scheme; write the host name only, e.g. \"sweetbakery.com\""
        ));
    }
    if s.contains('/') {
        return Err(format!(
            "{s:?} has a path; write the host name only, e.g. \"sweetbakery.com\""
        ));
    }
    if s.contains(':') {
        return Err(format!(
            "{s:?} has a port; write the host name only, e.g. \"sweetbakery.localhost\""
        ));
    }
    if s.len() > 253 {
        return Err(format!(
            "{s:?} is longer than a host name may be (253 characters)"
        ));
    }
    if s.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "{s:?} has upper-case letters; host names are written in lower case: {:?}",
            s.to_ascii_lowercase()
        ));
    }
    for label in s.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(format!(
                "{s:?} is not a DNS host name: labels are 1 to 63 lower-case letters, digits \
                 or `-` (not first or last), separated by dots, e.g. \"www.sweetbakery.com\""
            ));
        }
    }
    Ok(())
}

/// Exactly 32 lower-case hex characters (Cloudflare account and zone ids).
pub(crate) fn hex32(s: &str) -> Result<(), String> {
    if s.len() == 32
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    {
        Ok(())
    } else {
        Err(
            "expected 32 lower-case hex characters, as the Cloudflare dashboard shows it \
             (a zone's Overview page, API section)"
                .into(),
        )
    }
}

/// A UUID: 8-4-4-4-12 hex digits.
pub(crate) fn uuid(s: &str) -> Result<(), String> {
    let groups: Vec<&str> = s.split('-').collect();
    let ok = groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a UUID (8-4-4-4-12 hex digits, as `wrangler d1 list` shows); \
             leave `id` out until the database exists"
        ))
    }
}

/// Lower snake case: `a-z`, digits and single `_`, starting with a letter.
pub(crate) fn snake(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && s.len() <= 64
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !s.contains("__")
        && !s.ends_with('_')
}

/// A flag name.
pub(crate) fn flag(s: &str) -> Result<(), String> {
    if snake(s) {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a flag name: use lower snake case (letters, digits and single `_`, \
             starting with a letter), e.g. \"sms_notifications\""
        ))
    }
}

/// A block name: lower-case letters, digits, `-` and `_`, starting with a letter.
pub(crate) fn block_name(s: &str) -> Result<(), String> {
    let mut chars = s.chars();
    let ok = matches!(chars.next(), Some('a'..='z'))
        && s.len() <= 64
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a block name: lower-case letters, digits, `-` and `_`, \
             starting with a letter, e.g. \"bakery-orders\""
        ))
    }
}

/// A mount prefix: `/` or `/segment[/segment]...`.
pub(crate) fn prefix(s: &str) -> Result<(), String> {
    if s == "/" {
        return Ok(());
    }
    let segment_ok = |seg: &str| {
        !seg.is_empty()
            && seg
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
    };
    match s.strip_prefix('/') {
        Some(rest) if rest.split('/').all(segment_ok) => Ok(()),
        _ => Err(format!(
            "{s:?} is not a mount prefix: write \"/\" or \"/segment\" (more segments allowed, \
             no trailing `/`; letters, digits, `-`, `_`, `.`, `~`), e.g. \"/auth\""
        )),
    }
}

/// A D1 database name: `[a-z0-9-]`, 1 to 64 characters.
pub(crate) fn d1_name(s: &str) -> Result<(), String> {
    if !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a D1 database name: 1 to 64 lower-case letters, digits and `-`, \
             e.g. \"sweetbakery-com-production\""
        ))
    }
}

/// A secret name: `[A-Z][A-Z0-9_]*`.
pub(crate) fn secret_name(s: &str) -> Result<(), String> {
    let mut chars = s.chars();
    if matches!(chars.next(), Some('A'..='Z'))
        && s.len() <= 128
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a secret name: upper-case letters, digits and `_`, starting with a \
             letter, e.g. \"SMS_API_KEY\""
        ))
    }
}

/// A CORS origin: `scheme://host[:port]`, http or https, no path, no trailing slash.
pub(crate) fn origin(s: &str) -> Result<(), String> {
    if s == "*" {
        return Err(
            "\"*\" would let every site call this domain's API with its users' credentials; \
             list each origin, e.g. \"https://sweetbakery.com\""
                .into(),
        );
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return Err(format!(
            "{s:?} is not an origin: write scheme://host[:port], e.g. \"https://sweetbakery.com\""
        ));
    };
    if scheme != "https" && scheme != "http" {
        return Err(format!(
            "{s:?}: the scheme must be https (or http for local development)"
        ));
    }
    if rest.contains('/') {
        return Err(format!(
            "{s:?} has a path or a trailing `/`; an origin is scheme://host[:port] only, \
             e.g. \"https://sweetbakery.com\""
        ));
    }
    let host_part = match rest.rsplit_once(':') {
        Some((h, port)) => {
            match port.parse::<u16>() {
                Ok(p) if p > 0 && !port.starts_with('0') => {}
                _ => return Err(format!("{s:?}: the port must be a number from 1 to 65535")),
            }
            h
        }
        None => rest,
    };
    host(host_part).map_err(|e| format!("in origin {s:?}: {e}"))
}

/// An absolute http(s) URL of a page: an origin (see [`origin`]) and an
/// optional path; no query string or fragment (the sign-in link appends
/// `?token=`).
pub(crate) fn page_url(s: &str) -> Result<(), String> {
    const EXAMPLE: &str = "e.g. \"https://sweetbakery.com/sign-in\"";
    if s.contains('?') || s.contains('#') {
        return Err(format!(
            "{s:?} has a query or a fragment; write the page's URL only ({EXAMPLE}): \
             the link adds ?token=..."
        ));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{s:?} has spaces or control characters"));
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return Err(format!(
            "{s:?} is not an absolute URL: write scheme://host[:port][/path], {EXAMPLE}"
        ));
    };
    let (authority, _path) = rest.split_once('/').unwrap_or((rest, ""));
    origin(&format!("{scheme}://{authority}")).map_err(|e| format!("in URL {s:?}: {e}"))
}

/// Levenshtein distance, in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The candidate closest to `word`, when close enough to be a typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "did you mean `x`?" when one candidate is close.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// `a, b, c` with backticks.
pub(crate) fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
