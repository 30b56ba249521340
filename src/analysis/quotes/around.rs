//! Who said one quote, by the words around it: the attribution after
//! it or before it (`speaker`; the sentence after a quote that ended its
//! own only when that sentence is its attribution, `next_sentence`), a
//! sentence ending on a colon (`colon`), and a pronoun that means the
//! person the sentence before names.

use super::colon::{colon_speaker, naming_sentence};
use super::name::Said;
use super::next_sentence;
use super::people::named_in;
use super::person;
use super::scan::Marked;
use super::speaker;

/// Who said the quote `m` of `text`, by the words around it; a quote
/// that opens its block, by the block before too (`introduced_by`) when
/// that ends on a colon.
pub(super) fn said_around(text: &str, m: Marked, introduced_by: Option<&str>) -> Option<Said> {
    let before = &text[..m.open];
    let after = &text[m.after..];
    // A quote that ends its sentence, followed by a new sentence: the text
    // after speaks of something else ("According to Okafor, “….” The fire
    // chief said…"), so an attribution before the quote goes first.
    let (first, second) = if ends_sentence(&text[m.start..m.end]) && opens_sentence(after) {
        (speaker::before(before), next_sentence::attribution(after))
    } else {
        (speaker::after(after), speaker::before(before))
    };
    let (said, context) = match first.or(second) {
        Some(said) => (Some(said), before),
        // "union secretary Dana Okonkwo put it plainly: “…”" (`colon`).
        None if before.trim_end().ends_with(':') => {
            (colon_speaker(before).map(Said::Named), before)
        }
        None if before.trim().is_empty() => {
            // Only a block that ends on a colon introduces the next.
            let previous = introduced_by
                .filter(|p| p.trim_end().ends_with(':'))
                .unwrap_or("");
            (speaker::before(previous), previous)
        }
        None => (None, before),
    };
    // "Lena Ortiz was less impressed. “…,” she said.": the pronoun means
    // the person just named, not the last speaker.
    // "… spoke in English. He said “…”": the person named in the sentence
    // before the pronoun's own, not earlier in the paragraph.
    let scope = || match naming_sentence(context) {
        (sentence, Some(_)) => sentence,
        (_, None) => context,
    };
    if said == Some(Said::Pronoun)
        && let Some(name) = named_in(scope())
    {
        return Some(Said::Named(name));
    }
    // "It said" of the body the sentence before names, never of a person.
    if said == Some(Said::It)
        && let Some(name) = named_in(scope()).filter(|n| !person::plainly_a_person(n))
    {
        return Some(Said::Named(name));
    }
    said
}

/// The quoted words end on a full stop, "!" or "?".
fn ends_sentence(quoted: &str) -> bool {
    quoted
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?".contains(c))
        .ends_with(['.', '!', '?'])
}

/// The text after a quote begins with a capital (a new sentence, or a
/// name: `“…?” Roe asked`, which `before` then rarely claims).
fn opens_sentence(after: &str) -> bool {
    after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}
