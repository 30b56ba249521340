//! Everything the reader needs from analysis, computed once per corpus:
//! near-duplicate pairs and the shared passages they make, the
//! related-paragraph index, the topic index, quotes, the events, and
//! per-article reuse counts for the library.

use super::dups::{DupOptions, DupPair, Passages, Scope, find_duplicates_and_passages};
use super::events::{Events, find_events};
use super::quotes::Quotes;
use super::related::RelatedIndex;
use super::topics::{TopicIndex, build_topics};
use crate::corpus::{BlockRef, Corpus};
use std::collections::{BTreeMap, BTreeSet};

/// How much of an article is reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArticleStats {
    /// Content blocks that near-duplicate a block of another article.
    pub shared: usize,
    /// Blocks that repeat an earlier block of the same article.
    pub repeated: usize,
}

pub struct Analysis {
    pub dups: Vec<DupPair>,
    pub related: RelatedIndex,
    pub topics: TopicIndex,
    /// Which articles report the same event (unknown while pending).
    pub events: Events,
    pub stats: Vec<ArticleStats>,
    /// Within-article repeats: a later block → the earliest block it repeats.
    pub repeat_of: BTreeMap<BlockRef, usize>,
    /// The near-duplicate pairs as groups, one per origin.
    pub passages: Passages,
    /// Quotes grouped across articles.
    pub quotes: Quotes,
}

impl Analysis {
    /// Nothing found yet: what the reader shows while the real analysis
    /// runs in the background.
    pub fn pending(corpus: &Corpus) -> Analysis {
        Analysis {
            dups: Vec::new(),
            related: RelatedIndex::build(&Corpus::default()),
            topics: TopicIndex::default(),
            events: Events::default(),
            stats: vec![ArticleStats::default(); corpus.articles.len()],
            repeat_of: BTreeMap::new(),
            passages: Passages::default(),
            quotes: Quotes::default(),
        }
    }

    pub fn build(corpus: &Corpus) -> Analysis {
        // Largest transient first (topics), the retained related index
        // last; freed memory goes back between phases, which keeps the
        // peak down on large corpora (see BENCHMARKS.md).
        super::heap::large_blocks_by_mmap();
        let (dups, passages) = find_duplicates_and_passages(corpus, &DupOptions::default());
        super::heap::give_back();
        let topics = build_topics(corpus);
        let events = find_events(corpus, &topics);
        super::heap::give_back();
        let related = RelatedIndex::build(corpus);
        super::heap::give_back();
        let quotes = Quotes::build(corpus);
        let mut shared: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); corpus.articles.len()];
        let mut repeat_of: BTreeMap<BlockRef, usize> = BTreeMap::new();
        for d in &dups {
            match d.scope {
                Scope::Across => {
                    shared[d.a.article].insert(d.a.block);
                    shared[d.b.article].insert(d.b.block);
                }
                Scope::Within => {
                    let (early, late) = if d.a.block < d.b.block {
                        (d.a, d.b)
                    } else {
                        (d.b, d.a)
                    };
                    let entry = repeat_of.entry(late).or_insert(early.block);
                    *entry = (*entry).min(early.block);
                }
            }
        }
        let mut stats: Vec<ArticleStats> = shared
            .iter()
            .map(|s| ArticleStats {
                shared: s.len(),
                repeated: 0,
            })
            .collect();
        for r in repeat_of.keys() {
            stats[r.article].repeated += 1;
        }
        Analysis {
            dups,
            related,
            topics,
            events,
            stats,
            repeat_of,
            passages,
            quotes,
        }
    }
}
