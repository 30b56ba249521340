//! Runs of unpaired chrome (metadata, boilerplate) folded into one item:
//! the one rule `diff` and the pair reports share. Chrome is never
//! compared, so a run holds whatever chrome of either side stands
//! together: two articles with the same byline block fold it into one
//! line that names both sides, not a "left only" line and a "right only"
//! one (which read as though the two differed there).

use super::words::{folded_blocks, side_name};
use crate::analysis::align::{AlignedRow, RowKind};
use crate::corpus::Block;

/// What a pair shows, row by row.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// An alignment row (index into the alignment's rows).
    Row(usize),
    /// A run of two or more unpaired chrome rows.
    Fold(Fold),
}

/// A folded run: its blocks on each side.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fold {
    pub left: Option<Run>,
    pub right: Option<Run>,
}

/// One side's blocks in a folded run.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub count: usize,
    pub first: usize,
    pub last: usize,
    /// Their kinds' names, in order of first appearance.
    pub kinds: Vec<&'static str>,
}

impl Run {
    fn add(run: &mut Option<Run>, index: usize, kind: &'static str) {
        match run {
            Some(r) => {
                r.count += 1;
                r.last = index;
                if !r.kinds.contains(&kind) {
                    r.kinds.push(kind);
                }
            }
            None => {
                *run = Some(Run {
                    count: 1,
                    first: index,
                    last: index,
                    kinds: vec![kind],
                })
            }
        }
    }

    /// "3 metadata blocks 1–3".
    fn blocks(&self) -> String {
        folded_blocks(self.count, &self.kinds.join("/"), self.first, self.last)
    }
}

impl Fold {
    /// "left only · 3 metadata blocks 1–3 folded", or, when both sides
    /// have chrome here, "folded · left 3 metadata blocks 1–3 · right 2
    /// metadata blocks 1–2".
    pub fn text(&self) -> String {
        match (&self.left, &self.right) {
            (Some(l), Some(r)) => format!("folded · left {} · right {}", l.blocks(), r.blocks()),
            (Some(run), None) => {
                format!("{} · {} folded", side_name(RowKind::LeftOnly), run.blocks())
            }
            (None, Some(run)) => {
                format!(
                    "{} · {} folded",
                    side_name(RowKind::RightOnly),
                    run.blocks()
                )
            }
            (None, None) => String::new(),
        }
    }

    /// The first block of each side, for a gutter.
    pub fn firsts(&self) -> (Option<usize>, Option<usize>) {
        (
            self.left.as_ref().map(|r| r.first),
            self.right.as_ref().map(|r| r.first),
        )
    }
}

/// `rows` in order, each run of two or more unpaired chrome rows (either
/// side) folded into one item. `blocks` gives a row's blocks, left first.
pub fn items<'a>(
    rows: &[AlignedRow],
    blocks: impl Fn(&AlignedRow) -> (Option<&'a Block>, Option<&'a Block>),
) -> Vec<Item> {
    let chrome = |row: &AlignedRow| match blocks(row) {
        (Some(b), None) | (None, Some(b)) => !b.kind.is_content(),
        _ => false,
    };
    let mut items = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let run = rows[k..].iter().take_while(|r| chrome(r)).count();
        if run < 2 {
            items.push(Item::Row(k));
            k += 1;
            continue;
        }
        let mut fold = Fold::default();
        for row in &rows[k..k + run] {
            match blocks(row) {
                (Some(b), None) => Run::add(&mut fold.left, row.left.unwrap_or(0), b.kind.name()),
                (None, Some(b)) => Run::add(&mut fold.right, row.right.unwrap_or(0), b.kind.name()),
                _ => {}
            }
        }
        items.push(Item::Fold(fold));
        k += run;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::BlockKind;

    fn block(kind: BlockKind) -> Block {
        Block {
            kind,
            text: "text".into(),
            reason: None,
            line: 1,
        }
    }

    #[test]
    fn the_same_chrome_on_both_sides_folds_into_one_line_naming_both() {
        let left = [
            block(BlockKind::Heading),
            block(BlockKind::Metadata),
            block(BlockKind::Metadata),
        ];
        let right = left.clone();
        let rows = [
            AlignedRow::bare(Some(0), Some(0), RowKind::Identical),
            AlignedRow::unpaired(Some(1), None),
            AlignedRow::unpaired(Some(2), None),
            AlignedRow::unpaired(None, Some(1)),
            AlignedRow::unpaired(None, Some(2)),
        ];
        let items = items(&rows, |r| {
            (r.left.map(|i| &left[i]), r.right.map(|i| &right[i]))
        });
        assert_eq!(items.len(), 2);
        assert_eq!(items[0], Item::Row(0));
        let Item::Fold(fold) = &items[1] else {
            panic!("not folded: {items:?}")
        };
        assert_eq!(
            fold.text(),
            "folded · left 2 metadata blocks 1–2 · right 2 metadata blocks 1–2"
        );
        assert_eq!(fold.firsts(), (Some(1), Some(1)));
    }

    #[test]
    fn one_sided_runs_read_as_before_and_a_lone_chrome_row_is_not_folded() {
        let left = [
            block(BlockKind::Metadata),
            block(BlockKind::Boilerplate),
            block(BlockKind::Paragraph),
        ];
        let right = [block(BlockKind::Metadata)];
        let rows = [
            AlignedRow::unpaired(Some(0), None),
            AlignedRow::unpaired(Some(1), None),
            AlignedRow::unpaired(Some(2), None),
        ];
        let items = items(&rows, |r| {
            (r.left.map(|i| &left[i]), r.right.map(|i| &right[i]))
        });
        let Item::Fold(fold) = &items[0] else {
            panic!("not folded: {items:?}")
        };
        assert_eq!(
            fold.text(),
            "left only · 2 metadata/boilerplate blocks 0–1 folded"
        );
        assert_eq!(items[1], Item::Row(2));
        let lone = [
            AlignedRow::unpaired(None, Some(0)),
            AlignedRow::unpaired(Some(2), None),
        ];
        let items = super::items(&lone, |r| {
            (r.left.map(|i| &left[i]), r.right.map(|i| &right[i]))
        });
        assert_eq!(items, vec![Item::Row(0), Item::Row(1)]);
    }
}
