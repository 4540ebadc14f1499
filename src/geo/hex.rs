//! H3 cells (via `h3o`) for indexing reports. Cells travel as plain `u64` so storage and the
//! API need no H3 types; every function here treats an invalid id as "no cell", never a panic.

use std::collections::BTreeMap;

use h3o::{CellIndex, Resolution};

use super::coords::LatLng;

/// The resolutions every report is indexed at, coarse to fine (average hexagon edge / area):
/// - 5: ≈ 9.9 km / 253 km² — a force area at a glance;
/// - 7: ≈ 1.4 km / 5.2 km² — a neighbourhood or town centre;
/// - 9: ≈ 200 m / 0.1 km² — a few streets;
/// - 11: ≈ 29 m / 2,150 m² — one street corner, park entrance or underpass.
pub const RESOLUTIONS: [u8; 4] = [5, 7, 9, 11];

/// Larger disks are refused: k = 1,000 is already three million cells, and an unbounded k
/// from a request could exhaust memory.
pub const MAX_DISK_K: u32 = 1_000;

fn res(r: u8) -> Option<Resolution> {
    Resolution::try_from(r).ok()
}

fn index(cell: u64) -> Option<CellIndex> {
    CellIndex::try_from(cell).ok()
}

/// The cell containing `p` at resolution `res`; resolutions above 15 (H3's finest) are
/// treated as 15, so the answer is always a valid cell.
pub fn cell(p: LatLng, res: u8) -> u64 {
    let res = Resolution::try_from(res.min(15)).unwrap_or(Resolution::Fifteen);
    // `LatLng` is finite by construction, so h3o cannot refuse it; the fallback is unreachable
    // but keeps this total without an `expect`.
    h3o::LatLng::new(p.lat(), p.lng()).map_or(0, |ll| ll.to_cell(res).into())
}

/// The cells recorded for a report at `p`, one per [`RESOLUTIONS`]: the res-11 cell containing
/// `p` and its ancestors.
///
/// H3 children do not tile their parent exactly (seven hexagons cannot make a hexagon), so near
/// a cell's edge the coarse cell containing `p` can be a neighbour of its fine cell's ancestor.
/// Ancestors are used so that counts at every resolution are exact sums of finer counts and
/// [`aggregate`] agrees with the stored cells. The price: a point close to a coarse cell's
/// edge may be counted in the neighbouring coarse cell.
pub fn cells(p: LatLng) -> [u64; 4] {
    let finest = cell(p, RESOLUTIONS[3]);
    RESOLUTIONS.map(|r| parent(finest, r).unwrap_or(finest))
}

/// A point's cells as a place report stores them: (resolution, cell id) pairs, finest last.
pub fn stored_cells(p: LatLng) -> Vec<(i64, i64)> {
    RESOLUTIONS
        .iter()
        .zip(cells(p))
        .map(|(res, cell)| (i64::from(*res), cell as i64))
        .collect()
}

/// The ancestor of `cell` at `res` (the cell itself if `res` is its own resolution); `None`
/// for an invalid id or a `res` finer than the cell.
pub fn parent(cell: u64, res: u8) -> Option<u64> {
    Some(index(cell)?.parent(self::res(res)?)?.into())
}

/// The centre of a cell.
pub fn centre(cell: u64) -> Option<LatLng> {
    let ll = h3o::LatLng::from(index(cell)?);
    LatLng::new(ll.lat(), ll.lng()).ok()
}

/// The outline of a cell as a closed ring (first point repeated last), as GeoJSON expects:
/// 7 points for a hexagon. Empty for an invalid id.
pub fn boundary(cell: u64) -> Vec<LatLng> {
    let Some(c) = index(cell) else {
        return Vec::new();
    };
    let mut ring: Vec<LatLng> = c
        .boundary()
        .iter()
        .filter_map(|ll| LatLng::new(ll.lat(), ll.lng()).ok())
        .collect();
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    ring
}

/// The cell and every cell within `k` steps of it; empty for an invalid id or `k` above
/// [`MAX_DISK_K`].
pub fn disk(cell: u64, k: u32) -> Vec<u64> {
    match index(cell) {
        Some(c) if k <= MAX_DISK_K => c
            .grid_disk::<Vec<_>>(k)
            .into_iter()
            .map(u64::from)
            .collect(),
        _ => Vec::new(),
    }
}

/// The first and last descendant of `cell` at the finer resolution `res`. H3 numbers a cell's
/// descendants contiguously, so `lo <= c <= hi` holds exactly for the descendants among cells
/// of resolution `res`.
pub fn child_range(cell: u64, res: u8) -> Option<(u64, u64)> {
    let c = index(cell)?;
    let r = self::res(res)?;
    let n = c.children_count(r);
    let first = c.child_at(0, r)?;
    let last = c.child_at(n.checked_sub(1)?, r)?;
    Some((first.into(), last.into()))
}

/// The resolution of a cell, 0–15.
pub fn resolution(cell: u64) -> Option<u8> {
    Some(u8::from(index(cell)?.resolution()))
}

/// Rolls `(cell, count)` pairs up to their ancestors at `res`, summing counts, sorted by cell.
/// Pairs that cannot be rolled up (invalid ids, cells coarser than `res`) are dropped rather
/// than guessed at.
pub fn aggregate(counts: &[(u64, u64)], res: u8) -> Vec<(u64, u64)> {
    let mut sums = BTreeMap::new();
    for &(cell, count) in counts {
        if let Some(p) = parent(cell, res) {
            let sum: &mut u64 = sums.entry(p).or_default();
            *sum = sum.saturating_add(count);
        }
    }
    sums.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cells_descendants_are_exactly_the_cells_in_its_child_range() {
        let p = LatLng::new(53.8012, -1.5481).expect("point");
        let parent = cell(p, 9);
        let (lo, hi) = child_range(parent, 11).expect("range");
        let children: Vec<u64> = index(parent)
            .expect("cell")
            .children(Resolution::Eleven)
            .map(u64::from)
            .collect();
        assert_eq!(children.len(), 49);
        assert!(children.iter().all(|c| (lo..=hi).contains(c)));
        // Every res-11 cell in the range has this parent: the neighbours' children are outside.
        for n in disk(parent, 1).into_iter().filter(|n| *n != parent) {
            let (nlo, nhi) = child_range(n, 11).expect("range");
            assert!(
                nhi < lo || nlo > hi,
                "ranges of different cells do not overlap"
            );
        }
    }
    use proptest::prelude::*;

    fn leeds() -> LatLng {
        LatLng::new(53.7997, -1.5492).unwrap()
    }

    #[test]
    fn cells_are_at_the_four_resolutions() {
        let cs = cells(leeds());
        let rs: Vec<_> = cs.iter().map(|&c| resolution(c).unwrap()).collect();
        assert_eq!(rs, RESOLUTIONS);
        assert_eq!(parent(cs[3], 11), Some(cs[3]));
        assert_eq!(parent(cs[0], 7), None, "no parent finer than the cell");
        assert_eq!(cell(leeds(), 200), cell(leeds(), 15));
    }

    #[test]
    fn hexagon_boundary_is_a_closed_ring_of_seven() {
        let c = cell(leeds(), 9);
        let ring = boundary(c);
        assert_eq!(ring.len(), 7);
        assert_eq!(ring.first(), ring.last());
        let centre = centre(c).unwrap();
        assert!((centre.lat() - leeds().lat()).abs() < 0.01);
        assert_eq!(disk(c, 1).len(), 7);
        assert_eq!(disk(c, 2).len(), 19);
        assert_eq!(disk(c, 0), vec![c]);
    }

    #[test]
    fn invalid_ids_give_nothing() {
        for bad in [0, u64::MAX, 1, 0x8a1f_b466_22df_fff0] {
            assert_eq!(parent(bad, 5), None);
            assert_eq!(centre(bad), None);
            assert_eq!(resolution(bad), None);
            assert!(boundary(bad).is_empty());
            assert!(disk(bad, 1).is_empty());
        }
        assert_eq!(parent(cell(leeds(), 9), 16), None);
        assert!(disk(cell(leeds(), 9), MAX_DISK_K + 1).is_empty());
        assert_eq!(aggregate(&[(0, 5), (cell(leeds(), 5), 2)], 7), vec![]);
    }

    fn point() -> impl Strategy<Value = LatLng> {
        (-90.0..=90.0f64, -180.0..=180.0f64).prop_map(|(lat, lng)| LatLng::new(lat, lng).unwrap())
    }

    proptest! {
        #[test]
        fn recorded_cells_nest_exactly(p in point()) {
            let cs = cells(p);
            for (i, &r1) in RESOLUTIONS.iter().enumerate() {
                prop_assert_eq!(resolution(cs[i]), Some(r1));
                for &c2 in &cs[i + 1..] {
                    prop_assert_eq!(parent(c2, r1), Some(cs[i]));
                }
            }
        }

        #[test]
        fn a_fine_cells_parent_is_the_coarse_cell_or_next_to_it(p in point()) {
            // Why `cells` uses ancestors: containment is only approximately hierarchical.
            for (i, &r1) in RESOLUTIONS.iter().enumerate() {
                for &r2 in &RESOLUTIONS[i + 1..] {
                    let up = parent(cell(p, r2), r1).unwrap();
                    prop_assert!(disk(cell(p, r1), 1).contains(&up), "{} -> {}", r2, r1);
                }
            }
        }

        #[test]
        fn rolling_up_preserves_counts(
            // Points near Leeds so several share a res-9 cell and some sit on its edges.
            offsets in prop::collection::vec((-0.01..0.01f64, -0.01..0.01f64, 1..5u64), 1..60),
        ) {
            let mut fine = BTreeMap::new();
            let mut direct = BTreeMap::new();
            for (dlat, dlng, n) in offsets {
                let cs = cells(LatLng::new(53.8 + dlat, -1.55 + dlng).unwrap());
                *fine.entry(cs[3]).or_insert(0u64) += n;
                *direct.entry(cs[2]).or_insert(0u64) += n;
            }
            let fine: Vec<_> = fine.into_iter().collect();
            let rolled = aggregate(&fine, 9);
            prop_assert_eq!(&rolled, &direct.into_iter().collect::<Vec<_>>());
            let total = |v: &[(u64, u64)]| v.iter().map(|&(_, n)| n).sum::<u64>();
            prop_assert_eq!(total(&rolled), total(&fine));
            prop_assert_eq!(total(&aggregate(&fine, 5)), total(&fine));
        }
    }
}
