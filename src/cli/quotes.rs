//! `parallax quotes`: every quoted passage grouped across articles, with
//! its speaker, the outlets that carry it, and whether their wording
//! differs.

use super::CleanOut;
use super::paint::{Paint, Tone, output_width};
use super::short_ids;
use crate::analysis::quotes::{QuoteGroup, Variant};
use crate::cache::Bound;
use crate::clean;
use crate::corpus::Corpus;
use crate::display::plural::counted;
use crate::display::wrap::truncate;
use serde::Serialize;

/// One occurrence in JSON (a contract: keep the keys; `start`/`end` are
/// byte offsets of the quoted text in the block's text).
#[derive(Debug, Serialize)]
struct OccurrenceJson<'a> {
    article: &'a str,
    block: usize,
    text: &'a str,
    start: usize,
    end: usize,
    outlet: Option<&'a str>,
    speaker: Option<&'a str>,
    variant: Variant,
    continued: bool,
}

#[derive(Debug, Serialize)]
struct GroupJson<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    occurrences: Vec<OccurrenceJson<'a>>,
    altered: bool,
    trimmed: bool,
    articles: usize,
}

pub fn print(
    corpus: &Corpus,
    cache: &Bound,
    json: bool,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    // Through the analysis cache: a corpus opened before costs nothing.
    let groups = cache.quotes().groups;
    if json {
        let rows = groups.iter().map(|g| group_json(corpus, g));
        return out.json_seq(rows);
    }
    print_human(corpus, &groups, paint, out)
}

fn group_json<'a>(corpus: &'a Corpus, g: &'a QuoteGroup) -> GroupJson<'a> {
    let occurrences = g
        .quotes
        .iter()
        .zip(&g.variants)
        .map(|(q, &variant)| {
            let article = corpus.articles.get(q.at.article);
            OccurrenceJson {
                article: article.map_or("", |a| a.id.as_str()),
                block: q.at.block,
                text: &q.text,
                start: q.start,
                end: q.end,
                outlet: article.and_then(|a| a.meta.outlet.as_deref()),
                speaker: q.speaker.as_deref(),
                variant,
                continued: q.continued,
            }
        })
        .collect();
    GroupJson {
        text: g.text(),
        speaker: g.speaker.as_deref(),
        occurrences,
        altered: g.altered(),
        trimmed: g.trimmed(),
        articles: g.articles(),
    }
}

/// Each group as the quote (truncated to the width), then who said it and
/// where it stands: outlet, article and block, and how each copy differs.
fn print_human(
    corpus: &Corpus,
    groups: &[QuoteGroup],
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let ids = short_ids(corpus);
    let width = output_width().max(20);
    for (n, g) in groups.iter().enumerate() {
        if n > 0 {
            out.blank()?;
        }
        let mark = if g.altered() { "≠ " } else { "" };
        let quote = clean!("{mark}“{}”", truncate(g.text(), width.saturating_sub(4)));
        out.line(&paint.paint(Tone::Bold, &quote))?;
        let places: Vec<String> = g
            .quotes
            .iter()
            .zip(&g.variants)
            .map(|(q, v)| {
                let a = &corpus.articles[q.at.article];
                let outlet = a.meta.outlet.as_deref().unwrap_or("–");
                let id = ids.get(q.at.article).map_or("?", String::as_str);
                let how = match v {
                    Variant::Same => "",
                    Variant::Trimmed => " trimmed",
                    Variant::Altered => " altered",
                };
                format!("{outlet} {id} #{}{how}", q.at.block)
            })
            .collect();
        let who = g.speaker.as_deref().unwrap_or("speaker not named");
        let state = if g.altered() { " · altered" } else { "" };
        // The count first: a narrow terminal cuts the list, never it.
        let line = clean!(
            "  — {who}{state} · {}: {}",
            counted(g.articles(), "article"),
            places.join(", ")
        );
        out.line(&paint.paint(Tone::Dim, &line.truncated(width)))?;
    }
    if !groups.is_empty() {
        out.blank()?;
    }
    let shared = groups.iter().filter(|g| g.articles() > 1).count();
    let altered = groups.iter().filter(|g| g.altered()).count();
    let count = clean!(
        "{} quote{} ({shared} in more than one article, {altered} altered)",
        groups.len(),
        if groups.len() == 1 { "" } else { "s" },
    );
    out.line(&paint.paint(Tone::Dim, &count))?;
    Ok(())
}
