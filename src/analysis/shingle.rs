//! Word 5-gram shingles and the two exact overlap scores every
//! near-duplicate decision rests on: Jaccard and containment
//! (|A∩B| / min(|A|,|B|), which catches a quote pasted inside a longer
//! paragraph).

use super::text::words;

/// Words per shingle.
pub const K: usize = 5;

/// Sorted, de-duplicated 64-bit hashes of a text's word 5-grams. A text of
/// fewer than `K` words (but at least one) gives one shingle of all its
/// words, so short blocks only ever match a block with the same words.
pub fn shingles(text: &str) -> Vec<u64> {
    let ws: Vec<u64> = words(text).map(|w| fnv1a(w.as_bytes())).collect();
    let mut out: Vec<u64> = if ws.is_empty() {
        Vec::new()
    } else if ws.len() < K {
        vec![combine(&ws)]
    } else {
        ws.windows(K).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Deterministic across runs and machines (no random hasher state), so
/// results and benchmarks repeat.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// FNV-1a's 64-bit parameters (public for `dups::shingling`, which hashes
/// words in place).
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// One shingle's hash from its words' hashes: the one definition, used by
/// `dups::shingling` too, so both give the same sets.
#[inline]
pub fn combine(hashes: &[u64]) -> u64 {
    // Order-sensitive mix; the length is folded in so a 3-word block's
    // shingle never equals a 5-gram's.
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ hashes.len() as u64;
    for &x in hashes {
        h = (h ^ x).wrapping_mul(FNV_PRIME).rotate_left(29);
    }
    h
}

/// Size of the intersection of two sorted, de-duplicated sets.
pub fn overlap<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    // Branch-free steps: which side moves is data the processor cannot
    // predict (on letter trigrams, most of a pair's comparison time).
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Scores {
    pub jaccard: f64,
    pub containment: f64,
}

impl Scores {
    pub fn max(&self) -> f64 {
        self.jaccard.max(self.containment)
    }
}

/// Exact scores of two shingle sets; both 0 when either is empty.
pub fn scores(a: &[u64], b: &[u64]) -> Scores {
    if a.is_empty() || b.is_empty() {
        return Scores {
            jaccard: 0.0,
            containment: 0.0,
        };
    }
    scores_of_overlap(overlap(a, b), a.len(), b.len())
}

/// The scores of two non-empty sets of `a_len` and `b_len` shingles that
/// share `shared`: the very arithmetic of [`scores`], for callers that
/// counted the shared shingles another way.
pub fn scores_of_overlap(shared: usize, a_len: usize, b_len: usize) -> Scores {
    let inter = shared as f64;
    let union = (a_len + b_len) as f64 - inter;
    Scores {
        jaccard: inter / union,
        containment: inter / a_len.min(b_len) as f64,
    }
}

/// Jaccard of two sets (0 when both are empty) of `a` and `b` items sharing `shared`.
pub fn jaccard_of(shared: usize, a: usize, b: usize) -> f64 {
    let union = a + b - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The near-duplicate rule (`dups`, the join, its incremental update):
/// some shingle in common and either score at least `t`.
pub fn qualifies(s: &Scores, t: f64) -> bool {
    s.containment > 0.0 && (s.containment >= t || s.jaccard >= t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_what_a_set_intersection_counts() {
        let mut rng = crate::dev::rng::Rng::new(17);
        for _ in 0..300 {
            let mut set = || -> Vec<u64> {
                let n = rng.below(30);
                let mut v: Vec<u64> = (0..n).map(|_| rng.below(40) as u64).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let (a, b) = (set(), set());
            let plain = a.iter().filter(|x| b.contains(x)).count();
            assert_eq!(overlap(&a, &b), plain, "{a:?} {b:?}");
        }
    }

    #[test]
    fn identical_texts_score_one() {
        let a = shingles("One two three four five six seven.");
        let s = scores(&a, &shingles("one, two; three four FIVE six seven"));
        assert_eq!((s.jaccard, s.containment), (1.0, 1.0));
    }

    #[test]
    fn pasted_quote_is_contained() {
        let quote = "we will not accept any ceasefire without guarantees for our people";
        let long = format!(
            "In a long paragraph of its own the outlet wrote that {quote} and then went on at length."
        );
        let s = scores(&shingles(quote), &shingles(&long));
        assert_eq!(s.containment, 1.0);
        assert!(s.jaccard < 0.5);
    }

    #[test]
    fn short_blocks_match_only_the_same_words() {
        assert_eq!(shingles("Key Takeaways"), shingles("key takeaways"));
        assert_eq!(
            scores(
                &shingles("Key Takeaways"),
                &shingles("Key Takeaways here and there")
            )
            .max(),
            0.0
        );
    }
}
