//! Going from screen to screen, and keeping the screen shown laid out:
//! wrapped once per width (and per article, pair, fold or topic), never per
//! frame.

use super::{App, Overlay, ScreenId};
use crate::ui::group::Group;
use crate::ui::outcome::Open;
use crate::ui::place::Goto;
use crate::ui::update::Msg;

impl App {
    /// Switch screens, remembering where we came from for `back`.
    pub(super) fn go(&mut self, screen: ScreenId) {
        if self.screen != screen {
            self.history.push(self.screen);
            if self.history.len() > 64 {
                self.history.remove(0);
            }
            self.screen = screen;
        }
    }

    /// The coverage views show `group` (`None`: every article) from now on.
    pub(super) fn narrow(&mut self, group: Option<Group>) {
        self.message = Some(match &group {
            Some(g) => crate::clean!("Showing {}", g.describe(&self.cx.analysis.events)),
            None => "Showing all articles".into(),
        });
        self.cx.group = group;
    }

    /// Show a screen at a place, closing any overlay.
    pub(super) fn open(&mut self, to: Open) {
        self.overlay = None;
        let s = &mut self.screens;
        match to {
            Open::Reader(at) => {
                s.reader.open(at);
                self.go(ScreenId::Reader);
            }
            Open::Compare { left, right, at } => {
                s.compare.open(left, right, at);
                self.go(ScreenId::Compare);
            }
            Open::Topic { topic, at } => {
                s.topic.open(topic, at);
                self.go(ScreenId::Topic);
            }
            Open::Quotes(group) => {
                s.quotes.open(group);
                self.go(ScreenId::Quotes);
            }
            Open::Passages(group) => {
                s.passages.open(group);
                self.go(ScreenId::Passages);
            }
            Open::Copies(copies) => {
                s.variants.open(copies);
                self.go(ScreenId::Variants);
            }
            Open::Elsewhere(at) => {
                s.elsewhere.open(at, s.compare.threshold());
                self.go(ScreenId::Elsewhere);
            }
            Open::Beside { left, right } => {
                s.compare.open_beside(left, right);
                self.go(ScreenId::Compare);
            }
        }
    }

    /// Open the reader on `article`, at `block` if given (`Msg::Open`).
    pub fn open_reader(&mut self, article: usize, block: Option<usize>) {
        let at = block.map_or(Goto::start_of(article), |b| {
            Goto::block(crate::corpus::BlockRef::new(article, b))
        });
        self.update(Msg::Open(Open::Reader(at)));
    }

    /// Compare two articles from the top (`Msg::Open`).
    pub fn open_compare(&mut self, left: usize, right: usize) {
        let to = Open::Compare {
            left,
            right,
            at: None,
        };
        self.update(Msg::Open(to));
    }

    /// Open the bookmark list (`Action::Bookmarks`).
    pub fn open_bookmarks(&mut self) {
        self.update(Msg::Action(crate::ui::action::Action::Bookmarks));
    }

    /// Bring the layout of the screen shown up to date with the size and
    /// its settings (the others drop work under way); the palette's
    /// visible hits too.
    pub fn refresh_layouts(&mut self) {
        let shown = self.screen;
        for (id, screen) in self.screens.each_mut() {
            if id == shown {
                screen.refresh(&self.cx);
            } else {
                screen.hide();
            }
        }
        if self.overlay == Some(Overlay::Palette) {
            let rows = self.cx.geometry.list_rows();
            self.palette.refresh_visible(&self.cx.analysis.topics, rows);
        }
    }
}
