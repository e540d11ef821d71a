//! Panics on Workers. Workers builds abort on panic (`panic = "abort"`, the
//! only strategy stable Rust offers on wasm32), so a panicking handler cannot
//! be caught in Rust the way the native runtime's `CatchUnwind` does. What
//! happens instead:
//!
//! 1. every request's future runs inside [`Scoped`], which marks it as the
//!    current request while it is polled;
//! 2. the panic hook ([`install_hook`]) renders the current request's 500
//!    problem+json (the same document `ApiError::internal` gives natively),
//!    hands it to the request's JavaScript slot (`slot.panicked(id, body)`,
//!    see `scripts/workers/entry.mjs`), which answers the request with it,
//!    and logs the handler and message;
//! 3. the instance traps; wasm-bindgen's abort handler (the build passes
//!    `--force-enable-abort-handler --experimental-reset-state-function`)
//!    and the `worker` crate's hook schedule a reset, so the next request
//!    runs on a fresh instance and starts the app again.
//!
//! Requests in flight in the same isolate at that moment fail too: their
//! state lived in the instance that aborted.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use wasm_bindgen::{JsCast as _, JsValue};

use crate::error::ApiError;

/// The request being polled, the handler it has reached, and the
/// JavaScript object that answers it if it panics.
struct Slot {
    request_id: RefCell<Arc<str>>,
    operation: Cell<Option<&'static str>>,
    js: JsValue,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Slot>>> = const { RefCell::new(None) };
    static HOOKED: Cell<bool> = const { Cell::new(false) };
}

/// Records that the current request entered handler `operation`.
pub(crate) fn note_operation(operation: &'static str) {
    CURRENT.with(|c| {
        if let Some(slot) = &*c.borrow() {
            slot.operation.set(Some(operation));
        }
    });
}

/// Sets the current request's id (known once the service has started).
pub(crate) fn set_request_id(id: &Arc<str>) {
    CURRENT.with(|c| {
        if let Some(slot) = &*c.borrow() {
            *slot.request_id.borrow_mut() = Arc::clone(id);
        }
    });
}

/// A request's future, marked as the current request while polled.
pub(crate) struct Scoped<F> {
    slot: Rc<Slot>,
    inner: Pin<Box<F>>,
}

impl<F: Future> Scoped<F> {
    /// Wraps `inner`; `js` answers the request if it panics.
    pub(crate) fn new(request_id: Arc<str>, js: JsValue, inner: F) -> Self {
        Self {
            slot: Rc::new(Slot {
                request_id: RefCell::new(request_id),
                operation: Cell::new(None),
                js,
            }),
            inner: Box::pin(inner),
        }
    }
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let slot = Rc::clone(&self.slot);
        let previous = CURRENT.with(|c| c.replace(Some(slot)));
        let out = self.inner.as_mut().poll(cx);
        CURRENT.with(|c| *c.borrow_mut() = previous);
        out
    }
}

/// Chains the runtime's hook in front of the one already set (the `worker`
/// crate's, which logs the panic and flags the instance for reset).
pub(crate) fn install_hook() {
    if HOOKED.with(|h| h.replace(true)) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let slot = CURRENT.with(|c| c.borrow().clone());
        if let Some(slot) = slot {
            let rid = slot.request_id.borrow().clone();
            let handler = slot.operation.get().unwrap_or("(before the handler)");
            worker::console_error!("clodo: request {rid}: handler `{handler}` panicked: {info}");
            let problem =
                ApiError::internal(format!("handler `{handler}` panicked")).to_problem(&rid);
            if let Ok(body) = serde_json::to_string(&problem)
                && let Ok(f) = js_sys::Reflect::get(&slot.js, &JsValue::from_str("panicked"))
                && let Some(f) = f.dyn_ref::<js_sys::Function>()
            {
                let _ = f.call2(
                    &slot.js,
                    &JsValue::from_str(&rid),
                    &JsValue::from_str(&body),
                );
            }
        }
        previous(info);
    }));
}
