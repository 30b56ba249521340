//! One topic: what it is called, where it occurs, how much each article
//! says on it. A leaf the topic passes build on; `mod.rs` keeps the index.

use super::compact::{Occurrences, Weights};
use super::forms::Coverage;
use crate::corpus::BlockRef;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicKind {
    Heading,
    Term,
    Name,
}

impl TopicKind {
    pub fn name(self) -> &'static str {
        match self {
            TopicKind::Heading => "heading",
            TopicKind::Term => "term",
            TopicKind::Name => "name",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Topic {
    /// Human-readable: the usual spelling, never a stem.
    pub label: String,
    pub kind: TopicKind,
    /// Sorted by (article, block), no duplicates, never empty.
    pub occurrences: Occurrences,
    /// Sparse: (article index, weight in 0..=1), sorted by article, exactly
    /// the articles with occurrences (all weights > 0).
    pub weights: Weights,
    /// Counts behind the weights, the topic's rank, a name's forms.
    pub coverage: Coverage,
}

impl Topic {
    /// The weight of `article` (0 when it does not cover the topic).
    pub fn weight(&self, article: usize) -> f32 {
        self.weights.get(article)
    }

    /// Where "jump to topic" lands: for a heading, the heading block.
    pub fn first_occurrence(&self) -> Option<BlockRef> {
        self.occurrences.first()
    }

    /// The occurrences in one article, in reading order.
    pub fn occurrences_in(&self, article: usize) -> impl DoubleEndedIterator<Item = BlockRef> + '_ {
        self.occurrences.in_article(article)
    }

    /// How often `article` mentions (a name) or uses (a term) the topic;
    /// for a heading, the blocks of its section there. 0 when it does not
    /// cover it.
    pub fn count(&self, article: usize) -> u32 {
        match self.kind {
            TopicKind::Heading => self.occurrences_in(article).count() as u32,
            _ => self.coverage.count(self.weight(article)),
        }
    }

    /// The forms `article` writes the topic in, with how often, most used
    /// first (empty when the topic has one form only).
    pub fn forms_in(&self, article: usize) -> Vec<(&str, u32)> {
        self.coverage.forms.in_article(article)
    }
}

/// What the label of an ambiguous surname says before the names it may
/// stand for: "Roe (ambiguous: Jane Roe, Tom Roe)".
pub const AMBIGUOUS: &str = " (ambiguous: ";

/// The names an ambiguous surname's label lists (none for other labels).
pub fn ambiguous_names(label: &str) -> impl Iterator<Item = &str> {
    label
        .split_once(AMBIGUOUS)
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .into_iter()
        .flat_map(|list| list.split(", "))
}
