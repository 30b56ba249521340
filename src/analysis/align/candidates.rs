//! Which block pairs of two long articles are worth measuring. Every
//! compatible pair of two ordinary articles is measured (a few thousand);
//! two documents of a thousand paragraphs each make a million pairs, and
//! measuring each pair's evidence is the whole cost of comparing them. Past
//! [`EXACT_PAIRS`], only the pairs a reader could be shown are measured:
//! each block's strongest partners by content-word cosine (both ways),
//! every pair sharing a word 5-gram (copied text), and every pair of equal
//! texts. A pair outside these could still pass the threshold, but it
//! would lose the assignment to one of a block's stronger candidates.

use super::overlap::Overlaps;
use super::role::Role;
use crate::analysis::evidence::PairEvidence;
use crate::corpus::Block;
use std::collections::HashMap;

/// Up to this many compatible pairs, every one is measured (exact).
pub(super) const EXACT_PAIRS: usize = 40_000;

/// Past it, the partners kept per block by cosine, on each side.
const TOP_PER_BLOCK: usize = 16;

/// The pairs to measure, sorted by (left, right), no duplicates.
pub(super) fn likely_pairs(
    ev: &PairEvidence,
    (left, right): (&[Role], &[Role]),
    (lb, rb): (&[Block], &[Block]),
    max_posting: usize,
) -> Vec<(usize, usize)> {
    let shingles: Vec<Vec<u64>> = ev.right.iter().map(|p| p.shingles.clone()).collect();
    let mut overlaps = Overlaps::new(&shingles, max_posting);
    let mut equal: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, b) in rb.iter().enumerate() {
        if right.get(j).is_some_and(|r| *r != Role::Unpaired) {
            equal.entry(b.text.as_str()).or_default().push(j);
        }
    }
    let mut best_of_right: Vec<Vec<(f32, usize)>> = vec![Vec::new(); right.len()];
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut best_of_left: Vec<(f32, usize)> = Vec::new();
    // The left block's weights spread over every term id: each right
    // block's cosine is then a lookup per term, not a merge of two lists.
    let mut dense: Vec<f32> = Vec::new();
    for (i, role) in left.iter().enumerate() {
        let Some(p) = ev.left.get(i).filter(|_| *role != Role::Unpaired) else {
            continue;
        };
        best_of_left.clear();
        for (id, w) in p.terms.entries() {
            let id = id as usize;
            if dense.len() <= id {
                dense.resize(id + 1, 0.0);
            }
            dense[id] = w;
        }
        for (j, q) in ev.right.iter().enumerate() {
            if right.get(j) != Some(role) {
                continue;
            }
            let c: f32 = q
                .terms
                .entries()
                .map(|(id, w)| dense.get(id as usize).map_or(0.0, |d| d * w))
                .sum();
            if c > 0.0 {
                keep_best(&mut best_of_left, (c, j));
                keep_best(&mut best_of_right[j], (c, i));
            }
        }
        for (id, _) in p.terms.entries() {
            dense[id as usize] = 0.0;
        }
        out.extend(best_of_left.iter().map(|&(_, j)| (i, j)));
        for (j, _) in overlaps.shared(&p.shingles) {
            if right.get(j) == Some(role) {
                out.push((i, j));
            }
        }
        if let Some(js) = lb.get(i).and_then(|b| equal.get(b.text.as_str())) {
            out.extend(
                js.iter()
                    .filter(|&&j| right.get(j) == Some(role))
                    .map(|&j| (i, j)),
            );
        }
    }
    for (j, best) in best_of_right.iter().enumerate() {
        out.extend(best.iter().map(|&(_, i)| (i, j)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Keep `x` among the [`TOP_PER_BLOCK`] highest of `best`.
fn keep_best(best: &mut Vec<(f32, usize)>, x: (f32, usize)) {
    if best.len() < TOP_PER_BLOCK {
        best.push(x);
        return;
    }
    let (low, at) = best
        .iter()
        .enumerate()
        .map(|(k, b)| (b.0, k))
        .fold((f32::INFINITY, 0), |m, b| if b.0 < m.0 { b } else { m });
    if x.0 > low {
        best[at] = x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_highest_are_kept() {
        let mut best = Vec::new();
        for k in 0..100 {
            keep_best(&mut best, ((k % 37) as f32, k));
        }
        let mut scores: Vec<f32> = best.iter().map(|b| b.0).collect();
        scores.sort_by(f32::total_cmp);
        assert_eq!(best.len(), TOP_PER_BLOCK);
        assert!(
            scores
                .iter()
                .all(|&s| s >= 36.0 - (TOP_PER_BLOCK / 2) as f32)
        );
    }
}
