//! Path templates such as `/orders/{id}/ready`.
//!
//! A template starts with `/`, has no empty segments and no trailing `/`
//! (except the root `/`), and each segment is either literal text or a whole
//! `{name}` parameter whose name is a Rust identifier, used once.

use std::collections::HashSet;

/// A validated path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PathTemplate {
    /// The template as written.
    pub(crate) source: String,
    /// Its segments between the `/`s (empty for the root `/`).
    pub(crate) segments: Vec<Segment>,
}

/// One segment of a [`PathTemplate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// Text matched as is.
    Literal(String),
    /// `{name}`: one segment captured into the `Path<_>` argument `name`.
    Param(String),
}

/// Punctuation allowed in literal segments besides ASCII letters and digits
/// (RFC 3986 `pchar`, without percent-encoding).
const SEGMENT_PUNCTUATION: &str = "-._~!$&'()*+,;=:@";

impl PathTemplate {
    /// Parses `source`, or says what is wrong with it and how to fix it.
    pub(crate) fn parse(source: &str) -> Result<Self, String> {
        if source.is_empty() {
            return Err(
                "the path template is empty; a path starts with `/`, e.g. `/orders`".into(),
            );
        }
        let Some(rest) = source.strip_prefix('/') else {
            return Err(format!(
                "path template `{source}` must start with `/`: write `/{source}`"
            ));
        };
        if rest.is_empty() {
            return Ok(PathTemplate {
                source: source.to_owned(),
                segments: Vec::new(),
            });
        }
        if rest.ends_with('/') {
            return Err(format!(
                "path template `{source}` ends with `/`; write `{}` (only the root path is `/`)",
                source.trim_end_matches('/')
            ));
        }
        let mut segments = Vec::new();
        let mut seen = HashSet::new();
        for text in rest.split('/') {
            let segment = parse_segment(source, text)?;
            if let Segment::Param(name) = &segment
                && !seen.insert(name.clone())
            {
                return Err(format!(
                    "path parameter `{{{name}}}` appears twice in `{source}`; \
                     give each parameter its own name"
                ));
            }
            segments.push(segment);
        }
        Ok(PathTemplate {
            source: source.to_owned(),
            segments,
        })
    }

    /// The parameter names, in order.
    pub(crate) fn params(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Param(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
    }

    /// The template with parameter names erased (`/orders/{}`): two routes
    /// with the same method and shape would match the same requests.
    pub(crate) fn shape(&self) -> String {
        if self.segments.is_empty() {
            return "/".to_owned();
        }
        self.segments
            .iter()
            .map(|segment| match segment {
                Segment::Literal(text) => format!("/{text}"),
                Segment::Param(_) => "/{}".to_owned(),
            })
            .collect()
    }
}

fn parse_segment(source: &str, text: &str) -> Result<Segment, String> {
    if text.is_empty() {
        return Err(format!(
            "path template `{source}` has an empty segment (`//`); write `{}`",
            collapse_slashes(source)
        ));
    }
    if text.contains(['{', '}']) {
        if text.matches('{').count() != text.matches('}').count() {
            return Err(format!(
                "unbalanced brace in segment `{text}` of path template `{source}`; \
                 a parameter is written `{{name}}`"
            ));
        }
        return match text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(inner) if !inner.contains(['{', '}']) => {
                parse_param(source, inner).map(Segment::Param)
            }
            _ => Err(whole_segment_error(source, text)),
        };
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !SEGMENT_PUNCTUATION.contains(*c))
    {
        return Err(match bad {
            '?' | '#' => format!(
                "path template `{source}` contains `{bad}`; query parameters are not part of \
                 the path: take them with a `Query<T>` argument"
            ),
            ' ' => format!("path template `{source}` contains a space; use `-` or `_` instead"),
            _ => format!(
                "path template `{source}` contains `{bad}`; literal segments may use ASCII \
                 letters, digits and `{SEGMENT_PUNCTUATION}`"
            ),
        });
    }
    Ok(Segment::Literal(text.to_owned()))
}

fn parse_param(source: &str, name: &str) -> Result<String, String> {
    if name.is_empty() {
        return Err(format!(
            "path template `{source}` has an empty parameter `{{}}`; name it, e.g. `{{id}}`"
        ));
    }
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let valid = starts_well && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') && name != "_";
    if !valid {
        let suggestion: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let suggestion = if suggestion.starts_with(|c: char| c.is_ascii_digit()) {
            format!("p{suggestion}")
        } else {
            suggestion
        };
        return Err(format!(
            "path parameter `{{{name}}}` in `{source}` is not a Rust identifier; \
             name it like the handler argument that receives it, e.g. `{{{suggestion}}}`"
        ));
    }
    Ok(name.to_owned())
}

fn whole_segment_error(source: &str, text: &str) -> String {
    format!(
        "segment `{text}` of path template `{source}` mixes a parameter with other text; \
         a parameter must be a whole segment, like `/orders/{{id}}`"
    )
}

fn collapse_slashes(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for c in source.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(source: &str) -> PathTemplate {
        match PathTemplate::parse(source) {
            Ok(template) => template,
            Err(error) => panic!("{source:?} should parse: {error}"),
        }
    }

    fn err(source: &str) -> String {
        match PathTemplate::parse(source) {
            Ok(template) => panic!("{source:?} should not parse: {template:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn parses_root() {
        let root = ok("/");
        assert!(root.segments.is_empty());
        assert_eq!(root.shape(), "/");
        assert_eq!(root.params().count(), 0);
    }

    #[test]
    fn parses_literals_and_params() {
        let template = ok("/orders/{id}/items/{item_id}/v1.2~x");
        assert_eq!(
            template.segments,
            [
                Segment::Literal("orders".into()),
                Segment::Param("id".into()),
                Segment::Literal("items".into()),
                Segment::Param("item_id".into()),
                Segment::Literal("v1.2~x".into()),
            ]
        );
        assert_eq!(template.params().collect::<Vec<_>>(), ["id", "item_id"]);
        assert_eq!(template.shape(), "/orders/{}/items/{}/v1.2~x");
        assert_eq!(template.source, "/orders/{id}/items/{item_id}/v1.2~x");
    }

    #[test]
    fn param_names_do_not_change_the_shape() {
        assert_eq!(ok("/a/{x}").shape(), ok("/a/{y}").shape());
        assert_ne!(ok("/a/{x}").shape(), ok("/a/x").shape());
    }

    #[test]
    fn rejects_missing_leading_slash() {
        assert!(err("orders").contains("must start with `/`: write `/orders`"));
        assert!(err("").contains("empty"));
    }

    #[test]
    fn rejects_trailing_slash_and_empty_segments() {
        assert!(err("/orders/").contains("write `/orders`"));
        assert!(err("/orders//items").contains("empty segment (`//`); write `/orders/items`"));
        assert!(err("//").contains("ends with `/`"));
    }

    #[test]
    fn rejects_partial_segment_params() {
        for source in ["/files/{name}.txt", "/v{n}", "/{a}{b}", "/{a}-{b}"] {
            assert!(err(source).contains("must be a whole segment"), "{source}");
        }
    }

    #[test]
    fn rejects_unbalanced_braces() {
        assert!(err("/orders/{id").contains("unbalanced brace"));
        assert!(err("/orders/id}").contains("unbalanced brace"));
        assert!(err("/orders/{{id}").contains("unbalanced brace"));
    }

    #[test]
    fn rejects_bad_param_names() {
        assert!(err("/orders/{}").contains("empty parameter"));
        assert!(err("/orders/{order-id}").contains("e.g. `{order_id}`"));
        assert!(err("/orders/{1st}").contains("e.g. `{p1st}`"));
        assert!(err("/orders/{_}").contains("not a Rust identifier"));
        assert!(err("/orders/{ id }").contains("not a Rust identifier"));
        assert_eq!(ok("/orders/{_id2}").params().collect::<Vec<_>>(), ["_id2"]);
    }

    #[test]
    fn rejects_duplicate_params() {
        assert!(err("/a/{id}/b/{id}").contains("`{id}` appears twice"));
    }

    #[test]
    fn rejects_characters_outside_a_path() {
        assert!(err("/orders?open=1").contains("`Query<T>`"));
        assert!(err("/my orders").contains("space"));
        assert!(err("/caf\u{e9}").contains("literal segments may use"));
        assert!(err("/a%20b").contains("`%`"));
    }
}
