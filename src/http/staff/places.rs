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
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::Deserialize;

use super::Me;
use super::lists::DateBoxes;
use crate::app::hotspots::{self, Audience, FilterText, Shown};
use crate::charts::{self, Chart, Labels};
use crate::domain::FormErrors;
use crate::domain::date_filter::{self, DateParts, End};
use crate::domain::disclosure::PUBLIC_MAX_RES;
use crate::domain::place::{self as place, HotspotQuery, REASON_BITS, TIME_BANDS};
use crate::geo::{GiStar, hex};
use crate::http::chrome::Chrome;
use crate::http::error::AppError;
use crate::http::hotspots::{feature, shown, significance, today};
use crate::http::render::render_with_status;
use crate::http::spreadsheet::{Cell, CsvExport};
use crate::http::state::AppState;
use crate::storage::{Breakdown, Tally};

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
/// The form types days in GOV.UK date inputs (`from-day`, `from-month`, `from-year`, …);
/// the map's data and the export links carry them as `from`/`to` (`YYYY-MM-DD`).
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: String,
    /// Last day.
    #[serde(default)]
    pub to: String,
    #[serde(flatten)]
    dates: DateBoxes,
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

    /// The boxes of one end as typed, or else filled from its `YYYY-MM-DD` form.
    fn boxes(&self, end: End) -> DateParts {
        let typed = self.dates.parts(end);
        let iso = match end {
            End::From => &self.from,
            End::To => &self.to,
        };
        if typed.is_empty() {
            iso.trim()
                .parse::<jiff::civil::Date>()
                .map_or(typed, DateParts::of)
        } else {
            typed
        }
    }

    /// Read the date boxes typed into `from`/`to`; their problems go to `errors` (and that
    /// end is then not filtered on).
    fn read_dates(&mut self, errors: &mut FormErrors) {
        if self.dates.from().is_empty() && self.dates.to().is_empty() {
            return;
        }
        let (from, to) = date_filter::range(&self.boxes(End::From), &self.boxes(End::To), errors);
        let iso = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        self.from = iso(from);
        self.to = iso(to);
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
    let params = FilterText {
        bbox: None,
        res: (!f.res.is_empty()).then(|| f.res.clone()),
        reasons: list(&f.reasons),
        from: (!f.from.is_empty()).then(|| f.from.clone()),
        to: (!f.to.is_empty()).then(|| f.to.clone()),
        hours: list(&f.hours),
        weekdays: list(&f.weekdays),
        force: Some(me.force_code.clone()),
    };
    let (q, _) = hotspots::query(&params, today(state), audience(me)).map_err(|e| e.field)?;
    // The API answers an empty range with nothing; a form says which date to change.
    if q.from_day > q.to_day {
        return Err("from");
    }
    Ok(q)
}

/// Hexagons as this member of staff may see them.
async fn hexagons(
    state: &AppState,
    shown: &Shown,
    q: &HotspotQuery,
) -> Result<Vec<GiStar>, AppError> {
    Ok(hotspots::hexagons(state.store.as_ref(), shown, q, None).await?)
}

/// A figure for a chart (0 where hidden) and as text (`<k` where hidden).
fn figure(shown: &Shown, t: Tally) -> (u64, String) {
    match (shown.value(t), shown.hidden_under()) {
        (Some(n), _) => (n, charts::thousands(n)),
        (None, Some(k)) => (0, format!("<{k}")),
        (None, None) => (0, "0".to_owned()),
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
    /// The gazetteer place nearest its centre (empty without a gazetteer).
    pub near: String,
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
    /// The filter that was not understood, if any (the id of its field).
    pub bad_filter: Option<&'static str>,
    /// Problems with the dates typed.
    pub errors: FormErrors,
    /// The "from" boxes.
    pub from: DateParts,
    /// The "to" boxes.
    pub to: DateParts,
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

/// The message id of a reason's label.
fn reason_label(code: &str) -> Option<&'static str> {
    place::staff_reason_label(code)
}

/// Charts of a breakdown: reports per week, per weekday × band, per reason. Each keeps the
/// call it had; only the figures come from `app::hotspots`.
fn charts_for(chrome: &Chrome, b: &Breakdown, shown: &Shown) -> Vec<Chart> {
    let mut all = vec![
        weekly_chart(chrome, b, shown),
        grid_chart(chrome, b, shown),
        reasons_chart(chrome, b, shown),
    ];
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

/// Labels of a chart: the message ids of its title, description and category.
fn labels<'a>(chrome: &'a Chrome, [title, description, category]: [&'a str; 3]) -> Labels<'a> {
    Labels {
        title: chrome.t(title),
        description: chrome.t(description),
        category: chrome.t(category),
        value: chrome.t("staff-chart-reports"),
    }
}

fn weekly_chart(chrome: &Chrome, b: &Breakdown, shown: &Shown) -> Chart {
    let data: Vec<(String, u64)> = hotspots::weekly(b)
        .into_iter()
        .map(|(monday, n)| (monday.format("%-d %b %Y"), figure(shown, n).0))
        .collect();
    charts::bars(
        &labels(
            chrome,
            [
                "staff-chart-weekly",
                "staff-chart-weekly-desc",
                "staff-chart-week",
            ],
        ),
        &data,
        "weekly",
    )
}

fn grid_chart(chrome: &Chrome, b: &Breakdown, shown: &Shown) -> Chart {
    let rows: Vec<String> = WEEKDAYS.iter().map(|d| chrome.t(d).to_owned()).collect();
    let columns: Vec<String> = TIME_BANDS
        .iter()
        .map(|b| chrome.t(b.label).to_owned())
        .collect();
    let counts: Vec<Vec<u64>> = b
        .grid
        .iter()
        .map(|row| row.iter().map(|n| figure(shown, *n).0).collect())
        .collect();
    charts::heat_grid(
        &labels(
            chrome,
            [
                "staff-chart-grid",
                "staff-chart-grid-desc",
                "staff-chart-day",
            ],
        ),
        &rows,
        &columns,
        &counts,
        "grid",
    )
}

fn reasons_chart(chrome: &Chrome, b: &Breakdown, shown: &Shown) -> Chart {
    let data: Vec<(String, u64)> = hotspots::reason_tallies(b)
        .into_iter()
        .filter_map(|(code, n)| {
            Some((chrome.t(reason_label(code)?).to_owned(), figure(shown, n).0))
        })
        .collect();
    charts::hbars(
        &labels(
            chrome,
            [
                "staff-chart-reasons",
                "staff-chart-reasons-desc",
                "staff-chart-reason",
            ],
        ),
        &data,
        "reasons",
    )
}

/// The name of the gazetteer place nearest a hexagon's centre, as the place flow says "Near …"
/// of a pin: a name staff know, where a cell id and coordinates mean little.
fn nearest_place(state: &AppState, cell: u64) -> Option<String> {
    let centre = hex::centre(cell)?;
    crate::geo::nearest(&state.geography.places, centre).map(|p| p.name.clone())
}

/// The ranked list: the first [`TOP`] hexagons with their main reasons.
async fn top_lines(
    state: &AppState,
    shown: &Shown,
    q: &HotspotQuery,
    found: &[GiStar],
) -> Result<Vec<TopLine>, AppError> {
    let mut top = Vec::new();
    for (i, g) in found.iter().take(TOP).enumerate() {
        let here = hotspots::breakdown(state.store.as_ref(), q, Some(g.cell)).await?;
        let centre = hex::centre(g.cell)
            .map(|c| format!("{:.4}, {:.4}", c.lat(), c.lng()))
            .unwrap_or_default();
        top.push(TopLine {
            rank: i + 1,
            cell: format!("{:x}", g.cell),
            centre,
            near: nearest_place(state, g.cell).unwrap_or_default(),
            count: charts::thousands(u64::try_from(g.count as i64).unwrap_or_default()),
            significance: significance(g),
            reasons: hotspots::main_reasons(&here, shown)
                .into_iter()
                .filter_map(reason_label)
                .collect(),
        });
    }
    Ok(top)
}

/// The filter form's checkboxes: reasons, hour bands, weekdays.
fn ticks(filters: &Filters) -> [Vec<Tick>; 3] {
    let reasons: Vec<_> = REASON_BITS
        .iter()
        .filter_map(|(code, _)| Some(((*code).to_owned(), reason_label(code)?.to_owned())))
        .collect();
    let hours: Vec<_> = TIME_BANDS
        .iter()
        .map(|b| (b.code.to_owned(), b.label.to_owned()))
        .collect();
    let weekdays: Vec<_> = WEEKDAYS
        .iter()
        .enumerate()
        .map(|(i, d)| ((i + 1).to_string(), (*d).to_owned()))
        .collect();
    [
        options(&reasons, &filters.reasons),
        options(&hours, &filters.hours),
        options(&weekdays, &filters.weekdays),
    ]
}

async fn dashboard(
    State(state): State<AppState>,
    chrome: Chrome,
    Extension(me): Extension<Me>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let mut filters = Filters::parse(raw.as_deref());
    let mut errors = FormErrors::default();
    filters.read_dates(&mut errors);
    let police = me.role.is_police();
    let shown = shown(&state, audience(&me));
    let (q, bad_filter) = match query(&state, &me, &filters) {
        Ok(q) => (q, None),
        Err(field) => (
            query(&state, &me, &Filters::default()).map_err(|_| AppError::BadRequest)?,
            // Days are typed in date inputs: their first box is the field to go to.
            Some(match field {
                "from" => "from-day",
                "to" => "to-day",
                other => other,
            }),
        ),
    };
    let found = hexagons(&state, &shown, &q).await?;
    let top = top_lines(&state, &shown, &q, &found).await?;
    let all = hotspots::breakdown(state.store.as_ref(), &q, None).await?;
    let [reason_options, hour_options, weekday_options] = ticks(&filters);
    let charts = charts_for(&chrome, &all, &shown);
    let me_force = me.force_code.clone();
    let long_date = |d: crate::domain::place::Day| d.format("%-d %B %Y");
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render_with_status(
        status,
        &DashboardPage {
            chrome,
            me: Some(me),
            query: filters.query_string(),
            from: filters.boxes(End::From),
            to: filters.boxes(End::To),
            filters,
            bad_filter,
            errors,
            reason_options,
            hour_options,
            weekday_options,
            top,
            total: figure(&shown, all.total).1,
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
        },
    ))
}

/// The filters of a request and the hexagons they find, for the map and the exports.
async fn found(
    state: &AppState,
    me: &Me,
    raw: Option<&str>,
) -> Result<(HotspotQuery, Vec<GiStar>), AppError> {
    let q = query(state, me, &Filters::parse(raw)).map_err(|_| AppError::BadRequest)?;
    let found = hexagons(state, &shown(state, audience(me)), &q).await?;
    Ok((q, found))
}

/// The hexagons as GeoJSON, and the query they answer.
async fn geojson(
    state: &AppState,
    me: &Me,
    raw: Option<&str>,
) -> Result<(String, HotspotQuery), AppError> {
    let (q, found) = found(state, me, raw).await?;
    // Each hexagon also named by its nearest gazetteer place (`near`), for the map's labels.
    let features = found
        .iter()
        .map(|g| {
            let mut f = serde_json::to_value(feature(g))?;
            if let (Some(near), Some(props)) = (
                nearest_place(state, g.cell),
                f.get_mut("properties").and_then(|p| p.as_object_mut()),
            ) {
                props.insert("near".to_owned(), near.into());
            }
            Ok(f)
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    let body = serde_json::to_string(&serde_json::json!({
        "type": "FeatureCollection",
        "from": q.from_day.iso(),
        "to": q.to_day.iso(),
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
    entry.detail = q.describe();
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
    let (q, found) = found(&state, &me, raw.as_deref()).await?;
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
    for g in &found {
        let f = feature(g).properties;
        // Centres come from the H3 cell, numbers we compute: they stay numeric.
        let centre = |coord: fn(crate::geo::LatLng) -> f64| {
            hex::centre(g.cell).map_or(Cell::text(""), |c| Cell::decimal(coord(c), 6))
        };
        out.row(&[
            Cell::text(f.cell.as_str()),
            Cell::int(q.res),
            centre(crate::geo::LatLng::lat),
            centre(crate::geo::LatLng::lng),
            Cell::int(f.count),
            Cell::float(f.z),
            Cell::text(f.significance.as_str()),
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
