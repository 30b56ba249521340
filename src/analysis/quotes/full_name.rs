//! News names a person in full first and by surname after ("Martin Hale
//! … Hale said"). A speaker written by surname alone, or a pronoun whose
//! sentence names someone by surname, is the person the article named in
//! full with that surname before.

use super::colon::last_sentence;
use super::name::people_named_in;
use crate::corpus::Article;

/// The people each content block names (`people_named_in`), read once
/// per article and only when a surname alone needs them.
#[derive(Default)]
pub(super) struct People {
    by_block: Vec<Option<Vec<String>>>,
}

/// News names a person in full first and by surname after: a speaker
/// written as one capitalised word ("Hale said") is the last person the
/// article named in full with that surname before the quote ("Martin
/// Hale"), else the word as written.
pub(super) fn full_name(
    people: &mut People,
    article: &Article,
    block: usize,
    open: usize,
    n: String,
) -> String {
    if n.contains(' ') || !n.chars().next().is_some_and(char::is_uppercase) {
        return n;
    }
    let here = article.blocks[block].text.get(..open).unwrap_or("");
    known_full(people, article, block, &people_named_in(here), &n).unwrap_or(n)
}

/// The last person named in full with `surname` in `here_people` (the
/// quote's block before it), else in the blocks before `block`.
fn known_full(
    people: &mut People,
    article: &Article,
    block: usize,
    here_people: &[String],
    surname: &str,
) -> Option<String> {
    // A sentence's first word is capitalised anyway: "But Trump" is none.
    let takes = |full: &&String| {
        full.split_once(' ')
            .is_some_and(|(first, _)| !crate::analysis::text::is_stop_word(&first.to_lowercase()))
            && full.rsplit(' ').next() == Some(surname)
    };
    if let Some(full) = here_people.iter().rev().find(takes) {
        return Some(full.clone());
    }
    people.by_block.resize(article.blocks.len(), None);
    for b in (0..block).rev() {
        let block = &article.blocks[b];
        if !block.kind.is_content() {
            continue;
        }
        let named = people.by_block[b].get_or_insert_with(|| people_named_in(&block.text));
        if let Some(full) = named.iter().rev().find(takes) {
            return Some(full.clone());
        }
    }
    None
}

/// For a pronoun speaker: the person the last sentence before the quote
/// names first by a surname the article gave in full before ("Pike later
/// told the Felsham Gazette she would raise it. “…,” she said" is Joanna
/// Pike), the subject a pronoun most often stands for.
pub(super) fn surname_subject(
    people: &mut People,
    article: &Article,
    block: usize,
    open: usize,
) -> Option<String> {
    let here = article.blocks[block].text.get(..open).unwrap_or("");
    let sentence = last_sentence(here);
    let here_people = people_named_in(here);
    sentence
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
        })
        .filter(|w| w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase))
        .find_map(|w| known_full(people, article, block, &here_people, w))
}
