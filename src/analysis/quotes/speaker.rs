//! Who said a quote, when the text around it says so, in the forms news
//! writing uses:
//!
//! - after the quote: `“…,” Roe said` · `“…,” said Ms. Roe` · `“…,” Jane
//!   Roe, the minister, said` · `“…,” according to Roe`;
//! - before it: `Roe said: “…”` · `Roe told reporters: “…”` · `According
//!   to Roe, “…”` · `said Roe: “…”`.
//!
//! A pronoun (`she said`) is returned as such; the caller resolves it to
//! the last speaker named before it in the article. Courtesy titles (Mr.,
//! Ms., Mrs., Dr.) and a leading article are dropped; roles stay
//! (`President Putin`).

/// What the text says about who spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Named(String),
    /// he, she, they, it: the last speaker named before.
    Pronoun,
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "explained",
    "asked",
    "argued",
    "insisted",
    "warned",
    "declared",
    "wrote",
    "writes",
    "replied",
    "remarked",
    "continued",
    "observed",
    "claimed",
    "announced",
    "tweeted",
    "posted",
    "recalled",
    "acknowledged",
    "admitted",
    "stressed",
    "emphasised",
    "emphasized",
    "concluded",
    "cautioned",
    "urged",
    "vowed",
    "quipped",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it"];
const COURTESY: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof"];
/// Abbreviated titles: their full stop does not end a sentence.
const TITLES: &[&str] = &[
    "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "rev", "st", "jr", "sr",
    "amb", "pres", "det", "insp",
];
const ARTICLES: &[&str] = &["the", "a", "an"];
/// Words that end a speaker's name after the verb: "said Roe in a
/// statement", "said Roe on Friday".
const STOPS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "when", "while", "who", "which", "to", "as",
    "and", "but", "that", "from", "of", "for", "with", "by",
];
/// The most words a speaker is taken to have.
const MAX_NAME: usize = 5;

/// One whitespace-separated word of the context, without the punctuation
/// around it, and what that punctuation says.
#[derive(Debug, Clone)]
struct Word<'a> {
    core: &'a str,
    /// Followed by , ; : or a dash: a clause ends here.
    clause: bool,
    /// Followed by . ! ? (not an abbreviation like Ms.): a sentence ends.
    sentence: bool,
    /// Begins or ends with a quotation mark: another quote.
    quote: bool,
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

fn words(text: &str) -> Vec<Word<'_>> {
    let punctuation = |c: char| !c.is_alphanumeric();
    text.split_whitespace()
        .map(|raw| {
            let lead = raw.len() - raw.trim_start_matches(punctuation).len();
            let core = raw[lead..].trim_end_matches(punctuation);
            let (head, tail) = (&raw[..lead], &raw[lead + core.len()..]);
            if core.is_empty() {
                // A lone dash or mark still ends a clause.
                return Word {
                    core,
                    clause: true,
                    sentence: false,
                    quote: raw.chars().any(is_mark),
                };
            }
            let l = core.to_lowercase();
            let abbreviation = COURTESY.contains(&l.as_str())
                || TITLES.contains(&l.as_str())
                || (core.chars().count() == 1 && core.chars().all(char::is_uppercase));
            Word {
                core,
                clause: tail.contains([',', ';', ':', '—', '–']),
                sentence: tail.contains(['.', '!', '?']) && !abbreviation,
                quote: head.chars().chain(tail.chars()).any(is_mark),
            }
        })
        .collect()
}

fn lower(w: &Word) -> String {
    w.core.to_lowercase()
}

fn is_verb(w: &Word) -> bool {
    VERBS.contains(&lower(w).as_str())
}

fn capitalised(w: &Word) -> bool {
    w.core.chars().next().is_some_and(char::is_uppercase)
}

/// The speaker the text after a quote names (`after` starts just past the
/// closing mark).
pub fn after(after: &str) -> Option<Said> {
    let ws = words(after);
    let ws = &ws[..ws.iter().position(|w| w.quote).unwrap_or(ws.len())];
    let first = ws.first()?;
    if is_verb(first) && !first.sentence && !first.clause {
        return name_after_verb(&ws[1..]);
    }
    if lower(first) == "according" && ws.get(1).is_some_and(|w| lower(w) == "to") {
        return name_after_verb(&ws[2..]);
    }
    // "Roe said", "Jane Roe, the minister, said": a verb within a few
    // words, all in one sentence.
    let verb = ws.iter().take(MAX_NAME + 3).position(is_verb)?;
    let before = &ws[..verb];
    if before.iter().any(|w| w.sentence) {
        return None;
    }
    // An apposition: the name is what comes before its first comma.
    let name = match before.iter().position(|w| w.clause) {
        Some(c) => &before[..=c],
        None => before,
    };
    speaker(name)
}

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
    if let Some(k) = ws
        .windows(2)
        .rposition(|p| lower(&p[0]) == "according" && lower(&p[1]) == "to")
    {
        let rest = &ws[k + 2..];
        let end = rest
            .iter()
            .position(|w| w.clause)
            .map_or(rest.len(), |c| c + 1);
        return speaker(&rest[..end]);
    }
    // The verb is among the last words: "Roe said:", "Roe told
    // reporters on Friday:", "said Roe:".
    let last = ws.len();
    let verb = (last.saturating_sub(6)..last)
        .rev()
        .find(|&k| is_verb(&ws[k]))?;
    let head = &ws[..verb];
    let start = head
        .iter()
        .rposition(|w| w.clause)
        .map_or(0, |c| c + 1)
        .max(verb.saturating_sub(MAX_NAME));
    if start < verb {
        return speaker(&ws[start..verb]);
    }
    name_after_verb(&ws[verb + 1..])
}

/// The last person the text names by a full name (two or more
/// capitalised words in a row: "Resident Lena Ortiz was less impressed."
/// gives "Lena Ortiz"): whom a pronoun right after most likely means.
pub fn named_in(text: &str) -> Option<String> {
    let ws = words(text);
    let mut best: Option<String> = None;
    let mut k = 0;
    while k < ws.len() {
        let sentence_start = k == 0 || ws[k - 1].sentence || ws[k - 1].quote;
        let mut end = k;
        while end < ws.len() && capitalised(&ws[end]) && !ws[end].quote {
            end += 1;
            if ws[end - 1].sentence || ws[end - 1].clause {
                break;
            }
        }
        let mut run = &ws[k..end];
        if sentence_start
            && run.len() >= 2
            && (run.len() >= 3 || ARTICLES.contains(&lower(&run[0]).as_str()))
        {
            run = &run[1..];
        }
        if run.len() >= 2 && run.iter().all(|w| !is_verb(w)) {
            best = Some(run.iter().map(|w| w.core).collect::<Vec<_>>().join(" "));
        }
        k = end.max(k + 1);
    }
    best
}

/// The name after a verb: up to a clause end or a word like "in".
fn name_after_verb(ws: &[Word]) -> Option<Said> {
    let mut end = 0;
    while let Some(w) = ws.get(end) {
        if end > 0 && STOPS.contains(&lower(w).as_str()) || end == MAX_NAME {
            break;
        }
        end += 1;
        if w.clause || w.sentence {
            break;
        }
    }
    speaker(&ws[..end])
}

/// A speaker from the words naming them, or none if they do not look like
/// a name or a short description ("a Kremlin spokesman", "officials").
fn speaker(ws: &[Word]) -> Option<Said> {
    let mut ws: Vec<&Word> = ws.iter().filter(|w| !w.core.is_empty()).collect();
    if ws.len() == 1 && PRONOUNS.contains(&lower(ws[0]).as_str()) {
        return Some(Said::Pronoun);
    }
    while ws
        .first()
        .is_some_and(|w| ARTICLES.contains(&lower(w).as_str()))
    {
        ws.remove(0);
    }
    while ws.len() > 1 && COURTESY.contains(&lower(ws[0]).as_str()) {
        ws.remove(0);
    }
    if ws.is_empty() || ws.len() > MAX_NAME - 1 {
        return None;
    }
    let words_ok = ws.iter().all(|w| {
        let l = lower(w);
        !is_verb(w) && !PRONOUNS.contains(&l.as_str()) && !STOPS.contains(&l.as_str())
    });
    // A description must carry a name or be one plain noun phrase.
    let named = ws.iter().any(|w| capitalised(w));
    if !words_ok || (!named && ws.len() > 3) {
        return None;
    }
    let text: Vec<&str> = ws.iter().map(|w| w.core).collect();
    Some(Said::Named(text.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(s: &str) -> Option<Said> {
        Some(Said::Named(s.to_string()))
    }

    #[test]
    fn speakers_after_the_quote() {
        assert_eq!(after(" Roe said."), named("Roe"));
        assert_eq!(after(" said Ms. Roe, adding more."), named("Roe"));
        assert_eq!(after(" said Jane Roe in a statement."), named("Jane Roe"));
        assert_eq!(after(" Jane Roe, the minister, said."), named("Jane Roe"));
        assert_eq!(after(" according to Dr. Ann Lee."), named("Ann Lee"));
        assert_eq!(
            after(" a Kremlin spokesman told reporters."),
            named("Kremlin spokesman")
        );
        assert_eq!(after(" officials said."), named("officials"));
        assert_eq!(after(" she said."), Some(Said::Pronoun));
        assert_eq!(after(" is a phrase often used."), None);
        assert_eq!(after(". The talks ended. Roe said nothing."), None);
        assert_eq!(after(""), None);
    }

    #[test]
    fn speakers_before_the_quote() {
        assert_eq!(before("The talks ended. Roe said: "), named("Roe"));
        assert_eq!(before("Lavrov told reporters on Friday: "), named("Lavrov"));
        assert_eq!(before("According to Sen. Doe, "), named("Sen Doe"));
        assert_eq!(before("According to the minister, "), named("minister"));
        assert_eq!(
            before("In a statement, President Putin said "),
            named("President Putin")
        );
        assert_eq!(before("said Roe: "), named("Roe"));
        assert_eq!(before("He added: "), Some(Said::Pronoun));
        assert_eq!(before("The summit, which many called "), None);
        assert_eq!(before(""), None);
    }

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
        assert_eq!(named_in("The Mayor spoke at length."), None);
        assert_eq!(named_in(""), None);
    }
}
