//! Who said a quote, when the text around it says so, in the forms news
//! writing uses:
//!
//! - after the quote: `“…,” Roe said` · `“…,” said Ms. Roe` · `“…,” Jane
//!   Roe, the minister, said` (an apposition of up to ten words) · `“…,”
//!   the minister, Jane Roe, said` · `“…,” according to Roe`;
//! - before it: `Roe said: “…”` · `Roe told reporters: “…”` · `Jane Roe,
//!   the minister, told reporters: “…”` · `According to Roe, “…”` ·
//!   `said Roe: “…”` · `Roe called Lee to ask “…”` (`asking`);
//! - either side: `Interfax quoted Roe as saying` (`quoting`).
//!
//! The same in German, French, Spanish, Italian and Dutch, with their
//! reporting verbs (`«…», sagte Berg`, `« … », a déclaré la ministre`,
//! `dit-il`, `selon Roe`: `languages`), a comma outside the closing mark
//! included. The subject of a passive is no speaker (`“…?” The question
//! was asked by a resident` is the resident's), nor is an auxiliary part
//! of a name (`“…,” Roe has said`).
//!
//! Whom the words were told to ("told reporters", "told the BBC") is
//! never the speaker. A pronoun (`she said`) is returned as such; the caller
//! resolves it to the last speaker named before it in the article. What
//! names the speaker is read by `name`: courtesy titles (Mr., Ms., Mrs.,
//! Dr.), a leading article and a role before a name are dropped
//! (`Deputy Chief Fire Officer Helen Marsh` is `Helen Marsh`); a role
//! alone stays (`the minister`). Several names are one credit (`joint`).

use super::after_verb::name_after_verb;
use super::asking;
use super::document;
use super::joint::{joint, joint_at_end, named};
use super::languages;
use super::name::{MAX_NAME, MAX_ROLE, Said, pronoun};
use super::organisation;
use super::quoting;
use super::titles::is_title;
use super::words::{
    ARTICLES, Word, capitalised, is_according, is_be, is_before_verb, is_description_noun,
    is_naming_verb, is_other_verb, is_pronoun, is_to_an_audience, is_verb, joins_name, lower,
    opens_a_clause, words,
};
use crate::analysis::topics::is_connector;

/// The speaker the text after a quote names (`after` starts just past the
/// closing mark).
pub fn after(after: &str) -> Option<Said> {
    // A comma outside the closing mark (`«…», sagte Berg`) starts no
    // new clause.
    let after = after.trim_start();
    let ws = words(after.strip_prefix(',').unwrap_or(after));
    let ws = &ws[..ws.iter().position(|w| w.quote).unwrap_or(ws.len())];
    let first = ws.first()?;
    if let Some(issuer) = document::read_from(ws) {
        return name_after_verb(issuer);
    }
    // "“…,” the agency quoted him as saying": whom it quoted.
    if let Some(quoted) = quoting::object_after(ws) {
        return quoted;
    }
    if is_verb(first) && !first.sentence && !first.clause {
        // "“…,” told reporters" names only whom it was said to.
        if is_to_an_audience(first) {
            return None;
        }
        return name_after_verb(&ws[1..]);
    }
    if lower(first) == "according" && ws.get(1).is_some_and(|w| lower(w) == "to") {
        return name_after_verb(&ws[2..]);
    }
    if is_according(first) {
        return name_after_verb(&ws[1..]);
    }
    // "Roe said", "Jane Roe, the minister, said": a verb within a few
    // words, all in one sentence.
    let verb = ws
        .iter()
        .take(MAX_NAME + MAX_APPOSITION)
        .position(is_verb)?;
    if ws[..verb].iter().any(|w| w.sentence) {
        return None;
    }
    // "The question was asked by a resident": the speaker of a passive
    // is after "by", and the subject before it none.
    if verb > 0 && is_be(&ws[verb - 1]) {
        return match ws.get(verb + 1) {
            Some(by) if lower(by) == "by" => name_after_verb(&ws[verb + 2..]),
            _ => None,
        };
    }
    // "Roe has said": the name ends before its auxiliary.
    let verb = subject_end(ws, verb);
    let before = &ws[..verb];
    // "the Washington-based Center for Strategic & International Studies
    // said": one name, however long.
    if let Some(org) = organisation::at_end(before) {
        return Some(Said::Named(org));
    }
    // "Trump, Putin and Xi said": a list, not a name and its apposition.
    if let Some(credit) = joint(before) {
        return Some(Said::Named(credit));
    }
    // "…” compiled by Christopher Steele, they added": the verb's subject
    // is the pronoun after the last comma, not a name before it.
    if let [.., comma, subject] = before
        && comma.clause
        && is_pronoun(subject)
    {
        return Some(pronoun(subject));
    }
    // An apposition: the name is what comes before its first comma.
    let comma = before.iter().position(|w| w.clause);
    let name = match comma {
        Some(c) => &before[..=c],
        None => before,
    };
    // Past a few words the verb is still the name's only across an
    // apposition set off by commas ("Rashid Okafor, the chief of the
    // Brenmoor fire service, said"), after a name in capitals.
    // Or across a long role with the name in the apposition ("the White
    // House press secretary, Sarah Huckabee Sanders, said").
    if verb >= MAX_NAME + 3 {
        let set_off = comma.is_some_and(|c| c < MAX_NAME - 1 && verb - c - 1 <= MAX_APPOSITION)
            && before[verb - 1].clause;
        let described = comma.is_some_and(|c| {
            c < MAX_NAME + MAX_ROLE
                && is_title(before[c].core)
                && verb - c - 1 < MAX_NAME
                && before[verb - 1].clause
                && describes(&before[..=c], &before[c + 1..])
        });
        let capitals = name
            .iter()
            .all(|w| w.core.is_empty() || capitalised(w) || joins_name(w));
        if !(set_off && capitals || described) {
            return None;
        }
    }
    // "the mayor, Elin Haugstad, said": the name is in the apposition.
    if let Some(c) = comma
        && before[verb - 1].clause
        && describes(&before[..=c], &before[c + 1..])
    {
        return named(&before[c + 1..]).or_else(|| named(name));
    }
    named(name)
}

/// `subject` is a description ("The minister", "His brother": no capital
/// past its first word; "The minister of Transport", "La ministre des
/// Transports": a plain noun second; "the White House press secretary":
/// an article first, a title last) and its apposition names someone.
fn describes(subject: &[Word], apposition: &[Word]) -> bool {
    let noun = |w: &Word| is_description_noun(w) && !is_connector(w.core);
    let role = |s: &[Word]| {
        ARTICLES.contains(&lower(&s[0]).as_str()) && s.last().is_some_and(|w| is_title(w.core))
    };
    subject.len() > 1
        && (subject[1..].iter().all(|w| !capitalised(w)) || noun(&subject[1]) || role(subject))
        && apposition.iter().any(|w| capitalised(w))
        && !apposition.first().is_some_and(opens_a_clause)
}

/// The most words an apposition between a name and its verb is taken to
/// have ("the chief of the Brenmoor fire service").
const MAX_APPOSITION: usize = 10;

/// The speaker the text before a quote names (`before` ends at the
/// opening mark).
pub fn before(before: &str) -> Option<Said> {
    let ws = words(before);
    // The last sentence, and not past another quote.
    let from = ws
        .iter()
        .rposition(|w| w.sentence || w.quote)
        .map_or(0, |i| i + 1);
    let ws = &ws[from..];
    if ws.is_empty() {
        return None;
    }
    // "Trump called Comey to ask “…?”": the subject asks.
    if let Some(asker) = asking::asker(ws) {
        return asker;
    }
    // "Interfax quoted Peskov as saying: “…”": whom it quoted.
    if let Some(quoted) = quoting::object_before(ws) {
        return quoted;
    }
    // "According to Roe,", "Selon le ministre,".
    let according = (0..ws.len()).rev().find_map(|k| {
        if lower(&ws[k]) == "according" && ws.get(k + 1).is_some_and(|w| lower(w) == "to") {
            Some(k + 2)
        } else {
            is_according(&ws[k]).then_some(k + 1)
        }
    });
    // ("Er rief laut:" is no "laut Berg".)
    if let Some(k) = according.filter(|&k| k < ws.len()) {
        let rest = &ws[k..];
        let end = rest
            .iter()
            .position(|w| w.clause)
            .map_or(rest.len(), |c| c + 1);
        return named(&rest[..end]);
    }
    // The verb is among the last words: "Roe said:", "Roe told
    // reporters on Friday:", "said Roe:", "Roe told the House of Commons
    // committee on Tuesday:".
    let last = ws.len();
    let Some(verb) = (last.saturating_sub(AFTER_VERB)..last)
        .rev()
        .find(|&k| is_verb(&ws[k]))
    else {
        return naming(ws);
    };
    // "Er sagte:", "Ella dijo:": a pronoun, capitalised as a sentence
    // starts, before another language's verb ("Ella said:" is a name).
    if verb == 1 && languages::is_pronoun(&lower(&ws[0])) && is_other_verb(&ws[verb]) {
        return Some(pronoun(&ws[0]));
    }
    let head_end = subject_end(ws, verb);
    let head = &ws[..head_end];
    if let Some(said) = apposed_subject(head) {
        return Some(said);
    }
    if let Some(said) = subject_before(ws, head_end) {
        return said;
    }
    // No subject: "said Roe:". After "told" comes the audience.
    if is_to_an_audience(&ws[verb]) {
        return None;
    }
    name_after_verb(&ws[verb + 1..])
}

/// "Roe called the closure “a disaster”", "Roe described it as
/// “reckless”": the quote is the subject's own words for the object. A
/// named subject or a pronoun only, an object of one to
/// `MAX_OBJECT` words not ending on an article ("a bill called the
/// “Safe Act”" is a name), and "as" last after "described".
fn naming(ws: &[Word]) -> Option<Said> {
    const MAX_OBJECT: usize = 6;
    let last = ws.len();
    let verb = (last.saturating_sub(MAX_OBJECT + 1)..last.saturating_sub(1))
        .rev()
        .find(|&k| is_naming_verb(&ws[k]))?;
    let object = &ws[verb + 1..];
    let as_last = lower(&object[object.len() - 1]) == "as";
    let describing = lower(&ws[verb]).starts_with("describe");
    if describing != as_last
        || object.iter().any(|w| w.clause || w.sentence)
        || ARTICLES.contains(&lower(&object[object.len() - 1]).as_str())
    {
        return None;
    }
    let head_end = subject_end(ws, verb);
    let said =
        apposed_subject(&ws[..head_end]).or_else(|| subject_before(ws, head_end).flatten())?;
    match &said {
        Said::Named(n) if n.chars().next().is_some_and(char::is_uppercase) => Some(said),
        Said::Pronoun | Said::It | Said::Group => Some(said),
        Said::Named(_) => None,
    }
}

/// The speaker an apposition before the verb names ("The minister, Jane
/// Roe, said:").
fn apposed_subject(head: &[Word]) -> Option<Said> {
    let (subject, apposition) = apposed(head)?;
    // "His brother, Michael Reyes, told", "The minister, Jane Roe, said":
    // the apposition names the one a description before it (no capital
    // past its first word) points at.
    if describes(subject, apposition) {
        named(apposition).or_else(|| named(subject))
    } else {
        named(subject)
    }
}

/// The subject in the last few words before `head_end`, from the clause
/// they are in; `None` when there is none ("said Roe:").
fn subject_before(ws: &[Word], head_end: usize) -> Option<Option<Said>> {
    let head = &ws[..head_end];
    // "In a joint statement, President Trump and President Putin said:"
    // (a list past commas and past the few words a name has).
    if let Some(credit) = joint_at_end(head) {
        return Some(Some(Said::Named(credit)));
    }
    // "In a paper, the Center for Strategic & International Studies
    // said": longer than the few words a name has.
    if let Some(org) = organisation::at_end(head) {
        return Some(Some(Said::Named(org)));
    }
    let clause = head.iter().rposition(|w| w.clause).map_or(0, |c| c + 1);
    let start = clause.max(head_end.saturating_sub(MAX_NAME));
    (start < head_end).then(|| {
        // A long role before the name ("Minister of Foreign Affairs
        // Sergei Lavrov said:") is read whole when the short window
        // names no one.
        let wide = clause.max(head_end.saturating_sub(MAX_NAME + MAX_ROLE));
        named(&ws[start..head_end]).or_else(|| named(&ws[wide..head_end]))
    })
}

/// Where the subject of the verb at `verb` ends: before the auxiliaries
/// in front of the verb ("Roe has said", "Roe had told").
fn subject_end(ws: &[Word], verb: usize) -> usize {
    ws[..verb]
        .iter()
        .rposition(|w| !is_before_verb(w))
        .map_or(0, |k| k + 1)
}

/// The most words between a reporting verb and the colon before a quote
/// ("told the House of Commons committee on Tuesday:").
const AFTER_VERB: usize = 10;

/// The subject of a verb when an apposition stands between them ("Helen
/// Marsh, the deputy chief fire officer, told"): the words before it,
/// from the clause before them, and the apposition's own words. `head` is
/// the words before the verb.
type Apposed<'a, 'w> = (&'a [Word<'w>], &'a [Word<'w>]);

fn apposed<'a, 'w>(head: &'a [Word<'w>]) -> Option<Apposed<'a, 'w>> {
    let last = head.len().checked_sub(1)?;
    if !head[last].clause {
        return None;
    }
    let close = head[..last].iter().rposition(|w| w.clause)?;
    let open = head[..close]
        .iter()
        .rposition(|w| w.clause)
        .map_or(0, |c| c + 1)
        .max((close + 1).saturating_sub(MAX_NAME + MAX_ROLE));
    Some((&head[open..=close], &head[close + 1..=last]))
}

#[cfg(test)]
#[path = "speaker_tests.rs"]
mod tests;
