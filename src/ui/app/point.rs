//! The mouse in mouse mode: the screen under the pointer hears where it
//! is (compare focuses that pane), then the wheel scrolls what is in
//! front, overlay or screen, as the scroll keys do.

use super::{App, Effect};
use crate::ui::action::Action;
use crate::ui::pointer::{Pointer, PointerKind, WHEEL_LINES};

impl App {
    pub(super) fn point(&mut self, p: Pointer) -> Effect {
        self.message = None;
        self.count.clear();
        if self.overlay.is_none() {
            self.screens
                .get_mut(self.screen)
                .point(p.column, p.row, &self.cx);
        }
        let action = match p.kind {
            PointerKind::Click => return Effect::None,
            PointerKind::WheelUp => Action::ScrollUp,
            PointerKind::WheelDown => Action::ScrollDown,
        };
        for _ in 0..WHEEL_LINES {
            self.route(action);
        }
        // The wheel runs into the ends without a word ("Already at the
        // top" after every notch would be noise); the keys say it.
        self.message = None;
        Effect::None
    }
}
