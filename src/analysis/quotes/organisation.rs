//! An organisation's name with small words inside it: "the Center for
//! Strategic & International Studies", "the Council on Foreign
//! Relations", "the Bank of England", "Procter & Gamble". A person's name
//! has no "for", "on", "and" or "&" in it, so attribution read such a name
//! as no one's, or cut it at the small word ("International Studies");
//! here it is credited whole. It is an organisation's when the word
//! before its first "of", "for", "on" or "and" is a body's word
//! ("Center", "Council", "Bank", "House"), or when only "&" joins its
//! words (a firm's); never when a title with a name after it is inside
//! ("Bank of England Governor Mark Carney" is the governor), nor "Roe of
//! the Justice Department" or "Trump and Putin".

use super::titles::is_title;
use super::words::{ARTICLES, Word, capitalised, is_stop, lower};
use crate::analysis::text::is_stop_word;
use crate::analysis::topics::is_not_person_word;

/// The small words inside an organisation's name.
const JOINERS: &[&str] = &["of", "for", "on", "and", "&"];
/// The most words an organisation's name is taken to have ("National
/// Association for the Advancement of Colored People").
const MAX_WORDS: usize = 9;

fn is_joiner(w: &Word) -> bool {
    JOINERS.contains(&w.core)
}

/// "the" inside a name is only after "of", "for" or "on" ("Ministry of
/// the Interior").
fn is_inner_article(ws: &[&Word], i: usize) -> bool {
    ws[i].core == "the" && i > 0 && matches!(ws[i - 1].core, "of" | "for" | "on")
}

/// "Washington-based", "U.S.-funded": a capitalised word that says what
/// the organisation is, no part of its name.
fn describes(w: &Word) -> bool {
    capitalised(w)
        && w.core
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
}

/// The organisation `ws` names, all of them (an article and a
/// "Washington-based" before it aside).
pub(super) fn organisation(ws: &[&Word]) -> Option<String> {
    let start = ws
        .iter()
        .position(|w| !ARTICLES.contains(&lower(w).as_str()) && !describes(w))?;
    let name = &ws[start..];
    shaped(name).then(|| name.iter().map(|w| w.core).collect::<Vec<_>>().join(" "))
}

fn shaped(ws: &[&Word]) -> bool {
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    let words_fit = ws.iter().enumerate().all(|(i, w)| {
        let inside = capitalised(w) || is_joiner(w) || is_inner_article(ws, i);
        // A joiner runs on into a name ("for Strategic", "of the").
        let joined = !is_joiner(w)
            || ws
                .get(i + 1)
                .is_some_and(|n| capitalised(n) || n.core == "the");
        inside && joined && (i + 1 == ws.len() || !w.ends_a_run())
    });
    // "Bank of England Governor Mark Carney": a role and a name.
    let body = |w: &Word| is_not_person_word(&lower(w));
    let role_and_name = ws
        .windows(2)
        .any(|p| is_title(p[0].core) && capitalised(p[1]) && !body(p[1]));
    let head = match ws.iter().position(|w| is_joiner(w) && w.core != "&") {
        Some(j) => j > 0 && body(ws[j - 1]),
        // A firm's: "Procter & Gamble".
        None => ws.iter().any(|w| w.core == "&"),
    };
    (3..=MAX_WORDS).contains(&ws.len())
        && capitalised(first)
        && capitalised(last)
        && !is_title(last.core)
        && words_fit
        && !role_and_name
        && head
}

/// The organisation a subject ends with ("In a paper, the Washington-based
/// Center for Strategic & International Studies"): the longest one from
/// a word a subject may start at, never the object of a preposition
/// ("researchers at the Center for …", "Roe of the Council on …").
pub(super) fn at_end(ws: &[Word]) -> Option<String> {
    let inside = |w: &Word| capitalised(w) || is_joiner(w) || w.core == "the";
    let last = ws.last()?;
    if last.ends_a_run() {
        return None;
    }
    let mut run = ws.len();
    while run > 0 && inside(&ws[run - 1]) && (run == ws.len() || !ws[run - 1].ends_a_run()) {
        run -= 1;
    }
    // What stands before the run: a clause's start, not a preposition.
    let opens = |s: usize| {
        s == 0 || {
            let w = &ws[s - 1];
            w.ends_a_run()
                || !(is_stop(w) || is_stop_word(&lower(w)) || is_joiner(w) || w.core == "the")
        }
    };
    (run..ws.len())
        .filter(|&s| {
            (s == run && opens(s)) || s > run && !is_joiner(&ws[s - 1]) && ws[s - 1].core != "the"
        })
        .find_map(|s| organisation(&ws[s..].iter().collect::<Vec<_>>()))
}

/// The organisation a verb is followed by ("said the Center for Strategic
/// and International Studies in a report"): up to a clause's end or a
/// word like "in", never a role before a name ("said the Bank of England
/// governor Andrew Bailey").
pub(super) fn at_start(ws: &[Word]) -> Option<String> {
    let inside = |w: &Word| capitalised(w) || is_joiner(w) || w.core == "the";
    let mut end = 0;
    while end < ws.len() && inside(&ws[end]) {
        end += 1;
        if ws[end - 1].ends_a_run() {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let ended = end == ws.len() || ws[end - 1].ends_a_run() || is_stop(&ws[end]);
    if !ended {
        return None;
    }
    organisation(&ws[..end].iter().collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn whole(text: &str) -> Option<String> {
        organisation(&words(text).iter().collect::<Vec<_>>())
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn an_organisation_with_small_words_inside_is_one_name() {
        let csis = some("Center for Strategic and International Studies");
        assert_eq!(
            whole("the Center for Strategic and International Studies"),
            csis
        );
        assert_eq!(
            whole("the Washington-based Center for Strategic & International Studies"),
            some("Center for Strategic & International Studies")
        );
        assert_eq!(
            whole("the Council on Foreign Relations"),
            some("Council on Foreign Relations")
        );
        assert_eq!(
            whole("Ministry of the Interior"),
            some("Ministry of the Interior")
        );
        assert_eq!(whole("Procter & Gamble"), some("Procter & Gamble"));
    }

    #[test]
    fn people_roles_and_lists_are_no_organisation() {
        for text in [
            "Trump and Putin",
            "Roe of the Justice Department",
            "Mary Roe of Nordrail",
            "Bank of England Governor Mark Carney",
            "Secretary of State",
            "House Ways and Means Committee Chairman Kevin Brady",
            "Johnson & Johnson and Pfizer",
            "the Center for",
        ] {
            assert_eq!(whole(text), None, "{text}");
        }
    }

    #[test]
    fn the_organisation_a_subject_ends_with_or_a_verb_is_followed_by() {
        let ends = |t: &str| at_end(&words(t));
        let starts = |t: &str| at_start(&words(t));
        let csis = some("Center for Strategic & International Studies");
        assert_eq!(
            ends(
                "In a paper previewing the visit, the Washington-based Center for Strategic & International Studies"
            ),
            csis
        );
        assert_eq!(
            ends("In March the Center for Strategic & International Studies"),
            csis
        );
        assert_eq!(
            ends("researchers at the Center for Strategic & International Studies"),
            None
        );
        assert_eq!(
            ends("Roe of the Center for Strategic & International Studies"),
            None
        );
        assert_eq!(
            starts("the Center for Strategic & International Studies in a report."),
            csis
        );
        assert_eq!(starts("the Bank of England governor Andrew Bailey."), None);
        assert_eq!(starts("Trump and Putin."), None);
    }
}
