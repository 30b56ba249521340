//! The pair report's content: the alignment, each row's word diff, runs
//! of unpaired chrome folded, and the notes anchored in either article.

use super::fold::Item;
use super::model::{Note, Provenance};
use super::words::side_name;
use crate::analysis::align::{AlignOptions, AlignedRow, Alignment, RowKind};
use crate::analysis::diff::{DiffOp, equal_share};
use crate::analysis::pair::{PairComparison, Threshold};
use crate::analysis::related::RelatedIndex;
use crate::corpus::{Block, BlockRef, Corpus};
use crate::display::score::Score;
use crate::session::Bookmark;

/// Below this share of unchanged text a pair reads best as two texts.
pub const INLINE_MIN_SHARE: f64 = 0.5;

pub struct PairReport<'a> {
    pub corpus: &'a Corpus,
    pub left: usize,
    pub right: usize,
    pub opts: AlignOptions,
    /// The comparison the rows come from (diffs and evidence).
    pub pair: PairComparison,
    pub alignment: Alignment,
    /// The word diff of each row; empty for unpaired rows.
    pub ops: Vec<Vec<DiffOp>>,
    pub notes: Vec<Note>,
    pub provenance: Provenance,
}

impl<'a> PairReport<'a> {
    pub fn build(
        corpus: &'a Corpus,
        related: &RelatedIndex,
        (left, right, threshold): (usize, usize, Threshold),
        bookmarks: &[Bookmark],
        provenance: Provenance,
    ) -> PairReport<'a> {
        let opts = AlignOptions::at(threshold);
        let pair = PairComparison::new(corpus, related, left, right);
        let alignment = pair.align(threshold);
        let ops = pair.all_ops(corpus, &alignment);
        let ids = [
            corpus.articles[left].id.as_str(),
            corpus.articles[right].id.as_str(),
        ];
        let notes = bookmarks
            .iter()
            .filter(|b| ids.iter().any(|id| b.touches(id)))
            .map(|b| Note::new(corpus, b.clone()))
            .collect();
        PairReport {
            corpus,
            left,
            right,
            opts,
            pair,
            alignment,
            ops,
            notes,
            provenance,
        }
    }

    /// The blocks of a row, left first.
    pub fn blocks(&self, row: &AlignedRow) -> (Option<&'a Block>, Option<&'a Block>) {
        blocks_of(self.corpus, self.left, self.right, row)
    }

    /// Whether a paired row reads best as one inline diff (copied text)
    /// rather than two texts (a rewrite).
    pub fn inline(&self, row_index: usize) -> bool {
        let (Some(row), Some(ops)) = (self.alignment.rows.get(row_index), self.ops.get(row_index))
        else {
            return true;
        };
        row.kind != RowKind::Related || equal_share(ops) >= INLINE_MIN_SHARE
    }

    /// Ids of the notes anchored at either block of a row.
    pub fn notes_at(&self, row: &AlignedRow) -> Vec<u32> {
        let places = [
            row.left.map(|b| BlockRef::new(self.left, b)),
            row.right.map(|b| BlockRef::new(self.right, b)),
        ];
        self.notes
            .iter()
            .filter(|n| places.iter().flatten().any(|&at| n.is_at(at)))
            .map(|n| n.bookmark.id)
            .collect()
    }

    /// "names: … · numbers: … · words: …": what a paraphrase row, or an
    /// unpaired block's `also` mark, rests on, as `diff` shows it under
    /// the row (copied text speaks for itself). None when there is none.
    pub fn why(&self, row: &AlignedRow) -> Option<String> {
        let explained =
            row.kind == RowKind::Related || (!row.kind.is_paired() && row.also.is_some());
        if !explained {
            return None;
        }
        let summary = self.pair.evidence(self.corpus, row)?.explanation.summary();
        (!summary.is_empty()).then_some(summary)
    }

    /// Rows in order, runs of unpaired chrome folded into one item.
    pub fn items(&self) -> Vec<Item> {
        super::fold::items(&self.alignment.rows, |row| self.blocks(row))
    }

    /// "82 rows: 1 identical, 1 near, 0 related, 40 left only, 40 right
    /// only; 0 moved".
    pub fn summary(&self) -> String {
        super::words::summary(&self.alignment)
    }
}

fn blocks_of<'a>(
    corpus: &'a Corpus,
    left: usize,
    right: usize,
    row: &AlignedRow,
) -> (Option<&'a Block>, Option<&'a Block>) {
    let get = |a: usize, i: Option<usize>| corpus.articles.get(a)?.blocks.get(i?);
    (get(left, row.left), get(right, row.right))
}

/// "30 ↔ 27 · near 1.00 · heading · moved · left repeats 12", or
/// "– ↔ 27 · right only · paragraph": a row's header, the same in every
/// format.
pub fn row_label(row: &AlignedRow, left: Option<&Block>, right: Option<&Block>) -> String {
    let show = |i: Option<usize>| i.map_or(String::new(), |i| i.to_string());
    let kind = left.or(right).map_or("", |b| b.kind.name());
    let mut label = if row.kind.is_paired() {
        format!(
            "{} ↔ {} · {} {} · {kind}",
            show(row.left),
            show(row.right),
            row.kind.name(),
            Score(row.similarity)
        )
    } else {
        let dash = |i: Option<usize>| i.map_or("–".to_string(), |i| i.to_string());
        format!(
            "{} ↔ {} · {} · {kind}",
            dash(row.left),
            dash(row.right),
            side_name(row.kind)
        )
    };
    if let (false, Some(k)) = (row.kind.is_paired(), row.also) {
        let side = if row.left.is_some() { "right" } else { "left" };
        label.push_str(&format!(
            " · also the point of {side} {k} ({})",
            Score(row.similarity)
        ));
    }
    if row.moved {
        label.push_str(" · moved");
    }
    if let Some(r) = row.repeat_of {
        if let Some(i) = r.left {
            label.push_str(&format!(" · left repeats {i}"));
        }
        if let Some(j) = r.right {
            label.push_str(&format!(" · right repeats {j}"));
        }
    }
    label
}
