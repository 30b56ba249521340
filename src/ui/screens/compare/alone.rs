//! One pane scrolled alone (the panes unlocked): the rows line up both
//! articles, so a pane is blank wherever only the other side has text (a
//! long run of the other side's unpaired paragraphs). Scrolled through
//! the shared lines, the focused pane showed nothing for screens on end;
//! it moves through the lines that hold its own text instead, as a reader
//! of that article expects, and a page is what was below the pane's
//! bottom line.

use super::layout::CompareLayout;
use crate::ui::action::Action;

impl CompareLayout {
    /// Whether `pane` (0 left, 1 right) draws anything on `line`: a
    /// block's text, a fold of chrome.
    pub fn pane_has_text(&self, pane: usize, line: usize) -> bool {
        self.lines
            .get(line)
            .is_some_and(|l| l.pane(pane).iter().any(|(text, _)| !text.is_empty()))
    }

    /// The top line of `pane`, scrolled alone from `top` by `action` over
    /// pages of `page` lines: always a line with the pane's own text.
    /// `None` when `action` is not a move, or the pane has no text at all.
    pub fn moved_alone(
        &self,
        pane: usize,
        top: usize,
        action: Action,
        page: usize,
    ) -> Option<usize> {
        let own: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.pane_has_text(pane, i))
            .collect();
        let (&first, &end) = (own.first()?, own.last()?);
        // The first of the pane's lines at or after `line`, and the last
        // before it.
        let from = |line: usize| own.get(own.partition_point(|&l| l < line)).copied();
        let before = |line: usize| own[..own.partition_point(|&l| l < line)].last().copied();
        // The furthest a move goes: the pane's last paragraph on top, or
        // its last page when that paragraph is longer than a page.
        let page = page.max(1);
        let mut k = own.len() - 1;
        while k > 0 && own[k - 1] + 1 == own[k] {
            k -= 1;
        }
        let last_page = from((end + 1).saturating_sub(page)).unwrap_or(end);
        let last = own[k].max(last_page);
        let down = |step: usize| {
            let to = from(top + step).filter(|&l| l <= last).unwrap_or(last);
            to.max(top)
        };
        let up = |step: usize| match from(top.saturating_sub(step)) {
            Some(l) if l < top => l,
            _ => before(top).unwrap_or(top),
        };
        Some(match action {
            Action::ScrollDown => down(1),
            Action::PageDown => down(page),
            Action::HalfPageDown => down(page.div_ceil(2)),
            Action::ScrollUp => up(1),
            Action::PageUp => up(page),
            Action::HalfPageUp => up(page.div_ceil(2)),
            Action::Top => first,
            // The pane's last line at the bottom, never pulled back from
            // further down while the pane still shows its text.
            Action::Bottom => {
                let to = from((end + 1).saturating_sub(page)).unwrap_or(last);
                if top <= end { to.max(top) } else { to }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
#[path = "alone_tests.rs"]
mod tests;
