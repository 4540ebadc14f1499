//! The JSON API (`/api/v1/…`) and its OpenAPI description (`/api/openapi.json`).
//!
//! Hotspots are aggregates only: hexagons with counts, never a report, a point or free text.
//! Every figure obeys `domain::disclosure`, so that answers to two slightly different questions
//! cannot be subtracted to single out a report: hexagons no finer than resolution 9, dates
//! widened to whole weeks, counts randomly rounded to multiples of `suppression_k` (seeded by
//! the reports counted) and hexagons under it left out. Partners' dashboard uses the same
//! functions; only police analysts see exact figures.

use axum::Json;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn, ParameterStyle};
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
};
use utoipa::openapi::{RefOr, Required};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::domain::disclosure::{self, Disclosure, PUBLIC_MAX_RES};
use crate::domain::place::{REASON_BITS, TIME_BANDS};
use crate::geo::{self, hex};
use crate::http::state::AppState;
use crate::storage::HotspotQuery;

/// Who figures are for. Everyone outside the police (the public, partners) gets them under
/// the disclosure rule; police analysts get them exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    /// The public and partners: published figures only.
    Outside,
    /// Police analysts: exact figures, any resolution, any days.
    Police,
}

/// The service's disclosure rule (`suppression_k` and the key derived from the secret).
pub(crate) fn disclosure_rule(state: &AppState) -> Disclosure {
    Disclosure::new(
        u64::try_from(state.config.suppression_k).unwrap_or(1),
        state.keys.disclosure(),
    )
}

/// A day number as `YYYY-MM-DD` (empty outside the calendar jiff knows).
pub(crate) fn date_text(day: i64) -> String {
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

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
    components(schemas(
        Hotspots,
        Hotspot,
        HexPolygon,
        HotspotProperties,
        ApiErrorBody,
        ApiError
    ))
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

/// Filters for `GET /api/v1/hotspots`, as sent; [`query_from`] checks them. Their OpenAPI
/// description (below) says exactly what is accepted, so a client or a fuzzer can tell a
/// valid request from an invalid one without asking the server.
#[derive(Debug, Default)]
pub struct HotspotParams {
    /// `minLng,minLat,maxLng,maxLat`; default: everywhere.
    pub bbox: Option<String>,
    /// H3 resolution: 5, 7 or 9 (default; 11 for police analysts only).
    pub res: Option<String>,
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

impl HotspotParams {
    /// The filters in a query string. Read here rather than by axum's `Query`, whose
    /// rejection is plain text, and which (like serde's forms) takes `to=` for no `to` at all:
    /// an empty value is kept, and checked like any other. Unknown names are ignored.
    pub fn parse(query: &str) -> Result<Self, ParamError> {
        let mut p = Self::default();
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            let (field, slot) = match name.as_ref() {
                "bbox" => ("bbox", &mut p.bbox),
                "res" => ("res", &mut p.res),
                "reasons" => ("reasons", &mut p.reasons),
                "from" => ("from", &mut p.from),
                "to" => ("to", &mut p.to),
                "hours" => ("hours", &mut p.hours),
                "weekdays" => ("weekdays", &mut p.weekdays),
                "force" => ("force", &mut p.force),
                _ => continue,
            };
            if slot.replace(value.into_owned()).is_some() {
                return Err((
                    field,
                    "must be given once (lists are comma-separated)".to_owned(),
                ));
            }
        }
        Ok(p)
    }
}

/// A longitude, -180 to 180, as plain decimal digits (no exponent, no `+`, no leading zeros).
const LNG: &str = r"-?(180(\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]+)?)";
/// A latitude, -90 to 90, written the same way.
const LAT: &str = r"-?(90(\.0+)?|[1-8]?[0-9](\.[0-9]+)?)";

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// A comma-separated list (`style: form, explode: false`) of one or more of `items`.
fn list_of(items: ObjectBuilder) -> Schema {
    ArrayBuilder::new()
        .items(items)
        .min_items(Some(1))
        .build()
        .into()
}

fn param(name: &str, description: &str, schema: impl Into<RefOr<Schema>>) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Query)
        .required(Required::False)
        .description(Some(description))
        .schema(Some(schema))
        .build()
}

fn list_param(name: &str, description: &str, items: ObjectBuilder) -> Parameter {
    let mut p = param(name, description, list_of(items));
    p.style = Some(ParameterStyle::Form);
    p.explode = Some(false);
    p
}

impl IntoParams for HotspotParams {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let hours: Vec<i64> = TIME_BANDS
            .iter()
            .filter_map(|b| b.code.parse().ok())
            .collect();
        let date = || string().format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)));
        vec![
            param(
                "bbox",
                "`minLng,minLat,maxLng,maxLat` (WGS 84 degrees); default: everywhere. As in \
                 GeoJSON (RFC 7946), a box whose `minLng` is greater than its `maxLng` crosses \
                 the antimeridian; one whose `minLat` is greater than its `maxLat` holds nothing.",
                string().pattern(Some(format!("^{LNG},{LAT},{LNG},{LAT}$"))),
            ),
            param(
                "res",
                "H3 resolution; default 9, the finest published (hexagons of about 0.1 km²).",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some(
                        hex::RESOLUTIONS
                            .map(i64::from)
                            .into_iter()
                            .filter(|r| *r <= PUBLIC_MAX_RES),
                    )),
            ),
            list_param(
                "reasons",
                "Reason codes, comma-separated (`lighting,followed`); default: all.",
                string().enum_values(Some(REASON_BITS.iter().map(|(c, _)| *c))),
            ),
            param(
                "from",
                "First day; default: 365 days before `to`. Widened to whole weeks: counted \
                 from the Monday of its week (the answer's `from` says which day). After \
                 `to`: nothing matches.",
                date(),
            ),
            param(
                "to",
                "Last day; default: today. Widened to whole weeks: counted to the Sunday of \
                 its week (the answer's `to` says which day).",
                date(),
            ),
            list_param(
                "hours",
                "First hours of three-hour bands, comma-separated; default: all.",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some(hours)),
            ),
            list_param(
                "weekdays",
                "ISO weekdays (1 = Monday … 7 = Sunday), comma-separated; default: all.",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some(1..=7)),
            ),
            param("force", "A force's code; default: all forces.", string()),
        ]
    }
}

/// A GeoJSON FeatureCollection of hexagons, with the days actually counted.
#[derive(Debug, Serialize, ToSchema)]
pub struct Hotspots {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The first day counted: `from` widened to the Monday of its week.
    #[schema(format = Date)]
    pub from: String,
    /// The last day counted: `to` widened to the Sunday of its week.
    #[schema(format = Date)]
    pub to: String,
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
    /// Reports in it matching the filters, randomly rounded to a multiple of `suppression_k`
    /// (up or down, with the chance that keeps it right on average); never under it.
    pub count: i64,
    /// Getis-Ord Gi* z-score among the hexagons matching the filters (whatever the `bbox`),
    /// computed from the counts as published.
    pub z: f64,
    /// `hot99`, `hot95`, `hot90`, `not_significant`, `cold90`, `cold95` or `cold99`.
    pub significance: String,
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// What went wrong.
    pub error: ApiError,
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
    let body = ApiErrorBody {
        error: ApiError {
            field: field.to_owned(),
            message: message.to_owned(),
        },
    };
    (status, Json(body)).into_response()
}

/// The items of a comma-separated list, each checked by `item`; an empty list for `None`.
/// Items are taken as written: no spaces, no empty items, so `reasons=` is an error (an
/// empty item), not "every reason".
fn list<T>(
    text: Option<&str>,
    field: &'static str,
    item: impl Fn(&str) -> Option<T>,
    wanted: &str,
) -> Result<Vec<T>, ParamError> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => t
            .split(',')
            .map(|i| item(i).ok_or((field, format!("{i:?} is not {wanted}"))))
            .collect(),
    }
}

/// A `YYYY-MM-DD` date as days since 1970-01-01; nothing else (no times, no other forms).
fn day_number(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text.get(r)?.parse::<i8>().ok();
    let year = text.get(0..4)?.parse::<i16>().ok()?;
    let date = jiff::civil::Date::new(year, number(5..7)?, number(8..10)?).ok()?;
    Some(crate::domain::place::day_number(date))
}

/// A coordinate up to `max` degrees either way, written as [`LNG`] and [`LAT`] describe:
/// an optional `-`, an integer part without leading zeros, an optional fraction.
fn coordinate(text: &str, max: u32) -> Option<f64> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, fraction) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) || int.len() > 3 {
        return None;
    }
    if fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let whole: u32 = int.parse().ok()?;
    let zero_fraction = fraction.is_none_or(|f| f.bytes().all(|c| c == b'0'));
    if whole > max || (whole == max && !zero_fraction) {
        return None;
    }
    text.parse().ok()
}

/// A `minLng,minLat,maxLng,maxLat` box.
fn bbox(text: &str) -> Option<BBox> {
    let mut parts = text.split(',');
    let mut next = |max| coordinate(parts.next()?, max);
    let b = [next(180)?, next(90)?, next(180)?, next(90)?];
    parts.next().is_none().then_some(b)
}

/// 0000-01-01 and 9999-12-31, the first and last days a date parameter can name: a week is
/// not widened past them, so the answer's `from` and `to` stay `YYYY-MM-DD` dates.
const FIRST_DAY: i64 = -719_528;
const LAST_DAY: i64 = 2_932_896;

/// `[minLng, minLat, maxLng, maxLat]`.
pub(crate) type BBox = [f64; 4];

/// The parameter at fault and what is wrong with it.
pub(crate) type ParamError = (&'static str, String);

/// Check the filters; the field and message of the first problem. A `from` after `to` is
/// not an error here: it matches nothing (forms that want to say so check it themselves).
/// For [`Audience::Outside`], resolutions finer than [`PUBLIC_MAX_RES`] are refused and the
/// days are widened to whole weeks.
pub(crate) fn query_from(
    p: &HotspotParams,
    today: i64,
    audience: Audience,
) -> Result<(HotspotQuery, Option<BBox>), ParamError> {
    let allowed: Vec<u8> = hex::RESOLUTIONS
        .into_iter()
        .filter(|r| audience == Audience::Police || i64::from(*r) <= PUBLIC_MAX_RES)
        .collect();
    let res = match p.res.as_deref() {
        None => 9,
        Some(r) => allowed
            .iter()
            .copied()
            .find(|n| n.to_string() == r)
            .ok_or(("res", format!("must be one of {allowed:?}")))?,
    };
    let reason = |code: &str| {
        REASON_BITS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, b)| *b)
    };
    let reasons = list(p.reasons.as_deref(), "reasons", reason, "a reason code")?
        .into_iter()
        .fold(0, |all, bit| all | i64::from(bit));
    let to_day = match &p.to {
        Some(t) => day_number(t).ok_or(("to", "must be a date, YYYY-MM-DD".to_owned()))?,
        None => today,
    };
    let from_day = match &p.from {
        Some(f) => day_number(f).ok_or(("from", "must be a date, YYYY-MM-DD".to_owned()))?,
        None => to_day - 365,
    };
    // Whole weeks, so two answers differ by a week at least; an empty range stays empty.
    let (from_day, to_day) = if audience == Audience::Outside && from_day <= to_day {
        let (from, to) = disclosure::whole_weeks(from_day, to_day);
        (from.max(FIRST_DAY), to.min(LAST_DAY))
    } else {
        (from_day, to_day)
    };
    let band = |h: &str| TIME_BANDS.iter().position(|b| b.code == h);
    let hours = list(p.hours.as_deref(), "hours", band, "0, 3, 6 … 21")?
        .into_iter()
        .fold(0, |all, b| all | 1 << b);
    let weekday = |d: &str| (1..=7).find(|n: &u8| n.to_string() == d);
    let weekdays = list(
        p.weekdays.as_deref(),
        "weekdays",
        weekday,
        "1 (Monday) to 7 (Sunday)",
    )?
    .into_iter()
    .fold(0, |all, n| all | 1 << (n - 1));
    let bbox = match &p.bbox {
        None => None,
        Some(b) => Some(bbox(b).ok_or((
            "bbox",
            "must be minLng,minLat,maxLng,maxLat in degrees".to_owned(),
        ))?),
    };
    Ok((
        HotspotQuery {
            res: i64::from(res),
            from_day,
            to_day,
            reasons: if reasons == 0 { -1 } else { reasons },
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
        (status = 200, description = "Hexagons with at least `suppression_k` reports in the whole weeks named by `from` and `to`, counts randomly rounded to multiples of `suppression_k`", body = Hotspots, content_type = "application/geo+json"),
        (status = 400, description = "A filter is not valid", body = ApiErrorBody, content_type = "application/json"),
        (status = 500, description = "The query could not be run", body = ApiErrorBody, content_type = "application/json")
    )
)]
pub async fn hotspots(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let p = match HotspotParams::parse(raw.as_deref().unwrap_or_default()) {
        Ok(p) => p,
        Err((field, message)) => return error(StatusCode::BAD_REQUEST, field, &message),
    };
    let today = state.clock.now().div_euclid(86_400);
    let (query, bbox) = match query_from(&p, today, Audience::Outside) {
        Ok(q) => q,
        Err((field, message)) => return error(StatusCode::BAD_REQUEST, field, &message),
    };
    let features = match hotspot_features(&state, &query, bbox, Audience::Outside).await {
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
        from: date_text(query.from_day),
        to: date_text(query.to_day),
        features,
    };
    (
        [(axum::http::header::CONTENT_TYPE, "application/geo+json")],
        Json(body),
    )
        .into_response()
}

/// Hexagons matching `query` (and `bbox`) with counts and Gi* significance, most reports
/// first. For [`Audience::Outside`] each count is published under the disclosure rule (a
/// multiple of k seeded by the reports' record keys; hexagons under k are left out) and the
/// statistic is computed from the published counts only, so it tells nothing more than they
/// do. The statistic is computed over every matching hexagon in the force before `bbox` is
/// applied, so a hexagon's significance does not change as a map is panned or zoomed: its
/// neighbours just outside the box still count.
pub(crate) async fn hotspot_features(
    state: &AppState,
    query: &HotspotQuery,
    bbox: Option<BBox>,
    audience: Audience,
) -> Result<Vec<Hotspot>, crate::storage::StoreError> {
    let tallies = state.store.hotspot_cells(query).await?;
    let counts: Vec<(i64, i64)> = match audience {
        Audience::Police => tallies.iter().map(|c| (c.cell, c.tally.n)).collect(),
        Audience::Outside => {
            let rule = disclosure_rule(state);
            tallies
                .iter()
                .filter_map(|c| {
                    let n = rule.publish(u64::try_from(c.tally.n).ok()?, c.tally.key)?;
                    Some((c.cell, i64::try_from(n).ok()?))
                })
                .collect()
        }
    };
    let inside = |cell: u64| match (bbox, hex::centre(cell)) {
        (None, _) => true,
        (Some([x0, y0, x1, y1]), Some(c)) => {
            // West of east, or (RFC 7946) across the antimeridian.
            let lng = if x0 <= x1 {
                (x0..=x1).contains(&c.lng())
            } else {
                c.lng() >= x0 || c.lng() <= x1
            };
            lng && (y0..=y1).contains(&c.lat())
        }
        (Some(_), None) => false,
    };
    let cells: Vec<(u64, f64)> = counts
        .iter()
        .filter_map(|(cell, n)| u64::try_from(*cell).ok().map(|c| (c, *n as f64)))
        .collect();
    // The statistic uses every hexagon counted (or published); only those inside the box are
    // shown.
    let mut features: Vec<Hotspot> = geo::gi_star(&cells)
        .into_iter()
        .filter(|g| inside(g.cell))
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
