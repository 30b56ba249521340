//! The prefix-filter index and its probe: for each set, the candidates
//! that may reach the threshold with it, each verified exactly.

use super::{JoinStats, PROBE_CHUNK, SetPair};
use crate::analysis::shingle;
use crate::parallel;

/// Inverted index of the tokens that occur in two or more sets, and each
/// set's shared tokens rarest first. Independent of the threshold.
#[derive(Debug, Clone, Default)]
pub(super) struct TokenIndex {
    /// |A| of each set, in full 64-bit shingles.
    pub(super) sizes: Vec<usize>,
    /// Distinct truncated tokens of each set.
    pub(super) distinct: Vec<usize>,
    /// Postings of shared token `t` (sets in increasing order):
    /// `postings[posting_start[t]..posting_start[t + 1]]`.
    pub(super) posting_start: Vec<usize>,
    pub(super) postings: Vec<u32>,
    /// Shared tokens of set `s`, rarest first:
    /// `tokens[token_start[s]..token_start[s + 1]]`.
    pub(super) token_start: Vec<usize>,
    pub(super) tokens: Vec<u32>,
}

impl TokenIndex {
    pub(super) fn len(&self) -> usize {
        self.sizes.len()
    }

    pub(super) fn shared_tokens(&self) -> usize {
        self.posting_start.len().saturating_sub(1)
    }

    /// Every pair `(a, b)`, `a < b`, of the indexed `sets` with containment
    /// ≥ `t` (0 ≤ t ≤ 1) and a shingle in common, in unsorted parts.
    pub(super) fn join<S: AsRef<[u64]> + Sync>(
        &self,
        sets: &[S],
        t: f64,
    ) -> (Vec<Vec<SetPair>>, JoinStats) {
        let parts = parallel::map_chunks_with(
            self.len(),
            PROBE_CHUNK,
            || Probe::new(self.len()),
            |probe, r| {
                let mut found = Vec::new();
                let mut stats = JoinStats::default();
                for a in r {
                    stats.postings_scanned += self.candidates(a, t, probe);
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
                (found, stats)
            },
        );
        let mut stats = JoinStats::default();
        let mut out = Vec::with_capacity(parts.len());
        for (p, s) in parts {
            stats.candidates += s.candidates;
            stats.postings_scanned += s.postings_scanned;
            out.push(p);
        }
        (out, stats)
    }

    /// Sets that may reach containment `t` with set `a` as the smaller of
    /// the pair (ties broken by number), each once, into `probe.found`.
    /// Returns how many posting entries were read.
    fn candidates(&self, a: usize, t: f64, probe: &mut Probe) -> usize {
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
                if probe.seen[b] != stamp && (self.sizes[b], b) > key_a {
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
pub(super) fn min_overlap(size: usize, t: f64) -> usize {
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
