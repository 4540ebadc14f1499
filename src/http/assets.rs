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
    ///
    /// Works on the bytes, and weighs only the two codings we hold: this runs for every
    /// request (`http::visit`), and splitting checked UTF-8 into trimmed items was 4% of the
    /// instructions spent serving a cached page (issue 15).
    pub fn accepted_in<'v>(values: impl IntoIterator<Item = &'v HeaderValue>) -> [Option<Self>; 3] {
        let (mut br, mut gzip) = (false, false);
        for value in values {
            // What current browsers send (Chromium and Firefox, then Safari), matched whole
            // before the parser below: one comparison instead of a walk over every byte.
            if matches!(
                value.as_bytes(),
                b"gzip, deflate, br, zstd" | b"gzip, deflate, br"
            ) {
                (br, gzip) = (true, true);
                continue;
            }
            // One pass over `name[;params], ...`: the header is a few dozen bytes, and
            // splitting it into items and then each item again cost twice as much.
            let bytes = value.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b',') {
                    i += 1;
                }
                let name_start = i;
                while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b',' | b';') {
                    i += 1;
                }
                let name = &bytes[name_start..i];
                let params_start = i;
                while i < bytes.len() && bytes[i] != b',' {
                    i += 1;
                }
                let is_br = name.eq_ignore_ascii_case(b"br");
                let is_gzip =
                    name.eq_ignore_ascii_case(b"gzip") || name.eq_ignore_ascii_case(b"x-gzip");
                if (is_br || is_gzip) && !refused(&bytes[params_start..i]) {
                    br |= is_br;
                    gzip |= is_gzip;
                }
            }
        }
        [
            br.then_some(Self::Brotli),
            gzip.then_some(Self::Gzip),
            Some(Self::Identity),
        ]
    }

    /// The best coding the request accepts.
    pub fn best_in<'v>(values: impl IntoIterator<Item = &'v HeaderValue>) -> Self {
        Self::accepted_in(values)
            .into_iter()
            .flatten()
            .next()
            .unwrap_or(Self::Identity)
    }
}

/// Whether a coding's parameters (`q=0;x=y`) refuse it: a weight of zero. Any other weight
/// accepts it (we only hold two codings, so their order comes from us, not from `q`).
fn refused(params: &[u8]) -> bool {
    params.split(|&b| b == b';').any(|param| {
        let param = param.trim_ascii();
        param.len() > 2
            && param[..2].eq_ignore_ascii_case(b"q=")
            && std::str::from_utf8(param[2..].trim_ascii())
                .ok()
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(values: &[&'static str]) -> Vec<Coding> {
        let values: Vec<HeaderValue> = values.iter().map(|v| HeaderValue::from_static(v)).collect();
        Coding::accepted_in(&values).into_iter().flatten().collect()
    }

    #[test]
    fn browsers_get_brotli_then_gzip_then_the_bytes_as_they_are() {
        use Coding::{Brotli, Gzip, Identity};
        assert_eq!(
            accepted(&["gzip, deflate, br, zstd"]),
            [Brotli, Gzip, Identity]
        );
        assert_eq!(accepted(&["gzip"]), [Gzip, Identity]);
        assert_eq!(accepted(&["x-gzip"]), [Gzip, Identity]);
        assert_eq!(accepted(&[" BR ;q=0.5"]), [Brotli, Identity]);
        assert_eq!(accepted(&["deflate", "br"]), [Brotli, Identity]);
        assert_eq!(accepted(&[]), [Identity]);
        assert_eq!(accepted(&["identity, *;q=0"]), [Identity]);
        assert_eq!(accepted(&["brotli, gzipx, ,,"]), [Identity]);
    }

    #[test]
    fn the_values_browsers_send_read_the_same_whole_as_parsed() {
        use Coding::{Brotli, Gzip, Identity};
        for (whole, spelled_otherwise) in [
            ("gzip, deflate, br, zstd", "gzip,deflate,br,zstd"),
            ("gzip, deflate, br", "gzip, deflate,  br"),
        ] {
            assert_eq!(accepted(&[whole]), [Brotli, Gzip, Identity]);
            assert_eq!(accepted(&[spelled_otherwise]), accepted(&[whole]));
        }
        // Close to a browser's value is not a browser's value: it is parsed.
        assert_eq!(accepted(&["gzip, deflate, br;q=0"]), [Gzip, Identity]);
        assert_eq!(
            accepted(&["gzip, deflate, br, zstd;q=0"]),
            [Brotli, Gzip, Identity]
        );
    }

    #[test]
    fn a_zero_weight_refuses_a_coding() {
        use Coding::{Brotli, Gzip, Identity};
        assert_eq!(accepted(&["br;q=0, gzip"]), [Gzip, Identity]);
        assert_eq!(accepted(&["br; q=0.000, gzip; Q=0"]), [Identity]);
        assert_eq!(accepted(&["br;level=1;q=0"]), [Identity]);
        assert_eq!(
            accepted(&["br;q=0.001, gzip;q=1"]),
            [Brotli, Gzip, Identity]
        );
        // A weight we cannot read refuses nothing.
        assert_eq!(accepted(&["br;q=, gzip;q=zero"]), [Brotli, Gzip, Identity]);
    }
}
