//! An existing axum app that mounts a Clodo app: the bakery (its block, the
//! auth block and the data block) is nested under `/bakery` with
//! `Router::nest_service`, and the whole router is wrapped in tower-http's
//! gzip compression and a request timeout. The bakery's routes, auth,
//! problem+json errors and contract are exactly those of
//! `cargo run -p example-bakery-orders`, under the prefix.

use std::time::Duration;

use axum::Router;
use axum::routing::get;
use clodo_sdk::StartError;
use clodo_sdk::native::ServerConfig;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

/// How long a request may take before the timeout layer answers 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The host app: its own routes, the bakery under `/bakery`, and the layers.
/// `cfg` is the bakery's native config (domains, data directory, secrets).
pub async fn router(cfg: ServerConfig, timeout: Duration) -> Result<Router, StartError> {
    let bakery = example_bakery_orders::app().into_http_service(cfg).await?;
    Ok(Router::new()
        .route(
            "/",
            get(|| async { "The shop's own axum app. The bakery is at /bakery/menu.\n" }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                "never"
            }),
        )
        .nest_service("/bakery", bakery)
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            timeout,
        )))
}
