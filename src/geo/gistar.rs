//! Getis-Ord Gi* hotspots on H3 cells: which cells, together with their neighbours, hold
//! significantly more (or fewer) reports than the study area as a whole.

use std::collections::BTreeMap;

use serde::Serialize;

use super::hex;

/// How far a cell's z-score is from what chance would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Significance {
    /// z ≥ 2.576 (99% confidence).
    Hot99,
    /// z ≥ 1.960 (95%).
    Hot95,
    /// z ≥ 1.645 (90%).
    Hot90,
    /// |z| < 1.645.
    NotSignificant,
    /// z ≤ −1.645.
    Cold90,
    /// z ≤ −1.960.
    Cold95,
    /// z ≤ −2.576.
    Cold99,
}

impl Significance {
    /// The band a z-score falls in (two-tailed normal critical values).
    pub fn of(z: f64) -> Self {
        match z {
            z if z >= 2.576 => Self::Hot99,
            z if z >= 1.960 => Self::Hot95,
            z if z >= 1.645 => Self::Hot90,
            z if z <= -2.576 => Self::Cold99,
            z if z <= -1.960 => Self::Cold95,
            z if z <= -1.645 => Self::Cold90,
            _ => Self::NotSignificant,
        }
    }

    /// A hot spot at any confidence.
    pub fn is_hot(self) -> bool {
        matches!(self, Self::Hot99 | Self::Hot95 | Self::Hot90)
    }
}

/// The Gi* result for one input cell.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GiStar {
    /// H3 cell id.
    pub cell: u64,
    /// The count given for it.
    pub count: f64,
    /// Gi* z-score; 0 where it is undefined.
    pub z: f64,
    /// `z` banded.
    pub level: Significance,
}

/// Gi* z-scores for `(cell, count)` pairs, sorted by cell. Cells should share one resolution.
///
/// Ord & Getis (1995), with binary weights w_ij = 1 when j is i or a ring-1 neighbour of i:
///
/// ```text
///        Σ_j w_ij x_j − X̄ Σ_j w_ij
/// z_i = ───────────────────────────────────────────────
///        S √( (n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1) )
/// ```
///
/// where X̄ and S (population standard deviation) are taken over all n cells of the study
/// area: the input cells plus their ring-1 neighbours, which count 0 if not given. Without
/// those zeros a lone busy cell would be its own whole world and never stand out.
/// Where the score is undefined (n < 2, S = 0, every cell a neighbour of every other) z is 0.
/// Invalid ids and non-finite counts are dropped; repeated cells are summed.
pub fn gi_star(counts: &[(u64, f64)]) -> Vec<GiStar> {
    let mut inputs: BTreeMap<u64, f64> = BTreeMap::new();
    for &(cell, count) in counts {
        if count.is_finite() && hex::resolution(cell).is_some() {
            *inputs.entry(cell).or_default() += count;
        }
    }
    let neighbourhoods: Vec<(u64, Vec<u64>)> =
        inputs.keys().map(|&c| (c, hex::disk(c, 1))).collect();

    let mut area = inputs.clone();
    for (_, ring) in &neighbourhoods {
        for &c in ring {
            area.entry(c).or_insert(0.0);
        }
    }
    let n = area.len() as f64;
    let mean = area.values().sum::<f64>() / n;
    // Two passes rather than E[x²] − X̄², which can cancel to a tiny negative number.
    let s = (area.values().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();

    neighbourhoods
        .into_iter()
        .map(|(cell, ring)| {
            // Binary weights: Σw = Σw² = the number of cells in the disk (7, or 6 at a pentagon).
            let w = ring.len() as f64;
            let local: f64 = ring.iter().filter_map(|c| area.get(c)).sum();
            let denominator = s * ((n * w - w * w) / (n - 1.0)).sqrt();
            let z = (local - mean * w) / denominator;
            let z = if n >= 2.0 && denominator > 0.0 && z.is_finite() {
                z
            } else {
                0.0
            };
            GiStar {
                cell,
                count: inputs.get(&cell).copied().unwrap_or_default(),
                z,
                level: Significance::of(z),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::LatLng;

    fn centre() -> u64 {
        hex::cell(LatLng::new(53.8, -1.55).unwrap(), 9)
    }

    fn z_of(results: &[GiStar], cell: u64) -> GiStar {
        *results.iter().find(|g| g.cell == cell).unwrap()
    }

    #[test]
    fn a_cluster_in_a_quiet_field_is_hot_at_its_centre_only() {
        let cluster = hex::disk(centre(), 1);
        let counts: Vec<_> = hex::disk(centre(), 10)
            .into_iter()
            .map(|c| (c, if cluster.contains(&c) { 20.0 } else { 1.0 }))
            .collect();
        let results = gi_star(&counts);
        assert_eq!(results.len(), counts.len());

        let hot = z_of(&results, centre());
        assert!(
            matches!(hot.level, Significance::Hot99 | Significance::Hot95),
            "{hot:?}"
        );
        assert_eq!(hot.count, 20.0);

        // Six steps out: far from the cluster, well inside the field.
        let far = hex::disk(centre(), 6)
            .into_iter()
            .find(|c| !hex::disk(centre(), 5).contains(c))
            .unwrap();
        let far = z_of(&results, far);
        assert_eq!(far.level, Significance::NotSignificant, "{far:?}");
    }

    #[test]
    fn no_variation_gives_zero_not_nan() {
        let zeros: Vec<_> = hex::disk(centre(), 3)
            .into_iter()
            .map(|c| (c, 0.0))
            .collect();
        assert!(gi_star(&zeros).iter().all(|g| g.z == 0.0));
        // One cell: its disk is the whole study area, so the variance term is 0.
        let lone = gi_star(&[(centre(), 5.0)]);
        assert_eq!(lone[0].z, 0.0);
        assert_eq!(lone[0].level, Significance::NotSignificant);
        assert!(gi_star(&[]).is_empty());
        assert!(gi_star(&[(0, 3.0), (centre(), f64::NAN)]).is_empty());
    }

    #[test]
    fn uniform_counts_are_not_significant_away_from_the_edge() {
        // The zero-count ring around the study area lowers the mean, so interior cells score
        // the same small positive z rather than exactly 0.
        let counts: Vec<_> = hex::disk(centre(), 10)
            .into_iter()
            .map(|c| (c, 4.0))
            .collect();
        let results = gi_star(&counts);
        let inner = hex::disk(centre(), 8);
        let zs: Vec<f64> = results
            .iter()
            .filter(|g| inner.contains(&g.cell))
            .map(|g| g.z)
            .collect();
        assert!(zs.iter().all(|z| z.is_finite() && (z - zs[0]).abs() < 1e-9));
        assert_eq!(Significance::of(zs[0]), Significance::NotSignificant);
    }

    #[test]
    fn bands_follow_the_critical_values() {
        use Significance::*;
        let bands: Vec<_> = [3.0, 2.0, 1.7, 0.0, -1.7, -2.0, -3.0]
            .into_iter()
            .map(Significance::of)
            .collect();
        assert_eq!(
            bands,
            [Hot99, Hot95, Hot90, NotSignificant, Cold90, Cold95, Cold99]
        );
    }
}
