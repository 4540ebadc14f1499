//! `GET /tiles/basemap.pmtiles`: the map's PMTiles archive with HTTP range requests (RFC 9110
//! §14), which is all a PMTiles reader in the browser needs, so tiles come from our own origin.
//!
//! Hand-rolled rather than tower-http's `ServeFile`: that has ranges but no `ETag`, and the
//! browser's PMTiles reader uses the ETag to notice an archive replaced by an import; ours also
//! serves the demo basemap from memory. Range parsing is the `http-range-header` crate's.
//!
//! Like every page, tiles are `Cache-Control: no-store`: tiles left in the browser's cache
//! would show someone looking at a shared device which streets the visitor looked at.

use std::io::SeekFrom;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::io::{AsyncReadExt, AsyncSeekExt};

use super::state::AppState;
use crate::tiles::Basemap;

/// The archive's path on our origin.
pub const PATH: &str = "/tiles/basemap.pmtiles";
/// Bytes read from the file at a time when streaming a large range.
const CHUNK: u64 = 64 * 1024;

/// Where the bytes come from.
enum Source {
    Memory(Bytes),
    File(tokio::fs::File),
}

/// `GET` (and `HEAD`) of the archive.
pub async fn serve(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (source, len, etag) = match &state.basemap {
        Basemap::Memory { bytes, etag } => (
            Source::Memory(bytes.clone()),
            bytes.len() as u64,
            etag.clone(),
        ),
        Basemap::File(path) => match open(path).await {
            Ok(opened) => opened,
            Err(e) => {
                tracing::error!(error = %e, "cannot open the map tiles");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
    };
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let mut base = HeaderMap::new();
    base.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    base.insert(header::ETAG, etag_value);
    base.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/vnd.pmtiles"),
    );

    if matches_any(&headers, header::IF_NONE_MATCH, &etag) {
        return (StatusCode::NOT_MODIFIED, base).into_response();
    }
    // A Range is honoured only if the client's copy is still this one (If-Range), and only if
    // it parses; an unparseable Range is ignored, as RFC 9110 asks.
    let if_range_ok = headers
        .get(header::IF_RANGE)
        .is_none_or(|v| v.to_str().is_ok_and(|v| v.trim() == etag));
    let range = headers
        .get(header::RANGE)
        .filter(|_| if_range_ok)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| http_range_header::parse_range_header(v).ok());
    let (status, start, count) = match range.map(|r| r.validate(len)) {
        None => (StatusCode::OK, 0, len),
        Some(Ok(ranges)) => match ranges.as_slice() {
            [one] => {
                let (start, end) = (*one.start(), *one.end());
                let content_range = format!("bytes {start}-{end}/{len}");
                if let Ok(v) = HeaderValue::from_str(&content_range) {
                    base.insert(header::CONTENT_RANGE, v);
                }
                (StatusCode::PARTIAL_CONTENT, start, end - start + 1)
            }
            // Several ranges would need a multipart answer, which PMTiles readers never ask
            // for; the whole archive is a correct answer too.
            _ => (StatusCode::OK, 0, len),
        },
        Some(Err(_)) => {
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                base.insert(header::CONTENT_RANGE, v);
            }
            return (StatusCode::RANGE_NOT_SATISFIABLE, base).into_response();
        }
    };
    base.insert(header::CONTENT_LENGTH, HeaderValue::from(count));
    let body = match source {
        Source::Memory(bytes) => {
            let (from, to) = (
                usize::try_from(start).unwrap_or(usize::MAX),
                usize::try_from(start + count).unwrap_or(usize::MAX),
            );
            Body::from(bytes.slice(from.min(bytes.len())..to.min(bytes.len())))
        }
        Source::File(file) => match file_body(file, start, count).await {
            Ok(body) => body,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the map tiles");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
    };
    (status, base, body).into_response()
}

/// Open the archive and name this version of it: size and modification time, which change
/// when an import renames a new file into place.
async fn open(path: &std::path::Path) -> std::io::Result<(Source, u64, String)> {
    let file = tokio::fs::File::open(path).await?;
    let meta = file.metadata().await?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), modified);
    Ok((Source::File(file), meta.len(), etag))
}

/// `count` bytes of `file` from `start`: read at once when small (a PMTiles reader asks for a
/// directory or a tile, a few KiB), streamed in chunks otherwise.
async fn file_body(mut file: tokio::fs::File, start: u64, count: u64) -> std::io::Result<Body> {
    file.seek(SeekFrom::Start(start)).await?;
    if count <= CHUNK {
        let mut buf = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        (&mut file).take(count).read_to_end(&mut buf).await?;
        return Ok(Body::from(buf));
    }
    let reader = file.take(count);
    let stream = futures_util::stream::unfold(reader, |mut reader| async move {
        let mut buf = Vec::with_capacity(CHUNK as usize);
        match (&mut reader).take(CHUNK).read_to_end(&mut buf).await {
            Ok(0) => None,
            Ok(_) => Some((Ok::<_, std::io::Error>(Bytes::from(buf)), reader)),
            Err(e) => Some((Err(e), reader)),
        }
    });
    Ok(Body::from_stream(stream))
}

/// Whether a conditional header lists `etag` (or `*`).
fn matches_any(headers: &HeaderMap, name: header::HeaderName, etag: &str) -> bool {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag == etag || tag.strip_prefix("W/") == Some(etag))
}

/// The force areas' outlines, drawn on both maps.
pub const AREAS_PATH: &str = "/map/areas.geojson";

/// `GET /map/areas.geojson`: every force area (code, name and shape) as a GeoJSON
/// FeatureCollection. The areas are public: they say where the service takes reports.
pub async fn areas(State(state): State<AppState>) -> Response {
    let features: Vec<serde_json::Value> = state
        .geography
        .areas
        .areas()
        .iter()
        .filter_map(|a| {
            let geometry: serde_json::Value =
                serde_json::from_str(&crate::geo::to_geojson(&a.shape)).ok()?;
            Some(serde_json::json!({
                "type": "Feature",
                "properties": { "code": a.code, "name": a.name },
                "geometry": geometry,
            }))
        })
        .collect();
    let body = serde_json::json!({ "type": "FeatureCollection", "features": features });
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/geo+json"),
        )],
        body.to_string(),
    )
        .into_response()
}
