//! Typed filters of a hotspot query: sets of reasons, three-hour bands and weekdays, and day
//! numbers. "Every reason" is a value of its set ([`ReasonSet::all`]), not a magic number; the
//! stored columns keep their integer form (the bits here are those bits).

use bitflags::bitflags;

use super::{REASON_BITS, TIME_BANDS};

bitflags! {
    /// Reasons a report gives, one bit each as in [`REASON_BITS`] and `place_reports.reasons`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct ReasonSet: u32 {
        /// Poor lighting.
        const LIGHTING = 1 << 0;
        /// No CCTV.
        const CCTV = 1 << 1;
        /// Isolated.
        const ISOLATED = 1 << 2;
        /// The layout (hiding places, no way out).
        const LAYOUT = 1 << 3;
        /// Poor visibility (overgrown, blind corners).
        const VISIBILITY = 1 << 4;
        /// Run down.
        const RUNDOWN = 1 << 5;
        /// Drugs or alcohol.
        const DRUGS_ALCOHOL = 1 << 6;
        /// Something else about the place.
        const OTHER = 1 << 7;
        /// Verbal abuse by a stranger.
        const VERBAL_STRANGER = 1 << 8;
        /// Verbal abuse by a group.
        const VERBAL_GROUP = 1 << 9;
        /// Followed.
        const FOLLOWED = 1 << 10;
        /// Other harassment.
        const OTHER_HARASSMENT = 1 << 11;
        // A stored row may carry bits this version does not name; they are still reasons.
        const _ = !0;
    }
}

impl ReasonSet {
    /// The reason with this code.
    pub fn of_code(code: &str) -> Option<Self> {
        REASON_BITS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, bit)| Self::from_bits_retain(*bit))
    }

    /// The codes of the named reasons in the set, in [`REASON_BITS`] order.
    pub fn codes(self) -> impl Iterator<Item = &'static str> {
        REASON_BITS
            .iter()
            .filter(move |(_, bit)| self.bits() & bit != 0)
            .map(|(code, _)| *code)
    }

    /// Whether a stored report's reasons meet the set: any reason in common. Every reason
    /// ([`ReasonSet::all`]) is met by any reason at all, even one stored beyond these bits.
    pub fn matches(self, stored: i64) -> bool {
        if self.is_all() {
            stored != 0
        } else {
            stored & i64::from(self.bits()) != 0
        }
    }
}

bitflags! {
    /// Three-hour bands of the day, bit `hour / 3` (the bands of [`TIME_BANDS`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct Bands: u8 {
        // Eight bands of three hours: every bit is a band.
        const _ = !0;
    }
}

impl Bands {
    /// The band whose first hour has this code (`0`, `3`, … `21`).
    pub fn of_code(code: &str) -> Option<Self> {
        let i = TIME_BANDS.iter().position(|b| b.code == code)?;
        Some(Self::from_bits_retain(1 << i))
    }

    /// The codes of the bands in the set, earliest first.
    pub fn codes(self) -> impl Iterator<Item = &'static str> {
        TIME_BANDS
            .iter()
            .enumerate()
            .filter(move |(i, _)| self.bits() >> i & 1 == 1)
            .map(|(_, b)| b.code)
    }
}

bitflags! {
    /// Days of the week, bit 0 = Monday … bit 6 = Sunday.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct Weekdays: u8 {
        /// Monday.
        const MONDAY = 1 << 0;
        /// Tuesday.
        const TUESDAY = 1 << 1;
        /// Wednesday.
        const WEDNESDAY = 1 << 2;
        /// Thursday.
        const THURSDAY = 1 << 3;
        /// Friday.
        const FRIDAY = 1 << 4;
        /// Saturday.
        const SATURDAY = 1 << 5;
        /// Sunday.
        const SUNDAY = 1 << 6;
    }
}

impl Weekdays {
    /// The day with this ISO number, 1 (Monday) to 7 (Sunday).
    pub fn of_iso(n: u8) -> Option<Self> {
        (1..=7)
            .contains(&n)
            .then(|| Self::from_bits_retain(1 << (n - 1)))
    }

    /// The ISO numbers of the days in the set, Monday first.
    pub fn iso_numbers(self) -> impl Iterator<Item = u8> {
        (1..=7u8).filter(move |n| self.bits() >> (n - 1) & 1 == 1)
    }
}

/// A day, as days since 1970-01-01 (how report days are stored and counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Day(pub i64);

impl Day {
    /// The day of a date.
    pub fn of(date: jiff::civil::Date) -> Self {
        Self(super::day_number(date))
    }

    /// Its date, if jiff's calendar reaches it.
    pub fn date(self) -> Option<jiff::civil::Date> {
        jiff::civil::date(1970, 1, 1)
            .checked_add(jiff::Span::new().days(self.0))
            .ok()
    }

    /// As `YYYY-MM-DD` (empty outside the calendar jiff knows).
    pub fn iso(self) -> String {
        self.date().map(|d| d.to_string()).unwrap_or_default()
    }

    /// As `strftime` formats it (empty outside the calendar jiff knows).
    pub fn format(self, pattern: &str) -> String {
        self.date()
            .map(|d| d.strftime(pattern).to_string())
            .unwrap_or_default()
    }
}

/// Filters of a hotspot query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HotspotQuery {
    /// H3 resolution.
    pub res: i64,
    /// First day, inclusive.
    pub from_day: Day,
    /// Last day, inclusive.
    pub to_day: Day,
    /// Reports with any of these reasons.
    pub reasons: ReasonSet,
    /// Reports in these three-hour bands.
    pub hours: Bands,
    /// Reports on these weekdays.
    pub weekdays: Weekdays,
    /// One force's reports, or every force's.
    pub force: Option<String>,
}

impl HotspotQuery {
    /// The filters as the audit log keeps them: typed values written out, never the query
    /// string as sent (which could carry anything, such as a spreadsheet formula). Filters
    /// left at "all" are not written.
    pub fn describe(&self) -> String {
        let mut parts = vec![
            format!("res={}", self.res),
            format!("from={}", self.from_day.iso()),
            format!("to={}", self.to_day.iso()),
        ];
        let join = |items: Vec<String>| items.join(",");
        if !self.reasons.is_all() {
            let codes = self.reasons.codes().map(str::to_owned).collect();
            parts.push(format!("reasons={}", join(codes)));
        }
        if !self.hours.is_all() {
            let codes = self.hours.codes().map(str::to_owned).collect();
            parts.push(format!("hours={}", join(codes)));
        }
        if !self.weekdays.is_all() {
            let days = self.weekdays.iso_numbers().map(|d| d.to_string()).collect();
            parts.push(format!("weekdays={}", join(days)));
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_reasons_are_the_reason_bits() {
        for (code, bit) in REASON_BITS {
            assert_eq!(ReasonSet::of_code(code).map(|r| r.bits()), Some(*bit));
        }
        let named: u32 = REASON_BITS.iter().fold(0, |a, (_, b)| a | b);
        let flags = ReasonSet::all()
            .iter_names()
            .fold(0, |a, (_, f)| a | f.bits());
        assert_eq!(named, flags);
    }

    #[test]
    fn every_reason_is_met_by_any_reason_and_a_subset_only_by_its_own() {
        assert!(ReasonSet::all().matches(1 << 40));
        assert!(!ReasonSet::all().matches(0));
        assert!(ReasonSet::LIGHTING.matches(0b11));
        assert!(!ReasonSet::LIGHTING.matches(0b10));
        assert_eq!(Bands::all().bits(), 0xff);
        assert_eq!(Weekdays::all().bits(), 0x7f);
        assert_eq!(Weekdays::of_iso(7), Some(Weekdays::SUNDAY));
        assert_eq!(Bands::of_code("21").map(|b| b.bits()), Some(1 << 7));
        assert_eq!(Day(20_780).iso(), "2026-11-23");
    }
}
