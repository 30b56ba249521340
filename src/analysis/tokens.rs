//! Normalised word tokens: the words two outlets share even when one writes
//! "They’re" and the other "They are". Used where two texts are compared
//! word by word for *meaning* (shingles for copy detection, same-point
//! evidence); `text::words` stays the plain split that topics and the
//! related index count with.
//!
//! Normalisation, in order: curly and modifier apostrophes become `'`; a
//! soft hyphen (U+00AD) is dropped, joining the word it split; letters are
//! lower-cased; contractions are expanded (`n't` → `not`, `'re` → `are`,
//! `'ve` → `have`, `'ll` → `will`, `'m` → `am`, `'d` → `would`, `'s` →
//! `is` after a pronoun, dropped otherwise: a possessive); any other inner
//! apostrophe is dropped (`O'Brien` → `obrien`). Hyphens and other
//! punctuation split words, as in `text::words`.

/// One normalised token and where its word starts in the text (byte
/// offset), so callers can tell sentence-initial words and quote spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    /// The word began with an upper-case letter (before lower-casing).
    pub capitalised: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}')
}

const SOFT_HYPHEN: char = '\u{00AD}';

/// Normalised tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let mut capitalised = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // ASCII letters and digits (most of any English text) lower-case
        // without the Unicode tables, to the same result.
        if c.is_ascii_alphanumeric() {
            if word.is_empty() {
                start = i;
                capitalised = c.is_ascii_uppercase();
            }
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !c.is_ascii() && c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
                capitalised = c.is_uppercase();
            }
            word.extend(c.to_lowercase());
            continue;
        }
        // An apostrophe or soft hyphen between two letters stays inside
        // the word; anywhere else it ends the word like any punctuation.
        let inner = !word.is_empty()
            && (is_apostrophe(c) || c == SOFT_HYPHEN)
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if inner {
            if c != SOFT_HYPHEN {
                word.push('\'');
            }
            continue;
        }
        flush(&mut word, start, capitalised, &mut out);
    }
    flush(&mut word, start, capitalised, &mut out);
    out
}

/// The normalised token strings of `text`.
pub fn token_texts(text: &str) -> impl Iterator<Item = String> {
    tokens(text).into_iter().map(|t| t.text)
}

fn flush(word: &mut String, start: usize, capitalised: bool, out: &mut Vec<Token>) {
    if word.is_empty() {
        return;
    }
    let mut push = |text: &str| {
        if !text.is_empty() {
            out.push(Token {
                text: text.to_string(),
                start,
                capitalised,
            })
        }
    };
    match word.rsplit_once('\'') {
        None => push(word),
        Some((base, tail)) => {
            let (base, expansion) = expand(base, tail);
            push(&base.replace('\'', ""));
            if let Some(e) = expansion {
                push(e);
            }
        }
    }
    word.clear();
}

/// Split a contraction: the base word (possibly rewritten) and the word
/// the suffix stands for, if any.
fn expand<'a>(base: &'a str, tail: &str) -> (std::borrow::Cow<'a, str>, Option<&'static str>) {
    use std::borrow::Cow;
    match tail {
        // "don't" is "don" + "'t": the n belongs to the negation.
        "t" if base.ends_with('n') => {
            let stem = &base[..base.len() - 1];
            let fixed = match stem {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                "ai" => "is",
                other => other,
            };
            (Cow::Owned(fixed.to_string()), Some("not"))
        }
        "re" => (Cow::Borrowed(base), Some("are")),
        "ve" => (Cow::Borrowed(base), Some("have")),
        "ll" => (Cow::Borrowed(base), Some("will")),
        "m" => (Cow::Borrowed(base), Some("am")),
        "d" => (Cow::Borrowed(base), Some("would")),
        "s" if IS_AFTER.contains(&base) => (Cow::Borrowed(base), Some("is")),
        "s" => (Cow::Borrowed(base), None),
        // Not a contraction (O'Brien, rock'n'roll): one word.
        _ => (Cow::Owned(format!("{base}{tail}")), None),
    }
}

/// Words after which `'s` means "is" (or "has") rather than a possessive.
const IS_AFTER: &[&str] = &[
    "he", "here", "how", "it", "she", "that", "there", "what", "when", "where", "who", "why",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        token_texts(s).collect()
    }

    #[test]
    fn contractions_expand_and_possessives_drop() {
        assert_eq!(
            t("They’re asking the council to reopen Alaska's bridge"),
            t("They are asking the council to reopen Alaska bridge")
        );
        assert_eq!(t("don't"), ["do", "not"]);
        assert_eq!(t("can’t won't"), ["can", "not", "will", "not"]);
        assert_eq!(t("it's"), ["it", "is"]);
        assert_eq!(
            t("we'll we've I'm they'd"),
            ["we", "will", "we", "have", "i", "am", "they", "would"]
        );
        assert_eq!(t("O'Brien"), ["obrien"]);
    }

    #[test]
    fn soft_hyphens_join_and_quotes_split() {
        assert_eq!(t("nego\u{00AD}tiations"), ["negotiations"]);
        assert_eq!(t("“Peace,” he said—'now'"), ["peace", "he", "said", "now"]);
        assert_eq!(t("leaders' talks"), ["leaders", "talks"]);
        assert_eq!(t("Elmendorf-Richardson"), ["elmendorf", "richardson"]);
    }

    #[test]
    fn the_ascii_path_reads_every_ascii_character_as_the_unicode_one() {
        for b in 0u8..128 {
            let c = char::from(b);
            assert_eq!(c.is_ascii_alphanumeric(), c.is_alphanumeric(), "{b}");
            if c.is_alphanumeric() {
                assert_eq!(c.is_ascii_uppercase(), c.is_uppercase(), "{b}");
                let lower: String = c.to_lowercase().collect();
                assert_eq!(lower, c.to_ascii_lowercase().to_string(), "{b}");
            }
        }
        assert_eq!(
            t("ÉCOLE Straße İ x2"),
            ["école", "straße", "i\u{307}", "x2"]
        );
        assert!(tokens("Élan")[0].capitalised);
    }

    #[test]
    fn tokens_keep_offsets_and_case() {
        let toks = tokens("The Senate’s vote");
        assert_eq!(toks[1].text, "senate");
        assert_eq!(toks[1].start, 4);
        assert!(toks[1].capitalised && toks[0].capitalised && !toks[2].capitalised);
        assert!(tokens("").is_empty() && tokens("—, …").is_empty());
    }
}
