//! The JSON API (`/api/v1/…`) and its OpenAPI description (`/api/openapi.json`).
//!
//! Hotspots are aggregates only: hexagons with counts, never a report, a point or free text;
//! hexagons with fewer than `suppression_k` reports are left out.

use axum::Json;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::domain::place::{REASON_BITS, TIME_BANDS};
use crate::geo::{self, LatLng, hex};
use crate::http::state::AppState;
use crate::storage::HotspotQuery;

/// Routes of the API.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/hotspots", get(hotspots))
        .route("/api/openapi.json", get(openapi))
}

/// The OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "saferstreets API",
        description = "Aggregated reports of places where people felt unsafe."
    ),
    paths(hotspots),
    components(schemas(Hotspots, Hotspot, HexPolygon, HotspotProperties, ApiError))
)]
pub struct ApiDoc;

async fn openapi() -> Response {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(json) => (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            json,
        )
            .into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, "", &e.to_string()),
    }
}

/// Filters for `GET /api/v1/hotspots`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HotspotParams {
    /// `minLng,minLat,maxLng,maxLat`; default: everywhere.
    pub bbox: Option<String>,
    /// H3 resolution: 5, 7, 9 (default) or 11.
    pub res: Option<u8>,
    /// Comma-separated reason codes (e.g. `lighting,followed`); default: all.
    pub reasons: Option<String>,
    /// First day, `YYYY-MM-DD`; default: 365 days before `to`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`; default: today.
    pub to: Option<String>,
    /// Comma-separated first hours of three-hour bands (0, 3, … 21); default: all.
    pub hours: Option<String>,
    /// Comma-separated ISO weekdays (1 = Monday … 7 = Sunday); default: all.
    pub weekdays: Option<String>,
    /// A force's code; default: all forces.
    pub force: Option<String>,
}

/// A GeoJSON FeatureCollection of hexagons.
#[derive(Debug, Serialize, ToSchema)]
pub struct Hotspots {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// One feature per hexagon shown.
    pub features: Vec<Hotspot>,
}

/// One hexagon.
#[derive(Debug, Serialize, ToSchema)]
pub struct Hotspot {
    /// Always `Feature`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The hexagon.
    pub geometry: HexPolygon,
    /// Its figures.
    pub properties: HotspotProperties,
}

/// A GeoJSON Polygon.
#[derive(Debug, Serialize, ToSchema)]
pub struct HexPolygon {
    /// Always `Polygon`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// One closed ring of `[longitude, latitude]`.
    pub coordinates: Vec<Vec<[f64; 2]>>,
}

/// What is known about a hexagon.
#[derive(Debug, Serialize, ToSchema)]
pub struct HotspotProperties {
    /// The H3 cell, hexadecimal.
    pub cell: String,
    /// Reports in it matching the filters.
    pub count: i64,
    /// Getis-Ord Gi* z-score among the hexagons matching the filters.
    pub z: f64,
    /// `hot99`, `hot95`, `hot90`, `not_significant`, `cold90`, `cold95` or `cold99`.
    pub significance: String,
}

/// An error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// The parameter at fault, or empty.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

fn error(status: StatusCode, field: &str, message: &str) -> Response {
    let body = ApiError {
        field: field.to_owned(),
        message: message.to_owned(),
    };
    (status, Json(serde_json::json!({ "error": body }))).into_response()
}

fn list(text: Option<&str>) -> Vec<&str> {
    text.map(|t| {
        t.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn day_number(text: &str) -> Option<i64> {
    text.parse().ok().map(crate::domain::place::day_number)
}

/// `[minLng, minLat, maxLng, maxLat]`.
pub(crate) type BBox = [f64; 4];

/// The parameter at fault and what is wrong with it.
pub(crate) type ParamError = (&'static str, String);

/// Check the filters; the field and message of the first problem.
pub(crate) fn query_from(
    p: &HotspotParams,
    today: i64,
) -> Result<(HotspotQuery, Option<BBox>), ParamError> {
    let res = p.res.unwrap_or(9);
    if !hex::RESOLUTIONS.contains(&res) {
        return Err(("res", format!("must be one of {:?}", hex::RESOLUTIONS)));
    }
    let mut reasons = 0;
    for code in list(p.reasons.as_deref()) {
        let bit = REASON_BITS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, b)| *b);
        reasons |= i64::from(bit.ok_or(("reasons", format!("unknown reason {code:?}")))?);
    }
    if reasons == 0 {
        reasons = -1;
    }
    let to_day = match &p.to {
        Some(t) => day_number(t).ok_or(("to", "must be a date, YYYY-MM-DD".to_owned()))?,
        None => today,
    };
    let from_day = match &p.from {
        Some(f) => day_number(f).ok_or(("from", "must be a date, YYYY-MM-DD".to_owned()))?,
        None => to_day - 365,
    };
    if from_day > to_day {
        return Err(("from", "must not be after `to`".to_owned()));
    }
    let mut hours = 0;
    for h in list(p.hours.as_deref()) {
        let band = TIME_BANDS.iter().position(|b| b.code == h);
        hours |= 1 << band.ok_or(("hours", format!("{h:?} is not 0, 3, 6 … 21")))?;
    }
    let mut weekdays = 0;
    for d in list(p.weekdays.as_deref()) {
        match d.parse::<u8>() {
            Ok(n @ 1..=7) => weekdays |= 1 << (n - 1),
            _ => return Err(("weekdays", format!("{d:?} is not 1 (Monday) to 7 (Sunday)"))),
        }
    }
    let bbox = match &p.bbox {
        None => None,
        Some(b) => {
            let n: Vec<f64> = b.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            let ok = n.len() == 4
                && LatLng::new(n[1], n[0]).is_ok()
                && LatLng::new(n[3], n[2]).is_ok()
                && n[0] <= n[2]
                && n[1] <= n[3];
            if !ok {
                return Err(("bbox", "must be minLng,minLat,maxLng,maxLat".to_owned()));
            }
            Some([n[0], n[1], n[2], n[3]])
        }
    };
    Ok((
        HotspotQuery {
            res: i64::from(res),
            from_day,
            to_day,
            reasons,
            hours: if hours == 0 { 0xff } else { hours },
            weekdays: if weekdays == 0 { 0x7f } else { weekdays },
            force_code: p.force.clone().unwrap_or_default(),
        },
        bbox,
    ))
}

/// Hotspot hexagons matching the filters, as GeoJSON.
#[utoipa::path(
    get,
    path = "/api/v1/hotspots",
    params(HotspotParams),
    responses(
        (status = 200, description = "Hexagons with at least `suppression_k` reports", body = Hotspots, content_type = "application/geo+json"),
        (status = 400, description = "A filter is not valid", body = ApiError)
    )
)]
pub async fn hotspots(State(state): State<AppState>, Query(p): Query<HotspotParams>) -> Response {
    let today = state.clock.now().div_euclid(86_400);
    let (query, bbox) = match query_from(&p, today) {
        Ok(q) => q,
        Err((field, message)) => return error(StatusCode::BAD_REQUEST, field, &message),
    };
    let features =
        match hotspot_features(&state, &query, bbox, Some(state.config.suppression_k)).await {
            Ok(f) => f,
            Err(e) => {
                tracing::error!(error = %e, "hotspot query failed");
                return error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "",
                    "the query could not be run",
                );
            }
        };
    let body = Hotspots {
        kind: "FeatureCollection",
        features,
    };
    (
        [(axum::http::header::CONTENT_TYPE, "application/geo+json")],
        Json(body),
    )
        .into_response()
}

/// Hexagons matching `query` (and `bbox`) with counts and Gi* significance, most reports
/// first. With `suppress = Some(k)`, hexagons with fewer than `k` reports are left out (the
/// statistic still uses them).
pub(crate) async fn hotspot_features(
    state: &AppState,
    query: &HotspotQuery,
    bbox: Option<BBox>,
    suppress: Option<i64>,
) -> Result<Vec<Hotspot>, crate::storage::StoreError> {
    let counts = state.store.hotspot_counts(query).await?;
    let inside = |cell: u64| match (bbox, hex::centre(cell)) {
        (None, _) => true,
        (Some([x0, y0, x1, y1]), Some(c)) => {
            (x0..=x1).contains(&c.lng()) && (y0..=y1).contains(&c.lat())
        }
        (Some(_), None) => false,
    };
    let cells: Vec<(u64, f64)> = counts
        .iter()
        .filter_map(|(cell, n)| u64::try_from(*cell).ok().map(|c| (c, *n as f64)))
        .filter(|(c, _)| inside(*c))
        .collect();
    // The statistic uses every matching hexagon; only those at or above k are shown.
    let mut features: Vec<Hotspot> = geo::gi_star(&cells)
        .into_iter()
        .filter(|g| suppress.is_none_or(|k| g.count >= k as f64))
        .map(|g| Hotspot {
            kind: "Feature",
            geometry: HexPolygon {
                kind: "Polygon",
                coordinates: vec![
                    hex::boundary(g.cell)
                        .iter()
                        .map(|p| [p.lng(), p.lat()])
                        .collect(),
                ],
            },
            properties: HotspotProperties {
                cell: format!("{:x}", g.cell),
                count: g.count as i64,
                z: (g.z * 1000.0).round() / 1000.0,
                significance: serde_json::to_value(g.level)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            },
        })
        .collect();
    features.sort_by(|a, b| {
        (b.properties.count, &a.properties.cell).cmp(&(a.properties.count, &b.properties.cell))
    });
    Ok(features)
}
