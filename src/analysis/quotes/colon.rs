//! A sentence that ends on a colon introduces the quote after it, and
//! names its speaker without a reporting verb: "Speaking at the north
//! gate, union secretary Dana Okonkwo put it plainly: “…”". Only when the
//! sentence names one person, as its subject: "reporters asked Mayor Jo
//! Roe: “…”" and "The question for Dana Okonkwo is simple: “…”" name the
//! person the quote is put to, not its speaker.

use super::people::people_named_in;
use super::words::{is_abbreviation, is_pronoun, is_to_an_audience, is_verb, offset_in, words};

/// Words that, in the clause before a name, make the person the object
/// of the sentence: a preposition ("wrote to", "the question for") or a
/// verb that takes a person ("asked", "told").
const OBJECT_OF: &[&str] = &[
    "about",
    "against",
    "asked",
    "asks",
    "ask",
    "at",
    "by",
    "for",
    "from",
    "interviewed",
    "of",
    "on",
    "pressed",
    "questioned",
    "tell",
    "telling",
    "than",
    "thanked",
    "to",
    "told",
    "toward",
    "towards",
    "urged",
    "with",
];

/// The most words before a name in its clause for it to be the subject
/// ("deputy chief fire officer Helen Marsh").
const SUBJECT_AFTER: usize = 4;

/// The speaker a colon-ending `before` (the text up to the quote)
/// introduces: the one person its last sentence names as its subject.
pub(super) fn colon_speaker(before: &str) -> Option<String> {
    let sentence = last_sentence(before);
    let mut people = people_named_in(sentence);
    let name = people.pop().filter(|_| people.is_empty())?;
    let at = sentence.find(name.as_str())?;
    // The clause the name stands in: after the last comma, semicolon or
    // dash before it ("Speaking at the north gate, union secretary …").
    let clause = sentence[..at]
        .rsplit([',', ';', '—', '–'])
        .next()
        .unwrap_or("");
    let object = clause.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        OBJECT_OF.contains(&w.as_str())
    });
    // A subject opens its clause, after a role at most ("union
    // secretary"): a name deep in one ("including North Korea's part in
    // this year's Winter Olympics") is not its subject.
    let opens = clause.split_whitespace().count() <= SUBJECT_AFTER;
    (!object && opens).then_some(name)
}

/// Where, in `text` before a pronoun's quote, the pronoun's person is
/// named: the last sentence, or the one before it when the last is only
/// the pronoun and its verb ("… spoke in English. He said “…”"), whom
/// it was told perhaps after ("He told Sky News: “…”"); with that
/// pronoun, lower case. The sentence before is empty when the pronoun's
/// opens the text.
pub(super) fn naming_sentence(text: &str) -> (&str, Option<String>) {
    let sentence = last_sentence(text);
    match words(sentence).as_slice() {
        [pronoun, verb, audience @ ..]
            if is_pronoun(pronoun)
                && is_verb(verb)
                && (audience.is_empty()
                    || is_to_an_audience(verb)
                        && audience.len() <= 3
                        && audience[..audience.len() - 1].iter().all(|w| !w.clause)) =>
        {
            let at = offset_in(text, sentence);
            (
                last_sentence(&text[..at]),
                Some(pronoun.core.to_lowercase()),
            )
        }
        _ => (sentence, None),
    }
}

/// The last sentence of `text` (from the last full stop, "!" or "?"
/// followed by a space, or line break). A full stop after a title or an
/// initial ("Mr. Macron", "Sen. Doe") ends no sentence.
pub(super) fn last_sentence(text: &str) -> &str {
    let end = text.trim_end();
    let start = end
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n'
                || (matches!(c, '!' | '?') || c == '.' && !abbreviation(&end[..i]))
                    && end[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    &end[start..]
}

/// The word `before` ends with, before a full stop, is an abbreviation,
/// as the attribution's words read one (`words::is_abbreviation`).
fn abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    is_abbreviation(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_person_a_colon_sentence_names_as_its_subject_speaks() {
        for (before, speaker) in [
            (
                "Speaking at the north gate, union secretary Dana Okonkwo put it plainly: ",
                Some("Dana Okonkwo"),
            ),
            ("It was late. Mayor Jo Roe was blunt: ", Some("Jo Roe")),
            // The person the quote is put to, not its speaker.
            ("At the meeting, reporters asked Mayor Jo Roe: ", None),
            ("A spokesman wrote to Tom Baker: ", None),
            ("The question for Dana Okonkwo is simple: ", None),
            (
                "Roe also took credit, including Mali's part in this year's Winter Olympics in \
                 South Korea: ",
                None,
            ),
            // Two people: no one.
            ("After Ann Lee met Bo Park, the mood was plain: ", None),
            // The sentence before the last names no one here.
            ("Jo Roe left early. The mood was plain: ", None),
            // "Mr." ends no sentence.
            ("After the talks, Mr. Jo Roe was blunt: ", Some("Jo Roe")),
            // A name ends a sentence as any word does.
            ("Ann Lee met Roe. Bo Park was blunt: ", Some("Bo Park")),
        ] {
            assert_eq!(colon_speaker(before).as_deref(), speaker, "{before}");
        }
    }
}
