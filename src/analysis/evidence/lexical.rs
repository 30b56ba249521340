//! Word-level evidence known to separate paraphrases from related
//! sentences: content words one side writes and the other does not (even
//! allowing for another form of the same word), a negation one side has
//! and the other lacks. (The longest common subsequence of the content
//! words was measured too and dropped: it added nothing under
//! cross-validation.)

use crate::analysis::shingle::fnv1a;

/// What one block offers for these signals.
#[derive(Debug, Clone, Default)]
pub struct Lexical {
    /// Hashes of the first letters of each distinct content stem, sorted,
    /// each once: "reopen" and "reopened", "govern" and "government" meet
    /// here.
    prefixes: Vec<u64>,
    /// How many distinct content stems have each prefix (two stems may
    /// share one), to count the stems without a match.
    stems_per_prefix: Vec<u32>,
    /// Distinct content stems.
    stems: usize,
    /// Content words written (repeats counted).
    content_words: usize,
    /// Negation words written ("not", "never", "no" …).
    negations: usize,
}

/// What [`Lexical::compare`] finds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrefixMatch {
    /// Share of the first block's distinct content stems unmatched.
    pub unmatched_self: f64,
    /// The same for the second block.
    pub unmatched_other: f64,
    /// Share of distinct prefixes both write, of those either writes.
    pub jaccard: f64,
}

/// Letters of a stem that decide whether two stems are forms of one word.
const PREFIX_CHARS: usize = 5;

const NEGATIONS: &[&str] = &[
    "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere", "without",
];

/// What a stem is matched by: its word group when it has one ("rose" and
/// "increased" meet), else its first letters ("reopen" and "reopened").
/// The group keys live apart from prefix hashes (a tag byte no word
/// starts with).
fn match_key(stem: &str) -> u64 {
    if let Some(group) = super::synonyms::group_of(stem) {
        let mut key = [0u8; 5];
        key[0] = 0xff;
        key[1..].copy_from_slice(&group.to_le_bytes());
        return fnv1a(&key);
    }
    let end = stem
        .char_indices()
        .nth(PREFIX_CHARS)
        .map_or(stem.len(), |(i, _)| i);
    fnv1a(&stem.as_bytes()[..end])
}

impl Lexical {
    /// From the block's content stems (with their ids) and all its
    /// normalised words.
    pub fn new<'a>(stems: impl Iterator<Item = (u32, &'a str)>, words: &[&str]) -> Lexical {
        let mut content_words = 0;
        let mut stem_prefixes = Vec::with_capacity(stems.size_hint().0);
        let mut seen: Vec<u32> = Vec::with_capacity(stems.size_hint().0);
        for (id, stem) in stems {
            content_words += 1;
            if !seen.contains(&id) {
                seen.push(id);
                stem_prefixes.push(match_key(stem));
            }
        }
        let stems = stem_prefixes.len();
        stem_prefixes.sort_unstable();
        let distinct = stem_prefixes.chunk_by(|a, b| a == b).count();
        let mut prefixes = Vec::with_capacity(distinct);
        let mut stems_per_prefix = Vec::with_capacity(distinct);
        for run in stem_prefixes.chunk_by(|a, b| a == b) {
            prefixes.push(run[0]);
            stems_per_prefix.push(run.len() as u32);
        }
        Lexical {
            prefixes,
            stems_per_prefix,
            stems,
            content_words,
            negations: words.iter().filter(|w| NEGATIONS.contains(w)).count(),
        }
    }

    /// Both blocks' prefixes in one merge: for each side, the share of its
    /// distinct content stems that have no stem of the same first letters
    /// in the other (0 when it has none), and the share of distinct
    /// prefixes both write of those either writes.
    pub fn compare(&self, other: &Lexical) -> PrefixMatch {
        let (mut i, mut j) = (0, 0);
        let (mut shared, mut matched_self, mut matched_other) = (0usize, 0usize, 0usize);
        let (a, b) = (&self.prefixes, &other.prefixes);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    matched_self += self.stems_per_prefix[i] as usize;
                    matched_other += other.stems_per_prefix[j] as usize;
                    i += 1;
                    j += 1;
                }
            }
        }
        let unmatched = |stems: usize, matched: usize| {
            if stems == 0 {
                0.0
            } else {
                (stems - matched) as f64 / stems as f64
            }
        };
        let union = a.len() + b.len() - shared;
        PrefixMatch {
            unmatched_self: unmatched(self.stems, matched_self),
            unmatched_other: unmatched(other.stems, matched_other),
            jaccard: if union == 0 {
                0.0
            } else {
                shared as f64 / union as f64
            },
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
    fn prefixes_are_allocated_once_at_their_size() {
        let l = lex(&["renew", "renewed", "quay", "harbour", "quay"]);
        assert_eq!(l.prefixes.len(), 3);
        assert_eq!(l.prefixes.capacity(), 3);
        assert_eq!(l.stems_per_prefix.capacity(), 3);
    }

    #[test]
    fn other_forms_of_a_word_are_matched_and_negation_is_seen() {
        let a = lex(&["renew", "bridg", "council"]);
        let b = lex(&["renewed", "bridg", "mayor", "not"]);
        let m = a.compare(&b);
        assert_eq!(m.unmatched_self, 1.0 / 3.0, "council only");
        assert_eq!(m.unmatched_other, 0.5, "mayor and not");
        assert_eq!(m.jaccard, 2.0 / 5.0, "renew, bridg of five");
        assert!(a.negation_mismatch(&b));
        assert!(!a.negation_mismatch(&a));
    }

    #[test]
    fn words_put_for_one_another_are_matched() {
        // Stems as the profile gives them: "rose" and "increased".
        let a = lex(&["rose", "bridg", "toll"]);
        let b = lex(&["increas", "bridg", "toll"]);
        let m = a.compare(&b);
        assert_eq!((m.unmatched_self, m.unmatched_other), (0.0, 0.0));
        let c = lex(&["fell", "bridg", "toll"]);
        assert_eq!(a.compare(&c).unmatched_self, 1.0 / 3.0, "rose is not fell");
    }

    /// The measures as they were taken: a binary search per stem, a merge
    /// for the Jaccard.
    fn by_search(x: &[&str], y: &[&str]) -> PrefixMatch {
        let prefixes = |stems: &[&str]| -> Vec<u64> {
            let mut seen: Vec<&str> = Vec::new();
            stems
                .iter()
                .filter(|s| {
                    let new = !seen.contains(s);
                    seen.push(s);
                    new
                })
                .map(|s| match_key(s))
                .collect()
        };
        let (px, py) = (prefixes(x), prefixes(y));
        let sorted = |p: &[u64]| {
            let mut p = p.to_vec();
            p.sort_unstable();
            p.dedup();
            p
        };
        let (sx, sy) = (sorted(&px), sorted(&py));
        let unmatched = |p: &[u64], other: &[u64]| {
            if p.is_empty() {
                return 0.0;
            }
            let missing = p.iter().filter(|h| other.binary_search(h).is_err());
            missing.count() as f64 / p.len() as f64
        };
        let shared = crate::analysis::shingle::overlap(&sx, &sy);
        let union = sx.len() + sy.len() - shared;
        PrefixMatch {
            unmatched_self: unmatched(&px, &sy),
            unmatched_other: unmatched(&py, &sx),
            jaccard: if union == 0 {
                0.0
            } else {
                shared as f64 / union as f64
            },
        }
    }

    #[test]
    fn one_merge_gives_what_a_search_per_stem_gave() {
        let mut rng = crate::dev::rng::Rng::new(9);
        let pool = [
            "renew", "renewed", "bridg", "bridge", "council", "counsel", "mayor", "may",
            "governor", "govern", "a1", "zz",
        ];
        for _ in 0..500 {
            let mut pick = || -> Vec<&str> {
                let n = rng.below(9);
                (0..n).map(|_| pool[rng.below(pool.len())]).collect()
            };
            let (x, y) = (pick(), pick());
            assert_eq!(lex(&x).compare(&lex(&y)), by_search(&x, &y), "{x:?} {y:?}");
        }
    }
}
