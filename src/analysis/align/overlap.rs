//! Shared-shingle counts between one block and all blocks of the other
//! article, through an inverted index: pairs that share nothing (most of
//! them) cost nothing, instead of a merge of two shingle lists each.

use std::collections::HashMap;

pub(super) struct Overlaps {
    postings: HashMap<u64, Vec<usize>>,
    /// Skip shingles found in more blocks than this.
    max_posting: usize,
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl Overlaps {
    /// Index the shingle sets of the other article's blocks.
    pub fn new(blocks: &[Vec<u64>], max_posting: usize) -> Self {
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
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
