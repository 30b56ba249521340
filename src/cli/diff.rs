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

use super::paint::{Paint, Tone, output_width};
use super::resolve;
use crate::analysis::align::{AlignOptions, AlignedRow, Alignment, RepeatOf, RowKind, align};
use crate::analysis::diff::{DiffOp, OpTag, equal_share, word_diff};
use crate::analysis::related::RelatedIndex;
use crate::corpus::{Article, Block, Corpus};
use crate::wrap::{truncate, width, wrap_runs};
use serde::Serialize;
use std::io::Write;
use std::time::Duration;

/// Time allowed for one pair's word diff before it settles for coarser ops.
const DIFF_DEADLINE: Duration = Duration::from_millis(100);
/// Indent of diff text under a row's header line.
const INDENT: usize = 8;
/// Below this share of unchanged text, a pair is shown as two texts.
const INLINE_MIN_SHARE: f64 = 0.5;

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
    out: &mut dyn Write,
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
        // Serialise first so a closed pipe surfaces as an io::Error, which
        // the caller treats as a normal end of output.
        let text = serde_json::to_string_pretty(&doc)?;
        out.write_all(text.as_bytes())?;
        writeln!(out)?;
        return Ok(());
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

fn block(a: &Article, index: Option<usize>) -> Option<&Block> {
    a.blocks.get(index?)
}

/// How a piece of diff text is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Deleted,
    Inserted,
    Dim,
}

struct Text<'a> {
    left: &'a Article,
    right: &'a Article,
    paint: Paint,
    width: usize,
}

impl Text<'_> {
    fn print(
        &self,
        alignment: &Alignment,
        opts: &AlignOptions,
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let p = self.paint;
        for (tag, a) in [("left ", self.left), ("right", self.right)] {
            let line = format!("{tag}  {}  {}", a.id, a.label());
            writeln!(out, "{}", p.paint(Tone::Bold, &truncate(&line, self.width)))?;
        }
        let legend = if p.enabled {
            format!(
                "{} {}",
                p.paint(Tone::Deleted, "deleted"),
                p.paint(Tone::Inserted, "inserted")
            )
        } else {
            "[-deleted-] {+inserted+}".to_string()
        };
        let settings = format!(
            "near ≥ {:.2} · related ≥ {:.2} · ",
            opts.near_min, opts.related_min
        );
        writeln!(out, "{}{legend}", p.paint(Tone::Dim, &settings))?;
        writeln!(out)?;
        let rows = &alignment.rows;
        let mut k = 0;
        while k < rows.len() {
            let folded = self.fold_len(&rows[k..]);
            if folded > 1 {
                self.folded(&rows[k..k + folded], out)?;
                k += folded;
            } else {
                self.row(&rows[k], out)?;
                k += 1;
            }
        }
        writeln!(out)?;
        writeln!(out, "{}", summary(alignment))?;
        Ok(())
    }

    /// The block(s) a row shows, left side first.
    fn blocks_of(&self, row: &AlignedRow) -> (Option<&Block>, Option<&Block>) {
        (block(self.left, row.left), block(self.right, row.right))
    }

    /// How many rows from the start of `rows` fold into one line: unpaired
    /// metadata/boilerplate rows on the same side.
    fn fold_len(&self, rows: &[AlignedRow]) -> usize {
        let key = |row: &AlignedRow| -> Option<RowKind> {
            let b = match self.blocks_of(row) {
                (Some(b), None) | (None, Some(b)) => b,
                _ => return None,
            };
            (!b.kind.is_content()).then_some(row.kind)
        };
        match rows.first().and_then(key) {
            Some(side) => rows.iter().take_while(|r| key(r) == Some(side)).count(),
            None => 0,
        }
    }

    fn folded(&self, rows: &[AlignedRow], out: &mut dyn Write) -> anyhow::Result<()> {
        let index = |r: &AlignedRow| r.left.or(r.right).unwrap_or(0);
        let (first, last) = (rows.first().map_or(0, index), rows.last().map_or(0, index));
        let mut kinds: Vec<&str> = Vec::new();
        for r in rows {
            let (l, rt) = self.blocks_of(r);
            if let Some(name) = l.or(rt).map(|b| b.kind.name())
                && !kinds.contains(&name)
            {
                kinds.push(name);
            }
        }
        let side = rows.first().map_or(RowKind::LeftOnly, |r| r.kind);
        let text = format!(
            "{} · {} {} blocks {first}–{last} folded",
            side_name(side),
            rows.len(),
            kinds.join("/")
        );
        let gutter = gutter(
            rows.first().and_then(|r| r.left),
            rows.first().and_then(|r| r.right),
            "·",
        );
        let line = truncate(&text, self.width.saturating_sub(width(&gutter)));
        writeln!(out, "{}{}", gutter, self.paint.paint(Tone::Dim, &line))?;
        Ok(())
    }

    fn row(&self, row: &AlignedRow, out: &mut dyn Write) -> anyhow::Result<()> {
        let p = self.paint;
        let (lb, rb) = self.blocks_of(row);
        let (Some(l), Some(r)) = (lb, rb) else {
            // Unpaired: one line, truncated.
            let Some(b) = lb.or(rb) else { return Ok(()) };
            let g = gutter(row.left, row.right, "·");
            let mut head = format!("{} · {}", side_name(row.kind), b.kind.name());
            head.push_str(&repeat_note(row.repeat_of));
            let room = self.width.saturating_sub(width(&g) + width(&head) + 2);
            let text = truncate(&b.text, room.max(8));
            let text = if b.kind.is_content() {
                text
            } else {
                p.paint(Tone::Dim, &text)
            };
            writeln!(out, "{g}{}  {text}", p.paint(Tone::Dim, &head))?;
            return Ok(());
        };
        let g = gutter(row.left, row.right, "↔");
        let mut head = format!(
            "{} {:.2} · {}",
            row.kind.name(),
            row.similarity,
            l.kind.name()
        );
        head.push_str(&repeat_note(row.repeat_of));
        let moved = if row.moved {
            format!("  {}", p.paint(Tone::Accent, "moved"))
        } else {
            String::new()
        };
        if row.kind == RowKind::Identical {
            let room = self
                .width
                .saturating_sub(width(&g) + width(&head) + 2 + if row.moved { 7 } else { 0 });
            writeln!(
                out,
                "{g}{}{moved}  {}",
                p.paint(Tone::Bold, &head),
                p.paint(Tone::Dim, &truncate(&l.text, room.max(8)))
            )?;
            return Ok(());
        }
        writeln!(out, "{g}{}{moved}", p.paint(Tone::Bold, &head))?;
        let ops = word_diff(&l.text, &r.text, DIFF_DEADLINE);
        // Copied text reads best inline; a rewrite reads best as two texts.
        if row.kind == RowKind::Near || equal_share(&ops) >= INLINE_MIN_SHARE {
            let runs: Vec<(String, Style)> = ops.iter().map(|o| self.styled(o)).collect();
            self.wrapped("", &runs, out)?;
        } else {
            let side = |keep: OpTag| -> Vec<(String, Style)> {
                ops.iter()
                    .filter(|o| o.tag == OpTag::Equal || o.tag == keep)
                    .map(|o| self.styled_side(o))
                    .collect()
            };
            self.wrapped("< ", &side(OpTag::Delete), out)?;
            self.wrapped("> ", &side(OpTag::Insert), out)?;
        }
        Ok(())
    }

    /// An op inside an inline diff: coloured, or marked when colour is off.
    fn styled(&self, op: &DiffOp) -> (String, Style) {
        match (op.tag, self.paint.enabled) {
            (OpTag::Equal, _) => (op.text.clone(), Style::Plain),
            (OpTag::Delete, true) => (op.text.clone(), Style::Deleted),
            (OpTag::Insert, true) => (op.text.clone(), Style::Inserted),
            (OpTag::Delete, false) => (format!("[-{}-]", op.text), Style::Plain),
            (OpTag::Insert, false) => (format!("{{+{}+}}", op.text), Style::Plain),
        }
    }

    /// An op in the two-text view: the changed words coloured; without
    /// colour the texts are printed plain (the `<`/`>` prefix says which
    /// side, and marking most of a rewrite would only add noise).
    fn styled_side(&self, op: &DiffOp) -> (String, Style) {
        let style = match (op.tag, self.paint.enabled) {
            (OpTag::Delete, true) => Style::Deleted,
            (OpTag::Insert, true) => Style::Inserted,
            (OpTag::Equal, true) => Style::Dim,
            _ => Style::Plain,
        };
        (op.text.clone(), style)
    }

    /// Print styled runs wrapped under the row header, after `prefix`.
    fn wrapped(
        &self,
        prefix: &str,
        runs: &[(String, Style)],
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let borrowed: Vec<(&str, Style)> = runs.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        let text_w = self
            .width
            .saturating_sub(INDENT + prefix.chars().count())
            .max(20);
        for (n, line) in wrap_runs(&borrowed, text_w).iter().enumerate() {
            let lead = if n == 0 {
                prefix.to_string()
            } else {
                " ".repeat(prefix.chars().count())
            };
            let body: String = line.iter().map(|(t, s)| self.paint_run(t, *s)).collect();
            writeln!(out, "{}{lead}{body}", " ".repeat(INDENT))?;
        }
        Ok(())
    }

    fn paint_run(&self, text: &str, style: Style) -> String {
        match style {
            Style::Plain => text.to_string(),
            Style::Deleted => self.paint.paint(Tone::Deleted, text),
            Style::Inserted => self.paint.paint(Tone::Inserted, text),
            Style::Dim => self.paint.paint(Tone::Dim, text),
        }
    }
}

/// "  12 ↔ 15    ": left and right indices around a symbol.
fn gutter(left: Option<usize>, right: Option<usize>, symbol: &str) -> String {
    let show = |i: Option<usize>| i.map_or(String::new(), |i| i.to_string());
    format!("{:>5} {symbol} {:<5} ", show(left), show(right))
}

/// "left only" for `LeftOnly`, the kind's name otherwise.
pub(crate) fn side_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::LeftOnly => "left only",
        RowKind::RightOnly => "right only",
        other => other.name(),
    }
}

fn repeat_note(repeat: Option<RepeatOf>) -> String {
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
