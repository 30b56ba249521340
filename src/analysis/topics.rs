//! The topic index: section headings, names and salient terms/phrases, each
//! with the blocks where it occurs and a per-article weight (the data for
//! the topic palette and the topics × articles coverage matrix).

use crate::corpus::{BlockRef, Corpus};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicKind {
    Heading,
    Term,
    Name,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub label: String,
    pub kind: TopicKind,
    /// Sorted by (article, block), no duplicates.
    pub occurrences: Vec<BlockRef>,
    /// Sparse: (article index, weight in 0..=1), sorted by article, only
    /// articles with weight > 0.
    pub weights: Vec<(usize, f32)>,
}

impl Topic {
    /// The weight of `article` (0 when it does not cover the topic).
    pub fn weight(&self, article: usize) -> f32 {
        self.weights
            .binary_search_by_key(&article, |&(a, _)| a)
            .map_or(0.0, |i| self.weights[i].1)
    }
}

#[derive(Debug, Clone, Default)]
pub struct TopicIndex {
    pub topics: Vec<Topic>,
}

impl TopicIndex {
    /// Articles with weight > 0 on `topic`, ascending.
    pub fn articles_covering(&self, topic: usize) -> impl Iterator<Item = usize> + '_ {
        self.topics
            .get(topic)
            .into_iter()
            .flat_map(|t| t.weights.iter().map(|&(a, _)| a))
    }
}

pub fn build_topics(_corpus: &Corpus) -> TopicIndex {
    TopicIndex::default()
}
