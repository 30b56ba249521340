//! `parallax diff` as text: the two articles' header lines, then each
//! aligned row with its word diff, inline (copied text) or as two texts (a
//! rewrite), runs of chrome folded, and the summary line.

use super::{INDENT, INLINE_MIN_SHARE, block, repeat_note, unpaired_partners};
use crate::analysis::align::{AlignOptions, AlignedRow, Alignment, RowKind};
use crate::analysis::diff::{DiffOp, OpTag, equal_share, equal_share_bound};
use crate::analysis::pair::PairComparison;
use crate::cli::CleanOut;
use crate::cli::paint::{Paint, Tone};
use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
use crate::corpus::{Article, Block};
use crate::display::score::Score;
use crate::display::wrap::{truncate, width, wrap_runs};
use crate::report::{Fold, FoldedItem, folded_items, side_name, summary};
use crate::{clean, outln};

/// How a piece of diff text is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Deleted,
    Inserted,
    Dim,
}

pub(super) struct Text<'a> {
    pub(super) corpus: &'a Corpus,
    pub(super) pair: &'a PairComparison,
    pub(super) left: &'a Article,
    pub(super) right: &'a Article,
    pub(super) paint: Paint,
    pub(super) width: usize,
    /// How many likeliest partners to list under an unpaired paragraph.
    pub(super) partners: Option<usize>,
}

impl Text<'_> {
    pub(super) fn print(
        &self,
        alignment: &Alignment,
        opts: &AlignOptions,
        out: &mut CleanOut,
    ) -> anyhow::Result<()> {
        let p = self.paint;
        for (tag, a) in [("left ", self.left), ("right", self.right)] {
            let line = clean!("{tag}  {}  {}", a.id, a.label());
            out.line(&p.paint(Tone::Bold, &line.truncated(self.width)))?;
        }
        let legend = if p.enabled {
            p.lit(Tone::Deleted, "deleted") + Clean::lit(" ") + p.lit(Tone::Inserted, "inserted")
        } else {
            Clean::lit("[-deleted-] {+inserted+}")
        };
        let settings = clean!("paired at similarity ≥ {:.2} · ", opts.related_min);
        out.line(&(p.paint(Tone::Dim, &settings) + legend))?;
        out.blank()?;
        let rows = &alignment.rows;
        for item in folded_items(rows, |row| self.blocks_of(row)) {
            match item {
                FoldedItem::Fold(fold) => self.folded(&fold, out)?,
                FoldedItem::Row(k) => self.row(&rows[k], out)?,
            }
        }
        out.blank()?;
        outln!(out, "{}", summary(alignment))?;
        Ok(())
    }

    /// The block(s) a row shows, left side first.
    fn blocks_of(&self, row: &AlignedRow) -> (Option<&Block>, Option<&Block>) {
        (block(self.left, row.left), block(self.right, row.right))
    }

    fn folded(&self, fold: &Fold, out: &mut CleanOut) -> anyhow::Result<()> {
        let (left, right) = fold.firsts();
        let gutter = gutter(left, right, "·");
        let line = clean!(
            "{}",
            truncate(&fold.text(), self.width.saturating_sub(width(&gutter)))
        );
        out.line(&(clean!("{gutter}") + self.paint.paint(Tone::Dim, &line)))?;
        Ok(())
    }

    fn row(&self, row: &AlignedRow, out: &mut CleanOut) -> anyhow::Result<()> {
        let p = self.paint;
        let (lb, rb) = self.blocks_of(row);
        let (Some(l), Some(r)) = (lb, rb) else {
            // Unpaired: one line, truncated.
            let Some(b) = lb.or(rb) else { return Ok(()) };
            let g = gutter(row.left, row.right, "·");
            let mut head = format!("{} · {}", side_name(row.kind), b.kind.name());
            head.push_str(&repeat_note(row.repeat_of));
            if let Some(k) = row.also {
                let side = if row.left.is_some() { "right" } else { "left" };
                head.push_str(&format!(
                    " · also the point of {side} {k} ({})",
                    Score(row.similarity)
                ));
            }
            // Never past the width: a long header is cut, and leaves the
            // text out.
            let head = truncate(&head, self.width.saturating_sub(width(&g)));
            let room = self.width.saturating_sub(width(&g) + width(&head) + 2);
            let text = clean!(
                "{}",
                if room >= 8 {
                    truncate(&b.text, room)
                } else {
                    String::new()
                }
            );
            let text = if b.kind.is_content() {
                text
            } else {
                p.paint(Tone::Dim, &text)
            };
            let line = clean!("{g}") + p.paint(Tone::Dim, &clean!("{head}"));
            // No trailing blanks when the header left no room for text.
            let line = if room >= 8 {
                line + Clean::lit("  ") + text
            } else {
                line
            };
            out.line(&line)?;
            return self.likeliest(row, out);
        };
        let g = gutter(row.left, row.right, "↔");
        let mut head = format!(
            "{} {} · {}",
            row.kind.name(),
            Score(row.similarity),
            l.kind.name()
        );
        head.push_str(&repeat_note(row.repeat_of));
        let moved = if row.moved {
            Clean::lit("  ") + p.lit(Tone::Accent, "moved")
        } else {
            Clean::default()
        };
        let header = clean!("{g}") + p.paint(Tone::Bold, &clean!("{head}")) + &moved;
        if row.kind == RowKind::Identical {
            let room = self
                .width
                .saturating_sub(width(&g) + width(&head) + 2 + if row.moved { 7 } else { 0 });
            let text = clean!("{}", truncate(&l.text, room.max(8)));
            out.line(&(header + Clean::lit("  ") + p.paint(Tone::Dim, &text)))?;
            return Ok(());
        }
        out.line(&header)?;
        self.why(row, out)?;
        // Without colour a rewrite prints its two texts as they are: when
        // the pair surely is one, its word diff would change nothing.
        if row.kind != RowKind::Near
            && !p.enabled
            && equal_share_bound(&l.text, &r.text) < INLINE_MIN_SHARE
        {
            return self.plain_two_texts(&l.text, &r.text, out);
        }
        let ops = self.pair.row_ops(self.corpus, row).unwrap_or_default();
        // Copied text reads best inline; a rewrite reads best as two texts.
        if row.kind == RowKind::Near || equal_share(&ops) >= INLINE_MIN_SHARE {
            let runs: Vec<(String, Style)> = ops.iter().map(|o| self.styled(o)).collect();
            self.wrapped("", &runs, out)
        } else {
            self.two_texts(&ops, out)
        }
    }

    /// A rewrite: each side's text under `<` and `>`, its changed words
    /// coloured.
    fn two_texts(&self, ops: &[DiffOp], out: &mut CleanOut) -> anyhow::Result<()> {
        let side = |keep: OpTag| -> Vec<(String, Style)> {
            ops.iter()
                .filter(|o| o.tag == OpTag::Equal || o.tag == keep)
                .map(|o| self.styled_side(o))
                .collect()
        };
        self.wrapped("< ", &side(OpTag::Delete), out)?;
        self.wrapped("> ", &side(OpTag::Insert), out)
    }

    /// What `two_texts` prints without colour, from the texts alone: each
    /// side's ops join into its text, and plain runs wrap as one.
    fn plain_two_texts(&self, left: &str, right: &str, out: &mut CleanOut) -> anyhow::Result<()> {
        self.wrapped("< ", &[(left.to_string(), Style::Plain)], out)?;
        self.wrapped("> ", &[(right.to_string(), Style::Plain)], out)
    }

    /// "likeliest: right 18 (0.05) · right 25 (0.04)", under an unpaired
    /// paragraph when `--partners` asks for them.
    fn likeliest(&self, row: &AlignedRow, out: &mut CleanOut) -> anyhow::Result<()> {
        let Some(n) = self.partners else {
            return Ok(());
        };
        let Some(list) = unpaired_partners(self.corpus, self.pair, row, n) else {
            return Ok(());
        };
        let side = if row.left.is_some() { "right" } else { "left" };
        let listed: Vec<String> = list
            .iter()
            .map(|p| format!("{side} {} ({})", p.block, Score(p.similarity)))
            .collect();
        let text = if listed.is_empty() {
            "likeliest: none shares a word".to_string()
        } else {
            format!("likeliest: {}", listed.join(" · "))
        };
        let room = self.width.saturating_sub(INDENT).max(20);
        let line = clean!("{}{}", " ".repeat(INDENT), truncate(&text, room));
        out.line(&self.paint.paint(Tone::Dim, &line))?;
        Ok(())
    }

    /// "why: names: …· numbers: … · words: …": what the pair rests on,
    /// for paraphrase (copied text speaks for itself).
    fn why(&self, row: &AlignedRow, out: &mut CleanOut) -> anyhow::Result<()> {
        if row.kind != RowKind::Related {
            return Ok(());
        }
        let Some(e) = self.pair.evidence(self.corpus, row) else {
            return Ok(());
        };
        let summary = e.explanation.summary();
        if summary.is_empty() {
            return Ok(());
        }
        let room = self.width.saturating_sub(INDENT + 5).max(20);
        let line = clean!("{}why: {}", " ".repeat(INDENT), truncate(&summary, room));
        out.line(&self.paint.paint(Tone::Dim, &line))?;
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
        out: &mut CleanOut,
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
            let body: Clean = line.iter().map(|(t, s)| self.paint_run(t, *s)).collect();
            out.line(&(clean!("{}{lead}", " ".repeat(INDENT)) + body))?;
        }
        Ok(())
    }

    fn paint_run(&self, text: &str, style: Style) -> Clean {
        let text = clean!("{text}");
        match style {
            Style::Plain => text,
            Style::Deleted => self.paint.paint(Tone::Deleted, &text),
            Style::Inserted => self.paint.paint(Tone::Inserted, &text),
            Style::Dim => self.paint.paint(Tone::Dim, &text),
        }
    }
}

/// "  12 ↔ 15    ": left and right indices around a symbol.
fn gutter(left: Option<usize>, right: Option<usize>, symbol: &str) -> String {
    let show = |i: Option<usize>| i.map_or(String::new(), |i| i.to_string());
    format!("{:>5} {symbol} {:<5} ", show(left), show(right))
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
