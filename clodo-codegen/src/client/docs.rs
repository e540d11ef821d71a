//! Doc comments from document text, tidied so rustdoc and clippy accept them.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = …]` attributes for `text` (nothing for `None` or blank text).
pub fn doc_attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text else {
        return quote!();
    };
    let lines = tidy(text);
    if lines.is_empty() {
        return quote!();
    }
    let lines = lines.iter().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// Whether rustdoc treats a fence with this info string as Rust: when it is
/// empty or every word is `rust` or one of rustdoc's code block attributes.
fn runs_as_doctest(info: &str) -> bool {
    info.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w,
                "rust"
                    | "ignore"
                    | "should_panic"
                    | "no_run"
                    | "compile_fail"
                    | "test_harness"
                    | "standalone_crate"
            ) || w.starts_with("edition")
                || w.starts_with("ignore-")
        })
}

/// Cleans Markdown from a document: tabs become spaces, trailing space goes,
/// lines that lazily continue a list item are indented under it, and code
/// fences rustdoc would run are marked `text` so they are not doctests.
pub fn tidy(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut item_indent: Option<usize> = None;
    let mut in_fence = false;
    for raw in text.replace("\r\n", "\n").replace('\t', "    ").lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with("```") {
            // An opening fence rustdoc would run as a doctest (bare, `rust`,
            // or only rustdoc's own attributes) becomes `text`: the
            // document's code was not written for this crate. Other languages
            // (`json`, `sh`) stay, rustdoc does not run them.
            if !in_fence && runs_as_doctest(trimmed.trim_start_matches('`')) {
                out.push(format!("{}```text", " ".repeat(indent)));
            } else {
                out.push(line.to_owned());
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(line.to_owned());
            continue;
        }
        if trimmed.is_empty() {
            item_indent = None;
            out.push(String::new());
            continue;
        }
        if let Some(marker) = list_marker(trimmed) {
            item_indent = Some(indent + marker);
            out.push(line.to_owned());
            continue;
        }
        match item_indent {
            Some(want) if indent < want => out.push(format!("{}{trimmed}", " ".repeat(want))),
            _ => out.push(line.to_owned()),
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    while out.first().is_some_and(String::is_empty) {
        out.remove(0);
    }
    out
}

/// Width of a list marker (`- `, `* `, `+ `, `1. `, `1) `) at the start of `s`.
fn list_marker(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'-' | b'*' | b'+') && b[1] == b' ' {
        return Some(2);
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && b.len() > digits + 1
        && matches!(b[digits], b'.' | b')')
        && b[digits + 1] == b' '
    {
        return Some(digits + 2);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_lazy_list_continuations() {
        assert_eq!(
            tidy("Intro\n\n- one\ncontinued\n1. two\n   more\n\nafter\t"),
            vec![
                "Intro",
                "",
                "- one",
                "  continued",
                "1. two",
                "   more",
                "",
                "after"
            ]
        );
    }

    #[test]
    fn marks_bare_fences_as_text() {
        assert_eq!(tidy("```\nx\n```"), vec!["```text", "x", "```"]);
        assert_eq!(tidy("```json\n{}\n```"), vec!["```json", "{}", "```"]);
        // Rust as rustdoc reads it: not this crate's code, so not a doctest.
        for info in ["rust", "rust,no_run", "should_panic", "edition2021"] {
            assert_eq!(
                tidy(&format!("```{info}\nnot rust {{\n```")),
                vec!["```text", "not rust {", "```"],
                "{info}"
            );
        }
    }
}
