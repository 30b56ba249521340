//! `parallax diff`: two articles aligned row by row, with a word diff of
//! every paired row.
//!
//! JSON: `{"left", "right", "options", "rows": [{"left", "right", "kind",
//! "similarity", "moved", "repeat_of", "also", "signals", "evidence",
//! "ops"}]}`. `similarity` is on one scale for every kind: how surely the
//! two blocks make the same point (0–1; 1 for identical text). `signals`
//! holds the raw measures it rests on (`jaccard`, `containment`, `cosine`,
//! `sentence`, `coverage`, `names`, …) and `evidence` what a reader can
//! check (`names`, `numbers`, `quote`, `sentences`, `terms`); both are null
//! on unpaired rows without `also` (the block of the other side whose point
//! an unpaired block also makes). `ops` reproduce the paired texts exactly;
//! for unpaired rows `ops` is empty (the block's text is what `parallax
//! show` prints at that index). With `--partners N`, each unpaired
//! content row also has `"partners": [{"block", "similarity"}]`: the N
//! likeliest blocks of the other article for its block, paired or not,
//! most likely first (`analysis::partners`); without it the key is absent.
//!
//! Text: one entry per row. Paired rows show an inline diff when most of
//! the text is shared, and the two texts one under the other when it is a
//! rewrite. Unpaired rows get one truncated line; runs of metadata and
//! boilerplate are folded into one line.

mod sides;
mod text;

pub use sides::sides;

use super::CleanOut;
use super::paint::{Paint, output_width};
use crate::analysis::align::{AlignOptions, AlignedRow, RepeatOf};
use crate::analysis::pair::{PairComparison, Threshold};
use crate::analysis::partners::{PairSide, Partner, partners};
use crate::analysis::related::RelatedIndex;
use crate::corpus::{Article, Block, BlockRef, Corpus};
use crate::report::{OptionsJson, RowJson};
use serde::Serialize;
use text::Text;

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

/// What `diff` prints: at which threshold, as JSON or text, and how many
/// partners of each unpaired paragraph (none unless asked).
pub struct Shown {
    pub threshold: Threshold,
    pub json: bool,
    pub partners: Option<usize>,
}

pub fn print(
    corpus: &Corpus,
    related: &dyn Fn() -> RelatedIndex,
    (li, ri): (usize, usize),
    shown: Shown,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let Shown {
        threshold,
        json,
        partners: partner_count,
    } = shown;
    // The corpus's IDF weighs the pair's words: read from the cache when
    // the corpus was analysed before, so one pair costs its own work.
    let related = related();
    let pair = PairComparison::new(corpus, &related, li, ri);
    let alignment = pair.align(threshold);
    let (la, ra) = (&corpus.articles[li], &corpus.articles[ri]);
    if json {
        let ops = pair.all_ops(corpus, &alignment);
        let doc = DiffJson {
            left: &la.id,
            right: &ra.id,
            options: OptionsJson::of(&AlignOptions::at(threshold)),
            rows: alignment
                .rows
                .iter()
                .zip(&ops)
                .map(|(row, ops)| {
                    let json = RowJson::of(row, ops, pair.evidence(corpus, row));
                    match partner_count {
                        Some(n) => json.with_partners(unpaired_partners(corpus, &pair, row, n)),
                        None => json,
                    }
                })
                .collect(),
        };
        return out.json(&doc);
    }
    Text {
        corpus,
        pair: &pair,
        left: la,
        right: ra,
        paint,
        width: output_width(),
        partners: partner_count,
    }
    .print(&alignment, &AlignOptions::at(threshold), out)
}

/// The likeliest partners of an unpaired content row's block (none for
/// paired rows and chrome).
pub(super) fn unpaired_partners(
    corpus: &Corpus,
    pair: &PairComparison,
    row: &AlignedRow,
    n: usize,
) -> Option<Vec<Partner>> {
    let (side, index, article) = match (row.left, row.right) {
        (Some(i), None) => (PairSide::Left, i, pair.left()),
        (None, Some(j)) => (PairSide::Right, j, pair.right()),
        _ => return None,
    };
    let content = corpus
        .get(BlockRef::new(article, index))
        .is_some_and(|b| b.kind.is_content());
    content.then(|| partners(&pair.scores, side, index, n))
}

pub(super) fn block(a: &Article, index: Option<usize>) -> Option<&Block> {
    a.blocks.get(index?)
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
