//! A one-word speaker that the corpus writes only in lower case where the
//! word is not at a sentence's start is a common noun, not a name:
//! "Officials said: “…”" opens a sentence, so its capital says nothing,
//! and "officials" is how the coverage writes the word elsewhere. It
//! credits no one, as "officials said" does (`role::is_common_noun`).
//! Only the rest of the corpus can tell, so this runs over every
//! article's quotes at once, before they are grouped.
//!
//! The evidence is counted as the topic index counts a name's: a use in
//! lower case against a use capitalised in mid-sentence (a sentence's
//! first word and a heading's title case count for neither). One
//! capitalised use in mid-sentence keeps the word a name, however often
//! it is written in lower case: "May said:" is Theresa May in coverage
//! that also says "may" a hundred times and "Mrs May" once. A word of a
//! speaker's longer name ("Rice" of "Condoleezza Rice") is a name
//! without asking.

use super::extract::Quote;
use crate::corpus::{BlockKind, Corpus};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeSet;

/// Credit no one where a quote's speaker is one capitalised word the
/// corpus writes in lower case and never capitalised mid-sentence.
pub(super) fn uncredit_common_nouns(quotes: &mut [Quote], corpus: &Corpus) {
    let in_longer_names: BTreeSet<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .filter(|s| s.contains(' '))
        .flat_map(str::split_whitespace)
        .collect();
    let candidates: BTreeSet<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .filter(|s| is_one_capitalised_word(s) && !in_longer_names.contains(s))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let words: Vec<String> = candidates.iter().map(|s| s.to_string()).collect();
    let common: BTreeSet<String> = only_lower_case(&words, corpus)
        .into_iter()
        .map(|i| words[i].clone())
        .collect();
    for q in quotes {
        if q.speaker.as_ref().is_some_and(|s| common.contains(s)) {
            q.speaker = None;
        }
    }
}

/// "Officials": one word, capitalised, the rest of it not (an acronym
/// such as "NATO" is never written in lower case: nothing to ask).
fn is_one_capitalised_word(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(char::is_uppercase)
        && s.chars().count() > 1
        && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
}

/// The word with its first letter in lower case.
fn lower_first(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|c| c.to_lowercase().chain(cs).collect())
        .unwrap_or_default()
}

/// The indices of `words` (each capitalised) the corpus's running text
/// writes in lower case and never capitalised mid-sentence.
fn only_lower_case(words: &[String], corpus: &Corpus) -> Vec<usize> {
    // Pattern 2i is word i as given, 2i + 1 its lower-case form.
    let patterns: Vec<String> = words
        .iter()
        .flat_map(|w| [w.clone(), lower_first(w)])
        .collect();
    let Ok(finder) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return Vec::new();
    };
    let mut lower_case = vec![false; words.len()];
    let mut capitalised_mid = vec![false; words.len()];
    // Every word a name already: the rest of the corpus cannot change that.
    let mut undecided = words.len();
    'articles: for article in &corpus.articles {
        for (_, block) in article.content_blocks() {
            if block.kind == BlockKind::Heading {
                continue;
            }
            let text = block.text.as_str();
            for m in finder.find_iter(text) {
                if !stands_alone(text, m.start(), m.end()) {
                    continue;
                }
                let (word, lower) = (m.pattern().as_usize() / 2, m.pattern().as_usize() % 2 == 1);
                if lower {
                    lower_case[word] = true;
                } else if !capitalised_mid[word] && is_mid_sentence(&text[..m.start()]) {
                    capitalised_mid[word] = true;
                    undecided -= 1;
                    if undecided == 0 {
                        break 'articles;
                    }
                }
            }
        }
    }
    (0..words.len())
        .filter(|&i| lower_case[i] && !capitalised_mid[i])
        .collect()
}

/// A whole word: no letter or digit just before or after it.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a word after `before` is inside a sentence: something precedes
/// it in the block, and the last of it is no sentence's end, opening quote
/// or bracket, colon or dash (after which a capital may start anything).
fn is_mid_sentence(before: &str) -> bool {
    let last = before.trim_end().chars().next_back();
    last.is_some_and(|c| {
        !matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '“'
                | '‘'
                | '\''
                | '('
                | '['
                | '—'
                | '–'
                | '-'
                | '…'
                | '«'
                | '„'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::of_texts(texts, "\n\n")
    }

    fn common(words: &[&str], texts: &[&str]) -> Vec<String> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        only_lower_case(&words, &corpus(texts))
            .into_iter()
            .map(|i| words[i].clone())
            .collect()
    }

    #[test]
    fn a_word_written_lower_case_elsewhere_is_common() {
        let texts = [
            "Officials said: \"The bridge stays shut.\"",
            "The bridge stays shut, officials said. Trump spoke later.",
            "Later, Trump said the trumped-up charge was \"a trump card\".",
        ];
        // "Trump": lower case once, but capitalised mid-sentence too.
        assert_eq!(common(&["Officials", "Trump"], &texts), ["Officials"]);
    }

    #[test]
    fn sentence_starts_are_no_evidence_either_way() {
        // "Rice" only ever opens a sentence, "rice" once in running
        // text: a common noun.
        assert_eq!(
            common(
                &["Rice"],
                &["Rice said so. “Rice”, she said.", "They grow rice."]
            ),
            ["Rice"]
        );
        // Once named mid-sentence, however often "may" is a verb: a name.
        assert_eq!(
            common(
                &["May"],
                &[
                    "May said: \"No.\" It may rain; it may not.",
                    "They met Mrs May."
                ]
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_word_of_a_longer_speaker_name_is_a_name() {
        let quote = |speaker: &str| Quote {
            speaker: Some(speaker.into()),
            ..Quote::whole_block(0, "No.", None)
        };
        let mut quotes = vec![quote("Rice"), quote("Condoleezza Rice"), quote("Officials")];
        let c = corpus(&["Rice said it. They grow rice, officials said."]);
        uncredit_common_nouns(&mut quotes, &c);
        let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Rice"), Some("Condoleezza Rice"), None]);
    }

    #[test]
    fn a_word_inside_another_is_not_a_use() {
        assert_eq!(
            common(
                &["Campaigners"],
                &["Campaigners said: \"No.\"", "The campaignerses went."]
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn only_one_capitalised_word_is_asked_about() {
        assert!(is_one_capitalised_word("Officials"));
        for s in ["NATO", "Jane Roe", "officials", "A", "DNC", "McAleenan"] {
            assert!(!is_one_capitalised_word(s), "{s}");
        }
    }
}
