//! Static assets (GOV.UK Frontend, Leaflet, our CSS and JS), compiled into the binary from
//! `assets/dist`, so no page loads anything from another host.
//!
//! `scripts/build-assets.mjs` gives each top-level file a content-hashed copy
//! (`app.css` → `app.<hash>.css`) listed in `assets/dist/manifest.json`; pages link to the
//! hashed names through [`url`], and those are served as immutable for a year. It also stores
//! every text file compressed (`.br`, `.gz`), so a request costs no compression work: we pick
//! the stored form the browser accepts, with `Vary: Accept-Encoding`.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;
use rustc_hash::FxHashMap;

use super::error::AppError;

#[derive(RustEmbed)]
#[folder = "assets/dist/"]
struct Dist;

/// Plain name → hashed name, from the build's manifest.
static MANIFEST: LazyLock<FxHashMap<String, String>> = LazyLock::new(|| {
    Dist::get("manifest.json")
        .and_then(|f| serde_json::from_slice(&f.data).ok())
        .unwrap_or_default()
});

/// Hashed names, which never change contents.
static HASHED: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| MANIFEST.values().map(String::as_str).collect());

/// The URL of asset `name` (`app.css`): its fingerprinted name when the build made one, so it
/// can be cached for a year; otherwise the plain name.
pub fn url(name: &str) -> String {
    match MANIFEST.get(name) {
        Some(hashed) => format!("/assets/{hashed}"),
        None => format!("/assets/{name}"),
    }
}

/// A content coding we store assets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    /// Brotli (`br`).
    Brotli,
    /// gzip.
    Gzip,
    /// As is.
    Identity,
}

impl Coding {
    /// The `Content-Encoding` value, if any.
    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Self::Brotli => Some(HeaderValue::from_static("br")),
            Self::Gzip => Some(HeaderValue::from_static("gzip")),
            Self::Identity => None,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Self::Brotli => ".br",
            Self::Gzip => ".gz",
            Self::Identity => "",
        }
    }

    /// The codings the request accepts, best first (brotli, then gzip), then identity.
    /// Hand-rolled because the header's grammar we need is small (a list of names with an
    /// optional `q`), and tower-http keeps its parser private.
    pub fn accepted(headers: &HeaderMap) -> [Option<Self>; 3] {
        Self::accepted_in(headers.get_all(header::ACCEPT_ENCODING))
    }

    /// [`Coding::accepted`], from the values of the request's `Accept-Encoding` headers.
    pub fn accepted_in<'v>(values: impl IntoIterator<Item = &'v HeaderValue>) -> [Option<Self>; 3] {
        let (mut br, mut gzip) = (false, false);
        for value in values {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                // `q=0` refuses a coding; any other weight accepts it (we only hold two).
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                if name.eq_ignore_ascii_case("br") {
                    br = true;
                } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                    gzip = true;
                }
            }
        }
        [
            br.then_some(Self::Brotli),
            gzip.then_some(Self::Gzip),
            Some(Self::Identity),
        ]
    }
}

/// `GET /assets/{*path}`. An unknown name (an old hash after a deploy, say) gets the not-found
/// page, like any other unknown URL.
pub async fn serve(Path(path): Path<String>, headers: HeaderMap) -> Response {
    // The stored compressed forms are not assets of their own.
    if path.ends_with(".br") || path.ends_with(".gz") {
        return AppError::NotFound.into_response();
    }
    let Some((coding, file)) = Coding::accepted(&headers)
        .into_iter()
        .flatten()
        .find_map(|c| Dist::get(&format!("{path}{}", c.suffix())).map(|f| (c, f)))
    else {
        return AppError::NotFound.into_response();
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let mut res = file.data.into_owned().into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.essence_str()) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Some(v) = coding.header() {
        h.insert(header::CONTENT_ENCODING, v);
    }
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::CACHE_CONTROL,
        if HASHED.contains(path.as_str()) {
            HeaderValue::from_static("public, max-age=31536000, immutable")
        } else {
            // A plain name may change with the next deploy: keep it fresh for an hour.
            HeaderValue::from_static("public, max-age=3600")
        },
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
