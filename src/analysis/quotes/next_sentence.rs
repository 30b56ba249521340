//! An attribution in the sentence after a quote that ended its own:
//! `“….” Roe said.` credits Roe, but `“….” Aides said Trump himself has
//! not spoken with Kim.` is a new sentence reporting something else, and
//! its subject said that, not the quote.

use super::name::Said;
use super::speaker;
use super::words::{is_stop, is_to_an_audience, is_verb, lower, words};

/// Words after the reporting verb that can still be where, when or to
/// whom the quote was said without a stop word ("Roe said Monday").
const SHORT_REST: usize = 3;

/// The speaker `after` (the text after a quote that ended its sentence)
/// names, when its sentence is an attribution and not a report of its
/// own: the verb ends it, or only where, when, how or to whom follows
/// ("on Monday", "in a statement", ", adding that …", "told reporters").
pub(super) fn attribution(after: &str) -> Option<Said> {
    let said = speaker::after(after)?;
    let ws = words(after.trim_start());
    let end = ws
        .iter()
        .position(|w| w.sentence || w.quote)
        .map_or(ws.len(), |k| k + 1);
    let ws = &ws[..end];
    let Some(verb) = ws.iter().position(is_verb) else {
        return Some(said);
    };
    let v = &ws[verb];
    let rest = &ws[verb + 1..];
    let attributes = verb == 0
        || v.clause
        || v.sentence
        || is_to_an_audience(v)
        || rest.len() <= SHORT_REST
        || rest
            .first()
            .is_some_and(|w| is_stop(w) && lower(w) != "that");
    attributes.then_some(said)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(n: &str) -> Option<Said> {
        Some(Said::Named(n.into()))
    }

    #[test]
    fn a_sentence_that_reports_its_own_news_credits_no_quote() {
        assert_eq!(
            attribution(" Aides said Trump himself has not spoken with Kim."),
            None
        );
        assert_eq!(
            attribution(" Roe said that the talks would resume in May."),
            None
        );
    }

    #[test]
    fn an_attribution_of_its_own_sentence_credits_the_quote() {
        for after in [
            " Jane Roe said.",
            " Jane Roe said on Monday.",
            " Jane Roe said Monday.",
            " Jane Roe said in a statement released by her office.",
            " Jane Roe said, adding that the talks would resume.",
            " Jane Roe told reporters at the White House after the meeting.",
            " said Jane Roe, the mayor.",
        ] {
            assert_eq!(attribution(after), named("Jane Roe"), "{after}");
        }
    }
}
