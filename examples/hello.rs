//! A minimal axum "hello world", the ceiling our pages are measured against in BENCHMARKS.md.
//! Run: `cargo run --release --example hello -- 127.0.0.1:3901`.

use axum::Router;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3901".to_owned());
    let app = Router::new().route("/", get(|| async { "Hello, world!" }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("hello listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
