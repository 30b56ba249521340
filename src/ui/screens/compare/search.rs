//! Search in the compare view: hits in both panes, n/N through them,
//! the panes scrolled to the hit (both when locked, the hit's pane when
//! not).

use super::Compare;
use crate::ui::find::{Jump, text_of};
use crate::ui::outcome::Outcome;
use crate::ui::shared::Shared;

impl Compare {
    /// n or N while searching: the next or previous hit, in either pane.
    pub(super) fn step_hit(&mut self, forward: bool) -> Outcome {
        let (jump, message) = self.find.step(forward);
        if let Some(j) = jump {
            self.jump(j);
        }
        message.map_or(Outcome::Done, Outcome::Say)
    }

    /// Show `jump.line` at the top: of both panes when they scroll
    /// together, else of the hit's pane.
    fn jump(&mut self, jump: Jump) {
        if self.locked {
            self.scroll = [jump.line, jump.line];
        } else {
            self.scroll[jump.pane.min(1)] = jump.line;
        }
    }

    /// With the pair laid out: find the hits again if the layout changed,
    /// and go where the search asks.
    pub(super) fn refresh_find(&mut self, cx: &Shared) {
        let ready = self.job.is_none();
        let Some(layout) = self.layout.as_ref().filter(|l| {
            ready && (l.key.0, l.key.1, l.key.2) == (self.left, self.right, self.threshold)
        }) else {
            return;
        };
        let token = [self.generation, 0, 0, 0, 0];
        let lines = &layout.lines;
        let text = |pane: usize, l: usize| text_of(lines[l].pane(pane));
        let page = cx.geometry.page(true);
        let jump = self
            .find
            .refresh(token, &layout.units, text, self.scroll, page);
        let max = layout.lines.len().saturating_sub(1);
        if let Some(j) = jump {
            self.jump(Jump {
                line: j.line.min(max),
                ..j
            });
        }
    }
}
