//! A seeded PRNG and a made-up vocabulary built from syllables, so the
//! synthetic corpus needs no download and is the same on every machine.

use std::collections::HashSet;

/// splitmix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "dr", "kr", "pl", "st", "tr", "sh", "ch", "gr", "fl",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ea", "io"];
const CODAS: &[&str] = &["", "", "", "", "n", "r", "s", "l", "m", "k", "t", "nd"];

/// Distinct lower-case words drawn with a Zipf-like skew: a few very
/// common words and a long tail, as in real prose.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    words: Vec<String>,
}

impl Vocabulary {
    pub fn new(rng: &mut Rng, size: usize) -> Vocabulary {
        let mut seen = HashSet::new();
        let mut words = Vec::with_capacity(size);
        while words.len() < size.max(1) {
            let syllables = [1, 2, 2, 2, 3, 3, 4][rng.below(7)];
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(ONSETS[rng.below(ONSETS.len())]);
                w.push_str(VOWELS[rng.below(VOWELS.len())]);
            }
            w.push_str(CODAS[rng.below(CODAS.len())]);
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        Vocabulary { words }
    }

    /// A word; rank r is drawn with probability about ∝ 1/r.
    pub fn word(&self, rng: &mut Rng) -> &str {
        let n = self.words.len() as f64;
        let rank = (n.powf(rng.unit()) as usize).saturating_sub(1);
        self.words
            .get(rank.min(self.words.len() - 1))
            .map_or("", String::as_str)
    }
}

/// "word" → "Word".
pub fn capitalised(w: &str) -> String {
    let mut chars = w.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(
            xs,
            (0..5).map(|_| Rng::new(8).next_u64()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn ranges_hold() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!((3..=9).contains(&r.between(3, 9)));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn vocabulary_is_distinct_lowercase_and_skewed() {
        let mut r = Rng::new(3);
        let v = Vocabulary::new(&mut r, 500);
        let set: HashSet<&String> = v.words.iter().collect();
        assert_eq!(set.len(), 500);
        assert!(
            v.words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
        let top = (0..2000).filter(|_| v.word(&mut r) == v.words[0]).count();
        let tail = (0..2000).filter(|_| v.word(&mut r) == v.words[400]).count();
        assert!(top > tail);
        assert_eq!(capitalised("kora"), "Kora");
    }
}
