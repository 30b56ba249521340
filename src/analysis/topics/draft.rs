//! A topic while it is being collected: occurrences, how much each article
//! says, and a tally of the surface forms seen, turned into a finished
//! `Topic` at the end.

use super::compact::{Amounts, Occurrences, Weights};
use super::forms::{Coverage, FormTally};
use super::topic::{Topic, TopicKind};
use crate::analysis::prefetch::prefetch;
use crate::corpus::BlockRef;

/// How many surface samples a topic tallies: enough to find the usual
/// spelling, without a string per occurrence of a very common term.
const SURFACE_SAMPLES: u32 = 64;
const DISTINCT_SURFACES: usize = 12;

/// Weight of a surface seen in running text, where its case means
/// something, against one seen in a heading or at a sentence start.
pub const PLAIN_SURFACE: u32 = 4;
pub const WEAK_SURFACE: u32 = 1;

#[derive(Debug, Clone, Default)]
pub struct SurfaceTally {
    /// (surface, summed weight); earlier entries were seen first.
    seen: Vec<(String, u32)>,
    samples: u32,
}

impl SurfaceTally {
    pub fn add(&mut self, surface: &str, weight: u32) {
        if self.samples >= SURFACE_SAMPLES || surface.is_empty() {
            return;
        }
        self.samples += 1;
        if let Some(e) = self.seen.iter_mut().find(|(s, _)| s == surface) {
            e.1 += weight;
        } else if self.seen.len() < DISTINCT_SURFACES {
            self.seen.push((surface.to_string(), weight));
        }
    }

    /// Enough samples taken: further `add`s are ignored.
    pub fn is_full(&self) -> bool {
        self.samples >= SURFACE_SAMPLES
    }

    /// The heaviest surface; the first seen among equals.
    pub fn best(&self) -> Option<&str> {
        let mut best: Option<&(String, u32)> = None;
        for e in &self.seen {
            if best.is_none_or(|b| e.1 > b.1) {
                best = Some(e);
            }
        }
        best.map(|(s, _)| s.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: TopicKind,
    pub occurrences: Occurrences,
    /// (article, amount) in any order, merged by `finish`.
    amounts: Amounts,
    pub surfaces: SurfaceTally,
    /// A label decided elsewhere (an ambiguous surname's), over `surfaces`.
    pub label: Option<String>,
    /// The forms of a name per article (names only).
    forms: Option<Box<FormTally>>,
    /// Multiplies the salience (below 1 for a weak topic).
    pub score_factor: f32,
}

impl Draft {
    pub fn new(kind: TopicKind) -> Self {
        Self::with_room(kind, 0, 0)
    }

    /// A draft with room for `occurrences` distinct blocks in runs and
    /// `articles` runs of one article, when the caller counted them.
    pub fn with_room(kind: TopicKind, occurrences: usize, articles: usize) -> Self {
        Draft {
            kind,
            occurrences: Occurrences::with_capacity(occurrences),
            amounts: Amounts::with_capacity(articles),
            surfaces: SurfaceTally::default(),
            label: None,
            forms: None,
            score_factor: 1.0,
        }
    }

    /// Record that `article` wrote the topic as `form` `n` more times.
    pub fn add_form(&mut self, article: usize, form: &str, n: u32) {
        self.forms
            .get_or_insert_with(Default::default)
            .add(article, form, n);
    }

    /// Allocated room of the occurrences and the amounts not used.
    #[cfg(test)]
    pub fn spare(&self) -> (usize, usize) {
        (self.occurrences.spare(), self.amounts.spare())
    }

    /// Ask for the memory `add` will touch: the draft, then the ends of
    /// its lists (call the two a little apart: the second reads the
    /// first).
    pub fn prefetch(&self) {
        prefetch(self);
    }

    pub fn prefetch_ends(&self) {
        self.occurrences.prefetch_end();
        self.amounts.prefetch_end();
    }

    /// Record that `at` is on the topic and says `amount` about it.
    pub fn add(&mut self, at: BlockRef, amount: f32) {
        self.occurrences.push(at);
        self.amounts.add(at.article, amount);
    }

    /// Summed per-article (1 + ln amount) · ln(1 + N / articles covering):
    /// high for topics said much, by many, but not by every article alike.
    fn salience(amounts: &[(u32, f32)], articles: usize) -> f32 {
        let covering = amounts.iter().filter(|&&(_, x)| x > 0.0).count();
        if covering == 0 {
            return 0.0;
        }
        let idf = (1.0 + articles as f32 / covering as f32).ln();
        amounts
            .iter()
            .filter(|&&(_, x)| x > 0.0)
            .map(|&(_, x)| (1.0 + x.max(1.0).ln()) * idf)
            .sum()
    }

    /// The finished topic and its salience among `articles` articles:
    /// occurrences sorted and unique, weights divided by the largest so the
    /// article that says most weighs 1. `None` when nothing was recorded or
    /// no label is known.
    pub fn finish_ranked(mut self, fallback_label: &str, articles: usize) -> Option<(Topic, f32)> {
        self.occurrences.finish();
        let amounts = std::mem::take(&mut self.amounts).merged();
        let salience = Self::salience(&amounts, articles) * self.score_factor;
        let max = amounts.iter().map(|&(_, x)| x).fold(0.0f32, f32::max);
        if self.occurrences.is_empty() || max <= 0.0 {
            return None;
        }
        let weights = Weights::from_sorted(
            amounts
                .into_iter()
                .filter(|&(_, x)| x > 0.0)
                // Never 0 for an article that has occurrences, never above 1.
                .map(|(a, x)| (a as usize, (x / max).clamp(f32::MIN_POSITIVE, 1.0))),
        );
        let label = match &self.label {
            Some(l) => l.trim(),
            None => self.surfaces.best().unwrap_or(fallback_label).trim(),
        };
        if label.is_empty() {
            return None;
        }
        let topic = Topic {
            label: label.to_string(),
            kind: self.kind,
            occurrences: self.occurrences,
            weights,
            coverage: Coverage {
                peak: max,
                score: salience,
                forms: self.forms.map(|f| f.finish()).unwrap_or_default(),
            },
        };
        Some((topic, salience))
    }

    /// `finish_ranked` without the salience.
    pub fn finish(self, fallback_label: &str) -> Option<Topic> {
        self.finish_ranked(fallback_label, 1).map(|(t, _)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heaviest_surface_wins_first_seen_breaks_ties() {
        let mut t = SurfaceTally::default();
        t.add("Sanctions", WEAK_SURFACE);
        t.add("sanctions", PLAIN_SURFACE);
        assert_eq!(t.best(), Some("sanctions"));
        let mut t = SurfaceTally::default();
        t.add("Key Takeaways", WEAK_SURFACE);
        t.add("Key takeaways", WEAK_SURFACE);
        assert_eq!(t.best(), Some("Key Takeaways"));
    }

    #[test]
    fn weights_are_normalised_per_topic() {
        let mut d = Draft::new(TopicKind::Term);
        d.add(BlockRef::new(2, 5), 1.0);
        d.add(BlockRef::new(0, 1), 1.0);
        d.add(BlockRef::new(0, 3), 3.0);
        d.surfaces.add("x", PLAIN_SURFACE);
        let t = d.finish("x").expect("topic");
        assert_eq!(t.occurrences.first(), Some(BlockRef::new(0, 1)));
        assert_eq!(
            t.weights.iter().collect::<Vec<_>>(),
            vec![(0, 1.0), (2, 0.25)]
        );
    }

    #[test]
    fn an_empty_draft_is_no_topic() {
        assert!(Draft::new(TopicKind::Name).finish("x").is_none());
    }
}
