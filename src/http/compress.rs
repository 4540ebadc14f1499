//! Compression of the responses rendered per request: form pages, problem pages, JSON.
//!
//! Cached pages and assets arrive already compressed (`Content-Encoding` and `Vary` set by
//! their handlers) and pass through untouched, so for them nothing here parses
//! `Accept-Encoding`. Hand-rolled around the brotli and flate2 encoders rather than
//! tower-http's `CompressionLayer` for that reason: the layer parses the header on every
//! request before it sees the response, which was 8% of the instructions spent serving a
//! cached page (issue 15). The bodies compressed here are whole in memory (a rendered
//! template, serialised JSON); a body of unknown length, a stream, is left as it is.
//!
//! BREACH needs a victim's secret and an attacker's input in one response to a request the
//! attacker makes the victim's browser send; every cookie that carries a session is
//! `SameSite=Strict`, so such a request carries none (docs/SECURITY.md).

use axum::body::HttpBody as _;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::assets::Coding;

/// Bodies smaller than this are sent as they are: the coding's own framing would eat most
/// of the gain.
const MIN_BYTES: u64 = 256;

/// How hard to work at compressing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Done once and kept (a cached page): the smallest output.
    Best,
    /// Done for every request (a form page): most of the gain for little work.
    Fast,
}

/// `bytes` in `coding`, or `None` for identity or if the encoder failed (then the caller
/// sends the bytes as they are).
pub fn compress(bytes: &[u8], coding: Coding, effort: Effort) -> Option<Vec<u8>> {
    use std::io::Write;
    match coding {
        Coding::Gzip => {
            let level = match effort {
                Effort::Best => flate2::Compression::best(),
                Effort::Fast => flate2::Compression::new(6),
            };
            let mut e = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), level);
            e.write_all(bytes).ok()?;
            e.finish().ok()
        }
        Coding::Brotli => {
            let mut out = Vec::with_capacity(bytes.len() / 3);
            let params = brotli::enc::BrotliEncoderParams {
                quality: match effort {
                    Effort::Best => 11,
                    Effort::Fast => 5,
                },
                size_hint: bytes.len(),
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).ok()?;
            Some(out)
        }
        Coding::Identity => None,
    }
}

/// `res` compressed in `coding`, the best the request accepts (worked out by the frame
/// before the request went to its handler), if it is text of a known length that nothing has
/// compressed yet.
pub async fn negotiated(coding: Coding, res: Response) -> Response {
    if !worth_compressing(&res) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    // `Vary` whatever the choice: a cache must not hand this form to another browser.
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if coding == Coding::Identity {
        return Response::from_parts(parts, body);
    }
    // The length is known (`worth_compressing`), so the body is in memory already.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::warn!(error = %e, "response body could not be read for compression");
            return Response::from_parts(parts, Body::empty());
        }
    };
    let Some(compressed) = compress(&bytes, coding, Effort::Fast) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if let Some(value) = coding.header() {
        parts.headers.insert(header::CONTENT_ENCODING, value);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(Bytes::from(compressed)))
}

/// Text of a known length of at least [`MIN_BYTES`], with a full status, that no handler
/// has compressed or negotiated (`Content-Encoding` or `Vary: accept-encoding` set). The
/// cheap checks come first: most responses (cached pages, assets) stop at the first.
fn worth_compressing(res: &Response) -> bool {
    let h = res.headers();
    if h.contains_key(header::CONTENT_ENCODING)
        || res.body().size_hint().exact().is_none_or(|n| n < MIN_BYTES)
    {
        return false;
    }
    let status = res.status();
    // Not a range (206): its bytes are a slice of the whole, which a coding would change.
    let whole = (status.is_success() && status != StatusCode::PARTIAL_CONTENT)
        || status.is_client_error()
        || status.is_server_error();
    let mentions = |name, what: &str| {
        h.get_all(name).iter().any(|v| {
            v.to_str()
                .is_ok_and(|v| v.to_ascii_lowercase().contains(what))
        })
    };
    whole
        && h.get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(compressible)
        && !mentions(header::VARY, "accept-encoding")
        && !mentions(header::CACHE_CONTROL, "no-transform")
}

/// Whether a `Content-Type` is text worth compressing (not images, archives or streams).
fn compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    (essence.starts_with("text/") && essence != "text/event-stream")
        || matches!(
            essence.as_str(),
            "application/json" | "application/javascript" | "application/xml" | "image/svg+xml"
        )
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    fn accepting(value: &str) -> Coding {
        let mut h = axum::http::HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, value.parse().expect("value"));
        Coding::best_in(h.get_all(header::ACCEPT_ENCODING))
    }

    fn page(content_type: &'static str, len: usize) -> Response {
        ([(header::CONTENT_TYPE, content_type)], "a".repeat(len)).into_response()
    }

    async fn body(res: Response) -> Vec<u8> {
        axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec()
    }

    #[tokio::test]
    async fn text_rendered_per_request_is_compressed_in_the_best_coding_accepted() {
        let res = negotiated(
            accepting("gzip, deflate, br"),
            page("text/html; charset=utf-8", 4000),
        )
        .await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        assert!(body(res).await.len() < 100);

        let res = negotiated(
            accepting("br;q=0, gzip"),
            page("application/geo+json", 4000),
        )
        .await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        let mut plain = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&body(res).await[..]),
            &mut plain,
        )
        .expect("gzip");
        assert_eq!(plain, "a".repeat(4000).into_bytes());
    }

    #[tokio::test]
    async fn without_an_accepted_coding_the_body_is_kept_and_caches_are_told_it_varies() {
        let res = negotiated(accepting("identity"), page("text/html", 4000)).await;
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        assert_eq!(body(res).await.len(), 4000);
    }

    #[tokio::test]
    async fn what_is_compressed_already_small_binary_partial_or_streamed_is_left_alone() {
        let mut done = page("text/css", 4000);
        done.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        let mut varied = page("text/css", 4000);
        varied
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        let mut partial = page("text/plain", 4000);
        *partial.status_mut() = StatusCode::PARTIAL_CONTENT;
        let mut no_transform = page("text/plain", 4000);
        no_transform.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store, no-transform"),
        );
        let stream = Response::builder()
            .header(header::CONTENT_TYPE, "text/csv")
            .body(Body::from_stream(futures_util::stream::iter([Ok::<
                _,
                std::io::Error,
            >(
                Bytes::from("a".repeat(4000)),
            )])))
            .expect("response");
        for res in [
            done,
            varied,
            partial,
            no_transform,
            stream,
            page("text/html", 100),
            page("image/png", 4000),
            page("application/vnd.pmtiles", 4000),
            page("text/event-stream", 4000),
        ] {
            let before = format!("{:?}", res.headers());
            let res = negotiated(accepting("br, gzip"), res).await;
            assert_eq!(format!("{:?}", res.headers()), before);
        }
    }
}
