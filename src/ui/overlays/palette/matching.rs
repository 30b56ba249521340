//! What makes the topic palette fast on a large index (100,000 topics):
//! a character mask per label, so labels missing a typed character are
//! never scored, and the ranked hits of every one-character query, made
//! once in the background, so the first keystroke costs nothing. Scoring
//! itself stays with the fuzzy-matcher crate (skim), on several threads
//! when the list is long.
//!
//! A topic is matched by its label and by every form it carries (a
//! name's "Putin" beside its label "Vladimir Putin"), and ranks by the
//! best of them; of equal scores the shorter text matched comes first (as
//! fzf breaks ties), so a name matched whole ranks above the headings
//! that merely contain it.

use crate::analysis::topics::{OTHER_FORMS, TopicIndex};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub topic: usize,
    /// The rank, higher first: skim's score of the best text matched, then
    /// how short that text is (`rank`).
    pub score: i64,
}

/// Lengths told apart in a rank's tie-break; longer texts tie.
const LENGTHS: i64 = 256;

/// The rank of a text scoring `score`: the score first, then shorter
/// texts first.
fn rank(score: i64, text: &str) -> i64 {
    let len = (text.chars().count() as i64).min(LENGTHS - 1);
    score * LENGTHS + (LENGTHS - 1 - len)
}

/// What a topic is matched by: its label, then its forms other than the
/// label and other than the stand-in for the forms past the last kept
/// (`OTHER_FORMS`, which names no form and would match "other").
pub(super) fn texts(topics: &TopicIndex, topic: usize) -> impl Iterator<Item = &str> {
    let t = &topics.topics[topic];
    let label = t.label.as_str();
    std::iter::once(label).chain(
        t.coverage
            .forms
            .names()
            .filter(move |&f| f != label && f != OTHER_FORMS),
    )
}

/// The matcher every palette query uses: case-insensitive skim scoring.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// Below this many candidates, scoring runs on the calling thread.
const PARALLEL_FROM: usize = 8_000;

#[derive(Debug, Default)]
pub struct MatchIndex {
    /// Per topic: the mask bits of the characters in its label.
    masks: Vec<u64>,
    /// (character, its hits best first as (topic, score)), sorted by
    /// character: every character of the labels, ASCII letters in lower
    /// case only (the matcher scores an exact-case match higher, so an
    /// upper-case query is scored, not looked up).
    first: Vec<(char, Vec<(u32, i32)>)>,
}

/// The mask bit of a character, the same for both cases of an ASCII
/// letter (as the matcher compares). Other characters share the remaining
/// bits; a shared bit only lets more labels through to the scorer.
fn bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    let i = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        ' ' => 36,
        _ => 37 + (c as u32 % 27),
    };
    1 << i
}

fn mask(text: &str) -> u64 {
    text.chars().fold(0, |m, c| m | bit(c))
}

impl MatchIndex {
    /// Masks only: cheap, enough for correct (slower) first keystrokes.
    pub fn masks_only(topics: &TopicIndex) -> MatchIndex {
        MatchIndex {
            masks: (0..topics.topics.len())
                .map(|t| texts(topics, t).fold(0, |m, text| m | mask(text)))
                .collect(),
            first: Vec::new(),
        }
    }

    /// Masks and the ranked hits of every one-character query. Costly on
    /// a large index (a second or two for 100,000 topics): the reader
    /// builds it in the background with the analysis.
    pub fn build(topics: &TopicIndex) -> MatchIndex {
        let mut index = MatchIndex::masks_only(topics);
        let mut chars: Vec<char> = (0..topics.topics.len())
            .flat_map(|t| texts(topics, t).flat_map(str::chars))
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        let tables = crate::parallel::map_chunks(chars.len(), 1, |r| {
            let query = chars[r.start].to_string();
            let list = index.prefilter(&query, 0..topics.topics.len());
            // One character per worker: each table is scored on one thread.
            let mut hits = score(&matcher(), topics, &list, &query);
            sort(&mut hits);
            let table: Vec<(u32, i32)> = hits
                .iter()
                .map(|h| {
                    (
                        h.topic as u32,
                        h.score.clamp(i32::MIN.into(), i32::MAX.into()) as i32,
                    )
                })
                .collect();
            (chars[r.start], table)
        });
        index.first = tables;
        index
    }

    /// The complete hits of a one-character query, best first (ties by
    /// topic order), when its table exists.
    pub fn lookup(&self, query: &str) -> Option<Vec<Hit>> {
        let mut chars = query.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let i = self.first.binary_search_by_key(&c, |(k, _)| *k).ok()?;
        Some(
            self.first[i]
                .1
                .iter()
                .map(|&(topic, score)| Hit {
                    topic: topic as usize,
                    score: score.into(),
                })
                .collect(),
        )
    }

    /// The topics among `candidates` whose label and forms hold every
    /// character of `query` (a necessary condition for a match), in the
    /// given order.
    pub fn prefilter(&self, query: &str, candidates: impl Iterator<Item = usize>) -> Vec<usize> {
        let wanted = mask(query);
        candidates
            .filter(|&t| self.masks.get(t).is_none_or(|m| m & wanted == wanted))
            .collect()
    }

    /// The hits of `query` among `candidates`, best first (ties by topic
    /// order), all scored now: the reference the palette's step-by-step
    /// filtering is tested against.
    #[cfg(test)]
    pub fn hits(&self, topics: &TopicIndex, candidates: Candidates, query: &str) -> Vec<Hit> {
        if let Candidates::All = candidates
            && let Some(hits) = self.lookup(query)
        {
            return hits;
        }
        let list = match candidates {
            Candidates::All => self.prefilter(query, 0..topics.topics.len()),
            Candidates::Among(hits) => self.prefilter(query, hits.iter().map(|h| h.topic)),
        };
        let mut hits = score_list(topics, &list, query);
        sort(&mut hits);
        hits
    }
}

/// What a query is matched against.
#[cfg(test)]
pub enum Candidates<'a> {
    All,
    /// The hits of a shorter query that this one extends.
    Among(&'a [Hit]),
}

/// Score `list` against `query` (unsorted), on several threads when long.
pub fn score_list(topics: &TopicIndex, list: &[usize], query: &str) -> Vec<Hit> {
    if list.len() < PARALLEL_FROM {
        return score(&matcher(), topics, list, query);
    }
    let chunk = list.len().div_ceil(crate::parallel::threads() * 4);
    crate::parallel::map_chunks(list.len(), chunk, |r| {
        score(&matcher(), topics, &list[r], query)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// How much scoring `topic` against a query of `query_chars` characters
/// costs, in cells of skim's score matrix (characters of the label and
/// forms × query characters): what the palette's step budget counts.
pub fn cost(topics: &TopicIndex, topic: usize, query_chars: usize) -> usize {
    let len = if topic < topics.topics.len() {
        texts(topics, topic).map(str::len).sum::<usize>()
    } else {
        1
    };
    len.max(1) * query_chars.max(1)
}

fn score(m: &SkimMatcherV2, topics: &TopicIndex, list: &[usize], query: &str) -> Vec<Hit> {
    list.iter()
        .filter_map(|&topic| {
            let ranks = texts(topics, topic)
                .filter_map(|text| Some(rank(m.fuzzy_match(text, query)?, text)));
            ranks.max().map(|score| Hit { topic, score })
        })
        .collect()
}

/// Best first, ties by topic order: the palette's order.
pub fn sort(hits: &mut [Hit]) {
    hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.topic.cmp(&b.topic)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::topics::{Topic, TopicKind};
    use crate::corpus::BlockRef;

    fn topics(labels: &[&str]) -> TopicIndex {
        TopicIndex {
            topics: labels
                .iter()
                .enumerate()
                .map(|(i, l)| Topic {
                    label: l.to_string(),
                    kind: TopicKind::Term,
                    occurrences: std::iter::once(BlockRef::new(0, i)).collect(),
                    weights: Default::default(),
                    coverage: Default::default(),
                })
                .collect(),
        }
    }

    /// What plain scoring of every label gives.
    fn brute(t: &TopicIndex, query: &str) -> Vec<Hit> {
        let all: Vec<usize> = (0..t.topics.len()).collect();
        let mut hits = score(&matcher(), t, &all, query);
        sort(&mut hits);
        hits
    }

    #[test]
    fn tables_masks_and_narrowing_agree_with_scoring_everything() {
        let t = topics(&[
            "Vladimir Putin",
            "putin's visit",
            "Joint Base Elmendorf-Richardson",
            "sanctions",
            "Sanctions relief",
            "Ukraine",
            "ceasefire talks",
            "Zelensky",
            "Alaska summit",
            "Déjà vu",
            "2025 summit",
        ]);
        let full = MatchIndex::build(&t);
        let masks = MatchIndex::masks_only(&t);
        for q in [
            "p", "P", "s", "z", "2", "é", "q", "pu", "put", "sa n", "elm", "xyz", "éj",
        ] {
            let expected = brute(&t, q);
            assert_eq!(full.hits(&t, Candidates::All, q), expected, "{q}");
            assert_eq!(masks.hits(&t, Candidates::All, q), expected, "{q}");
            let mut chars = q.chars();
            chars.next_back();
            let shorter = chars.as_str();
            if !shorter.is_empty() {
                let before = full.hits(&t, Candidates::All, shorter);
                assert_eq!(
                    full.hits(&t, Candidates::Among(&before), q),
                    expected,
                    "{q}"
                );
            }
        }
    }

    #[test]
    fn masks_never_reject_a_label_holding_the_characters() {
        for (label, query) in [
            ("ABC", "cab"),
            ("x-y_z", "_-"),
            ("漢字", "字"),
            ("a b", " "),
        ] {
            assert_eq!(mask(label) & mask(query), mask(query), "{label} / {query}");
        }
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;
    use crate::analysis::topics::{TopicKind, build_topics};

    #[test]
    fn a_name_matched_by_its_form_ranks_above_headings_that_contain_it() {
        let corpus = crate::corpus::load_builtin();
        let t = build_topics(&corpus);
        let putin = t.find(TopicKind::Name, "Vladimir Putin").expect("the name");
        assert!(t.topics[putin].coverage.forms.names().any(|f| f == "Putin"));
        for index in [MatchIndex::build(&t), MatchIndex::masks_only(&t)] {
            let hits = index.hits(&t, Candidates::All, "putn");
            let at = hits.iter().position(|h| h.topic == putin).expect("a hit");
            let headings_above: Vec<&str> = hits[..at]
                .iter()
                .map(|h| &t.topics[h.topic])
                .filter(|topic| topic.kind == TopicKind::Heading)
                .map(|topic| topic.label.as_str())
                .collect();
            assert!(headings_above.is_empty(), "{headings_above:?}");
        }
        // A query only a form holds finds the name too ("President Putin").
        let hits = MatchIndex::build(&t).hits(&t, Candidates::All, "presidentputin");
        assert!(hits.iter().any(|h| h.topic == putin), "{hits:?}");
    }
}
