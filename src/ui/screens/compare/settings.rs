//! What the user changes about a comparison, at any time (also while the
//! pair is being computed): the articles on each side, swapping and
//! locking the panes, the focus, the threshold, the fold setting, the
//! report of the pair.

use super::{Compare, Side};
use crate::analysis::pair::Threshold;
use crate::corpus::sanitize::Clean;
use crate::ui::action::{Action, ViewId};
use crate::ui::outcome::Outcome;
use crate::ui::shared::Shared;

impl Compare {
    /// Actions that change what is compared or how; `None` if `action`
    /// is not one.
    pub(super) fn change_setting(&mut self, action: Action, cx: &Shared) -> Option<Outcome> {
        let n = cx.articles();
        match action {
            Action::SwapPanes => {
                std::mem::swap(&mut self.left, &mut self.right);
                self.scroll.swap(0, 1);
                // The focus goes with its article, as the scroll does.
                self.focus = match self.focus {
                    Side::Left => Side::Right,
                    Side::Right => Side::Left,
                };
            }
            Action::ToggleLock => {
                self.locked = !self.locked;
                if self.locked {
                    let s = self.scroll[usize::from(self.focus == Side::Right)];
                    self.scroll = [s, s];
                    return Some(Outcome::Say("Panes scroll together".into()));
                }
                return Some(Outcome::Say(crate::clean!(
                    "Panes scroll separately: press {} to switch panes",
                    cx.key_for(ViewId::Compare, Action::SwitchPane)
                )));
            }
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Side::Left => Side::Right,
                    Side::Right => Side::Left,
                };
                return Some(Outcome::Say(self.focus_note(cx)));
            }
            Action::NextLeft | Action::PrevLeft | Action::NextRight | Action::PrevRight
                if n > 1 =>
            {
                if !self.step_article(action, cx) {
                    return Some(Outcome::Say(
                        "No other article of this event to show (events are in the library)".into(),
                    ));
                }
            }
            Action::ThresholdUp | Action::ThresholdDown => {
                let t = self.threshold;
                let up = action == Action::ThresholdUp;
                self.threshold = if up {
                    t.raised()
                } else {
                    t.lowered().max(lowest_threshold())
                };
                if self.threshold == t {
                    return Some(Outcome::Say(self.at_limit(up)));
                }
                return Some(Outcome::Say(crate::clean!(
                    "Pairing threshold {} (how sure a pair must be)",
                    self.threshold
                )));
            }
            Action::ToggleBoilerplate => {
                self.unfold = !self.unfold;
                let (now, key) = (self.unfold, cx.key_for(ViewId::Compare, action));
                return Some(Outcome::Say(if now {
                    crate::clean!("Site chrome and metadata unfolded · {key} folds them")
                } else {
                    crate::clean!("Site chrome and metadata folded into one line · {key} unfolds")
                }));
            }
            Action::Report => {
                return Some(Outcome::Report(self.left, self.right, self.threshold));
            }
            _ => return None,
        }
        Some(Outcome::Done)
    }

    /// "Threshold at its lowest, 0.05 · 12 paired": a threshold key
    /// pressed at its limit says so rather than nothing new.
    fn at_limit(&self, up: bool) -> Clean {
        let end = if up { "highest" } else { "lowest" };
        let paired = match self.layout() {
            Some(layout) => format!("{} paired", layout.match_lines.len()),
            None => "still pairing".to_string(),
        };
        crate::clean!("Threshold at its {end}, {} · {paired}", self.threshold)
    }

    /// "Nothing pairs at threshold 0.90 · - lowers it": `n` with no pair
    /// to go to says why and what to do, not "no further" one.
    pub(super) fn nothing_pairs(&self, cx: &Shared) -> Clean {
        if self.threshold <= lowest_threshold() {
            return crate::clean!(
                "Nothing pairs, even at the lowest threshold {}",
                self.threshold
            );
        }
        crate::clean!(
            "Nothing pairs at threshold {} · {} lowers it",
            self.threshold,
            cx.key_for(ViewId::Compare, Action::ThresholdDown)
        )
    }

    /// "Right pane (001) focused: e and p take its top paragraph", and
    /// that it scrolls alone when the panes are unlocked.
    fn focus_note(&self, cx: &Shared) -> Clean {
        let (side, article) = match self.focus {
            Side::Left => ("Left", self.left),
            Side::Right => ("Right", self.right),
        };
        let key = |a| cx.key_for(ViewId::Compare, a);
        crate::clean!(
            "{side} pane ({}) focused: {} and {} take its top paragraph{}",
            cx.short_ids[article],
            key(Action::Elsewhere),
            key(Action::Partner),
            if self.locked {
                ""
            } else {
                ", and it scrolls alone"
            }
        )
    }

    /// The next or previous article on one side, never the other side's;
    /// when events are known, only articles of the other side's event (a
    /// pair is never two events). False when there is none to go to.
    fn step_article(&mut self, action: Action, cx: &Shared) -> bool {
        let n = cx.articles();
        let forward = matches!(action, Action::NextLeft | Action::NextRight);
        let (slot, other) = if matches!(action, Action::NextLeft | Action::PrevLeft) {
            (&mut self.left, self.right)
        } else {
            (&mut self.right, self.left)
        };
        let events = &cx.analysis.events;
        let allowed =
            |a: usize| a != other && (!events.is_known() || events.of(a) == events.of(other));
        let mut next = *slot;
        for _ in 0..n {
            next = if forward {
                (next + 1) % n
            } else {
                (next + n - 1) % n
            };
            if allowed(next) {
                if next == *slot {
                    return false;
                }
                *slot = next;
                self.scroll = [0, 0];
                return true;
            }
        }
        false
    }
}

/// Never down to 0: everything sharing a word would pair.
pub(super) fn lowest_threshold() -> Threshold {
    Threshold::from_percent(u32::from(Threshold::STEP))
}
