//! Small statistics: shares, the Wilson interval, quartiles, Fisher's exact test.

use statrs::stats_tests::{Alternative, fishers_exact};

/// The two-sided 95 % normal quantile.
const Z95: f64 = 1.959_963_984_540_054;

/// `k / n` as a share, `None` when `n` is zero.
#[must_use]
pub fn share(k: usize, n: usize) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    (n > 0).then(|| k as f64 / n as f64)
}

/// The Wilson score 95 % interval for `k` successes in `n` trials.
///
/// ```
/// let (lo, hi) = svarskoll::core::stats::wilson95(15, 50).unwrap();
/// assert_eq!((lo * 1000.0).round() / 10.0, 19.1);
/// assert_eq!((hi * 1000.0).round() / 10.0, 43.8);
/// ```
#[must_use]
pub fn wilson95(k: usize, n: usize) -> Option<(f64, f64)> {
    let p = share(k, n)?;
    #[allow(clippy::cast_precision_loss)]
    let n = n as f64;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Median and quartiles, interpolated as Excel's QUARTILE.INC (the method auditors can re-check).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quartiles {
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

/// The quartiles of `values`, `None` when empty.
///
/// ```
/// let q = svarskoll::core::stats::quartiles(&[1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!((q.q1, q.median, q.q3), (1.75, 2.5, 3.25));
/// ```
#[must_use]
pub fn quartiles(values: &[f64]) -> Option<Quartiles> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = |q: f64| {
        #[allow(clippy::cast_precision_loss)]
        let pos = q * (v.len() - 1) as f64;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let lo = pos.floor() as usize;
        let hi = (lo + 1).min(v.len() - 1);
        #[allow(clippy::cast_precision_loss)]
        let frac = pos - lo as f64;
        v[lo] + (v[hi] - v[lo]) * frac
    };
    Some(Quartiles {
        q1: at(0.25),
        median: at(0.5),
        q3: at(0.75),
        min: v[0],
        max: v[v.len() - 1],
        n: v.len(),
    })
}

/// Two-sided Fisher exact test of `k1/n1` against `k2/n2`; `None` for an impossible table.
#[must_use]
pub fn fisher_two_sided(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<f64> {
    if k1 > n1 || k2 > n2 {
        return None;
    }
    fishers_exact(&[k1, n1 - k1, k2, n2 - k2], Alternative::TwoSided)
        .ok()
        .map(|p| p.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_malmo_2019() {
        let (lo, hi) = wilson95(15, 50).unwrap();
        assert!((lo - 0.1910).abs() < 5e-4, "{lo}");
        assert!((hi - 0.4375).abs() < 5e-4, "{hi}");
        assert_eq!(wilson95(0, 0), None);
        let (lo, hi) = wilson95(0, 10).unwrap();
        assert_eq!(lo, 0.0);
        assert!((hi - 0.2775).abs() < 5e-4);
    }

    #[test]
    fn quartiles_like_excel() {
        let q = quartiles(&[7.0, 1.0, 3.0, 5.0, 9.0]).unwrap();
        assert_eq!(
            (q.q1, q.median, q.q3, q.min, q.max, q.n),
            (3.0, 5.0, 7.0, 1.0, 9.0, 5)
        );
        assert_eq!(quartiles(&[]), None);
        assert_eq!(quartiles(&[2.0]).unwrap().median, 2.0);
    }

    #[test]
    fn fisher_known_values() {
        // scipy.stats.fisher_exact([[15, 35], [16, 34]]) → p = 1.0
        assert!((fisher_two_sided(15, 50, 16, 50).unwrap() - 1.0).abs() < 1e-9);
        // scipy.stats.fisher_exact([[15, 35], [35, 15]]) → p ≈ 0.000 11
        let p = fisher_two_sided(15, 50, 35, 50).unwrap();
        assert!(p < 0.001 && p > 0.00005, "{p}");
        // scipy: fisher_exact([[3, 5], [4, 50]]) two-sided p = 0.03930...
        let p = fisher_two_sided(3, 8, 4, 54).unwrap();
        assert!((p - 0.0393).abs() < 5e-4, "{p}");
        assert_eq!(fisher_two_sided(5, 4, 1, 2), None);
    }
}
