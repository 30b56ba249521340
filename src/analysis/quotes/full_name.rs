//! News names a person in full first and by surname after ("Martin Hale
//! … Hale said"). A speaker written by surname alone, or a pronoun whose
//! sentence names someone by surname, is the person the article named in
//! full with that surname before.

use super::colon::{last_sentence, naming_sentence};
use super::name::Said;
use super::people::{Named, people_in};
use super::scan::quoted;
use super::speaker;
use super::words::{capitalised, is_pronoun, is_verb, lower, offset_in, words};
use crate::analysis::text::without_possessive;
use crate::corpus::Article;

/// The people each content block names (`people_in`), read once per
/// article and only when a surname alone needs them.
#[derive(Default)]
pub(super) struct People {
    by_block: Vec<Option<Vec<Named>>>,
}

/// News names a person in full first and by surname after: a speaker
/// written as one capitalised word ("Hale said") is the one person the
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
    known_full(people, article, block, &people_in(here), &n).unwrap_or(n)
}

/// The one person named in full with `surname` in `here_people` (the
/// quote's block before it) or in the blocks before `block`; none when
/// the article names two ("Donald Trump" and "Melania Trump": a bare
/// "Trump" stays as written), or names someone by a role and that
/// surname alone and never gave the full name that role ("first lady
/// Melania Trump" and "President Trump" are two people; "Senator Ana
/// Ruiz" and "Senator Ruiz" one). A courtesy title ("Mr Hale") is no
/// role: it is how news names anyone a second time.
fn known_full(
    people: &mut People,
    article: &Article,
    block: usize,
    here_people: &[Named],
    surname: &str,
) -> Option<String> {
    // A sentence's first word is capitalised anyway: "But Trump" is none.
    let takes = |full: &&Named| {
        full.name
            .split_once(' ')
            .is_some_and(|(first, _)| !crate::analysis::text::is_stop_word(&first.to_lowercase()))
            && full.name.rsplit(' ').next() == Some(surname)
    };
    people.by_block.resize(article.blocks.len(), None);
    for (b, text) in article.blocks[..block].iter().enumerate() {
        if text.kind.is_content() {
            people.by_block[b].get_or_insert_with(|| people_in(&text.text));
        }
    }
    let named = || {
        people.by_block[..block]
            .iter()
            .flatten()
            .flatten()
            .chain(here_people)
    };
    let mut full = named().filter(takes);
    let first = full.next()?;
    if !full.all(|f| f.name == first.name) {
        return None;
    }
    // "President Trump" beside "first lady Melania Trump" is someone
    // else; beside "Donald Trump", given no role, most likely the same.
    let full_titles = || {
        named()
            .filter(|f| f.name == first.name)
            .filter_map(|f| f.title.as_deref())
    };
    let other_by_role = full_titles().next().is_some()
        && named().any(|p| {
            p.name == surname
                && p.title
                    .as_deref()
                    .is_some_and(|t| full_titles().all(|ft| ft != t))
        });
    (!other_by_role).then(|| first.name.clone())
}

/// For a pronoun speaker: the person the last sentence before the quote
/// names first by a surname the article gave in full before ("Pike later
/// told the Felsham Gazette she would raise it. “…,” she said" is Joanna
/// Pike; for a quote that opens its paragraph, the last sentence of the
/// paragraph before), the subject a pronoun most often stands for.
/// Quoted words are someone's speech, not the narrative, and a pronoun
/// before the surname is the sentence's subject: then no one.
pub(super) fn surname_subject(
    people: &mut People,
    article: &Article,
    block: usize,
    open: usize,
) -> Option<String> {
    let own = article.blocks[block].text.get(..open).unwrap_or("");
    // A quote that opens its paragraph ("“…,” he said"): the sentence
    // that closed the paragraph before.
    let opens_paragraph = own.trim().is_empty();
    let previous = || {
        article.blocks[..block]
            .iter()
            .rev()
            .find(|b| b.kind.is_content())
            .map_or("", |b| b.text.as_str())
    };
    let mut here = if opens_paragraph { previous() } else { own };
    // "He said “half a ton” of evidence …": the pronoun's own sentence
    // names no one; the one before it is where the pronoun's person is.
    let (mut sentence, pronoun) = naming_sentence(here);
    if pronoun.as_deref() == Some("they") {
        return None;
    }
    // "He told Sky News: “…”" opening its paragraph: the sentence before
    // is the last of the paragraph before.
    if pronoun.is_some() && sentence.trim().is_empty() && !opens_paragraph {
        here = previous();
        sentence = last_sentence(here);
    }
    let here_people = people_in(here);
    let text = unquoted(sentence);
    if let Some(credited) = credited_in(&text) {
        let surname = credited.rsplit(' ').next().unwrap_or(&credited);
        return Some(if credited.contains(' ') {
            credited.clone()
        } else {
            known_full(people, article, block, &here_people, surname).unwrap_or(credited)
        });
    }
    let mut after_the = false;
    for w in words(&text) {
        if is_pronoun(&w) {
            return None;
        }
        // "the White House", "the Trump administration": a body's name.
        if lower(&w) == "the" {
            after_the = true;
            continue;
        }
        after_the &= capitalised(&w);
        if after_the {
            continue;
        }
        let core = without_possessive(w.core).unwrap_or(w.core);
        if core.len() > 1
            && core.chars().next().is_some_and(char::is_uppercase)
            && let Some(full) = known_full(people, article, block, &here_people, core)
        {
            return Some(full);
        }
    }
    None
}

/// The person a sentence credits with what it reports ("…, said Rick
/// Tyler, a consultant"): the name the attribution after a comma gives
/// (`speaker::after`, as after a quote). That person, not the first one
/// named, is who a pronoun after it goes on with; a description ("said a
/// spokesman") is no one to go on with.
fn credited_in(text: &str) -> Option<String> {
    let ws = words(text);
    let i = (1..ws.len()).find(|&i| is_verb(&ws[i]) && ws[i - 1].clause)?;
    let at = offset_in(text, ws[i].core);
    match speaker::after(&text[at..])? {
        Said::Named(n) if n.starts_with(char::is_uppercase) => Some(n),
        _ => None,
    }
}

/// `text` without its quoted stretches (`scan::quoted`, marks and all).
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in quoted(text) {
        out.push_str(&text[at..m.open]);
        out.push(' ');
        at = m.after;
    }
    out.push_str(&text[at..]);
    out
}
