//! The copy key: the paragraph at the top of the screen (in compare both
//! sides of the row) is kept for the event loop, which hands it to the
//! terminal's clipboard (OSC 52) or to the caller's file.

use super::{App, Effect};
use crate::ui::clipboard::{Copied, copied};

impl App {
    /// Copy what the screen shows at its top.
    pub(super) fn copy_shown(&mut self) -> Effect {
        let place = self.screens.get(self.screen).shown();
        match place.and_then(|p| copied(&self.cx.corpus, &self.cx.short_ids, &p)) {
            Some(c) => {
                self.copied = Some(c);
                Effect::Copy
            }
            None => {
                self.message = Some("Nothing here to copy".into());
                Effect::None
            }
        }
    }

    /// The text the last copy key asked for, taken by the event loop.
    pub fn take_copied(&mut self) -> Option<Copied> {
        self.copied.take()
    }
}
