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
    let shingles: Vec<Vec<u32>> = ev.right.iter().map(|p| p.shingles.clone()).collect();
    let mut overlaps = Overlaps::new(&shingles, max_posting);
    let mut equal: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, b) in rb.iter().enumerate() {
        if right.get(j).is_some_and(|r| *r != Role::Unpaired) {
            equal.entry(b.text.as_str()).or_default().push(j);
        }
    }
    let mut best_of_right: Vec<Best> = vec![Best::default(); right.len()];
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut best_of_left = Best::default();
    let mut cosines = Cosines::new(ev, right);
    for (i, role) in left.iter().enumerate() {
        let Some(p) = ev.left.get(i).filter(|_| *role != Role::Unpaired) else {
            continue;
        };
        best_of_left.clear();
        cosines.each(p.terms.entries(), |j, c| {
            if right.get(j) == Some(role) {
                best_of_left.offer((c, j));
                best_of_right[j].offer((c, i));
            }
        });
        out.extend(best_of_left.blocks().map(|j| (i, j)));
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
        out.extend(best.blocks().map(|i| (i, j)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The [`TOP_PER_BLOCK`] highest (score, block) offered to one block. Once
/// full, the lowest kept is remembered: most offers lose to it, and cost
/// one comparison instead of a scan of the list.
#[derive(Debug, Clone, Default)]
struct Best {
    kept: Vec<(f32, usize)>,
    /// When full: the lowest score kept and where (the first of equals).
    low: (f32, usize),
    /// Scans of the list made (the work the remembered lowest saves).
    scans: usize,
}

impl Best {
    /// Most offers lose to the lowest kept: that test is inlined where the
    /// cosines are summed (about two million offers on a pair of 500 KB
    /// articles), the rest is a call. Offers are cosines above 0, never
    /// NaN.
    #[inline]
    fn offer(&mut self, x: (f32, usize)) {
        if self.kept.len() == TOP_PER_BLOCK && x.0 <= self.low.0 {
            return;
        }
        self.take(x);
    }

    #[inline(never)]
    fn take(&mut self, x: (f32, usize)) {
        if self.kept.len() < TOP_PER_BLOCK {
            self.kept.push(x);
            if self.kept.len() == TOP_PER_BLOCK {
                self.low = lowest(&self.kept);
                self.scans += 1;
            }
        } else if x.0 > self.low.0 {
            self.kept[self.low.1] = x;
            self.low = lowest(&self.kept);
            self.scans += 1;
        }
    }

    fn clear(&mut self) {
        self.kept.clear();
    }

    fn blocks(&self) -> impl Iterator<Item = usize> + '_ {
        self.kept.iter().map(|&(_, b)| b)
    }
}

/// The lowest score and its position, the first of equals.
fn lowest(kept: &[(f32, usize)]) -> (f32, usize) {
    kept.iter()
        .enumerate()
        .map(|(k, b)| (b.0, k))
        .fold((f32::INFINITY, 0), |m, b| if b.0 < m.0 { b } else { m })
}

/// Content-word cosines of one left block with every right block through
/// an inverted index of the right blocks' terms: pairs that share no term
/// (most of them) cost nothing. Each cosine is summed in the order of the
/// shared term ids, as a merge of the two sorted vectors sums it, so the
/// value is the same to the bit.
struct Cosines {
    /// For each term id, the right blocks that use it, in block order,
    /// with the term's weight there.
    postings: Vec<Vec<(usize, f32)>>,
    sums: Vec<f32>,
}

impl Cosines {
    /// Index the right blocks that may pair at all.
    fn new(ev: &PairEvidence, right: &[Role]) -> Cosines {
        let mut postings: Vec<Vec<(usize, f32)>> = Vec::new();
        for (j, q) in ev.right.iter().enumerate() {
            if right.get(j).is_none_or(|r| *r == Role::Unpaired) {
                continue;
            }
            for (id, w) in q.terms.entries() {
                let id = id as usize;
                if postings.len() <= id {
                    postings.resize_with(id + 1, Vec::new);
                }
                postings[id].push((j, w));
            }
        }
        Cosines {
            postings,
            sums: vec![0.0; ev.right.len()],
        }
    }

    /// Call `f(right block, cosine)` for every indexed right block whose
    /// cosine with `terms` (in id order) is above 0, by block.
    fn each(&mut self, terms: impl Iterator<Item = (u32, f32)>, mut f: impl FnMut(usize, f32)) {
        for (id, w) in terms {
            for &(j, v) in self.postings.get(id as usize).map_or(&[][..], |l| &l[..]) {
                self.sums[j] += w * v;
            }
        }
        // Past `EXACT_PAIRS` most right blocks share some word with any
        // left block: one pass over all of them beats sorting those hit.
        for (j, sum) in self.sums.iter_mut().enumerate() {
            let c = std::mem::take(sum);
            if c > 0.0 {
                f(j, c);
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::analysis::related::RelatedIndex;
    use crate::corpus::{Article, BlockKind, Corpus};

    /// Two long articles of synthetic coverage (reused paragraphs, shared
    /// stock phrases and subheadings): `n` generated articles each.
    pub(in crate::analysis::align) fn long_pair(n: usize, seed: u64) -> Corpus {
        let texts = crate::dev::synth::generate(2 * n, seed);
        let article = |id: &str, part: &[crate::dev::synth::SynthArticle]| {
            let blocks: Vec<(BlockKind, &str)> = part
                .iter()
                .flat_map(|a| a.text.trim_end().split("\n\n").enumerate())
                .map(|(k, t)| match k {
                    0 => (BlockKind::Heading, t),
                    _ => (BlockKind::Paragraph, t),
                })
                .collect();
            Article::of_blocks(id, &blocks)
        };
        Corpus {
            articles: vec![article("a", &texts[..n]), article("b", &texts[n..])],
            warnings: Vec::new(),
        }
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

    /// The search as it was: every left block's cosine with every right
    /// block by a dense dot product.
    fn dense_likely_pairs(
        ev: &PairEvidence,
        (left, right): (&[Role], &[Role]),
        (lb, rb): (&[Block], &[Block]),
        max_posting: usize,
    ) -> Vec<(usize, usize)> {
        let shingles: Vec<Vec<u32>> = ev.right.iter().map(|p| p.shingles.clone()).collect();
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

    #[test]
    fn the_inverted_index_finds_the_pairs_the_dense_search_found() {
        for seed in [3, 8] {
            let c = long_pair(12, seed);
            let related = RelatedIndex::build(&c);
            let ev = PairEvidence::build(&c, &related, 0, 1);
            let (lb, rb) = (&c.articles[0].blocks[..], &c.articles[1].blocks[..]);
            let roles = |b: &[Block]| -> Vec<Role> { b.iter().map(|b| Role::of(b.kind)).collect() };
            let (lr, rr) = (roles(lb), roles(rb));
            assert!(lb.len() * rb.len() > EXACT_PAIRS, "a long pair");
            let fast = likely_pairs(&ev, (&lr, &rr), (lb, rb), 64);
            let dense = dense_likely_pairs(&ev, (&lr, &rr), (lb, rb), 64);
            assert!(fast.len() > lb.len(), "{}", fast.len());
            assert_eq!(fast, dense, "seed {seed}");
        }
    }

    #[test]
    fn only_the_highest_are_kept_as_a_scan_keeps_them() {
        let mut best = Best::default();
        let mut scan = Vec::new();
        for k in 0..100 {
            best.offer(((k % 37) as f32, k));
            keep_best(&mut scan, ((k % 37) as f32, k));
        }
        assert_eq!(best.kept, scan, "same blocks, same places");
        let mut scores: Vec<f32> = best.kept.iter().map(|b| b.0).collect();
        scores.sort_by(f32::total_cmp);
        assert_eq!(best.kept.len(), TOP_PER_BLOCK);
        assert!(
            scores
                .iter()
                .all(|&s| s >= 36.0 - (TOP_PER_BLOCK / 2) as f32)
        );
        // Offers in random order: few beat the lowest kept, and only
        // those scan the list (a scan per offer was 10,000 here).
        let mut rng = crate::dev::rng::Rng::new(5);
        let mut best = Best::default();
        for k in 0..10_000 {
            best.offer((rng.unit() as f32, k));
        }
        assert!(best.scans < 400, "{} scans", best.scans);
    }
}
