//! `parallax diff`: two articles aligned row by row, with a word diff of
//! every paired row.
//!
//! JSON: `{"left", "right", "options", "rows": [{"left", "right", "kind",
//! "similarity", "moved", "repeat_of", "ops"}]}`. `ops` reproduce the
//! paired texts exactly; for unpaired rows `ops` is empty (the block's text
//! is what `parallax show` prints at that index).
//!
//! Text: one entry per row. Paired rows show an inline diff when most of
//! the text is shared, and the two texts one under the other when it is a
//! rewrite. Unpaired rows get one truncated line; runs of metadata and
//! boilerplate are folded into one line.

mod text;

use super::CleanOut;
use super::paint::{Paint, output_width};
use super::resolve;
use crate::analysis::align::{AlignOptions, AlignedRow, Alignment, RepeatOf, RowKind, align};
use crate::analysis::diff::{DiffOp, word_diff};
use crate::analysis::related::RelatedIndex;
use crate::corpus::{Article, Block, Corpus};
use serde::Serialize;
use std::time::Duration;
use text::Text;

/// Time allowed for one pair's word diff before it settles for coarser ops.
pub(super) const DIFF_DEADLINE: Duration = Duration::from_millis(100);
/// Indent of diff text under a row's header line.
pub(super) const INDENT: usize = 8;
/// Below this share of unchanged text, a pair is shown as two texts.
pub(super) const INLINE_MIN_SHARE: f64 = 0.5;

#[derive(Serialize)]
struct DiffJson<'a> {
    left: &'a str,
    right: &'a str,
    options: OptionsJson,
    rows: Vec<RowJson<'a>>,
}

/// The thresholds an alignment used, as `diff --json` and the JSON pair
/// report both write them.
#[derive(Serialize)]
pub(crate) struct OptionsJson {
    near_min: f64,
    related_min: f64,
}

impl OptionsJson {
    pub(crate) fn of(opts: &AlignOptions) -> Self {
        OptionsJson {
            near_min: opts.near_min,
            related_min: opts.related_min,
        }
    }
}

/// One aligned row with its word diff, as `diff --json` and the JSON pair
/// report both write it.
#[derive(Serialize)]
pub(crate) struct RowJson<'a> {
    left: Option<usize>,
    right: Option<usize>,
    kind: RowKind,
    similarity: f64,
    moved: bool,
    repeat_of: Option<RepeatOf>,
    ops: &'a [DiffOp],
}

impl<'a> RowJson<'a> {
    pub(crate) fn of(row: &AlignedRow, ops: &'a [DiffOp]) -> Self {
        RowJson {
            left: row.left,
            right: row.right,
            kind: row.kind,
            similarity: row.similarity,
            moved: row.moved,
            repeat_of: row.repeat_of,
            ops,
        }
    }
}

pub fn print(
    corpus: &Corpus,
    left: &str,
    right: &str,
    json: bool,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let (li, ri) = (resolve(corpus, left)?, resolve(corpus, right)?);
    let opts = AlignOptions::default();
    let related = RelatedIndex::build(corpus);
    let alignment = align(corpus, &related, li, ri, &opts);
    let (la, ra) = (&corpus.articles[li], &corpus.articles[ri]);
    if json {
        let ops: Vec<Vec<DiffOp>> = alignment
            .rows
            .iter()
            .map(|row| row_ops(la, ra, row))
            .collect();
        let doc = DiffJson {
            left: &la.id,
            right: &ra.id,
            options: OptionsJson::of(&opts),
            rows: alignment
                .rows
                .iter()
                .zip(&ops)
                .map(|(row, ops)| RowJson::of(row, ops))
                .collect(),
        };
        return out.json(&doc);
    }
    Text {
        left: la,
        right: ra,
        paint,
        width: output_width(),
    }
    .print(&alignment, &opts, out)
}

/// Word diff of a paired row; empty for unpaired rows.
fn row_ops(la: &Article, ra: &Article, row: &AlignedRow) -> Vec<DiffOp> {
    match (block(la, row.left), block(ra, row.right)) {
        (Some(l), Some(r)) => word_diff(&l.text, &r.text, DIFF_DEADLINE),
        _ => Vec::new(),
    }
}

pub(super) fn block(a: &Article, index: Option<usize>) -> Option<&Block> {
    a.blocks.get(index?)
}

/// "left only" for `LeftOnly`, the kind's name otherwise.
pub(crate) fn side_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::LeftOnly => "left only",
        RowKind::RightOnly => "right only",
        other => other.name(),
    }
}

pub(super) fn repeat_note(repeat: Option<RepeatOf>) -> String {
    let Some(r) = repeat else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(i) = r.left {
        parts.push(format!("left repeats {i}"));
    }
    if let Some(j) = r.right {
        parts.push(format!("right repeats {j}"));
    }
    format!(" · {}", parts.join(", "))
}

/// "41 rows: 2 identical, 3 near, 6 related, 15 left only, 15 right only;
/// 1 moved": the same line in `diff` and the pair reports.
pub(crate) fn summary(a: &Alignment) -> String {
    let counts: Vec<String> = RowKind::ALL
        .iter()
        .map(|&k| format!("{} {}", a.count(k), side_name(k)))
        .collect();
    format!(
        "{} rows: {}; {} moved",
        a.rows.len(),
        counts.join(", "),
        a.moved()
    )
}
