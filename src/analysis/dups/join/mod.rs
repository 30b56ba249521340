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

use super::parallel;
use crate::analysis::shingle::{self, Scores};

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

/// Inverted index of the tokens that occur in two or more sets, and each
/// set's shared tokens rarest first. Independent of the threshold: build
/// once, join at any.
#[derive(Debug, Clone, Default)]
pub struct JoinIndex {
    /// |A| of each set, in full 64-bit shingles.
    sizes: Vec<usize>,
    /// Distinct truncated tokens of each set.
    distinct: Vec<usize>,
    /// Postings of shared token `t` (sets in increasing order):
    /// `postings[posting_start[t]..posting_start[t + 1]]`.
    posting_start: Vec<usize>,
    postings: Vec<u32>,
    /// Shared tokens of set `s`, rarest first: `tokens[token_start[s]..token_start[s + 1]]`.
    token_start: Vec<usize>,
    tokens: Vec<u32>,
}

/// Records per work unit when probing.
const PROBE_CHUNK: usize = 1024;

impl JoinIndex {
    /// Index `sets` (each sorted and de-duplicated, as `shingle::shingles`
    /// returns them). Uses all cores.
    pub fn build<S: AsRef<[u64]> + Sync>(sets: &[S]) -> Result<JoinIndex, JoinError> {
        build::build(sets)
    }

    /// Number of sets indexed.
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// Tokens shared by two or more sets.
    pub fn shared_tokens(&self) -> usize {
        self.posting_start.len().saturating_sub(1)
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

    /// `pairs`, also saying how many candidates were verified.
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
        // NaN or above 1: nothing can qualify.
        if sets.len() != self.len() || min_score.is_nan() || min_score > 1.0 {
            return (Vec::new(), JoinStats::default());
        }
        let t = min_score.max(0.0);
        let parts = parallel::map_chunks_with(
            self.len(),
            PROBE_CHUNK,
            || Probe::new(self.len()),
            |probe, r| {
                let mut found = Vec::new();
                let mut stats = JoinStats::default();
                for a in r {
                    stats.postings_scanned += self.candidates(a, t, &keep, probe);
                    stats.candidates += probe.found.len();
                    let set_a = sets[a].as_ref();
                    for &b in &probe.found {
                        let scores = shingle::scores(set_a, sets[b].as_ref());
                        if scores.containment > 0.0
                            && (scores.containment >= t || scores.jaccard >= t)
                        {
                            found.push(SetPair {
                                a: a.min(b),
                                b: a.max(b),
                                scores,
                            });
                        }
                    }
                }
                stats.pairs = found.len();
                (found, stats)
            },
        );
        let mut stats = JoinStats::default();
        let mut pairs = Vec::with_capacity(parts.iter().map(|(p, _)| p.len()).sum());
        for (p, s) in parts {
            stats.candidates += s.candidates;
            stats.pairs += s.pairs;
            stats.postings_scanned += s.postings_scanned;
            pairs.extend(p);
        }
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        (pairs, stats)
    }

    /// Sets that may reach containment `t` with set `a` as the smaller of
    /// the pair (ties broken by number), each once, into `probe.found`.
    /// Returns how many posting entries were read.
    fn candidates<K: Fn(usize, usize) -> bool>(
        &self,
        a: usize,
        t: f64,
        keep: &K,
        probe: &mut Probe,
    ) -> usize {
        probe.found.clear();
        let size = self.sizes[a];
        if size == 0 {
            return 0;
        }
        let prefix = size - min_overlap(size, t) + 1;
        let mine = &self.tokens[self.token_start[a]..self.token_start[a + 1]];
        // Tokens of `a` in no other set sort first and match nothing.
        let unshared = self.distinct[a].saturating_sub(mine.len());
        if prefix <= unshared {
            return 0;
        }
        let take = (prefix - unshared).min(mine.len());
        let key_a = (size, a);
        // Stamps are `a + 1`, so a fresh (zeroed) array marks nothing.
        let stamp = a as u32 + 1;
        let mut scanned = 0;
        for &tok in &mine[..take] {
            let tok = tok as usize;
            let list = &self.postings[self.posting_start[tok]..self.posting_start[tok + 1]];
            scanned += list.len();
            for &b in list {
                let b = b as usize;
                if probe.seen[b] != stamp && (self.sizes[b], b) > key_a && keep(a, b) {
                    probe.seen[b] = stamp;
                    probe.found.push(b);
                }
            }
        }
        scanned
    }
}

/// One worker's scratch space for probing: which sets the current probe
/// has already collected.
struct Probe {
    seen: Vec<u32>,
    found: Vec<usize>,
}

impl Probe {
    fn new(n: usize) -> Probe {
        Probe {
            seen: vec![0; n],
            found: Vec::new(),
        }
    }
}

/// The smallest overlap `o ≥ 1` with `o / size ≥ t` as computed in `f64`
/// (the same arithmetic verification uses, so the filter is never stricter).
fn min_overlap(size: usize, t: f64) -> usize {
    let ratio = |o: usize| o as f64 / size as f64;
    let mut o = ((t * size as f64).ceil() as usize).clamp(1, size);
    while o > 1 && ratio(o - 1) >= t {
        o -= 1;
    }
    while o < size && ratio(o) < t {
        o += 1;
    }
    o
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

    /// A small PRNG so the property test needs no dependency.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
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
        let mut state = 42;
        for round in 0..20 {
            let n = 20 + round * 7;
            let universe = 40 + round * 13;
            let sets: Vec<Vec<u64>> = (0..n)
                .map(|_| {
                    let len = (next(&mut state) % 30) as usize;
                    let mut s: Vec<u64> = (0..len)
                        .map(|_| {
                            let v = next(&mut state) % universe as u64;
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
            // Tiny waves and buckets, so several of each are exercised.
            let small = build::build_with(&sets, 64, 8).unwrap_or_default();
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
