//! Content terms of block text as interned ids, computed the way
//! `text::terms` does but with each distinct spelling stemmed only once.

use crate::analysis::text;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Surface word → term ids, so each distinct spelling is lower-cased,
/// filtered and stemmed once however often it occurs. Words are keyed by a
/// 64-bit hash of their ASCII-lower-cased bytes rather than by the string:
/// no allocation per word and no string compare on a hit. Two words
/// colliding (odds about 1 in 30 million for a million distinct words) would
/// only share terms, which skews one similarity slightly; nothing breaks.
#[derive(Default)]
pub(super) struct TermCache {
    /// Word key → its term id, or [`NO_TERM`] for stop words and numbers.
    words: HashMap<u64, u32, BuildHasherDefault<Mix>>,
    stems: StemIds,
}

/// Stem → term id.
pub(super) type StemIds = HashMap<String, u32, BuildHasherDefault<Mix>>;

/// Cached for words that give no term.
const NO_TERM: u32 = u32::MAX;

impl TermCache {
    /// Append the term ids of `text` to `out`, in order. Same terms as
    /// `text::terms(text)`, which works on the same alphanumeric runs (one
    /// run gives at most one term).
    pub fn ids_of(&mut self, text: &str, out: &mut Vec<u32>) {
        for word in alphanumeric_runs(text) {
            let key = word_key(word);
            let id = match self.words.get(&key) {
                Some(&id) => id,
                None => self.learn(key, word),
            };
            if id != NO_TERM {
                out.push(id);
            }
        }
    }

    fn learn(&mut self, key: u64, word: &str) -> u32 {
        let next = self.stems.len();
        // Ids stop short of NO_TERM; past 4 billion stems new ones are ignored.
        let id = match (term_of_run(word), u32::try_from(next)) {
            (Some(stem), Ok(next)) if next != NO_TERM => *self.stems.entry(stem).or_insert(next),
            _ => NO_TERM,
        };
        self.words.insert(key, id);
        id
    }

    /// The stem → id table, without the per-spelling cache.
    pub fn into_stems(self) -> StemIds {
        self.stems
    }
}

/// `text::terms` of one alphanumeric run, without its allocations: the run
/// is already one word, so it yields at most one term.
fn term_of_run(run: &str) -> Option<String> {
    let lower = run.to_lowercase();
    let keep = lower.chars().nth(1).is_some()
        && !text::is_stop_word(&lower)
        && !lower.chars().all(|c| c.is_ascii_digit());
    keep.then(|| text::stem(&lower))
}

/// FNV-1a over the word's bytes with ASCII letters lower-cased, so "The"
/// and "the" share an entry. (Terms are lower-cased before stemming, and
/// changing ASCII case never changes how other characters lower-case, so
/// words sharing a key always have the same terms.)
fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The maximal alphanumeric runs of `text` (what `text::words` splits on).
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Hasher for keys that are already hashes: one multiply to spread the
/// bits the table indexes by.
#[derive(Default)]
pub(super) struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n ^ (n >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_terms_equal_text_terms() {
        let mut cache = TermCache::default();
        let sample = "The İstanbul talks, the TALKS and 2025's talks—Négociations NÉGOCIATIONS élargies 日本語 ΣΟΦΟΣ σοφος";
        let mut ids = Vec::new();
        cache.ids_of(sample, &mut ids);
        cache.ids_of(sample, &mut ids);
        let mut names: Vec<String> = vec![String::new(); cache.stems.len()];
        for (stem, &id) in &cache.stems {
            names[id as usize] = stem.clone();
        }
        let got: Vec<&str> = ids.iter().map(|&i| names[i as usize].as_str()).collect();
        let want = text::terms(sample);
        let twice: Vec<&str> = want.iter().chain(&want).map(String::as_str).collect();
        assert_eq!(got, twice);
    }
}
