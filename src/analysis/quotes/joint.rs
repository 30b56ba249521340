//! Several named speakers of one quote: "In a joint statement, President
//! Trump and President Putin said: “…”", "“…,” Trump and Putin said",
//! "“…,” said Roe, Lee and Park". The quote is all of theirs, so it is
//! credited to all of them in one credit that lists them as English
//! does ("Trump and Putin", "Roe, Lee and Park"): a speaker is one
//! string everywhere (an occurrence's, a group's, `quotes --json`'s
//! `speaker`). Each name in a credit is read, and later written out in
//! full, as a single speaker's name would be ("Donald Trump and Vladimir
//! Putin"). A list with anything but names in it ("Roe and her husband",
//! "officials in Kyiv and Warsaw") credits no list. `name` reads one
//! speaker's words; attribution asks `named` for one or a list.

use super::name::{Said, speaker};
use super::organisation;
use super::titles::is_title;
use super::words::{COURTESY, Word, is_stop, lower};
use crate::analysis::text::is_stop_word;
use crate::analysis::topics::{is_calendar_word, is_connector, is_given_name};

/// The most words a list of speakers is looked for in.
const MAX_LIST: usize = 24;

/// The credit of the names `ws` lists, when `ws` is two or more names
/// and nothing else: joined by one "and", those before it by commas (an
/// Oxford comma too). Each name as `speaker` reads it ("President
/// Trump" is "Trump"). An organisation's name with "and" inside ("the
/// Center for Strategic and International Studies") is no list.
pub(super) fn joint(ws: &[Word]) -> Option<String> {
    if organisation::at_end(ws).is_some() {
        return None;
    }
    // The list's "and" is most often its last: an earlier one may be
    // inside a body's name before a title ("Customs and Border
    // Protection Commissioner Kevin McAleenan and Sheriff Tom Dart").
    (0..ws.len())
        .rev()
        .filter(|&k| ws[k].core == "and")
        .find_map(|and| listed(ws, and))
}

/// The credit of `ws` read as a list whose "and" is the one at `and`.
fn listed(ws: &[Word], and: usize) -> Option<String> {
    let last = &ws[and + 1..];
    let (final_word, inside) = last.split_last()?;
    let runs_on = |w: &Word| !w.ends_a_run();
    if !inside.iter().all(runs_on) || final_word.quote || final_word.core == "and" {
        return None;
    }
    let mut parts: Vec<&[Word]> = Vec::new();
    let mut start = 0;
    for (i, w) in ws[..and].iter().enumerate() {
        if w.sentence || w.quote {
            return None;
        }
        if w.clause {
            parts.push(&ws[start..=i]);
            start = i + 1;
        }
    }
    if start < and {
        parts.push(&ws[start..and]);
    }
    parts.push(last);
    let names = parts
        .iter()
        .enumerate()
        .map(|(k, part)| proper_name(part, k == 0))
        .collect::<Option<Vec<String>>>()?;
    // The last part opening with a body's words before its title ("Means
    // Committee Chairman Kevin Brady") is one of a list only beside parts
    // that each read as a person: a role and a name ("House Judiciary
    // Chairman Bob Goodlatte, …, and House Intelligence Chairman Devin
    // Nunes"), or a given name first ("Maria Lopez and Border Patrol
    // Agent Tom Dart"); beside "House Ways" it is the rest of one man's
    // title.
    let (last_name, earlier) = names.split_last()?;
    let person = |p: &[Word], n: &String| {
        !opens_with_its_name(p, n) || p.first().is_some_and(|w| is_given_name(&lower(w)))
    };
    let fits = opens_with_the_name_or_a_title(last, last_name)
        || parts.iter().zip(earlier).all(|(p, n)| person(p, n));
    (!earlier.is_empty() && fits).then(|| credit(&names))
}

/// The speakers `ws` names: a list of names (`joint`), else one name or
/// description (`name::speaker`).
pub(super) fn named(ws: &[Word]) -> Option<Said> {
    joint(ws).map(Said::Named).or_else(|| speaker(ws))
}

/// The longest list of speakers `ws` ends with, starting where a
/// subject may: at the start, after punctuation, or after a word that
/// is no preposition ("officials in Kyiv and Warsaw" is no list).
pub(super) fn joint_at_end(ws: &[Word]) -> Option<String> {
    if !ws.iter().any(|w| w.core == "and") {
        return None;
    }
    let opens = |s: usize| {
        s == 0 || {
            let w = &ws[s - 1];
            w.ends_a_run() || !(is_stop(w) || is_stop_word(&lower(w)))
        }
    };
    (ws.len().saturating_sub(MAX_LIST)..ws.len())
        .filter(|&s| opens(s))
        .find_map(|s| joint(&ws[s..]))
}

/// Words that open a sentence, capitalised there, before its subject
/// ("Meanwhile, Roe and Lee said"), besides stop words, days and "-ly".
const OPENERS: &[&str] = &[
    "afterwards",
    "earlier",
    "instead",
    "later",
    "meanwhile",
    "overall",
    "together",
];

/// A word that opens a sentence before its subject ("Meanwhile",
/// "Later", "But", "Monday"), capitalised there: no name.
pub(super) fn opens_a_sentence(w: &Word) -> bool {
    let l = lower(w);
    let adverb = l.ends_with("ly") && !is_given_name(&l);
    adverb || OPENERS.contains(&l.as_str()) || is_stop_word(&l) || is_calendar_word(&l)
}

/// One name of a list: a name in capitals, its role taken off
/// ("President Putin" is "Putin"). A list's first part may be a word
/// that opens the sentence: that is no name.
fn proper_name(part: &[Word], first: bool) -> Option<String> {
    if let ([w], true) = (part, first)
        && opens_a_sentence(w)
    {
        return None;
    }
    let Said::Named(name) = speaker(part)? else {
        return None;
    };
    let proper = name
        .split(' ')
        .enumerate()
        .all(|(i, w)| w.starts_with(char::is_uppercase) || i > 0 && (w == "&" || is_connector(w)));
    proper.then_some(name)
}

/// The part after "and" begins with its name or with a title ("President
/// Putin", "Secretary of State Marco Rubio", "Mr. Lee"), not with a
/// body's words ("Means Committee Chairman Kevin Brady").
fn opens_with_the_name_or_a_title(part: &[Word], name: &str) -> bool {
    let Some(first) = part.first() else {
        return false;
    };
    let l = lower(first);
    let l = l.trim_end_matches('.');
    !first.core.starts_with(char::is_uppercase)
        || COURTESY.contains(&l)
        || is_title(first.core)
        || is_given_name(l)
        || opens_with_its_name(part, name)
}

/// `part` begins with the name read from it: no role was taken off.
fn opens_with_its_name(part: &[Word], name: &str) -> bool {
    name.split(' ').next() == part.first().map(|w| w.core)
}

/// One credit for several names: "A and B", "A, B and C".
pub(super) fn credit(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// The names a credit lists; a single speaker's is the one name. (No
/// single name has ", " or the word "and" in it: attribution reads
/// neither as part of one.)
pub(super) fn names(credit: &str) -> Vec<&str> {
    match credit.rsplit_once(" and ") {
        Some((head, last)) => head.split(", ").chain([last]).collect(),
        None => vec![credit],
    }
}

/// `credit` with each of its names through `f` (written out in full).
pub(super) fn each_name(credit: String, mut f: impl FnMut(String) -> String) -> String {
    let names = names(&credit);
    if names.len() == 1 {
        return f(credit);
    }
    let names: Vec<String> = names.into_iter().map(|n| f(n.to_string())).collect();
    self::credit(&names)
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn listed(text: &str) -> Option<String> {
        joint(&words(text))
    }

    #[test]
    fn names_joined_by_and_are_one_credit() {
        assert_eq!(listed("Trump and Putin"), Some("Trump and Putin".into()));
        assert_eq!(
            listed("President Trump and President Putin"),
            Some("Trump and Putin".into())
        );
        assert_eq!(
            listed("Roe, Lee and Park"),
            Some("Roe, Lee and Park".into())
        );
        assert_eq!(
            listed("Roe, Lee, and Park"),
            Some("Roe, Lee and Park".into())
        );
        assert_eq!(
            listed("Vice President JD Vance and Secretary of State Marco Rubio"),
            Some("JD Vance and Marco Rubio".into())
        );
        assert_eq!(
            listed("House Ways and Means Committee Chairman Kevin Brady"),
            None
        );
        assert_eq!(listed("Trump and Mr. Abe"), Some("Trump and Abe".into()));
        assert_eq!(
            listed("Johnson & Johnson and Pfizer"),
            Some("Johnson & Johnson and Pfizer".into())
        );
    }

    #[test]
    fn a_list_with_anything_but_names_is_none() {
        for text in [
            "Trump",
            "Roe and her husband",
            "officials and residents",
            "officials in Kyiv and Warsaw",
            "Meanwhile, Roe and Lee",
            "Separately, Roe and Lee",
            "In a joint statement, Trump and Putin",
            "Roe and",
            "Roe. Lee and Park",
        ] {
            assert_eq!(listed(text), None, "{text}");
        }
    }

    #[test]
    fn the_list_a_subject_ends_with() {
        let at_end = |text: &str| joint_at_end(&words(text));
        assert_eq!(
            at_end("In a joint statement, President Trump and President Putin"),
            Some("Trump and Putin".into())
        );
        assert_eq!(
            at_end("Separately, Roe and Lee"),
            Some("Roe and Lee".into())
        );
        assert_eq!(at_end("Officials in Kyiv and Warsaw"), None);
        assert_eq!(at_end("Roe"), None);
    }

    #[test]
    fn a_joint_attribution_either_side_of_the_quote() {
        use super::super::speaker::{after, before};
        let named = |n: &str| Some(Said::Named(n.into()));
        let both = named("Trump and Putin");
        assert_eq!(
            before("In a joint statement, President Trump and President Putin said: "),
            both
        );
        assert_eq!(after(", Trump and Putin said in a joint statement."), both);
        assert_eq!(after(", said Trump and Putin."), both);
        assert_eq!(
            after(", Trump, Putin and Xi said."),
            named("Trump, Putin and Xi")
        );
        assert_eq!(
            after(", said Trump, Putin and Xi."),
            named("Trump, Putin and Xi")
        );
        assert_eq!(before("The leaders, Trump and Putin, said: "), both);
        // No list: the one name, or no one, as before.
        assert_eq!(after(", said Roe and left the room."), named("Roe"));
        assert_eq!(before("Officials in Kyiv and Warsaw said: "), None);
        assert_eq!(after(", Ann Lee and her husband said."), None);
    }

    #[test]
    fn a_credit_lists_its_names() {
        let c = credit(&["A B".into(), "C".into(), "D E".into()]);
        assert_eq!(c, "A B, C and D E");
        assert_eq!(names(&c), ["A B", "C", "D E"]);
        assert_eq!(names("Jo Roe"), ["Jo Roe"]);
        assert_eq!(
            each_name("Trump and Putin".into(), |n| format!("X {n}")),
            "X Trump and X Putin"
        );
        assert_eq!(each_name("Roe".into(), |n| format!("Jo {n}")), "Jo Roe");
    }
}
