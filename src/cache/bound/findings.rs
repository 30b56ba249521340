//! The parts made from the corpus and the other parts, cached the same
//! way: the events (from the topic index) and the quotes.

use super::super::codec::{self, events::EventWire, quotes::GroupWire};
use super::super::frame::{self, Damage};
use super::Bound;
use crate::analysis::events::{Events, find_events};
use crate::analysis::quotes::Quotes;
use crate::analysis::topics::TopicIndex;

pub(super) const EVENTS: &str = "events";
pub(super) const QUOTES: &str = "quotes";

impl Bound<'_> {
    /// The events, from `topics` (this corpus's topic index).
    pub fn events(&self, topics: &TopicIndex) -> Events {
        if !self.on {
            return find_events(self.corpus, topics);
        }
        let key = self.corpus_key();
        let (articles, n_topics) = (self.corpus.articles.len(), topics.topics.len());
        if let Some(events) = self.read(EVENTS, key, |bytes| {
            let wire: Vec<EventWire> = frame::decode(bytes, EVENTS, key)?;
            codec::events::events(wire, articles, n_topics).ok_or(Damage::Inconsistent)
        }) {
            self.cache.trace(format_args!("events: read"));
            return events;
        }
        let events = find_events(self.corpus, topics);
        self.cache
            .trace(format_args!("events: analysed (whole corpus)"));
        self.write(EVENTS, key, &codec::events::out(&events));
        events
    }

    /// The quotes, grouped across articles.
    pub fn quotes(&self) -> Quotes {
        if !self.on {
            return Quotes::build(self.corpus);
        }
        let key = self.corpus_key();
        let counts = self.counts();
        if let Some(quotes) = self.read(QUOTES, key, |bytes| {
            let wire: Vec<GroupWire> = frame::decode(bytes, QUOTES, key)?;
            codec::quotes::quotes(wire, self.corpus, counts).ok_or(Damage::Inconsistent)
        }) {
            self.cache.trace(format_args!("quotes: read"));
            return quotes;
        }
        let quotes = Quotes::build(self.corpus);
        self.cache
            .trace(format_args!("quotes: analysed (whole corpus)"));
        self.write(QUOTES, key, &codec::quotes::out(&quotes));
        quotes
    }
}
