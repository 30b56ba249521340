//! The compare view's layout: both panes wrapped and padded to equal row
//! heights, made off the UI thread (`work`) once per pair, threshold,
//! width and fold setting.

use super::marks::{gutter, is_drawn_paired, paired_glyph, repeats, row_mark};
pub use super::panes::{CompareLine, GUTTER, pane_width};
use super::panes::{base_tag, diff_lines, row_lines};
use crate::analysis::align::Alignment;
use crate::analysis::diff::{DiffOp, OpTag};
use crate::analysis::pair::{PairComparison, Threshold};
use crate::corpus::{BlockKind, BlockRef, Corpus};
use crate::display::wrap::wrap_runs;
use crate::ui::find::TextUnit;
use crate::ui::place::Spans;
use crate::ui::screens::reader::{fold_summary, table_at, table_row_lines};
use crate::ui::styled::{StyledLine, Tag};
use std::ops::Range;
use std::sync::Arc;

/// A pair to compare: (left article, right article, threshold).
pub type PairKey = (usize, usize, Threshold);

/// An alignment (its rows in the order shown: `order.rs`) and the word
/// diff of each paired row, with the comparison they come from (kept for
/// other thresholds of the same articles, and for each row's evidence).
#[derive(Clone)]
pub struct PairData {
    pub alignment: Alignment,
    pub ops: Vec<Option<Arc<Vec<DiffOp>>>>,
    pub comparison: Arc<PairComparison>,
}

#[derive(Debug, Clone, Default)]
pub struct CompareLayout {
    pub key: (usize, usize, Threshold, usize, bool),
    pub lines: Vec<CompareLine>,
    /// First line of each paired row, in order: targets of next/prev match.
    pub match_lines: Vec<usize>,
    /// First line of each alignment row.
    pub row_line: Vec<usize>,
    pub pane_width: usize,
    /// The lines of each group of rows shown side by side (a paired row,
    /// or unpaired blocks of both sides), the blank line after it
    /// included, and the alignment row each group's lines name.
    pub groups: Spans,
    pub group_row: Vec<Option<usize>>,
    /// The text of each block shown and its lines, per pane, for the
    /// search.
    pub units: Vec<TextUnit>,
    /// Each pane's blocks drawn whole (not folded chrome, tables
    /// included), with their lines, top to bottom.
    pub blocks: [Vec<(usize, Range<usize>)>; 2],
}

impl CompareLayout {
    /// The alignment row that `line` belongs to, and how many lines into
    /// its group.
    pub fn row_at(&self, line: usize) -> Option<(usize, usize)> {
        let (group, offset) = self.groups.at(line)?;
        Some((self.group_row[group]?, offset))
    }

    /// How many rows are drawn side by side: the rows the status line
    /// counts and a count before `G` names. Unpaired blocks of both sides
    /// share a drawn row, and a fold holds many, so there are fewer of
    /// these than alignment rows.
    pub fn drawn_rows(&self) -> usize {
        self.groups.len()
    }

    /// The drawn row (from 0) that `line` belongs to, the blank line after
    /// it included.
    pub fn drawn_row_at(&self, line: usize) -> Option<usize> {
        self.groups.at(line).map(|(group, _)| group)
    }

    /// The first line of drawn row `row` (from 0).
    pub fn line_of_drawn_row(&self, row: usize) -> Option<usize> {
        self.groups.start(row)
    }

    /// Whether drawn row `row` shows text in the right pane.
    pub fn right_drawn(&self, row: usize) -> bool {
        let Some(start) = self.groups.start(row) else {
            return false;
        };
        let end = self.groups.start(row + 1).unwrap_or(self.lines.len());
        self.lines[start..end.min(self.lines.len())]
            .iter()
            .any(|l| !l.right.is_empty())
    }

    /// The line `offset` lines into the group of alignment row `row`.
    pub fn line_of_row(&self, row: usize, offset: usize) -> Option<usize> {
        let (group, _) = self.groups.at(*self.row_line.get(row)?)?;
        self.groups.line(group, offset)
    }
}

/// Lay out a pair for a screen `width` wide. Paired rows sit side by side
/// with their word diff; between two paired rows, the unpaired blocks of
/// each side are shown next to each other (not stacked), so both panes stay
/// full; runs of chrome fold into one dim line per side unless unfolded.
pub fn layout_pair(
    corpus: &Corpus,
    data: &PairData,
    key: PairKey,
    width: usize,
    unfold: bool,
) -> CompareLayout {
    let pane = pane_width(width);
    let text_w = pane.saturating_sub(1).max(1);
    let sides = [&corpus.articles[key.0], &corpus.articles[key.1]];
    let tables = sides.map(|a| Tables::new(&a.blocks, text_w));
    let mut out = CompareLayout {
        key: (key.0, key.1, key.2, width, unfold),
        pane_width: pane,
        ..Default::default()
    };
    let rows = &data.alignment.rows;
    out.row_line = vec![0; rows.len()];
    let mut r = 0;
    while r < rows.len() {
        let row = &rows[r];
        if let (Some(l), Some(rt), Some(glyph)) = (row.left, row.right, paired_glyph(row.kind)) {
            out.row_line[r] = out.lines.len();
            out.match_lines.push(out.lines.len());
            let ops = data.ops.get(r).and_then(|o| o.as_deref());
            let (lt, ls) = block_lines(
                &sides[0].blocks[l],
                tables[0].of(l),
                ops,
                OpTag::Delete,
                text_w,
            );
            let (rtl, rs) = block_lines(
                &sides[1].blocks[rt],
                tables[1].of(rt),
                ops,
                OpTag::Insert,
                text_w,
            );
            let first = out.lines.len();
            if let Some(ls) = ls {
                out.unit(BlockRef::new(key.0, l), 0, ls, first, lt.len());
            }
            if let Some(rs) = rs {
                out.unit(BlockRef::new(key.1, rt), 1, rs, first, rtl.len());
            }
            out.blocks[0].push((l, first..first + lt.len()));
            out.blocks[1].push((rt, first..first + rtl.len()));
            let (mark, under) = row_mark(glyph, row.moved, row.repeat_of);
            push_row(&mut out, lt, rtl, mark, Some(r));
            if let Some(under) = under {
                out.lines[first + 1].mark = under;
            }
            r += 1;
            continue;
        }
        let start = r;
        // The same test as above: a row the alignment calls unpaired is
        // drawn with the unpaired blocks, whichever sides it names.
        while r < rows.len() && !is_drawn_paired(&rows[r]) {
            r += 1;
        }
        let mut items: [Vec<Item>; 2] = [Vec::new(), Vec::new()];
        for (k, row) in rows.iter().enumerate().take(r).skip(start) {
            for (side, idx) in [(0, row.left), (1, row.right)] {
                let Some(i) = idx else { continue };
                let chrome = !sides[side].blocks[i].kind.is_content();
                match items[side].last_mut() {
                    Some(Item::Fold(rows_in)) if chrome && !unfold => rows_in.push((k, i)),
                    _ if chrome && !unfold => items[side].push(Item::Fold(vec![(k, i)])),
                    _ => items[side].push(Item::Block(k, i, repeats(row.repeat_of, side))),
                }
            }
        }
        let n = items[0].len().max(items[1].len());
        for j in 0..n {
            let first = out.lines.len();
            let mut lines: [Vec<StyledLine>; 2] = [Vec::new(), Vec::new()];
            let mut repeat = [false; 2];
            let mut row_of = None;
            for side in 0..2 {
                let Some(item) = items[side].get(j) else {
                    continue;
                };
                for k in item.rows() {
                    out.row_line[k] = first;
                }
                row_of = row_of.or(item.rows().next());
                lines[side] = match item {
                    Item::Block(_, i, repeats) => {
                        repeat[side] = *repeats;
                        let b = &sides[side].blocks[*i];
                        let table = tables[side].of(*i);
                        let (lines, source) = block_lines(b, table, None, OpTag::Equal, text_w);
                        if let Some(source) = source {
                            let article = [key.0, key.1][side];
                            out.unit(BlockRef::new(article, *i), side, source, first, lines.len());
                        }
                        out.blocks[side].push((*i, first..first + lines.len()));
                        lines
                    }
                    Item::Fold(list) => {
                        let blocks: Vec<_> = list
                            .iter()
                            .map(|&(_, i)| sides[side].blocks[i].clone())
                            .collect();
                        wrap_runs(&[(fold_summary(&blocks).as_str(), Tag::Dim)], text_w)
                    }
                };
            }
            let [lt, rtl] = lines;
            let mark = match repeat {
                [false, false] => Vec::new(),
                [l, r] => gutter(l, (" ", Tag::Mark), r.then_some(("↻", Tag::Repeat))),
            };
            push_row(&mut out, lt, rtl, mark, row_of);
        }
    }
    out.groups.close(out.lines.len());
    out
}

/// One side's entry in a run of unpaired rows.
enum Item {
    /// (row, block, repeats an earlier block of its article)
    Block(usize, usize, bool),
    /// Folded chrome: (row, block) pairs.
    Fold(Vec<(usize, usize)>),
}

impl Item {
    fn rows(&self) -> Box<dyn Iterator<Item = usize> + '_> {
        match self {
            Item::Block(r, _, _) => Box::new(std::iter::once(*r)),
            Item::Fold(list) => Box::new(list.iter().map(|&(r, _)| r)),
        }
    }
}

/// The tables of one article at one pane width: for each table row, the
/// column widths of its table (from all its rows, so they line up).
struct Tables {
    /// Per block: the index of its table in `widths`, for table rows.
    of_block: Vec<Option<usize>>,
    /// Per table: its column widths (`None`: too narrow to line up).
    widths: Vec<Option<Vec<usize>>>,
}

impl Tables {
    fn new(blocks: &[crate::corpus::Block], width: usize) -> Tables {
        let mut out = Tables {
            of_block: vec![None; blocks.len()],
            widths: Vec::new(),
        };
        let mut i = 0;
        while i < blocks.len() {
            if blocks[i].kind != BlockKind::TableRow {
                i += 1;
                continue;
            }
            let (last, widths) = table_at(blocks, i, width);
            for slot in &mut out.of_block[i..=last] {
                *slot = Some(out.widths.len());
            }
            out.widths.push(widths);
            i = last + 1;
        }
        out
    }

    /// For a table row, its table's column widths (maybe none: no room).
    fn of(&self, block: usize) -> Option<Option<&[usize]>> {
        let table = (*self.of_block.get(block)?)?;
        Some(self.widths[table].as_deref())
    }
}

impl CompareLayout {
    /// `lines` lines from `first` of `pane` show `source` (of `block`).
    fn unit(&mut self, block: BlockRef, pane: usize, source: String, first: usize, lines: usize) {
        self.units.push(TextUnit {
            source,
            origin: 0,
            block,
            pane,
            lines: first..first + lines,
            decor: 0,
        });
    }
}

/// A block wrapped to the pane, with this side's half of the word diff; a
/// table row in its table's columns (`table`), cell by cell. With the text
/// wrapped, for search; none for a table row, whose cells are padded and
/// ruled apart (search does not look into tables).
fn block_lines(
    b: &crate::corpus::Block,
    table: Option<Option<&[usize]>>,
    ops: Option<&Vec<DiffOp>>,
    own: OpTag,
    width: usize,
) -> (Vec<StyledLine>, Option<String>) {
    // The text the pane shows (what search looks in): the side's own words.
    let source = match ops {
        Some(ops) => ops
            .iter()
            .filter(|op| op.tag == OpTag::Equal || op.tag == own)
            .map(|op| op.text.as_str())
            .collect(),
        None => b.text.clone(),
    };
    let base = base_tag(b.kind);
    if let Some(widths) = table {
        let changed = if own == OpTag::Delete {
            Tag::Deleted
        } else {
            Tag::Inserted
        };
        let runs: Vec<(&str, Tag)> = match ops {
            Some(ops) => ops
                .iter()
                .filter(|op| op.tag == OpTag::Equal || op.tag == own)
                .map(|op| {
                    let tag = if op.tag == OpTag::Equal {
                        base
                    } else {
                        changed
                    };
                    (op.text.as_str(), tag)
                })
                .collect(),
            None => vec![(b.text.as_str(), base)],
        };
        return (table_row_lines(&b.text, &runs, widths, width), None);
    }
    let lines = diff_lines(&b.text, base, ops.map(Vec::as_slice), own, width);
    (lines, Some(source))
}

fn push_row(
    out: &mut CompareLayout,
    left: Vec<StyledLine>,
    right: Vec<StyledLine>,
    mark: StyledLine,
    row: Option<usize>,
) {
    out.groups.push(out.lines.len());
    out.group_row.push(row);
    out.lines.extend(row_lines(left, right, mark, row));
}
