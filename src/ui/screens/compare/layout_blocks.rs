//! Which block each line of a laid-out pair shows, pane by pane: for
//! the moves that keep a pane's block in view, and for what a bookmark
//! or a copy takes from the top of the screen.

use super::layout::CompareLayout;
use std::ops::Range;

impl CompareLayout {
    /// The first block drawn in `pane` (0 left, 1 right) that shows on
    /// line `line` or below it: a run of unpaired blocks lines up each
    /// side's blocks, so the alignment row of a line names only one side.
    pub fn block_from(&self, pane: usize, line: usize) -> Option<usize> {
        self.drawn_from(pane, line).map(|(b, _)| *b)
    }

    /// Whether `line` shows a block's own words in either pane: not a
    /// blank line, nor a fold standing for chrome (what a bookmark takes).
    pub fn shows_text(&self, line: usize) -> bool {
        self.lines.get(line).is_some_and(|l| l.row.is_some())
            && (0..2).any(|pane| self.block_on(pane, line).is_some())
    }

    /// The block drawn whole in `pane` on `line`, if any.
    pub fn block_on(&self, pane: usize, line: usize) -> Option<usize> {
        self.drawn_from(pane, line)
            .filter(|(_, lines)| lines.contains(&line))
            .map(|(b, _)| *b)
    }

    /// The first block drawn whole in `pane` ending below `line`, with
    /// its lines.
    fn drawn_from(&self, pane: usize, line: usize) -> Option<&(usize, Range<usize>)> {
        let blocks = self.blocks.get(pane)?;
        blocks.get(blocks.partition_point(|(_, lines)| lines.end <= line))
    }

    /// The furthest a move takes a pane's top line: the first line of the
    /// last row or of either pane's last block, whichever is lower, so
    /// every row and block can be brought to the top.
    pub fn last_top(&self) -> usize {
        let last_block = |pane: usize| self.blocks[pane].last().map(|(_, l)| l.start);
        let rows = self.row_line.last().copied();
        [rows, last_block(0), last_block(1)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(0)
    }
}
