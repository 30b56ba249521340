//! Between the reader's state and a saved session: what to write on quit
//! (and on SIGHUP), and how to come back to it. Positions are what the
//! screens say is at their top (`Screen::top`), stored as (article id,
//! block) anchors and lines into the block, never as screen lines, so a
//! session survives a different terminal width and a changed corpus.

use super::{App, ScreenId};
use crate::analysis::pair::Threshold;
use crate::analysis::topics::TopicKind;
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::session::{Anchor, Session, TopicKindName, TopicRef, View, resolve_anchor, resolve_in};
use crate::ui::place::Goto;
use crate::ui::screens::Screen;

impl App {
    /// Write where the reader is into `s` (bookmarks are saved separately,
    /// as they are made).
    pub fn save_into(&self, s: &mut Session) {
        let corpus = &self.cx.corpus;
        let id = |i: usize| corpus.articles.get(i).map(|a| Clean::line(&a.id));
        let anchor = |b: Option<BlockRef>| b.and_then(|b| Anchor::at(corpus, b));
        let (reader, compare, topic) = (
            &self.screens.reader,
            &self.screens.compare,
            &self.screens.topic,
        );
        s.view = self.current().saved_as();
        s.left = id(compare.left());
        s.right = id(compare.right());
        s.reader = id(reader.article());
        s.threshold = compare.threshold().percent();
        s.locked = compare.locked();
        s.scroll.reader = anchor(reader.top().and_then(|p| p.left))
            .or_else(|| Anchor::start_of(corpus, reader.article()));
        let pair = compare.top().unwrap_or_default();
        s.scroll.left = anchor(pair.left);
        s.scroll.right = anchor(pair.right);
        let on_topic = self.screen == ScreenId::Topic;
        s.scroll.topic = anchor(topic.top().filter(|_| on_topic).and_then(|p| p.left));
        s.scroll.offset = self.current().top().map_or(0, |p| p.offset);
        s.topic = on_topic
            .then(|| self.cx.analysis.topics.topics.get(topic.topic()))
            .flatten()
            .map(|t| TopicRef {
                label: Clean::line(&t.label),
                kind: kind_name(t.kind),
            });
    }

    /// Come back to a saved session as far as this corpus allows: unknown
    /// articles fall back to the library, missing blocks to the nearest.
    pub fn restore_from(&mut self, s: &Session) {
        self.bookmarks
            .set_list(s.bookmarks.clone(), &self.cx.corpus);
        let corpus = &self.cx.corpus;
        let find = |id: &Option<Clean>| {
            id.as_deref()
                .and_then(|i| corpus.articles.iter().position(|a| a.id == i))
        };
        // Lines into the block count in the view saved only.
        let offset = |view: View| if s.view == view { s.scroll.offset } else { 0 };
        let block_in = |anchor: &Option<Anchor>, article: usize| {
            let block = resolve_in(corpus, article, anchor.as_ref()?)?;
            Some(BlockRef::new(article, block))
        };
        let screens = &mut self.screens;
        let reader = find(&s.reader);
        if let Some(a) = reader {
            let at = block_in(&s.scroll.reader, a).map_or(Goto::start_of(a), |block| Goto {
                block,
                offset: offset(View::Reader),
            });
            screens.reader.open(at);
        }
        let pair = (find(&s.left), find(&s.right));
        if let (Some(l), Some(r)) = pair {
            let block = block_in(&s.scroll.left, l).or_else(|| block_in(&s.scroll.right, r));
            let at = block.map(|block| Goto {
                block,
                offset: offset(View::Compare),
            });
            screens.compare.open(l, r, at);
        }
        // After the pair: a pair opened afresh is locked, the saved one
        // as it was left.
        let threshold = Threshold::from_percent(s.threshold_clamped());
        screens.compare.set_settings(threshold, s.locked);
        let topic_at = s
            .scroll
            .topic
            .as_ref()
            .and_then(|a| resolve_anchor(corpus, a));
        self.waiting_topic = s.topic.clone().map(|t| {
            let at = topic_at.map(|block| Goto {
                block,
                offset: offset(View::Topic),
            });
            (t, at)
        });
        self.screen = match s.view {
            View::Reader if reader.is_some() => ScreenId::Reader,
            View::Compare if pair.0.is_some() && pair.1.is_some() => ScreenId::Compare,
            View::Topic if s.topic.is_some() => ScreenId::Topic,
            View::Matrix => ScreenId::Matrix,
            View::Quotes => ScreenId::Quotes,
            View::Passages => ScreenId::Passages,
            _ => ScreenId::Library,
        };
        self.resolve_waiting_topic();
        self.refresh_layouts();
    }

    /// A saved topic is found by label and kind once topics exist.
    pub(super) fn resolve_waiting_topic(&mut self) {
        if self.cx.analysing {
            return;
        }
        let Some((want, at)) = self.waiting_topic.take() else {
            return;
        };
        let found = self.cx.analysis.topics.topics.iter().position(|t| {
            kind_name(t.kind) == want.kind && t.label.eq_ignore_ascii_case(&want.label)
        });
        match found {
            Some(t) => self.screens.topic.open(t, at),
            None if self.screen == ScreenId::Topic => self.screen = ScreenId::Library,
            None => {}
        }
    }
}

fn kind_name(kind: TopicKind) -> TopicKindName {
    match kind {
        TopicKind::Heading => TopicKindName::Heading,
        TopicKind::Term => TopicKindName::Term,
        TopicKind::Name => TopicKindName::Name,
    }
}
