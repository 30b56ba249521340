//! The two indexes made from the text (topics, related paragraphs), cached
//! the same way; made together when the analysis wants both and neither
//! is cached, since one reading of the text serves both.

use super::super::codec::{self, related::RelatedIn, topics::TopicsIn};
use super::super::frame::{self, Damage};
use super::{Bound, RELATED, TOPICS};
use crate::analysis::related::RelatedIndex;
use crate::analysis::topics::{TopicIndex, build_topics, build_topics_and_related};
use std::sync::atomic::Ordering;

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
        if !self.on {
            return make();
        }
        let key = self.corpus_key();
        let counts = self.counts();
        if let Some(index) = self.read(TOPICS, key, |bytes| {
            let entry: TopicsIn = frame::decode(bytes, TOPICS, key)?;
            entry.index(counts).ok_or(Damage::Inconsistent)
        }) {
            self.cache.trace(format_args!("topics: read"));
            return index;
        }
        let index = make();
        self.cache
            .trace(format_args!("topics: analysed (whole corpus)"));
        if related_next {
            // The analysis's: written once it is shown (`Bound::keep`).
            self.unkept.topics.store(true, Ordering::Relaxed);
        } else {
            self.keep_topics(&index);
        }
        index
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
        let made = || {
            self.related_made
                .take()
                .unwrap_or_else(|| RelatedIndex::build(self.corpus))
        };
        if !self.on {
            return made();
        }
        let key = self.corpus_key();
        let counts = self.counts();
        if let Some(index) = self.read(RELATED, key, |bytes| {
            let entry: RelatedIn = frame::decode(bytes, RELATED, key)?;
            entry.index(counts).ok_or(Damage::Inconsistent)
        }) {
            self.cache.trace(format_args!("related: read"));
            return index;
        }
        let index = made();
        self.cache
            .trace(format_args!("related: analysed (whole corpus)"));
        if keep_later {
            self.unkept.related.store(true, Ordering::Relaxed);
        } else {
            self.keep_related(&index);
        }
        index
    }
}
