//! Moves typed before the pair is laid out (`c5j` typed at once, `10G`
//! while a new threshold is paired): kept in order with their counts and
//! made once the layout is there, instead of lost to a layout not made yet.
//! What the last of them says ("No further paired paragraph") is kept for
//! the status line, as it would have been said had the layout been there.

use super::Compare;
use crate::corpus::sanitize::Clean;
use crate::ui::action::Action;
use crate::ui::outcome::Outcome;
use crate::ui::screens::screen::Screen;
use crate::ui::shared::Shared;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    /// An action, so many times over (a count, or the key pressed again).
    Move(Action, usize),
    /// A count before `g`/`G`: the drawn row, from 1.
    Row(usize),
}

/// The moves held, and what the last one made said.
#[derive(Debug, Default)]
pub(super) struct HeldMoves {
    moves: Vec<Held>,
    said: Option<Clean>,
}

impl HeldMoves {
    /// Forget the moves held and what they said (another pair, or the
    /// view left).
    pub(super) fn clear(&mut self) {
        self.moves.clear();
        self.said = None;
    }

    fn take_said(&mut self) -> Option<Clean> {
        self.said.take()
    }
}

impl Compare {
    /// What the moves held said when they were made, once (for the
    /// status line).
    pub fn take_said(&mut self) -> Option<Clean> {
        self.held.take_said()
    }

    /// Keep `action` for when the layout is there.
    pub(super) fn hold(&mut self, action: Action) {
        match self.held.moves.last_mut() {
            Some(Held::Move(a, n)) if *a == action => *n = n.saturating_add(1),
            _ => self.held.moves.push(Held::Move(action, 1)),
        }
    }

    pub(super) fn hold_row(&mut self, row: usize) {
        self.held.moves.push(Held::Row(row));
    }

    /// Make the moves held, in order, once the layout is there. A move
    /// that no longer moves ends its repeats, as the router stops a count
    /// at the end of the text; the message of the last move made stays
    /// (none if it said nothing).
    pub(super) fn replay_held(&mut self, cx: &Shared) {
        if self.layout().is_none() || self.held.moves.is_empty() {
            return;
        }
        let mut said = None;
        for held in std::mem::take(&mut self.held.moves) {
            match held {
                Held::Row(row) => {
                    self.go_to_row(row, cx);
                    said = None;
                }
                Held::Move(action, times) => {
                    for _ in 0..times {
                        let before = self.scroll;
                        let outcome = self.move_in_pair(action, cx);
                        said = match outcome {
                            Outcome::Say(message) => Some(message),
                            _ => None,
                        };
                        if self.scroll == before {
                            break;
                        }
                    }
                }
            }
        }
        self.held.said = said;
    }
}
