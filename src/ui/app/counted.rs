//! Keys that are not actions of the view: digits, which make a count
//! (`count.rs`), and keys bound to nothing here, which the status line
//! says once instead of ignoring them silently. And an action pressed:
//! held back (with its count) while the analysis it shows is pending,
//! else under the count, repeated or turned into "go to line N".

use super::{App, Effect};
use crate::ui::action::{Action, ViewId};
use crate::ui::count::Repeat;
use crate::ui::keymap::Key;

impl App {
    /// The count typed so far (shown in the status line).
    pub fn count(&self) -> Option<usize> {
        self.count.pending()
    }

    /// A digit typed where digits are not text.
    pub(super) fn digit(&mut self, digit: u8) {
        if self.count.push(digit) {
            let n = self.count.pending().unwrap_or_default();
            let back = self.cx.key_for(self.view_id(), Action::Back);
            self.message = Some(crate::clean!(
                "{n} · a count for the next key ({back} cancels)"
            ));
        } else {
            let zero = Key::plain(crate::ui::keymap::KeyCode::Char('0'));
            self.unbound(zero);
        }
    }

    /// A key bound to nothing in this view: said, so nothing a user tries
    /// is silently ignored.
    pub(super) fn unbound(&mut self, key: Key) {
        self.count.clear();
        let help = self.cx.key_for(self.view_id(), Action::Help);
        self.message = Some(crate::clean!("`{key}` does nothing here — {help} for help"));
    }

    /// An action pressed, under the count typed before it if any; one that
    /// shows analysis results waits for the analysis (its count dropped).
    pub(super) fn pressed(&mut self, action: Action) -> Effect {
        if self.cx.analysing && needs_analysis(action, self.view_id()) {
            self.count.clear();
            let n = crate::display::plural::counted(self.cx.articles(), "article");
            self.message = Some(crate::clean!("Still analysing {n}…"));
            return Effect::None;
        }
        self.message = None;
        self.route_counted(action)
    }

    /// `action` under the count typed before it, if any.
    fn route_counted(&mut self, action: Action) -> Effect {
        let Some(n) = self.count.take() else {
            return self.route(action);
        };
        if action == Action::Back {
            // esc cancels the count, and only that.
            return Effect::None;
        }
        match crate::ui::count::repeat(action, n) {
            Repeat::Once => self.route(action),
            Repeat::Line(line) => {
                let screen = self.screens.get_mut(self.screen);
                if self.overlay.is_none() && screen.go_to_row(line, &self.cx) {
                    return Effect::None;
                }
                self.route(Action::Top);
                for _ in 1..line {
                    self.route(Action::ScrollDown);
                    // Past the end: the status line says why it stopped.
                    if self.message.is_some() {
                        break;
                    }
                }
                Effect::None
            }
            Repeat::Steps(times) => {
                let (view, screen) = (self.view_id(), self.screen);
                let mut effect = Effect::None;
                for _ in 0..times {
                    effect = self.route(action);
                    if effect != Effect::None || self.view_id() != view || self.screen != screen {
                        break;
                    }
                }
                effect
            }
            Repeat::Times(times) => {
                let (view, screen) = (self.view_id(), self.screen);
                let mut effect = Effect::None;
                for _ in 0..times {
                    effect = self.route(action);
                    let moved_on = self.view_id() != view || self.screen != screen;
                    if effect != Effect::None || self.message.is_some() || moved_on {
                        break;
                    }
                }
                effect
            }
        }
    }
}

/// Actions that show analysis results and so wait for it.
fn needs_analysis(action: Action, view: ViewId) -> bool {
    matches!(action, Action::Topics | Action::Matrix)
        || matches!(
            action,
            Action::Quotes
                | Action::Passages
                | Action::FollowPassage
                | Action::FollowQuote
                | Action::Elsewhere
        )
        || (action == Action::Compare && view != ViewId::Palette)
}
