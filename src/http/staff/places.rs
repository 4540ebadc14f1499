//! The place-reports dashboard for analysts (and, suppressed, for partners): hotspot hexagons
//! on a map, a ranked list of the top hotspots with their main reasons, charts (reports per
//! week, hour × weekday, reasons) as SVG with their tables, and CSV and GeoJSON exports of the
//! filters in force. Everything is for the member of staff's own force only.
//!
//! Partners see what anyone outside the police may see, under the same disclosure rule as the
//! public API (`domain::disclosure`): resolution 9 at the finest, whole weeks, every figure
//! (hexagons, top hotspots and their reasons, chart bars and tables, totals, exports) randomly
//! rounded to a multiple of `suppression_k` by the reports it counts, figures under k not
//! shown. Police analysts see exact figures.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

use super::Me;
use crate::charts::{self, Chart, Labels};
use crate::domain::disclosure::{Disclosure, PUBLIC_MAX_RES, week_start};
use crate::domain::place::{BEHAVIOUR_REASONS, PLACE_REASONS, REASON_BITS, TIME_BANDS};
use crate::geo::hex;
use crate::http::api::{
    Audience, Hotspot, HotspotParams, date_text, disclosure_rule, hotspot_features, query_from,
};
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::render::render;
use crate::http::spreadsheet::{Cell, CsvExport};
use crate::http::state::AppState;
use crate::storage::{Breakdown, HotspotQuery, Tally};

/// Hotspots in the ranked list.
const TOP: usize = 10;

/// Routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/places", get(dashboard))
        .route("/staff/places/hotspots.geojson", get(map_data))
        .route("/staff/places/export.csv", get(export_csv))
        .route("/staff/places/export.geojson", get(export_geojson))
}

/// The filter form (checkboxes repeat their name, so it is read with `serde_html_form`).
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: String,
    /// Last day.
    #[serde(default)]
    pub to: String,
    /// Reason codes.
    #[serde(default)]
    pub reasons: Vec<String>,
    /// Hour bands (first hours).
    #[serde(default)]
    pub hours: Vec<String>,
    /// ISO weekdays, 1–7.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// H3 resolution.
    #[serde(default)]
    pub res: String,
}

impl Filters {
    fn parse(raw: Option<&str>) -> Self {
        serde_html_form::from_str(raw.unwrap_or_default()).unwrap_or_default()
    }

    /// The same filters as a query string (for the map's data and the export links).
    pub fn query_string(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.append_pair("from", &self.from)
            .append_pair("to", &self.to);
        for r in &self.reasons {
            s.append_pair("reasons", r);
        }
        for h in &self.hours {
            s.append_pair("hours", h);
        }
        for d in &self.weekdays {
            s.append_pair("weekdays", d);
        }
        s.append_pair("res", &self.res);
        s.finish()
    }
}

/// Boxes ticked, as the API's comma-separated list; `None` for none (no filter).
fn list(ticked: &[String]) -> Option<String> {
    (!ticked.is_empty()).then(|| ticked.join(","))
}

/// Whose figures: exact for the police, published for partners.
fn audience(me: &Me) -> Audience {
    if me.role.is_police() {
        Audience::Police
    } else {
        Audience::Outside
    }
}

/// The hotspot query for these filters within the member of staff's force; a bad filter
/// is named so the page can say which. Partners' days are widened to whole weeks and their
/// resolution capped, exactly as for the public.
fn query(state: &AppState, me: &Me, f: &Filters) -> Result<HotspotQuery, &'static str> {
    let params = HotspotParams {
        bbox: None,
        res: (!f.res.is_empty()).then(|| f.res.clone()),
        reasons: list(&f.reasons),
        from: (!f.from.is_empty()).then(|| f.from.clone()),
        to: (!f.to.is_empty()).then(|| f.to.clone()),
        hours: list(&f.hours),
        weekdays: list(&f.weekdays),
        force: Some(me.force_code.clone()),
    };
    let today = state.clock.now().div_euclid(86_400);
    let (q, _) = query_from(&params, today, audience(me)).map_err(|(field, _)| field)?;
    // The API answers an empty range with nothing; a form says which date to change.
    if q.from_day > q.to_day {
        return Err("from");
    }
    Ok(q)
}

/// Hexagons as this member of staff may see them.
async fn features(state: &AppState, me: &Me, q: &HotspotQuery) -> Result<Vec<Hotspot>, AppError> {
    Ok(hotspot_features(state, q, None, audience(me)).await?)
}

/// The filters of a query as the audit log keeps them: parsed and typed, never the query
/// string as sent (which could carry anything, such as a spreadsheet formula).
fn describe(q: &HotspotQuery) -> String {
    let mut parts = vec![
        format!("res={}", q.res),
        format!("from={}", date_text(q.from_day)),
        format!("to={}", date_text(q.to_day)),
    ];
    if q.reasons != -1 {
        let codes: Vec<&str> = REASON_BITS
            .iter()
            .filter(|(_, bit)| q.reasons & i64::from(*bit) != 0)
            .map(|(code, _)| *code)
            .collect();
        parts.push(format!("reasons={}", codes.join(",")));
    }
    if q.hours != 0xff {
        let hours: Vec<&str> = TIME_BANDS
            .iter()
            .enumerate()
            .filter(|(i, _)| (q.hours >> i) & 1 == 1)
            .map(|(_, b)| b.code)
            .collect();
        parts.push(format!("hours={}", hours.join(",")));
    }
    if q.weekdays != 0x7f {
        let days: Vec<String> = (0..7)
            .filter(|d| (q.weekdays >> d) & 1 == 1)
            .map(|d| (d + 1).to_string())
            .collect();
        parts.push(format!("weekdays={}", days.join(",")));
    }
    parts.join(" ")
}

/// How figures are shown to this member of staff.
#[derive(Debug)]
enum Shown {
    /// Police analysts: as counted.
    Exact,
    /// Partners: published under the disclosure rule.
    Published(Disclosure),
}

impl Shown {
    fn for_(state: &AppState, me: &Me) -> Self {
        match audience(me) {
            Audience::Police => Self::Exact,
            Audience::Outside => Self::Published(disclosure_rule(state)),
        }
    }

    /// The figure, or `None` where it is not shown (under k, for partners).
    fn value(&self, t: Tally) -> Option<u64> {
        let n = u64::try_from(t.n).unwrap_or_default();
        match self {
            Self::Exact => Some(n),
            Self::Published(rule) => rule.publish(n, t.key),
        }
    }

    /// The figure for a chart (0 where hidden) and as text (`<k` where hidden).
    fn figure(&self, t: Tally) -> (u64, String) {
        match (self.value(t), self) {
            (Some(n), _) => (n, charts::thousands(n)),
            (None, Self::Published(rule)) => (0, format!("<{}", rule.k())),
            (None, Self::Exact) => (0, "0".to_owned()),
        }
    }

    fn hidden_under(&self) -> Option<u64> {
        match self {
            Self::Exact => None,
            Self::Published(rule) => Some(rule.k()),
        }
    }
}

/// A top hotspot.
#[derive(Debug)]
pub struct TopLine {
    /// Rank, from 1.
    pub rank: usize,
    /// Cell id (hex).
    pub cell: String,
    /// Its centre, for finding it.
    pub centre: String,
    /// Reports.
    pub count: String,
    /// Significance code.
    pub significance: String,
    /// Message ids of its three main reasons.
    pub reasons: Vec<&'static str>,
}

/// A checkbox of the filter form.
#[derive(Debug)]
pub struct Tick {
    /// Value.
    pub value: String,
    /// Message id of the label (or the label itself for weekdays and hours).
    pub label: String,
    /// Ticked.
    pub checked: bool,
}

/// The dashboard.
#[derive(Template)]
#[template(path = "staff/places.html")]
pub struct DashboardPage {
    /// Layout context.
    pub chrome: Chrome,
    /// Who is signed in.
    pub me: Option<Me>,
    /// Filters as given.
    pub filters: Filters,
    /// The filter that was not understood, if any.
    pub bad_filter: Option<&'static str>,
    /// Reason checkboxes: place, then behaviour.
    pub reason_options: Vec<Tick>,
    /// Hour-band checkboxes.
    pub hour_options: Vec<Tick>,
    /// Weekday checkboxes.
    pub weekday_options: Vec<Tick>,
    /// The ranked list.
    pub top: Vec<TopLine>,
    /// Reports matching.
    pub total: String,
    /// Charts.
    pub charts: Vec<Chart>,
    /// Query string of the filters.
    pub query: String,
    /// Whether figures under k are hidden (partners).
    pub suppressed: bool,
    /// The whole weeks partners' figures cover (first Monday, last Sunday), as text.
    pub weeks: Option<(String, String)>,
    /// Hexagon sizes offered: `(value, message id)`.
    pub res_options: Vec<(&'static str, &'static str)>,
    /// The suppression threshold.
    pub k: i64,
    /// Map tiles (empty for none).
    pub tile_url: String,
    /// Their attribution.
    pub attribution: String,
    /// The middle of the force's area (latitude, longitude).
    pub centre: (f64, f64),
}

/// The middle of a force's area's bounding box.
fn area_centre(state: &AppState, force: &str) -> (f64, f64) {
    use geo::BoundingRect;
    state
        .geography
        .areas
        .areas()
        .iter()
        .find(|a| a.code == force)
        .and_then(|a| a.shape.bounding_rect())
        .map_or((0.0, 0.0), |r| {
            let c = r.center();
            (c.y, c.x)
        })
}

fn options(all: &[(String, String)], chosen: &[String]) -> Vec<Tick> {
    all.iter()
        .map(|(value, label)| Tick {
            value: value.clone(),
            label: label.clone(),
            checked: chosen.contains(value),
        })
        .collect()
}

const WEEKDAYS: [&str; 7] = [
    "staff-day-1",
    "staff-day-2",
    "staff-day-3",
    "staff-day-4",
    "staff-day-5",
    "staff-day-6",
    "staff-day-7",
];

/// Hexagon sizes: `(value, message id)`, finest last but one (the default first).
const RESOLUTIONS: [(&str, &str); 4] = [
    ("9", "staff-res-9"),
    ("7", "staff-res-7"),
    ("11", "staff-res-11"),
    ("5", "staff-res-5"),
];

/// A day as people read it, e.g. `26 October 2026`.
fn long_date(day: i64) -> String {
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .map(|d| d.strftime("%-d %B %Y").to_string())
        .unwrap_or_default()
}

/// The three most frequent reasons in a breakdown (as shown: partners' ranking uses the
/// published figures, and reasons under k are left out), as message ids.
fn main_reasons(b: &Breakdown, shown: &Shown) -> Vec<&'static str> {
    let mut counts: Vec<(u64, &'static str)> = REASON_BITS
        .iter()
        .filter_map(|(code, bit)| {
            let t = b
                .reasons
                .get(bit.trailing_zeros() as usize)
                .copied()
                .unwrap_or_default();
            Some((shown.value(t)?, *code))
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    counts
        .into_iter()
        .take(3)
        .filter_map(|(_, code)| {
            PLACE_REASONS
                .iter()
                .chain(BEHAVIOUR_REASONS)
                .find(|o| o.code == code)
                .map(|o| o.label)
        })
        .collect()
}

/// The inclusive range of finest-resolution cells inside `cell`: H3 orders a cell's
/// descendants contiguously, so a range test finds them.
fn descendants(cell: u64) -> Option<(u64, u64)> {
    let finest = hex::RESOLUTIONS[hex::RESOLUTIONS.len() - 1];
    hex::child_range(cell, finest)
}

fn charts_for(chrome: &Chrome, b: &Breakdown, shown: &Shown) -> Vec<Chart> {
    // Reports per week, Monday to Sunday: the finest series partners see (their days are
    // whole weeks, so no bar is a part of a week).
    let mut weeks: std::collections::BTreeMap<i64, Tally> = std::collections::BTreeMap::new();
    for (day, t) in &b.days {
        weeks.entry(week_start(*day)).or_default().merge(*t);
    }
    let grid = b.grid;
    let reasons: Vec<Tally> = REASON_BITS
        .iter()
        .map(|(_, bit)| {
            b.reasons
                .get(bit.trailing_zeros() as usize)
                .copied()
                .unwrap_or_default()
        })
        .collect();
    let week_data: Vec<(String, u64)> = weeks
        .iter()
        .map(|(monday, n)| {
            let label = jiff::civil::date(1970, 1, 1)
                .checked_add(jiff::Span::new().days(*monday))
                .map(|d| d.strftime("%-d %b %Y").to_string())
                .unwrap_or_default();
            (label, shown.figure(*n).0)
        })
        .collect();
    let weekly = charts::bars(
        &Labels {
            title: chrome.t("staff-chart-weekly"),
            description: chrome.t("staff-chart-weekly-desc"),
            category: chrome.t("staff-chart-week"),
            value: chrome.t("staff-chart-reports"),
        },
        &week_data,
        "weekly",
    );
    let rows_labels: Vec<String> = WEEKDAYS.iter().map(|d| chrome.t(d).to_owned()).collect();
    let column_labels: Vec<String> = TIME_BANDS
        .iter()
        .map(|b| chrome.t(b.label).to_owned())
        .collect();
    let counts: Vec<Vec<u64>> = grid
        .iter()
        .map(|row| row.iter().map(|n| shown.figure(*n).0).collect())
        .collect();
    let heat = charts::heat_grid(
        &Labels {
            title: chrome.t("staff-chart-grid"),
            description: chrome.t("staff-chart-grid-desc"),
            category: chrome.t("staff-chart-day"),
            value: chrome.t("staff-chart-reports"),
        },
        &rows_labels,
        &column_labels,
        &counts,
        "grid",
    );
    let reason_data: Vec<(String, u64)> = REASON_BITS
        .iter()
        .zip(&reasons)
        .filter_map(|((code, _), n)| {
            let label = PLACE_REASONS
                .iter()
                .chain(BEHAVIOUR_REASONS)
                .find(|o| o.code == *code)?
                .label;
            Some((chrome.t(label).to_owned(), shown.figure(*n).0))
        })
        .collect();
    let why = charts::hbars(
        &Labels {
            title: chrome.t("staff-chart-reasons"),
            description: chrome.t("staff-chart-reasons-desc"),
            category: chrome.t("staff-chart-reason"),
            value: chrome.t("staff-chart-reports"),
        },
        &reason_data,
        "reasons",
    );
    let mut all = vec![weekly, heat, why];
    if let Some(k) = shown.hidden_under() {
        // The tables say "<k" where the chart shows nothing.
        let fewer = format!("<{k}");
        for chart in &mut all {
            for row in &mut chart.table.rows {
                for cell in row.iter_mut().skip(1) {
                    if cell == "0" {
                        cell.clone_from(&fewer);
                    }
                }
            }
        }
    }
    all
}

async fn dashboard(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let filters = Filters::parse(raw.as_deref());
    let police = me.role.is_police();
    let shown = Shown::for_(&state, &me);
    let (q, bad_filter) = match query(&state, &me, &filters) {
        Ok(q) => (q, None),
        Err(field) => (
            query(&state, &me, &Filters::default()).map_err(|_| AppError::BadRequest)?,
            Some(field),
        ),
    };
    let features = features(&state, &me, &q).await?;
    let mut top = Vec::new();
    for (i, f) in features.iter().take(TOP).enumerate() {
        let cell = u64::from_str_radix(&f.properties.cell, 16).unwrap_or_default();
        let here = match descendants(cell) {
            Some(range) => state.store.place_breakdown(&q, Some(range)).await?,
            None => Breakdown::default(),
        };
        let centre = hex::centre(cell)
            .map(|c| format!("{:.4}, {:.4}", c.lat(), c.lng()))
            .unwrap_or_default();
        top.push(TopLine {
            rank: i + 1,
            cell: f.properties.cell.clone(),
            centre,
            count: charts::thousands(u64::try_from(f.properties.count).unwrap_or_default()),
            significance: f.properties.significance.clone(),
            reasons: main_reasons(&here, &shown),
        });
    }
    let all = state.store.place_breakdown(&q, None).await?;
    let total = all.total;
    let reason_options = options(
        &REASON_BITS
            .iter()
            .filter_map(|(code, _)| {
                PLACE_REASONS
                    .iter()
                    .chain(BEHAVIOUR_REASONS)
                    .find(|o| o.code == *code)
                    .map(|o| ((*code).to_owned(), o.label.to_owned()))
            })
            .collect::<Vec<_>>(),
        &filters.reasons,
    );
    let hour_options = options(
        &TIME_BANDS
            .iter()
            .map(|b| (b.code.to_owned(), b.label.to_owned()))
            .collect::<Vec<_>>(),
        &filters.hours,
    );
    let weekday_options = options(
        &WEEKDAYS
            .iter()
            .enumerate()
            .map(|(i, d)| ((i + 1).to_string(), (*d).to_owned()))
            .collect::<Vec<_>>(),
        &filters.weekdays,
    );
    let charts = charts_for(&chrome, &all, &shown);
    let me_force = me.force_code.clone();
    Ok(render(&DashboardPage {
        chrome,
        me: Some(me),
        query: filters.query_string(),
        filters,
        bad_filter,
        reason_options,
        hour_options,
        weekday_options,
        top,
        total: shown.figure(total).1,
        charts,
        suppressed: !police,
        weeks: (!police).then(|| (long_date(q.from_day), long_date(q.to_day))),
        res_options: RESOLUTIONS
            .into_iter()
            .filter(|(r, _)| police || r.parse::<i64>().is_ok_and(|r| r <= PUBLIC_MAX_RES))
            .collect(),
        k: state.config.suppression_k,
        tile_url: state.config.map_tile_url.clone(),
        attribution: state.config.map_attribution.clone(),
        centre: area_centre(&state, &me_force),
    }))
}

/// The hexagons as GeoJSON, and the query they answer.
async fn geojson(
    state: &AppState,
    me: &Me,
    raw: Option<&str>,
) -> Result<(String, HotspotQuery), AppError> {
    let filters = Filters::parse(raw);
    let q = query(state, me, &filters).map_err(|_| AppError::BadRequest)?;
    let features = features(state, me, &q).await?;
    let body = serde_json::to_string(&serde_json::json!({
        "type": "FeatureCollection",
        "from": date_text(q.from_day),
        "to": date_text(q.to_day),
        "features": features,
    }))?;
    Ok((body, q))
}

async fn map_data(
    State(state): State<AppState>,
    Extension(me): Extension<Me>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let (body, _) = geojson(&state, &me, raw.as_deref()).await?;
    Ok(([(header::CONTENT_TYPE, "application/geo+json")], body).into_response())
}

async fn audit_export(
    state: &AppState,
    me: &Me,
    what: &str,
    q: &HotspotQuery,
) -> Result<(), AppError> {
    let mut entry = me.audit(state, "export", what, "ok");
    entry.detail = describe(q);
    state.store.audit(&entry).await?;
    Ok(())
}

fn attachment(name: &str) -> String {
    format!("attachment; filename=\"{name}\"")
}

async fn export_geojson(
    State(state): State<AppState>,
    Extension(me): Extension<Me>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let (body, q) = geojson(&state, &me, raw.as_deref()).await?;
    audit_export(&state, &me, "hotspots.geojson", &q).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/geo+json".to_owned()),
            (header::CONTENT_DISPOSITION, attachment("hotspots.geojson")),
        ],
        body,
    )
        .into_response())
}

async fn export_csv(
    State(state): State<AppState>,
    Extension(me): Extension<Me>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let filters = Filters::parse(raw.as_deref());
    let q = query(&state, &me, &filters).map_err(|_| AppError::BadRequest)?;
    let features = features(&state, &me, &q).await?;
    let mut out = CsvExport::new();
    out.header(&[
        "cell",
        "resolution",
        "centre_lat",
        "centre_lng",
        "count",
        "z",
        "significance",
    ])?;
    for f in &features {
        let cell = u64::from_str_radix(&f.properties.cell, 16).unwrap_or_default();
        // Centres come from the H3 cell, numbers we compute: they stay numeric.
        let centre = |coord: fn(crate::geo::LatLng) -> f64| {
            hex::centre(cell).map_or(Cell::text(""), |c| Cell::decimal(coord(c), 6))
        };
        out.row(&[
            Cell::text(f.properties.cell.as_str()),
            Cell::int(q.res),
            centre(crate::geo::LatLng::lat),
            centre(crate::geo::LatLng::lng),
            Cell::int(f.properties.count),
            Cell::float(f.properties.z),
            Cell::text(f.properties.significance.as_str()),
        ])?;
    }
    let body = out.finish()?;
    audit_export(&state, &me, "hotspots.csv", &q).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, attachment("hotspots.csv")),
        ],
        body,
    )
        .into_response())
}
