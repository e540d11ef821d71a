//! Serves the axum host app natively: `cargo run -p example-axum-host`
//! (`PORT`, default 8790; the bakery's `CLODO_*` variables apply to it).

use std::process::ExitCode;

use clodo_sdk::native::ServerConfig;

#[tokio::main]
async fn main() -> ExitCode {
    let run = async {
        let mut cfg = ServerConfig::from_env()?;
        if std::env::var_os("PORT").is_none() {
            cfg.addr.set_port(8790);
        }
        let addr = cfg.addr;
        let app = example_axum_host::router(cfg, example_axum_host::REQUEST_TIMEOUT).await?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        println!("axum host on http://{addr}: the bakery at http://{addr}/bakery/menu");
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok::<(), clodo_sdk::StartError>(())
    };
    match run.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
