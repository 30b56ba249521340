//! Moving a position by an action: an entry of a list, or the first line
//! of a text shown a page at a time (to its last full page, or past it so
//! that any block can be brought to the top), and what to say when a move
//! cannot be made.

use crate::ui::action::Action;
use crate::ui::outcome::Outcome;

/// New position after a movement action over `len` items (or lines) with a
/// page of `page`; `None` if the action is not a movement.
pub fn moved(pos: usize, action: Action, page: usize, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let p = match action {
        Action::ScrollDown => pos.saturating_add(1),
        Action::ScrollUp => pos.saturating_sub(1),
        Action::PageDown => pos.saturating_add(page),
        Action::PageUp => pos.saturating_sub(page),
        Action::HalfPageDown => pos.saturating_add(page.div_ceil(2)),
        Action::HalfPageUp => pos.saturating_sub(page.div_ceil(2)),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(p.min(last))
}

/// New first line after a movement over a text of `lines` lines shown
/// `page` at a time: it stops where the last page is full, but never pulls
/// back a position a jump put further (a late heading at the top).
pub fn scrolled(top: usize, action: Action, page: usize, lines: usize) -> Option<usize> {
    scrolled_past(top, action, page, lines, lines.saturating_sub(page))
}

/// As `scrolled`, but moves go on past the last full page until `last`
/// (the first line of the last block or row) is at the top, the rows
/// under the text left empty, as vim lets the last lines scroll up: every
/// block can be brought to the top, where the keys that take "the
/// paragraph on top" look (`e`, `m`, `y`, `p`). `G` still shows the end:
/// the last full page, or where the top is once the end is on screen.
pub fn scrolled_past(
    top: usize,
    action: Action,
    page: usize,
    lines: usize,
    last: usize,
) -> Option<usize> {
    let end = lines.saturating_sub(page).max(top);
    match action {
        Action::Bottom => Some(end),
        _ => moved(top, action, page, last.max(top) + 1),
    }
}

/// A move of the top line from `from` to `to`: done, or, when it could
/// not move, why (nothing is silently ignored). `g` and `G` are where
/// they go already.
pub fn scroll_outcome(action: Action, from: usize, to: usize) -> Outcome {
    if from != to || matches!(action, Action::Top | Action::Bottom) {
        return Outcome::Done;
    }
    let why = match action {
        Action::ScrollUp | Action::PageUp | Action::HalfPageUp => "Already at the top",
        _ => "The last paragraph is at the top: nothing further down",
    };
    Outcome::Say(why.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_last_full_page_moves_stop_at_the_last_block_and_g_at_the_end() {
        // 30 lines, pages of 5, the last block from line 27.
        let step = |top, action| scrolled_past(top, action, 5, 30, 27);
        assert_eq!(step(0, Action::Bottom), Some(25), "the last full page");
        assert_eq!(step(25, Action::PageDown), Some(27));
        assert_eq!(step(27, Action::ScrollDown), Some(27));
        assert_eq!(step(27, Action::Bottom), Some(27), "the end is on screen");
        assert_eq!(step(27, Action::ScrollUp), Some(26));
        assert_eq!(step(3, Action::Confirm), None);
        // A text that fits its page: every line can come to the top.
        assert_eq!(scrolled_past(0, Action::ScrollDown, 40, 30, 27), Some(1));
        assert_eq!(scrolled_past(4, Action::Bottom, 40, 30, 27), Some(4));
        assert_eq!(scrolled(0, Action::ScrollDown, 40, 30), Some(0));
    }

    #[test]
    fn a_move_that_cannot_be_made_says_why_and_g_never_does() {
        assert_eq!(scroll_outcome(Action::ScrollDown, 3, 4), Outcome::Done);
        let up = scroll_outcome(Action::PageUp, 0, 0);
        assert_eq!(up, Outcome::Say("Already at the top".into()));
        let down = scroll_outcome(Action::HalfPageDown, 9, 9);
        assert!(matches!(down, Outcome::Say(_)), "{down:?}");
        assert_eq!(scroll_outcome(Action::Bottom, 9, 9), Outcome::Done);
        assert_eq!(scroll_outcome(Action::Top, 0, 0), Outcome::Done);
    }
}
