//! The corpus report's content: per-article reuse, near-duplicate pairs
//! across and within articles, the most widely covered topics, all notes.

use super::model::{Note, Provenance};
use crate::analysis::dups::{DupPair, Scope};
use crate::analysis::topics::TopicKind;
use crate::analysis::{Analysis, ArticleStats};
use crate::corpus::Corpus;
use crate::session::Bookmark;

/// Topics shown in the coverage table.
pub const TOPIC_CAP: usize = 50;

/// One row of the coverage table.
pub struct TopicRow {
    pub label: String,
    pub kind: TopicKind,
    /// Weight per article, in corpus order (0 when not covered).
    pub weights: Vec<f32>,
    pub covering: usize,
}

pub struct CorpusReport<'a> {
    pub corpus: &'a Corpus,
    pub stats: Vec<ArticleStats>,
    pub across: Vec<DupPair>,
    pub within: Vec<DupPair>,
    /// The top topics by coverage, at most [`TOPIC_CAP`].
    pub topics: Vec<TopicRow>,
    pub topics_total: usize,
    pub notes: Vec<Note>,
    pub provenance: Provenance,
}

impl<'a> CorpusReport<'a> {
    pub fn build(
        corpus: &'a Corpus,
        bookmarks: &[Bookmark],
        provenance: Provenance,
    ) -> CorpusReport<'a> {
        let analysis = Analysis::build(corpus);
        let (within, across): (Vec<DupPair>, Vec<DupPair>) = analysis
            .dups
            .iter()
            .cloned()
            .partition(|d| d.scope == Scope::Within);
        let topics_total = analysis.topics.topics.len();
        let topics = top_topics(corpus, &analysis);
        CorpusReport {
            corpus,
            stats: analysis.stats,
            across,
            within,
            topics,
            topics_total,
            notes: bookmarks
                .iter()
                .map(|b| Note::new(corpus, b.clone()))
                .collect(),
            provenance,
        }
    }
}

/// Topics covered by the most articles first, then by total weight, then
/// in index order; at most [`TOPIC_CAP`].
fn top_topics(corpus: &Corpus, analysis: &Analysis) -> Vec<TopicRow> {
    let n = corpus.articles.len();
    let mut rows: Vec<(usize, f32, TopicRow)> = analysis
        .topics
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let weights: Vec<f32> = (0..n).map(|a| t.weight(a)).collect();
            let total: f32 = weights.iter().sum();
            let row = TopicRow {
                label: t.label.clone(),
                kind: t.kind,
                covering: t.weights.len(),
                weights,
            };
            (i, total, row)
        })
        .collect();
    rows.sort_by(|(ia, wa, a), (ib, wb, b)| {
        b.covering
            .cmp(&a.covering)
            .then(wb.total_cmp(wa))
            .then(ia.cmp(ib))
    });
    rows.into_iter()
        .take(TOPIC_CAP)
        .map(|(_, _, r)| r)
        .collect()
}

/// Shade of a coverage weight, as `parallax topics` draws it.
pub(crate) use crate::cli::topics::shade;

/// Near-duplicate pairs listed in the Markdown and HTML corpus reports
/// (JSON lists all).
pub const PAIR_CAP: usize = 200;

/// The pairs a corpus report lists: all of them in reading order, or past
/// [`PAIR_CAP`] the best-scoring ones (still in reading order).
pub fn shown_pairs(pairs: &[DupPair]) -> Vec<&DupPair> {
    let mut shown: Vec<&DupPair> = pairs.iter().collect();
    if shown.len() > PAIR_CAP {
        let score = |d: &DupPair| d.jaccard.max(d.containment);
        shown.sort_by(|x, y| score(y).total_cmp(&score(x)));
        shown.truncate(PAIR_CAP);
        shown.sort_by_key(|d| (d.a, d.b));
    }
    shown
}
