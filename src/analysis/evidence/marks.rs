//! One block's sets held as bits over their dense ids (`set_ids.rs`): a
//! long article's block is measured against up to a few dozen blocks of
//! the other, and with its sets marked once, each pair costs a bit test
//! per item of the other block instead of a merge of both sorted lists
//! (the letter trigrams alone are a few hundred items a block).

use super::lexical::PrefixCounts;
use super::profile::Profile;

/// A set of dense ids.
#[derive(Debug, Clone, Default)]
pub struct Bits(Vec<u64>);

impl Bits {
    /// Add `ids` (the set must not hold ids of another list when it is
    /// cleared: see [`Bits::clear`]).
    pub fn set(&mut self, ids: &[u32]) {
        let words = ids.iter().max().map_or(0, |&m| m as usize / 64 + 1);
        if self.0.len() < words {
            self.0.resize(words, 0);
        }
        for &id in ids {
            self.0[id as usize / 64] |= 1 << (id % 64);
        }
    }

    /// Empty the set that `set(ids)` filled, keeping its memory for the
    /// next block.
    pub fn clear(&mut self, ids: &[u32]) {
        for &id in ids {
            self.0[id as usize / 64] = 0;
        }
    }

    /// How many of `ids` are in the set.
    pub fn count(&self, ids: &[u32]) -> usize {
        ids.iter()
            .map(|&id| {
                self.0
                    .get(id as usize / 64)
                    .map_or(0, |w| ((w >> (id % 64)) & 1) as usize)
            })
            .sum()
    }
}

/// A block's sets, marked.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub char_trigrams: Bits,
    pub words: Bits,
    pub bigrams: Bits,
    pub shingles: Bits,
    pub prefixes: PrefixCounts,
}

impl Marks {
    pub fn of(p: &Profile) -> Marks {
        let mut marks = Marks::default();
        marks.mark(p);
        marks
    }

    /// Mark `p`'s sets (the marks must be empty: new, or unmarked).
    pub fn mark(&mut self, p: &Profile) {
        self.char_trigrams.set(&p.char_trigrams);
        self.words.set(&p.words);
        self.bigrams.set(&p.bigrams);
        self.shingles.set(&p.shingles);
        self.prefixes.mark(&p.lexical);
    }

    /// Empty the marks of `p`, the block last marked.
    pub fn unmark(&mut self, p: &Profile) {
        self.char_trigrams.clear(&p.char_trigrams);
        self.words.clear(&p.words);
        self.bigrams.clear(&p.bigrams);
        self.shingles.clear(&p.shingles);
        self.prefixes.unmark(&p.lexical);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_over_bits_is_the_intersection() {
        let mut rng = crate::dev::rng::Rng::new(11);
        for _ in 0..200 {
            let (na, nb) = (rng.below(60), rng.below(60));
            let mut set = |n: usize| -> Vec<u32> {
                let mut v: Vec<u32> = (0..n).map(|_| rng.below(300) as u32).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let (a, b) = (set(na), set(nb));
            let merged = b.iter().filter(|x| a.binary_search(x).is_ok()).count();
            let mut bits = Bits::default();
            bits.set(&a);
            assert_eq!(bits.count(&b), merged, "{a:?} {b:?}");
            bits.clear(&a);
            assert!(bits.0.iter().all(|&w| w == 0), "cleared for the next");
        }
        assert_eq!(Bits::default().count(&[0, 64, 9999]), 0);
    }
}
