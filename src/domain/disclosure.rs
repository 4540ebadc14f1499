//! Statistical disclosure control: the one rule every count obeys before it leaves the police
//! (the public hotspot API, partners' dashboard and exports, Open311).
//!
//! Suppressing counts under `k` is not enough on its own: two answers whose filters differ a
//! little (one more day, one reason less) can be subtracted, and the difference may be a single
//! report. So a published count is also *randomly rounded to a multiple of `k`*, the way the
//! ONS "cell key method" protects census tables:
//!
//! - every report has a random 32-bit *record key* (a keyed hash of its id, so it cannot be
//!   computed from outside);
//! - a count's *cell key* is the sum of the record keys of the reports it counts, so the same
//!   set of reports always gets the same cell key, whatever filters selected it — asking the
//!   same question again, or the same set in another way, gives the same answer, and averaging
//!   repeated answers learns nothing;
//! - a count `c = q·k + r` is published as `q·k` or `(q + 1)·k`, going up with probability
//!   `r / k` drawn from the cell key: unbiased, so sums and hotspot statistics stay right on
//!   average;
//! - a count under `k` is not published at all.
//!
//! Every published count is then a multiple of `k`, so two answers about one hexagon differ by
//! 0 or by `k` or more: subtracting them never isolates fewer than `k` reports, and where the
//! true difference is small it is hidden by the rounding (which way each side went depends on
//! record keys the reader cannot know). Dates reach the public in whole weeks and cells no finer
//! than [`PUBLIC_MAX_RES`], so a difference also covers at least a week and a 0.1 km² hexagon.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The finest H3 resolution shown outside the police (resolution 9: hexagons of about 0.1 km²,
/// edges of about 174 m, some 300 m across).
pub const PUBLIC_MAX_RES: i64 = 9;

/// The sum of the record keys of the reports in one count (wrapping), which seeds its rounding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CellKey(pub u32);

impl CellKey {
    /// Add one report's record key.
    pub fn add(&mut self, record_key: u32) {
        self.0 = self.0.wrapping_add(record_key);
    }

    /// Add another count's cell key (the union of two disjoint sets of reports).
    pub fn merge(&mut self, other: CellKey) {
        self.0 = self.0.wrapping_add(other.0);
    }
}

/// The rule and its key: `k` and the key that makes record keys and rounding unpredictable.
#[derive(Clone)]
pub struct Disclosure {
    k: u64,
    key: [u8; 32],
    /// HMAC keyed once: record keys are computed for every report when the hotspot index is
    /// built, and cloning a keyed state saves two of the four SHA-256 blocks per report.
    keyed: Option<HmacSha256>,
}

impl PartialEq for Disclosure {
    fn eq(&self, other: &Self) -> bool {
        self.k == other.k && self.key == other.key
    }
}

impl std::fmt::Debug for Disclosure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Disclosure")
            .field("k", &self.k)
            .finish_non_exhaustive()
    }
}

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC takes keys of any length; a 32-byte key cannot be refused.
    let Ok(mut m) = HmacSha256::new_from_slice(key) else {
        return [0; 32];
    };
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

impl Disclosure {
    /// The rule for threshold `k` (at least 1) under `key` (derived from the service secret, so
    /// every instance publishes the same figures).
    pub fn new(k: u64, key: [u8; 32]) -> Self {
        Self {
            k: k.max(1),
            key,
            keyed: HmacSha256::new_from_slice(&key).ok(),
        }
    }

    /// The threshold.
    pub fn k(&self) -> u64 {
        self.k
    }

    /// The record key of the report with this id.
    pub fn record_key(&self, report_id: i64) -> u32 {
        let h: [u8; 32] = match &self.keyed {
            Some(keyed) => {
                let mut m = keyed.clone();
                m.update(b"record");
                m.update(&report_id.to_be_bytes());
                m.finalize().into_bytes().into()
            }
            None => mac(&self.key, &[b"record", &report_id.to_be_bytes()]),
        };
        u32::from_be_bytes([h[0], h[1], h[2], h[3]])
    }

    /// The count to publish for `count` reports with cell key `key`: `None` under `k`, else a
    /// multiple of `k` (see the module comment).
    pub fn publish(&self, count: u64, key: CellKey) -> Option<u64> {
        if count < self.k {
            return None;
        }
        let (base, rest) = (count - count % self.k, count % self.k);
        if rest == 0 {
            return Some(count);
        }
        let h = mac(
            &self.key,
            &[b"round", &key.0.to_be_bytes(), &count.to_be_bytes()],
        );
        let draw = u64::from(u32::from_be_bytes([h[0], h[1], h[2], h[3]]));
        // Up with probability rest / k: draw / 2^32 < rest / k.
        let up = draw * self.k < rest << 32;
        Some(if up { base + self.k } else { base })
    }
}

/// Weekday of a day number (days since 1970-01-01, a Thursday), 0 = Monday.
pub fn weekday(day: i64) -> i64 {
    (day.rem_euclid(7) + 3) % 7
}

/// A day range widened to whole weeks, Monday to Sunday, as the public sees dates.
pub fn whole_weeks(from_day: i64, to_day: i64) -> (i64, i64) {
    (from_day - weekday(from_day), to_day + (6 - weekday(to_day)))
}

/// The Monday that starts the week of `day`.
pub fn week_start(day: i64) -> i64 {
    day - weekday(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rule() -> Disclosure {
        Disclosure::new(5, [7; 32])
    }

    #[test]
    fn counts_under_k_are_never_published() {
        for c in 0..5 {
            assert_eq!(rule().publish(c, CellKey(c as u32)), None);
        }
    }

    #[test]
    fn record_keys_are_the_keyed_hash_of_the_id() {
        let r = rule();
        let h = mac(&[7; 32], &[b"record", &42i64.to_be_bytes()]);
        assert_eq!(
            r.record_key(42),
            u32::from_be_bytes([h[0], h[1], h[2], h[3]])
        );
        assert_ne!(r.record_key(42), r.record_key(43));
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        // 2026-11-25 (day 20_782) was a Wednesday.
        assert_eq!(weekday(20_782), 2);
        assert_eq!(whole_weeks(20_782, 20_782), (20_780, 20_786));
        assert_eq!(week_start(20_786), 20_780);
    }

    #[test]
    fn rounding_is_unbiased_on_average() {
        let r = rule();
        let total: u64 = (0..20_000u32)
            .map(|i| {
                r.publish(12, CellKey(i.wrapping_mul(2_654_435_761)))
                    .unwrap_or(0)
            })
            .sum();
        let mean = total as f64 / 20_000.0;
        assert!((mean - 12.0).abs() < 0.1, "mean {mean}");
    }

    proptest! {
        #[test]
        fn published_counts_are_multiples_of_k_near_the_truth(c in 0u64..10_000, key: u32) {
            if let Some(p) = rule().publish(c, CellKey(key)) {
                prop_assert_eq!(p % 5, 0);
                prop_assert!(p + 5 > c && p < c + 5);
            }
        }

        #[test]
        fn the_same_reports_always_give_the_same_answer(c in 5u64..1000, key: u32) {
            prop_assert_eq!(rule().publish(c, CellKey(key)), rule().publish(c, CellKey(key)));
        }
    }
}
