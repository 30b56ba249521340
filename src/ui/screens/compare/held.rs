//! Moves typed before the pair is laid out (`c5j` typed at once, `10G`
//! while a new threshold is paired): kept in order with their counts and
//! made once the layout is there, instead of lost to a layout not made yet.

use super::Compare;
use crate::ui::action::Action;
use crate::ui::screens::screen::Screen;
use crate::ui::shared::Shared;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Held {
    /// An action, so many times over (a count, or the key pressed again).
    Move(Action, usize),
    /// A count before `g`/`G`: the drawn row, from 1.
    Row(usize),
}

impl Compare {
    /// Keep `action` for when the layout is there.
    pub(super) fn hold(&mut self, action: Action) {
        match self.held.last_mut() {
            Some(Held::Move(a, n)) if *a == action => *n = n.saturating_add(1),
            _ => self.held.push(Held::Move(action, 1)),
        }
    }

    pub(super) fn hold_row(&mut self, row: usize) {
        self.held.push(Held::Row(row));
    }

    /// Make the moves held, in order, once the layout is there. A move
    /// that no longer moves ends its repeats, as the router stops a count
    /// at the end of the text.
    pub(super) fn replay_held(&mut self, cx: &Shared) {
        if self.layout().is_none() {
            return;
        }
        for held in std::mem::take(&mut self.held) {
            match held {
                Held::Row(row) => {
                    self.go_to_row(row, cx);
                }
                Held::Move(action, times) => {
                    for _ in 0..times {
                        let before = self.scroll;
                        self.move_in_pair(action, cx);
                        if self.scroll == before {
                            break;
                        }
                    }
                }
            }
        }
    }
}
