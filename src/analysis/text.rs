//! Words for analysis. Two views of a text: `words` (lower-cased
//! alphanumeric runs, punctuation ignored; what shingles are made of) and
//! `terms` (content words: stop words dropped, stemmed; what lexical
//! similarity and topics use).

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// Lower-cased alphanumeric runs. Apostrophes and hyphens split words, so
/// "Alaska’s" gives "alaska", "s" on every side alike.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// Whether two blocks read the same as written: what `diff` calls
/// identical and every `=` mark shows. Case and punctuation count, so a
/// shingle score of 1 (the same `words`) is not enough; the loader has
/// already trimmed each line and joined hard-wrapped ones.
pub fn same_as_written(a: &str, b: &str) -> bool {
    a == b
}

/// Byte spans of the alphanumeric runs in `text` (for highlighting).
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Stem one lower-cased word.
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// `text` without its possessive ("Trump's", "Trump’s"), if it has one.
pub fn without_possessive(text: &str) -> Option<&str> {
    let bare = text.strip_suffix("'s").or(text.strip_suffix("\u{2019}s"));
    bare.filter(|b| !b.is_empty())
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Content terms: lower-cased, stop words and one-letter words and bare
/// numbers dropped, stemmed.
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| {
            w.chars().count() > 1 && !is_stop_word(w) && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(|w| stem(&w))
        .collect()
}

/// English function words, sorted for binary search.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "let",
    "like",
    "likely",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_ignore_punctuation_and_case() {
        let w: Vec<String> = words("Alaska’s summit—Joint Base Elmendorf-Richardson!").collect();
        assert_eq!(
            w,
            [
                "alaska",
                "s",
                "summit",
                "joint",
                "base",
                "elmendorf",
                "richardson"
            ]
        );
    }

    #[test]
    fn terms_drop_stop_words_and_stem() {
        assert_eq!(
            terms("The leaders were negotiating sanctions in 2025"),
            ["leader", "negoti", "sanction"]
        );
    }

    #[test]
    fn spans_cover_words() {
        let t = "a-bc, d";
        let spans: Vec<&str> = word_spans(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(spans, ["a", "bc", "d"]);
    }
}
