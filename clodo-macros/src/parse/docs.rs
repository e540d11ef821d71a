//! Doc comments: `///` lines become an OpenAPI summary and description.
//!
//! The first paragraph is the summary (its lines joined with a space); every
//! later paragraph is the description (lines joined with `\n`, paragraphs
//! with `\n\n`). One leading space is trimmed from each line, which is what
//! `/// text` leaves behind; deeper indentation (code blocks) is kept.

use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// The documentation of one item, split for the contract.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Docs {
    /// First paragraph, on one line.
    pub(crate) summary: Option<String>,
    /// Every later paragraph.
    pub(crate) description: Option<String>,
}

impl Docs {
    /// Reads the `#[doc = "..."]` attributes (what `///` desugars to).
    pub(crate) fn from_attrs(attrs: &[Attribute]) -> Self {
        Self::from_lines(&doc_lines(attrs))
    }

    /// Splits already-extracted doc lines into summary and description.
    pub(crate) fn from_lines(lines: &[String]) -> Self {
        let mut paragraphs: Vec<Vec<&str>> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in lines {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            } else {
                current.push(line.trim_end());
            }
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }

        let mut paragraphs = paragraphs.into_iter();
        let summary = paragraphs.next().map(|lines| {
            lines
                .iter()
                .map(|line| line.trim())
                .collect::<Vec<_>>()
                .join(" ")
        });
        let rest: Vec<String> = paragraphs.map(|lines| lines.join("\n")).collect();
        let description = (!rest.is_empty()).then(|| rest.join("\n\n"));
        Docs {
            summary,
            description,
        }
    }

    /// Summary and description as one text (for a block's description).
    pub(crate) fn full_text(&self) -> String {
        match (&self.summary, &self.description) {
            (Some(summary), Some(description)) => format!("{summary}\n\n{description}"),
            (Some(summary), None) => summary.clone(),
            (None, Some(description)) => description.clone(),
            (None, None) => String::new(),
        }
    }
}

/// The lines of every string-literal `#[doc]` attribute, in order, with one
/// leading space trimmed. `#[doc = include_str!(..)]` and `#[doc(hidden)]`
/// carry no literal text and are skipped.
fn doc_lines(attrs: &[Attribute]) -> Vec<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let Meta::NameValue(meta) = &attr.meta else {
            continue;
        };
        let Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &meta.value
        else {
            continue;
        };
        for line in text.value().split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            lines.push(line.strip_prefix(' ').unwrap_or(line).to_owned());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn docs(lines: &[&str]) -> Docs {
        let lines: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
        Docs::from_lines(&lines)
    }

    #[test]
    fn no_docs_is_empty() {
        assert_eq!(docs(&[]), Docs::default());
        assert_eq!(docs(&["", "  "]), Docs::default());
    }

    #[test]
    fn one_paragraph_is_the_summary() {
        let d = docs(&["Place an order", "for the signed-in customer."]);
        assert_eq!(
            d.summary.as_deref(),
            Some("Place an order for the signed-in customer.")
        );
        assert_eq!(d.description, None);
    }

    #[test]
    fn later_paragraphs_are_the_description() {
        let d = docs(&[
            "Summary line.",
            "",
            "First paragraph",
            "continues here.",
            "",
            "",
            "    indented code",
            "Second.",
        ]);
        assert_eq!(d.summary.as_deref(), Some("Summary line."));
        assert_eq!(
            d.description.as_deref(),
            Some("First paragraph\ncontinues here.\n\n    indented code\nSecond.")
        );
        assert_eq!(
            d.full_text(),
            "Summary line.\n\nFirst paragraph\ncontinues here.\n\n    indented code\nSecond."
        );
    }

    #[test]
    fn reads_doc_attributes_trimming_one_space() {
        let item: syn::ItemFn = parse_quote! {
            /// Today's menu.
            ///
            ///   Two spaces: one kept.
            #[doc = "Line from an attribute."]
            #[doc(hidden)]
            #[inline]
            fn menu() {}
        };
        let d = Docs::from_attrs(&item.attrs);
        assert_eq!(d.summary.as_deref(), Some("Today's menu."));
        assert_eq!(
            d.description.as_deref(),
            Some("  Two spaces: one kept.\nLine from an attribute.")
        );
    }
}
