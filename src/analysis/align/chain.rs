//! Maximum-weight monotone matching over sparse candidates: the set of
//! pairs (i, j), strictly increasing in both i and j, whose total weight is
//! largest. Candidates are visited by i (and by falling j within one i, so
//! two pairs on the same left block never chain), and a Fenwick tree over
//! the j ranks answers "best chain ending left of j" in O(log k). Time
//! O(k log k) for k candidates, memory O(k): no rows × cols table, so long
//! articles with few candidate pairs stay cheap.

/// One candidate pair and its weight (only positive weights are used).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Weighted {
    pub i: usize,
    pub j: usize,
    pub weight: f32,
}

/// The best chain, as positions into `cands`, in increasing (i, j) order.
pub(super) fn best_chain(cands: &[Weighted]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&k| cands[k].weight > 0.0 && cands[k].weight.is_finite())
        .collect();
    if order.is_empty() {
        return Vec::new();
    }
    order.sort_by(|&a, &b| {
        let (x, y) = (&cands[a], &cands[b]);
        x.i.cmp(&y.i).then(y.j.cmp(&x.j))
    });
    let mut js: Vec<usize> = order.iter().map(|&k| cands[k].j).collect();
    js.sort_unstable();
    js.dedup();
    let mut tree = MaxTree::new(js.len());
    let mut pred = vec![usize::MAX; cands.len()];
    let mut best: Option<(f32, usize)> = None;
    for &k in &order {
        let c = &cands[k];
        // 1-based rank of j; the query covers ranks strictly below it.
        let rank = js.partition_point(|&j| j < c.j) + 1;
        let (before, from) = tree.prefix_max(rank - 1);
        let score = before + c.weight;
        pred[k] = from;
        tree.raise(rank, score, k);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, k));
        }
    }
    let mut chain = Vec::new();
    let mut at = best.map_or(usize::MAX, |(_, k)| k);
    while at != usize::MAX {
        chain.push(at);
        at = pred[at];
    }
    chain.reverse();
    chain
}

/// Fenwick tree of (best score, candidate) over prefix ranges.
struct MaxTree {
    score: Vec<f32>,
    at: Vec<usize>,
}

impl MaxTree {
    fn new(len: usize) -> Self {
        MaxTree {
            score: vec![0.0; len + 1],
            at: vec![usize::MAX; len + 1],
        }
    }

    /// Best (score, candidate) over ranks 1..=rank; (0, none) when empty.
    fn prefix_max(&self, mut rank: usize) -> (f32, usize) {
        let mut best = (0.0, usize::MAX);
        while rank > 0 {
            if self.score[rank] > best.0 {
                best = (self.score[rank], self.at[rank]);
            }
            rank &= rank - 1;
        }
        best
    }

    fn raise(&mut self, mut rank: usize, score: f32, at: usize) {
        while rank < self.score.len() {
            if score > self.score[rank] {
                self.score[rank] = score;
                self.at[rank] = at;
            }
            rank += rank & rank.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(cands: &[Weighted]) -> Vec<(usize, usize)> {
        best_chain(cands)
            .into_iter()
            .map(|k| (cands[k].i, cands[k].j))
            .collect()
    }

    fn w(i: usize, j: usize, weight: f32) -> Weighted {
        Weighted { i, j, weight }
    }

    #[test]
    fn takes_the_heavier_of_two_crossing_pairs() {
        assert_eq!(pairs(&[w(0, 1, 0.9), w(1, 0, 0.5)]), [(0, 1)]);
        assert_eq!(pairs(&[w(0, 1, 0.4), w(1, 0, 0.5)]), [(1, 0)]);
    }

    #[test]
    fn prefers_more_pairs_when_they_weigh_more() {
        let c = [w(0, 0, 0.4), w(1, 1, 0.4), w(2, 2, 0.4), w(2, 0, 1.0)];
        assert_eq!(pairs(&c), [(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn one_block_is_never_used_twice() {
        let c = [w(0, 0, 1.0), w(0, 1, 1.0), w(1, 1, 1.0), w(2, 1, 1.0)];
        let p = pairs(&c);
        assert_eq!(p.len(), 2);
        assert!(p.windows(2).all(|x| x[0].0 < x[1].0 && x[0].1 < x[1].1));
    }

    #[test]
    fn ignores_useless_weights_and_empty_input() {
        assert!(pairs(&[]).is_empty());
        assert!(pairs(&[w(0, 0, 0.0), w(1, 1, f32::NAN), w(2, 2, -1.0)]).is_empty());
    }

    #[test]
    fn matches_an_exhaustive_search_on_small_grids() {
        // Brute force over all subsets of a pseudo-random 4×4 grid.
        for seed in 0..40u32 {
            let mut cands = Vec::new();
            for i in 0..4 {
                for j in 0..4 {
                    let h = (seed.wrapping_mul(2_654_435_761) ^ (i * 31 + j * 7) as u32) % 11;
                    if h > 5 {
                        cands.push(w(i, j, h as f32 / 10.0));
                    }
                }
            }
            let got: f32 = best_chain(&cands).iter().map(|&k| cands[k].weight).sum();
            let mut want = 0f32;
            for mask in 0u32..(1 << cands.len()) {
                let chosen: Vec<&Weighted> = (0..cands.len())
                    .filter(|k| mask & (1 << k) != 0)
                    .map(|k| &cands[k])
                    .collect();
                let mut sorted = chosen.clone();
                sorted.sort_by_key(|c| c.i);
                if sorted
                    .windows(2)
                    .all(|p| p[0].i < p[1].i && p[0].j < p[1].j)
                {
                    want = want.max(chosen.iter().map(|c| c.weight).sum());
                }
            }
            assert!((got - want).abs() < 1e-4, "seed {seed}: {got} vs {want}");
        }
    }
}
