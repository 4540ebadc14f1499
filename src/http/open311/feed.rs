//! What Open311 publishes about place reports: weekly counts per resolution-9 hexagon and
//! council-fixable service, never a report.
//!
//! Every entry counts the reports of one force with one environmental reason whose point lies
//! in one hexagon (about 0.1 km²) and whose day falls in one ISO week. Its count goes through
//! the project's one disclosure rule ([`Disclosure::publish`]), seeded by the sum of the
//! reports' record keys, so it is at least `k`, a multiple of `k`, and the same set of reports
//! always gets the same figure; entries whose count would be under `k` are left out. Reports
//! are read as rows (id, finest cell, day, reasons) and counted here, never through the
//! hotspot index, so the rule has one input the feed alone controls.

use std::collections::BTreeMap;

use crate::domain::disclosure::{CellKey, Disclosure, PUBLIC_MAX_RES, week_start};
use crate::domain::place::{ENVIRONMENTAL, REASON_BITS};
use crate::geo::hex;
use crate::storage::PlaceRequestRow;

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

/// The opaque id of an entry: the week's Monday (so an id can be looked up without scanning
/// all time) and a keyed hash of the force, hexagon, week and service. It has nothing to do
/// with any report or receipt, and cannot be made up for an entry that is not published.
pub fn entry_id(key: &[u8; 32], force_code: &str, e: &Entry) -> String {
    let mut message = Vec::with_capacity(64);
    message.extend_from_slice(b"open311 entry v1\0");
    message.extend_from_slice(force_code.as_bytes());
    message.push(0);
    message.extend_from_slice(&e.cell.to_be_bytes());
    message.extend_from_slice(&e.week.to_be_bytes());
    message.extend_from_slice(e.service.as_bytes());
    let mac = crate::http::state::hmac(key, &message);
    format!("{}-{}", week_label(e.week), ::hex::encode(&mac[..10]))
}

/// The week's Monday as `YYYYMMDD`, the first part of an id.
fn week_label(week: i64) -> String {
    day_date(week).map_or_else(String::new, |d| d.strftime("%Y%m%d").to_string())
}

/// The Monday named by an id, if the id is well formed.
pub fn week_of_id(id: &str) -> Option<i64> {
    let (label, hash) = id.split_once('-')?;
    if label.len() != 8 || hash.len() != 20 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let date = jiff::civil::Date::strptime("%Y%m%d", label).ok()?;
    let day = crate::domain::place::day_number(date);
    (week_start(day) == day).then_some(day)
}

/// The civil date of a day number.
pub fn day_date(day: i64) -> Option<jiff::civil::Date> {
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(day))
        .ok()
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

    #[test]
    fn ids_name_their_week_and_nothing_else() {
        let e = Entry {
            cell: 1,
            week: 20_780,
            service: "lighting",
            count: 5,
        };
        let id = entry_id(&[1; 32], "northshire", &e);
        assert!(id.starts_with("20261123-"), "{id}");
        assert_eq!(week_of_id(&id), Some(20_780));
        assert_ne!(id, entry_id(&[1; 32], "southshire", &e));
        assert_eq!(week_of_id("20261124-00000000000000000000"), None);
        assert_eq!(week_of_id("R1234-lighting"), None);
    }
}
