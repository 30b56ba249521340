//! What one word of a block is to the evidence: a content word and its
//! stem, a hyphen's prefix, its spelling as the text writes it.

use crate::analysis::text;
use crate::analysis::tokens::Token;

/// The letters and digits of `text` from `t` on, as written (case kept).
fn written<'a>(text: &'a str, t: &Token) -> &'a str {
    let rest = &text[t.start..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// A short lower-case word bound to the next by a hyphen ("de" of
/// "de-escalation", "re" of "re-elected"): a prefix, no content word of
/// its own ("US" of "US-Russia" is a name, and kept).
pub(super) fn hyphen_prefix(text: &str, t: &Token) -> bool {
    let word = written(text, t);
    let mut after = text[t.start + word.len()..].chars();
    !t.capitalised
        && word.chars().count() <= 3
        && after.next() == Some('-')
        && after.next().is_some_and(char::is_alphabetic)
}

/// The word as the text writes it (case kept), for explanations.
pub(super) fn surface(text: &str, t: &Token) -> String {
    let word = written(text, t);
    if word.to_lowercase() == t.text {
        word.to_string()
    } else {
        t.text.clone()
    }
}

/// The stem of a content word: not a stop word, not one letter, not a bare
/// number (numbers are evidence of their own).
pub(super) fn content_stem(word: &str) -> Option<String> {
    let keep = word.chars().nth(1).is_some()
        && !text::is_stop_word(word)
        && !word.chars().all(|c| c.is_ascii_digit());
    keep.then(|| text::stem(word))
}

#[cfg(test)]
mod tests {
    use super::super::spelled;

    #[test]
    fn a_hyphen_prefix_is_no_content_word() {
        let p = spelled(&["Talks on de-escalation in the US-Russia channel."]);
        let words = &p[0].0;
        assert!(!words.contains(&"de".to_string()), "{words:?}");
        assert!(
            words.contains(&"escalation".to_string()) && words.contains(&"Russia".to_string()),
            "{words:?}"
        );
    }
}
