//! The corpus vocabulary seen by the topic builder: each distinct
//! lower-cased word is stemmed once and remembers how often it was written
//! in lower case and how often capitalised in mid-sentence (what tells a
//! name from a common word). A small fast hasher keeps the lookups cheap on
//! large corpora.

pub use super::hashing::{FastHasher, FastMap};
use super::hashing::{HashedMap, load, lower_hash};
use super::scan::{Gap, is_capitalised, is_lowercase_start};
use crate::analysis::text;

/// A term id (an index into `Vocab::terms`); `NO_TERM` for words that are
/// not terms (stop words, one letter, bare numbers).
pub type TermId = u32;
pub const NO_TERM: TermId = u32::MAX;

#[derive(Debug, Clone, Copy)]
pub struct WordInfo {
    pub term: TermId,
    /// Written starting with a lower-case letter.
    pub lower: u32,
    /// Written capitalised, not at a sentence start, outside headings.
    pub capital_mid: u32,
}

/// A word is known by a 64-bit hash of its lower-case form: a lookup
/// hashes and compares one integer instead of a string. Two words would
/// have to collide in 64 bits to be mixed up (odds of about one in ten
/// million for a million distinct words), and the cost of that would be
/// one odd topic label.
#[derive(Debug, Default)]
pub struct Vocab {
    words: HashedMap<u32>,
    /// Lower-case spelling by word id (for merging vocabularies).
    spellings: Vec<Box<str>>,
    pub word_info: Vec<WordInfo>,
    stems: FastMap<Box<str>, TermId>,
    /// Per term: (lower-case uses, capitalised mid-sentence uses) summed
    /// over its words; filled by `finish_case_counts`.
    pub term_case: Vec<(u32, u32)>,
    buf: String,
    /// Words met lately, exactly as written (up to eight bytes), with
    /// their ids: running text repeats its words, and an exact match skips
    /// lowering and hashing. Empty until the first word and after reading.
    recent: Vec<Recent>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Recent {
    bytes: u64,
    /// 0: an empty slot.
    len: u32,
    id: u32,
}

const RECENT_BITS: u32 = 12;

fn recent_slot(bytes: u64) -> usize {
    (bytes.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - RECENT_BITS)) as usize
}

fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

impl Vocab {
    /// The word's index in `word_info`, adding it on first sight.
    #[inline]
    pub fn word_id(&mut self, word: &str) -> u32 {
        let b = word.as_bytes();
        if !(1..=8).contains(&b.len()) {
            return self.lookup(word);
        }
        let (bytes, len) = (load(b), b.len() as u32);
        let slot = recent_slot(bytes);
        if let Some(r) = self.recent.get(slot)
            && r.bytes == bytes
            && r.len == len
        {
            return r.id;
        }
        let id = self.lookup(word);
        if self.recent.is_empty() {
            self.recent = vec![Recent::default(); 1 << RECENT_BITS];
        }
        if let Some(r) = self.recent.get_mut(slot) {
            *r = Recent { bytes, len, id };
        }
        id
    }

    /// `word_id` by the word's lower-case hash.
    #[inline]
    fn lookup(&mut self, word: &str) -> u32 {
        let h = lower_hash(word, &mut self.buf);
        match self.words.get(&h) {
            Some(&id) => id,
            None => self.add_word(word, h),
        }
    }

    /// A word seen for the first time (`h`: its `lower_hash`): stemmed
    /// once, given the next id.
    #[cold]
    fn add_word(&mut self, word: &str, h: u64) -> u32 {
        let lower = lowercase(word);
        let term = if is_term_word(&lower) {
            let stem = text::stem(&lower);
            let next = u32::try_from(self.stems.len()).unwrap_or(NO_TERM - 1);
            *self.stems.entry(stem.into_boxed_str()).or_insert(next)
        } else {
            NO_TERM
        };
        let id = u32::try_from(self.word_info.len()).unwrap_or(u32::MAX);
        self.word_info.push(WordInfo {
            term,
            lower: 0,
            capital_mid: 0,
        });
        self.spellings.push(lower.into_boxed_str());
        self.words.insert(h, id);
        id
    }

    /// Look a word up without adding it.
    pub fn find(&self, word: &str) -> Option<&WordInfo> {
        let h = lower_hash(word, &mut String::new());
        self.words
            .get(&h)
            .and_then(|&id| self.word_info.get(id as usize))
    }

    /// The term a word (any form of it) stems to, if the corpus has it.
    pub fn term_of(&self, word: &str) -> Option<TermId> {
        let lower = lowercase(word);
        if !is_term_word(&lower) {
            return None;
        }
        self.stems.get(text::stem(&lower).as_str()).copied()
    }

    /// Distinct terms (stems).
    pub fn terms(&self) -> usize {
        self.stems.len()
    }

    /// Each stem with its term id, in no particular order. Ids number the
    /// stems in order of first use in the text read.
    pub fn stems(&self) -> impl Iterator<Item = (&str, TermId)> + '_ {
        self.stems.iter().map(|(s, &t)| (&**s, t))
    }

    /// Count how the word `surface` (after a gap `gap`) was written
    /// (outside headings only: their title case says nothing).
    #[inline]
    pub fn note_case(&mut self, id: u32, surface: &str, gap: Gap, in_heading: bool) {
        let Some(info) = self.word_info.get_mut(id as usize) else {
            return;
        };
        if is_lowercase_start(surface) {
            info.lower += 1;
        } else if !in_heading && !gap.starts_sentence() && is_capitalised(surface) {
            info.capital_mid += 1;
        }
    }

    /// Take in another part of the corpus's vocabulary (read after this
    /// one): its new words and stems get the next ids, in its own order,
    /// exactly as reading on would have given them. Returns the new id of
    /// each of `other`'s terms.
    pub fn absorb(&mut self, other: Vocab) -> Vec<TermId> {
        let mut stems: Vec<(TermId, Box<str>)> =
            other.stems.into_iter().map(|(s, t)| (t, s)).collect();
        stems.sort_unstable_by_key(|&(t, _)| t);
        let mut remap = vec![NO_TERM; stems.len()];
        for (t, stem) in stems {
            let next = u32::try_from(self.stems.len()).unwrap_or(NO_TERM - 1);
            let id = *self.stems.entry(stem).or_insert(next);
            if let Some(r) = remap.get_mut(t as usize) {
                *r = id;
            }
        }
        for (id, word) in other.spellings.into_iter().enumerate() {
            let Some(info) = other.word_info.get(id) else {
                continue;
            };
            let h = lower_hash(&word, &mut self.buf);
            let mine = match self.words.get(&h) {
                Some(&mine) => mine,
                None => {
                    let mine = u32::try_from(self.word_info.len()).unwrap_or(u32::MAX);
                    self.word_info.push(WordInfo {
                        term: remap.get(info.term as usize).copied().unwrap_or(NO_TERM),
                        lower: 0,
                        capital_mid: 0,
                    });
                    self.spellings.push(word);
                    self.words.insert(h, mine);
                    mine
                }
            };
            if let Some(w) = self.word_info.get_mut(mine as usize) {
                w.lower += info.lower;
                w.capital_mid += info.capital_mid;
            }
        }
        remap
    }

    /// Sum the case counts of words into their terms.
    pub fn finish_case_counts(&mut self) {
        self.recent = Vec::new();
        self.term_case = vec![(0, 0); self.stems.len()];
        for w in &self.word_info {
            if let Some(c) = self.term_case.get_mut(w.term as usize) {
                c.0 += w.lower;
                c.1 += w.capital_mid;
            }
        }
    }

    /// The term is mostly written capitalised mid-sentence: a name's word,
    /// left to the name topics.
    pub fn term_is_name_like(&self, term: TermId) -> bool {
        self.term_case
            .get(term as usize)
            .is_some_and(|&(lower, capital)| capital > lower)
    }
}

/// The filter of `text::terms`: no stop words, one-letter words or bare
/// numbers.
fn is_term_word(lower: &str) -> bool {
    lower.chars().count() > 1
        && !text::is_stop_word(lower)
        && !lower.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    #[test]
    fn terms_agree_with_the_shared_term_function() {
        let t = "The Leaders were negotiating SANCTIONS in 2025, a ‘security’ guarantee";
        let mut v = Vocab::default();
        let mut words = Vec::new();
        scan(t, &mut words);
        let mut kept = 0;
        for w in &words {
            let id = v.word_id(w.text(t));
            let is_term = v.word_info[id as usize].term != NO_TERM;
            assert_eq!(is_term, !text::terms(w.text(t)).is_empty(), "{}", w.text(t));
            kept += usize::from(is_term);
        }
        assert_eq!(kept, text::terms(t).len());
        assert_eq!(v.word_id("leaders"), v.word_id("Leaders"));
        assert_eq!(v.word_id("İSTANBUL"), v.word_id("i̇stanbul"));
        assert_eq!(v.word_id("\u{212a}ilo"), v.word_id("kilo"), "Kelvin sign");
        assert_ne!(v.word_id("kilo"), v.word_id("kilos"));
        // Met again (from the recent words or not), a word keeps its id.
        let words = [
            "Kilo",
            "kilo",
            "KILO",
            "ab",
            "a\0",
            "a",
            "longerword",
            "café",
            "Café",
        ];
        let first: Vec<u32> = words.iter().map(|w| v.word_id(w)).collect();
        for _ in 0..3 {
            let again: Vec<u32> = words.iter().map(|w| v.word_id(w)).collect();
            assert_eq!(again, first);
        }
        assert_eq!((first[0], first[1]), (first[2], first[2]));
        assert_ne!(first[4], first[5]);
        assert_eq!(first[7], first[8]);
    }

    #[test]
    fn case_counts_tell_names_from_words() {
        let t = "talks in Anchorage. Sanctions and sanctions near Anchorage";
        let mut v = Vocab::default();
        let mut words = Vec::new();
        scan(t, &mut words);
        for w in &words {
            let id = v.word_id(w.text(t));
            v.note_case(id, w.text(t), w.gap, false);
        }
        v.finish_case_counts();
        let term = |v: &mut Vocab, s: &str| {
            let id = v.word_id(s);
            v.word_info[id as usize].term
        };
        let anchorage = term(&mut v, "anchorage");
        let sanctions = term(&mut v, "sanctions");
        assert!(v.term_is_name_like(anchorage));
        assert!(!v.term_is_name_like(sanctions));
    }
}
