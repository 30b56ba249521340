//! Name topics, resolved from the capitalised runs of the whole corpus.
//!
//! Discovery (what counts as a name) looks only at running text (not
//! headings, whose title case says nothing):
//! - a run that opens a sentence loses its first word when that word is
//!   more often written in lower case ("Analysts", "Separately");
//! - titles are dropped ("Russian President Vladimir Putin" → "Vladimir
//!   Putin", "Secretary of State Marco Rubio" → "Marco Rubio"), and what
//!   followed a title is remembered as a person's name;
//! - a run of names written side by side is split where both neighbours
//!   are names of their own ("Trump Putin Alaska meeting" → "Trump",
//!   "Putin", "Alaska"), but "Vladimir Putin" stays whole because
//!   "Vladimir" seldom stands alone, and "President Donald Trump" because
//!   a title stood before the pair (`name_split`);
//! - one-word names need to be seen capitalised mid-sentence at least
//!   twice, and more often capitalised than not (acronyms excepted); days
//!   and months are never names.
//!
//! What discovery finds is then read by `people` and `acronyms` (the forms
//! of one person or organisation become one topic) and by `mentions`
//! (every mention found and counted once): see there for the rules. This
//! file imports none of them.

use super::adjectives::adjective_base;
pub use super::name_key::name_key;
use super::name_lists::{is_calendar_word, is_connector};
use super::name_split::{NameRun, Standings};
use super::runs::{RunKey, Runs};
use super::titles::{is_title, strip_titles};
use super::vocab::{FastMap, Vocab};

/// A run as discovery sees it, after the sentence-start and title rules.
struct Prepared<'a> {
    chunks: Vec<&'a str>,
    initial: bool,
    occurrences: usize,
    /// A title stood before the name ("Sen. Roe", "President Jane Roe").
    titled: bool,
    /// Occurrences followed by a lower-case content word.
    leads: usize,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Candidate {
    /// Occurrences of the name mid-sentence in running text.
    pub mid_sentence: usize,
    /// Written in capitals ("US", "NATO"): a name even if the lower-case
    /// word is common.
    pub acronym: bool,
    pub words: usize,
    /// Occurrences ending a run, and how many of them a lower-case content
    /// word follows ("European" in "European leaders").
    pub ends: usize,
    pub leads: usize,
}

/// What discovery found: the names (by key) and the keys seen right after
/// a title, accepted as names or not ("Mr. Roe" once is still a person).
pub struct Discovered {
    pub candidates: FastMap<String, Candidate>,
    pub titled: FastMap<String, ()>,
    /// Adjectives of names, no names of their own, to the name they come
    /// from ("russian" → "russia", "north korean" → "north korea").
    pub adjectives: FastMap<String, String>,
}

/// Which keys are names, and which followed a title.
pub fn discover(runs: &Runs, vocab: &Vocab) -> Discovered {
    // Runs seen mid-sentence: a sentence-opening run that matches one keeps
    // its first word ("Joint Base Elmendorf-Richardson" opening a cell).
    let known: FastMap<String, ()> = runs
        .iter()
        .filter(|(k, _)| k.discover && !k.initial)
        .map(|(k, _)| (name_key(k.text), ()))
        .collect();
    let prepared: Vec<Prepared> = runs
        .iter()
        .filter(|(k, _)| k.discover)
        .filter_map(|(k, occ)| prepare(&k, occ.len(), vocab, &known, runs.leads(&k)))
        .collect();
    let runs_of_names: Vec<NameRun> = prepared
        .iter()
        .map(|p| NameRun {
            chunks: &p.chunks,
            occurrences: p.occurrences,
            initial: p.initial,
            titled: p.titled,
        })
        .collect();
    let standing = Standings::of(&runs_of_names);
    let mut candidates: FastMap<String, Candidate> = FastMap::default();
    let mut titled: FastMap<String, ()> = FastMap::default();
    for p in &prepared {
        let segments = standing.split(&p.chunks);
        let last = segments.len().saturating_sub(1);
        for (n, seg) in segments.iter().enumerate() {
            let key = name_key(&seg.join(" "));
            if p.titled && n == 0 {
                titled.insert(key.clone(), ());
            }
            let c = candidates.entry(key.clone()).or_default();
            if !(p.initial && n == 0) {
                c.mid_sentence += p.occurrences;
            }
            c.acronym |= is_acronym(seg);
            c.words = key.split(' ').count();
            if n == last {
                c.ends += p.occurrences;
                c.leads += p.leads;
            }
        }
    }
    // The last words of full names: such a word seen alone once
    // mid-sentence is that person's surname ("According to Okafor" in an
    // article that never gives "Rashid Okafor" in full), not noise.
    let surnames: FastMap<String, ()> = candidates
        .keys()
        .filter_map(|k| k.rsplit_once(' ').map(|(_, last)| (last.to_string(), ())))
        .collect();
    candidates.retain(|key, c| acceptable(key, c, vocab, surnames.contains_key(key)));
    // An adjective of another name, mostly written right before a
    // lower-case content word, is a form of that name (`adjectives`).
    let adjectives: FastMap<String, String> = candidates
        .iter()
        .filter(|(_, c)| !c.acronym && c.leads * 2 > c.ends)
        .filter_map(|(key, _)| {
            let base = adjective_base(key, |k| candidates.contains_key(k))?;
            Some((key.clone(), base))
        })
        .collect();
    candidates.retain(|key, _| !adjectives.contains_key(key));
    Discovered {
        candidates,
        titled,
        adjectives,
    }
}

/// Apply the sentence-start and title rules. A common first word dropped
/// from a sentence-opening run leaves the rest still "opening" (title-case
/// text such as "Image Credits" is no evidence of a name).
fn prepare<'a>(
    key: &RunKey<'a>,
    occurrences: usize,
    vocab: &Vocab,
    known: &FastMap<String, ()>,
    leads: u32,
) -> Option<Prepared<'a>> {
    let mut chunks: Vec<&'a str> = key.chunks();
    let initial = key.initial;
    // The first word goes when it is a common word, or when the rest is a
    // name seen mid-sentence ("Engineer Ilse Varga said" with "Ilse Varga"
    // elsewhere), unless the whole run is itself seen mid-sentence.
    if initial
        && !known.contains_key(&name_key(&chunks.join(" ")))
        && (chunks.first().is_some_and(|c| is_common_word(c, vocab))
            || (chunks.len() > 1 && known.contains_key(&name_key(&chunks[1..].join(" ")))))
    {
        chunks.remove(0);
    }
    let before = chunks.len();
    strip_titles(&mut chunks);
    let titled = chunks.len() < before;
    while chunks.first().is_some_and(|c| is_connector(c)) {
        chunks.remove(0);
    }
    while chunks.last().is_some_and(|c| is_connector(c)) {
        chunks.pop();
    }
    (!chunks.is_empty()).then_some(Prepared {
        chunks,
        initial,
        occurrences,
        titled,
        leads: leads as usize,
    })
}

/// The chunk's first word is more often written in lower case.
fn is_common_word(chunk: &str, vocab: &Vocab) -> bool {
    let first = chunk
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    vocab.find(first).is_some_and(|w| w.lower > w.capital_mid)
}

fn is_acronym(segment: &[&str]) -> bool {
    let letters = || {
        segment
            .iter()
            .flat_map(|c| c.chars())
            .filter(|c| c.is_alphabetic())
    };
    letters().count() >= 2 && letters().all(char::is_uppercase)
}

/// `surname`: the key ends a multi-word candidate, so once alone is
/// enough.
fn acceptable(key: &str, c: &Candidate, vocab: &Vocab, surname: bool) -> bool {
    if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 || key.split(' ').all(is_title) {
        return false;
    }
    if c.words > 1 {
        return true;
    }
    let seen = if surname { 1 } else { 2 };
    if c.mid_sentence < seen || key.chars().all(|c| c.is_ascii_digit()) || is_calendar_word(key) {
        return false;
    }
    c.acronym || vocab.find(key).is_none_or(|w| w.capital_mid >= w.lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_merge_spellings() {
        assert_eq!(name_key("U.S."), name_key("US"));
        assert_eq!(name_key("Elmendorf-Richardson"), "elmendorf richardson");
        assert_eq!(name_key("Kyiv’s"), "kyivs");
    }

    #[test]
    fn titles_are_stripped() {
        let mut c = vec!["Russian", "President", "Vladimir", "Putin"];
        strip_titles(&mut c);
        assert_eq!(c, ["Vladimir", "Putin"]);
        let mut c = vec!["Secretary", "of", "State", "Marco", "Rubio"];
        strip_titles(&mut c);
        assert_eq!(c, ["Marco", "Rubio"]);
        let mut c = vec!["Labour", "MP", "Kim", "Johnson"];
        strip_titles(&mut c);
        assert_eq!(c, ["Kim", "Johnson"]);
        let mut c = vec!["Prime", "Minister"];
        strip_titles(&mut c);
        assert!(c.is_empty());
    }
}
