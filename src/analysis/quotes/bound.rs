//! How well two quotes match (`score`, the rule `group` documents), and a
//! cheap bound that spares the grouping the diff of most pairs: two quotes
//! that share only a common phrase cannot match.

use similar::{Algorithm, capture_diff_slices};

/// Fewer tokens than this match only the same tokens.
pub const MIN_FUZZY: usize = 4;

/// Fewest tokens a wording must have to match another it is cut inside
/// (`Overlap::cut_inside`).
pub const MIN_CUT: usize = 5;

/// How the shorter of two token sequences lies in the longer: its tokens
/// matched in order (the longest common subsequence), in how many runs,
/// and over how many tokens of the longer from the first match to the
/// last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    pub short_len: usize,
    pub matched: usize,
    pub runs: usize,
    pub window: usize,
}

impl Overlap {
    pub fn of(short: &[u32], long: &[u32]) -> Overlap {
        let (a, b) = if short.len() <= long.len() {
            (short, long)
        } else {
            (long, short)
        };
        let mut o = Overlap {
            short_len: a.len(),
            matched: 0,
            runs: 0,
            window: 0,
        };
        if a.is_empty() {
            return o;
        }
        let (mut first, mut last) = (usize::MAX, 0);
        for op in capture_diff_slices(Algorithm::Myers, a, b) {
            if let similar::DiffOp::Equal { new_index, len, .. } = op {
                o.matched += len;
                o.runs += 1;
                first = first.min(new_index);
                last = last.max(new_index + len);
            }
        }
        o.window = last.saturating_sub(first);
        o
    }

    /// `matched / max(|short|, window)`, the score `group` documents.
    pub fn score(&self) -> f64 {
        if self.matched == 0 {
            return 0.0;
        }
        self.matched as f64 / self.short_len.max(self.window) as f64
    }

    /// The shorter is the longer with words cut from inside it (or the
    /// longer is the shorter with words added inside): every one of its
    /// at least [`MIN_CUT`] tokens is found, in order, in at most three
    /// runs, over a stretch at most 5/3 as long. "We have checked
    /// every cable twice" in "We have checked every cable and every bolt
    /// twice" — the cut a fact-checker looks for, which the score alone
    /// (6 of 9) leaves out.
    pub fn cut_inside(&self) -> bool {
        self.short_len >= MIN_CUT
            && self.matched == self.short_len
            && self.runs <= 3
            && self.matched * 5 >= self.window * 3
    }
}

/// How well `short` matches inside `long` (see `group`'s module doc).
pub fn score(short: &[u32], long: &[u32]) -> f64 {
    Overlap::of(short, long).score()
}

/// Wordings by each bigram they hold (`group::bigram_index`).
pub(super) type BigramIndex = crate::analysis::hashing::FastMap<u64, Vec<usize>>;

/// Word bigrams of a token sequence, as one number each.
pub(super) fn bigrams(seq: &[u32]) -> impl Iterator<Item = u64> + '_ {
    seq.windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
}

/// Whether `short` may score [`MIN_SCORE`](super::group::MIN_SCORE) against the (longer) quote
/// whose sorted bigrams are `long_grams`: a cheap bound that spares the
/// diff of most pairs that only share a common phrase.
///
/// A score of 0.8 needs m ≥ 0.8·|short| tokens matched in order within a
/// window of at most 1.25·m tokens of the long quote, so at most 0.25·m
/// unmatched tokens lie between matched ones on each side: at most 0.5·m
/// breaks, and at least 0.5·m − 1 matched neighbours are a bigram of both.
/// So `short` must have at least 0.4·|short| − 1 bigrams found in `long`.
/// A cut inside (`Overlap::cut_inside`) keeps all of `short`'s m tokens in
/// at most three runs, so m − 3 of its bigrams, no fewer for m ≥ 4.
pub(super) fn could_match(short: &[u32], long_grams: &[u64]) -> bool {
    let found = bigrams(short)
        .filter(|g| long_grams.binary_search(g).is_ok())
        .count();
    enough_shared(found, short.len())
}

/// Whether a quote of `short_len` tokens, `found` of whose bigrams
/// (counted as often as it holds them) a longer quote holds, may match it.
pub(super) fn enough_shared(found: usize, short_len: usize) -> bool {
    found as f64 >= 0.4 * short_len as f64 - 1.0
}

#[cfg(test)]
mod tests {
    use super::super::group::MIN_SCORE;
    use super::*;

    /// A small deterministic generator (xorshift).
    struct Gen(u64);
    impl Gen {
        fn next(&mut self, n: u64) -> u32 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n) as u32
        }
    }

    fn sorted_grams(seq: &[u32]) -> Vec<u64> {
        let mut g: Vec<u64> = bigrams(seq).collect();
        g.sort_unstable();
        g
    }

    #[test]
    fn no_pair_that_matches_is_ruled_out() {
        let mut rng = Gen(0x9e37_79b9_7f4a_7c15);
        let (mut matching, mut checked) = (0, 0);
        for _ in 0..20_000 {
            // A quote, and another made from it by a few edits, trims and
            // run-ons, over a small vocabulary (repeated words included).
            let len = 4 + rng.next(20) as usize;
            let long: Vec<u32> = (0..len).map(|_| rng.next(12)).collect();
            let mut short = long.clone();
            for _ in 0..rng.next(4) {
                let at = rng.next(short.len() as u64) as usize;
                match rng.next(3) {
                    0 => short[at] = rng.next(12),
                    1 => short.insert(at, rng.next(12)),
                    _ => {
                        short.remove(at);
                    }
                }
                if short.len() < 2 {
                    break;
                }
            }
            let cut = rng.next(3) as usize;
            let short = &short[cut.min(short.len() - 1)..];
            let (a, b) = if short.len() <= long.len() {
                (short, &long[..])
            } else {
                (&long[..], short)
            };
            checked += 1;
            if score(a, b) >= MIN_SCORE || Overlap::of(a, b).cut_inside() {
                matching += 1;
                assert!(could_match(a, &sorted_grams(b)), "{a:?} in {b:?}");
            }
        }
        assert!(
            matching > 1_000 && matching < checked,
            "{matching} of {checked}"
        );
    }

    #[test]
    fn a_shared_phrase_alone_is_ruled_out() {
        // "we will not" in two different twelve-word statements.
        let a = [1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18];
        let b = [1, 2, 3, 20, 21, 22, 23, 24, 25, 26, 27, 28];
        assert!(!could_match(&a, &sorted_grams(&b)));
        assert!(could_match(&a, &sorted_grams(&a)));
    }
}
