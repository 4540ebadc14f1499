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

use crate::app::hotspots::{self, Audience, FilterText};
use crate::domain::disclosure::PUBLIC_MAX_RES;
use crate::domain::place::{REASON_BITS, TIME_BANDS};
use crate::geo::hex;
use crate::http::hotspots::{
    HexPolygon, Hotspot, HotspotProperties, Hotspots, feature, shown, today,
};
use crate::http::state::AppState;

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

// The filters of `GET /api/v1/hotspots`, as sent (`app::hotspots::query` checks them). Their
// OpenAPI description says exactly what is accepted, so a client or a fuzzer can tell a valid
// request from an invalid one without asking the server.
impl IntoParams for FilterText {
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

/// Hotspot hexagons matching the filters, as GeoJSON.
#[utoipa::path(
    get,
    path = "/api/v1/hotspots",
    params(FilterText),
    responses(
        (status = 200, description = "Hexagons with at least `suppression_k` reports in the whole weeks named by `from` and `to`, counts randomly rounded to multiples of `suppression_k`", body = Hotspots, content_type = "application/geo+json"),
        (status = 400, description = "A filter is not valid", body = ApiErrorBody, content_type = "application/json"),
        (status = 500, description = "The query could not be run", body = ApiErrorBody, content_type = "application/json")
    )
)]
pub async fn hotspots(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let checked = FilterText::parse(raw.as_deref().unwrap_or_default())
        .and_then(|p| hotspots::query(&p, today(&state), Audience::Outside));
    let (query, bbox) = match checked {
        Ok(q) => q,
        Err(e) => return error(StatusCode::BAD_REQUEST, e.field, &e.message),
    };
    let shown = shown(&state, Audience::Outside);
    let found = match hotspots::hexagons(state.store.as_ref(), &shown, &query, bbox).await {
        Ok(found) => found,
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
        from: query.from_day.iso(),
        to: query.to_day.iso(),
        features: found.iter().map(feature).collect(),
    };
    (
        [(axum::http::header::CONTENT_TYPE, "application/geo+json")],
        Json(body),
    )
        .into_response()
}
