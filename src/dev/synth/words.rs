//! A made-up vocabulary built from syllables, so the synthetic corpus
//! needs no download and is the same on every machine.

use crate::dev::rng::Rng;
use std::collections::HashSet;

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
        let rank = rng.skewed(self.words.len());
        self.words.get(rank).map_or("", String::as_str)
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
