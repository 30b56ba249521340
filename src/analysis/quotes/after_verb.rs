//! The speaker named after a reporting verb: "said Roe", "said Bank of
//! England governor Andrew Bailey", "said a spokesperson for Nordrail",
//! "said Trump and Putin", "said the Center for Strategic and
//! International Studies"; never a day ("said Monday").

use super::document;
use super::joint::{joint, named};
use super::name::{MAX_NAME, MAX_ROLE, Said};
use super::organisation;
use super::words::{Word, capitalised, is_description_noun, is_stop, lower};
use crate::analysis::topics::is_calendar_word;

/// The name after a verb, a role before it included: up to a clause end
/// or a word like "in".
pub(super) fn name_after_verb(ws: &[Word]) -> Option<Said> {
    // "said a statement from Jo Roe": the statement's issuer.
    if let Some(issuer) = document::issuer_words(ws) {
        return name_after_verb(issuer);
    }
    // "said late Thursday that …", "said Monday": when, not who ("said
    // April Ryan" is a name: a capital follows).
    let when = |w: &Word| matches!(w.core, "late" | "early" | "last" | "earlier");
    let day = ws.first().is_some_and(|w| is_calendar_word(&lower(w)))
        && !ws.get(1).is_some_and(capitalised);
    if ws.first().is_some_and(when) || day {
        return None;
    }
    // "said the Center for Strategic and International Studies": its
    // "for" and "and" end no name.
    if let Some(org) = organisation::at_start(ws) {
        return Some(Said::Named(org));
    }
    let (end, of_at) = name_end(ws);
    if let Some(credit) = listed_after(ws, end) {
        return Some(Said::Named(credit));
    }
    // "said a spokesman for the Unite union" is no description of an
    // organisation: the speaker ends at "for" after all.
    named(&ws[..end]).or_else(|| named(&ws[..of_at?]))
}

/// The most names a list after a verb is read through.
const MAX_LISTED: usize = 5;

/// "said Trump and Putin", "said Roe, Lee and Park": the list of names
/// that runs on past the first name's `end`, the longest one.
fn listed_after(ws: &[Word], mut end: usize) -> Option<String> {
    let mut credit = None;
    for _ in 1..MAX_LISTED {
        let and = |k: usize| ws.get(k).is_some_and(|w| w.core == "and");
        let mut next = match end.checked_sub(1).map(|k| &ws[k]) {
            _ if and(end) => end + 1,
            Some(w) if w.clause && !w.sentence => end,
            _ => break,
        };
        // "Roe, Lee, and Park".
        if and(next) {
            next += 1;
        }
        let (len, _) = name_end(ws.get(next..)?);
        if len == 0 {
            break;
        }
        end = next + len;
        credit = joint(&ws[..end]).or(credit);
    }
    credit
}

/// Where the name after a verb ends (a role before it included: up to
/// a clause end or a word like "in"), and where a description's "for" or
/// "of" was read through.
fn name_end(ws: &[Word]) -> (usize, Option<usize>) {
    let mut end = 0;
    // Where a description's "for" or "of" was read through.
    let mut of_at = None;
    while let Some(w) = ws.get(end) {
        // "of" between capitalised words is inside a name ("said Bank of
        // England governor Andrew Bailey"), not the end of it.
        let inside = lower(w) == "of"
            && ws.get(end.wrapping_sub(1)).is_some_and(|p| capitalised(p))
            && ws.get(end + 1).is_some_and(|n| capitalised(n));
        // Nor does what a description is for or of ("said a spokesperson
        // for Nordrail", "said the head of the Rail Accident Investigation
        // Branch").
        let named_next = |n: usize| {
            ws.get(n).is_some_and(|w| lower(w) == "the") && ws.get(n + 1).is_some_and(capitalised)
                || ws.get(n).is_some_and(capitalised)
        };
        let of_what = matches!(lower(w).as_str(), "for" | "of")
            && ws.get(end.wrapping_sub(1)).is_some_and(is_description_noun)
            && named_next(end + 1);
        if end > 0 && is_stop(w) && !inside && !of_what || end == MAX_NAME + MAX_ROLE {
            break;
        }
        if of_what {
            of_at = of_at.or(Some(end));
        }
        end += 1;
        if w.clause || w.sentence {
            break;
        }
    }
    (end, of_at)
}
