//! The partner key: the paragraph at the top of the focused pane beside
//! its likeliest counterpart in the other article, paired or not. Pressed
//! again without scrolling, the next likeliest, then back to the first.
//! The panes come unlocked so each shows its own block on the top line;
//! the lock key lines the rows up again.

use super::view::why_parts;
use super::{Compare, PairData, PairKey, Side};
use crate::analysis::partners::{PairSide, Partner, partners};
use crate::corpus::BlockRef;
use crate::display::score::Score;
use crate::ui::action::{Action, ViewId};
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;

/// How many partners the key steps through before it comes back to the
/// first: past the third, a same-point block is rare (BENCHMARKS.md).
const SHOWN: usize = 3;

/// The last partner shown, to step on from when the key is pressed again
/// with nothing moved in between.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PartnerStep {
    key: PairKey,
    side: Side,
    block: usize,
    /// The other article's block shown beside it.
    partner: usize,
    rank: usize,
    pub(super) scroll: [usize; 2],
}

impl Compare {
    pub(super) fn show_partner(&mut self, cx: &Shared) -> Outcome {
        let (Some(layout), Some(data)) = (self.layout(), self.data()) else {
            return Outcome::Say("Still comparing: the partners come with the pair".into());
        };
        let side = self.focus;
        let pane = pane_of(side);
        let Some(block) = layout.block_from(pane, self.scroll[pane]) else {
            return Outcome::Say("No paragraph of this side from here down".into());
        };
        let pside = match side {
            Side::Left => PairSide::Left,
            Side::Right => PairSide::Right,
        };
        let list = partners(&data.comparison.scores, pside, block, SHOWN);
        let other_id = &cx.short_ids[[self.right, self.left][pane]];
        if list.is_empty() {
            return Outcome::Say(crate::clean!(
                "No paragraph of {other_id} shares a word with block {block}"
            ));
        }
        let again = self.partner_step.filter(|s| {
            s.key == self.key() && s.side == side && s.block == block && s.scroll == self.scroll
        });
        let rank = again.map_or(0, |s| (s.rank + 1) % list.len());
        let partner = list[rank];
        let blocks = match side {
            Side::Left => (block, partner.block),
            Side::Right => (partner.block, block),
        };
        let tops = [
            Goto::block(BlockRef::new(self.left, blocks.0)),
            Goto::block(BlockRef::new(self.right, blocks.1)),
        ];
        let Some(lines) = self.lines_beside(tops) else {
            return Outcome::Done;
        };
        let message = describe(self, data, cx, (side, block), partner, (rank, list.len()));
        self.locked = false;
        self.scroll = lines;
        self.partner_step = Some(PartnerStep {
            key: self.key(),
            side,
            block,
            partner: partner.block,
            rank,
            scroll: self.scroll,
        });
        Outcome::Say(crate::clean!("{message}"))
    }
}

impl Compare {
    /// "why 8↔6: Hospital · accident": while the panes still show the
    /// partner the key brought up (nothing moved since), the title gives
    /// that pair's evidence, whole, rather than the row on top's.
    pub(super) fn partner_why(&self, cx: &Shared) -> Option<String> {
        let s = self
            .partner_step
            .filter(|s| s.key == self.key() && s.scroll == self.scroll)?;
        let (l, r) = match s.side {
            Side::Left => (s.block, s.partner),
            Side::Right => (s.partner, s.block),
        };
        let data = self.data()?;
        let parts = why_parts(&data.comparison.pair_evidence(&cx.corpus, l, r).explanation);
        (!parts.is_empty()).then(|| format!("why {l}↔{r}: {}", parts.join(" · ")))
    }

    /// `elsewhere`: the paragraph at the top of the focused pane, in the
    /// other articles of its event.
    pub(super) fn elsewhere(&self) -> Outcome {
        let Some(layout) = self.layout() else {
            return Outcome::Say("Still comparing".into());
        };
        let pane = pane_of(self.focus);
        let article = [self.left, self.right][pane];
        match layout.block_from(pane, self.scroll[pane]) {
            Some(b) => Outcome::Open(Open::Elsewhere {
                at: BlockRef::new(article, b),
                row: 0,
            }),
            None => Outcome::Say("No paragraph of this side from here down".into()),
        }
    }
}

fn pane_of(side: Side) -> usize {
    usize::from(side == Side::Right)
}

/// "Partner 1/3 of block 12: 002 #30 · 0.28 paired · p next, l lock ·
/// why: Alaska, summit" ("The only partner of block 12: …" when there is
/// one): the block asked about and its partner, written as the other
/// status lines write a block.
fn describe(
    c: &Compare,
    data: &PairData,
    cx: &Shared,
    (side, block): (Side, usize),
    partner: Partner,
    (rank, of): (usize, usize),
) -> String {
    let (i, j) = match side {
        Side::Left => (block, partner.block),
        Side::Right => (partner.block, block),
    };
    let other = match side {
        Side::Left => c.right,
        Side::Right => c.left,
    };
    let paired = data
        .alignment
        .rows
        .iter()
        .any(|r| r.kind.is_paired() && r.left == Some(i) && r.right == Some(j));
    let why = why_parts(&data.comparison.pair_evidence(&cx.corpus, i, j).explanation);
    let key = |a| cx.key_for(ViewId::Compare, a);
    // One partner: pressed again the key would show the same block, so
    // it offers no "next".
    let (which, next) = if of == 1 {
        ("The only partner".to_string(), String::new())
    } else {
        (
            format!("Partner {}/{of}", rank + 1),
            format!("{} next, ", key(Action::Partner)),
        )
    };
    let mut out = format!(
        "{which} of block {block}: {} #{} · {}{}",
        cx.short_ids[other],
        partner.block,
        Score(partner.similarity),
        if paired { " paired" } else { "" }
    );
    // The keys before the evidence: a narrow status line cuts the end.
    out.push_str(&format!(" · {next}{} lock", key(Action::ToggleLock)));
    if !why.is_empty() {
        out.push_str(&format!(" · why: {}", why.join(" · ")));
    }
    out
}
