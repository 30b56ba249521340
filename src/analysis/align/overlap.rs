//! Shared-shingle counts between one block and all blocks of the other
//! article, through an inverted index: pairs that share nothing (most of
//! them) cost nothing, instead of a merge of two shingle lists each.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Shingles are hashes already: one multiply spreads each over the bits
/// a table reads, instead of SipHash's rounds.
#[derive(Default, Clone, Copy)]
pub(super) struct ShingleHasher(u64);

impl Hasher for ShingleHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not reached for `u64` keys; every byte counts all the same.
        for &b in bytes {
            self.write_u64(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        let product = u128::from(i) * 0x9e37_79b9_7f4a_7c15;
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

/// A table keyed by shingle hashes.
pub(super) type ShingleMap<V> = HashMap<u64, V, BuildHasherDefault<ShingleHasher>>;

pub(super) struct Overlaps {
    postings: ShingleMap<Vec<usize>>,
    /// Skip shingles found in more blocks than this.
    max_posting: usize,
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl Overlaps {
    /// Index the shingle sets of the other article's blocks.
    pub fn new(blocks: &[Vec<u64>], max_posting: usize) -> Self {
        let mut postings: ShingleMap<Vec<usize>> = ShingleMap::default();
        for (j, sh) in blocks.iter().enumerate() {
            for &s in sh {
                postings.entry(s).or_default().push(j);
            }
        }
        Overlaps {
            postings,
            max_posting,
            counts: vec![0; blocks.len()],
            touched: Vec::new(),
        }
    }

    /// (block, shingles shared with `set`) for every indexed block sharing
    /// at least one, by block. Exact when no posting list was skipped.
    pub fn shared(&mut self, set: &[u64]) -> Vec<(usize, usize)> {
        for s in set {
            let Some(js) = self.postings.get(s) else {
                continue;
            };
            if js.len() > self.max_posting {
                continue;
            }
            for &j in js {
                if self.counts[j] == 0 {
                    self.touched.push(j);
                }
                self.counts[j] += 1;
            }
        }
        self.touched.sort_unstable();
        let out = self
            .touched
            .iter()
            .map(|&j| (j, std::mem::take(&mut self.counts[j])))
            .collect();
        self.touched.clear();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::shingle::{scores, shingles};

    #[test]
    fn counts_match_the_exact_scores() {
        let right: Vec<Vec<u64>> = [
            "one two three four five six seven",
            "nothing in common here at all today",
            "three four five six seven eight nine ten",
            "",
        ]
        .iter()
        .map(|t| shingles(t))
        .collect();
        let left = shingles("zero one two three four five six seven eight");
        let mut o = Overlaps::new(&right, usize::MAX);
        let shared = o.shared(&left);
        assert_eq!(shared.iter().map(|s| s.0).collect::<Vec<_>>(), [0, 2]);
        for (j, n) in shared {
            assert_eq!(n, crate::analysis::shingle::overlap(&left, &right[j]));
            assert!(scores(&left, &right[j]).max() > 0.0);
        }
        // Counts are reset between calls.
        assert_eq!(o.shared(&left).len(), 2);
        assert!(o.shared(&[]).is_empty());
    }

    #[test]
    fn long_posting_lists_are_skipped_when_capped() {
        let right: Vec<Vec<u64>> = vec![vec![1], vec![1], vec![1, 2]];
        let mut o = Overlaps::new(&right, 2);
        assert_eq!(o.shared(&[1, 2]), [(2, 1)]);
    }
}
