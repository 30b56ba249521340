//! A question introduced by "to ask" or "asking": "Trump called Comey in
//! March to ask “Will you …?”", "Comey said Trump phoned him, asking: “…”".
//! The one who asks is the subject of the clause the asking hangs on,
//! never whom it was put to ("Comey", "him"); after a reporting verb,
//! that clause is the reported one ("Comey said Trump phoned him": Trump).
//! Where the one asking may be someone else ("Trump urged Comey to ask",
//! "told Comey to ask", "Comey, who was asking", "Trump's lawyer called
//! to ask"), no one is credited: a wrong credit costs a reader more than
//! a missing one.

use super::joint::{named, opens_a_sentence};
use super::name::Said;
use super::titles::is_title;
use super::words::{
    ARTICLES, COURTESY, Word, capitalised, is_before_verb, is_pronoun, is_to_an_audience, is_verb,
    joins_name, lower,
};
use crate::analysis::text::without_possessive;

/// Verbs whose object does what follows ("urged Comey to ask"): the one
/// who asks is then the object.
const CONTROL: &[&str] = &[
    "allowed",
    "asked",
    "begged",
    "challenged",
    "directed",
    "encouraged",
    "expected",
    "forced",
    "instructed",
    "invited",
    "needed",
    "ordered",
    "persuaded",
    "pressed",
    "pushed",
    "told",
    "urged",
    "wanted",
];
/// Whom a question is put to, right after "ask" ("to ask him:").
const OBJECTS: &[&str] = &["him", "her", "them", "me", "us", "you"];
/// The most words of whom a question is put to ("to ask Mr. Comey:").
const MAX_ASKED: usize = 3;

/// Where "to ask" or "asking" begins when `ws` ends on it, whom it is put
/// to after it allowed; and whether it is "to ask".
fn ask_at(ws: &[Word]) -> Option<(usize, bool)> {
    let asked_ok = |asked: &[Word]| match asked {
        [] => true,
        [w] if OBJECTS.contains(&lower(w).as_str()) => true,
        _ => asked
            .iter()
            .all(|w| capitalised(w) || COURTESY.contains(&lower(w).trim_end_matches('.'))),
    };
    let k = (ws.len().saturating_sub(MAX_ASKED + 1)..ws.len())
        .find(|&k| matches!(ws[k].core, "ask" | "asking"))?;
    let (ask, asked) = (&ws[k], &ws[k + 1..]);
    let runs_on = asked
        .split_last()
        .is_none_or(|(_, inner)| !inner.iter().any(Word::ends_a_run));
    if !asked_ok(asked) || !runs_on || !asked.is_empty() && ask.ends_a_run() {
        return None;
    }
    match ask.core {
        "ask" if k > 0 && ws[k - 1].core == "to" && !ws[k - 1].ends_a_run() => Some((k - 1, true)),
        "asking" => Some((k, false)),
        _ => None,
    }
}

/// The one who asks, when `ws` (the sentence before a quote) ends on "to
/// ask" or "asking"; `Some(None)`: the construction, with no one sure.
pub(super) fn asker(ws: &[Word]) -> Option<Option<Said>> {
    let (at, to_ask) = ask_at(ws)?;
    let body = &ws[..at];
    // "Comey, who was asking": someone else's clause; "thanked Comey for
    // asking": the object asked.
    let before = body.iter().rposition(|w| !is_before_verb(w));
    if before.is_some_and(|b| matches!(lower(&body[b]).as_str(), "who" | "which" | "for")) {
        return Some(None);
    }
    // After "said" the reported clause; after "according to Roe," the rest.
    let mut from = 0;
    for (k, w) in body.iter().enumerate() {
        if lower(w) == "according" {
            from = body[k..]
                .iter()
                .position(Word::ends_a_run)
                .map_or(body.len(), |c| k + c + 1);
        } else if is_verb(w) && !w.phrase {
            if is_to_an_audience(w) {
                return Some(None);
            }
            from = k + 1 + usize::from(body.get(k + 1).is_some_and(|t| t.core == "that"));
        }
    }
    let clause = &body[from.min(body.len())..];
    // "urged Comey to ask", "called on Comey to ask": the object asks.
    let control = clause.iter().enumerate().any(|(k, w)| {
        CONTROL.contains(&w.core)
            || matches!(w.core, "called" | "calls")
                && clause.get(k + 1).is_some_and(|n| n.core == "on")
    });
    if to_ask && control {
        return Some(None);
    }
    let starts = std::iter::once(0).chain(
        (0..clause.len())
            .filter(|&k| clause[k].clause)
            .map(|k| k + 1),
    );
    for start in starts {
        match subject(&clause[start.min(clause.len())..]) {
            Subject::Said(said) => return Some(Some(said)),
            Subject::Unsure => return Some(None),
            Subject::None => {}
        }
    }
    Some(None)
}

enum Subject {
    Said(Said),
    /// A subject that is no name ("Trump's lawyer", "a reporter").
    Unsure,
    None,
}

/// The subject a clause opens with, before its verb: a name (its role
/// and an opening "In March", "But" aside), a pronoun, or a role.
fn subject(ws: &[Word]) -> Subject {
    let skip = ws
        .iter()
        .take_while(|w| capitalised(w) && opens_a_sentence(w) && !is_pronoun(w))
        .count();
    let ws = &ws[skip..];
    let mut end = 0;
    while let Some(w) = ws.get(end) {
        let article = end == 0 && ARTICLES.contains(&lower(w).as_str());
        let fits = capitalised(w) || joins_name(w) || is_title(w.core) || article;
        if end == 0 && is_pronoun(w) {
            end = 1;
            break;
        }
        if !fits {
            break;
        }
        end += 1;
        if w.ends_a_run() {
            break;
        }
    }
    let phrase = &ws[..end];
    // A verb must follow the subject (or an apposition after its comma).
    let Some(next) = ws.get(end) else {
        return Subject::None;
    };
    if phrase
        .last()
        .is_some_and(|w| without_possessive(w.core).is_some())
    {
        return Subject::Unsure;
    }
    if phrase.is_empty() || capitalised(next) && !phrase.last().is_some_and(Word::ends_a_run) {
        return Subject::None;
    }
    match named(phrase) {
        Some(said) => Subject::Said(said),
        None if phrase.iter().all(|w| !capitalised(w)) => Subject::Unsure,
        None => Subject::None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::speaker::before;
    use super::*;

    fn named(s: &str) -> Option<Said> {
        Some(Said::Named(s.to_string()))
    }

    #[test]
    fn the_subject_asks_not_whom_it_asked() {
        let trump = named("Trump");
        assert_eq!(before("Trump called Comey in March to ask "), trump);
        assert_eq!(
            before("Trump called FBI Director James Comey on the morning of March 30 to ask "),
            trump
        );
        assert_eq!(before("Trump phoned Comey, asking: "), trump);
        assert_eq!(before("In March, Trump phoned Comey to ask him: "), trump);
        assert_eq!(before("But President Trump phoned Comey to ask "), trump);
        assert_eq!(before("Comey said Trump phoned him, asking: "), trump);
        assert_eq!(before("He phoned Comey to ask "), Some(Said::Pronoun));
        assert_eq!(
            before("The president phoned Comey to ask "),
            named("president")
        );
    }

    #[test]
    fn no_one_when_someone_else_may_ask() {
        for text in [
            "Trump urged Comey to ask ",
            "Trump called on Comey to ask ",
            "Trump told Comey to ask ",
            "Trump's lawyer phoned Comey to ask ",
            "Trump phoned Comey, who was asking: ",
            "Trump thanked Comey for asking: ",
            "Comey told the committee Trump phoned him, asking: ",
        ] {
            assert_eq!(before(text), None, "{text}");
        }
    }
}
