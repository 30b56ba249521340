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
        let distinct = sorted.chunk_by(|a, b| a == b).count();
        let mut v = Sparse {
            ids: Vec::with_capacity(distinct),
            weights: Vec::with_capacity(distinct),
        };
        for run in sorted.chunk_by(|a, b| a == b) {
            v.ids.push(run[0]);
            v.weights
                .push((1.0 + (run.len() as f32).ln()) * idf(run[0]));
        }
        v.normalise();
        v
    }

    /// The sum of several vectors, L2-normalised: what a run of blocks
    /// says as a whole.
    pub fn sum(parts: &[&Sparse]) -> Sparse {
        let mut all: Vec<(u32, f32)> = parts.iter().flat_map(|p| p.entries()).collect();
        all.sort_unstable_by_key(|&(id, _)| id);
        let mut v = Sparse::default();
        for run in all.chunk_by(|a, b| a.0 == b.0) {
            v.ids.push(run[0].0);
            v.weights.push(run.iter().map(|e| e.1).sum());
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

    /// [`Sparse::overlap`] with `other`, and the sum and the largest of
    /// `same_ids`' weights on the shared ids (as [`Sparse::shared_weight`]
    /// gives them), in one merge: `same_ids` holds exactly this vector's
    /// ids, with other weights.
    /// `on_shared` is called with the positions of each shared id in
    /// both vectors, in id order.
    pub fn overlap_and_weight(
        &self,
        other: &Sparse,
        same_ids: &Sparse,
        mut on_shared: impl FnMut(usize, usize),
    ) -> (Overlap, f64, f64) {
        debug_assert_eq!(self.ids, same_ids.ids);
        let mut o = Overlap::default();
        let (mut sum, mut max) = (0f32, 0f32);
        let (mut i, mut j) = (0, 0);
        while i < self.ids.len() && j < other.ids.len() {
            match self.ids[i].cmp(&other.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let (a, b) = (self.weights[i], other.weights[j]);
                    o.dot += a * b;
                    o.left += a;
                    o.right += b;
                    o.shared += 1;
                    let w = same_ids.weights[i];
                    sum += w;
                    max = max.max(w);
                    on_shared(i, j);
                    i += 1;
                    j += 1;
                }
            }
        }
        (o, f64::from(sum), f64::from(max))
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

    /// The sum and the largest of this vector's weights on the shared ids
    /// (what `overlap_and_weight` gives in its merge).
    #[cfg(test)]
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

impl Overlap {
    /// Count one shared id, weighing `a` in the first vector and `b` in
    /// the second (as [`Sparse::overlap`] does, so ids added in id order
    /// give its very sums).
    pub fn add(&mut self, a: f32, b: f32) {
        self.dot += a * b;
        self.left += a;
        self.right += b;
        self.shared += 1;
    }
}

/// Where each id of a whole vector occurs among its parts (a block's
/// terms among its sentences): for the id at each position of the whole,
/// the parts holding it, in part order, with its weight there.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    /// Entries of the id at position k: `starts[k]..starts[k + 1]`.
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    /// Every id of `parts` is expected in `whole`; one that is not is left
    /// out.
    pub fn new(whole: &Sparse, parts: &[Sparse]) -> Postings {
        // A counting sort by position: parts are visited in order, so each
        // position's entries stay in part order.
        let mut found: Vec<(u32, u32, f32)> = Vec::new();
        let mut starts = vec![0u32; whole.len() + 1];
        for (p, part) in parts.iter().enumerate() {
            for (id, w) in part.entries() {
                if let Ok(k) = whole.ids.binary_search(&id) {
                    found.push((k as u32, p as u32, w));
                    starts[k + 1] += 1;
                }
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0u32, 0f32); found.len()];
        for (k, p, w) in found {
            let at = &mut next[k as usize];
            entries[*at as usize] = (p, w);
            *at += 1;
        }
        Postings { starts, entries }
    }

    /// (part, weight) of the id at position `k` of the whole.
    pub fn at(&self, k: usize) -> &[(u32, f32)] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.entries[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_is_allocated_once_at_its_size() {
        let v = Sparse::tf_idf(&[5, 1, 5, 2, 9, 1, 7], |_| 1.0);
        assert_eq!(v.ids, [1, 2, 5, 7, 9]);
        assert_eq!((v.ids.capacity(), v.weights.capacity()), (5, 5));
    }

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

    #[test]
    fn postings_list_each_id_s_parts_in_order() {
        let parts = [
            Sparse::tf_idf(&[3, 1], |_| 1.0),
            Sparse::tf_idf(&[2], |_| 1.0),
            Sparse::tf_idf(&[3, 3, 2], |_| 1.0),
        ];
        let whole = Sparse::tf_idf(&[1, 2, 3, 3, 3, 2], |_| 1.0);
        let postings = Postings::new(&whole, &parts);
        let parts_of = |k: usize| -> Vec<u32> { postings.at(k).iter().map(|e| e.0).collect() };
        assert_eq!(
            (parts_of(0), parts_of(1), parts_of(2)),
            (vec![0], vec![1, 2], vec![0, 2])
        );
        assert_eq!(
            postings.at(2)[1].1,
            parts[2].weights[1],
            "id 3's weight in part 2"
        );
        assert!(postings.at(3).is_empty());
    }

    #[test]
    fn one_merge_gives_the_overlap_and_the_shared_weight_to_the_bit() {
        let mut rng = crate::dev::rng::Rng::new(4);
        for _ in 0..300 {
            let mut ids = |n: usize| -> Vec<u32> { (0..n).map(|_| rng.below(40) as u32).collect() };
            let (x, y) = (ids(25), ids(25));
            let idf = |id: u32| 0.3 + (id as f32 * 0.77).sin().abs() * 7.0;
            let (a, b) = (Sparse::tf_idf(&x, idf), Sparse::tf_idf(&y, idf));
            let (ai, bi) = (Sparse::idf_set(&x, idf), Sparse::idf_set(&y, idf));
            let mut at = Vec::new();
            let (o, sum, max) = a.overlap_and_weight(&b, &ai, |i, j| at.push((i, j)));
            assert!(at.iter().all(|&(i, j)| a.ids[i] == b.ids[j]));
            assert_eq!(at.len(), o.shared);
            assert_eq!(o, a.overlap(&b));
            let (s2, m2) = ai.shared_weight(&bi);
            assert_eq!((sum.to_bits(), max.to_bits()), (s2.to_bits(), m2.to_bits()));
        }
    }
}
