//! A count typed before a key, as in vim and less: `5j` moves five lines,
//! `3n` jumps three paired rows, `10G` (or `10g`) goes to line 10 (row 10
//! where the status line counts rows: compare) while `G` alone goes to
//! the bottom. The count is generic: any action
//! repeats, so an action added later takes a count without more code, but
//! for those a repeat would undo or that open something (toggles, views,
//! overlays, reports), which run once. The router stops repeating as soon
//! as an action leaves the view or has something to say ("No further
//! paired paragraph"). Digits typed show in the status line; esc cancels.

use crate::ui::action::Action;

/// The largest count: more digits are not taken (a key held down must not
/// ask for billions of steps).
pub const MAX_COUNT: usize = 99_999;

/// The count being typed, if any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count(Option<usize>);

impl Count {
    /// A digit typed. A `0` with no count begun starts none (false): it
    /// is a key of its own, as in vim.
    pub fn push(&mut self, digit: u8) -> bool {
        let digit = usize::from(digit.min(9));
        match self.0 {
            None if digit == 0 => false,
            None => {
                self.0 = Some(digit);
                true
            }
            Some(n) => {
                let more = n * 10 + digit;
                if more <= MAX_COUNT {
                    self.0 = Some(more);
                }
                true
            }
        }
    }

    /// The count typed so far.
    pub fn pending(&self) -> Option<usize> {
        self.0
    }

    /// The count, which is used up.
    pub fn take(&mut self) -> Option<usize> {
        self.0.take()
    }

    pub fn clear(&mut self) {
        self.0 = None;
    }
}

/// What a count does to an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Run it once: the count means nothing to it.
    Once,
    /// Run it this many times.
    Times(usize),
    /// Run it this many times, though each run reports the new state in
    /// the status line (the pairing threshold: `5-` is five steps down,
    /// and the line says where it landed).
    Steps(usize),
    /// Go to this line or row (1-based): top, then down.
    Line(usize),
}

/// How `action` takes a count of `n`.
pub fn repeat(action: Action, n: usize) -> Repeat {
    use Action::*;
    match action {
        Top | Bottom => Repeat::Line(n.max(1)),
        ThresholdUp | ThresholdDown => Repeat::Steps(n),
        // Leaving, opening, toggling, writing: once is what was meant.
        Quit | Help | Back | Suspend | Redraw | Library | Topics | Matrix | Bookmarks
        | Bookmark | Report | Confirm | Compare | ToggleMark | ToggleLock | ToggleBoilerplate
        | SwapPanes | OpenAcross | ClearQuery | Copy | Noop => Repeat::Once,
        _ => Repeat::Times(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_make_a_count_and_a_leading_zero_does_not() {
        let mut c = Count::default();
        assert!(!c.push(0));
        assert_eq!(c.pending(), None);
        assert!(c.push(1) && c.push(0));
        assert_eq!(c.take(), Some(10));
        assert_eq!(c.pending(), None);
    }

    #[test]
    fn a_count_stops_growing_at_the_maximum() {
        let mut c = Count::default();
        for _ in 0..12 {
            c.push(9);
        }
        assert_eq!(c.pending(), Some(MAX_COUNT));
    }

    #[test]
    fn motions_repeat_and_toggles_do_not() {
        assert_eq!(repeat(Action::ScrollDown, 5), Repeat::Times(5));
        assert_eq!(repeat(Action::NextMatch, 3), Repeat::Times(3));
        assert_eq!(repeat(Action::Bottom, 10), Repeat::Line(10));
        assert_eq!(repeat(Action::Top, 4), Repeat::Line(4));
        assert_eq!(repeat(Action::ToggleLock, 2), Repeat::Once);
        assert_eq!(repeat(Action::ThresholdDown, 5), Repeat::Steps(5));
    }
}
