//! The corpus report's content: per-article reuse, near-duplicate pairs
//! across and within articles, the most widely covered topics, all notes.

use super::model::{Note, Provenance};
use crate::analysis::ArticleStats;
use crate::analysis::dups::{DupOptions, DupPair, Scope};
use crate::analysis::topics::{TopicIndex, TopicKind};
use crate::cache::Bound;
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
        cache: &Bound,
        bookmarks: &[Bookmark],
        provenance: Provenance,
    ) -> CorpusReport<'a> {
        let dups = cache.dups(&DupOptions::default());
        let stats = ArticleStats::of(corpus, &dups);
        let (within, across): (Vec<DupPair>, Vec<DupPair>) =
            dups.into_iter().partition(|d| d.scope == Scope::Within);
        let index = cache.topics();
        let topics_total = index.topics.len();
        let topics = top_topics(corpus, &index);
        CorpusReport {
            corpus,
            stats,
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
fn top_topics(corpus: &Corpus, index: &TopicIndex) -> Vec<TopicRow> {
    let n = corpus.articles.len();
    // Ranked on the sparse weights; only the rows shown are spread out
    // per article (a large corpus has tens of thousands of topics).
    let mut ranked: Vec<(usize, usize, f32)> = index
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.weights.len(), t.weights.iter().map(|(_, w)| w).sum()))
        .collect();
    ranked.sort_by(|(ia, ca, wa), (ib, cb, wb)| cb.cmp(ca).then(wb.total_cmp(wa)).then(ia.cmp(ib)));
    ranked
        .into_iter()
        .take(TOPIC_CAP)
        .map(|(i, covering, _)| {
            let t = &index.topics[i];
            TopicRow {
                label: t.label.clone(),
                kind: t.kind,
                covering,
                weights: (0..n).map(|a| t.weight(a)).collect(),
            }
        })
        .collect()
}

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
