//! The ceiling for a cached page: a bare axum server answering every request with the same
//! bytes and headers as one of our responses, captured with curl. `BENCHMARKS.md` (issue 15)
//! compares hello world, this, and the real service in the same run.
//!
//! ```sh
//! curl -s -D headers.txt -o body.br -H 'Accept-Encoding: br' http://127.0.0.1:PORT/advice/stalking
//! cargo run --release --example static_page -- 127.0.0.1:3902 body.br headers.txt
//! ```

use anyhow::Context;
use axum::Router;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::routing::get;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(body), Some(headers)) = (args.next(), args.next(), args.next()) else {
        anyhow::bail!("usage: static_page ADDR BODY_FILE HEADERS_FILE");
    };
    let body: &'static [u8] = Vec::leak(std::fs::read(&body).context("body file")?);
    let mut map = HeaderMap::new();
    // The status line first, then `name: value` lines; the server sets its own length and date.
    for line in std::fs::read_to_string(&headers)
        .context("headers file")?
        .lines()
        .skip(1)
    {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = HeaderName::from_bytes(name.trim().as_bytes())?;
        if name == axum::http::header::CONTENT_LENGTH || name == axum::http::header::DATE {
            continue;
        }
        map.append(name, HeaderValue::from_str(value.trim())?);
    }
    let app = Router::new().route("/", get(move || async move { (map.clone(), body) }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("static page listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
