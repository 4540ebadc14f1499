//! Synthetic place reports for demonstrations and benchmarks: clustered around a force's
//! gazetteer places (so hotspots exist), mostly in the evening and at night, more at
//! weekends, with reasons that fit the time (poor lighting after dark). Made up entirely.

use crate::clock::Timestamp;
use crate::domain::place::REASON_BITS;
use crate::geo::{Area, AreaIndex, LatLng, Place, hex};
use crate::storage::{DynStore, NewPlaceReport, SealedPlace, StoreError};

/// Reports written per transaction (`insert_place_reports` splits it into statements of
/// 2,000 rows): big enough that commits are rare, small enough to show progress often.
const BATCH: usize = 50_000;

/// Generate `n` reports in `area`, clustered on `places` (which should lie in it), spread
/// over the year before `now`; `progress` is told how many have been written.
pub async fn generate_place_reports(
    store: &DynStore,
    area: &Area,
    places: &[Place],
    n: u64,
    seed: u64,
    now: Timestamp,
    mut progress: impl FnMut(u64),
) -> Result<u64, StoreError> {
    let mut written = 0;
    let mut batch = Vec::with_capacity(BATCH);
    for (_, report) in reports(area, places, n, seed, now) {
        batch.push(report);
        if batch.len() == BATCH {
            store.insert_place_reports(&batch).await?;
            written += batch.len() as u64;
            batch.clear();
            progress(written);
        }
    }
    if !batch.is_empty() {
        store.insert_place_reports(&batch).await?;
        written += batch.len() as u64;
        progress(written);
    }
    Ok(written)
}

/// The reports [`generate_place_reports`] writes for the same arguments, each with the point
/// it was made from. The stored reports keep no point (counting uses the cells); benchmarks
/// that compare other tools on the same data take the points from here.
pub fn reports<'a>(
    area: &'a Area,
    places: &[Place],
    n: u64,
    seed: u64,
    now: Timestamp,
) -> impl Iterator<Item = (LatLng, NewPlaceReport)> + 'a {
    let index = AreaIndex::new(vec![area.clone()]);
    let mut rng = fastrand::Rng::with_seed(seed);
    let centres: Vec<LatLng> = places.iter().map(|p| p.point).collect();
    let today = now.div_euclid(86_400);
    let mut made = 0u64;
    let mut attempts = 0u64;
    std::iter::from_fn(move || {
        while made < n && attempts < n.saturating_mul(20) {
            attempts += 1;
            let Some(point) = point(&mut rng, &centres) else {
                continue;
            };
            if index.route(point).is_none() {
                continue;
            }
            let hour = hour(&mut rng);
            let id = format!("demo-{seed}-{made}");
            made += 1;
            let report = NewPlaceReport {
                receipt: id.clone(),
                submission_id: id,
                force_code: area.code.clone(),
                created_at: now,
                cells: hex::stored_cells(point),
                day: day(&mut rng, today),
                hour,
                reasons: reasons(&mut rng, hour),
                // Made up, so nothing to seal: no point (counting uses the cells) and no
                // answers.
                sealed: SealedPlace::default(),
            };
            return Some((point, report));
        }
        None
    })
}

/// A normal deviate (Box–Muller): clusters are round blobs, not squares.
fn normal(rng: &mut fastrand::Rng) -> f64 {
    let u = rng.f64().max(f64::MIN_POSITIVE);
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * rng.f64()).cos()
}

fn point(rng: &mut fastrand::Rng, centres: &[LatLng]) -> Option<LatLng> {
    // A fifth of reports fall anywhere near the area's places, the rest in tight clusters
    // whose sizes differ (earlier places in the list are busier).
    let c = centres.get(((rng.f64().powi(2)) * centres.len() as f64) as usize)?;
    let spread = if rng.f64() < 0.2 { 0.02 } else { 0.0015 };
    LatLng::new(
        c.lat() + normal(rng) * spread,
        c.lng() + normal(rng) * spread * 1.6,
    )
    .ok()
}

fn hour(rng: &mut fastrand::Rng) -> i64 {
    // Weights of the eight three-hour bands: quiet mornings, busy evenings and nights.
    const WEIGHTS: [u32; 8] = [14, 5, 3, 5, 7, 10, 24, 32];
    let total: u32 = WEIGHTS.iter().sum();
    let mut pick = rng.u32(0..total);
    for (band, w) in WEIGHTS.iter().enumerate() {
        if pick < *w {
            return band as i64 * 3;
        }
        pick -= w;
    }
    21
}

fn day(rng: &mut fastrand::Rng, today: i64) -> i64 {
    loop {
        let d = today - i64::from(rng.u32(0..365));
        // Keep every Friday and Saturday, and about half of the other days.
        let weekday = (d + 3).rem_euclid(7);
        if weekday == 4 || weekday == 5 || rng.bool() {
            return d;
        }
    }
}

fn reasons(rng: &mut fastrand::Rng, hour: i64) -> i64 {
    let dark = !(6..18).contains(&hour);
    let mut bits = 0;
    for (code, bit) in REASON_BITS {
        let p = match *code {
            "lighting" if dark => 0.55,
            "lighting" => 0.08,
            "isolated" | "visibility" => 0.25,
            "followed" | "verbal-group" if dark => 0.3,
            "drugs-alcohol" if dark => 0.2,
            _ => 0.07,
        };
        if rng.f64() < p {
            bits |= i64::from(*bit);
        }
    }
    if bits == 0 { 1 } else { bits }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evenings_and_nights_are_busiest_and_every_report_has_a_reason() {
        let mut rng = fastrand::Rng::with_seed(7);
        let hours: Vec<i64> = (0..10_000).map(|_| hour(&mut rng)).collect();
        let night = hours.iter().filter(|h| **h >= 18).count();
        assert!(night > 5_000, "{night}");
        assert!((0..1_000).all(|_| reasons(&mut rng, 21) > 0));
    }
}
