//! The bakery block mounted alone, as a Worker: the same routes as the
//! hand-written `benches/plain-worker`, so `scripts/workers/bench.sh` can
//! compare bundle sizes like for like (the full bakery app also carries the
//! auth and data blocks).

use clodo_sdk::App;
use example_bakery_orders::BakeryOrders;

/// The app: only the bakery block, at the root.
pub fn app() -> App {
    App::new().mount::<BakeryOrders>("/")
}

clodo_sdk::worker_app!(crate::app);
