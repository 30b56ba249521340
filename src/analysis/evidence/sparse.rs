//! Small sparse vectors over interned term ids, sorted by id.

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sparse {
    ids: Vec<u32>,
    weights: Vec<f32>,
}

impl Sparse {
    /// Sublinear TF (1 + ln tf) times IDF, L2-normalised.
    pub fn tf_idf(ids: &[u32], idf: impl Fn(u32) -> f32) -> Sparse {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let mut v = Sparse::default();
        for run in sorted.chunk_by(|a, b| a == b) {
            v.ids.push(run[0]);
            v.weights
                .push((1.0 + (run.len() as f32).ln()) * idf(run[0]));
        }
        v.normalise();
        v
    }

    /// Each distinct id once, weighted by IDF (not normalised).
    pub fn idf_set(ids: &[u32], idf: impl Fn(u32) -> f32) -> Sparse {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let weights = sorted.iter().map(|&id| idf(id)).collect();
        Sparse {
            ids: sorted,
            weights,
        }
    }

    fn normalise(&mut self) {
        let norm = self.weights.iter().map(|w| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            self.weights.iter_mut().for_each(|w| *w /= norm);
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// (id, weight) in id order.
    pub fn entries(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.ids.iter().copied().zip(self.weights.iter().copied())
    }

    /// Visit the ids both vectors hold, with each side's weight.
    fn for_shared(&self, other: &Sparse, mut f: impl FnMut(u32, f32, f32)) {
        let (mut i, mut j) = (0, 0);
        while i < self.ids.len() && j < other.ids.len() {
            match self.ids[i].cmp(&other.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    f(self.ids[i], self.weights[i], other.weights[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
    }

    /// Everything two vectors share, in one pass: the dot product, the
    /// shared weight on each side, the number of shared ids.
    pub fn overlap(&self, other: &Sparse) -> Overlap {
        let mut o = Overlap::default();
        self.for_shared(other, |_, a, b| {
            o.dot += a * b;
            o.left += a;
            o.right += b;
            o.shared += 1;
        });
        o
    }

    /// Sum of the weights.
    pub fn total(&self) -> f32 {
        self.weights.iter().sum()
    }

    /// Dot product (the cosine for normalised vectors), clamped to 0..=1.
    pub fn cosine(&self, other: &Sparse) -> f64 {
        let mut sum = 0f32;
        self.for_shared(other, |_, a, b| sum += a * b);
        f64::from(sum).clamp(0.0, 1.0)
    }

    /// Weight of the shared ids over the weight of the union (weighted
    /// Jaccard of two weighted sets); 0 when both are empty.
    pub fn weighted_jaccard(&self, other: &Sparse) -> f64 {
        let mut shared = 0f32;
        self.for_shared(other, |_, a, _| shared += a);
        let total: f32 = self.weights.iter().sum::<f32>() + other.weights.iter().sum::<f32>();
        let union = total - shared;
        if union > 0.0 {
            f64::from(shared / union)
        } else {
            0.0
        }
    }

    /// The sum and the largest of this vector's weights on the shared ids.
    pub fn shared_weight(&self, other: &Sparse) -> (f64, f64) {
        let (mut sum, mut max) = (0f32, 0f32);
        self.for_shared(other, |_, a, _| {
            sum += a;
            max = max.max(a);
        });
        (f64::from(sum), f64::from(max))
    }

    /// The shared ids.
    pub fn shared_ids(&self, other: &Sparse) -> Vec<u32> {
        let mut out = Vec::new();
        self.for_shared(other, |id, _, _| out.push(id));
        out
    }

    /// Weight of the shared ids over this vector's total weight.
    pub fn covered_by(&self, other: &Sparse) -> f64 {
        let mut shared = 0f32;
        self.for_shared(other, |_, a, _| shared += a);
        let total: f32 = self.weights.iter().sum();
        if total > 0.0 {
            f64::from(shared / total)
        } else {
            0.0
        }
    }
}

/// What two sparse vectors share (see [`Sparse::overlap`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Overlap {
    pub dot: f32,
    /// Shared weight, counted with the first vector's weights.
    pub left: f32,
    /// Shared weight, counted with the second vector's weights.
    pub right: f32,
    pub shared: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_and_jaccard() {
        let a = Sparse::tf_idf(&[1, 2, 2, 3], |_| 1.0);
        let b = Sparse::tf_idf(&[3, 2, 1, 2], |_| 1.0);
        assert!((a.cosine(&b) - 1.0).abs() < 1e-6);
        let c = Sparse::tf_idf(&[4], |_| 1.0);
        assert_eq!(a.cosine(&c), 0.0);
        let x = Sparse::idf_set(&[1, 2], |id| id as f32);
        let y = Sparse::idf_set(&[2, 3], |id| id as f32);
        assert!((x.weighted_jaccard(&y) - 2.0 / 6.0).abs() < 1e-6);
        assert!((x.covered_by(&y) - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(x.shared_ids(&y), [2]);
        assert_eq!(Sparse::default().weighted_jaccard(&Sparse::default()), 0.0);
    }
}
