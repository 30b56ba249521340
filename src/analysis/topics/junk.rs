//! Words that never make a term topic on their own: the verbs news uses to
//! report speech ("said", "told", "according") and the generic words of
//! any story ("come", "including", "people", "year"). The shared stop-word
//! list (`text::STOP_WORDS`) already drops function words; this is the
//! floor under the term ranking, for words frequent in every kind of news
//! but about nothing in particular. A phrase with a reporting verb in it
//! is no topic either ("told reporters", "Trump said"); a phrase of
//! generic words only goes too ("come back", "last year"), one with a
//! content word stays ("long-term", "next steps").
//!
//! A role alone is no topic either: the titles that stand before names
//! ("leader", "president", "minister", `titles`) name the people the name
//! topics are about ("the two leaders"), so they count as generic words
//! here; with a content word they stay ("European leaders").
//!
//! Words are matched by stem, so listing a base form covers its
//! inflections ("include" also "including", "includes"); irregular forms
//! are listed.

use super::titles::titles;
use super::vocab::{TermId, Vocab};

/// Verbs of reporting speech, and "according".
const REPORTING: &[&str] = &[
    "according",
    "acknowledged",
    "add",
    "added",
    "announce",
    "announced",
    "answer",
    "argue",
    "ask",
    "asked",
    "claimed",
    "comment",
    "commented",
    "confirm",
    "confirmed",
    "declare",
    "declared",
    "describe",
    "described",
    "explain",
    "explained",
    "insist",
    "insisted",
    "mention",
    "mentioned",
    "note",
    "noted",
    "quote",
    "quoted",
    "recall",
    "recalled",
    "remark",
    "repeated",
    "replied",
    "reply",
    "respond",
    "responded",
    "said",
    "say",
    "says",
    "speak",
    "spoke",
    "stress",
    "stressed",
    "suggest",
    "suggested",
    "tell",
    "tells",
    "told",
    "tweet",
    "tweeted",
    "warn",
    "warned",
    "write",
    "wrote",
];

/// Generic words of news text.
const GENERIC: &[&str] = &[
    "able",
    "actually",
    "afternoon",
    "ago",
    "allow",
    "already",
    "appear",
    "area",
    "away",
    "back",
    "bad",
    "became",
    "become",
    "began",
    "begin",
    "big",
    "bring",
    "brought",
    "came",
    "certain",
    "come",
    "consider",
    "continue",
    "currently",
    "day",
    "days",
    "despite",
    "dozen",
    "earlier",
    "early",
    "eight",
    "either",
    "else",
    "end",
    "enough",
    "even",
    "evening",
    "ever",
    "expect",
    "fact",
    "far",
    "find",
    "first",
    "five",
    "follow",
    "former",
    "found",
    "four",
    "gave",
    "get",
    "give",
    "given",
    "go",
    "goes",
    "going",
    "gone",
    "good",
    "got",
    "great",
    "happen",
    "held",
    "help",
    "hold",
    "hour",
    "hours",
    "hundreds",
    "include",
    "including",
    "keep",
    "kept",
    "kind",
    "knew",
    "know",
    "known",
    "last",
    "late",
    "later",
    "lead",
    "least",
    "leave",
    "left",
    "let",
    "like",
    "little",
    "look",
    "lot",
    "made",
    "make",
    "many",
    "matter",
    "mean",
    "month",
    "months",
    "morning",
    "move",
    "need",
    "new",
    "next",
    "night",
    "nine",
    "number",
    "official",
    "officials",
    "often",
    "old",
    "ones",
    "part",
    "people",
    "percent",
    "place",
    "point",
    "possible",
    "put",
    "rather",
    "reach",
    "reached",
    "real",
    "really",
    "recent",
    "recently",
    "remain",
    "remains",
    "reporter",
    "reporters",
    "right",
    "saw",
    "second",
    "see",
    "seek",
    "seem",
    "seen",
    "set",
    "seven",
    "show",
    "side",
    "six",
    "sort",
    "source",
    "sources",
    "start",
    "statement",
    "sure",
    "take",
    "taken",
    "ten",
    "term",
    "thing",
    "things",
    "think",
    "thought",
    "thousands",
    "three",
    "time",
    "times",
    "today",
    "took",
    "top",
    "tried",
    "try",
    "turn",
    "two",
    "use",
    "used",
    "want",
    "way",
    "ways",
    "week",
    "weeks",
    "went",
    "whole",
    "year",
    "years",
    "yesterday",
];

/// The junk terms of one corpus, by term id.
#[derive(Debug, Default)]
pub struct Junk {
    /// Per term id: `REPORTING`, `GENERIC` or 0 (a dense table: asked
    /// for every candidate word and phrase).
    kinds: Vec<u8>,
}

const REPORTING_TERM: u8 = 1;
const GENERIC_TERM: u8 = 2;

impl Junk {
    pub fn new(vocab: &Vocab) -> Junk {
        let mut kinds: Vec<u8> = Vec::new();
        let mut mark = |words: &[&str], kind: u8| {
            for t in words.iter().filter_map(|w| vocab.term_of(w)) {
                let i = t as usize;
                if kinds.len() <= i {
                    kinds.resize(i + 1, 0);
                }
                // A reporting verb stays one whatever else lists it.
                if kinds[i] != REPORTING_TERM {
                    kinds[i] = kind;
                }
            }
        };
        mark(REPORTING, REPORTING_TERM);
        mark(GENERIC, GENERIC_TERM);
        mark(titles(), GENERIC_TERM);
        Junk { kinds }
    }

    fn kind(&self, t: TermId) -> u8 {
        self.kinds.get(t as usize).copied().unwrap_or(0)
    }

    /// A gram (its terms in order, as often as asked) that is no topic: a
    /// junk word alone, a phrase holding a reporting verb, a phrase of junk
    /// words only.
    pub fn rejects<I: Iterator<Item = TermId>>(&self, terms: impl Fn() -> I) -> bool {
        terms().any(|t| self.kind(t) == REPORTING_TERM) || terms().all(|t| self.kind(t) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case() {
        for list in [REPORTING, GENERIC] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(
                list.iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            );
        }
    }
}
