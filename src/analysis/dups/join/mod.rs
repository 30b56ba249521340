//! The exact set-similarity join behind `dups`: every pair of shingle sets
//! whose containment |A∩B| / min(|A|,|B|) reaches a threshold.
//!
//! Jaccard never exceeds containment (same numerator, larger denominator),
//! so "Jaccard ≥ t or containment ≥ t" is the same as "containment ≥ t", and
//! one exact filter serves both scores.
//!
//! Prefix filter (as in the AllPairs / PPJoin family): order every token
//! rarest first. If A is the smaller set of a pair and |A∩B| ≥ α, then the
//! first |A| − α + 1 tokens of A (its *prefix*) contain a token of B. So each
//! set only probes its prefix against an inverted index of the whole corpus,
//! and is only paired there with sets at least as large. Tokens found in one
//! set alone sort first and can never match, so most sets probe nothing.
//! Every candidate is then verified by an exact merge of the two full sets:
//! no pair that meets the threshold is missed and every score is exact.
//!
//! For speed and memory the index works on *truncated* hashes (the low bits
//! carry the set number); a truncation collision only adds a candidate,
//! which verification rejects, and the prefix length is computed from the
//! full set size so collisions inside one set cannot hide a pair.

mod build;
mod groups;
mod numbering;
mod probe;

use crate::analysis::shingle::{self, Scores};
use crate::parallel;
use groups::Groups;
use probe::TokenIndex;
#[cfg(test)]
use probe::min_overlap;

/// A pair of set numbers (`a < b`) with their exact scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetPair {
    pub a: usize,
    pub b: usize,
    pub scores: Scores,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    #[error("{0} shingle sets is more than the join can number (at most 4294967295)")]
    TooManySets(usize),
    #[error("shingle set {0} is not sorted and de-duplicated")]
    Unsorted(usize),
}

/// What a join did, for benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JoinStats {
    /// Posting-list entries read while probing prefixes.
    pub postings_scanned: usize,
    /// Distinct candidate pairs whose full sets were compared.
    pub candidates: usize,
    /// Pairs that met the threshold (among those `keep` allowed).
    pub pairs: usize,
}

/// Records per work unit when probing.
const PROBE_CHUNK: usize = 1024;
/// Groups per work unit when listing pairs inside groups.
const GROUP_CHUNK: usize = 4096;

/// The join's index over a list of sets: identical sets grouped, and a
/// prefix-filter index over one representative per group. Independent of
/// the threshold: build once, join at any.
#[derive(Debug, Clone, Default)]
pub struct JoinIndex {
    groups: Groups,
    inner: TokenIndex,
}

impl JoinIndex {
    /// Index `sets` (each sorted and de-duplicated, as `shingle::shingles`
    /// returns them). Uses all cores.
    pub fn build<S: AsRef<[u64]> + Sync>(sets: &[S]) -> Result<JoinIndex, JoinError> {
        JoinIndex::build_with(sets, |reps| build::build(reps))
    }

    fn build_with<S, B>(sets: &[S], build_inner: B) -> Result<JoinIndex, JoinError>
    where
        S: AsRef<[u64]> + Sync,
        B: FnOnce(&[&[u64]]) -> Result<TokenIndex, JoinError>,
    {
        if u32::try_from(sets.len()).is_err() {
            return Err(JoinError::TooManySets(sets.len()));
        }
        let groups = Groups::of(sets);
        let reps = representatives(&groups, sets);
        let inner = build_inner(&reps).map_err(|e| match e {
            // Name the set as the caller numbered it.
            JoinError::Unsorted(r) => JoinError::Unsorted(groups.rep(r)),
            other => other,
        })?;
        Ok(JoinIndex { groups, inner })
    }

    /// Number of sets indexed.
    pub fn len(&self) -> usize {
        self.groups.sets()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Distinct sets (identical ones counted once).
    pub fn distinct_sets(&self) -> usize {
        self.groups.len()
    }

    /// Tokens shared by two or more distinct sets.
    pub fn shared_tokens(&self) -> usize {
        self.inner.shared_tokens()
    }

    /// Every pair of sets `(a, b)`, `a < b`, with containment (hence also
    /// every pair with Jaccard) ≥ `min_score` and at least one shingle in
    /// common, for which `keep(a, b)` holds; sorted by `(a, b)`. `sets`
    /// must be the sets the index was built from.
    pub fn pairs<S, K>(&self, sets: &[S], min_score: f64, keep: K) -> Vec<SetPair>
    where
        S: AsRef<[u64]> + Sync,
        K: Fn(usize, usize) -> bool + Sync,
    {
        self.pairs_with_stats(sets, min_score, keep).0
    }

    /// `pairs`, also saying how much work the join did.
    pub fn pairs_with_stats<S, K>(
        &self,
        sets: &[S],
        min_score: f64,
        keep: K,
    ) -> (Vec<SetPair>, JoinStats)
    where
        S: AsRef<[u64]> + Sync,
        K: Fn(usize, usize) -> bool + Sync,
    {
        let distinct = self.distinct_pairs(sets, min_score);
        let pairs = self.expand(sets, &distinct, keep);
        let mut stats = distinct.stats;
        stats.pairs = pairs.len();
        (pairs, stats)
    }

    /// The join over distinct sets only: each pair names two groups of
    /// identical sets (`copies`), whatever their number of copies, so a
    /// paragraph copied into thousands of blocks is one node here, never
    /// millions of pairs. `sets` must be the sets the index was built from.
    pub fn distinct_pairs<S>(&self, sets: &[S], min_score: f64) -> DistinctPairs
    where
        S: AsRef<[u64]> + Sync,
    {
        // NaN or above 1: nothing can qualify.
        if sets.len() != self.len() || min_score.is_nan() || min_score > 1.0 {
            return DistinctPairs::default();
        }
        let reps = representatives(&self.groups, sets);
        let (parts, stats) = self.inner.join(&reps, min_score.max(0.0));
        DistinctPairs {
            parts,
            stats,
            joined: true,
        }
    }

    /// The sets of group `g` (identical, increasing); groups are numbered
    /// by their first set.
    pub fn copies(&self, g: usize) -> &[u32] {
        self.groups.members(g)
    }

    /// Shingles in each set of group `g`.
    pub fn set_size(&self, g: usize) -> usize {
        self.inner.sizes.get(g).copied().unwrap_or(0)
    }

    /// Every pair of sets that `distinct` stands for: each pair of groups
    /// for every pair of their members, and the members of one group with
    /// each other at 1.0; those `keep(a, b)` holds for, sorted by `(a, b)`.
    pub fn expand<S, K>(&self, sets: &[S], distinct: &DistinctPairs, keep: K) -> Vec<SetPair>
    where
        S: AsRef<[u64]> + Sync,
        K: Fn(usize, usize) -> bool + Sync,
    {
        if sets.len() != self.len() || !distinct.joined {
            return Vec::new();
        }
        let parts = &distinct.parts;
        let across = parallel::map_chunks(parts.len(), 1, |r| {
            let mut out = Vec::new();
            for p in parts[r].iter().flatten() {
                let (ga, gb) = (self.groups.members(p.a), self.groups.members(p.b));
                for &x in ga {
                    for &y in gb {
                        let (a, b) = (x.min(y) as usize, x.max(y) as usize);
                        if keep(a, b) {
                            out.push(SetPair {
                                a,
                                b,
                                scores: p.scores,
                            });
                        }
                    }
                }
            }
            out
        });
        // Members of one group are identical: both scores 1.
        let inside = parallel::map_chunks(self.groups.len(), GROUP_CHUNK, |r| {
            let mut out = Vec::new();
            for g in self.groups.shared(r) {
                let members = self.groups.members(g);
                let set = sets[members[0] as usize].as_ref();
                if set.is_empty() {
                    continue;
                }
                let scores = shingle::scores(set, set);
                for (i, &x) in members.iter().enumerate() {
                    for &y in &members[i + 1..] {
                        if keep(x as usize, y as usize) {
                            out.push(SetPair {
                                a: x as usize,
                                b: y as usize,
                                scores,
                            });
                        }
                    }
                }
            }
            out
        });
        let total = across.iter().chain(&inside).map(Vec::len).sum();
        let mut pairs = Vec::with_capacity(total);
        for part in across.into_iter().chain(inside) {
            pairs.extend(part);
        }
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        pairs
    }
}

/// What the join found among distinct sets: pairs of group numbers
/// (`a < b`, see `JoinIndex::copies`) with their exact scores, in parts.
#[derive(Debug, Clone, Default)]
pub struct DistinctPairs {
    parts: Vec<Vec<SetPair>>,
    pub stats: JoinStats,
    /// False when nothing could qualify (a threshold above 1, the wrong
    /// sets): then not even identical sets pair.
    joined: bool,
}

impl DistinctPairs {
    /// Every pair of groups, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &SetPair> {
        self.parts.iter().flatten()
    }
}

/// The representative set of each group, in group order.
fn representatives<'s, S: AsRef<[u64]>>(groups: &Groups, sets: &'s [S]) -> Vec<&'s [u64]> {
    (0..groups.len())
        .map(|g| sets.get(groups.rep(g)).map_or(&[][..], |s| s.as_ref()))
        .collect()
}

/// Build an index over `sets` and join it once.
pub fn similar_sets<S, K>(sets: &[S], min_score: f64, keep: K) -> Result<Vec<SetPair>, JoinError>
where
    S: AsRef<[u64]> + Sync,
    K: Fn(usize, usize) -> bool + Sync,
{
    Ok(JoinIndex::build(sets)?.pairs(sets, min_score, keep))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::shingle::shingles;

    /// Every pair sharing a shingle, scored: the definition the join must meet.
    fn brute(sets: &[Vec<u64>], t: f64) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for a in 0..sets.len() {
            for b in a + 1..sets.len() {
                let s = shingle::scores(&sets[a], &sets[b]);
                if s.containment > 0.0 && (s.containment >= t || s.jaccard >= t) {
                    out.push((a, b));
                }
            }
        }
        out
    }

    fn ids(p: &[SetPair]) -> Vec<(usize, usize)> {
        p.iter().map(|p| (p.a, p.b)).collect()
    }

    #[test]
    fn min_overlap_matches_float_division() {
        for size in 1..200 {
            for t in [0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0] {
                let o = min_overlap(size, t);
                assert!(o >= 1 && o <= size);
                assert!(o as f64 / size as f64 >= t || o == size);
                assert!(o == 1 || ((o - 1) as f64 / size as f64) < t);
            }
        }
    }

    #[test]
    fn pasted_quote_and_identical_blocks_are_found() {
        let quote = "we will not accept any ceasefire without guarantees for our people";
        let texts = [
            quote.to_string(),
            format!(
                "The minister, speaking at length to reporters, said that {quote} before leaving the hall."
            ),
            "An unrelated paragraph about fishing quotas in the northern sea.".to_string(),
            quote.to_string(),
        ];
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let pairs = similar_sets(&sets, 0.5, |_, _| true).unwrap_or_default();
        assert_eq!(ids(&pairs), vec![(0, 1), (0, 3), (1, 3)]);
        assert_eq!(pairs[1].scores.jaccard, 1.0);
        assert!(pairs[0].scores.jaccard < 0.5 && pairs[0].scores.containment == 1.0);
    }

    #[test]
    fn keep_filters_pairs() {
        let sets: Vec<Vec<u64>> = ["a b c d e f", "a b c d e f", "a b c d e f"]
            .iter()
            .map(|t| shingles(t))
            .collect();
        let pairs = similar_sets(&sets, 0.5, |a, b| a == 0 || b == 0).unwrap_or_default();
        assert_eq!(ids(&pairs), vec![(0, 1), (0, 2)]);
    }

    #[test]
    fn unsorted_input_is_an_error_not_a_panic() {
        let sets = vec![vec![3u64, 1], vec![1, 3]];
        assert_eq!(JoinIndex::build(&sets).err(), Some(JoinError::Unsorted(0)));
        let empty: Vec<Vec<u64>> = Vec::new();
        assert_eq!(similar_sets(&empty, 0.5, |_, _| true), Ok(Vec::new()));
        assert!(similar_sets(&sets[1..], f64::NAN, |_, _| true).is_ok_and(|p| p.is_empty()));
    }

    #[test]
    fn equals_brute_force_on_random_overlapping_sets() {
        // Sets drawn from a small universe so many pairs overlap partially,
        // including hash values that collide once truncated (low bits only).
        let mut rng = crate::dev::rng::Rng::new(42);
        for round in 0..20 {
            let n = 20 + round * 7;
            let universe = 40 + round * 13;
            let mut sets: Vec<Vec<u64>> = (0..n)
                .map(|_| {
                    let len = (rng.next_u64() % 30) as usize;
                    let mut s: Vec<u64> = (0..len)
                        .map(|_| {
                            let v = rng.next_u64() % universe as u64;
                            // Spread over the top bits (waves, buckets); values
                            // differing only in low bits collide when truncated.
                            ((v / 4).wrapping_mul(0x9e37_79b9_7f4a_7c15) & !0xff) | (v % 4)
                        })
                        .collect();
                    s.sort_unstable();
                    s.dedup();
                    s
                })
                .collect();
            // Verbatim copies, so groups of identical sets are exercised.
            for i in (5..n).step_by(5) {
                sets[i] = sets[i / 3].clone();
            }
            // Tiny waves and buckets, so several of each are exercised.
            let small = JoinIndex::build_with(&sets, |reps| build::build_with(reps, 64, 8))
                .unwrap_or_default();
            for t in [0.0, 0.25, 0.5, 0.8, 1.0] {
                let got = similar_sets(&sets, t, |_, _| true).unwrap_or_default();
                assert_eq!(got, small.pairs(&sets, t, |_, _| true));
                assert_eq!(ids(&got), brute(&sets, t), "round {round}, t {t}");
                for p in &got {
                    assert_eq!(p.scores, shingle::scores(&sets[p.a], &sets[p.b]));
                }
            }
        }
    }
}
