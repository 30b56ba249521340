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
//!   long form (`acronyms`), an adjective of a name is one of its forms
//!   ("Russian" of Russia: `adjectives`), a surname two people share is
//!   shown as ambiguous; weight = mentions (`mentions`), with the forms
//!   each article uses;
//! - **terms** (`phrases`): salient words and two- or three-word phrases
//!   (TF-IDF, per-article key phrases, phrases shared across articles),
//!   never reporting verbs, generic words or roles alone (`junk`), ranked
//!   lower when mostly a modifier, a head after modifiers, a verb or an
//!   adjective (`usage`); occurs where used; weight = uses.
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
//!
//! Imports run one way: `topic` (one topic) and the word lists are leaves;
//! name discovery (`names`), the forms of one person (`people`), acronyms
//! and the mention count each take what the earlier step found, and
//! `build_topics` here hands it on, so no file imports one that imports it
//! back.

mod acronyms;
mod adjectives;
mod chunks;
mod compact;
#[cfg(test)]
mod count_check;
mod counts;
mod draft;
mod first_pass;
mod forms;
mod gram;
mod gram_table;
use super::hashing;
mod headings;
mod junk;
mod mentions;
mod name_key;
mod name_lists;
mod name_spans;
mod name_split;
mod names;
mod people;
mod phrases;
mod rank;
mod related_terms;
mod runs;
mod scan;
mod selection;
mod stream;
mod term_drafts;
mod titles;
mod topic;
mod usage;
mod vocab;

use super::related::RelatedIndex;
use crate::corpus::Corpus;
use draft::Draft;
use std::collections::{HashMap, HashSet};

pub use compact::{Occurrences, Weights};
pub use forms::{Coverage, Forms, OTHER_FORMS};
pub use headings::heading_key;
pub use names::name_key;
pub use topic::{AMBIGUOUS, Topic, TopicKind, ambiguous_names};
// The word lists that tell a person's name from the role before it, for
// the quotes' speakers: one list of roles and names for the crate.
pub(crate) use name_lists::{
    is_calendar_word, is_connector, is_given_name, is_not_person_word, is_suffix,
};
pub(crate) use titles::is_title;

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

/// Most name topics kept for a corpus of `articles` articles.
pub fn max_names(articles: usize) -> usize {
    50 + 10 * articles
}

/// Build the index (see the module docs for what goes in and in what order).
pub fn build_topics(corpus: &Corpus) -> TopicIndex {
    build(corpus, false).0
}

/// The topic index and the related-paragraph index (the one
/// `RelatedIndex::build` makes), the text read once for both: the related
/// index's rows are counted from the first pass's term stream.
pub fn build_topics_and_related(corpus: &Corpus) -> (TopicIndex, RelatedIndex) {
    let (topics, related) = build(corpus, true);
    let related = related.unwrap_or_else(|| RelatedIndex::build(corpus));
    (topics, related)
}

/// The topic index, and with `related` the related index from its stream.
fn build(corpus: &Corpus, related: bool) -> (TopicIndex, Option<RelatedIndex>) {
    let articles = corpus.articles.len();
    let first_pass::FirstPass {
        vocab,
        runs,
        stream,
        counter,
    } = first_pass::first_pass(corpus);
    // The readers' scratch tables are gone; what they held is not reused
    // by the single-threaded passes below unless handed back.
    crate::heap::give_back();

    // Headings and names, and beside them on the pool the phrases chosen:
    // neither reads what the other makes, and each is one thread's work.
    let (mut topics, selected) = {
        let (stream, vocab) = (&stream, &vocab);
        crate::parallel::join(
            || {
                let mut topics: Vec<Topic> = headings::heading_drafts(corpus, stream)
                    .into_iter()
                    .filter_map(|d| d.finish(""))
                    .map(|mut t| {
                        rank::score_heading(&mut t, articles);
                        t
                    })
                    .collect();
                // Names: which keys are names, then the forms of one person or
                // organisation tied together, then every mention counted once.
                let found = names::discover(&runs, vocab);
                let people = people::resolve(&found);
                let acronyms = acronyms::resolve(&runs, &found);
                let names = mentions::drafts(&runs, &found, &people, &acronyms);
                drop(runs);
                topics.extend(ranked(names, articles, max_names(articles), |t| {
                    // One-word names must recur; longer ones are specific enough.
                    name_key(&t.label).contains(' ') || t.occurrences.len() >= 2
                }));
                topics
            },
            move || phrases::select(stream, vocab, &counter),
        )
    };
    let terms = term_drafts::term_drafts(corpus, &stream, &vocab, &selected);
    // The related index's rows are counted in the stream's own buffer of
    // term ids (the rest of the stream freed now), once the drafts are
    // ranked and gone: made here, beside the drafts, it raised the
    // analysis's peak.
    let term_ids = related.then(|| stream.into_term_ids());
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
    crate::heap::give_back();
    let related = term_ids.and_then(|ids| related_terms::related_index(corpus, ids, &vocab));
    (TopicIndex { topics }, related)
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
