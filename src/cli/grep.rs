//! `parallax grep PHRASE`: a phrase found in every article, as the
//! reader's `F` finds it (case-smart, quotes, dashes and spaces folded),
//! one line of context per hit under a line per article.

use super::paint::{Paint, Tone, output_width};
use super::{CleanOut, InputError, NothingFound, short_ids};
use crate::analysis::find::{FindIndex, Query};
use crate::clean;
use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
use crate::display::context::context;
use serde::Serialize;

/// Columns of context in JSON.
const JSON_CONTEXT: usize = 120;

/// One hit in JSON (a contract: keep the keys).
#[derive(Debug, Serialize)]
struct HitJson<'a> {
    article: &'a str,
    block: usize,
    /// Byte offsets of the hit in the block's text.
    start: usize,
    end: usize,
    context: String,
}

pub fn print(
    corpus: &Corpus,
    phrase: &str,
    json: bool,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let Some(query) = Query::new(phrase) else {
        return Err(InputError(
            "nothing to find: give a phrase, e.g. parallax grep \"alaska summit\"".into(),
        )
        .into());
    };
    let found = FindIndex::build(corpus).search(corpus, &query, usize::MAX);
    let text = |b| corpus.get(b).map_or("", |b| b.text.as_str());
    if json {
        let rows = found.hits.iter().map(|h| {
            let c = context(text(h.block), h.start, h.end, JSON_CONTEXT);
            HitJson {
                article: corpus.articles[h.block.article].id.as_str(),
                block: h.block.block,
                start: h.start,
                end: h.end,
                context: format!("{}{}{}", c.before, c.hit, c.after),
            }
        });
        out.json_seq(rows)?;
        return found_any(&found);
    }
    let ids = short_ids(corpus);
    let width = output_width();
    let mut article = None;
    for h in &found.hits {
        let a = h.block.article;
        if article != Some(a) {
            if article.is_some() {
                out.blank()?;
            }
            article = Some(a);
            let x = &corpus.articles[a];
            let head = clean!(
                "{} · {} · {}",
                ids[a],
                x.meta.outlet.as_deref().unwrap_or("–"),
                x.label()
            );
            out.line(&paint.paint(
                Tone::Bold,
                &Clean::line(&crate::display::wrap::truncate(&head, width)),
            ))?;
        }
        let label = format!("  #{:<4} ", h.block.block);
        let c = context(
            text(h.block),
            h.start,
            h.end,
            width.saturating_sub(label.len()),
        );
        let line = paint.paint(Tone::Dim, &Clean::line(&label))
            + Clean::line(&c.before)
            + paint.paint(Tone::Accent, &Clean::line(&c.hit))
            + Clean::line(&c.after);
        out.line(&line)?;
    }
    if article.is_some() {
        out.blank()?;
    }
    let hits = if found.total == 1 { "hit" } else { "hits" };
    let articles = if found.articles == 1 {
        "article"
    } else {
        "articles"
    };
    out.line(&clean!(
        "{} {hits} in {} {articles}",
        found.total,
        found.articles
    ))?;
    found_any(&found)
}

/// Exit code 1 when there is no hit, as grep(1) has it.
fn found_any(found: &crate::analysis::find::CorpusHits) -> anyhow::Result<()> {
    if found.total == 0 {
        return Err(NothingFound.into());
    }
    Ok(())
}
