//! Each block's phrase key (`phrase_key`: trimmed, matched as
//! lower-cased) is built once in `classify` and shared by every rule that
//! reads it, as the word count is: the chrome reasons, the reading time and
//! the marks the structural rules look for.

use super::fold::Folded;

/// Trailing punctuation and spaces removed, matched as lower-cased: the
/// key for the stop-lists.
pub fn phrase_key(text: &str) -> Folded<'_> {
    Folded::new(
        text.trim()
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '…'),
    )
}

/// One block's text folded twice, each made once: its phrase key, and the
/// whole text (for the searches anywhere in it: caption marks, cookie
/// words), which shares one lower-cased copy among them.
pub struct LineKey<'a> {
    pub phrase: Folded<'a>,
    pub whole: Folded<'a>,
}

impl<'a> LineKey<'a> {
    /// The key trims only characters that lower to themselves, so it lowers
    /// plainly exactly when the whole text does.
    pub fn new(text: &'a str) -> LineKey<'a> {
        let phrase = phrase_key(text);
        let whole = Folded::with_plainness(text, phrase.plain().is_some());
        LineKey { phrase, whole }
    }
}
