//! One person, one topic: which name keys are the same person.
//!
//! A **full name** (two to four words, none of them a title, a calendar
//! word or a word of places and organisations such as "House" or
//! "North") is a person's when the corpus says so: it followed a title
//! ("Sen. Jane Roe"), its first word is a known given name, its surname
//! followed a title ("Ms. Roe"), or it is two words of which the second
//! stands alone as a name and the first never does ("Arno Veidt" beside
//! "Veidt"; also "Fenwick Rovers" beside "Rovers", which is right too).
//!
//! Full names are one person when their surnames agree and their given
//! names agree, short forms counting as the full given name (Jim = James,
//! Bob = Robert); middle names and initials are ignored ("Jane Q. Roe" =
//! "Jane Roe"); "Jr."/"Sr." tell a son from his father; a name that begins
//! another ("Kim Jong" in "Kim Jong Un") is the same person.
//!
//! The bare **surname** (also "Ms. Roe", "Roe's") belongs to the person
//! with that surname. When two people share it (Jane Roe and Tom Roe),
//! it is ambiguous: `mentions` gives a mention to one of them only where
//! the article names that one alone, and shows the rest as
//! "Roe (ambiguous: Jane Roe, Tom Roe)". A titled one-word name that is no
//! one's surname but begins one person's name belongs to that person
//! ("Mr. Kim" → "Kim Jong Un", surname first).
//!
//! Cost: one pass over the candidate names, grouped by surname (the
//! blocking key), so no pairs are formed across the corpus; linear in the
//! number of distinct names.

use super::name_lists::{
    full_given_name, is_calendar_word, is_given_name, is_not_person_word, is_suffix,
};
use super::names::Discovered;
use super::titles::is_title;
use super::vocab::FastMap;

/// Which keys are people, and who.
#[derive(Debug, Default)]
pub struct People {
    /// Full-name key → person.
    pub full: FastMap<String, u32>,
    /// Bare surname (or titled first name) key → the people it may name,
    /// one or more, ascending.
    pub surnames: FastMap<String, Vec<u32>>,
    pub count: u32,
}

/// The parts that identify a person: surname, full given name, "jr"/"sr".
fn identity(words: &[&str]) -> Option<(String, String, String)> {
    let (last, rest) = words.split_last()?;
    let (surname, suffix, rest) = if is_suffix(last) {
        let (s, r) = rest.split_last()?;
        let kept = if matches!(*last, "jr" | "sr") {
            *last
        } else {
            ""
        };
        (*s, kept, r)
    } else {
        (*last, "", rest)
    };
    let given = rest.first()?;
    Some((
        surname.to_string(),
        full_given_name(given).to_string(),
        suffix.to_string(),
    ))
}

fn is_person_word(w: &str) -> bool {
    // "Justin Trudeau of Canada" is a person and a place.
    w != "of"
        && w.chars().any(char::is_alphabetic)
        && !is_not_person_word(w)
        && !is_calendar_word(w)
        && !is_title(w)
}

/// A full name the corpus gives evidence of being a person's.
fn is_person(key: &str, found: &Discovered) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let acronym = |w: &str| found.candidates.get(w).is_some_and(|c| c.acronym);
    if !(2..=4).contains(&words.len()) || !words.iter().all(|w| is_person_word(w) && !acronym(w)) {
        return false;
    }
    if found.candidates.get(key).is_some_and(|c| c.acronym) {
        return false;
    }
    let Some((surname, _, _)) = identity(&words) else {
        return false;
    };
    let first = words[0];
    let stands_alone = |w: &str| found.titled.contains_key(w) || found.candidates.contains_key(w);
    // Two people side by side ("Trump Abe"): both stand alone, the first
    // after a title.
    if found.titled.contains_key(first) && stands_alone(&surname) {
        return false;
    }
    // Surname first ("Mr. Kim", "Kim Jong Un"): only when the last word
    // never stands alone as a name.
    let surname_first = found.titled.contains_key(first) && !stands_alone(&surname);
    // "Arno Veidt" beside "Veidt" alone, "Arno" never alone: the short
    // name is the full one's.
    let short_form =
        words.len() == 2 && found.candidates.contains_key(&surname) && !stands_alone(first);
    found.titled.contains_key(key)
        || is_given_name(first)
        || found.titled.contains_key(&surname)
        || surname_first
        || short_form
}

/// Union-find over full names.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

pub fn resolve(found: &Discovered) -> People {
    let mut names: Vec<&str> = found
        .candidates
        .keys()
        .map(String::as_str)
        .filter(|k| is_person(k, found))
        .collect();
    // A fixed order: person numbers must not depend on hashing.
    names.sort_unstable();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    let mut by_identity: FastMap<(String, String, String), usize> = FastMap::default();
    for (i, name) in names.iter().enumerate() {
        let words: Vec<&str> = name.split(' ').collect();
        let Some(id) = identity(&words) else { continue };
        match by_identity.get(&id) {
            Some(&j) => {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
            None => {
                by_identity.insert(id, i);
            }
        }
    }
    // "kim jong" begins "kim jong un": sorted order puts it just before.
    for i in 1..names.len() {
        let (short, long) = (names[i - 1], names[i]);
        let extends = long
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '));
        let suffixed = |n: &str| n.split(' ').next_back().is_some_and(is_suffix);
        if extends && !suffixed(long) && !suffixed(short) {
            let (a, b) = (find(&mut parent, i), find(&mut parent, i - 1));
            parent[a] = b;
        }
    }
    let mut people = People::default();
    let mut number: FastMap<usize, u32> = FastMap::default();
    for (i, name) in names.iter().enumerate() {
        let root = find(&mut parent, i);
        let next = people.count;
        let id = *number.entry(root).or_insert(next);
        if id == next {
            people.count += 1;
        }
        people.full.insert(name.to_string(), id);
    }
    link_surnames(&names, &mut people, found);
    people
}

/// Each person's surname names them; a titled first word names a person
/// whose surname never stands alone.
fn link_surnames(names: &[&str], people: &mut People, found: &Discovered) {
    let mut by_first: FastMap<&str, Vec<u32>> = FastMap::default();
    for name in names {
        let words: Vec<&str> = name.split(' ').collect();
        let Some(&person) = people.full.get(*name) else {
            continue;
        };
        if let Some((surname, _, _)) = identity(&words)
            && surname.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        {
            people.surnames.entry(surname).or_default().push(person);
        }
        if let Some(first) = words.first() {
            by_first.entry(first).or_default().push(person);
        }
    }
    for (first, persons) in by_first {
        if found.titled.contains_key(first) && !people.surnames.contains_key(first) {
            people.surnames.insert(first.to_string(), persons);
        }
    }
    for persons in people.surnames.values_mut() {
        persons.sort_unstable();
        persons.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::super::names::Candidate;
    use super::*;

    fn found(names: &[&str], titled: &[&str]) -> Discovered {
        Discovered {
            adjectives: FastMap::default(),
            candidates: names
                .iter()
                .map(|n| (n.to_string(), Candidate::default()))
                .collect(),
            titled: titled.iter().map(|t| (t.to_string(), ())).collect(),
        }
    }

    #[test]
    fn forms_of_one_person_merge_and_namesakes_do_not() {
        let f = found(
            &[
                "jane roe",
                "jane q roe",
                "tom roe",
                "jim hale",
                "james hale",
            ],
            &["hale"],
        );
        let p = resolve(&f);
        assert_eq!(p.full["jane roe"], p.full["jane q roe"]);
        assert_ne!(p.full["jane roe"], p.full["tom roe"]);
        assert_eq!(p.full["jim hale"], p.full["james hale"]);
        assert_eq!(p.surnames["roe"].len(), 2, "Roe stays ambiguous");
        assert_eq!(p.surnames["hale"], vec![p.full["jim hale"]]);
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let f = found(
            &["white house", "north korea", "port ellery", "alaska summit"],
            &[],
        );
        let p = resolve(&f);
        assert!(p.full.is_empty(), "{:?}", p.full);
    }

    #[test]
    fn evidence_is_needed_and_a_title_gives_it() {
        let p = resolve(&found(&["ilse varga"], &[]));
        assert!(p.full.contains_key("ilse varga"), "Ilse is a given name");
        let p = resolve(&found(&["zorba varga"], &[]));
        assert!(p.full.is_empty(), "no given name, no title");
        let p = resolve(&found(&["zorba varga"], &["varga"]));
        assert!(p.full.contains_key("zorba varga"));
    }

    #[test]
    fn surname_first_and_juniors() {
        let p = resolve(&found(&["kim jong", "kim jong un"], &["kim"]));
        assert_eq!(p.full["kim jong"], p.full["kim jong un"]);
        assert_eq!(p.surnames["kim"], vec![p.full["kim jong un"]]);
        let p = resolve(&found(&["donald trump", "donald trump jr"], &[]));
        assert_ne!(p.full["donald trump"], p.full["donald trump jr"]);
        assert_eq!(p.surnames["trump"].len(), 2);
    }
}
