//! Everything the reader needs from analysis, computed once per corpus:
//! near-duplicate pairs and the shared passages they make, the
//! related-paragraph index, the topic index, quotes, the events, and
//! per-article reuse counts for the library.

use super::dups::{DupOptions, DupPair, Passages, Scope, find_duplicates_and_passages};
use super::events::{Events, find_events};
use super::quotes::Quotes;
use super::related::RelatedIndex;
use super::topics::{TopicIndex, build_topics_and_related};
use crate::corpus::{BlockRef, Corpus};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, PoisonError};

/// How much of an article is reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArticleStats {
    /// Content blocks that near-duplicate a block of another article.
    pub shared: usize,
    /// Blocks that repeat an earlier block of the same article.
    pub repeated: usize,
}

impl ArticleStats {
    /// Each article's reuse counts, from the near-duplicate pairs.
    pub fn of(corpus: &Corpus, dups: &[DupPair]) -> Vec<ArticleStats> {
        reuse_of(corpus, dups).0
    }
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
        Analysis::build_from(corpus, &Fresh::new(corpus), &mut |_| {})
    }

    /// Build from `parts` (computed, or read back from a cache), in the
    /// order the reader wants them: near-duplicates first (the library's
    /// columns), then topics, then the related index. `landed` hears of
    /// each part as it is ready.
    pub fn build_from(
        corpus: &Corpus,
        parts: &(dyn Parts + Sync),
        landed: &mut dyn FnMut(Landed<'_>),
    ) -> Analysis {
        // Largest transient first (topics), then the events beside the
        // quotes; freed memory goes back between phases, which keeps the
        // peak down on large corpora (see BENCHMARKS.md).
        crate::heap::large_blocks_by_mmap();
        if parts.at_hand() {
            // Read, not made: no large transient to keep apart, so the
            // parts the reader wants last are decoded beside the others.
            return std::thread::scope(|s| {
                let later = s.spawn(|| (parts.related(), parts.quotes()));
                let (first, ()) = FirstParts::of(corpus, parts, landed, || ());
                match later.join() {
                    Ok((related, quotes)) => first.with(related, quotes),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            });
        }
        // The events are mostly one thread's work: the quotes are found
        // beside them rather than after.
        let (first, quotes) = FirstParts::of(corpus, parts, landed, || parts.quotes());
        let related = parts.related();
        crate::heap::give_back();
        first.with(related, quotes)
    }
}

/// The parts the reader shows first.
struct FirstParts {
    dups: Vec<DupPair>,
    passages: Passages,
    stats: Vec<ArticleStats>,
    repeat_of: BTreeMap<BlockRef, usize>,
    topics: TopicIndex,
    events: Events,
}

impl FirstParts {
    /// Near-duplicates (and the reuse counts and repeats from them), then
    /// topics and events, each told to `landed` as it is ready; `beside`
    /// runs beside the events, on the pool.
    fn of<T: Send>(
        corpus: &Corpus,
        parts: &(dyn Parts + Sync),
        landed: &mut dyn FnMut(Landed<'_>),
        beside: impl FnOnce() -> T + Send,
    ) -> (FirstParts, T) {
        let (dups, passages) = parts.dups_and_passages();
        crate::heap::give_back();
        let (stats, repeat_of) = reuse_of(corpus, &dups);
        landed(Landed::Dups {
            dups: &dups,
            stats: &stats,
            repeat_of: &repeat_of,
        });
        let topics = parts.topics();
        let (events, made_beside) = crate::parallel::join(|| parts.events(&topics), beside);
        crate::heap::give_back();
        landed(Landed::Topics(&topics));
        let first = FirstParts {
            dups,
            passages,
            stats,
            repeat_of,
            topics,
            events,
        };
        (first, made_beside)
    }

    fn with(self, related: RelatedIndex, quotes: Quotes) -> Analysis {
        Analysis {
            dups: self.dups,
            related,
            topics: self.topics,
            events: self.events,
            stats: self.stats,
            repeat_of: self.repeat_of,
            passages: self.passages,
            quotes,
        }
    }
}

/// A part of the analysis just made (see [`Analysis::build_from`]).
pub enum Landed<'a> {
    Dups {
        dups: &'a [DupPair],
        stats: &'a [ArticleStats],
        repeat_of: &'a BTreeMap<BlockRef, usize>,
    },
    Topics(&'a TopicIndex),
}

/// Where the parts of an analysis come from.
pub trait Parts {
    /// Near-duplicates at the default options, and the shared passages
    /// they make.
    fn dups_and_passages(&self) -> (Vec<DupPair>, Passages);
    fn topics(&self) -> TopicIndex;
    fn related(&self) -> RelatedIndex;
    /// The events, from this corpus's topic index.
    fn events(&self, topics: &TopicIndex) -> Events;
    fn quotes(&self) -> Quotes;
    /// Whether every part will be read rather than made (from a cache):
    /// then they are read side by side.
    fn at_hand(&self) -> bool {
        false
    }
}

/// Every part computed from the corpus. The topic index's reading of the
/// text makes the related index too (`build_topics_and_related`), kept
/// here until it is asked for.
pub struct Fresh<'c> {
    corpus: &'c Corpus,
    related: RelatedMadeEarly,
}

impl<'c> Fresh<'c> {
    pub fn new(corpus: &'c Corpus) -> Fresh<'c> {
        Fresh {
            corpus,
            related: RelatedMadeEarly::default(),
        }
    }
}

impl Parts for Fresh<'_> {
    fn dups_and_passages(&self) -> (Vec<DupPair>, Passages) {
        find_duplicates_and_passages(self.corpus, &DupOptions::default())
    }

    fn topics(&self) -> TopicIndex {
        let (topics, related) = build_topics_and_related(self.corpus);
        self.related.keep(related);
        topics
    }

    fn related(&self) -> RelatedIndex {
        self.related
            .take()
            .unwrap_or_else(|| RelatedIndex::build(self.corpus))
    }

    fn events(&self, topics: &TopicIndex) -> Events {
        find_events(self.corpus, topics)
    }

    fn quotes(&self) -> Quotes {
        Quotes::build(self.corpus)
    }
}

/// A related index made with the topic index, before it is asked for.
#[derive(Default)]
pub struct RelatedMadeEarly(Mutex<Option<RelatedIndex>>);

impl RelatedMadeEarly {
    pub fn keep(&self, index: RelatedIndex) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(index);
    }

    pub fn take(&self) -> Option<RelatedIndex> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// Per-article reuse counts and within-article repeats, from the pairs.
fn reuse_of(corpus: &Corpus, dups: &[DupPair]) -> (Vec<ArticleStats>, BTreeMap<BlockRef, usize>) {
    let mut shared: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); corpus.articles.len()];
    let mut repeat_of: BTreeMap<BlockRef, usize> = BTreeMap::new();
    for d in dups {
        match d.scope {
            Scope::Across => {
                for r in [d.a, d.b] {
                    if let Some(s) = shared.get_mut(r.article) {
                        s.insert(r.block);
                    }
                }
            }
            // An echo of the layout, not a repeated passage: it counts for
            // neither.
            Scope::Within if d.is_heading_echo(corpus) => {}
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
        if let Some(s) = stats.get_mut(r.article) {
            s.repeated += 1;
        }
    }
    (stats, repeat_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_echoed_by_a_block_of_its_article_is_no_repeat() {
        // 001 heads a section with words its first paragraph opens with,
        // and repeats its title in a caption; 004 repeats its intro.
        let corpus = crate::corpus::load_builtin();
        let analysis = Analysis::build(&corpus);
        let repeated = |id: &str| analysis.stats[corpus.resolve(id).unwrap()].repeated;
        assert_eq!(repeated("001"), 0);
        assert_eq!(repeated("004"), 1);
        // The pairs themselves are still found: only their reading changes.
        let a001 = corpus.resolve("001").unwrap();
        assert!(
            analysis
                .dups
                .iter()
                .any(|d| d.a.article == a001 && d.b.article == a001)
        );
    }
}
