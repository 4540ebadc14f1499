//! Static assets (GOV.UK Frontend, Leaflet, our CSS and JS), compiled into the binary from
//! `assets/dist`, so no page loads anything from another host.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "assets/dist/"]
struct Dist;

/// `GET /assets/{*path}`.
pub async fn serve(Path(path): Path<String>) -> Response {
    let Some(file) = Dist::get(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let mut res = file.data.into_owned().into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.essence_str()) {
        h.insert(header::CONTENT_TYPE, v);
    }
    // Names carry no hash, so keep them fresh for an hour rather than forever.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..12]));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    res
}

/// Whether an asset exists (for tests and start-up checks).
pub fn exists(path: &str) -> bool {
    Dist::get(path).is_some()
}
