//! Whole-pipeline tests: expansion snapshots and error accumulation.
//!
//! Snapshots live in `tests/snapshots/*.rs.snap`; regenerate them with
//! `CLODO_BLESS=1 cargo test -p clodo-macros --lib` and review the diff.

use super::clodo_block;
use crate::model::BuildEnv;
use proc_macro2::TokenStream;
use quote::quote;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-block")
}

fn fixture_env() -> BuildEnv {
    BuildEnv {
        manifest_dir: Some(fixture_dir()),
    }
}

/// Formats `tokens` as a Rust file; panics (this is a test) when the
/// expansion is not even valid syntax.
fn pretty(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(error) => panic!("expansion is not a valid file ({error}):\n{tokens}"),
    }
}

fn assert_snapshot(name: &str, tokens: TokenStream) {
    let fixture = fixture_dir().display().to_string();
    let actual = format!(
        "// Expansion snapshot `{name}`: regenerate with \
         `CLODO_BLESS=1 cargo test -p clodo-macros --lib`.\n\
         // `$FIXTURE` stands for clodo-macros/tests/fixtures/sample-block.\n\n{}",
        pretty(tokens).replace(&fixture, "$FIXTURE")
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.rs.snap"));
    let bless = std::env::var("CLODO_BLESS").is_ok_and(|value| !value.is_empty() && value != "0");
    if bless {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create tests/snapshots");
        }
        std::fs::write(&path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read snapshot {} ({error}); create it with \
             `CLODO_BLESS=1 cargo test -p clodo-macros --lib`",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "expansion differs from {} (`-` snapshot, `+` now); if the change is intended, \
             run `CLODO_BLESS=1 cargo test -p clodo-macros --lib`\n\n{}",
            path.display(),
            line_diff(&expected, &actual)
        );
    }
}

/// A unified-style line diff (longest common subsequence), with two lines
/// of context around each change.
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', i + 1, a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', i + 1, a[i]));
            i += 1;
        } else {
            lines.push(('+', j + 1, b[j]));
            j += 1;
        }
    }
    let near_change = |index: usize| {
        lines[index.saturating_sub(2)..(index + 3).min(lines.len())]
            .iter()
            .any(|(tag, _, _)| *tag != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (index, (tag, number, line)) in lines.iter().enumerate() {
        if near_change(index) {
            if skipped {
                out.push_str("   ...\n");
                skipped = false;
            }
            out.push_str(&format!("{tag}{number:>4} {line}\n"));
        } else {
            skipped = true;
        }
    }
    out
}

/// The sample block: every argument kind, every access kind, docs of every
/// shape, a non-handler item, migrations from the fixture directory.
fn sample() -> TokenStream {
    clodo_block(
        quote!(
            name = "bakery-orders",
            features(sms_notifications, loyalty = true)
        ),
        quote! {
            /// Orders for a small bakery.
            ///
            /// Customers order;
            /// staff mark orders ready.
            impl BakeryOrders {
                /// Today's menu.
                ///
                /// Anyone may read it,
                /// signed in or not.
                ///
                /// Second paragraph.
                #[get("/menu")]
                #[public]
                async fn menu(
                    ctx: &Ctx,
                    user: Option<User>,
                    filter: Query<MenuFilter>,
                ) -> Result<Json<Vec<MenuItem>>, ApiError> {
                    todo!()
                }

                /// Place an order
                /// for the signed-in customer.
                #[post("/orders")]
                #[allow(clippy::unused_async)]
                async fn place_order(
                    ctx: &Ctx,
                    user: User,
                    order: Json<NewOrder>,
                ) -> Result<Created<Order>, ApiError> {
                    todo!()
                }

                /// Staff mark an order ready.
                #[post("/orders/{id}/ready")]
                #[auth(role = "staff", role = "admin")]
                #[feature("sms_notifications")]
                async fn mark_ready(ctx: &Ctx, Path(id): Path<i64>) -> Result<Json<Order>, ApiError> {
                    todo!()
                }

                #[delete("/orders/{order_id}")]
                #[auth(role = "staff")]
                async fn cancel_order(r#order_id: clodo_sdk::Path<i64>, _: User) -> NoContent {
                    todo!()
                }

                #[get("/")]
                async fn whoami(user: User) {}

                fn helper() -> u8 {
                    1
                }
            }
        },
        &fixture_env(),
    )
}

#[test]
fn expands_the_sample_block() {
    assert_snapshot("expand_sample", sample());
}

#[test]
fn invalid_block_keeps_the_impl_and_reports_errors() {
    let tokens = clodo_block(
        quote!(nmae = "x"),
        quote! {
            impl BakeryOrders {
                #[get("/menu")]
                #[public]
                fn menu(&self) -> String {
                    String::new()
                }
            }
        },
        &BuildEnv::default(),
    );
    assert_snapshot("expand_invalid", tokens);
}

/// The messages of every `compile_error!` in an expansion.
fn errors_of(args: TokenStream, item: TokenStream) -> Vec<String> {
    let file: syn::File = match syn::parse2(clodo_block(args, item, &fixture_env())) {
        Ok(file) => file,
        Err(error) => panic!("expansion is not a valid file: {error}"),
    };
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(mac) if mac.mac.path.segments.last()?.ident == "compile_error" => {
                syn::parse2::<syn::LitStr>(mac.mac.tokens.clone()).ok()
            }
            _ => None,
        })
        .map(|message| message.value())
        .collect()
}

fn assert_errors(errors: &[String], expected: &[&str]) {
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for (error, expected) in errors.iter().zip(expected) {
        assert!(error.contains(expected), "{error:?}\nlacks {expected:?}");
    }
}

#[test]
fn accumulates_errors_from_every_stage() {
    let errors = errors_of(
        quote!(version = 1, migrations = "missing"),
        quote! {
            impl B {
                #[get("orders")]
                async fn a(&self, s: String) {}
                #[post("/x/{id}")]
                #[public]
                async fn b(user: User, order: Json<(u8, u8)>, again: Json<u8>) {}
                #[post("/x/{other}")]
                fn c(other: Path<u8>, x: Path<u8>) {}
                #[public]
                async fn d() {}
                #[auth]
                const E: u8 = 1;
            }
        },
    );
    assert_errors(
        &errors,
        &[
            "`version` takes a string literal",
            "clodo handler attributes go on an `async fn`",
            "migrations directory `missing` does not exist",
            "must start with `/`: write `/orders`",
            "handlers take no `self`",
            "unsupported handler argument type `String`",
            "a `User` argument turns them away",
            "OpenAPI 3.0 cannot describe the tuple `(u8, u8)`",
            "`order` already reads it",
            "path parameter `{id}` of `/x/{id}` has no matching argument",
            "handler `c` must be async",
            "argument `x: Path<_>` does not match a parameter of `/x/{other}`",
            "#[public] needs a route attribute on the same fn",
            "`POST /x/{other}` is already served by `b` (`POST /x/{id}`)",
        ],
    );
}

#[test]
fn renamed_path_argument_is_one_error() {
    let errors = errors_of(
        quote!(),
        quote! {
            impl B {
                #[get("/orders/{id}")]
                async fn a(order_id: Path<i64>) {}
            }
        },
    );
    assert_errors(
        &errors,
        &["rename the argument to `id` or the parameter to `{order_id}`"],
    );
}

#[test]
fn operation_names_compare_without_case_and_underscores() {
    let errors = errors_of(
        quote!(),
        quote! {
            impl B {
                #[get("/a")]
                async fn get_order() {}
                #[get("/b")]
                async fn getOrder() {}
            }
        },
    );
    assert_errors(
        &errors,
        &["operation name `getOrder` clashes with `get_order`"],
    );
}

#[test]
fn rejects_items_that_are_not_inherent_impls() {
    let item = quote!(
        struct NotAnImpl;
    );
    let errors = errors_of(quote!(), item.clone());
    assert_errors(&errors, &["goes on the inherent impl of a block type"]);
    let output = clodo_block(quote!(), item, &fixture_env()).to_string();
    assert!(output.starts_with("struct NotAnImpl ;"), "{output}");

    let errors = errors_of(
        quote!(),
        quote!(
            impl<T> Tr for B<T> {}
        ),
    );
    assert_errors(&errors, &["not on a trait impl", "cannot be generic"]);
}

#[test]
fn cfg_handlers_push_guarded_routes() {
    let output = pretty(clodo_block(
        quote!(),
        quote! {
            impl B {
                #[cfg(feature = "admin")]
                #[get("/admin")]
                async fn admin(user: User) {}
            }
        },
        &BuildEnv::default(),
    ));
    assert!(
        output.contains("#[cfg(feature = \"admin\")]\n        __clodo_routes\n"),
        "{output}"
    );
    assert!(
        output.contains(
            "fn migrations() -> &'static [::clodo_sdk::__private::Migration] {\n        &[]"
        ),
        "{output}"
    );
}

#[test]
fn routes_behind_different_cfgs_may_share_a_path() {
    let errors = errors_of(
        quote!(),
        quote! {
            impl B {
                #[cfg(feature = "v2")]
                #[get("/orders")]
                async fn list_orders_v2() {}
                #[cfg(not(feature = "v2"))]
                #[get("/orders")]
                async fn list_orders() {}
                #[cfg(not(feature = "v2"))]
                #[get("/orders")]
                async fn listOrders() {}
            }
        },
    );
    assert_errors(
        &errors,
        &[
            "`GET /orders` is already served by `list_orders`;",
            "operation name `listOrders` clashes with `list_orders`",
        ],
    );
}
