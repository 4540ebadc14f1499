//! What Open311 publishes about place reports: weekly counts per resolution-9 hexagon and
//! council-fixable service, never a report.
//!
//! The counting is `app::hotspots::aggregate`; here are the entries' ids. Every entry counts the reports of one force with one environmental reason whose point lies
//! in one hexagon (about 0.1 km²) and whose day falls in one ISO week. Its count goes through
//! the project's one disclosure rule ([`Disclosure::publish`]), seeded by the sum of the
//! reports' record keys, so it is at least `k`, a multiple of `k`, and the same set of reports
//! always gets the same figure; entries whose count would be under `k` are left out. Reports
//! are read as rows (id, finest cell, day, reasons) and counted here, never through the
//! hotspot index, so the rule has one input the feed alone controls.

use crate::domain::disclosure::week_start;

pub use crate::app::hotspots::{Entry, aggregate, served};

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
