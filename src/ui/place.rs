//! "Where am I", answered once. A [`Goto`] is a place to show: a block and
//! how many lines into it the top of the screen is. A [`Place`] is where a
//! screen is: the block(s) at its top. [`Spans`] is how a layout maps its
//! lines to its blocks and back: every line belongs to exactly one block,
//! the blank lines after a block included, so a place read from the top
//! line and shown again lands on that very line.

use crate::corpus::BlockRef;

/// A place to show: `offset` lines below the first line of `block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goto {
    pub block: BlockRef,
    pub offset: usize,
}

impl Goto {
    /// The first line of `block`.
    pub fn block(block: BlockRef) -> Goto {
        Goto { block, offset: 0 }
    }

    /// The top of an article.
    pub fn start_of(article: usize) -> Goto {
        Goto::block(BlockRef::new(article, 0))
    }
}

/// Where a screen is: the block at the top of the screen (in the compare
/// view, the blocks of the row at the top, one per side) and how many
/// lines into it (or its row) the top line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// The block of the reader or topic view; the compare view's left one.
    pub left: Option<BlockRef>,
    /// The compare view's right block.
    pub right: Option<BlockRef>,
    pub offset: usize,
}

impl Place {
    /// One block's place.
    pub fn at(block: BlockRef, offset: usize) -> Place {
        Place {
            left: Some(block),
            right: None,
            offset,
        }
    }

    /// How to come back here: to the left block, or the right one when the
    /// row has no left block.
    pub fn goto(&self) -> Option<Goto> {
        let block = self.left.or(self.right)?;
        Some(Goto {
            block,
            offset: self.offset,
        })
    }

    /// How to come back to the block after a relayout: to its first line,
    /// as the lines inside it were wrapped again.
    pub fn block_start(&self) -> Option<Goto> {
        self.left.or(self.right).map(Goto::block)
    }
}

/// A layout's lines in spans, one per entry (a block, or a row of the
/// compare view), in order: an entry's span runs from its first line to
/// the next entry's first line. Entries may share a first line (chrome
/// folded into one line); then the last of them owns the span.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    starts: Vec<usize>,
    /// Lines in the layout: the end of the last span.
    end: usize,
}

impl Spans {
    /// The next entry starts at `line` (never before the previous one).
    pub fn push(&mut self, line: usize) {
        debug_assert!(self.starts.last().is_none_or(|&s| s <= line));
        self.starts.push(line);
    }

    /// The layout has `lines` lines in all.
    pub fn close(&mut self, lines: usize) {
        self.end = lines;
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The first line of entry `i`.
    pub fn start(&self, i: usize) -> Option<usize> {
        self.starts.get(i).copied()
    }

    /// The entry that `line` belongs to, and how far into its span.
    pub fn at(&self, line: usize) -> Option<(usize, usize)> {
        let i = self.starts.partition_point(|&s| s <= line).checked_sub(1)?;
        Some((i, line - self.starts[i]))
    }

    /// The line `offset` lines into entry `i`, kept inside its span.
    pub fn line(&self, i: usize, offset: usize) -> Option<usize> {
        let start = self.start(i)?;
        let end = self.start(i + 1).unwrap_or(self.end).max(start + 1);
        Some(start + offset.min(end - start - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_goes_back_to_itself() {
        // Block 0 on lines 0-2, blocks 1-3 folded on line 3, block 4 on 5-8.
        let mut s = Spans::default();
        for start in [0, 3, 3, 3, 5] {
            s.push(start);
        }
        s.close(9);
        for line in 0..9 {
            let (i, off) = s.at(line).unwrap();
            assert_eq!(s.line(i, off), Some(line), "line {line}");
        }
        assert_eq!(s.at(4), Some((3, 1)), "the fold's blank line");
        assert_eq!(s.line(1, 5), Some(3), "a folded block is its line");
        assert_eq!(s.line(4, 99), Some(8), "clamped to the last line");
        assert_eq!(s.line(5, 0), None);
    }

    #[test]
    fn a_place_goes_back_by_its_left_block_else_its_right() {
        let l = BlockRef::new(0, 4);
        let r = BlockRef::new(1, 7);
        let both = Place {
            left: Some(l),
            right: Some(r),
            offset: 2,
        };
        assert_eq!(
            both.goto(),
            Some(Goto {
                block: l,
                offset: 2
            })
        );
        let right = Place { left: None, ..both };
        assert_eq!(
            right.goto(),
            Some(Goto {
                block: r,
                offset: 2
            })
        );
        assert_eq!(right.block_start(), Some(Goto::block(r)));
        assert_eq!(Place::default().goto(), None);
    }
}
