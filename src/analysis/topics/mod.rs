//! The topic index: what the articles talk about, for fuzzy navigation (a
//! palette that jumps to a topic) and coverage comparison (a topics ×
//! articles matrix shaded by weight).
//!
//! Three kinds of topic, each built from content blocks only (metadata and
//! boilerplate never yield or hold a topic):
//! - **headings** (`headings`): every section heading, the title included,
//!   merged across articles case- and punctuation-insensitively; occurs in
//!   the heading block and its section's blocks (up to the next heading);
//!   weight = the section's words in that article;
//! - **names** (`names`, `runs`): capitalised sequences such as "Joint Base
//!   Elmendorf-Richardson", not a sentence's first word on its own; the
//!   forms of one person are one topic ("Vladimir Putin", "Putin",
//!   "President Putin": `people`), an acronym the text defines joins its
//!   long form (`acronyms`), a surname two people share is shown as
//!   ambiguous; weight = mentions (`mentions`), with the forms each article
//!   uses;
//! - **terms** (`phrases`): salient words and two- or three-word phrases
//!   (TF-IDF, per-article key phrases, phrases shared across articles),
//!   never reporting verbs or generic words (`junk`); occurs where used;
//!   weight = uses.
//!
//! Weights are divided by the topic's largest, so the article that says
//! most on a topic weighs 1 and every article with an occurrence weighs
//! more than 0. Labels are the usual spelling (most frequent surface form,
//! running text preferred to headings and sentence starts), unique per
//! kind whatever the case.
//!
//! Order: headings first, in reading order of first occurrence (a table of
//! contents of the corpus); then names by salience (summed per-article
//! (1 + ln amount) · ln(1 + N / articles covering)), then terms by how well
//! they tell articles apart (`rank`: salience times burstiness), ties by
//! first occurrence. Every topic carries that score
//! (`Coverage::score`), the order of the coverage matrix.
//!
//! Cost: the text is read once (`first_pass`, on several threads for large
//! corpora) into a compact term stream that the later passes reuse; memory
//! beyond the index itself is bounded (phrase counts are pruned of rare
//! entries past `counts::MAX_GRAMS`, making counts of rare phrases
//! approximate on very large corpora).

mod acronyms;
mod compact;
mod counts;
mod draft;
mod first_pass;
mod forms;
mod gram;
mod headings;
mod junk;
mod local_counts;
mod mentions;
mod name_lists;
mod name_spans;
mod names;
mod people;
mod phrases;
mod rank;
mod runs;
mod scan;
mod stream;
mod term_drafts;
mod titles;
mod vocab;

use crate::corpus::{BlockRef, Corpus};
use draft::Draft;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

pub use compact::{Occurrences, Weights};
pub use forms::{Coverage, Forms, OTHER_FORMS};
pub use headings::heading_key;
pub use names::name_key;

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

#[derive(Debug, Clone, Default)]
pub struct TopicIndex {
    pub topics: Vec<Topic>,
}

impl TopicIndex {
    /// Articles with weight > 0 on `topic`, ascending (none for an unknown
    /// topic).
    pub fn articles_covering(&self, topic: usize) -> impl Iterator<Item = usize> + '_ {
        self.topics
            .get(topic)
            .into_iter()
            .flat_map(|t| t.weights.iter().map(|(a, _)| a))
    }

    pub fn get(&self, topic: usize) -> Option<&Topic> {
        self.topics.get(topic)
    }

    pub fn len(&self) -> usize {
        self.topics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    /// Topics of one kind with their indices, in index order.
    pub fn of_kind(&self, kind: TopicKind) -> impl Iterator<Item = (usize, &Topic)> + '_ {
        self.topics
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.kind == kind)
    }

    /// The topic of `kind` whose label matches case-insensitively.
    pub fn find(&self, kind: TopicKind, label: &str) -> Option<usize> {
        let wanted = label.to_lowercase();
        self.of_kind(kind)
            .find(|(_, t)| t.label.to_lowercase() == wanted)
            .map(|(i, _)| i)
    }

    /// The topic of the bare mentions that may be `topic`'s person or
    /// another's ("Roe (ambiguous: Jane Roe, Tom Roe)" for "Jane Roe").
    pub fn ambiguous_for(&self, topic: usize) -> Option<usize> {
        let t = self.topics.get(topic)?;
        if t.kind != TopicKind::Name {
            return None;
        }
        self.of_kind(TopicKind::Name)
            .find(|(_, a)| ambiguous_names(&a.label).any(|n| n == t.label))
            .map(|(i, _)| i)
    }

    /// Topics an article covers, in index order.
    pub fn topics_in_article(&self, article: usize) -> impl Iterator<Item = usize> + '_ {
        self.topics
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.weight(article) > 0.0)
            .map(|(i, _)| i)
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

/// Most name topics kept for a corpus of `articles` articles.
pub fn max_names(articles: usize) -> usize {
    50 + 10 * articles
}

/// Build the index (see the module docs for what goes in and in what order).
pub fn build_topics(corpus: &Corpus) -> TopicIndex {
    let articles = corpus.articles.len();
    let first_pass::FirstPass {
        vocab,
        runs,
        stream,
        counter,
    } = first_pass::first_pass(corpus);
    // The readers' scratch tables are gone; what they held is not reused
    // by the single-threaded passes below unless handed back.
    super::heap::give_back();

    let mut topics: Vec<Topic> = headings::heading_drafts(corpus, &stream)
        .into_iter()
        .filter_map(|d| d.finish(""))
        .map(|mut t| {
            rank::score_heading(&mut t, articles);
            t
        })
        .collect();
    let names = names::name_drafts(&runs, &vocab);
    drop(runs);
    topics.extend(ranked(names, articles, max_names(articles), |t| {
        // One-word names must recur; longer ones are specific enough.
        name_key(&t.label).contains(' ') || t.occurrences.len() >= 2
    }));
    let selected = phrases::select(&stream, &vocab, &counter);
    drop(counter);
    let terms = term_drafts::term_drafts(corpus, &stream, &selected);
    drop(stream);
    // A phrase written all in capitals is a name's or a heading's, and a
    // phrase that is a whole heading is that heading's topic.
    let heading_keys: HashSet<String> = topics
        .iter()
        .filter(|t| t.kind == TopicKind::Heading)
        .map(|t| heading_key(&t.label))
        .collect();
    topics.extend(ranked(terms, articles, usize::MAX, |t| {
        !t.label.split_whitespace().all(scan::is_capitalised)
            && !heading_keys.contains(&heading_key(&t.label))
            && rank::score_term(t, articles)
    }));
    let topics = merge_same_labels(topics);
    TopicIndex { topics }
}

/// Finished topics by descending score, at most `cap`. `keep` may
/// rescore a topic (`Coverage::score`, salience to begin with) and says
/// whether to keep it.
fn ranked(
    drafts: Vec<Draft>,
    articles: usize,
    cap: usize,
    keep: impl Fn(&mut Topic) -> bool,
) -> Vec<Topic> {
    let mut scored: Vec<Topic> = drafts
        .into_iter()
        .filter_map(|d| d.finish_ranked("", articles))
        .map(|(t, _)| t)
        .filter_map(|mut t| keep(&mut t).then_some(t))
        .collect();
    scored.sort_by(|a, b| {
        b.coverage
            .score
            .total_cmp(&a.coverage.score)
            .then(a.occurrences.first().cmp(&b.occurrences.first()))
            .then(a.label.cmp(&b.label))
    });
    scored.truncate(cap);
    scored
}

/// Safety net for the "labels unique per kind" promise: two topics of one
/// kind whose labels differ only in case become one (occurrences united,
/// the larger weight kept).
fn merge_same_labels(topics: Vec<Topic>) -> Vec<Topic> {
    let mut seen: HashMap<(TopicKind, String), usize> = HashMap::new();
    let mut out: Vec<Topic> = Vec::with_capacity(topics.len());
    for t in topics {
        let key = (t.kind, t.label.to_lowercase());
        match seen.get(&key).and_then(|&i| out.get_mut(i)) {
            Some(kept) => {
                kept.occurrences.append(t.occurrences);
                kept.weights.merge_max(&t.weights);
            }
            None => {
                seen.insert(key, out.len());
                out.push(t);
            }
        }
    }
    out
}
