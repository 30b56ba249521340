//! The cache bound to one corpus: each part of the analysis read from its
//! entry when there is a sound one, else made (incrementally for
//! near-duplicates when the previous version of the inputs was cached)
//! and written for next time.

use super::codec::{self, dups::DupsIn, passages::PassagesIn, shingles::ShinglesIn};
use super::frame::{self, Damage};
use super::key::{self, hash_of};
use super::{Cache, MIN_CACHED_BYTES};
use crate::analysis::bundle::RelatedMadeEarly;
use crate::analysis::dups::article_sets::ArticleShingles;
use crate::analysis::dups::incremental::{Earlier, update};
use crate::analysis::dups::{
    DupOptions, DupPair, Passages, find_duplicates, find_duplicates_and_passages,
    find_duplicates_showing_sets, find_passages,
};
use crate::analysis::events::Events;
use crate::analysis::quotes::Quotes;
use crate::analysis::related::RelatedIndex;
use crate::analysis::topics::TopicIndex;
use crate::analysis::{Analysis, Landed, Parts};
use crate::corpus::Corpus;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

mod findings;
mod indexes;

/// Entry names.
const TOPICS: &str = "topics";
const RELATED: &str = "related";
const PASSAGES: &str = "passages";
const SHINGLES: &str = "shingles";
const LAST: &str = "last";

/// The cache for one corpus.
pub struct Bound<'c> {
    cache: &'c Cache,
    corpus: &'c Corpus,
    /// Off, or the corpus is too small to be worth it.
    on: bool,
    keys: OnceLock<(Vec<u128>, u128)>,
    counts: OnceLock<Vec<usize>>,
    /// Made with the topic index when that was made.
    related_made: RelatedMadeEarly,
    /// Indexes the analysis made and left for [`Bound::keep`].
    unkept: Unkept,
}

/// Which indexes were made but left for [`Bound::keep`] to write.
#[derive(Default)]
struct Unkept {
    topics: AtomicBool,
    related: AtomicBool,
}

impl<'c> Bound<'c> {
    /// `article_keys`: the corpus's article keys when known (see
    /// `Cache::bind`), else they are made when first needed.
    pub(super) fn new(
        cache: &'c Cache,
        corpus: &'c Corpus,
        article_keys: Option<Vec<u128>>,
    ) -> Bound<'c> {
        let text: usize = corpus
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .map(|b| b.text.len())
            .sum();
        let on = cache.dir.is_some() && text >= MIN_CACHED_BYTES;
        let keys = OnceLock::new();
        if let Some(articles) = article_keys.filter(|_| on) {
            cache.trace(format_args!("article keys: from the load"));
            let corpus = key::corpus_key(&articles);
            let _ = keys.set((articles, corpus));
        }
        Bound {
            cache,
            corpus,
            on,
            keys,
            counts: OnceLock::new(),
            related_made: RelatedMadeEarly::default(),
            unkept: Unkept::default(),
        }
    }

    /// Whether this corpus's analysis is read from and kept in the cache.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// The whole analysis, each part as it lands (see
    /// [`Analysis::build_from`]), and what it made written to the cache.
    pub fn analysis(&self, landed: &mut dyn FnMut(Landed<'_>)) -> Analysis {
        let analysis = self.analysis_unkept(landed);
        self.keep(&analysis);
        analysis
    }

    /// [`Self::analysis`] without writing the two indexes it made (topics,
    /// related): the caller shows the analysis first and then calls
    /// [`Self::keep`]. Written during the analysis, their copies made for
    /// writing (tens of MB on a large corpus) sat on top of its transients
    /// and the writing held up what the reader waits for.
    pub fn analysis_unkept(&self, landed: &mut dyn FnMut(Landed<'_>)) -> Analysis {
        Analysis::build_from(self.corpus, self, landed)
    }

    /// Write the indexes `analysis` (this corpus's, from
    /// [`Self::analysis_unkept`]) made and did not find in the cache, and
    /// the corpus entry its load left (`Cache::write_corpus_later`).
    pub fn keep(&self, analysis: &Analysis) {
        self.cache.keep_corpus(self.corpus);
        if self.unkept.topics.swap(false, Ordering::Relaxed) {
            self.keep_topics(&analysis.topics);
        }
        if self.unkept.related.swap(false, Ordering::Relaxed) {
            self.keep_related(&analysis.related);
        }
    }

    /// Near-duplicate pairs with `opts`, as `find_duplicates` gives them.
    pub fn dups(&self, opts: &DupOptions) -> Vec<DupPair> {
        if !self.on {
            return find_duplicates(self.corpus, opts);
        }
        self.dups_made(opts, false).0
    }

    /// [`Self::dups`] (cache on), and with `passages` the shared passages
    /// too when the whole corpus has to be joined anyway (nothing cached,
    /// no previous version to update): one join makes both, where the
    /// passages would otherwise take a second one.
    fn dups_made(&self, opts: &DupOptions, passages: bool) -> (Vec<DupPair>, Option<Passages>) {
        let kind = dups_kind(opts);
        let key = self.corpus_key();
        let counts = self.counts();
        let exists = |a: u32, b: u32| codec::in_range(counts, a, b);
        if let Some(pairs) = self.read(&kind, key, |bytes| {
            let entry: DupsIn = frame::decode(bytes, &kind, key)?;
            entry.pairs(exists).ok_or(Damage::Inconsistent)
        }) {
            self.cache.trace(format_args!("dups: read"));
            return (pairs, None);
        }
        let previous = self.previous(&kind);
        let (pairs, shared) = match previous {
            Some((old_keys, old_sets, old_pairs)) => {
                let (sets, pairs) = self.updated(old_keys, old_sets, &old_pairs, opts);
                let out = codec::shingles::out(self.article_keys(), &sets);
                self.write(SHINGLES, key, &out);
                (pairs, None)
            }
            None => {
                // The sets written as the join made them (a few large
                // arrays), not article by article: tens of thousands of
                // small arrays freed after the join left the heap in
                // pieces for the topic index's peak.
                let found =
                    find_duplicates_showing_sets(self.corpus, opts, passages, |refs, sets| {
                        let articles = self.corpus.articles.len();
                        let out = codec::shingles::out_of_blocks(
                            self.article_keys(),
                            articles,
                            refs,
                            sets,
                        );
                        self.write(SHINGLES, key, &out);
                    });
                self.cache.trace(format_args!(
                    "dups: {} articles analysed",
                    self.corpus.articles.len()
                ));
                found
            }
        };
        self.write(&kind, key, &codec::dups::out(&pairs));
        self.moved_on();
        (pairs, shared)
    }

    /// The shared passages at the default near-duplicate options.
    pub fn passages(&self) -> Passages {
        let min = DupOptions::default().min_score;
        if !self.on {
            return find_passages(self.corpus, min);
        }
        if let Some(passages) = self.cached_passages() {
            return passages;
        }
        let passages = find_passages(self.corpus, min);
        self.cache
            .trace(format_args!("passages: analysed (whole corpus)"));
        self.keep_passages(&passages);
        passages
    }

    fn cached_passages(&self) -> Option<Passages> {
        let key = self.corpus_key();
        let counts = self.counts();
        let passages = self.read(PASSAGES, key, |bytes| {
            let entry: PassagesIn = frame::decode(bytes, PASSAGES, key)?;
            entry.passages(counts).ok_or(Damage::Inconsistent)
        })?;
        self.cache.trace(format_args!("passages: read"));
        Some(passages)
    }

    fn keep_passages(&self, passages: &Passages) {
        self.write(PASSAGES, self.corpus_key(), &codec::passages::out(passages));
    }

    /// The pairs of this corpus from those of the previous version:
    /// unchanged articles keep their sets and pairs.
    fn updated(
        &self,
        old_keys: Vec<u128>,
        mut old_sets: Vec<ArticleShingles>,
        old_pairs: &[DupPair],
        opts: &DupOptions,
    ) -> (Vec<ArticleShingles>, Vec<DupPair>) {
        let mut by_key: HashMap<u128, VecDeque<usize>> = HashMap::new();
        for (i, k) in old_keys.iter().enumerate() {
            by_key.entry(*k).or_default().push_back(i);
        }
        let same_as: Vec<Option<usize>> = self
            .article_keys()
            .iter()
            .map(|k| by_key.get_mut(k).and_then(VecDeque::pop_front))
            .collect();
        let sets: Vec<ArticleShingles> = self
            .corpus
            .articles
            .iter()
            .zip(&same_as)
            .map(|(article, old)| match old {
                Some(i) => std::mem::take(&mut old_sets[*i]),
                None => ArticleShingles::of(article),
            })
            .collect();
        let earlier = Earlier {
            same_as: &same_as,
            pairs: old_pairs,
        };
        let (pairs, work) = update(&sets, &earlier, opts);
        self.cache.trace(format_args!(
            "dups: {} of {} articles analysed again ({} blocks), {} reused",
            work.changed_articles,
            self.corpus.articles.len(),
            work.changed_blocks,
            work.reused_articles
        ));
        (sets, pairs)
    }

    /// The previous version of these inputs: its article keys and sets,
    /// and its pairs found with the options of entry `kind`.
    #[allow(clippy::type_complexity)]
    fn previous(&self, kind: &str) -> Option<(Vec<u128>, Vec<ArticleShingles>, Vec<DupPair>)> {
        let lineage = self.cache.lineage?;
        let last = self.read(LAST, lineage, |bytes| {
            frame::decode::<u128>(bytes, LAST, lineage)
        })?;
        if last == self.corpus_key() {
            return None;
        }
        let (keys, sets) = self.read(SHINGLES, last, |bytes| {
            let entry: ShinglesIn = frame::decode(bytes, SHINGLES, last)?;
            entry.sets().ok_or(Damage::Inconsistent)
        })?;
        let content = |a: u32, b: u32| {
            sets.get(a as usize)
                .is_some_and(|s| s.blocks.binary_search(&b).is_ok())
        };
        let pairs = self.read(kind, last, |bytes| {
            let entry: DupsIn = frame::decode(bytes, kind, last)?;
            entry.pairs(content).ok_or(Damage::Inconsistent)
        })?;
        Some((keys, sets, pairs))
    }

    /// Point the inputs at this corpus's analysis; the previous
    /// version's entries go.
    fn moved_on(&self) {
        self.cache.supersede(LAST, "", self.corpus_key());
    }

    fn article_keys(&self) -> &[u128] {
        &self.keys().0
    }

    fn corpus_key(&self) -> u128 {
        self.keys().1
    }

    fn keys(&self) -> &(Vec<u128>, u128) {
        self.keys.get_or_init(|| {
            let articles = key::article_keys(self.corpus);
            let corpus = key::corpus_key(&articles);
            (articles, corpus)
        })
    }

    fn counts(&self) -> &[usize] {
        self.counts.get_or_init(|| codec::block_counts(self.corpus))
    }

    fn path(&self, kind: &str, key: u128) -> PathBuf {
        self.cache.entry_path(kind, key)
    }

    /// The entry `kind` for `key`, decoded (see `Cache::read_entry`).
    fn read<T>(
        &self,
        kind: &str,
        key: u128,
        decode: impl FnOnce(&[u8]) -> Result<T, Damage>,
    ) -> Option<T> {
        self.cache.read_entry(&self.path(kind, key), decode)
    }

    /// Keep `value` as entry `kind` for `key`.
    fn write(&self, kind: &str, key: u128, value: &impl Serialize) {
        self.cache
            .write_entry(&self.path(kind, key), kind, key, value);
    }
}

/// The entry name of the near-duplicates found with `opts`.
fn dups_kind(opts: &DupOptions) -> String {
    format!(
        "dups-{:016x}",
        hash_of(&(opts.min_score.to_bits(), opts.within, opts.across)) as u64
    )
}

impl Parts for Bound<'_> {
    fn at_hand(&self) -> bool {
        if !self.on {
            return false;
        }
        let key = self.corpus_key();
        let kinds = [
            dups_kind(&DupOptions::default()),
            PASSAGES.into(),
            TOPICS.into(),
            findings::EVENTS.into(),
            RELATED.into(),
            findings::QUOTES.into(),
        ];
        // A file there may still be refused when read: that part is then
        // made on its thread, as it would be in turn.
        kinds.iter().all(|k| self.path(k, key).is_file())
    }

    fn dups_and_passages(&self) -> (Vec<DupPair>, Passages) {
        if !self.on {
            return find_duplicates_and_passages(self.corpus, &DupOptions::default());
        }
        let opts = DupOptions::default();
        if let Some(passages) = self.cached_passages() {
            return (Bound::dups(self, &opts), passages);
        }
        match self.dups_made(&opts, true) {
            (pairs, Some(passages)) => {
                self.cache
                    .trace(format_args!("passages: from the same join"));
                self.keep_passages(&passages);
                (pairs, passages)
            }
            (pairs, None) => (pairs, self.passages()),
        }
    }

    fn topics(&self) -> TopicIndex {
        self.topics_with_related()
    }

    fn related(&self) -> RelatedIndex {
        self.related_made(true)
    }

    fn events(&self, topics: &TopicIndex) -> Events {
        Bound::events(self, topics)
    }

    fn quotes(&self) -> Quotes {
        Bound::quotes(self)
    }
}
