//! How a term is used, from its occurrences: what it says alone or only
//! with its neighbours. A term topic is a thing a reader looks up, and the
//! text shows when a word is rather a part of something else:
//!
//! - a **modifier**, written mostly right before another content word
//!   ("verifiable" in "verifiable steps", "long-term" in "long-term
//!   peace"): the phrases it begins are the topics;
//! - a **head** whose modifiers carry the meaning, written mostly right
//!   after another content word that is not a name ("steps" in "verifiable
//!   steps", "incremental steps", "next steps"; "program" in "nuclear
//!   program"). After a name it stays a topic of its own: "meeting" in
//!   "the Putin Trump meeting" is the meeting;
//! - a **verb**, written right after "to", a modal or "not", right before
//!   a determiner ("test the limits"), or inflected in "-ed" ("tested",
//!   "filed"): news topics are things, and the things done are in the
//!   phrases;
//! - an **adjective** by its English ending ("credible", "dangerous",
//!   "careful"), with nothing after it to tell: scored as a modifier.
//!
//! Each lowers the term's score (`Usage::factor`); none removes it, so a
//! word that is all of these a little keeps most of its rank. There is no
//! table of general English word frequencies behind this: the one Rust
//! port of such a table on crates.io fetches its data from elsewhere at
//! build time, and what the corpus itself shows is enough for these cases.

use super::stream::TermStream;
use super::vocab::Vocab;

/// Function words that a verb follows: the infinitive's "to", modals,
/// negation.
const BEFORE_VERBS: &[&str] = &[
    "can", "cannot", "could", "may", "might", "must", "not", "shall", "should", "to", "will",
    "would",
];
/// Determiners, which a transitive verb is followed by and a noun is not.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "our", "the", "their", "these", "this", "those",
];
/// Endings that make an adjective and (almost) never a noun.
const ADJECTIVE_ENDINGS: &[&str] = &["ible", "able", "ous", "ful", "less"];
/// What a word that is always a modifier keeps of its score.
const FLOOR: f32 = 0.2;
/// Occurrences of a word whose text is read for verb places, as many as
/// the spellings tallied for its label.
const SAMPLES: u32 = 64;

/// Counts over a term's occurrences.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    uses: u32,
    /// Right before another content word.
    before: u32,
    /// Right after another content word that is not a name.
    after: u32,
    /// Occurrences of the word alone whose text was read, and of them:
    sampled: u32,
    /// in a verb's place,
    verb: u32,
    /// written with an "-ed" ending.
    ed: u32,
}

impl Usage {
    /// Count the occurrence of `len` terms at `i` of a block's stream slice
    /// `ids`.
    pub fn count(&mut self, vocab: &Vocab, ids: &[u32], i: usize, len: usize) {
        self.uses += 1;
        if ids.get(i + len).copied().is_some_and(TermStream::continues) {
            self.before += 1;
        }
        let joined = i > 0 && ids.get(i).copied().is_some_and(TermStream::continues);
        if len == 1 && joined && !vocab.term_is_name_like(TermStream::term(ids[i - 1])) {
            self.after += 1;
        }
    }

    /// The text of this occurrence (of `len` terms) is wanted: a word
    /// alone, not yet sampled enough.
    pub fn wants_sample(&self, len: usize) -> bool {
        len == 1 && self.sampled < SAMPLES
    }

    /// Read one occurrence of the word alone as written.
    pub fn sample(&mut self, written: Written) {
        self.sampled += 1;
        if written.surface.ends_with("ed") {
            self.ed += 1;
        }
        if written.in_verb_place() {
            self.verb += 1;
        }
    }

    /// What the term keeps of its score, given its label.
    pub fn factor(&self, label: &str) -> f32 {
        if self.uses == 0 {
            return 1.0;
        }
        let share = |n: u32, of: u32| n as f32 / of.max(1) as f32;
        let single = !label.contains([' ', '-']);
        // A label in "-ed" is the word itself ("need", "hundred").
        let ed = if label.ends_with("ed") { 0 } else { self.ed };
        let mut factor = falling(share(self.before, self.uses), 0.5, 1.6)
            * falling(share(self.after, self.uses), 0.5, 1.6)
            * falling(share(self.verb + ed, self.sampled), 0.25, 2.0);
        if single && is_adjective_form(label) {
            factor = factor.min(FLOOR);
        }
        factor
    }
}

/// 1 up to `from`, then falling by `slope` per unit of share, never below
/// `FLOOR`.
fn falling(share: f32, from: f32, slope: f32) -> f32 {
    (1.0 - slope * (share - from).max(0.0)).max(FLOOR)
}

/// A word that English word formation marks as an adjective ("credible",
/// "dangerous"), with enough of a stem before the ending ("table" is no
/// adjective).
fn is_adjective_form(word: &str) -> bool {
    let lower = word.to_lowercase();
    ADJECTIVE_ENDINGS.iter().any(|e| {
        lower
            .strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3)
    })
}

/// One occurrence as written: its text and the text around it.
#[derive(Debug, Clone, Copy)]
pub struct Written<'t> {
    pub surface: &'t str,
    /// The block's text before and after the surface.
    pub before: &'t str,
    pub after: &'t str,
}

impl<'t> Written<'t> {
    /// `surface`, a slice of `text`, with what surrounds it.
    pub fn of(text: &'t str, surface: &'t str) -> Written<'t> {
        let start = (surface.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let end = start + surface.len();
        Written {
            surface,
            before: text.get(..start).unwrap_or(""),
            after: text.get(end..).unwrap_or(""),
        }
    }

    /// Right after a verb marker or right before a determiner, with only a
    /// space between.
    fn in_verb_place(&self) -> bool {
        let previous = self.before.strip_suffix(' ');
        let next = self.after.strip_prefix(' ');
        previous.is_some_and(|b| word_is(b, true, BEFORE_VERBS))
            || next.is_some_and(|a| word_is(a, false, DETERMINERS))
    }
}

/// The longest word of `BEFORE_VERBS` and `DETERMINERS`.
const LONGEST_LISTED: usize = 6;

/// The word that ends `text` (`last`) or begins it is in `list`, in any
/// case. ASCII is read byte by byte and no further than a listed word
/// could reach; text with other characters near the word by character.
fn word_is(text: &str, last: bool, list: &[&str]) -> bool {
    let bytes = text.as_bytes();
    let at = |k: usize| {
        if last {
            bytes[bytes.len() - 1 - k]
        } else {
            bytes[k]
        }
    };
    let mut len = 0;
    while len < bytes.len() && at(len).is_ascii_alphanumeric() {
        len += 1;
        if len > LONGEST_LISTED {
            return false;
        }
    }
    if len < bytes.len() && !at(len).is_ascii() {
        let not_alnum = |c: char| !c.is_alphanumeric();
        let word = if last {
            text.rsplit(not_alnum).next()
        } else {
            text.split(not_alnum).next()
        };
        return word.is_some_and(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)));
    }
    let word = if last {
        &bytes[bytes.len() - len..]
    } else {
        &bytes[..len]
    };
    list.iter().any(|l| l.as_bytes().eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written<'t>(text: &'t str, word: &str) -> Written<'t> {
        let at = text.find(word).expect("word in text");
        Written::of(text, &text[at..at + word.len()])
    }

    #[test]
    fn verb_places_are_after_markers_and_before_determiners() {
        assert!(written("a chance to test trust", "test").in_verb_place());
        assert!(written("powers test the limits", "test").in_verb_place());
        assert!(written("they may not test it", "test").in_verb_place());
        assert!(!written("the real test lies ahead", "test").in_verb_place());
        assert!(!written("a test, the first", "test").in_verb_place());
        assert!(!written("To test", "To").in_verb_place());
        assert!(written("we will not test", "test").in_verb_place());
        assert!(written("zu–to test", "test").in_verb_place());
        assert!(!written("tomato test", "test").in_verb_place());
        assert!(!written("étoto test", "test").in_verb_place());
        assert!(written("test THE plan", "test").in_verb_place());
        assert!(!written("test theirs", "test").in_verb_place());
        assert!(!written("test théir", "test").in_verb_place());
        assert!(written("test the", "test").in_verb_place());
        let listed = BEFORE_VERBS.iter().chain(DETERMINERS);
        assert!(listed.clone().all(|w| w.len() <= LONGEST_LISTED));
    }

    #[test]
    fn each_kind_of_use_lowers_the_factor() {
        let plain = Usage {
            uses: 10,
            ..Usage::default()
        };
        assert_eq!(plain.factor("summit"), 1.0);
        let head = Usage {
            uses: 10,
            after: 10,
            ..Usage::default()
        };
        assert!(head.factor("steps") <= FLOOR);
        let verb = Usage {
            uses: 10,
            sampled: 10,
            verb: 3,
            ed: 2,
            ..Usage::default()
        };
        assert!(verb.factor("test") < 0.6, "{}", verb.factor("test"));
        assert!(verb.factor("need") > verb.factor("test"));
        assert!(plain.factor("credible") <= FLOOR);
        assert_eq!(plain.factor("table"), 1.0);
    }
}
