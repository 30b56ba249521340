//! Where a place is in a laid-out pair, and which line shows a place:
//! an alignment row's place on a line, a block's line, the lines that put
//! a block of each article on the top line of its pane.

use super::{Compare, CompareLayout, PairData};
use crate::corpus::BlockRef;
use crate::ui::place::{Goto, Place};

impl Compare {
    /// The place of `line` of `layout`, from the data it was made of.
    pub(super) fn place_in(&self, layout: &CompareLayout, line: usize) -> Option<Place> {
        let (l, r, t, ..) = layout.key;
        let data = self.cache.get(&(l, r, t))?;
        let (row, offset) = layout.row_at(line)?;
        let row = data.alignment.rows.get(row)?;
        Some(Place {
            left: row.left.map(|b| BlockRef::new(l, b)),
            right: row.right.map(|b| BlockRef::new(r, b)),
            offset,
        })
    }

    /// The line of `layout` that `goto` names: the row of its block on its
    /// side, `goto.offset` lines in.
    pub(super) fn line_of(
        &self,
        layout: &CompareLayout,
        data: &PairData,
        goto: Goto,
    ) -> Option<usize> {
        let b = Some(goto.block.block);
        let rows = &data.alignment.rows;
        let row = if goto.block.article == layout.key.0 {
            rows.iter().position(|x| x.left == b)
        } else if goto.block.article == layout.key.1 {
            rows.iter().position(|x| x.right == b)
        } else {
            None
        }?;
        layout.line_of_row(row, goto.offset)
    }

    /// The scroll of each pane that puts place `l` of the left article
    /// and `r` of the right one on its top line (the panes unlocked),
    /// once the pair is laid out.
    pub(super) fn lines_beside(&self, [l, r]: [Goto; 2]) -> Option<[usize; 2]> {
        let layout = self.layout.as_ref()?;
        let data = self.cache.get(&self.key())?;
        let line = |goto| self.line_of(layout, data, goto);
        Some([line(l)?, line(r)?])
    }
}

impl Compare {
    /// Where each pane's top line goes in `new` (laid out from `data`),
    /// the panes unlocked: the block on the pane's top line in `old` to
    /// the top of that pane, from its first line as the reader keeps its
    /// top block at a new width; else the block of the alignment row on
    /// it.
    pub(super) fn tops_kept(
        &self,
        old: &CompareLayout,
        new: &CompareLayout,
        data: &PairData,
    ) -> [Option<usize>; 2] {
        [0, 1].map(|pane| {
            let top = self.scroll[pane];
            let own = old.block_on(pane, top).and_then(|b| {
                let blocks = &new.blocks[pane];
                blocks.iter().find(|(x, _)| *x == b).map(|(_, l)| l.start)
            });
            own.or_else(|| {
                let goto = self.place_in(old, top)?.block_start()?;
                self.line_of(new, data, goto)
            })
        })
    }
}
