//! Whether a speaker can be what a pronoun stands for. `“…,” she said`
//! goes to the last speaker named; when that was a company or a body
//! (`Nordrail said: “…”`), crediting it with "she" is wrong, and a wrong
//! credit costs a reader more than a missing one. So a pronoun only takes
//! a speaker that reads as a person: a role ("the minister", "a
//! spokesperson for Nordrail"), a full name of two or more capitalised
//! words none of which names a body ("Rashid Okafor", not "Rail Accident
//! Investigation Branch"), or one capitalised word, unless the article
//! writes it as a body takes a relative clause ("Nordrail, which operates
//! the line"; people take "who") and never after a given name or a
//! courtesy title ("Rashid Okafor", "Mr Okafor"). "It said" of a body is
//! then not credited: the rarer loss.

use super::words::COURTESY;
use crate::analysis::topics::{is_given_name, is_not_person_word};

/// Capitalised words that often stand before a name without being a
/// given name (a sentence's first word, a determiner).
const NOT_GIVEN: &[&str] = &[
    "a",
    "according",
    "after",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "said",
    "says",
    "the",
    "this",
    "that",
    "to",
    "when",
    "with",
];

/// Whether `speaker` reads as a person in an article whose text is `text`.
pub(super) fn is_person(speaker: &str, text: &str) -> bool {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let Some(first) = words.first() else {
        return false;
    };
    if !capital(first) {
        // A role or a description of one: "minister", "spokesperson for
        // Nordrail", "a resident".
        return true;
    }
    // A word of a body's name, as the topic index knows them ("Agency",
    // "Service", "Branch").
    let body = |w: &&str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        is_not_person_word(&w)
    };
    if words.iter().any(body) {
        return false;
    }
    if words.len() >= 2 {
        return words.iter().all(|w| capital(w));
    }
    written_after_a_given_name(first, text) || !text.contains(&format!("{first}, which"))
}

/// Whether `speaker` is plainly a person, as "it" can never be: a name
/// that opens with a given name or a courtesy title ("Kevin Brady", "Mr
/// Okafor"). A name of no known given name ("Protect Democracy",
/// "Nordrail") may be what "it" stands for.
pub(super) fn plainly_a_person(speaker: &str) -> bool {
    speaker.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        is_given_name(&w) || COURTESY.contains(&w.as_str())
    })
}

/// Whether `text` writes `name` right after a capitalised word that is
/// not a function word ("Rashid Okafor"), or after a courtesy title.
fn written_after_a_given_name(name: &str, text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let before = pair[0].trim_end_matches('.');
        let is_name = pair[1].trim_end_matches(|c: char| !c.is_alphanumeric()) == name;
        let lower = before.to_lowercase();
        let given = before.chars().next().is_some_and(char::is_uppercase)
            && before.chars().all(char::is_alphabetic)
            && !NOT_GIVEN.contains(&lower.as_str());
        is_name && (given || COURTESY.contains(&lower.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_roles_and_bodies() {
        let text = "Rashid Okafor, the fire chief, spoke. Nordrail said it was sorry. \
                    The Rail Accident Investigation Branch is examining the cause. \
                    Later Ms Lind arrived.";
        assert!(is_person("Rashid Okafor", text));
        assert!(is_person("Okafor", text), "the surname of a full name");
        assert!(is_person("Lind", text), "after a courtesy title");
        assert!(is_person("spokesperson for Nordrail", text));
        assert!(is_person("minister", text));
        assert!(is_person("Roe", text), "one word the text says nothing of");
        assert!(!is_person("Rail Accident Investigation Branch", text));
        assert!(!is_person("Brenmoor Fire Service", text));
        let text = "Nordrail, which operates the line, said it was sorry.";
        assert!(!is_person("Nordrail", text), "a body takes `which`");
        // "The Kremlin" at a sentence's start is no given name.
        let text = "The Kremlin, which denied it, said so.";
        assert!(!is_person("Kremlin", text));
    }
}
