//! Who the words naming a speaker mean: a name without the article,
//! courtesy title or role before it, or a short description ("a Kremlin
//! spokesman", "officials", "a spokesperson for Nordrail"); and the person a paragraph last names in
//! full, whom a pronoun right after most likely means.
//!
//! A role is taken off whole ("Deputy Chief Fire Officer Helen Marsh",
//! "said chief engineer Tom Baker" give "Helen Marsh", "Tom Baker"), so
//! an outlet that gives the role and one that does not credit the same
//! person, and a quote never reads as a more senior officer's because a
//! first word of the role was cut. The role words are the topic index's
//! titles, or any plain lower-case noun right before a name of two or
//! three words ("harbour master Ola Lind"); what is left must look like a
//! person's name ("Justice Department", "General Motors", "the think tank
//! Chatham House" stay whole).

use super::organisation::organisation;
use super::titles::is_title;
use super::words::{
    ARTICLES, COURTESY, Word, capitalised, is_auxiliary, is_description_noun, is_pronoun,
    is_role_noun, is_stop, is_verb, joins_name, leads_role, lower,
};
use crate::analysis::topics::{is_calendar_word, is_given_name, is_not_person_word, is_suffix};

/// What the text says about who spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Named(String),
    /// he, she: the last speaker named before.
    Pronoun,
    /// it (a company, a body, a country; not a person): the last speaker
    /// named before, if that is no person.
    It,
    /// they (ils, ellos, ...): a group, which one the text rarely says
    /// ("the three chairmen", "Goodlatte, Gowdy and Nunes"); never the
    /// one person named last.
    Group,
}

/// The most words a speaker's name is taken to have, plus one.
pub(super) const MAX_NAME: usize = 5;
/// The most words a role before a name is taken to have ("Deputy Chief
/// Fire Officer").
pub(super) const MAX_ROLE: usize = 4;

/// A speaker from the words naming them, or none if they do not look like
/// a name or a short description ("a Kremlin spokesman", "officials").
pub(super) fn speaker(ws: &[Word]) -> Option<Said> {
    // "a statement from Jo Roe": the statement's issuer.
    if let Some(issuer) = super::document::issuer_words(ws) {
        return speaker(issuer);
    }
    let mut ws: Vec<&Word> = ws.iter().filter(|w| !w.core.is_empty()).collect();
    if ws.len() == 1 && is_pronoun(ws[0]) {
        return Some(pronoun(ws[0]));
    }
    // "He's said …": a pronoun and its auxiliary in one word.
    if ws.len() == 1
        && matches!(
            lower(ws[0]).replace('\u{2019}', "'").as_str(),
            "he's" | "she's"
        )
    {
        return Some(Said::Pronoun);
    }
    // "said 18-year-old Karina Gomez": an age before a name is no part
    // of it.
    if ws.len() > 1 && is_age(ws[0]) {
        ws.remove(0);
    }
    // "the", and another language's article before a role ("le
    // ministre", "der Minister").
    while ws
        .first()
        .is_some_and(|w| ARTICLES.contains(&lower(w).as_str()) || leads_role(w, ws.get(1).copied()))
    {
        ws.remove(0);
    }
    while ws.len() > 1 && COURTESY.contains(&lower(ws[0]).as_str()) {
        ws.remove(0);
    }
    let start = name_start(&ws);
    if start == 0
        && let Some(of) = description_of(&ws)
    {
        return Some(Said::Named(of));
    }
    // "the Center for Strategic and International Studies": small words
    // inside, and longer than a person's name.
    if start == 0
        && let Some(org) = organisation(&ws)
    {
        return Some(Said::Named(org));
    }
    ws.drain(..start);
    // "Rep. Elijah E. Cummings of Maryland", "Bob Goodlatte of the
    // Judiciary Committee": a person's name, then where they are from
    // or sit. A person's: a role was taken off before it, or it
    // opens with a given name or holds an initial ("Bank of England"
    // stays whole).
    let person = |name: &[&Word]| {
        start > 0
            || is_given_name(&lower(name[0]))
            || name.iter().any(|w| w.core.chars().count() == 1)
    };
    let place = |ws: &[&Word]| {
        let ws = match ws.first() {
            Some(w) if w.core == "the" => &ws[1..],
            _ => ws,
        };
        // An ampersand may join its words ("of Smith & Wesson").
        let inside = |w: &&Word| capitalised(w) || w.core == "&";
        (1..=3).contains(&ws.len())
            && ws.iter().all(inside)
            && ws.first().is_some_and(|w| capitalised(w))
            && ws.last().is_some_and(|w| capitalised(w))
    };
    if let Some(of) = ws.iter().position(|w| w.core == "of")
        && of >= 2
        && person(&ws[..of])
        && place(&ws[of + 1..])
    {
        ws.truncate(of);
    }
    if ws.is_empty() || ws.len() > MAX_NAME - 1 {
        return None;
    }
    // "The question was asked": no name has a verb in it.
    let words_ok = ws
        .iter()
        .all(|w| !is_verb(w) && !is_auxiliary(w) && !is_pronoun(w) && !is_stop(w));
    // A description must carry a name or be one plain noun phrase.
    let named = ws.iter().any(|w| capitalised(w));
    if !words_ok || (!named && ws.len() > 3) {
        return None;
    }
    Some(Said::Named(joined(&ws)))
}

/// A description that keeps what it is for or of ("spokesperson for
/// Nordrail", "head of the Rail Accident Investigation Branch"): one or
/// two lower-case nouns, "for" or "of", and a name in capitals.
fn description_of(ws: &[&Word]) -> Option<String> {
    let k = ws
        .iter()
        .position(|w| matches!(lower(w).as_str(), "for" | "of"))?;
    let mut of = k + 1;
    if ws.get(of).is_some_and(|w| lower(w) == "the") {
        of += 1;
    }
    let described = (1..=2).contains(&k) && ws[..k].iter().all(|w| is_description_noun(w));
    let what = &ws[of..];
    let named = (1..=MAX_ROLE).contains(&what.len())
        && capitalised(what[0])
        && what
            .iter()
            .all(|w| (capitalised(w) || joins_name(w)) && !is_verb(w));
    (described && named).then(|| joined(ws))
}

/// "18-year-old": an age written before a name.
fn is_age(w: &Word) -> bool {
    let l = lower(w);
    let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < l.len() && matches!(rest, "-year-old" | "-years-old")
}

/// What a pronoun stands for: one person, or a group ("they", and
/// other languages' words that say only that: "ils", "ellos"; German
/// "sie" may be "she").
pub(super) fn pronoun(w: &Word) -> Said {
    if matches!(
        lower(w).as_str(),
        "they" | "ils" | "elles" | "ellos" | "ellas"
    ) {
        Said::Group
    } else if lower(w) == "it" {
        Said::It
    } else {
        Said::Pronoun
    }
}

/// The words of a name as the text writes them: a middle initial keeps
/// its dot ("Stephen E. Boyd"), which `core` has taken off; a last single
/// letter is a name, not an initial ("Malcolm X").
pub(super) fn joined(ws: &[&Word]) -> String {
    let initial = |w: &Word| w.core.len() == 1 && w.core.bytes().all(|b| b.is_ascii_uppercase());
    let last = ws.len().saturating_sub(1);
    let parts: Vec<String> = ws
        .iter()
        .enumerate()
        .map(|(k, w)| match k < last && initial(w) {
            true => format!("{}.", w.core),
            false => w.core.to_string(),
        })
        .collect();
    parts.join(" ")
}

/// Where the name in `ws` begins after a role or a description before it
/// (0: no role, or what follows does not look like a person's name).
pub(super) fn name_start(ws: &[&Word]) -> usize {
    let Some(last) = ws.len().checked_sub(1) else {
        return 0;
    };
    // The name is in the capitalised words at the end ("von" and "de"
    // may sit inside it).
    let run = ws
        .iter()
        .rposition(|w| !capitalised(w) && !joins_name(w))
        .map_or(0, |i| i + 1);
    // A role inside them ends at its last title with a name after it
    // (or a German role noun right before a name of two words:
    // "Chefingenieur Tomas Berg"); else a description in lower case ends
    // where they begin.
    let role = |i: usize| is_title(ws[i].core) || last - i == 2 && is_role_noun(ws[i]);
    let (mut start, titled) = match (run..last).rev().find(|&i| role(i)) {
        Some(t) => (t + 1, true),
        // "Minister of Foreign Affairs Sergei Lavrov": the lower-case "of"
        // ends the capitalised run, but the title before it still leads
        // the role on through it.
        None if run > 1 && lower(ws[run - 1]) == "of" && is_title(ws[run - 2].core) => {
            (run - 1, true)
        }
        // "chief engineer Tomas Berg": a lower-case noun right before a
        // short run describes the person the run names.
        None if run > 0 => {
            // "a spokesperson for Tom Baker" is not Tom Baker.
            if lower(ws[run - 1]) == "for" {
                return 0;
            }
            let described = (2..=3).contains(&(ws.len() - run)) && is_description_noun(ws[run - 1]);
            (run, described || is_title(ws[run - 1].core))
        }
        None => return 0,
    };
    // A title "of" something ("Secretary of State Antony Blinken",
    // "Minister of Foreign Affairs Sergei Lavrov"): the role runs on to
    // the last two words, or to a given name before them.
    if titled && ws.get(start).is_some_and(|w| lower(w) == "of") {
        start += 1;
        // One word right after "of" is what the role is of ("the
        // president of Nordrail"), not a name.
        if ws.len() - start == 1 {
            return 0;
        }
        while ws.len() - start > 2 && !is_given_name(&lower(ws[start])) {
            start += 1;
        }
    }
    let name = &ws[start..];
    let key = |w: &&Word| lower(w);
    let given = name.first().is_some_and(|w| is_given_name(&key(w)));
    // A role says a person follows, unless an organisation's or a
    // place's word does; a description alone needs a given name.
    let person = given
        || titled
            && !name
                .iter()
                .any(|w| is_not_person_word(&key(w)) || is_calendar_word(&key(w)));
    // "the Prime Minister", "Chief Fire Officer": a role, no name after.
    let role_only = name.last().is_some_and(|w| is_title(w.core)) && !given;
    let whole = !name.is_empty()
        && capitalised(name[0])
        && !role_only
        && !name.iter().all(|w| is_suffix(&key(w)));
    if person && whole { start } else { 0 }
}

#[cfg(test)]
#[path = "name_tests.rs"]
mod tests;
