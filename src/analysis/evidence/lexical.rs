//! Word-level evidence known to separate paraphrases from related
//! sentences: content words one side writes and the other does not (even
//! allowing for another form of the same word), a negation one side has
//! and the other lacks. (The longest common subsequence of the content
//! words was measured too and dropped: it added nothing under
//! cross-validation.)

use crate::analysis::shingle::{fnv1a, jaccard_of};

/// What one block offers for these signals.
#[derive(Debug, Clone, Default)]
pub struct Lexical {
    /// Dense ids (`set_ids`) of the match keys ([`match_key`]) of its
    /// distinct content stems, sorted, each once: "reopen" and
    /// "reopened", "govern" and "government" meet here.
    prefixes: Vec<u32>,
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

/// One block's prefixes laid out by id (its stems per prefix, 0 for
/// prefixes it lacks), to compare it with many blocks without a merge
/// each time.
#[derive(Debug, Clone, Default)]
pub struct PrefixCounts(Vec<u32>);

impl PrefixCounts {
    pub fn of(l: &Lexical) -> PrefixCounts {
        let mut counts = PrefixCounts::default();
        counts.mark(l);
        counts
    }

    /// Lay out `l`'s prefixes (the counts must be empty).
    pub fn mark(&mut self, l: &Lexical) {
        let len = l.prefixes.last().map_or(0, |&p| p as usize + 1);
        if self.0.len() < len {
            self.0.resize(len, 0);
        }
        for (&p, &n) in l.prefixes.iter().zip(&l.stems_per_prefix) {
            self.0[p as usize] = n;
        }
    }

    /// Empty them again, keeping the memory.
    pub fn unmark(&mut self, l: &Lexical) {
        for &p in &l.prefixes {
            self.0[p as usize] = 0;
        }
    }
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

/// Whether a text negates ("not", "never", "hasn't"), counted as
/// [`Lexical`] counts its block's negations.
pub fn text_negates(text: &str) -> bool {
    crate::analysis::tokens::token_texts(text).any(|w| NEGATIONS.contains(&w.as_str()))
}

/// What a stem is matched by: its word group when it has one ("rose" and
/// "increased" meet), else its first letters ("reopen" and "reopened").
/// The group keys live apart from prefix hashes (a tag byte no word
/// starts with). The profiles take it once per distinct stem.
pub fn match_key(stem: &str) -> u64 {
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
    /// From the block's content stems in order, each as (its term id, the
    /// dense id of its [`match_key`]), and all its normalised words.
    pub fn new(stems: impl Iterator<Item = (u32, u32)>, words: &[&str]) -> Lexical {
        let mut content_words = 0;
        let mut stem_prefixes = Vec::with_capacity(stems.size_hint().0);
        let mut seen: Vec<u32> = Vec::with_capacity(stems.size_hint().0);
        for (id, prefix) in stems {
            content_words += 1;
            if !seen.contains(&id) {
                seen.push(id);
                stem_prefixes.push(prefix);
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

    /// [`Lexical::compare_counted`] with this block's prefixes laid out
    /// on the spot.
    pub fn compare(&self, other: &Lexical) -> PrefixMatch {
        self.compare_counted(&PrefixCounts::of(self), other)
    }

    /// For each side, the share of its distinct content stems that have
    /// no stem of the same first letters in the other (0 when it has
    /// none), and the share of distinct prefixes both write of those
    /// either writes. `mine` is `PrefixCounts::of(self)`: one look-up per
    /// prefix of `other`.
    pub fn compare_counted(&self, mine: &PrefixCounts, other: &Lexical) -> PrefixMatch {
        let (mut shared, mut matched_self, mut matched_other) = (0usize, 0usize, 0usize);
        for (&p, &theirs) in other.prefixes.iter().zip(&other.stems_per_prefix) {
            let ours = mine.0.get(p as usize).copied().unwrap_or(0) as usize;
            if ours > 0 {
                shared += 1;
                matched_self += ours;
                matched_other += theirs as usize;
            }
        }
        let unmatched = |stems: usize, matched: usize| {
            if stems == 0 {
                0.0
            } else {
                (stems - matched) as f64 / stems as f64
            }
        };
        PrefixMatch {
            unmatched_self: unmatched(self.stems, matched_self),
            unmatched_other: unmatched(other.stems, matched_other),
            jaccard: jaccard_of(shared, self.prefixes.len(), other.prefixes.len()),
        }
    }

    pub fn content_words(&self) -> usize {
        self.content_words
    }

    /// Whether the block negates ("not", "never").
    pub fn negates(&self) -> bool {
        self.negations > 0
    }

    /// One block negates and the other does not.
    pub fn negation_mismatch(&self, other: &Lexical) -> bool {
        (self.negations == 0) != (other.negations == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::evidence::set_ids::SetIds;

    /// A block of these stems, its prefix ids from one numbering shared
    /// by every block of a test.
    fn lex(stems: &[&str]) -> Lexical {
        thread_local! {
            static IDS: std::cell::RefCell<SetIds> = Default::default();
        }
        let ids: Vec<(u32, u32)> = stems
            .iter()
            .map(|s| {
                let prefix = IDS.with(|ids| ids.borrow_mut().id(match_key(s)));
                (fnv1a(s.as_bytes()) as u32 % 1000, prefix)
            })
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
