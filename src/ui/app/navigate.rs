//! Going from screen to screen, and keeping the screen shown laid out:
//! wrapped once per width (and per article, pair, fold or topic), never per
//! frame. Where the reader was is kept as a jump list, as a browser's
//! history or vim's: each screen left, or place of it jumped away from,
//! with the `Open` that shows it as it was, since every screen exists
//! once and a later `Open` of it replaces its state.

use super::{App, Overlay, ScreenId};
use crate::ui::group::Group;
use crate::ui::outcome::Open;
use crate::ui::place::Goto;
use crate::ui::update::Msg;

/// The most places `esc` steps back through.
const JUMPS_KEPT: usize = 64;

/// A screen as it was left for another screen or place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Jump {
    screen: ScreenId,
    /// How to show it as it was (`Screen::reopen`).
    at: Option<Open>,
}

impl App {
    /// The screen shown, as the jump list keeps it.
    fn here(&self) -> Jump {
        Jump {
            screen: self.screen,
            at: self.current().reopen(),
        }
    }

    /// Show `screen`, `from` kept for `back` if it is another screen or
    /// another place of this one (a jump, where scrolling is not).
    fn step(&mut self, from: Jump, screen: ScreenId) {
        let elsewhere = screen != from.screen
            || (from.at.is_some() && self.screens.get(screen).reopen() != from.at);
        if elsewhere {
            self.history.push(from);
            if self.history.len() > JUMPS_KEPT {
                self.history.remove(0);
            }
        }
        self.screen = screen;
    }

    /// Switch screens, remembering where we came from for `back`.
    pub(super) fn go(&mut self, screen: ScreenId) {
        let from = self.here();
        self.step(from, screen);
    }

    /// Close the overlay, else go back to the previous screen.
    pub(super) fn back(&mut self) {
        // Help's search ends first, then help closes.
        if self.overlay == Some(Overlay::Help) && self.help.back() {
            return;
        }
        match self.overlay.take() {
            Some(Overlay::Prompt) => self.message = Some(self.bookmarks.cancel().into()),
            Some(Overlay::Search) => self.cancel_prompt(),
            Some(_) => {}
            // A search or filter on screen goes first, as in less.
            None if self.clear_search() => {}
            None => self.step_back(),
        }
    }

    /// `back` with nothing else to close: the screen before, as it was
    /// left (shown again if something opened it elsewhere since).
    pub(super) fn step_back(&mut self) {
        let Some(jump) = self.history.pop() else {
            // Nothing silently ignored: at the start of the jump list the
            // key says so (q quits).
            if self.screen == ScreenId::Library {
                self.message = Some("Nothing to go back to (q quits)".into());
            }
            self.screen = ScreenId::Library;
            return;
        };
        if let Some(at) = jump.at
            && self.screens.get(jump.screen).reopen() != Some(at)
        {
            self.show(at);
        }
        self.screen = jump.screen;
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
        let from = self.here();
        let screen = self.show(to);
        self.step(from, screen);
    }

    /// Put the screen `to` names at its place (without showing it): which
    /// screen that is.
    fn show(&mut self, to: Open) -> ScreenId {
        let s = &mut self.screens;
        match to {
            Open::Reader(at) => {
                s.reader.open(at);
                ScreenId::Reader
            }
            Open::Compare { left, right, at } => {
                s.compare.open(left, right, at);
                ScreenId::Compare
            }
            Open::Topic { topic, at } => {
                s.topic.open(topic, at);
                ScreenId::Topic
            }
            Open::Quotes(group) => {
                s.quotes.open(group);
                ScreenId::Quotes
            }
            Open::Passages(group) => {
                s.passages.open(group);
                ScreenId::Passages
            }
            Open::Copies(copies) => {
                s.variants.open(copies);
                ScreenId::Variants
            }
            Open::Elsewhere { at, row } => {
                s.elsewhere.open(at, row, s.compare.threshold());
                ScreenId::Elsewhere
            }
            Open::Beside { left, right } => {
                s.compare.open_beside(left, right);
                ScreenId::Compare
            }
            Open::Pair(view) => {
                s.compare.show_again(view);
                ScreenId::Compare
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
        if let Some(said) = self.screens.compare.take_said() {
            self.message = Some(said);
        }
        if self.overlay == Some(Overlay::Palette) {
            let rows = self.cx.geometry.list_rows();
            self.palette.refresh_visible(&self.cx.analysis.topics, rows);
        }
        if self.overlay == Some(Overlay::Help) {
            self.help.refresh(&self.cx, shown.view_id());
        }
    }
}
