//! Between the reader's state and a saved session: what to write on quit
//! (and on SIGHUP), and how to come back to it. Positions are stored as
//! (article id, block) anchors, never as screen lines, so a session
//! survives a different terminal width and a changed corpus.

use super::app::{App, Screen};
use crate::analysis::topics::TopicKind;
use crate::corpus::BlockRef;
use crate::corpus::sanitize::Clean;
use crate::session::{Anchor, Session, TopicKindName, TopicRef, View, resolve_in};

impl App {
    /// Write where the reader is into `s` (bookmarks are saved separately,
    /// as they are made).
    pub fn save_into(&self, s: &mut Session) {
        let id = |i: usize| self.corpus.articles.get(i).map(|a| Clean::line(&a.id));
        s.view = match self.screen {
            Screen::Library => View::Library,
            Screen::Reader => View::Reader,
            Screen::Compare => View::Compare,
            Screen::Topic => View::Topic,
            Screen::Matrix => View::Matrix,
        };
        s.left = id(self.compare.left);
        s.right = id(self.compare.right);
        s.reader = id(self.reader.article);
        s.threshold = self.compare.threshold.percent();
        s.locked = self.compare.locked;
        s.scroll.reader = self
            .reader
            .layout
            .as_ref()
            .and_then(|l| l.block_line.iter().rposition(|&x| x <= self.reader.scroll))
            .and_then(|b| Anchor::at(&self.corpus, BlockRef::new(self.reader.article, b)))
            .or_else(|| Anchor::start_of(&self.corpus, self.reader.article));
        let (l, r) = self.compare_top_blocks().unwrap_or((None, None));
        s.scroll.left =
            l.and_then(|b| Anchor::at(&self.corpus, BlockRef::new(self.compare.left, b)));
        s.scroll.right =
            r.and_then(|b| Anchor::at(&self.corpus, BlockRef::new(self.compare.right, b)));
        s.scroll.offset = match self.screen {
            Screen::Reader => self.reader.layout.as_ref().map_or(0, |l| {
                let b = l
                    .block_line
                    .iter()
                    .rposition(|&x| x <= self.reader.scroll)
                    .unwrap_or(0);
                self.reader.scroll - l.block_line[b]
            }),
            Screen::Compare => self.compare.layout.as_ref().map_or(0, |l| {
                let top = self.compare.scroll[0].min(l.lines.len().saturating_sub(1));
                let row = l.lines.get(top).and_then(|x| x.row);
                row.and_then(|r| l.row_line.get(r))
                    .map_or(0, |&start| top.saturating_sub(start))
            }),
            _ => 0,
        };
        s.topic = (self.screen == Screen::Topic)
            .then(|| self.analysis.topics.topics.get(self.topic.topic))
            .flatten()
            .map(|t| TopicRef {
                label: Clean::line(&t.label),
                kind: kind_name(t.kind),
            });
    }

    /// Come back to a saved session as far as this corpus allows: unknown
    /// articles fall back to the library, missing blocks to the nearest.
    pub fn restore_from(&mut self, s: &Session) {
        self.bookmarks.list = s.bookmarks.clone();
        let find = |id: &Option<Clean>| {
            id.as_deref()
                .and_then(|i| self.corpus.articles.iter().position(|a| a.id == i))
        };
        let lowest = u32::from(crate::analysis::pair::Threshold::STEP);
        self.compare.threshold =
            crate::analysis::pair::Threshold::from_percent(s.threshold_clamped().max(lowest));
        self.compare.locked = s.locked;
        if let Some(a) = find(&s.reader) {
            self.reader.article = a;
            self.reader.pending_block = s
                .scroll
                .reader
                .as_ref()
                .and_then(|x| resolve_in(&self.corpus, a, x));
        }
        let pair = (find(&s.left), find(&s.right));
        if let (Some(l), Some(r)) = pair {
            self.compare.left = l;
            self.compare.right = r;
            let block = |anchor: &Option<Anchor>, article| {
                anchor
                    .as_ref()
                    .and_then(|x| resolve_in(&self.corpus, article, x))
            };
            self.compare.pending_rows = Some((block(&s.scroll.left, l), block(&s.scroll.right, r)));
        }
        self.pending_topic = s.topic.clone();
        self.pending_offset = s.scroll.offset;
        self.screen = match s.view {
            View::Reader if find(&s.reader).is_some() => Screen::Reader,
            View::Compare if pair.0.is_some() && pair.1.is_some() => Screen::Compare,
            View::Topic if s.topic.is_some() => Screen::Topic,
            View::Matrix => Screen::Matrix,
            _ => Screen::Library,
        };
        self.resolve_pending_topic();
        self.refresh_layouts();
    }

    /// A saved topic is found by label and kind once topics exist.
    pub fn resolve_pending_topic(&mut self) {
        let Some(want) = &self.pending_topic else {
            return;
        };
        if self.analysing {
            return;
        }
        let found = self.analysis.topics.topics.iter().position(|t| {
            kind_name(t.kind) == want.kind && t.label.eq_ignore_ascii_case(&want.label)
        });
        match found {
            Some(t) => {
                self.topic.topic = t;
                self.topic.layout = None;
            }
            None if self.screen == Screen::Topic => self.screen = Screen::Library,
            None => {}
        }
        self.pending_topic = None;
    }
}

fn kind_name(kind: TopicKind) -> TopicKindName {
    match kind {
        TopicKind::Heading => TopicKindName::Heading,
        TopicKind::Term => TopicKindName::Term,
        TopicKind::Name => TopicKindName::Name,
    }
}
