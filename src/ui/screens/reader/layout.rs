//! The reader's layout: one article wrapped to the screen, headings and
//! captions tagged, chrome folded into one dim line per run, within-article
//! repeats marked, shared paragraphs and quotes marked in the margin.

use crate::analysis::Analysis;
use crate::analysis::dups::passages::Shared;
use crate::corpus::{Article, BlockKind, BlockRef};
use crate::display::table;
use crate::display::wrap::wrap_runs;
use crate::ui::find::TextUnit;
use crate::ui::place::Spans;
use crate::ui::styled::{StyledLine, Tag, plain};

/// Text never runs wider than this, for a readable measure.
pub const MAX_MEASURE: usize = 100;
/// Left margin of the text.
pub const MARGIN: usize = 2;
/// The mark before each line of a block quote.
const QUOTE_BAR: &str = "▌ ";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderLayout {
    pub article: usize,
    pub width: usize,
    pub unfold: bool,
    pub lines: Vec<StyledLine>,
    /// The lines of each block (folded blocks: their fold line), the
    /// blank line after it included.
    pub blocks: Spans,
    /// Lines where headings start, for next/previous heading.
    pub heading_lines: Vec<usize>,
    /// The text of each block shown and its lines, for the search.
    pub units: Vec<TextUnit>,
    /// The lines that stand for folded chrome ("⋯ 3 blocks folded"): no
    /// text of the article, so a bookmark passes over them.
    pub fold_lines: Vec<std::ops::Range<usize>>,
}

impl ReaderLayout {
    pub fn is_for(&self, article: usize, width: usize, unfold: bool) -> bool {
        self.article == article && self.width == width && self.unfold == unfold
    }

    /// The block that `line` belongs to, and how many lines into it.
    pub fn block_at(&self, line: usize) -> Option<(usize, usize)> {
        self.blocks.at(line)
    }

    /// The line `offset` lines into `block` (kept inside the block).
    pub fn line_of(&self, block: usize, offset: usize) -> Option<usize> {
        self.blocks.line(block, offset)
    }
}

/// Lay out an article for a screen `width` columns wide.
pub fn layout_article(
    article_index: usize,
    article: &Article,
    analysis: &Analysis,
    width: usize,
    unfold: bool,
) -> ReaderLayout {
    let measure = width.saturating_sub(MARGIN * 2).clamp(1, MAX_MEASURE);
    let margin = " ".repeat(MARGIN.min(width.saturating_sub(1)));
    let mut out = ReaderLayout {
        article: article_index,
        width,
        unfold,
        ..Default::default()
    };
    let mut i = 0;
    let blocks = &article.blocks;
    // The table the rows being laid out belong to: its last block and its
    // column widths (`None`: too narrow to line up).
    let mut table: Option<(usize, Option<Vec<usize>>)> = None;
    while i < blocks.len() {
        let b = &blocks[i];
        if !b.kind.is_content() && !unfold {
            // Fold the whole run of chrome/metadata into one line.
            let start = i;
            while i < blocks.len() && !blocks[i].kind.is_content() {
                i += 1;
            }
            let line = out.lines.len();
            for _ in start..i {
                out.blocks.push(line);
            }
            let text = fold_summary(&blocks[start..i]);
            for l in wrap_runs(&[(text.as_str(), Tag::Dim)], measure) {
                out.lines.push(indent(&margin, l));
            }
            out.fold_lines.push(line..out.lines.len());
            out.lines.push(Vec::new());
            continue;
        }
        out.blocks.push(out.lines.len());
        if let Some(&earlier) = analysis.repeat_of.get(&BlockRef::new(article_index, i)) {
            out.lines.push(indent(
                &margin,
                plain(format!("↻ repeats block {earlier}"), Tag::Repeat),
            ));
        }
        let (tag, prefix) = match b.kind {
            BlockKind::Heading => (Tag::Heading, ""),
            BlockKind::Caption => (Tag::Caption, ""),
            BlockKind::TableRow => (Tag::TableRow, ""),
            BlockKind::ListItem => (Tag::Text, "• "),
            BlockKind::Metadata | BlockKind::Boilerplate => (Tag::Dim, ""),
            BlockKind::Paragraph | BlockKind::Quote => (Tag::Text, ""),
        };
        if b.kind == BlockKind::Heading {
            out.heading_lines.push(out.lines.len());
        }
        let mut text = format!("{prefix}{}", b.text);
        if let Some(reason) = &b.reason {
            text.push_str(&format!("  [{reason}]"));
        }
        let first = out.lines.len();
        let quote = b.kind == BlockKind::Quote;
        let table_row = b.kind == BlockKind::TableRow;
        if table_row {
            if table.as_ref().is_none_or(|(last, _)| *last < i) {
                table = Some(table_at(blocks, i, measure));
            }
            let widths = table.as_ref().and_then(|(_, w)| w.as_deref());
            let runs = [(b.text.as_str(), Tag::TableRow)];
            for l in table_row_lines(&b.text, &runs, widths, measure) {
                out.lines.push(indent(&margin, l));
            }
        } else {
            let marks = margin_marks(analysis, BlockRef::new(article_index, i), &margin);
            // A quote is a paragraph with a bar down its left side.
            let measure = if quote {
                measure.saturating_sub(2).max(1)
            } else {
                measure
            };
            for (k, mut l) in wrap_runs(&[(text.as_str(), tag)], measure)
                .into_iter()
                .enumerate()
            {
                if quote {
                    l.insert(0, (QUOTE_BAR.to_string(), Tag::Dim));
                }
                out.lines.push(match &marks {
                    Some(m) if k == 0 => [m.clone(), l].concat(),
                    _ => indent(&margin, l),
                });
            }
        }
        // A table row's cells are padded and ruled apart: search does not
        // look into tables.
        if !table_row {
            out.units.push(TextUnit {
                origin: prefix.len(),
                block: BlockRef::new(article_index, i),
                pane: 0,
                lines: first..out.lines.len(),
                source: text,
                decor: margin.chars().count() + if quote { QUOTE_BAR.chars().count() } else { 0 },
            });
        }
        // Table rows sit together; everything else gets a blank line after.
        let next_is_row = blocks
            .get(i + 1)
            .is_some_and(|n| n.kind == BlockKind::TableRow);
        if !(b.kind == BlockKind::TableRow && next_is_row) {
            out.lines.push(Vec::new());
        }
        i += 1;
    }
    out.blocks.close(out.lines.len());
    out
}

/// The table whose first row is block `first`: its last block, and its
/// column widths fitted to `measure` (from all its rows, so they line up).
pub fn table_at(
    blocks: &[crate::corpus::Block],
    first: usize,
    measure: usize,
) -> (usize, Option<Vec<usize>>) {
    let rows = blocks[first..]
        .iter()
        .take_while(|b| b.kind == BlockKind::TableRow)
        .count();
    let last = first + rows.saturating_sub(1);
    let natural = table::natural_widths(blocks[first..=last].iter().map(|b| b.text.as_str()));
    (last, table::fit(&natural, measure))
}

/// One table row (`text`, drawn as `runs`: the text with any word diff)
/// in its columns, a separator row as a rule; as text with the cells set
/// apart when there is no room for columns.
pub fn table_row_lines(
    text: &str,
    runs: &[(&str, Tag)],
    widths: Option<&[usize]>,
    measure: usize,
) -> Vec<StyledLine> {
    match widths {
        Some(widths) if table::is_rule(text) => vec![table::rule_line(widths, Tag::Dim)],
        Some(widths) => table::row_lines(runs, widths, Tag::Dim),
        None => table::plain_row(runs, measure, Tag::Dim),
    }
}

/// The margin of a block's first line when the block is shared: `=` the
/// same text in another article, `≈` there with edits, `↻` repeated in
/// this article; then `❝` when it holds a quote another article carries.
fn margin_marks(analysis: &Analysis, block: BlockRef, margin: &str) -> Option<StyledLine> {
    if margin.chars().count() != MARGIN {
        return None;
    }
    let shared = match analysis.passages.shared(block) {
        Some(Shared::Verbatim) => ("=", Tag::Mark),
        Some(Shared::Edited) => ("≈", Tag::Mark),
        Some(Shared::Repeated) => ("↻", Tag::Repeat),
        None => (" ", Tag::Text),
    };
    let quotes = &analysis.quotes;
    let quoted = quotes
        .in_block(block)
        .iter()
        .any(|&g| quotes.groups[g].articles() > 1);
    let quote = if quoted {
        ("❝", Tag::Mark)
    } else {
        (" ", Tag::Text)
    };
    (shared.0 != " " || quoted).then(|| {
        vec![
            (shared.0.to_string(), shared.1),
            (quote.0.to_string(), quote.1),
        ]
    })
}

fn indent(margin: &str, mut line: StyledLine) -> StyledLine {
    if !margin.is_empty() && !line.is_empty() {
        line.insert(0, (margin.to_string(), Tag::Text));
    }
    line
}

/// "⋯ 3 blocks folded: metadata; interface phrase “Comments”".
pub fn fold_summary(blocks: &[crate::corpus::Block]) -> String {
    let mut reasons: Vec<String> = Vec::new();
    for b in blocks {
        let r = match (&b.kind, &b.reason) {
            (BlockKind::Metadata, _) => "metadata".to_string(),
            (_, Some(r)) => r.clone(),
            _ => b.kind.name().to_string(),
        };
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    }
    let shown: Vec<&str> = reasons.iter().take(3).map(String::as_str).collect();
    let more = if reasons.len() > 3 {
        format!(" and {} more", reasons.len() - 3)
    } else {
        String::new()
    };
    let n = blocks.len();
    let noun = if n == 1 { "block" } else { "blocks" };
    format!("⋯ {n} {noun} folded: {}{more}", shown.join("; "))
}
