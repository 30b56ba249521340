//! The speaker a quote group is credited to: the name most of its
//! occurrences give, a surname alone ("Roe") counted for the one full
//! name in the group that ends with it ("Jo Roe"); and a group credited
//! to a surname alone written out as the one full name the corpus's
//! quotes credit with that surname. Each occurrence keeps the name its
//! own article gives.

use super::extract::Quote;
use super::joint::{credit, names};
use std::collections::{HashMap, HashSet};

/// The speaker most occurrences name, a surname alone counting for the
/// one full name of the group it shortens; on a tie the longest name.
pub(super) fn common_speaker(quotes: &[Quote]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in quotes.iter().filter_map(|q| q.speaker.as_deref()) {
        *counts.entry(s).or_default() += 1;
    }
    let credited: Vec<&str> = counts.keys().copied().collect();
    for short in credited {
        let mut longer = counts.keys().filter(|&&full| shortens(short, full));
        if let (Some(&full), None) = (longer.next(), longer.next()) {
            let n = counts.remove(short).unwrap_or(0);
            *counts.entry(full).or_default() += n;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(s, n)| (n, s.chars().count(), std::cmp::Reverse(s)))
        .map(|(s, _)| s.to_string())
}

/// Groups credited to a surname alone take the one full name with that
/// surname that any quote of the corpus is credited to. Two full names
/// with it ("Donald Trump", "Melania Trump"), or none: it stays as
/// written. A joint credit ("Trump and Putin") is written out name by
/// name, and its full names count as any speaker's. The corpus is taken
/// as one story's coverage, as parallax reads it; a corpus of many
/// stories with two unrelated people of one surname, only one of them
/// ever named in full, would be misread.
pub(super) fn surnames_in_full(mut groups: Vec<(&[Quote], &mut Option<String>)>) {
    let mut full_by_surname: HashMap<&str, HashSet<&str>> = HashMap::new();
    let credited = groups.iter().flat_map(|(quotes, _)| quotes.iter());
    for credit in credited.filter_map(|q| q.speaker.as_deref()) {
        for full in names(credit).into_iter().filter(|s| is_full_name(s)) {
            if let Some((_, surname)) = full.rsplit_once(' ') {
                full_by_surname.entry(surname).or_default().insert(full);
            }
        }
    }
    let in_full = |short: &str| {
        let mut fulls = full_by_surname.get(short)?.iter();
        match (fulls.next(), fulls.next()) {
            (Some(&full), None) if is_surname(short) => Some(full.to_string()),
            _ => None,
        }
    };
    let written_out: Vec<Option<String>> = groups
        .iter()
        .map(|(_, speaker)| {
            let listed = names(speaker.as_deref()?);
            let full: Vec<Option<String>> = listed.iter().map(|n| in_full(n)).collect();
            full.iter().any(Option::is_some).then(|| {
                let written: Vec<String> = listed
                    .iter()
                    .zip(full)
                    .map(|(n, f)| f.unwrap_or_else(|| n.to_string()))
                    .collect();
                credit(&written)
            })
        })
        .collect();
    for ((_, speaker), full) in groups.iter_mut().zip(written_out) {
        if full.is_some() {
            **speaker = full;
        }
    }
}

/// `short` is `full` with some name written by surname alone: "Roe" of
/// "Jo Roe", or name by name, "Trump and Putin" of "Donald Trump and
/// Vladimir Putin".
fn shortens(short: &str, full: &str) -> bool {
    let (shorts, fulls) = (names(short), names(full));
    shorts.len() == fulls.len()
        && shorts != fulls
        && shorts
            .iter()
            .zip(&fulls)
            .all(|(s, f)| s == f || shortens_name(s, f))
}

/// `short` is the last word of the full name `full`.
fn shortens_name(short: &str, full: &str) -> bool {
    is_surname(short)
        && is_full_name(full)
        && full.rsplit_once(' ').is_some_and(|(_, s)| s == short)
}

/// One capitalised word, not a possessive.
fn is_surname(s: &str) -> bool {
    !s.contains(' ') && is_name_word(s)
}

/// Two or more capitalised words, none a possessive ("Korea's Kim" is
/// a description, not a name).
fn is_full_name(s: &str) -> bool {
    s.contains(' ') && s.split(' ').all(is_name_word)
}

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && w.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(article: usize, text: &str, speaker: Option<&str>) -> Quote {
        Quote::whole_block(article, text, speaker)
    }

    /// Each quote its own group, credited as it is.
    fn speakers(quotes: Vec<Quote>) -> Vec<Option<String>> {
        let mut groups: Vec<(Vec<Quote>, Option<String>)> = quotes
            .into_iter()
            .map(|q| {
                let said = q.speaker.clone();
                (vec![q], said)
            })
            .collect();
        surnames_in_full(
            groups
                .iter_mut()
                .map(|(qs, s)| (qs.as_slice(), s))
                .collect(),
        );
        groups.into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn a_surname_counts_for_the_full_name_it_shortens() {
        let said = |who: &[Option<&str>]| {
            let qs = who
                .iter()
                .enumerate()
                .map(|(a, &w)| quote(a, "the bridge will stay shut all winter", w))
                .collect::<Vec<_>>();
            common_speaker(&qs)
        };
        assert_eq!(
            said(&[Some("Roe"), Some("Roe"), Some("Jo Roe")]).as_deref(),
            Some("Jo Roe")
        );
        // Two full names it could shorten: it counts for neither.
        assert_eq!(
            said(&[Some("Roe"), Some("Roe"), Some("Jo Roe"), Some("Ann Roe")]).as_deref(),
            Some("Roe")
        );
        assert_eq!(said(&[None, None]), None);
        // A joint credit, name by name.
        assert_eq!(
            said(&[
                Some("Trump and Putin"),
                Some("Trump and Putin"),
                Some("Donald Trump and Vladimir Putin"),
            ])
            .as_deref(),
            Some("Donald Trump and Vladimir Putin")
        );
    }

    #[test]
    fn each_name_of_a_joint_credit_is_written_out() {
        let got = speakers(vec![
            quote(0, "the summit was a great success", Some("Donald Trump")),
            quote(1, "we will meet again in Moscow", Some("Vladimir Putin")),
            quote(2, "this is a shared commitment", Some("Trump and Putin")),
            quote(3, "the talks were useful", Some("Putin, Trump and Lavrov")),
            quote(4, "we stand by our products", Some("Johnson & Johnson")),
        ]);
        let got: Vec<_> = got.iter().map(|s| s.as_deref()).collect();
        assert_eq!(
            got[2..],
            [
                Some("Donald Trump and Vladimir Putin"),
                Some("Vladimir Putin, Donald Trump and Lavrov"),
                Some("Johnson & Johnson"),
            ]
        );
    }

    #[test]
    fn a_group_credited_to_a_surname_takes_the_one_full_name_of_the_corpus() {
        let got = speakers(vec![
            quote(0, "the ferry will run within a month", Some("Jo Roe")),
            quote(1, "we acted on the engineers' advice", Some("Roe")),
            // Two people of one surname named in full: neither is meant.
            quote(
                2,
                "the state visit went very well indeed",
                Some("Donald Trump"),
            ),
            quote(
                3,
                "we were honoured to visit your country",
                Some("Melania Trump"),
            ),
            quote(4, "the talks will go on next week", Some("Trump")),
            // A description is no full name.
            quote(5, "the summit will take place in June", Some("Korea's Kim")),
            quote(6, "our missiles can reach any target", Some("Kim")),
            // No full name at all.
            quote(7, "the plan was rushed and secretive", Some("Okafor")),
        ]);
        let got: Vec<_> = got.iter().map(|s| s.as_deref()).collect();
        assert_eq!(
            got,
            [
                Some("Jo Roe"),
                Some("Jo Roe"),
                Some("Donald Trump"),
                Some("Melania Trump"),
                Some("Trump"),
                Some("Korea's Kim"),
                Some("Kim"),
                Some("Okafor"),
            ]
        );
    }
}
