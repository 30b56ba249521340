//! The topic palette: fuzzy filtering of the topic index as the user types.
//! Filtering narrows the previous results when the query only grew; the
//! list stays sorted by score, then by index order; matched-character
//! positions are computed only for the rows on screen.

pub use super::matching::Hit;
use super::matching::{MatchIndex, cost, matcher, score_list, sort, texts};
use crate::analysis::topics::TopicIndex;
use fuzzy_matcher::FuzzyMatcher;
use std::sync::Arc;

/// Scoring work done per step, in cells of skim's score matrix (label
/// characters × query characters): about 5 ms on two cores of this
/// project's benchmark machine, so a keystroke is answered within a frame
/// and the rest of a long list is scored over the next steps.
pub const STEP_CELLS: usize = 150_000;

#[derive(Default)]
pub struct PaletteState {
    pub query: String,
    /// Matching topics, best first (while `filtering`, those found so far).
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// First hit shown.
    pub offset: usize,
    /// The hits on screen, with what each shows matched.
    pub visible: Vec<Shown>,
    /// Earlier queries that the current one extends, each with its
    /// complete hits, shortest first: typing narrows the last one,
    /// deleting goes back to one without scoring anything.
    chain: Vec<(String, Vec<Hit>)>,
    /// Scoring still to do for the current query.
    filtering: Option<Filtering>,
    index: Arc<MatchIndex>,
    /// The hits of the empty query (`all_hits`), sorted once.
    overview: Vec<Hit>,
}

/// A query being scored step by step.
struct Filtering {
    query: String,
    /// Topics to score, in order; those before `next` are done.
    candidates: Vec<usize>,
    next: usize,
    found: Vec<Hit>,
}

impl std::fmt::Debug for PaletteState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaletteState")
            .field("query", &self.query)
            .field("hits", &self.hits.len())
            .field("filtering", &self.filtering.is_some())
            .finish()
    }
}

impl PaletteState {
    /// A palette over `topics`, its match index built here (see
    /// `with_index` for large indexes).
    pub fn new(topics: &TopicIndex) -> PaletteState {
        PaletteState::with_index(topics, Arc::new(MatchIndex::build(topics)))
    }

    /// A palette over `topics` with a match index built elsewhere (the
    /// reader builds it in the background with the analysis).
    pub fn with_index(topics: &TopicIndex, index: Arc<MatchIndex>) -> PaletteState {
        let overview = all_hits(topics);
        PaletteState {
            hits: overview.clone(),
            index,
            overview,
            ..PaletteState::default()
        }
    }

    /// Use `index` from now on (the one-character tables, once made): the
    /// hits already found stay, being the same under either index.
    pub fn set_index(&mut self, index: Arc<MatchIndex>) {
        self.index = index;
    }

    /// True while the hits are not complete: `step` has more to do.
    pub fn is_filtering(&self) -> bool {
        self.filtering.is_some()
    }

    /// Re-filter after the query changed: answers at once from what is
    /// known (a one-character table, an earlier query), else scores one
    /// step's worth and leaves the rest to `step`.
    pub fn refilter(&mut self, topics: &TopicIndex) {
        let query = self.query.trim().to_string();
        self.selected = 0;
        self.offset = 0;
        while self
            .chain
            .last()
            .is_some_and(|(q, _)| !query.starts_with(q.as_str()))
        {
            self.chain.pop();
        }
        // Work under way for a shorter query is not lost: the longer
        // query's hits are among what it found and what it had left.
        let unfinished = self
            .filtering
            .take()
            .filter(|f| !query.is_empty() && query.starts_with(f.query.as_str()));
        if query.is_empty() {
            self.hits = self.overview.clone();
            return;
        }
        if let Some((_, hits)) = self.chain.last().filter(|(q, _)| *q == query) {
            self.hits = hits.clone();
            return;
        }
        let candidates: Vec<usize> = if let Some(f) = unfinished {
            let rest = f.candidates[f.next..].iter().copied();
            self.index
                .prefilter(&query, f.found.iter().map(|h| h.topic).chain(rest))
        } else if let Some((_, hits)) = self.chain.last() {
            self.index.prefilter(&query, hits.iter().map(|h| h.topic))
        } else if let Some(hits) = self.index.lookup(&query) {
            self.hits = hits.clone();
            self.chain.push((query, hits));
            return;
        } else {
            self.index.prefilter(&query, 0..topics.topics.len())
        };
        self.filtering = Some(Filtering {
            query,
            candidates,
            next: 0,
            found: Vec::new(),
        });
        self.step(topics);
    }

    /// Score the next step's worth of candidates; the hits so far are
    /// shown in order meanwhile. Returns true while more is left.
    pub fn step(&mut self, topics: &TopicIndex) -> bool {
        let Some(mut f) = self.filtering.take() else {
            return false;
        };
        let chars = f.query.chars().count();
        let start = f.next;
        let mut cells = 0;
        while f.next < f.candidates.len() && cells < STEP_CELLS {
            cells += cost(topics, f.candidates[f.next], chars);
            f.next += 1;
        }
        f.found
            .extend(score_list(topics, &f.candidates[start..f.next], &f.query));
        sort(&mut f.found);
        self.hits = f.found.clone();
        if f.next < f.candidates.len() {
            self.filtering = Some(f);
            true
        } else {
            self.chain.push((f.query, f.found));
            false
        }
    }

    /// Keep the selection on screen and refresh highlights for `rows` rows.
    pub fn refresh_visible(&mut self, index: &TopicIndex, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let query = self.query.trim();
        self.visible = self.hits[self.offset.min(self.hits.len())..]
            .iter()
            .take(rows)
            .map(|h| Shown::of(index, h.topic, query))
            .collect();
    }

    pub fn selected_topic(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|h| h.topic)
    }
}

/// A hit as the palette draws it: the topic's label, and when the query
/// matches none of it but one of the topic's forms (the label "Vladimir
/// Putin", the query "president p"), that form after it, so that every
/// row shows the characters that made it match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub topic: usize,
    /// The label, or "label · form".
    pub text: String,
    /// Matched character positions in `text`.
    pub positions: Vec<usize>,
}

impl Shown {
    fn of(index: &TopicIndex, topic: usize, query: &str) -> Shown {
        let label = index.topics[topic].label.as_str();
        let plain = |positions| Shown {
            topic,
            text: label.to_string(),
            positions,
        };
        if query.is_empty() {
            return plain(Vec::new());
        }
        let matcher = matcher();
        if let Some((_, positions)) = matcher.fuzzy_indices(label, query) {
            return plain(positions);
        }
        let best_form = texts(index, topic)
            .skip(1)
            .filter_map(|form| Some((matcher.fuzzy_indices(form, query)?, form)))
            .max_by_key(|&((score, _), form)| (score, std::cmp::Reverse(form.len())));
        match best_form {
            Some(((_, positions), form)) => {
                let text = format!("{label} · {form}");
                let shift = text.chars().count() - form.chars().count();
                Shown {
                    topic,
                    text,
                    positions: positions.into_iter().map(|p| p + shift).collect(),
                }
            }
            None => plain(Vec::new()),
        }
    }
}

/// Every topic before anything is typed: the most widely covered first
/// (each kind in its own order among equals), so the list opens on what
/// the outlets share, not on each article's headline, a heading of one.
fn all_hits(index: &TopicIndex) -> Vec<Hit> {
    let mut order: Vec<(usize, usize)> = index
        .topics
        .iter()
        .enumerate()
        .map(|(topic, t)| (t.weights.iter().count(), topic))
        .collect();
    order.sort_by_key(|&(articles, topic)| (std::cmp::Reverse(articles), topic));
    order
        .into_iter()
        .map(|(_, topic)| Hit { topic, score: 0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::topics::{Topic, TopicKind};
    use crate::corpus::BlockRef;
    use crate::ui::overlays::palette::matching::Candidates;

    /// Enough labels that a short query takes several steps.
    fn many_topics(n: usize) -> TopicIndex {
        let syllables = [
            "ka", "ri", "o", "sha", "feak", "tio", "plel", "on", "zu", "mi",
        ];
        TopicIndex {
            topics: (0..n)
                .map(|i| {
                    let label = (0..4)
                        .map(|k| syllables[(i / 10usize.pow(k)) % syllables.len()])
                        .collect::<Vec<_>>()
                        .join(if i % 3 == 0 { " " } else { "" });
                    Topic {
                        label: format!("{label} {i}"),
                        kind: TopicKind::Term,
                        occurrences: std::iter::once(BlockRef::new(0, i)).collect(),
                        weights: Default::default(),
                        coverage: Default::default(),
                    }
                })
                .collect(),
        }
    }

    fn type_str(p: &mut PaletteState, t: &TopicIndex, s: &str) {
        for c in s.chars() {
            p.query.push(c);
            p.refilter(t);
        }
    }

    fn finish(p: &mut PaletteState, t: &TopicIndex) -> usize {
        let mut steps = 0;
        while p.step(t) {
            steps += 1;
        }
        steps
    }

    fn complete(t: &TopicIndex, q: &str) -> Vec<Hit> {
        MatchIndex::masks_only(t).hits(t, Candidates::All, q)
    }

    #[test]
    fn stepwise_filtering_ends_with_every_hit_in_order() {
        let t = many_topics(30_000);
        let mut p = PaletteState::new(&t);
        type_str(&mut p, &t, "ri");
        assert!(p.is_filtering(), "a long list is scored in steps");
        assert!(finish(&mut p, &t) >= 1);
        assert_eq!(p.hits, complete(&t, "ri"));
        // Partial hits are always in final order among themselves.
        p.query.push('o');
        p.refilter(&t);
        assert!(p.hits.windows(2).all(|w| w[0].score >= w[1].score));
        finish(&mut p, &t);
        assert_eq!(p.hits, complete(&t, "rio"));
    }

    #[test]
    fn typing_on_before_a_step_finishes_loses_nothing() {
        let t = many_topics(30_000);
        let mut p = PaletteState::new(&t);
        type_str(&mut p, &t, "r");
        type_str(&mut p, &t, "io");
        finish(&mut p, &t);
        assert_eq!(p.hits, complete(&t, "rio"));
        // Back to a query left unfinished: scored again.
        p.query.pop();
        p.refilter(&t);
        finish(&mut p, &t);
        assert_eq!(p.hits, complete(&t, "ri"));
        // Back to a finished one: answered from the chain at once.
        p.query.pop();
        p.refilter(&t);
        assert!(!p.is_filtering());
        assert_eq!(p.hits, complete(&t, "r"));
        // An unfinished query abandoned for another one.
        p.query = "sh".into();
        p.refilter(&t);
        p.query = "ka".into();
        p.refilter(&t);
        finish(&mut p, &t);
        assert_eq!(p.hits, complete(&t, "ka"));
        p.query.clear();
        p.refilter(&t);
        assert_eq!(p.hits.len(), t.topics.len());
        assert!(!p.is_filtering());
    }

    #[test]
    fn one_character_queries_are_looked_up_whole() {
        let t = many_topics(30_000);
        let mut p = PaletteState::new(&t);
        type_str(&mut p, &t, "z");
        assert!(!p.is_filtering());
        assert_eq!(p.hits, complete(&t, "z"));
    }

    #[test]
    fn a_row_matched_only_through_a_form_shows_that_form_highlighted() {
        let corpus = crate::corpus::load_builtin();
        let t = crate::analysis::topics::build_topics(&corpus);
        let putin = t.find(TopicKind::Name, "Vladimir Putin").expect("the name");
        let shown = Shown::of(&t, putin, "presidentputin");
        assert_eq!(shown.text, "Vladimir Putin · President Putin");
        let chars: Vec<char> = shown.text.chars().collect();
        let matched: String = shown.positions.iter().map(|&p| chars[p]).collect();
        assert_eq!(matched.to_lowercase(), "presidentputin");
        // The label itself matched: shown alone, its letters marked.
        let by_label = Shown::of(&t, putin, "vlad");
        assert_eq!(by_label.text, "Vladimir Putin");
        assert_eq!(by_label.positions, vec![0, 1, 2, 3]);
        assert!(Shown::of(&t, putin, "").positions.is_empty());
    }
}
