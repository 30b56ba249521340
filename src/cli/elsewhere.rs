//! `parallax elsewhere ARTICLE BLOCK`: who reported this paragraph, and
//! in which words. One block against every other article of its event
//! (the reader's `e`): each article's likeliest block for its point, most
//! likely first, with what the two share.
//!
//! JSON: `{"article", "block", "text", "compared", "of", "rows":
//! [{"article", "block", "similarity", "paired", "text", "evidence"}]}`;
//! an article where no block shares a word has `block`, `similarity`,
//! `text` and `evidence` null. `compared` articles were compared, of `of`
//! in the event (at most 32, the nearest in the library). `paired`: `diff`
//! pairs the two at `--threshold`.

use super::CleanOut;
use super::paint::{Paint, Tone, output_width};
use super::{resolve, short_ids};
use crate::analysis::evidence::Explanation;
use crate::analysis::pair::Threshold;
use crate::analysis::partners::elsewhere;
use crate::cache::Bound;
use crate::clean;
use crate::corpus::{BlockRef, Corpus};
use crate::display::score::Score;
use crate::display::wrap::{in_column, truncate, width};
use serde::Serialize;

/// Bad input for `elsewhere`: a block the article does not have.
#[derive(Debug, thiserror::Error)]
#[error(
    "article {article} has {blocks} blocks (0–{last}); there is no block {block} (see `parallax show {article}`)"
)]
struct NoSuchBlock {
    article: String,
    blocks: usize,
    last: usize,
    block: usize,
}

#[derive(Serialize)]
struct RowJson<'a> {
    article: &'a str,
    block: Option<usize>,
    similarity: Option<f64>,
    paired: bool,
    text: Option<&'a str>,
    evidence: Option<&'a Explanation>,
}

#[derive(Serialize)]
struct ElsewhereJson<'a> {
    article: &'a str,
    block: usize,
    text: &'a str,
    compared: usize,
    of: usize,
    rows: Vec<RowJson<'a>>,
}

pub fn print(
    corpus: &Corpus,
    cache: &Bound,
    (article, block): (&str, usize),
    threshold: Threshold,
    json: bool,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let a = resolve(corpus, article)?;
    let art = &corpus.articles[a];
    let Some(source) = art.blocks.get(block) else {
        return Err(NoSuchBlock {
            article: art.id.clone(),
            blocks: art.blocks.len(),
            last: art.blocks.len().saturating_sub(1),
            block,
        }
        .into());
    };
    // Through the analysis cache: the IDF and the events of a corpus
    // opened before cost nothing.
    let related = cache.related();
    let topics = cache.topics();
    let events = cache.events(&topics);
    let (rows, of) = elsewhere(
        corpus,
        &related,
        &events,
        BlockRef::new(a, block),
        threshold,
    );
    let text_of = |article: usize, b: Option<usize>| {
        let block = corpus.get(BlockRef::new(article, b?))?;
        Some(block.text.as_str())
    };
    if json {
        let doc = ElsewhereJson {
            article: &art.id,
            block,
            text: &source.text,
            compared: rows.len(),
            of,
            rows: rows
                .iter()
                .map(|r| {
                    let b = r.partner.map(|p| p.block);
                    RowJson {
                        article: &corpus.articles[r.article].id,
                        block: b,
                        similarity: r.partner.map(|p| p.similarity),
                        paired: r.paired,
                        text: text_of(r.article, b),
                        evidence: r.explanation.as_ref(),
                    }
                })
                .collect(),
        };
        return out.json(&doc);
    }
    let w = output_width();
    let ids = short_ids(corpus);
    let head = clean!(
        "{} #{block}  {}",
        ids[a],
        truncate(&source.text, w.saturating_sub(10))
    );
    out.line(&paint.paint(Tone::Bold, &head))?;
    let of_note = if of > rows.len() {
        format!(" (the {} nearest of {of})", rows.len())
    } else {
        String::new()
    };
    let note =
        clean!("likeliest block per article of its event{of_note} · ↔ paired at {threshold}");
    out.line(&paint.paint(Tone::Dim, &clean!("{}", truncate(note.as_str(), w))))?;
    if rows.is_empty() {
        let line = clean!("no other article in its event to look in");
        out.line(&paint.paint(Tone::Dim, &line))?;
        return Ok(());
    }
    let outlet_of = |a: usize| corpus.articles[a].meta.outlet.as_deref().unwrap_or("–");
    // Outlets in one column, as wide as the widest (within reason).
    let outlet_w = rows
        .iter()
        .map(|r| width(outlet_of(r.article)))
        .max()
        .unwrap_or(1)
        .min(16);
    for r in &rows {
        let outlet = in_column(outlet_of(r.article), outlet_w);
        let Some(p) = r.partner else {
            let line = clean!(
                "     –  {}  {}  no block shares a word",
                ids[r.article],
                outlet
            );
            out.line(&paint.paint(Tone::Dim, &clean!("{}", truncate(line.as_str(), w))))?;
            continue;
        };
        let mark = if r.paired { "↔" } else { " " };
        // `id #n`, as the reader's Elsewhere view and the other commands
        // write a block.
        let place = format!("{} #{}", ids[r.article], p.block);
        let lead = format!("{mark} {}  {place:<9} {outlet}  ", Score(p.similarity));
        let room = w.saturating_sub(width(&lead));
        let text = text_of(r.article, Some(p.block)).unwrap_or("");
        let shown = if room >= 8 {
            truncate(text, room)
        } else {
            String::new()
        };
        out.line(&clean!("{lead}{shown}"))?;
        let why = r
            .explanation
            .as_ref()
            .map(Explanation::summary)
            .unwrap_or_default();
        if !why.is_empty() {
            let line = clean!(
                "        why: {}",
                truncate(&why, w.saturating_sub(13).max(20))
            );
            out.line(&paint.paint(Tone::Dim, &line))?;
        }
    }
    Ok(())
}
