//! The people a text names, in order: a full name ("Lena Ortiz"), or a
//! name after a role ("Mayor Ruiz" is Ruiz, given the role "mayor"), for
//! the pronoun after them and for a surname alone later in the article.

use super::name::{joined, name_start};
use super::titles::is_title;
use super::words::{
    ARTICLES, COURTESY, Word, capitalised, is_to_an_audience, is_verb, lower, words,
};
use crate::analysis::text::is_stop_word;
use crate::analysis::text::without_possessive;
use crate::analysis::topics::{is_given_name, is_not_person_word};

/// One person named: as [`people_named_in`] gives them, and the role
/// title they were given right before ("president" for "President
/// Trump"; none after a courtesy title, "Mr Hale": anyone may be a Mr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Named {
    pub name: String,
    pub title: Option<String>,
    /// Whom something was told or asked ("Johnson told radio host Nick
    /// Ferrari …"): a pronoun after it means the teller, not them.
    pub audience: bool,
}

/// The last title word of a role taken off a name, lower case, unless
/// it is a courtesy title.
fn role_title(role: &[Word]) -> Option<String> {
    let t = role.iter().rev().find(|w| is_title(w.core))?;
    let t = t.core.trim_end_matches('.').to_lowercase();
    (!COURTESY.contains(&t.as_str())).then_some(t)
}

/// The last person the text names by a full name (two or more
/// capitalised words in a row: "Resident Lena Ortiz was less impressed."
/// gives "Lena Ortiz"), or by a name after a role ("Deputy Chief Fire
/// Officer Helen Marsh said" gives "Helen Marsh"); a body's name (a word
/// like "Service" or "Authority" in it) and whom something was told are
/// passed over.
pub(super) fn named_in(text: &str) -> Option<String> {
    people_in(text)
        .into_iter()
        .filter(|p| !p.audience)
        .map(|p| p.name)
        .next_back()
}

/// Every person the text names as [`named_in`] reads them, in text order.
pub(super) fn people_named_in(text: &str) -> Vec<String> {
    people_in(text).into_iter().map(|p| p.name).collect()
}

/// Every person the text names, with the role title each was given.
pub(super) fn people_in(text: &str) -> Vec<Named> {
    let ws = words(text);
    let mut named: Vec<Named> = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let mut sentence_start = k == 0 || ws[k - 1].sentence || ws[k - 1].quote;
        let mut end = k;
        // A title "of" something stays in the run ("Secretary of State
        // Antony Blinken"), so the role is taken off whole.
        let of_title = |e: usize| {
            e > k
                && lower(&ws[e]) == "of"
                && is_title(ws[e - 1].core)
                && ws.get(e + 1).is_some_and(|w| capitalised(w))
        };
        while end < ws.len() && (capitalised(&ws[end]) || of_title(end)) && !ws[end].quote {
            end += 1;
            if ws[end - 1].sentence || ws[end - 1].clause {
                break;
            }
        }
        let mut run: Vec<&Word> = ws[k..end].iter().collect();
        // Where the run left now starts in `ws`.
        let mut first = k;
        // "In January, …", "But Trump …": a small word opening the
        // sentence is capitalised, not a name's.
        if sentence_start && run.first().is_some_and(|w| is_stop_word(&lower(w))) {
            run.remove(0);
            first += 1;
        }
        // "North Korea's Kim Jong Un", "Britain's Prime Minister Theresa
        // May": the name is past the possessive.
        if let Some(p) = run[..run.len().saturating_sub(1)]
            .iter()
            .rposition(|w| without_possessive(w.core).is_some())
        {
            run.drain(..=p);
            first += p + 1;
            sentence_start = false;
        }
        let role = name_start(&run);
        if role > 0 {
            run.drain(..role);
        } else if sentence_start
            && run.len() >= 2
            && (run.len() >= 3 || ARTICLES.contains(&lower(run[0]).as_str()))
        {
            // A sentence's first word is capitalised anyway ("Resident").
            run.remove(0);
        }
        // A body is no one a pronoun stands for: "the" before it ("the
        // Conciliation Service"), or a body's or place's word and no
        // given name first ("Port Authority"; "Bo Park" is a person).
        let after_the =
            (k > 0 && lower(&ws[k - 1]) == "the") || ws.get(k).is_some_and(|w| lower(w) == "the");
        let given_first = run.first().is_some_and(|w| is_given_name(&lower(w)));
        // "Marks & Spencer Group": words an ampersand joins are a firm's,
        // unless a role names a person after them.
        let ampersand =
            (k > 0 && ws[k - 1].core == "&") || ws.get(end).is_some_and(|w| w.core == "&");
        let body = after_the
            || ampersand && role == 0
            || (!given_first
                && if run.len() >= 3 {
                    run.iter().any(|w| is_not_person_word(&lower(w)))
                } else {
                    // Two: that word first ("North Korea").
                    run.first().is_some_and(|w| is_not_person_word(&lower(w)))
                });
        // A role in lower case stands before the run ("first lady Melania
        // Trump", "the senator's aide"), not in it.
        let lower_role = k
            .checked_sub(1)
            .filter(|&b| !capitalised(&ws[b]) && !ws[b].sentence && !ws[b].clause)
            .map_or(&ws[k..k], |b| &ws[b..k]);
        // "Mr. Trump's tweet", "Following Trump's remarks": an owner is
        // named aside, never whom a pronoun after means, and a word
        // before it may open the sentence; the article names its people
        // elsewhere.
        let owner = run
            .last()
            .is_some_and(|w| without_possessive(w.core).is_some());
        if (role > 0 || run.len() >= 2) && run.iter().all(|w| !is_verb(w)) && !body && !owner {
            let apposed = || {
                ws[end - 1]
                    .clause
                    .then(|| apposed_title(&ws[end..]))
                    .flatten()
            };
            named.push(Named {
                title: role_title(&ws[first..first + role])
                    .or_else(|| role_title(lower_role))
                    .or_else(apposed),
                audience: told_to(&ws[..k]),
                name: joined(&run),
            });
        }
        k = end.max(k + 1);
    }
    named
}

/// Whether the words before a name end on "told" or "asked", perhaps
/// with a few lower-case words between ("told radio host", "asked the").
/// "asked" is no `is_to_an_audience` verb: "“…?” asked Roe" names the
/// one who asks.
fn told_to(before: &[Word]) -> bool {
    before
        .iter()
        .rev()
        .take(4)
        .take_while(|w| !capitalised(w) && !w.ends_a_run())
        .any(|w| is_to_an_audience(w) || matches!(lower(w).as_str(), "asked" | "asks"))
}

/// The role of an apposition right after a name ("Melania Trump, the
/// first lady, …"): up to four lower-case words, the last a title, that
/// end where the apposition does.
fn apposed_title(ws: &[Word]) -> Option<String> {
    let end = ws.iter().take(4).position(|w| w.clause || w.sentence)?;
    let apposition = &ws[..=end];
    let plain = apposition.iter().all(|w| !capitalised(w) && !w.quote);
    if !plain || !is_title(apposition[end].core) {
        return None;
    }
    role_title(apposition)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_in_the_text_before() {
        assert_eq!(
            named_in("Resident Lena Ortiz was less impressed. "),
            Some("Lena Ortiz".into())
        );
        assert_eq!(
            named_in("The Mayor spoke. Then Ann Lee and Bo Park left"),
            Some("Bo Park".into())
        );
        assert_eq!(
            named_in("Deputy Chief Fire Officer Helen Marsh said the crews were tired. "),
            Some("Helen Marsh".into())
        );
        assert_eq!(named_in("Mayor Ruiz spoke first. "), Some("Ruiz".into()));
        assert_eq!(
            named_in("Secretary of State Antony Blinken spoke first. "),
            Some("Antony Blinken".into())
        );
        assert_eq!(named_in("The Mayor spoke at length."), None);
        // A body is no person: "the" before it, or a body's word in three.
        assert_eq!(
            named_in("Jo Roe, appointed by the Conciliation Service, spoke. "),
            Some("Jo Roe".into())
        );
        assert_eq!(
            named_in("Martin Hale, who runs Marrowby Port Authority, spoke. "),
            Some("Martin Hale".into())
        );
        assert_eq!(
            named_in("Ann Lee said North Korea agreed. "),
            Some("Ann Lee".into())
        );
        assert_eq!(
            named_in("Bo Park and Lena Hall spoke. "),
            Some("Lena Hall".into())
        );
        assert_eq!(named_in(""), None);
        // Words an ampersand joins are a firm's, not a person's.
        assert_eq!(named_in("Marks & Spencer Group said so. "), None);
        assert_eq!(
            named_in("Smith & Wesson spokesman Tom Reed spoke. "),
            Some("Tom Reed".into())
        );
        // Whom something was told is not who a pronoun after means.
        assert_eq!(
            named_in("Woody Johnson told radio host Nick Ferrari it was on. "),
            Some("Woody Johnson".into())
        );
        assert_eq!(
            named_in("Ann Lee told Bo Park it was on. "),
            Some("Ann Lee".into())
        );
        assert_eq!(named_in("Johnson told Nick Ferrari so. "), None);
        // An owner is named aside; a name past a possessive is the name.
        assert_eq!(
            named_in("Britain's foreign secretary, Boris Johnson, used Mr. Trump's format. "),
            Some("Boris Johnson".into())
        );
        assert_eq!(
            named_in("North Korea's Kim Jong Un spoke. "),
            Some("Kim Jong Un".into())
        );
        // A small word opening a sentence is no part of a name.
        assert_eq!(named_in("In January, Trump cancelled a visit. "), None);
        assert_eq!(named_in("But Ann Lee left. "), Some("Ann Lee".into()));
    }

    #[test]
    fn a_role_in_lower_case_before_the_name_is_its_title() {
        let got = people_in("He met first lady Melania Trump and Mr. Ed Lowe.");
        assert_eq!(got[0].title.as_deref(), Some("lady"));
        assert_eq!(got[1].title, None);
    }

    #[test]
    fn a_role_title_is_kept_beside_the_name() {
        let title = |t: &str| people_in(t).pop().and_then(|p| p.title);
        assert_eq!(title("President Trump spoke. "), Some("president".into()));
        assert_eq!(title("Senator Ana Ruiz smiled. "), Some("senator".into()));
        assert_eq!(title("Mr Hale spoke. "), None);
        assert_eq!(title("Lena Ortiz spoke. "), None);
        // In an apposition right after the name.
        assert_eq!(
            title("He met Melania Trump, the first lady, at noon. "),
            Some("lady".into())
        );
        assert_eq!(title("He met Ana Ruiz, the mayor. "), Some("mayor".into()));
        assert_eq!(title("He met Ana Ruiz, who spoke first, at noon. "), None);
        assert_eq!(
            title("He met Ana Ruiz, a friend of the mayor, at noon. "),
            None
        );
    }
}
