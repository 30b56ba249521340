//! The compare view's actions. Choosing articles, the threshold, the fold
//! setting and the lock work at any time, also while the pair is being
//! computed; moving through the rows needs the pair's layout.

use super::action::Action;
use super::app::App;
use super::compare::Side;
use super::update::moved;
use crate::analysis::pair::Threshold;

impl App {
    pub(super) fn compare_action(&mut self, action: Action) {
        if !self.compare_setting(action) {
            self.compare_move(action);
        }
    }

    /// The layout of the current pair, once it is ready.
    fn current_compare_layout(&self) -> Option<&super::compare::CompareLayout> {
        let c = &self.compare;
        let key = c.key();
        c.layout
            .as_ref()
            .filter(|l| c.job.is_none() && (l.key.0, l.key.1, l.key.2) == key)
    }

    fn compare_move(&mut self, action: Action) {
        let Some(layout) = self.current_compare_layout() else {
            return;
        };
        let body = self.body_height().saturating_sub(1);
        let side = usize::from(self.compare.focus == Side::Right && !self.compare.locked);
        let top = self.compare.scroll[side];
        let max = layout.lines.len().saturating_sub(body).max(top);
        if let Some(p) = moved(top, action, body, max + 1) {
            self.set_compare_scroll(side, p);
            return;
        }
        match action {
            Action::NextMatch => match layout.match_lines.iter().find(|&&l| l > top) {
                Some(&l) => self.set_compare_scroll(side, l),
                None => self.message = Some("No further paired paragraph".into()),
            },
            Action::PrevMatch => match layout.match_lines.iter().rev().find(|&&l| l < top) {
                Some(&l) => self.set_compare_scroll(side, l),
                None => self.message = Some("No earlier paired paragraph".into()),
            },
            _ => {}
        }
    }

    /// Actions that change what is compared or how; true if `action` was one.
    fn compare_setting(&mut self, action: Action) -> bool {
        let n = self.corpus.articles.len();
        match action {
            Action::SwapPanes => {
                let c = &mut self.compare;
                std::mem::swap(&mut c.left, &mut c.right);
                c.scroll.swap(0, 1);
            }
            Action::ToggleLock => {
                let c = &mut self.compare;
                c.locked = !c.locked;
                if c.locked {
                    let s = c.scroll[usize::from(c.focus == Side::Right)];
                    c.scroll = [s, s];
                }
                self.message = Some(
                    if c.locked {
                        "Panes scroll together"
                    } else {
                        "Panes scroll separately (switch_pane to change)"
                    }
                    .into(),
                );
            }
            Action::SwitchPane => {
                self.compare.focus = if self.compare.focus == Side::Left {
                    Side::Right
                } else {
                    Side::Left
                };
            }
            Action::NextLeft | Action::PrevLeft | Action::NextRight | Action::PrevRight
                if n > 1 =>
            {
                let c = &mut self.compare;
                let forward = matches!(action, Action::NextLeft | Action::NextRight);
                let (slot, other) = if matches!(action, Action::NextLeft | Action::PrevLeft) {
                    (&mut c.left, c.right)
                } else {
                    (&mut c.right, c.left)
                };
                let mut next = *slot;
                loop {
                    next = if forward {
                        (next + 1) % n
                    } else {
                        (next + n - 1) % n
                    };
                    if next != other || n == 1 {
                        break;
                    }
                }
                *slot = next;
                c.scroll = [0, 0];
            }
            Action::ThresholdUp | Action::ThresholdDown => {
                let t = self.compare.threshold;
                // Never down to 0: everything sharing a word would pair.
                let lowest = Threshold::from_percent(u32::from(Threshold::STEP));
                self.compare.threshold = if action == Action::ThresholdUp {
                    t.raised()
                } else {
                    t.lowered().max(lowest)
                };
                self.message = Some(crate::clean!(
                    "Pairing threshold {} (how sure a pair must be)",
                    self.compare.threshold
                ));
            }
            Action::ToggleBoilerplate => self.compare.unfold = !self.compare.unfold,
            _ => return false,
        }
        true
    }

    fn set_compare_scroll(&mut self, side: usize, pos: usize) {
        if self.compare.locked {
            self.compare.scroll = [pos, pos];
        } else {
            self.compare.scroll[side] = pos;
        }
    }
}
