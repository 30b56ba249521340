//! `update`: the router. Every key (as an `Action`), typed character and
//! resize comes here; the overlay or screen that has the keys takes it and
//! says what else is to be done (an `Outcome`): go elsewhere, say
//! something, keep a bookmark, write a report. No I/O: what the event loop
//! must do is returned as an `Effect`.

use super::{App, Effect, Overlay, ScreenId};
use crate::corpus::sanitize::Clean;
use crate::session::BookmarkEdit;
use crate::ui::action::{Action, ViewId};
use crate::ui::keymap::Key;
use crate::ui::outcome::{Open, Outcome};

/// Input to `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    /// A printable character typed into the palette's query.
    Input(char),
    Resize(u16, u16),
    /// Nothing happened: carry on with background work (the palette's
    /// scoring of a long list), one step. Sent while `App::is_busy`.
    Tick,
    /// Show a screen at a place (what a jump does, from outside).
    Open(Open),
    /// A digit typed where digits are not text: part of a count (`5j`).
    Digit(u8),
    /// A key bound to nothing in the view in front.
    Unbound(Key),
    /// The mouse, in mouse mode: a click or the wheel.
    Mouse(crate::ui::pointer::Pointer),
}

/// Typed text is untrusted too: a character the sanitiser would
/// neutralise (controls, bidi, zero-width, tags) is not typed.
fn typable(c: char) -> bool {
    crate::corpus::sanitize::sanitize_line(c.encode_utf8(&mut [0; 4])) == c.to_string()
}

impl App {
    pub fn update(&mut self, msg: Msg) -> Effect {
        let effect = match msg {
            Msg::Resize(w, h) => {
                self.cx.resize((w, h));
                Effect::None
            }
            Msg::Tick => {
                // Only the hits change: the selection stays where it is.
                self.palette.step(&self.cx.analysis.topics);
                Effect::None
            }
            Msg::Input(c) if !typable(c) => Effect::None,
            Msg::Input(c) => {
                self.message = None;
                self.type_char(c);
                Effect::None
            }
            Msg::Digit(d) => {
                self.digit(d);
                Effect::None
            }
            Msg::Unbound(key) => {
                self.unbound(key);
                Effect::None
            }
            Msg::Mouse(pointer) => self.point(pointer),
            Msg::Action(a) => self.pressed(a),
            Msg::Open(to) => {
                self.open(to);
                Effect::None
            }
        };
        self.cx.marked = self.screens.library.marked().to_vec();
        self.refresh_layouts();
        effect
    }

    fn type_char(&mut self, c: char) {
        match self.overlay {
            Some(Overlay::Palette) => self.palette.type_char(c, &self.cx),
            Some(Overlay::Prompt) => self.bookmarks.type_char(c, true),
            Some(Overlay::Bookmarks) => self.bookmarks.type_char(c, false),
            Some(Overlay::Search) => self.search_typed(c),
            Some(Overlay::Help) => self.help.type_char(c),
            None => {}
        }
    }

    /// Global actions here; the rest to the overlay or screen in front.
    pub(super) fn route(&mut self, action: Action) -> Effect {
        if let Some(screen) = ScreenId::opened_by(action) {
            self.overlay = None;
            self.go(screen);
            return Effect::None;
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Redraw => return Effect::Redraw,
            Action::Noop => {}
            Action::Help => {
                let open = self.overlay == Some(Overlay::Help);
                self.overlay = (!open).then_some(Overlay::Help);
                self.help.open();
            }
            Action::Back => self.back(),
            // vim's ctrl-o: the jump list only; a search on screen stays.
            Action::JumpBack if self.overlay.is_some() => self.back(),
            Action::JumpBack => self.step_back(),
            Action::Topics => {
                self.palette.open(&self.cx.analysis.topics);
                self.overlay = Some(Overlay::Palette);
            }
            Action::Bookmarks => {
                self.bookmarks.open();
                self.overlay = Some(Overlay::Bookmarks);
            }
            Action::Bookmark => self.draft_bookmark(),
            Action::Copy => return self.copy_shown(),
            // As in less: / in help searches the help.
            Action::Search if self.overlay == Some(Overlay::Help) => self.help.begin_search(),
            Action::Search => self.begin_search(),
            Action::SearchAll => self.begin_search_all(),
            _ => {
                let outcome = self.take(action);
                return self.apply(outcome);
            }
        }
        Effect::None
    }

    /// The overlay or screen that has the keys takes `action`.
    fn take(&mut self, action: Action) -> Outcome {
        let cx = &self.cx;
        match self.overlay {
            Some(Overlay::Palette) => self.palette.handle(action, cx),
            Some(Overlay::Help) => self.help.handle(action, cx, self.screen.view_id()),
            Some(Overlay::Prompt) => self.bookmarks.handle_prompt(action, cx),
            Some(Overlay::Bookmarks) => self.bookmarks.handle_list(action, cx),
            Some(Overlay::Search) => self.prompt_action(action),
            None => self.screens.get_mut(self.screen).handle(action, cx),
        }
    }

    fn apply(&mut self, outcome: Outcome) -> Effect {
        match outcome {
            Outcome::Done => {}
            Outcome::Say(message) => self.message = Some(message),
            Outcome::Open(to) => self.open(to),
            Outcome::Close(message) => {
                self.overlay = None;
                self.message = message;
            }
            Outcome::Keep(edit) => {
                let restore = self.cx.key_for(ViewId::Bookmarks, Action::RestoreBookmark);
                let said = match edit {
                    BookmarkEdit::Add(_) => "Bookmarked".to_string(),
                    BookmarkEdit::Note { .. } => "Bookmark note saved".into(),
                    // The list stays open, on the next one or the one
                    // brought back.
                    BookmarkEdit::Remove(_) => format!("Bookmark deleted · {restore} restores it"),
                    BookmarkEdit::Restore(_) => "Bookmark restored".into(),
                };
                if !matches!(edit, BookmarkEdit::Remove(_) | BookmarkEdit::Restore(_)) {
                    self.overlay = None;
                }
                self.message = Some(Clean::line(&said));
                self.outbox.push(edit);
            }
            Outcome::Report(left, right, threshold) => {
                return Effect::Report(left, right, threshold);
            }
            Outcome::Follow { at, phrase, offset } => self.follow(at, &phrase, offset),
            Outcome::Narrow(group) => self.narrow(group),
        }
        Effect::None
    }

    /// Start a bookmark of what the screen shows at its top.
    fn draft_bookmark(&mut self) {
        let screen = self.screens.get(self.screen);
        match self
            .bookmarks
            .draft(screen.saved_as(), screen.shown(), &self.cx)
        {
            Ok(()) => self.overlay = Some(Overlay::Prompt),
            Err(message) => self.message = Some(message),
        }
    }
}
