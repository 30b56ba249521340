//! Word-level evidence known to separate paraphrases from related
//! sentences: content words one side writes and the other does not (even
//! allowing for another form of the same word), a negation one side has
//! and the other lacks. (The longest common subsequence of the content
//! words was measured too and dropped: it added nothing under
//! cross-validation.)

use crate::analysis::shingle::{fnv1a, overlap};

/// What one block offers for these signals.
#[derive(Debug, Clone, Default)]
pub struct Lexical {
    /// Hashes of the first letters of each distinct content stem, sorted:
    /// "reopen" and "reopened", "govern" and "government" meet here.
    prefixes: Vec<u64>,
    /// The prefix hash of each distinct content stem (two stems may share
    /// one), to count the stems without a match.
    stem_prefixes: Vec<u64>,
    /// Content words written (repeats counted).
    content_words: usize,
    /// Negation words written ("not", "never", "no" …).
    negations: usize,
}

/// Letters of a stem that decide whether two stems are forms of one word.
const PREFIX_CHARS: usize = 5;

const NEGATIONS: &[&str] = &[
    "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere", "without",
];

impl Lexical {
    /// From the block's content stems (with their ids) and all its
    /// normalised words.
    pub fn new<'a>(stems: impl Iterator<Item = (u32, &'a str)>, words: &[&str]) -> Lexical {
        let mut content_words = 0;
        let mut stem_prefixes = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for (id, stem) in stems {
            content_words += 1;
            if !seen.contains(&id) {
                seen.push(id);
                let end = stem
                    .char_indices()
                    .nth(PREFIX_CHARS)
                    .map_or(stem.len(), |(i, _)| i);
                stem_prefixes.push(fnv1a(&stem.as_bytes()[..end]));
            }
        }
        let mut prefixes = stem_prefixes.clone();
        prefixes.sort_unstable();
        prefixes.dedup();
        Lexical {
            prefixes,
            stem_prefixes,
            content_words,
            negations: words.iter().filter(|w| NEGATIONS.contains(w)).count(),
        }
    }

    /// Share of this block's distinct content stems that have no stem of
    /// the same first letters in `other` (0 when it has none).
    pub fn unmatched_in(&self, other: &Lexical) -> f64 {
        if self.stem_prefixes.is_empty() {
            return 0.0;
        }
        let missing = self
            .stem_prefixes
            .iter()
            .filter(|p| other.prefixes.binary_search(p).is_err())
            .count();
        missing as f64 / self.stem_prefixes.len() as f64
    }

    /// Share of distinct prefixes both write, of those either writes.
    pub fn prefix_jaccard(&self, other: &Lexical) -> f64 {
        let shared = overlap(&self.prefixes, &other.prefixes);
        let union = self.prefixes.len() + other.prefixes.len() - shared;
        if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        }
    }

    pub fn content_words(&self) -> usize {
        self.content_words
    }

    /// One block negates and the other does not.
    pub fn negation_mismatch(&self, other: &Lexical) -> bool {
        (self.negations == 0) != (other.negations == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(stems: &[&str]) -> Lexical {
        let ids: Vec<(u32, &str)> = stems
            .iter()
            .map(|s| (fnv1a(s.as_bytes()) as u32 % 1000, *s))
            .collect();
        Lexical::new(ids.into_iter(), stems)
    }

    #[test]
    fn other_forms_of_a_word_are_matched_and_negation_is_seen() {
        let a = lex(&["reopen", "bridg", "council"]);
        let b = lex(&["reopened", "bridg", "mayor", "not"]);
        assert_eq!(a.unmatched_in(&b), 1.0 / 3.0, "council only");
        assert_eq!(b.unmatched_in(&a), 0.5, "mayor and not");
        assert!(a.negation_mismatch(&b));
        assert!(!a.negation_mismatch(&a));
    }
}
