//! A search phrase as typed, case-smart: all lower case finds any case,
//! one upper-case letter makes the search exact about case (as in less -i
//! and vim's smartcase).

use super::fold::{Folded, fold};
use memchr::memmem;

/// The longest phrase searched for, in bytes: a paste of a whole article
/// into the prompt is cut here rather than searched for.
pub const MAX_QUERY_BYTES: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// As typed.
    pub text: String,
    /// True when the phrase has an upper-case letter.
    pub exact_case: bool,
    /// Folded as the search compares it (lower-cased unless exact).
    pub folded: String,
    /// Folded and lower-cased, whatever the case: what an index of
    /// lower-cased text is searched for.
    pub lowered: String,
}

impl Query {
    /// `None` when the phrase has nothing to search for (empty or spaces).
    pub fn new(text: &str) -> Option<Query> {
        let exact_case = text.chars().any(char::is_uppercase);
        let folded = fold(text, !exact_case);
        if folded.trim().is_empty() {
            return None;
        }
        Some(Query {
            text: text.to_string(),
            exact_case,
            lowered: fold(text, true),
            folded,
        })
    }

    /// Where the phrase occurs in `source`: byte ranges, in order, not
    /// overlapping.
    pub fn find_in(&self, source: &str) -> Vec<(usize, usize)> {
        let folded = Folded::new(source, !self.exact_case);
        let needle = self.folded.as_bytes();
        memmem::find_iter(&folded.text, needle)
            .map(|at| folded.source_range(source, at, at + needle.len()))
            .collect()
    }

    /// Whether `source` (a candidate found case-insensitively) reads as
    /// the phrase with its case.
    pub fn matches_exactly(&self, source: &str) -> bool {
        fold(source, !self.exact_case) == self.folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_finds_any_case_and_upper_case_only_its_own() {
        let text = "Alaska summit. The alaska talks. ALASKA";
        let any = Query::new("alaska").unwrap();
        assert_eq!(any.find_in(text).len(), 3);
        let exact = Query::new("Alaska").unwrap();
        assert_eq!(exact.find_in(text), [(0, 6)]);
    }

    #[test]
    fn straight_quotes_find_curly_ones_and_back() {
        let text = "Putin’s “reset” was hailed";
        let q = Query::new("putin's \"reset\"").unwrap();
        let hits = q.find_in(text);
        assert_eq!(hits.len(), 1);
        let (s, e) = hits[0];
        assert_eq!(&text[s..e], "Putin’s “reset”");
        let back = Query::new("putin’s").unwrap();
        assert_eq!(back.find_in("putin's").len(), 1);
    }

    #[test]
    fn spaces_in_the_text_and_the_phrase_match_any_run() {
        let q = Query::new("extra  space").unwrap();
        assert_eq!(q.find_in("an extra   space here"), [(3, 16)]);
        assert!(Query::new("   ").is_none());
    }
}
