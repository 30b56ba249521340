//! `parallax show`: one article's blocks with index and kind.

use super::CleanOut;
use super::paint::{Paint, Tone, output_width};
use super::resolve;
use crate::corpus::{BlockKind, Corpus};
use crate::display::wrap::wrap_text;
use crate::report::ArticleRow;
use crate::{clean, outln};
use serde::Serialize;

#[derive(Serialize)]
struct BlockRow<'a> {
    index: usize,
    kind: BlockKind,
    text: &'a str,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    article: ArticleRow<'a>,
    block_count: usize,
    blocks: Vec<BlockRow<'a>>,
}

/// Width of the "index kind " gutter before block text.
const GUTTER: usize = 17;

pub fn print(
    corpus: &Corpus,
    query: &str,
    json: bool,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let a = &corpus.articles[resolve(corpus, query)?];
    if json {
        let doc = ShowJson {
            article: ArticleRow {
                blocks: None,
                ..ArticleRow::new(a)
            },
            block_count: a.blocks.len(),
            blocks: a
                .blocks
                .iter()
                .enumerate()
                .map(|(index, b)| BlockRow {
                    index,
                    kind: b.kind,
                    text: &b.text,
                    reason: b.reason.as_deref(),
                })
                .collect(),
        };
        return out.json(&doc);
    }
    let dash = |s: Option<&str>| s.unwrap_or("–").to_string();
    out.line(&paint.paint(Tone::Bold, &clean!("{}", a.label())))?;
    let facts = [
        dash(a.meta.outlet.as_deref()),
        dash(a.meta.date.as_deref()),
        a.meta
            .read_minutes
            .map_or("–".into(), |m| format!("{m} min read")),
        crate::display::plural::counted(a.meta.words, "word"),
        format!("id {}", a.id),
    ];
    // One line when it fits the width; a long id or outlet goes on to the
    // next at a separator, never cut.
    let width = output_width();
    let mut line = String::new();
    for fact in facts {
        let joined = if line.is_empty() {
            fact.clone()
        } else {
            format!("{line}  ·  {fact}")
        };
        if !line.is_empty() && crate::display::wrap::width(&joined) > width {
            outln!(out, "{line}")?;
            line = fact;
        } else {
            line = joined;
        }
    }
    outln!(out, "{line}")?;
    if let Some(by) = &a.meta.byline {
        outln!(out, "by {by}")?;
    }
    out.blank()?;
    let text_w = output_width().saturating_sub(GUTTER).max(20);
    for (i, b) in a.blocks.iter().enumerate() {
        let tone = match b.kind {
            BlockKind::Heading => Some(Tone::Heading),
            BlockKind::Boilerplate | BlockKind::Metadata => Some(Tone::Dim),
            _ => None,
        };
        let mut text = b.text.clone();
        if let Some(r) = &b.reason {
            text.push_str(&format!("  [{r}]"));
        }
        for (n, line) in wrap_text(&text, text_w).iter().enumerate() {
            let gutter = if n == 0 {
                format!("{i:>4} {:<11} ", b.kind.name())
            } else {
                " ".repeat(GUTTER)
            };
            let line = clean!("{line}");
            let line = tone.map_or(line.clone(), |t| paint.paint(t, &line));
            out.line(&(paint.paint(Tone::Dim, &clean!("{gutter}")) + line))?;
        }
    }
    Ok(())
}
