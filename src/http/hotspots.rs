//! What the web flows share about hotspots, not a flow of its own: the GeoJSON shape of a
//! hexagon (the API's answer, the dashboard's map and export) and the audiences' figures as
//! the state configures them. The counting is `app::hotspots`.

use serde::Serialize;
use utoipa::ToSchema;

use crate::app::hotspots::{Audience, Shown, disclosure_rule};
use crate::domain::disclosure::Disclosure;
use crate::domain::place::Day;
use crate::geo::{GiStar, hex};
use crate::http::state::AppState;

/// The service's disclosure rule, as every figure leaving the police uses it.
pub fn disclosure(state: &AppState) -> Disclosure {
    disclosure_rule(state.config.suppression_k, state.keys.disclosure())
}

/// How figures are shown to `audience` on this service.
pub fn shown(state: &AppState, audience: Audience) -> Shown {
    Shown::to(audience, disclosure(state))
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

/// The significance code of a hexagon, as its GeoJSON and the dashboard write it.
pub fn significance(g: &GiStar) -> String {
    serde_json::to_value(g.level)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A hexagon as a GeoJSON feature (z to three decimals).
pub fn feature(g: &GiStar) -> Hotspot {
    Hotspot {
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
            significance: significance(g),
        },
    }
}

/// Today (UTC) as the filters' default last day.
pub fn today(state: &AppState) -> Day {
    Day(state.clock.now().div_euclid(86_400))
}
