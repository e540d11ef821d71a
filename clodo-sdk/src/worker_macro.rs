//! [`worker_app!`](crate::worker_app): the Workers entrypoint of a block
//! crate. Always compiled, so native crates may invoke it (it expands to
//! nothing there); the runtime it calls is `crate::worker` (wasm32 only).

/// Generates the Workers `fetch` entrypoint of a crate on wasm32; expands to
/// nothing on other targets, so native builds are unaffected.
///
/// The argument is a function returning the [`App`](crate::App) to serve (called once
/// per isolate, on its first request):
///
/// ```ignore
/// pub fn app() -> clodo_sdk::App { /* mount blocks */ }
///
/// clodo_sdk::worker_app!(crate::app);
/// ```
#[macro_export]
macro_rules! worker_app {
    ($app:path) => {
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            #[$crate::__private::wasm_bindgen::prelude::wasm_bindgen(
                                wasm_bindgen = $crate::__private::wasm_bindgen,
                                wasm_bindgen_futures = $crate::__private::wasm_bindgen_futures,
                                js_sys = $crate::__private::js_sys,
                                js_name = "fetch"
                            )]
            pub async fn __clodo_fetch(
                req: $crate::__private::wasm_bindgen::JsValue,
                env: $crate::__private::wasm_bindgen::JsValue,
                _ctx: $crate::__private::wasm_bindgen::JsValue,
                slot: $crate::__private::wasm_bindgen::JsValue,
            ) -> ::core::result::Result<
                $crate::__private::wasm_bindgen::JsValue,
                $crate::__private::wasm_bindgen::JsValue,
            > {
                $crate::__private::worker_fetch($app, req, env, slot).await
            }
        };
    };
}
