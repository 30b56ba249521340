//! The topic palette: fuzzy filtering of the topic index as the user types.
//! Filtering narrows the previous results when the query only grew; the
//! list stays sorted by score, then by index order; matched-character
//! positions are computed only for the rows on screen.

use crate::analysis::topics::TopicIndex;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub topic: usize,
    pub score: i64,
}

#[derive(Default)]
pub struct PaletteState {
    pub query: String,
    /// Matching topics, best first.
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// First hit shown.
    pub offset: usize,
    /// Matched character positions for the hits on screen: (topic, positions).
    pub visible: Vec<(usize, Vec<usize>)>,
    /// The query `hits` was computed for.
    filtered_for: String,
}

impl std::fmt::Debug for PaletteState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaletteState")
            .field("query", &self.query)
            .field("hits", &self.hits.len())
            .finish()
    }
}

impl PaletteState {
    pub fn new(index: &TopicIndex) -> PaletteState {
        PaletteState {
            hits: all_hits(index),
            ..PaletteState::default()
        }
    }

    /// Re-filter after the query changed.
    pub fn refilter(&mut self, index: &TopicIndex) {
        let query = self.query.trim().to_string();
        if query.is_empty() {
            self.hits = all_hits(index);
        } else {
            let matcher = SkimMatcherV2::default().ignore_case();
            let narrowing =
                !self.filtered_for.is_empty() && query.starts_with(self.filtered_for.as_str());
            let candidates: Vec<usize> = if narrowing {
                self.hits.iter().map(|h| h.topic).collect()
            } else {
                (0..index.topics.len()).collect()
            };
            self.hits = score_all(&matcher, index, &candidates, &query);
        }
        self.filtered_for = query;
        self.selected = 0;
        self.offset = 0;
    }

    /// Keep the selection on screen and refresh highlights for `rows` rows.
    pub fn refresh_visible(&mut self, index: &TopicIndex, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let query = self.query.trim();
        self.visible = self.hits[self.offset.min(self.hits.len())..]
            .iter()
            .take(rows)
            .map(|h| {
                let positions = if query.is_empty() {
                    Vec::new()
                } else {
                    matcher
                        .fuzzy_indices(&index.topics[h.topic].label, query)
                        .map(|(_, p)| p)
                        .unwrap_or_default()
                };
                (h.topic, positions)
            })
            .collect();
    }

    pub fn selected_topic(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|h| h.topic)
    }
}

fn all_hits(index: &TopicIndex) -> Vec<Hit> {
    (0..index.topics.len())
        .map(|topic| Hit { topic, score: 0 })
        .collect()
}

/// Score candidates, in parallel on large lists, and sort best first.
fn score_all(
    matcher: &SkimMatcherV2,
    index: &TopicIndex,
    candidates: &[usize],
    query: &str,
) -> Vec<Hit> {
    const PARALLEL_FROM: usize = 20_000;
    let score_chunk = |chunk: &[usize], m: &SkimMatcherV2| -> Vec<Hit> {
        chunk
            .iter()
            .filter_map(|&topic| {
                m.fuzzy_match(&index.topics[topic].label, query)
                    .map(|score| Hit { topic, score })
            })
            .collect()
    };
    let mut hits = if candidates.len() >= PARALLEL_FROM {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let size = candidates.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = candidates
                .chunks(size)
                .map(|chunk| {
                    s.spawn(move || score_chunk(chunk, &SkimMatcherV2::default().ignore_case()))
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    } else {
        score_chunk(candidates, matcher)
    };
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.topic.cmp(&b.topic)));
    hits
}
