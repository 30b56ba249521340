//! Shared-shingle counts between one block and all blocks of the other
//! article, through an inverted index: pairs that share nothing (most of
//! them) cost nothing, instead of a merge of two shingle lists each.

use crate::analysis::hashing::FoldMap;

pub(super) type ShingleMap<V> = FoldMap<V>;

/// The blocks holding one shingle, in the order added. Most shingles are
/// in one block only: that one is kept inline, so indexing an article
/// costs no allocation per shingle.
#[derive(Debug, Clone)]
pub(super) enum Posting {
    One(usize),
    Many(Vec<usize>),
}

impl Posting {
    pub fn blocks(&self) -> &[usize] {
        match self {
            Posting::One(j) => std::slice::from_ref(j),
            Posting::Many(js) => js,
        }
    }

    pub fn len(&self) -> usize {
        self.blocks().len()
    }

    pub fn push(&mut self, j: usize) {
        match self {
            Posting::One(first) => *self = Posting::Many(vec![*first, j]),
            Posting::Many(js) => js.push(j),
        }
    }

    /// Add block `j` to the posting of `s` in `map`.
    pub fn add(map: &mut ShingleMap<Posting>, s: u64, j: usize) {
        map.entry(s)
            .and_modify(|p| p.push(j))
            .or_insert(Posting::One(j));
    }
}

pub(super) struct Overlaps {
    postings: ShingleMap<Posting>,
    /// Skip shingles found in more blocks than this.
    max_posting: usize,
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl Overlaps {
    /// Index the shingle sets of the other article's blocks (hashes, or
    /// the profiles' shingle ids).
    pub fn new<K: Copy + Into<u64>>(blocks: &[Vec<K>], max_posting: usize) -> Self {
        let total: usize = blocks.iter().map(Vec::len).sum();
        let mut postings: ShingleMap<Posting> =
            ShingleMap::with_capacity_and_hasher(total, Default::default());
        for (j, sh) in blocks.iter().enumerate() {
            for &s in sh {
                Posting::add(&mut postings, s.into(), j);
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
    pub fn shared<K: Copy + Into<u64>>(&mut self, set: &[K]) -> Vec<(usize, usize)> {
        for &s in set {
            let Some(js) = self.postings.get(&s.into()) else {
                continue;
            };
            if js.len() > self.max_posting {
                continue;
            }
            for &j in js.blocks() {
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
        assert!(o.shared::<u64>(&[]).is_empty());
    }

    #[test]
    fn a_posting_keeps_its_blocks_in_order() {
        let mut map = ShingleMap::default();
        for (s, j) in [(7, 0), (9, 0), (7, 2), (7, 5)] {
            Posting::add(&mut map, s, j);
        }
        assert_eq!(map[&7].blocks(), [0, 2, 5]);
        assert_eq!(map[&9].blocks(), [0]);
        assert!(matches!(map[&9], Posting::One(0)));
    }

    #[test]
    fn long_posting_lists_are_skipped_when_capped() {
        let right: Vec<Vec<u64>> = vec![vec![1], vec![1], vec![1, 2]];
        let mut o = Overlaps::new(&right, 2);
        assert_eq!(o.shared(&[1u64, 2]), [(2, 1)]);
    }
}
