//! Use case: hotspots for a typed filter. The filters as sent (by the API's query string or the
//! dashboard's form) are checked into a [`HotspotQuery`]; the store counts the matching reports
//! per hexagon; figures leaving the police go through the disclosure rule
//! (`domain::disclosure`) and Gi* is computed from the figures as shown. The JSON API, the
//! staff dashboard and its exports all call these, so every audience sees one set of figures.

use std::collections::BTreeMap;

use crate::domain::disclosure::{self, CellKey, Disclosure, PUBLIC_MAX_RES, week_start};
use crate::domain::place::{
    Bands, Day, ENVIRONMENTAL, HotspotQuery, REASON_BITS, ReasonSet, Weekdays,
};
use crate::geo::{self, GiStar, hex};
use crate::storage::{Breakdown, PlaceRequestQuery, PlaceRequestRow, Store, StoreError, Tally};

/// Who figures are for. Everyone outside the police (the public, partners) gets them under
/// the disclosure rule; police analysts get them exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The public and partners: published figures only.
    Outside,
    /// Police analysts: exact figures, any resolution, any days.
    Police,
}

/// The service's disclosure rule: `suppression_k` and the key derived from the secret.
pub fn disclosure_rule(suppression_k: i64, key: [u8; 32]) -> Disclosure {
    Disclosure::new(u64::try_from(suppression_k).unwrap_or(1), key)
}

/// The filters of a hotspot query as sent, each as text; [`query`] checks them. `None` is a
/// filter not given; an empty value is a value (and checked like any other).
#[derive(Debug, Default, Clone)]
pub struct FilterText {
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

impl FilterText {
    /// The filters in a query string. Read by hand rather than with serde's forms, which take
    /// `to=` for no `to` at all: an empty value is kept, and checked like any other. Unknown
    /// names are ignored; a name given twice is an error (lists are comma-separated).
    pub fn parse(query: &str) -> Result<Self, FilterError> {
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
                return Err(FilterError::new(
                    field,
                    "must be given once (lists are comma-separated)",
                ));
            }
        }
        Ok(p)
    }
}

/// A filter that is not valid: which, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    /// The filter's name.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

impl FilterError {
    fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// `[minLng, minLat, maxLng, maxLat]`.
pub type BBox = [f64; 4];

/// 0000-01-01 and 9999-12-31, the first and last days a date filter can name: a week is not
/// widened past them, so the days counted stay `YYYY-MM-DD` dates.
const FIRST_DAY: i64 = -719_528;
const LAST_DAY: i64 = 2_932_896;

/// The items of a comma-separated list, each checked by `item`; an empty list for `None`.
/// Items are taken as written: no spaces, no empty items, so `reasons=` is an error (an
/// empty item), not "every reason".
fn list<T>(
    text: Option<&str>,
    field: &'static str,
    item: impl Fn(&str) -> Option<T>,
    wanted: &str,
) -> Result<Vec<T>, FilterError> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => t
            .split(',')
            .map(|i| {
                item(i).ok_or_else(|| FilterError::new(field, format!("{i:?} is not {wanted}")))
            })
            .collect(),
    }
}

/// The union of the items of a list; `all` when none is given.
fn set<T: bitflags::Flags + Copy>(
    text: Option<&str>,
    field: &'static str,
    item: impl Fn(&str) -> Option<T>,
    wanted: &str,
) -> Result<T, FilterError> {
    let items = list(text, field, item, wanted)?;
    Ok(if items.is_empty() {
        T::all()
    } else {
        items.into_iter().fold(T::empty(), |all, i| all.union(i))
    })
}

/// A `YYYY-MM-DD` date; nothing else (no times, no other forms).
fn day(text: &str) -> Option<Day> {
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
    Some(Day::of(date))
}

/// A coordinate up to `max` degrees either way, as the API describes it: an optional `-`,
/// an integer part without leading zeros, an optional fraction.
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

/// Check the filters; the first problem. A `from` after `to` is not an error here: it
/// matches nothing (forms that want to say so check it themselves). For
/// [`Audience::Outside`], resolutions finer than [`PUBLIC_MAX_RES`] are refused and the days
/// are widened to whole weeks.
pub fn query(
    p: &FilterText,
    today: Day,
    audience: Audience,
) -> Result<(HotspotQuery, Option<BBox>), FilterError> {
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
            .ok_or_else(|| FilterError::new("res", format!("must be one of {allowed:?}")))?,
    };
    let reasons = set(
        p.reasons.as_deref(),
        "reasons",
        ReasonSet::of_code,
        "a reason code",
    )?;
    let not_a_date = |field| FilterError::new(field, "must be a date, YYYY-MM-DD");
    let to_day = match &p.to {
        Some(t) => day(t).ok_or_else(|| not_a_date("to"))?,
        None => today,
    };
    let from_day = match &p.from {
        Some(f) => day(f).ok_or_else(|| not_a_date("from"))?,
        None => Day(to_day.0 - 365),
    };
    // Whole weeks, so two answers differ by a week at least; an empty range stays empty.
    let (from_day, to_day) = if audience == Audience::Outside && from_day <= to_day {
        let (from, to) = disclosure::whole_weeks(from_day.0, to_day.0);
        (Day(from.max(FIRST_DAY)), Day(to.min(LAST_DAY)))
    } else {
        (from_day, to_day)
    };
    let hours = set(p.hours.as_deref(), "hours", Bands::of_code, "0, 3, 6 … 21")?;
    let weekday = |d: &str| {
        (1..=7)
            .find(|n: &u8| n.to_string() == d)
            .and_then(Weekdays::of_iso)
    };
    let weekdays = set(
        p.weekdays.as_deref(),
        "weekdays",
        weekday,
        "1 (Monday) to 7 (Sunday)",
    )?;
    let bbox = match &p.bbox {
        None => None,
        Some(b) => Some(bbox(b).ok_or_else(|| {
            FilterError::new("bbox", "must be minLng,minLat,maxLng,maxLat in degrees")
        })?),
    };
    Ok((
        HotspotQuery {
            res: i64::from(res),
            from_day,
            to_day,
            reasons,
            hours,
            weekdays,
            // `force=` with nothing after it asks for no particular force.
            force: p.force.clone().filter(|f| !f.is_empty()),
        },
        bbox,
    ))
}

/// How figures are shown to an audience: as counted, or published under the rule.
#[derive(Debug, Clone)]
pub enum Shown {
    /// Police analysts: as counted.
    Exact,
    /// Everyone else: published under the disclosure rule.
    Published(Disclosure),
}

impl Shown {
    /// How figures are shown to `audience`, the service's rule being `rule`.
    pub fn to(audience: Audience, rule: Disclosure) -> Self {
        match audience {
            Audience::Police => Self::Exact,
            Audience::Outside => Self::Published(rule),
        }
    }

    /// The figure, or `None` where it is not shown (under k, outside the police).
    pub fn value(&self, t: Tally) -> Option<u64> {
        let n = u64::try_from(t.n).unwrap_or_default();
        match self {
            Self::Exact => Some(n),
            Self::Published(rule) => rule.publish(n, t.key),
        }
    }

    /// The threshold under which figures are not shown, if any.
    pub fn hidden_under(&self) -> Option<u64> {
        match self {
            Self::Exact => None,
            Self::Published(rule) => Some(rule.k()),
        }
    }
}

/// Whether the centre of `cell` lies in `bbox` (everywhere, without one).
fn inside(bbox: Option<BBox>, cell: u64) -> bool {
    match (bbox, hex::centre(cell)) {
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
    }
}

/// Hexagons matching `query` (and `bbox`) with their figures as `shown` and Gi*
/// significance, most reports first (then by cell). Published figures are multiples of k
/// seeded by the reports' record keys, hexagons under k left out, and the statistic is
/// computed from the published figures only, so it tells nothing more than they do. It is
/// computed over every matching hexagon before `bbox` is applied, so a hexagon's
/// significance does not change as a map is panned or zoomed: its neighbours just outside
/// the box still count.
pub async fn hexagons(
    store: &dyn Store,
    shown: &Shown,
    query: &HotspotQuery,
    bbox: Option<BBox>,
) -> Result<Vec<GiStar>, StoreError> {
    let tallies = store.hotspot_cells(query).await?;
    let cells: Vec<(u64, f64)> = tallies
        .iter()
        .filter_map(|c| {
            let n = i64::try_from(shown.value(c.tally)?).ok()?;
            Some((u64::try_from(c.cell).ok()?, n as f64))
        })
        .collect();
    let mut found: Vec<GiStar> = geo::gi_star(&cells)
        .into_iter()
        .filter(|g| inside(bbox, g.cell))
        .collect();
    // H3 cells all have 15 hexadecimal digits, so by number is by their text too.
    found.sort_by_key(|g| (std::cmp::Reverse(g.count as i64), g.cell));
    Ok(found)
}

/// The reports matching `query` whose finest cell lies inside `cell` (every report, for
/// `None`), counted by day, weekday × band and reason.
pub async fn breakdown(
    store: &dyn Store,
    query: &HotspotQuery,
    cell: Option<u64>,
) -> Result<Breakdown, StoreError> {
    match cell {
        None => store.place_breakdown(query, None).await,
        // H3 orders a cell's descendants contiguously, so a range of finest cells finds them.
        Some(cell) => match hex::child_range(cell, hex::RESOLUTIONS[hex::RESOLUTIONS.len() - 1]) {
            Some(range) => store.place_breakdown(query, Some(range)).await,
            None => Ok(Breakdown::default()),
        },
    }
}

/// Each reason's tally in a breakdown, in [`crate::domain::place::REASON_BITS`] order.
pub fn reason_tallies(b: &Breakdown) -> Vec<(&'static str, Tally)> {
    crate::domain::place::REASON_BITS
        .iter()
        .map(|(code, bit)| {
            let t = b
                .reasons
                .get(bit.trailing_zeros() as usize)
                .copied()
                .unwrap_or_default();
            (*code, t)
        })
        .collect()
}

/// The three most frequent reasons in a breakdown as shown (outside the police the ranking
/// uses the published figures, and reasons under k are left out), as codes.
pub fn main_reasons(b: &Breakdown, shown: &Shown) -> Vec<&'static str> {
    let mut counts: Vec<(u64, &'static str)> = reason_tallies(b)
        .into_iter()
        .filter_map(|(code, t)| Some((shown.value(t)?, code)))
        .filter(|(n, _)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    counts.into_iter().take(3).map(|(_, code)| code).collect()
}

/// Reports per week, Monday to Sunday, by the week's Monday: the finest series partners see
/// (their days are whole weeks, so no week is a part of one).
pub fn weekly(b: &Breakdown) -> Vec<(Day, Tally)> {
    let mut weeks: std::collections::BTreeMap<i64, Tally> = std::collections::BTreeMap::new();
    for (day, t) in &b.days {
        weeks
            .entry(disclosure::week_start(*day))
            .or_default()
            .merge(*t);
    }
    weeks.into_iter().map(|(d, t)| (Day(d), t)).collect()
}

// The Open311 feed: weekly counts per resolution-9 hexagon and council-fixable service, never
// a report. Reports are read as rows (id, finest cell, day, reasons) and counted here, never
// through the hotspot index, so the rule has one input the feed alone controls.

/// One published entry: `count` reports (already rounded) of `service` in `cell` in the week
/// starting on day `week`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The hexagon, at [`PUBLIC_MAX_RES`].
    pub cell: u64,
    /// The Monday of the week, in days since 1970-01-01.
    pub week: i64,
    /// The environmental service code.
    pub service: &'static str,
    /// The published count: a multiple of `k`, at least `k`.
    pub count: u64,
}

/// The services the feed ever serves: reasons a council can put right. Behavioural and other
/// police-only reasons never leave the police.
pub fn served(code: &str) -> Option<&'static str> {
    ENVIRONMENTAL.iter().copied().find(|c| *c == code)
}

fn bit(code: &str) -> i64 {
    REASON_BITS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(0, |(_, b)| i64::from(*b))
}

/// The entries for `rows` and the wanted environmental `services`, newest week first, then by
/// hexagon and service. Rows without a usable cell are skipped.
pub fn aggregate(
    rows: &[PlaceRequestRow],
    services: &[&'static str],
    rule: &Disclosure,
) -> Vec<Entry> {
    let res = u8::try_from(PUBLIC_MAX_RES).unwrap_or(9);
    // Key: (−week, cell, position of the service) so the map iterates in the output order.
    let mut counts: BTreeMap<(i64, u64, usize), (u64, CellKey)> = BTreeMap::new();
    for row in rows {
        let Some(cell) = u64::try_from(row.cell)
            .ok()
            .and_then(|c| hex::parent(c, res))
        else {
            continue;
        };
        let week = week_start(row.day);
        for (i, service) in services.iter().enumerate() {
            if row.reasons & bit(service) == 0 {
                continue;
            }
            let slot = counts.entry((-week, cell, i)).or_default();
            slot.0 += 1;
            slot.1.add(rule.record_key(row.id));
        }
    }
    counts
        .into_iter()
        .filter_map(|((week, cell, i), (n, key))| {
            rule.publish(n, key).map(|count| Entry {
                cell,
                week: -week,
                service: services[i],
                count,
            })
        })
        .collect()
}

/// Why the feed's entries could not be counted.
#[derive(Debug, thiserror::Error)]
pub enum CountError {
    /// The reports could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The count, run off the async threads, did not finish.
    #[error("count: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// The published entries of `force` for `services` over the whole weeks around the days.
pub async fn weekly_entries(
    store: &dyn Store,
    rule: &Disclosure,
    force: &str,
    (from_day, to_day): (i64, i64),
    services: &[&'static str],
) -> Result<Vec<Entry>, CountError> {
    if services.is_empty() {
        return Ok(Vec::new());
    }
    let (from_day, to_day) = disclosure::whole_weeks(from_day, to_day);
    let reasons = services
        .iter()
        .filter_map(|c| ReasonSet::of_code(c))
        .fold(ReasonSet::empty(), |a, b| a | b);
    let rows = store
        .place_requests(&PlaceRequestQuery {
            force_code: force.to_owned(),
            from_day: Day(from_day),
            to_day: Day(to_day),
            reasons,
        })
        .await?;
    // Counting thousands of rows is quick, but keep it off the async threads all the same.
    let (services, rule) = (services.to_vec(), rule.clone());
    Ok(tokio::task::spawn_blocking(move || aggregate(&rows, &services, &rule)).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, day: i64, reasons: i64) -> PlaceRequestRow {
        // A resolution-11 cell in the demo area.
        let p = crate::geo::LatLng::new(53.8012, -1.5481).unwrap();
        PlaceRequestRow {
            id,
            cell: hex::cells(p)[3] as i64,
            day,
            reasons,
        }
    }

    #[test]
    fn counts_under_k_are_left_out_and_the_rest_are_multiples_of_k() {
        let rule = Disclosure::new(5, [3; 32]);
        // Wednesday 2026-11-25 is day 20_782; its week starts on day 20_780.
        let mut rows: Vec<_> = (0..7).map(|i| row(i, 20_782, 1)).collect();
        rows.extend((7..11).map(|i| row(i, 20_775, 1)));
        let out = aggregate(&rows, ENVIRONMENTAL, &rule);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].week, 20_780);
        assert_eq!(out[0].service, "lighting");
        assert!(out[0].count == 5 || out[0].count == 10);
    }
}
