//! A speaker given only by a role ("the minister added", "said the fire
//! chief") is the person the article named with that role before: news
//! names a person once in full ("Minister Jane Roe", "Jane Roe, the
//! minister,") and then by the role alone. Two outlets that credit the
//! quote to "Jane Roe" and to "minister" then credit one person.

use super::titles::is_title;
use super::words::{Word, capitalised, lower, words};
use crate::analysis::text::is_stop_word;
use crate::analysis::text::without_possessive;
use crate::analysis::topics::is_calendar_word;

/// Whether `speaker` is a role and nothing else: lower-case words ending
/// in a title ("minister", "fire chief", "deputy mayor").
pub(super) fn is_role_only(speaker: &str) -> bool {
    let ws: Vec<&str> = speaker.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 4
        && ws.last().is_some_and(|w| is_title(w))
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()))
}

/// Whether `speaker` is a common noun and nothing more ("chairmen", "a
/// resident", "officials": lower-case words, no role `named_with_role`
/// looks up): it names no one, so it credits no one, and two outlets'
/// "officials" are no evidence of one speaker.
pub(super) fn is_common_noun(speaker: &str) -> bool {
    let mut ws = speaker.split_whitespace().peekable();
    ws.peek().is_some() && ws.all(|w| !w.starts_with(char::is_uppercase)) && !is_role_only(speaker)
}

/// The last person `text` names with the role `role` (its last word is
/// enough: "Fire Chief Rashid Okafor" for "chief"): right after it
/// ("Minister Jane Roe"), or before it in an apposition ("Jane Roe, the
/// minister,"). A name is two or three capitalised words.
pub(super) fn named_with_role(text: &str, role: &str) -> Option<String> {
    let key = role.split_whitespace().last()?.to_lowercase();
    let ws = words(text);
    let mut found = None;
    for (k, w) in ws.iter().enumerate() {
        if lower(w) != key || w.sentence || w.quote {
            continue;
        }
        if let Some(name) = name_after(&ws[k + 1..]).or_else(|| name_before(&ws[..k])) {
            found = Some(name);
        }
    }
    found
}

/// "Jane Roe" at the start of `ws` (two or three capitalised words, the
/// first not a title), or a surname alone ("President Trump", "Chancellor
/// Merkel": news names the best-known holders of a role so; the caller
/// writes it out where the article gives it in full). A capitalised word
/// that is a day, a month or a function word is no surname ("the
/// president Monday", "the minister But").
fn name_after(ws: &[Word]) -> Option<String> {
    let mut n = 0;
    while n < ws.len() && n < 3 && capitalised(&ws[n]) && !is_title(ws[n].core) {
        n += 1;
        if ws[n - 1].sentence || ws[n - 1].clause || ws[n - 1].quote {
            break;
        }
    }
    let surname_alone = |w: &Word| {
        let key = w.core.to_lowercase();
        !is_calendar_word(&key) && !is_stop_word(&key) && w.core.chars().count() > 1
    };
    match n {
        0 => None,
        1 if !surname_alone(&ws[0]) => None,
        _ => Some(joined(&ws[..n])),
    }
}

/// "Jane Roe, the [deputy] minister": the name before the comma that opens
/// the apposition the role word is in.
fn name_before(ws: &[Word]) -> Option<String> {
    // The apposition's words between the comma and the role: "the",
    // perhaps a qualifier or two ("the deputy", "the county's chief").
    let comma = ws.iter().rposition(|w| w.clause)?;
    if ws.len() - comma > 4 || ws[comma + 1..].iter().any(capitalised) {
        return None;
    }
    let start = comma.saturating_sub(2);
    let name = &ws[start..=comma];
    let name = match name.iter().position(capitalised) {
        Some(p) => &name[p..],
        None => return None,
    };
    (name.len() >= 2 && name.iter().all(capitalised)).then(|| joined(name))
}

/// The words as one name, a possessive taken off ("President Trump's
/// decision" names Trump).
fn joined(ws: &[Word]) -> String {
    let name = ws.iter().map(|w| w.core).collect::<Vec<_>>().join(" ");
    without_possessive(&name).map_or_else(|| name.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_alone_are_told_from_names_and_descriptions() {
        assert!(is_role_only("minister"));
        assert!(is_role_only("fire chief"));
        assert!(is_role_only("deputy mayor"));
        assert!(!is_role_only("Jane Roe"));
        assert!(!is_role_only("spokesperson for Nordrail"));
        assert!(!is_role_only("officials"));
        assert!(!is_role_only("villagers near Kherson"));
    }

    #[test]
    fn common_nouns_are_told_from_roles_and_names() {
        for noun in [
            "chairmen",
            "officials",
            "resident",
            "senior administration official",
        ] {
            assert!(is_common_noun(noun), "{noun}");
        }
        for speaker in [
            "minister",
            "fire chief",
            "Jane Roe",
            "Kremlin spokesman",
            "",
            "spokesperson for Nordrail",
        ] {
            assert!(!is_common_noun(speaker), "{speaker}");
        }
    }

    #[test]
    fn the_person_named_with_the_role_before() {
        let text = "Minister Jane Roe visited the site on Monday. Crews worked on.";
        assert_eq!(named_with_role(text, "minister"), Some("Jane Roe".into()));
        let text = "Rashid Okafor, the fire chief, spoke first. Later the mayor spoke.";
        assert_eq!(
            named_with_role(text, "fire chief"),
            Some("Rashid Okafor".into())
        );
        // The last one named with that role.
        let text = "Mayor Ana Ruiz left. Mayor Tom Hale arrived.";
        assert_eq!(named_with_role(text, "mayor"), Some("Tom Hale".into()));
        // A surname alone after the role, the last one named so.
        let text = "A summit with President Moon Jae-in of South Korea; Mr. Kim will \
                    also meet with President Trump soon. Mr. Trump welcomed it.";
        assert_eq!(named_with_role(text, "president"), Some("Trump".into()));
        let text = "Chancellor Merkel's visit ended early.";
        assert_eq!(named_with_role(text, "chancellor"), Some("Merkel".into()));
        // A day, a month or a sentence's next word is no surname.
        let text = "Mayor Tom Hale left. The mayor Monday signed it.";
        assert_eq!(named_with_role(text, "mayor"), Some("Tom Hale".into()));
        let text = "He met the president But nothing came of it.";
        assert_eq!(named_with_role(text, "president"), None);
        // Not named with the role: nothing, not a guess.
        let text = "Jane Roe visited the site. The minister was late.";
        assert_eq!(named_with_role(text, "minister"), None);
        assert_eq!(named_with_role("", "minister"), None);
    }
}
