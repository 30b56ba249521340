//! The pair as `esc` comes back to it: what the compare view gives the
//! jump list when another view or pair is opened over it (each pane's
//! place, the lock, the focus), and that pair shown again as it was.

use super::{Compare, Side};
use crate::ui::outcome::PairView;

impl Compare {
    /// The pair as it is now: the places still to go to, else what each
    /// pane has on its top line.
    pub(super) fn view(&self) -> PairView {
        let laid_out = self
            .layout
            .as_ref()
            .filter(|l| (l.key.0, l.key.1) == (self.left, self.right));
        let tops = match (self.beside, self.goto, laid_out) {
            (Some(beside), ..) => beside.map(Some),
            (None, Some(goto), _) => [Some(goto); 2],
            (None, None, Some(layout)) => {
                self.scroll.map(|line| self.place_in(layout, line)?.goto())
            }
            (None, None, None) => [None; 2],
        };
        PairView {
            left: self.left,
            right: self.right,
            tops,
            locked: self.locked,
            right_focused: self.focus == Side::Right,
        }
    }

    /// Show `view` again: the pair, each pane at its place, the lock and
    /// the focus as they were.
    pub fn show_again(&mut self, view: PairView) {
        let [left, right] = view.tops;
        self.open(view.left, view.right, left);
        self.locked = view.locked;
        if view.right_focused {
            self.focus = Side::Right;
        }
        if let (false, Some(l), Some(r)) = (view.locked, left, right) {
            self.beside = Some([l, r]);
        }
    }
}
