//! An organisation or place written both in full and short: one topic
//! when the text itself ties the two together.
//!
//! - **Defined in brackets**: "the Federal Reserve (Fed)", "NATO (North
//!   Atlantic Treaty Organization)". The short form's letters must come in
//!   order from the long form, starting with its first letter ("Fed" from
//!   "FEDeral Reserve"), and the corpus must define it one way only.
//! - **Initials**: a capitalised acronym ("US", "U.S.", "FBI") whose
//!   letters are the initials of exactly one longer name of the corpus
//!   ("United States", "Federal Bureau of Investigation", with or without
//!   "of"), when at least one article uses both.
//!
//! Not merged: names tied only by knowledge of the world ("the Pentagon"
//! and "the Defense Department"): the text gives no evidence, and a table
//! of such aliases would be a gazetteer that goes stale.
//!
//! Cost: one look at each bracket definition, an initials table over the
//! multi-word names, and one scan of the runs for the few acronyms left.

use super::name_lists::is_connector;
use super::names::{Discovered, name_key};
use super::runs::{MAX_NAME_CHUNKS, Runs};
use super::vocab::FastMap;
use std::collections::BTreeSet;

/// Short key → long key.
pub type Acronyms = FastMap<String, String>;

/// `short`'s letters in order inside `long`, the first letters equal.
pub fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut l = long.chars().filter(|c| c.is_alphanumeric());
    if s.len() < 2 || l.clone().next() != s.first().copied() {
        return false;
    }
    let mut wanted = s.iter().peekable();
    for c in l.by_ref() {
        if wanted.peek() == Some(&&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// Initials of a multi-word key: with every word, and without connectors.
fn initials(key: &str) -> [String; 2] {
    let all: String = key.split(' ').filter_map(|w| w.chars().next()).collect();
    let named: String = key
        .split(' ')
        .filter(|w| !is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect();
    [all, named]
}

pub fn resolve(runs: &Runs, found: &Discovered) -> Acronyms {
    let mut out = defined(runs, found);
    let mut by_initials: FastMap<String, Vec<&str>> = FastMap::default();
    for (key, c) in &found.candidates {
        if c.words >= 2 && !c.acronym {
            let [a, b] = initials(key);
            by_initials.entry(a.clone()).or_default().push(key);
            if b != a {
                by_initials.entry(b).or_default().push(key);
            }
        }
    }
    let mut pairs: Vec<(String, String)> = found
        .candidates
        .iter()
        .filter(|(k, c)| c.acronym && c.words == 1 && (2..=6).contains(&k.len()))
        .filter(|(k, _)| !out.contains_key(*k))
        .filter_map(|(k, _)| {
            let long = dominant(k, by_initials.get(k.as_str())?, found)?;
            Some((k.clone(), long.to_string()))
        })
        .collect();
    pairs.sort();
    let wanted: BTreeSet<&str> = pairs
        .iter()
        .flat_map(|(a, b)| [a.as_str(), b.as_str()])
        .collect();
    let articles = articles_of(runs, &wanted);
    for (short, long) in pairs {
        let together = match (articles.get(&short), articles.get(&long)) {
            (Some(a), Some(b)) => !a.is_disjoint(b),
            _ => false,
        };
        if together {
            out.insert(short, long);
        }
    }
    out
}

/// The one long name `short` abbreviates: the only one, or one used at
/// least three times as often as any other ("European Union" over a typo
/// "Europe Union"). Names holding the acronym itself ("U.S. Senate" for
/// "US") do not count.
fn dominant<'a>(short: &str, longs: &[&'a str], found: &Discovered) -> Option<&'a str> {
    let uses = |k: &str| found.candidates.get(k).map_or(0, |c| c.mid_sentence);
    let mut ranked: Vec<(usize, &str)> = longs
        .iter()
        .filter(|l| !l.split(' ').any(|w| w == short))
        .map(|l| (uses(l), *l))
        .collect();
    ranked.sort_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(_, one)] => Some(one),
        [(a, one), (b, _), ..] if *a >= 3 * (*b).max(1) => Some(one),
        _ => None,
    }
}

/// Bracket definitions, when unambiguous.
fn defined(runs: &Runs, found: &Discovered) -> Acronyms {
    let mut seen: FastMap<String, BTreeSet<String>> = FastMap::default();
    for (before, inside) in runs.definitions() {
        let (a, b) = (name_key(before), name_key(inside));
        let (short, long) = match (a.split(' ').count(), b.split(' ').count()) {
            (1, n) if n > 1 => (a, b),
            (n, 1) if n > 1 => (b, a),
            _ => continue,
        };
        // The name is the longest known tail of the run ("Officials said
        // Federal Reserve" is not written, but a run may open a sentence).
        let words: Vec<&str> = long.split(' ').collect();
        let long = (0..words.len().saturating_sub(1))
            .map(|i| words[i..].join(" "))
            .find(|k| found.candidates.contains_key(k))
            .unwrap_or(long);
        if abbreviates(&short, &long) {
            seen.entry(short).or_default().insert(long);
        }
    }
    seen.into_iter()
        .filter_map(|(short, longs)| {
            let mut it = longs.into_iter();
            match (it.next(), it.next()) {
                (Some(long), None) => Some((short, long)),
                _ => None,
            }
        })
        .collect()
}

/// The articles where each wanted key stands as a name or part of one.
fn articles_of(runs: &Runs, wanted: &BTreeSet<&str>) -> FastMap<String, BTreeSet<usize>> {
    let mut out: FastMap<String, BTreeSet<usize>> = FastMap::default();
    if wanted.is_empty() {
        return out;
    }
    for (key, occurrences) in runs.iter() {
        let keys: Vec<String> = key.chunks().iter().map(|c| name_key(c)).collect();
        for i in 0..keys.len() {
            let mut joined = String::new();
            for part in keys.iter().skip(i).take(MAX_NAME_CHUNKS) {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(part);
                if wanted.contains(joined.as_str()) {
                    out.entry(joined.clone())
                        .or_default()
                        .extend(occurrences.iter().map(|r| r.article));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_follow_the_long_form() {
        assert!(abbreviates("fed", "federal reserve"));
        assert!(abbreviates("nato", "north atlantic treaty organization"));
        assert!(abbreviates("us", "united states"));
        assert!(!abbreviates("ecb", "federal reserve"));
        assert!(
            !abbreviates("rf", "federal reserve"),
            "first letters differ"
        );
    }

    #[test]
    fn initials_with_and_without_connectors() {
        assert_eq!(
            initials("federal bureau of investigation"),
            ["fboi".to_string(), "fbi".to_string()]
        );
    }
}
