//! The two indexes made from the text (topics, related paragraphs), cached
//! the same way; made together when the analysis wants both and neither
//! is cached, since one reading of the text serves both.

use super::super::codec::{self, related::RelatedIn, topics::TopicsIn};
use super::super::frame::{self, Damage};
use super::{Bound, RELATED, TOPICS};
use crate::analysis::related::RelatedIndex;
use crate::analysis::topics::{TopicIndex, build_topics, build_topics_and_related};
use std::sync::atomic::{AtomicBool, Ordering};

impl Bound<'_> {
    /// The topic index.
    pub fn topics(&self) -> TopicIndex {
        self.topics_made(false)
    }

    /// The topic index, for an analysis that asks for the related index
    /// next: made with it when neither is cached.
    pub(super) fn topics_with_related(&self) -> TopicIndex {
        self.topics_made(true)
    }

    fn topics_made(&self, related_next: bool) -> TopicIndex {
        let make = || {
            // A related entry on disk is read rather than made (one
            // refused when read is then made alone).
            if related_next && (!self.on || !self.path(RELATED, self.corpus_key()).is_file()) {
                let (topics, related) = build_topics_and_related(self.corpus);
                self.related_made.keep(related);
                topics
            } else {
                build_topics(self.corpus)
            }
        };
        self.read_or_make(
            TOPICS,
            |bytes, key, counts| {
                let entry: TopicsIn = frame::decode(bytes, TOPICS, key)?;
                entry.index(counts).ok_or(Damage::Inconsistent)
            },
            make,
            // The analysis's: written once it is shown (`Bound::keep`).
            related_next.then_some(&self.unkept.topics),
            |index| self.keep_topics(index),
        )
    }

    /// Write the topic index made for this corpus.
    pub(super) fn keep_topics(&self, index: &TopicIndex) {
        self.write(TOPICS, self.corpus_key(), &codec::topics::out(index));
    }

    /// Write the related index made for this corpus.
    pub(super) fn keep_related(&self, index: &RelatedIndex) {
        self.write(RELATED, self.corpus_key(), &codec::related::out(index));
    }

    /// The related-paragraph index.
    pub fn related(&self) -> RelatedIndex {
        self.related_made(false)
    }

    /// The related-paragraph index; with `keep_later`, one made is not
    /// written here but left for `Bound::keep`.
    pub(super) fn related_made(&self, keep_later: bool) -> RelatedIndex {
        self.read_or_make(
            RELATED,
            |bytes, key, counts| {
                let entry: RelatedIn = frame::decode(bytes, RELATED, key)?;
                entry.index(counts).ok_or(Damage::Inconsistent)
            },
            || {
                self.related_made
                    .take()
                    .unwrap_or_else(|| RelatedIndex::build(self.corpus))
            },
            keep_later.then_some(&self.unkept.related),
            |index| self.keep_related(index),
        )
    }

    /// Entry `kind` of this corpus, read back (`decode` gets the entry's
    /// bytes, the corpus key and the block counts), else made by `make`
    /// and written by `write`: at once, or with `later` left for
    /// [`Bound::keep`] (marked there). Made without the cache when it is off.
    fn read_or_make<T>(
        &self,
        kind: &str,
        decode: impl FnOnce(&[u8], u128, &[usize]) -> Result<T, Damage>,
        make: impl FnOnce() -> T,
        later: Option<&AtomicBool>,
        write: impl FnOnce(&T),
    ) -> T {
        if !self.on {
            return make();
        }
        let (key, counts) = (self.corpus_key(), self.counts());
        if let Some(made) = self.read(kind, key, |bytes| decode(bytes, key, counts)) {
            self.cache.trace(format_args!("{kind}: read"));
            return made;
        }
        let made = make();
        self.cache
            .trace(format_args!("{kind}: analysed (whole corpus)"));
        match later {
            Some(unkept) => unkept.store(true, Ordering::Relaxed),
            None => write(&made),
        }
        made
    }
}
