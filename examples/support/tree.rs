//! The boosted trees' building block, a depth-2 regression tree (the
//! sentence-pair ranking `fit_same_point` measures; parallax itself ships
//! only the paragraph model, see `src/analysis/evidence/model.rs`).

#![allow(dead_code)]

/// One depth-2 regression tree: a split at the root, a split under each
/// side, four leaves (added log-odds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tree {
    /// (feature index, threshold): go high when the feature is above it.
    pub root: (usize, f64),
    pub low: (usize, f64),
    pub high: (usize, f64),
    /// Leaves: low-low, low-high, high-low, high-high.
    pub leaves: [f64; 4],
}

impl Tree {
    pub fn value(&self, x: &[f64]) -> f64 {
        let at = |(f, t): (usize, f64)| x.get(f).is_some_and(|v| *v > t);
        let (side, base) = if at(self.root) {
            (self.high, 2)
        } else {
            (self.low, 0)
        };
        self.leaves[base + usize::from(at(side))]
    }
}

/// The logistic function of the trees' summed log-odds.
pub fn probability_of(x: &[f64], trees: &[Tree], base: f64) -> f64 {
    let z: f64 = base + trees.iter().map(|t| t.value(x)).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}
