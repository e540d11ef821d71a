//! Error accumulation and wording helpers shared by every pipeline stage.
//!
//! The macro never stops at the first problem: each stage pushes every error
//! it finds (with the span of the offending tokens) into an [`Errors`], and
//! the caller decides at the end whether a valid model exists.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use std::fmt::Display;

/// Every error found so far, combined with [`syn::Error::combine`].
#[derive(Default)]
pub(crate) struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    /// Records one error.
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    /// Records an error covering `tokens`.
    pub(crate) fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error at `span`.
    pub(crate) fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// The combined error, if any was recorded.
    pub(crate) fn into_error(self) -> Option<syn::Error> {
        self.combined
    }

    /// One `compile_error!` per recorded error (empty when there are none).
    pub(crate) fn to_compile_errors(&self) -> TokenStream {
        self.combined
            .as_ref()
            .map(syn::Error::to_compile_error)
            .unwrap_or_default()
    }
}

/// Formats a list of names as "`a`, `b`, `c`".
pub(crate) fn name_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A " (did you mean `x`?)" hint when `input` is close to one of `candidates`.
pub(crate) fn did_you_mean(input: &str, candidates: &[&str]) -> String {
    let best = candidates
        .iter()
        .map(|candidate| (edit_distance(input, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance);
    match best {
        Some((_, candidate)) => format!(" (did you mean `{candidate}`?)"),
        None => String::new(),
    }
}

/// Edit distance over chars where swapping two adjacent chars costs one
/// (optimal string alignment), so `nmae` is one edit from `name`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// Renders a type or other tokens the way a person would write them
/// (`Vec<u8>`, not `Vec < u8 >`), for use inside messages.
pub(crate) fn display_tokens(tokens: &impl ToTokens) -> String {
    let mut text = tokens.to_token_stream().to_string();
    for (from, to) in [
        (" < ", "<"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" ::", "::"),
        (":: ", "::"),
        (" ,", ","),
        ("& ", "&"),
        ("( ", "("),
        (" )", ")"),
    ] {
        text = text.replace(from, to);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_names() {
        assert_eq!(name_list(&[]), "");
        assert_eq!(name_list(&["role"]), "`role`");
        assert_eq!(name_list(&["a", "b", "c"]), "`a`, `b`, `c`");
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["name", "version", "migrations"];
        assert_eq!(did_you_mean("nmae", &keys), " (did you mean `name`?)");
        assert_eq!(
            did_you_mean("migration", &keys),
            " (did you mean `migrations`?)"
        );
        assert_eq!(did_you_mean("colour", &keys), "");
    }

    #[test]
    fn displays_types_compactly() {
        let ty: syn::Type = syn::parse_quote!(::std::vec::Vec<(u8, &str)>);
        assert_eq!(display_tokens(&ty), "::std::vec::Vec<(u8, &str)>");
    }
}
