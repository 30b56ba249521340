//! Compare: two articles side by side. This file holds the screen's state
//! and its actions: choosing articles, the threshold, the fold setting and
//! the lock work at any time, also while the pair is being computed;
//! moving through the rows needs the pair's layout. The pair's data and
//! layout are made off the UI thread (`work`), kept up to date by
//! `refresh`, drawn by `view` and searched by `search`.

mod alone;
mod held;
mod jump;
mod layout;
mod layout_blocks;
mod marks;
pub mod panes;
mod partners;
mod places;
mod refresh;
mod search;
mod settings;
mod view;
pub mod work;

pub use layout::{CompareLayout, CompareLine, GUTTER, PairData, layout_pair, pane_width};
pub use view::why_parts;

use super::screen::{Screen, Scrolled};
use super::scroll::{scroll_outcome, scrolled_past};
use super::text::first_text_line;
use crate::analysis::pair::Threshold;
use crate::corpus::BlockRef;
use crate::session::View;
use crate::ui::action::{Action, ViewId};
use crate::ui::find::Find;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::{Goto, Place};
use crate::ui::shared::Shared;
use ratatui::Frame;
use settings::lowest_threshold;
use std::collections::HashMap;
use std::sync::Arc;
use work::{PairJob, PairKey, PairWorker, Stage};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    Left,
    Right,
}

pub struct Compare {
    left: usize,
    right: usize,
    locked: bool,
    focus: Side,
    /// Scroll offsets (first visible line) of each pane; equal when locked.
    scroll: [usize; 2],
    /// Pairing threshold (live adjustable).
    threshold: Threshold,
    unfold: bool,
    cache: HashMap<PairKey, Arc<PairData>>,
    /// Where to go once the pair is laid out.
    goto: Option<Goto>,
    /// The last layout made; not for the current pair while `job` runs.
    layout: Option<CompareLayout>,
    /// Work under way for the current pair (dropping it cancels it).
    job: Option<PairJob>,
    /// Pair work runs on this worker, which wakes the event loop when
    /// done. Without it the work is done inline.
    background: Option<PairWorker>,
    /// Counts the layouts taken in, so the search knows a new one.
    generation: usize,
    find: Find,
    /// The partner last shown by the partner key, to step on from.
    partner_step: Option<partners::PartnerStep>,
    /// Places (left, right) to put on the top line of each pane once the
    /// pair is laid out, the panes unlocked.
    beside: Option<[Goto; 2]>,
    /// Moves typed before the layout was there, made once it is.
    held: held::HeldMoves,
}

impl Compare {
    pub fn new(cx: &Shared) -> Compare {
        Compare {
            left: 0,
            right: usize::from(cx.articles() > 1),
            locked: true,
            focus: Side::Left,
            scroll: [0, 0],
            threshold: Threshold::DEFAULT,
            unfold: false,
            cache: HashMap::new(),
            goto: None,
            layout: None,
            job: None,
            background: None,
            generation: 0,
            find: Find::default(),
            partner_step: None,
            beside: None,
            held: held::HeldMoves::default(),
        }
    }

    /// Compare `left` with `right`, at the row of a block of either, or
    /// from the top. A pair opened afresh has its rows lined up and the
    /// left pane focused, however the last pair was left (`esc` comes
    /// back to that one as it was); the threshold is the session's and
    /// stays, shown in the status line.
    pub fn open(&mut self, left: usize, right: usize, at: Option<Goto>) {
        self.left = left;
        self.right = right;
        self.scroll = [0, 0];
        self.goto = at;
        self.beside = None;
        self.held.clear();
        self.locked = true;
        self.focus = Side::Left;
    }

    /// Compare the articles of `left` and `right` with each block on the
    /// top line of its pane (the panes unlocked).
    pub fn open_beside(&mut self, left: BlockRef, right: BlockRef) {
        self.open(left.article, right.article, Some(Goto::block(left)));
        self.beside = Some([Goto::block(left), Goto::block(right)]);
    }

    /// Run pair work on `worker` from now on.
    pub fn work_on(&mut self, worker: PairWorker) {
        self.background = Some(worker);
    }

    /// A restored session's settings.
    pub fn set_settings(&mut self, threshold: Threshold, locked: bool) {
        self.threshold = threshold.max(lowest_threshold());
        self.locked = locked;
    }

    pub fn key(&self) -> PairKey {
        (self.left, self.right, self.threshold)
    }

    pub fn left(&self) -> usize {
        self.left
    }

    pub fn right(&self) -> usize {
        self.right
    }

    pub fn threshold(&self) -> Threshold {
        self.threshold
    }

    pub fn locked(&self) -> bool {
        self.locked
    }

    /// First visible line of each pane.
    pub fn scroll(&self) -> [usize; 2] {
        self.scroll
    }

    /// The layout of the current pair, once it is ready.
    pub fn layout(&self) -> Option<&CompareLayout> {
        let key = self.key();
        self.layout
            .as_ref()
            .filter(|l| self.job.is_none() && (l.key.0, l.key.1, l.key.2) == key)
    }

    /// The current pair's alignment and diffs, once computed.
    pub fn data(&self) -> Option<&PairData> {
        self.cache.get(&self.key()).map(|d| &**d)
    }

    /// The pane that scrolls: the focused one when unlocked.
    fn side(&self) -> usize {
        usize::from(self.focus == Side::Right && !self.locked)
    }

    fn set_scroll(&mut self, side: usize, pos: usize) {
        if self.locked {
            self.scroll = [pos, pos];
        } else {
            self.scroll[side] = pos;
        }
    }

    fn move_in_pair(&mut self, action: Action, cx: &Shared) -> Outcome {
        let Some(layout) = self.layout() else {
            self.hold(action);
            return Outcome::Done;
        };
        let page = cx.geometry.page(true);
        let side = self.side();
        let top = self.scroll[side];
        let to = match action {
            Action::NextMatch | Action::PrevMatch if layout.match_lines.is_empty() => {
                return Outcome::Say(self.nothing_pairs(cx));
            }
            Action::NextMatch => match layout.match_lines.iter().find(|&&l| l > top) {
                Some(&l) => l,
                None => return Outcome::Say("No further paired paragraph".into()),
            },
            Action::PrevMatch => match layout.match_lines.iter().rev().find(|&&l| l < top) {
                Some(&l) => l,
                None => return Outcome::Say("No earlier paired paragraph".into()),
            },
            _ => {
                // Unlocked, the pane moves through its own text (`alone`).
                let alone = (!self.locked)
                    .then(|| layout.moved_alone(side, top, action, page))
                    .flatten();
                let lines = layout.lines.len();
                match alone.or_else(|| scrolled_past(top, action, page, lines, layout.last_top())) {
                    Some(p) => p,
                    None => return Outcome::Done,
                }
            }
        };
        self.set_scroll(side, to);
        scroll_outcome(action, top, to)
    }
}

impl Screen for Compare {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let search_step = matches!(action, Action::NextMatch | Action::PrevMatch);
        if search_step && self.find.is_active() {
            return self.step_hit(action == Action::NextMatch);
        }
        if action == Action::Partner {
            return self.show_partner(cx);
        }
        if action == Action::Elsewhere {
            return self.elsewhere();
        }
        match self.change_setting(action, cx) {
            Some(outcome) => outcome,
            None => self.move_in_pair(action, cx),
        }
    }

    fn refresh(&mut self, cx: &Shared) {
        self.refresh_pair(cx);
        self.refresh_find(cx);
    }

    fn hide(&mut self) {
        // Left the compare view: its work under way is dropped.
        self.job = None;
        self.held.clear();
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        self.goto = self.goto.or_else(|| self.top()?.goto());
        self.cache.clear();
        self.layout = None;
        self.job = None;
    }

    fn title(&self, cx: &Shared) -> String {
        let pair = format!(
            "Compare {} ⇄ {}",
            cx.short_ids[self.left], cx.short_ids[self.right]
        );
        match self.why(cx) {
            Some(why) => format!("{pair} · {why}"),
            None => pair,
        }
    }

    fn status(&self, cx: &Shared) -> String {
        self.status_line(cx.status_room(ViewId::Compare))
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        self.draw_panes(frame, g, cx);
    }

    fn top(&self) -> Option<Place> {
        self.place_in(self.layout()?, self.scroll[self.side()])
    }

    fn shown(&self) -> Option<Place> {
        let layout = self.layout()?;
        let top = self.scroll[self.side()];
        let text = first_text_line(top, layout.lines.len(), |i| layout.shows_text(i));
        let mut place = self.place_in(layout, text)?;
        // A drawn row of unpaired blocks lines up each side's own blocks,
        // and its alignment row names one of them: the blocks drawn on
        // the line are what the reader means.
        let (l, r, ..) = layout.key;
        if let Some(b) = layout.block_on(0, text) {
            place.left = Some(BlockRef::new(l, b));
        }
        if let Some(b) = layout.block_on(1, text) {
            place.right = Some(BlockRef::new(r, b));
        }
        Some(place)
    }

    fn scrolled(&self, cx: &Shared) -> Option<Scrolled> {
        if !self.locked {
            return None;
        }
        let l = self.layout()?;
        let (left, right, threshold, width, unfold) = l.key;
        let t = threshold.percent() as usize;
        Some(Scrolled {
            content: [left, right, t, width, usize::from(unfold)],
            pos: self.scroll[0],
            rows: cx.geometry.rows(true),
        })
    }

    fn saved_as(&self) -> View {
        View::Compare
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Pair(self.view()))
    }

    /// Drawn row `row` (from 1, as the status line counts them) at the
    /// top; past the last row, the last.
    fn go_to_row(&mut self, row: usize, _cx: &Shared) -> bool {
        let Some(layout) = self.layout() else {
            self.hold_row(row);
            return true;
        };
        let last = layout.drawn_rows().saturating_sub(1);
        let Some(line) = layout.line_of_drawn_row(row.saturating_sub(1).min(last)) else {
            return false;
        };
        self.set_scroll(self.side(), line);
        true
    }

    /// The pane under the pointer gets the focus (the gutter changes
    /// nothing): what scrolls once the panes are unlocked.
    fn point(&mut self, column: u16, _row: u16, cx: &Shared) {
        let body = cx.geometry.body;
        let pane = pane_width(usize::from(body.width)) as u16;
        if column < body.x + pane {
            self.focus = Side::Left;
        } else if column >= body.x + pane + GUTTER as u16 {
            self.focus = Side::Right;
        }
    }

    fn find(&self) -> Option<&Find> {
        Some(&self.find)
    }

    fn find_mut(&mut self) -> Option<&mut Find> {
        Some(&mut self.find)
    }
}

impl Compare {
    /// Where the compare work is, while it runs.
    pub fn stage(&self) -> Option<Stage> {
        self.job.as_ref().map(PairJob::stage)
    }
}
