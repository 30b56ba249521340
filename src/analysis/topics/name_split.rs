//! Where a capitalised run of several names is more than one name: "Trump
//! Putin Alaska meeting" is "Trump", "Putin" and "Alaska", but "Vladimir
//! Putin" and "Donald Trump" are one person each.
//!
//! A run is split between two neighbours that are names of their own
//! (each stands alone often enough: `independent`), unless they are one
//! person's name: written after a title ("President Donald Trump") at
//! least once, and the first more often just before the second than
//! alone. "Donald" is said alone now and then ("I'd like to commend
//! Donald's courage", Abe said), but more often as "Donald Trump"; no
//! title stands before "Trump Putin" or "US-Russia Alaska", and "Trump"
//! alone outnumbers "Trump Putin" in any coverage of the summit.

use super::name_key::name_key;
use super::name_lists::is_connector;
use super::vocab::FastMap;

#[derive(Debug, Clone, Copy, Default)]
struct Standing {
    /// Occurrences as a name on its own, mid-sentence.
    alone: usize,
    /// Occurrences inside a longer run.
    inside: usize,
}

/// How each name word stands across the corpus's runs.
#[derive(Debug, Default)]
pub(super) struct Standings {
    words: FastMap<String, Standing>,
    /// Occurrences of one name word written just before another
    /// (connectors between them aside), by their keys.
    before: FastMap<(String, String), usize>,
    /// The first two name words of runs that followed a title.
    after_title: FastMap<(String, String), ()>,
}

/// One run of name words as `Standings` reads it.
pub(super) struct NameRun<'a> {
    pub chunks: &'a [&'a str],
    pub occurrences: usize,
    /// It opens a sentence (a word alone there counts for nothing: its
    /// capital may be the sentence's).
    pub initial: bool,
    /// A title stood before it.
    pub titled: bool,
}

impl Standings {
    pub(super) fn of(runs: &[NameRun]) -> Standings {
        let mut s = Standings::default();
        for run in runs {
            let (chunks, occurrences, initial) = (run.chunks, run.occurrences, run.initial);
            let names: Vec<String> = chunks
                .iter()
                .filter(|c| !is_connector(c))
                .map(|c| name_key(c))
                .collect();
            for key in &names {
                let e = s.words.entry(key.clone()).or_default();
                if names.len() == 1 {
                    if !initial {
                        e.alone += occurrences;
                    }
                } else {
                    e.inside += occurrences;
                }
            }
            for pair in names.windows(2) {
                *s.before
                    .entry((pair[0].clone(), pair[1].clone()))
                    .or_default() += occurrences;
            }
            if run.titled && names.len() >= 2 {
                s.after_title
                    .insert((names[0].clone(), names[1].clone()), ());
            }
        }
        s
    }

    /// Stands alone often enough to be a name of its own when it sits
    /// beside another: seen alone (mid-sentence) at least twice and at
    /// least a twentieth as often as inside longer runs. Surnames qualify
    /// even where "Putin Trump meeting" is repeated; first names
    /// ("Vladimir") and the first words of place names ("White", "Joint")
    /// seldom stand alone.
    fn independent(&self, chunk: &str) -> bool {
        self.words
            .get(&name_key(chunk))
            .is_some_and(|s| s.alone >= 2 && s.alone * 20 >= s.inside)
    }

    /// Whether `first` and `next` are one person's name ("Donald Trump"):
    /// written after a title, and `first` just before `next` more often
    /// than alone.
    fn bound(&self, first: &str, next: &str) -> bool {
        let pair = (name_key(first), name_key(next));
        if !self.after_title.contains_key(&pair) {
            return false;
        }
        let together = self.before.get(&pair).copied().unwrap_or(0);
        together > self.words.get(&pair.0).map_or(0, |s| s.alone)
    }

    /// Split a run where both neighbours are names of their own and not
    /// bound into one; connectors at a split are dropped.
    pub(super) fn split<'a>(&self, chunks: &[&'a str]) -> Vec<Vec<&'a str>> {
        let mut out: Vec<Vec<&'a str>> = vec![Vec::new()];
        let mut i = 0;
        while i < chunks.len() {
            let c = chunks[i];
            let mut next = i + 1;
            while chunks.get(next).is_some_and(|n| is_connector(n)) {
                next += 1;
            }
            if let Some(seg) = out.last_mut() {
                seg.push(c);
            }
            if let Some(n) = chunks.get(next) {
                if self.independent(c) && self.independent(n) && !self.bound(c, n) {
                    out.push(Vec::new());
                } else if let (Some(seg), Some(conn)) = (out.last_mut(), chunks.get(i + 1..next)) {
                    seg.extend_from_slice(conn);
                }
            }
            i = next;
        }
        out.retain(|s| !s.is_empty());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs as (words, occurrences, after a title), none opening a
    /// sentence.
    fn standings(runs: &[(&'static [&'static str], usize, bool)]) -> Standings {
        let runs: Vec<NameRun> = runs
            .iter()
            .map(|&(chunks, occurrences, titled)| NameRun {
                chunks,
                occurrences,
                initial: false,
                titled,
            })
            .collect();
        Standings::of(&runs)
    }

    #[test]
    fn runs_split_only_between_independent_names() {
        let s = standings(&[
            (&["Trump"], 9, false),
            (&["Putin"], 5, false),
            (&["Trump", "Putin", "Alaska"], 3, false),
            (&["Vladimir", "Putin"], 4, true),
            (&["Putin", "of", "Trump"], 1, false),
        ]);
        assert_eq!(
            s.split(&["Trump", "Putin"]),
            vec![vec!["Trump"], vec!["Putin"]]
        );
        assert_eq!(
            s.split(&["Vladimir", "Putin"]),
            vec![vec!["Vladimir", "Putin"]]
        );
        assert_eq!(
            s.split(&["Putin", "of", "Trump"]),
            vec![vec!["Putin"], vec!["Trump"]]
        );
    }

    #[test]
    fn a_first_name_said_alone_now_and_then_stays_with_its_surname() {
        // "Donald" alone twice (as a host calls a guest), "Donald Trump"
        // five times, once after a title: one name. "Putin Trump" more
        // often than "Putin" alone, but never after a title: two.
        let s = standings(&[
            (&["Trump"], 9, false),
            (&["Putin"], 2, false),
            (&["Donald"], 2, false),
            (&["Donald", "Trump"], 4, false),
            (&["Donald", "Trump"], 1, true),
            (&["Putin", "Trump"], 3, false),
        ]);
        assert_eq!(s.split(&["Donald", "Trump"]), vec![vec!["Donald", "Trump"]]);
        assert_eq!(
            s.split(&["Putin", "Trump"]),
            vec![vec!["Putin"], vec!["Trump"]]
        );
        // Never after a title, however often together: two names.
        let s = standings(&[
            (&["Donald"], 2, false),
            (&["Trump"], 9, false),
            (&["Donald", "Trump"], 5, false),
        ]);
        assert_eq!(
            s.split(&["Donald", "Trump"]),
            vec![vec!["Donald"], vec!["Trump"]]
        );
    }
}
