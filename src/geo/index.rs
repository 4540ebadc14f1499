//! The in-memory hotspot index: every place report with a cell, as columns sorted by H3 cell,
//! so that a hotspot query is one pass over compact arrays instead of a SQL aggregate.
//!
//! Why not a count table: the filters (any day range, any set of reasons, of three-hour bands
//! and of weekdays) leave nothing to pre-aggregate — one row per cell, day, band and set of
//! reasons is already one row per report — and summing a million rows in SQL takes hundreds of
//! milliseconds on either engine. Here a row is 11 bytes and a filter test is a few compares,
//! so ten million reports are counted in tens of milliseconds.
//!
//! Why sorted by cell: H3 ids put a cell's descendants at one resolution next to each other, so
//! the cells that roll up into one coarser hexagon are one contiguous run; a report is kept once,
//! at its finest cell, and counted at any coarser resolution by its ancestor there.
//!
//! The store builds the index from `place_reports` at start-up or on first use, then follows
//! new rows by id (`SqlStore::hotspot_index`); this module is the pure part: no database, no
//! clock.
//!
//! Each row also keeps the report's record key (`domain::disclosure`), computed once when the
//! report enters the index, and every count carries the sum of the keys it counted (its cell
//! key) from the same pass, so figures for outsiders can be rounded without another look at
//! the reports.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::domain::disclosure::{CellKey, Disclosure};
use crate::domain::place::{Bands, HotspotQuery, ReasonSet, Weekdays};
use crate::geo::hex;

/// One place report as the index needs it (as read from `place_reports`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexRow<'a> {
    /// `place_reports.id`, from which the record key is derived.
    pub id: i64,
    /// The force the report went to.
    pub force_code: &'a str,
    /// The report's finest cell.
    pub cell: i64,
    /// The resolution that cell was recorded at.
    pub res: i64,
    /// Day it happened, days since 1970-01-01.
    pub day: i64,
    /// First hour of its three-hour band.
    pub hour: i64,
    /// Reason bits.
    pub reasons: i64,
}

/// What to count: the filters of a hotspot query, or none (every report, as `cell_counts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter<'a> {
    /// Resolution to count at.
    pub res: i64,
    /// First and last day, inclusive.
    pub days: (i64, i64),
    /// Count reports meeting these reasons ([`ReasonSet::matches`]); `None`: every report,
    /// even one without a reason.
    pub reasons: Option<ReasonSet>,
    /// Bit `weekday * 8 + band` set for every allowed (weekday, three-hour band).
    pub when: u64,
    /// One force, or every force.
    pub force: Option<&'a str>,
}

impl<'a> Filter<'a> {
    /// The filter of a hotspot query.
    pub fn of_query(q: &'a HotspotQuery) -> Self {
        Self {
            res: q.res,
            days: (q.from_day.0, q.to_day.0),
            reasons: Some(q.reasons),
            when: when_mask(q.hours, q.weekdays),
            force: q.force.as_deref(),
        }
    }
}

/// Recent rows kept unsorted before a merge, at least.
const MERGE_AT: usize = 16_384;

/// No `when` code: an hour outside 0–23. Never matches an hour filter (bit 63 is never set by
/// [`when_mask`]), always matches "no filter".
const NO_BAND: u8 = 63;

/// The `when` bit mask allowing the three-hour bands `hours` on the days `weekdays`.
pub fn when_mask(hours: Bands, weekdays: Weekdays) -> u64 {
    let (hours, weekdays) = (hours.bits(), weekdays.bits());
    let mut mask = 0u64;
    for w in 0..7 {
        for b in 0..8 {
            if (weekdays >> w) & 1 == 1 && (hours >> b) & 1 == 1 {
                mask |= 1 << (w * 8 + b);
            }
        }
    }
    mask
}

/// Weekday (0 = Monday) and band of a report, as one code: 1970-01-01 was a Thursday.
fn when(day: i64, hour: i64) -> u8 {
    if !(0..24).contains(&hour) {
        return NO_BAND;
    }
    let weekday = ((day.rem_euclid(7) + 3) % 7) as u8;
    weekday * 8 + (hour / 3) as u8
}

/// The cell that a report recorded at `cell` (resolution `cell_res`) counts in at `res`.
fn cell_at(cell: u64, cell_res: i64, res: i64) -> Option<u64> {
    match cell_res.cmp(&res) {
        std::cmp::Ordering::Equal => Some(cell),
        std::cmp::Ordering::Greater => hex::parent(cell, u8::try_from(res).ok()?),
        std::cmp::Ordering::Less => None,
    }
}

/// A report in the compact form of the sorted columns.
#[derive(Debug, Clone, Copy)]
struct Packed {
    cell: u64,
    res: u8,
    force: u16,
    when: u8,
    day: i32,
    reasons: u32,
    key: u32,
}

/// How many reports, and the sum of their record keys (which seeds their rounding).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Reports.
    pub n: i64,
    /// Their cell key.
    pub key: CellKey,
}

impl Tally {
    fn add(&mut self, key: u32) {
        self.n += 1;
        self.key.add(key);
    }

    /// The union with another, disjoint, tally (two days into one week).
    pub fn merge(&mut self, other: Tally) {
        self.n = self.n.saturating_add(other.n);
        self.key.merge(other.key);
    }
}

/// Reports counted in one hexagon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellCount {
    /// The H3 cell.
    pub cell: i64,
    /// Reports and their cell key.
    pub tally: Tally,
}

/// The sorted columns: `cells[i]` (recorded at `cell_res[i]`) owns rows `starts[i]..starts[i+1]`.
#[derive(Debug)]
struct Columns {
    cells: Vec<u64>,
    cell_res: Vec<u8>,
    starts: Vec<usize>,
    force: Vec<u16>,
    when: Vec<u8>,
    day: Vec<i32>,
    reasons: Vec<u32>,
    keys: Vec<u32>,
}

impl Default for Columns {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl Columns {
    fn with_capacity(rows: usize) -> Self {
        Self {
            starts: vec![0],
            force: Vec::with_capacity(rows),
            when: Vec::with_capacity(rows),
            day: Vec::with_capacity(rows),
            reasons: Vec::with_capacity(rows),
            keys: Vec::with_capacity(rows),
            cells: Vec::new(),
            cell_res: Vec::new(),
        }
    }

    fn rows(&self) -> usize {
        self.day.len()
    }

    /// Start a new cell unless `(cell, res)` is the last one.
    fn open(&mut self, cell: u64, res: u8) {
        if self.cells.last() != Some(&cell) || self.cell_res.last() != Some(&res) {
            self.cells.push(cell);
            self.cell_res.push(res);
            self.starts.push(self.rows());
        }
    }

    fn push(&mut self, p: &Packed) {
        self.open(p.cell, p.res);
        self.force.push(p.force);
        self.when.push(p.when);
        self.day.push(p.day);
        self.reasons.push(p.reasons);
        self.keys.push(p.key);
        if let Some(end) = self.starts.last_mut() {
            *end = self.force.len();
        }
    }

    /// Copy cell `i` of `other` with all its rows.
    fn copy_cell(&mut self, other: &Columns, i: usize) {
        self.open(other.cells[i], other.cell_res[i]);
        let rows = other.starts[i]..other.starts[i + 1];
        self.force.extend_from_slice(&other.force[rows.clone()]);
        self.when.extend_from_slice(&other.when[rows.clone()]);
        self.day.extend_from_slice(&other.day[rows.clone()]);
        self.reasons.extend_from_slice(&other.reasons[rows.clone()]);
        self.keys.extend_from_slice(&other.keys[rows]);
        if let Some(end) = self.starts.last_mut() {
            *end = self.force.len();
        }
    }

    /// These columns plus `new`, still sorted: one linear merge.
    fn merged(&self, mut new: Vec<Packed>) -> Columns {
        new.sort_unstable_by_key(|p| (p.cell, p.res));
        let mut out = Columns::with_capacity(self.rows() + new.len());
        let mut next = new.iter().peekable();
        for i in 0..self.cells.len() {
            let key = (self.cells[i], self.cell_res[i]);
            while let Some(p) = next.next_if(|p| (p.cell, p.res) < key) {
                out.push(p);
            }
            out.copy_cell(self, i);
            while let Some(p) = next.next_if(|p| (p.cell, p.res) == key) {
                out.push(p);
            }
        }
        for p in next {
            out.push(p);
        }
        out
    }

    /// Matching reports per cell at the filter's resolution (and their cell key), in `out`.
    fn count(&self, f: &Filter, force: Option<u32>, out: &mut Vec<(u64, u64, u32)>) {
        let (from, to) = (
            f.days.0.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            f.days.1.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        );
        // Reasons in the columns fit in 32 bits, as the set does: "every reason" is met by
        // any of them, as by any bit of the set's.
        let (any_reason, reason_mask) = (f.reasons.is_none(), f.reasons.map_or(0, |r| r.bits()));
        let (any_force, force) = match force.map(u16::try_from) {
            None => (true, 0),
            Some(Ok(f)) => (false, f),
            // A force beyond u16 has only odd rows.
            Some(Err(_)) => return,
        };
        for i in 0..self.cells.len() {
            if i64::from(self.cell_res[i]) < f.res {
                continue;
            }
            let rows = self.starts[i]..self.starts[i + 1];
            // Branch-free sums over the cell's rows (zipped slices: no bounds checks): the
            // count, and the record keys of the rows counted (masked to 0 for the others).
            let (n, key) = self.day[rows.clone()]
                .iter()
                .zip(&self.when[rows.clone()])
                .zip(&self.reasons[rows.clone()])
                .zip(&self.force[rows.clone()])
                .zip(&self.keys[rows])
                .fold(
                    (0u64, 0u32),
                    |(n, sum), ((((&day, &when), &reasons), &frc), &key)| {
                        let ok = (day >= from)
                            & (day <= to)
                            & ((f.when >> when) & 1 == 1)
                            & (any_reason | (reasons & reason_mask != 0))
                            & (any_force | (frc == force));
                        let mask = 0u32.wrapping_sub(u32::from(ok));
                        (n + u64::from(ok), sum.wrapping_add(key & mask))
                    },
                );
            if n == 0 {
                continue;
            }
            let Some(target) = cell_at(self.cells[i], i64::from(self.cell_res[i]), f.res) else {
                continue;
            };
            match out.last_mut() {
                Some((c, sum, k)) if *c == target => {
                    *sum += n;
                    *k = k.wrapping_add(key);
                }
                _ => out.push((target, n, key)),
            }
        }
    }
}

/// A report the columns cannot hold exactly (a day beyond ±2³¹, reasons beyond 32 bits, more
/// than 65,535 forces — nothing the service makes, but the store accepts any `i64`), counted
/// by the general path.
#[derive(Debug, Clone)]
struct Odd {
    cell: u64,
    res: i64,
    force: u32,
    when: u8,
    day: i64,
    reasons: i64,
    key: u32,
}

/// The index at one moment: immutable, shared by queries while a newer one is built.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Force codes; rows hold their position.
    forces: Vec<String>,
    /// The bulk of the reports, sorted; shared with older and newer snapshots.
    columns: Arc<Columns>,
    /// Reports added since the columns were built, unsorted (merged in when many).
    recent: Vec<Packed>,
    odd: Vec<Odd>,
    /// Highest `place_reports.id` included.
    pub last_id: i64,
    /// The rule whose record keys the rows hold (none: every key is 0).
    pub rule: Option<Disclosure>,
}

impl Snapshot {
    /// True when it counts no report.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many reports it counts.
    pub fn len(&self) -> usize {
        self.columns.rows() + self.recent.len() + self.odd.len()
    }

    /// A copy to add reports to (the sorted columns are shared, not copied).
    pub fn pending(&self) -> Pending {
        Pending {
            forces: self.forces.clone(),
            columns: Arc::clone(&self.columns),
            recent: self.recent.clone(),
            odd: self.odd.clone(),
            last_id: self.last_id,
            rule: self.rule.clone(),
        }
    }

    /// An empty index whose rows will hold record keys under `rule`.
    pub fn keyed(rule: Option<Disclosure>) -> Snapshot {
        Snapshot {
            rule,
            ..Snapshot::default()
        }
    }

    /// A new snapshot with `rows` added, the last read having id `last_id`.
    #[cfg(test)]
    fn with(&self, rows: &[IndexRow], last_id: i64) -> Snapshot {
        let mut p = self.pending();
        for r in rows {
            p.add(r);
        }
        p.finish(last_id)
    }

    /// Matching reports per cell at `f.res` with their cell keys, sorted by cell.
    pub fn counts(&self, f: &Filter) -> Vec<CellCount> {
        let force = match f.force {
            None => None,
            Some(code) => match self.forces.iter().position(|c| c == code) {
                Some(i) => Some(u32::try_from(i).unwrap_or(u32::MAX)),
                None => return Vec::new(),
            },
        };
        let mut out = Vec::new();
        self.columns.count(f, force, &mut out);
        let mut extra: FxHashMap<u64, (u64, u32)> = FxHashMap::default();
        let reasons_ok = |r: i64| f.reasons.is_none_or(|m| m.matches(r));
        let mut add = |cell: u64, res: i64, frc: u32, when: u8, day: i64, ok: bool, key: u32| {
            if ok
                && (f.days.0..=f.days.1).contains(&day)
                && (f.when >> when) & 1 == 1
                && force.is_none_or(|x| frc == x)
                && let Some(c) = cell_at(cell, res, f.res)
            {
                let (n, sum) = extra.entry(c).or_default();
                *n += 1;
                *sum = sum.wrapping_add(key);
            }
        };
        for p in &self.recent {
            add(
                p.cell,
                i64::from(p.res),
                u32::from(p.force),
                p.when,
                i64::from(p.day),
                reasons_ok(i64::from(p.reasons)),
                p.key,
            );
        }
        for p in &self.odd {
            let ok = reasons_ok(p.reasons);
            add(p.cell, p.res, p.force, p.when, p.day, ok, p.key);
        }
        out.extend(extra.into_iter().map(|(c, (n, k))| (c, n, k)));
        // Runs from cells recorded at different resolutions can meet the same target cell.
        out.sort_unstable();
        let mut merged: Vec<CellCount> = Vec::with_capacity(out.len());
        for (cell, n, key) in out {
            let tally = Tally {
                n: i64::try_from(n).unwrap_or(i64::MAX),
                key: CellKey(key),
            };
            match merged.last_mut() {
                Some(c) if c.cell == cell as i64 => c.tally.merge(tally),
                _ => merged.push(CellCount {
                    cell: cell as i64,
                    tally,
                }),
            }
        }
        merged
    }
}

/// Reports matching a filter, counted the ways the dashboard charts them (each figure with
/// its cell key, for partners' rounding).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdown {
    /// `(day, reports)`, by day.
    pub days: Vec<(i64, Tally)>,
    /// Reports by weekday (0 = Monday) and three-hour band.
    pub grid: [[Tally; 8]; 7],
    /// Reports giving each reason, by bit position.
    pub reasons: [Tally; 32],
    /// Reports in all.
    pub total: Tally,
}

impl Snapshot {
    /// Matching reports (whose finest cell lies in the inclusive range `cells`, if given) by
    /// day, weekday × band and reason. `f.res` is ignored except that, as in [`Self::counts`],
    /// reports recorded at a coarser resolution than it are left out.
    pub fn breakdown(&self, f: &Filter, cells: Option<(u64, u64)>) -> Breakdown {
        let force = match f.force {
            None => None,
            Some(code) => match self.forces.iter().position(|c| c == code) {
                Some(i) => Some(u32::try_from(i).unwrap_or(u32::MAX)),
                None => return Breakdown::default(),
            },
        };
        // Days counted in a plain array when the window is a sensible size (the dashboard's
        // default is a year), in a map otherwise.
        let span = f.days.1.saturating_sub(f.days.0);
        let mut by_day: Vec<Tally> = if (0..=20_000).contains(&span) {
            vec![Tally::default(); usize::try_from(span + 1).unwrap_or(0)]
        } else {
            Vec::new()
        };
        let mut days: FxHashMap<i64, Tally> = FxHashMap::default();
        let mut b = Breakdown::default();
        let mut add =
            |cell: u64, res: i64, frc: u32, when: u8, day: i64, reasons: i64, key: u32| {
                let ok = res >= f.res
                    && cells.is_none_or(|(lo, hi)| (lo..=hi).contains(&cell))
                    && (f.days.0..=f.days.1).contains(&day)
                    && (f.when >> when) & 1 == 1
                    && f.reasons.is_none_or(|m| m.matches(reasons))
                    && force.is_none_or(|x| frc == x);
                if !ok {
                    return;
                }
                match usize::try_from(day - f.days.0)
                    .ok()
                    .and_then(|i| by_day.get_mut(i))
                {
                    Some(n) => n.add(key),
                    None => days.entry(day).or_default().add(key),
                }
                if let Some(n) = b
                    .grid
                    .get_mut(usize::from(when / 8))
                    .and_then(|row| row.get_mut(usize::from(when % 8)))
                {
                    n.add(key);
                }
                let mut bits = reasons as u64;
                while bits != 0 {
                    let i = bits.trailing_zeros() as usize;
                    if let Some(n) = b.reasons.get_mut(i) {
                        n.add(key);
                    }
                    bits &= bits - 1;
                }
                b.total.add(key);
            };
        let cols = &self.columns;
        // The columns are sorted by cell, so a cell range is one slice of them.
        let (first, last) = match cells {
            Some((lo, hi)) => (
                cols.cells.partition_point(|c| *c < lo),
                cols.cells.partition_point(|c| *c <= hi),
            ),
            None => (0, cols.cells.len()),
        };
        for i in first..last {
            let (cell, res) = (cols.cells[i], i64::from(cols.cell_res[i]));
            for r in cols.starts[i]..cols.starts[i + 1] {
                add(
                    cell,
                    res,
                    u32::from(cols.force[r]),
                    cols.when[r],
                    i64::from(cols.day[r]),
                    i64::from(cols.reasons[r]),
                    cols.keys[r],
                );
            }
        }
        for p in &self.recent {
            add(
                p.cell,
                i64::from(p.res),
                u32::from(p.force),
                p.when,
                i64::from(p.day),
                i64::from(p.reasons),
                p.key,
            );
        }
        for p in &self.odd {
            add(p.cell, p.res, p.force, p.when, p.day, p.reasons, p.key);
        }
        days.extend(
            by_day
                .iter()
                .enumerate()
                .filter(|(_, n)| n.n > 0)
                .map(|(i, n)| (f.days.0 + i as i64, *n)),
        );
        b.days = days.into_iter().collect();
        b.days.sort_unstable_by_key(|(day, _)| *day);
        b
    }
}

/// A snapshot being extended with newly read reports.
#[derive(Debug)]
pub struct Pending {
    forces: Vec<String>,
    columns: Arc<Columns>,
    recent: Vec<Packed>,
    odd: Vec<Odd>,
    last_id: i64,
    rule: Option<Disclosure>,
}

impl Pending {
    /// Add one report.
    pub fn add(&mut self, r: &IndexRow) {
        // Once per report, so queries only add keys up.
        let key = self.rule.as_ref().map_or(0, |d| d.record_key(r.id));
        let force = match self.forces.iter().position(|f| f == r.force_code) {
            Some(i) => i,
            None => {
                self.forces.push(r.force_code.to_owned());
                self.forces.len() - 1
            }
        };
        let force = u32::try_from(force).unwrap_or(u32::MAX);
        let cell = r.cell as u64;
        let when = when(r.day, r.hour);
        // Days strictly inside the i32 range, so clamping a query's bounds stays exact.
        let day = i32::try_from(r.day)
            .ok()
            .filter(|d| *d != i32::MIN && *d != i32::MAX);
        match (
            u8::try_from(r.res),
            u16::try_from(force),
            day,
            u32::try_from(r.reasons),
        ) {
            (Ok(res), Ok(force), Some(day), Ok(reasons)) => self.recent.push(Packed {
                cell,
                res,
                force,
                when,
                day,
                reasons,
                key,
            }),
            _ => self.odd.push(Odd {
                cell,
                res: r.res,
                force,
                when,
                day: r.day,
                reasons: r.reasons,
                key,
            }),
        }
    }

    /// The snapshot, `last_id` being the id of the last report read. Recent reports are
    /// merged into the sorted columns once they outnumber a 64th of them, so the unsorted
    /// tail (copied by every refresh, counted through a hash map) stays short and merging
    /// costs O(1) per report over time. Can take a while for millions of reports: call it
    /// off the async threads.
    pub fn finish(self, last_id: i64) -> Snapshot {
        let (columns, recent) = if self.recent.len() > MERGE_AT.max(self.columns.rows() / 64) {
            (Arc::new(self.columns.merged(self.recent)), Vec::new())
        } else {
            (self.columns, self.recent)
        };
        Snapshot {
            forces: self.forces,
            columns,
            recent,
            odd: self.odd,
            last_id: last_id.max(self.last_id),
            rule: self.rule,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::LatLng;
    use proptest::prelude::*;

    fn rule() -> Disclosure {
        Disclosure::new(5, [3; 32])
    }

    /// Cells and counts only.
    fn plain(counts: Vec<CellCount>) -> Vec<(i64, i64)> {
        counts.into_iter().map(|c| (c.cell, c.tally.n)).collect()
    }

    /// The definition the index must agree with: every report, one by one, its count and the
    /// sum of its record keys.
    fn naive(rows: &[IndexRow], f: &Filter) -> Vec<CellCount> {
        let mut sums: std::collections::BTreeMap<i64, Tally> = Default::default();
        for r in rows {
            let band_ok = (0..24).contains(&r.hour)
                && (f.when >> ((r.day.rem_euclid(7) + 3) % 7 * 8 + r.hour / 3)) & 1 == 1;
            let ok = (f.days.0..=f.days.1).contains(&r.day)
                && (band_ok || f.when == u64::MAX)
                && f.reasons.is_none_or(|m| m.matches(r.reasons))
                && f.force.is_none_or(|c| c == r.force_code);
            if let Some(c) = ok.then(|| cell_at(r.cell as u64, r.res, f.res)).flatten() {
                sums.entry(c as i64)
                    .or_default()
                    .add(rule().record_key(r.id));
            }
        }
        sums.into_iter()
            .map(|(cell, tally)| CellCount { cell, tally })
            .collect()
    }

    fn row(
        force: &'static str,
        p: LatLng,
        res: u8,
        day: i64,
        hour: i64,
        reasons: i64,
    ) -> IndexRow<'static> {
        IndexRow {
            id: 0,
            force_code: force,
            cell: hex::cell(p, res) as i64,
            res: i64::from(res),
            day,
            hour,
            reasons,
        }
    }

    fn arb_row() -> impl Strategy<Value = IndexRow<'static>> {
        (
            prop::sample::select(vec!["a", "b"]),
            -0.02..0.02f64,
            -0.02..0.02f64,
            prop::sample::select(vec![9u8, 11]),
            prop_oneof![8 => 20_400..20_420i64, 1 => Just(i64::MAX), 1 => Just(-3)],
            prop_oneof![8 => 0..8i64, 1 => Just(-1), 1 => Just(8)].prop_map(|b| b * 3),
            prop_oneof![8 => 0..4096i64, 1 => Just(0), 1 => Just(1 << 40), 1 => Just(-1)],
        )
            .prop_map(|(force, dlat, dlng, res, day, hour, reasons)| {
                let p = LatLng::new(53.8 + dlat, -1.55 + dlng).unwrap_or_else(|_| unreachable!());
                row(force, p, res, day, hour, reasons)
            })
    }

    fn arb_filter() -> impl Strategy<
        Value = (
            i64,
            (i64, i64),
            Option<ReasonSet>,
            u64,
            Option<&'static str>,
        ),
    > {
        (
            prop::sample::select(vec![5i64, 7, 9, 11]),
            (20_398..20_422i64, 0..30i64),
            prop_oneof![
                Just(None),
                (1..4096u32).prop_map(|b| Some(ReasonSet::from_bits_retain(b))),
                Just(Some(ReasonSet::all()))
            ],
            prop_oneof![
                Just(u64::MAX),
                (0..=255u8, 0..128u8).prop_map(|(h, w)| when_mask(
                    Bands::from_bits_retain(h),
                    Weekdays::from_bits_retain(w)
                ))
            ],
            prop::sample::select(vec![None, Some("a"), Some("b"), Some("c")]),
        )
            .prop_map(|(res, (from, len), reasons, when, force)| {
                (res, (from, from + len), reasons, when, force)
            })
    }

    proptest! {
        #[test]
        fn the_index_counts_exactly_what_a_scan_of_every_report_counts(
            batches in prop::collection::vec(prop::collection::vec(arb_row(), 0..300), 1..6),
            filters in prop::collection::vec(arb_filter(), 1..6),
        ) {
            // Several refreshes, some big enough to be merged into the sorted columns.
            let mut snapshot = Snapshot::keyed(Some(rule()));
            let mut all = Vec::new();
            for (i, batch) in batches.iter().enumerate() {
                let mut batch = batch.clone();
                if i == 1 {
                    // Sometimes more than MERGE_AT rows arrive at once.
                    let many: Vec<IndexRow> = batch.iter().cycle().take(MERGE_AT + 1).copied().collect();
                    batch = many;
                }
                for (j, r) in batch.iter_mut().enumerate() {
                    r.id = (all.len() + j) as i64 + 1;
                }
                snapshot = snapshot.with(&batch, i as i64 + 1);
                all.extend(batch);
            }
            prop_assert_eq!(snapshot.len(), all.len());
            for (res, days, reasons, when, force) in filters {
                let f = Filter { res, days, reasons, when, force };
                let expected = naive(&all, &f);
                // Every report is recorded at 9 or 11, so at 9 and coarser the breakdown's
                // total is every count summed, cell keys too.
                if res <= 9 {
                    let mut total = Tally::default();
                    for c in &expected {
                        total.merge(c.tally);
                    }
                    prop_assert_eq!(snapshot.breakdown(&f, None).total, total);
                }
                prop_assert_eq!(snapshot.counts(&f), expected, "{:?}", f);
            }
        }
    }

    #[test]
    fn coarser_resolutions_count_the_finest_cells_ancestors() {
        let p = LatLng::new(53.8012, -1.5481).unwrap_or_else(|_| unreachable!());
        let rows = vec![
            row("n", p, 11, 20_416, 21, 1),
            row("n", p, 11, 20_416, 21, 2),
            // Recorded only at res 9: counted at 9 and coarser, not at 11.
            row("n", p, 9, 20_416, 21, 1),
        ];
        let s = Snapshot::default().with(&rows, 3);
        let all = |res| Filter {
            res,
            days: (i64::MIN, i64::MAX),
            reasons: None,
            when: u64::MAX,
            force: None,
        };
        let cells = hex::cells(p);
        assert_eq!(plain(s.counts(&all(11))), [(cells[3] as i64, 2)]);
        assert_eq!(plain(s.counts(&all(9))), [(cells[2] as i64, 3)]);
        assert_eq!(plain(s.counts(&all(5))), [(cells[0] as i64, 3)]);
        let lighting = Filter {
            reasons: Some(ReasonSet::LIGHTING),
            ..all(9)
        };
        assert_eq!(plain(s.counts(&lighting)), [(cells[2] as i64, 2)]);
        let saturday_night = Filter {
            when: when_mask(Bands::from_bits_retain(1 << 7), Weekdays::SATURDAY),
            ..all(9)
        };
        // Day 20_416 is a Monday.
        assert!(s.counts(&saturday_night).is_empty());
        assert_eq!(s.last_id, 3);
    }
}
