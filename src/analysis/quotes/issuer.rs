//! Who issued the document a quote is credited to ("“…,” the statement
//! said"): the issuer of the one the article mentions last, as the
//! article gives it (`document` says what a document is).

use super::document::{BEFORE_NOUN, ISSUING, is_document, issuer_words};
use super::joint::named;
use super::name::Said;
use super::speaker::before;
use super::words::{ARTICLES, Word, capitalised, is_verb, lower, offset_in, words};

/// Who issued the `document` (as a speaker names it: "statement") that
/// `text` last mentions, as `text` says: the document's own issuer ("a
/// statement from X"), or the subject that issued it or spoke in it ("X
/// issued a statement", "X said in a statement").
pub(super) fn issuer(text: &str, document: &str) -> Option<String> {
    let noun = document.split_whitespace().last()?;
    let ws = words(text);
    // Back from a mention to the words just before its article or
    // possessive.
    let start_of = |at: usize| {
        let mut start = at;
        while start > 0 && {
            let l = lower(&ws[start - 1]);
            ARTICLES.contains(&l.as_str()) || BEFORE_NOUN.contains(&l.as_str())
        } {
            start -= 1;
        }
        start
    };
    // The last mention that is not itself an attribution ("the statement
    // said", "said the statement": the quote before, or this one).
    let ends = |w: &Word| w.clause || w.sentence;
    let attribution = |at: usize| {
        let start = start_of(at);
        !ends(&ws[at]) && ws.get(at + 1).is_some_and(is_verb)
            || start > 0 && is_verb(&ws[start - 1]) && !ends(&ws[start - 1])
    };
    let at = (0..ws.len()).rev().find(|&k| {
        let w = &ws[k];
        !w.quote && lower(w) == noun && !capitalised(w) && !attribution(k)
    })?;
    let start = start_of(at);
    if let Some(said) = issuer_words(&ws[start..]).and_then(after_from) {
        return Some(said);
    }
    let verb = start.checked_sub(1)?;
    let l = lower(&ws[verb]);
    // "X said in a statement": the subject of the verb before "in".
    let verb = if matches!(l.as_str(), "in" | "through" | "via") {
        verb.checked_sub(1).filter(|&v| is_verb(&ws[v]))?
    } else if ISSUING.contains(&l.as_str()) {
        verb
    } else if l == "out" && verb > 0 && lower(&ws[verb - 1]) == "put" {
        // "put out a statement".
        verb - 1
    } else {
        return None;
    };
    let end = offset_in(text, ws[verb].core) + ws[verb].core.len();
    let subject = if is_verb(&ws[verb]) {
        before(&text[..end])
    } else {
        // "issued" is no reporting verb: its subject is read as a
        // reporting verb's would be.
        let clause = ws[..verb]
            .iter()
            .rposition(Word::ends_a_run)
            .map_or(0, |c| c + 1);
        named(&ws[clause..verb])
    };
    match subject? {
        Said::Named(n) if !is_document(&n) => Some(n),
        _ => None,
    }
}

/// The issuer named by the words after "from" or "by", up to the clause.
fn after_from(ws: &[Word]) -> Option<String> {
    let end = ws
        .iter()
        .position(|w| w.clause || w.sentence)
        .map_or(ws.len(), |c| c + 1);
    match named(&ws[..end])? {
        Said::Named(n) => Some(n),
        Said::Pronoun | Said::It | Said::Group => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_of_the_last_document_mentioned() {
        let said = |text: &str| issuer(text, "statement");
        assert_eq!(
            said(
                "The mayor met residents. Jo Roe said in a statement that the bridge would close. "
            ),
            Some("Jo Roe".into())
        );
        assert_eq!(
            said("Nordrail issued a statement on Friday. "),
            Some("Nordrail".into())
        );
        assert_eq!(
            said("In a statement released by the Harbour Board, the chief said so. "),
            Some("Harbour Board".into())
        );
        // A statement whose issuer the text does not give.
        assert_eq!(said("A statement was read out at noon. "), None);
        assert_eq!(said("The bridge closed. "), None);
        // The attributions of earlier quotes are no mentions.
        assert_eq!(
            said("Nordrail issued a statement. “We are sorry,” the statement said. "),
            Some("Nordrail".into())
        );
        assert_eq!(
            said("Jo Roe put out a statement. “No,” said the statement. "),
            Some("Jo Roe".into())
        );
    }
}
