//! `parallax list`: one row per article.

use super::CleanOut;
use super::paint::{Paint, Tone, output_width};
use super::short_ids;
use crate::clean;
use crate::corpus::Corpus;
use crate::display::wrap::{truncate, width};
use crate::report::ArticleRow;

pub fn print(corpus: &Corpus, json: bool, paint: Paint, out: &mut CleanOut) -> anyhow::Result<()> {
    if json {
        let rows: Vec<ArticleRow> = corpus.articles.iter().map(ArticleRow::new).collect();
        return out.json(&rows);
    }
    let ids = short_ids(corpus);
    let id_w = ids.iter().map(|i| width(i)).max().unwrap_or(2).max(2);
    let outlets: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| truncate(a.meta.outlet.as_deref().unwrap_or("–"), 14))
        .collect();
    let outlet_w = outlets.iter().map(|o| width(o)).max().unwrap_or(6).max(6);
    let dates: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.meta.date_in_column().unwrap_or_else(|| "–".into()))
        .collect();
    let date_w = dates
        .iter()
        .map(|d| width(d))
        .max()
        .unwrap_or(4)
        .clamp(4, 12);
    // Counts as wide as the largest (a long record can pass 99,999 words).
    let digits = |n: usize| n.to_string().len();
    let most = |f: fn(&crate::corpus::Article) -> usize| {
        corpus.articles.iter().map(f).max().map_or(1, digits)
    };
    let words_w = most(|a| a.meta.words).max(5);
    let blocks_w = most(|a| a.blocks.len()).max(6);
    // id, title, outlet, date, min(3), words, blocks, with gaps.
    let fixed = id_w + outlet_w + date_w + 3 + words_w + blocks_w + 12;
    let title_w = output_width().saturating_sub(fixed).max(12);
    let header = format!(
        "{:<id_w$}  {:<title_w$}  {:<outlet_w$}  {:<date_w$}  {:>3}  {:>words_w$}  {:>blocks_w$}",
        "ID", "TITLE", "OUTLET", "DATE", "MIN", "WORDS", "BLOCKS"
    );
    out.line(&paint.paint(Tone::Bold, &clean!("{}", header.trim_end())))?;
    for (((a, id), outlet), date) in corpus.articles.iter().zip(&ids).zip(&outlets).zip(&dates) {
        let title = truncate(a.label(), title_w);
        let pad = title_w.saturating_sub(width(&title));
        let minutes = a
            .meta
            .read_minutes
            .map_or("–".to_string(), |m| m.to_string());
        let rest = clean!(
            "  {}{}  {}{}  {:<date_w$}  {:>3}  {:>words_w$}  {:>blocks_w$}",
            title,
            " ".repeat(pad),
            outlet,
            " ".repeat(outlet_w.saturating_sub(width(outlet))),
            truncate(date, date_w),
            minutes,
            a.meta.words,
            a.blocks.len()
        );
        out.line(&(paint.paint(Tone::Accent, &clean!("{id:<id_w$}")) + rest))?;
    }
    Ok(())
}
