//! The corpus report in Markdown: articles, shared paragraphs, repeats,
//! quotes, events, topic coverage (shade characters) and notes.

use super::corpus_model::{
    ARTICLE_COLUMNS, CorpusReport, QUOTE_CAP, TOPIC_CAP, notes_elsewhere_line, pairs_count,
    quote_places, quotes_summary, shown_pairs, wording,
};
use super::escape::md;
use super::md_pair::note_item;
use super::model::place_label;
use super::text::generated_line;
use super::words::shade;
use crate::analysis::dups::DupPair;
use crate::out::CleanOut;
use crate::outln;
use crate::session::excerpt;

/// Characters of each paragraph quoted under a pair.
pub const EXCERPT_CHARS: usize = 240;

pub fn write(r: &CorpusReport, out: &mut CleanOut) -> anyhow::Result<()> {
    let c = r.corpus;
    let ids = c.short_ids();
    let n = c.articles.len();
    outln!(
        out,
        "# Corpus report: {n} article{}\n",
        if n == 1 { "" } else { "s" }
    )?;
    outln!(out, "{}\n", md(&generated_line(&r.provenance, None)))?;
    articles(r, &ids, out)?;
    pairs(
        r,
        &ids,
        "Shared across articles",
        "near-duplicate paragraph pairs across articles",
        &r.across,
        out,
    )?;
    pairs(
        r,
        &ids,
        "Repeats within articles",
        "paragraphs that repeat an earlier paragraph of the same article",
        &r.within,
        out,
    )?;
    quotes(r, &ids, out)?;
    events(r, &ids, out)?;
    coverage(r, &ids, out)?;
    if let Some(session) = &r.provenance.session {
        outln!(out, "## Notes\n")?;
        if r.notes.is_empty() {
            outln!(
                out,
                "Session {} has no notes on these articles.\n",
                md(session)
            )?;
        } else {
            for note in &r.notes {
                outln!(out, "{}", note_item(note, &ids))?;
            }
            outln!(out)?;
        }
        if let Some(line) = notes_elsewhere_line(r.notes_elsewhere) {
            outln!(out, "{line}\n")?;
        }
    }
    Ok(())
}

fn articles(r: &CorpusReport, ids: &[String], out: &mut CleanOut) -> anyhow::Result<()> {
    outln!(out, "## Articles\n")?;
    let names: Vec<&str> = ARTICLE_COLUMNS.iter().map(|&(name, _)| name).collect();
    let rules: Vec<&str> = ARTICLE_COLUMNS
        .iter()
        .map(|&(_, num)| if num { "---:" } else { "---" })
        .collect();
    outln!(out, "| {} |", names.join(" | "))?;
    outln!(out, "| {} |", rules.join(" | "))?;
    for i in 0..r.corpus.articles.len() {
        let cells = r.article_cells(i, ids).map(|c| md(&c));
        outln!(out, "| {} |", cells.join(" | "))?;
    }
    outln!(
        out,
        "\nShared: paragraphs that near-duplicate a paragraph of another article. \
         Repeats: paragraphs that repeat an earlier one of the same article.\n"
    )?;
    Ok(())
}

fn pairs(
    r: &CorpusReport,
    ids: &[String],
    title: &str,
    what: &str,
    all: &[DupPair],
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    outln!(out, "## {title}\n")?;
    let shown = shown_pairs(all);
    let count = pairs_count(what, all, shown.len());
    outln!(
        out,
        "{count} (Jaccard or containment of word 5-grams ≥ 0.50).\n"
    )?;
    for d in shown {
        outln!(
            out,
            "- **{} ⇄ {}** · jaccard {:.2} · containment {:.2}",
            md(&place_label(ids, d.a)),
            md(&place_label(ids, d.b)),
            d.jaccard,
            d.containment
        )?;
        for at in [d.a, d.b] {
            let text = r.corpus.get(at).map_or("", |b| b.text.as_str());
            outln!(
                out,
                "  - {}: {}",
                md(&place_label(ids, at)),
                md(&excerpt(text, EXCERPT_CHARS))
            )?;
        }
    }
    outln!(out)?;
    Ok(())
}

/// Who is quoted, by whom, in whose words.
fn quotes(r: &CorpusReport, ids: &[String], out: &mut CleanOut) -> anyhow::Result<()> {
    outln!(out, "## Quotes\n")?;
    outln!(out, "{}.\n", md(&quotes_summary(&r.quotes)))?;
    if r.quotes.is_empty() {
        return Ok(());
    }
    outln!(out, "| Quote | Speaker | Carried by | Wording |")?;
    outln!(out, "| --- | --- | --- | --- |")?;
    for q in r.quotes.iter().take(QUOTE_CAP) {
        outln!(
            out,
            "| “{}” | {} | {} | {} |",
            md(&crate::display::wrap::truncate(q.text(), EXCERPT_CHARS)),
            md(q.speaker.as_deref().unwrap_or("–")),
            md(&quote_places(q, ids)),
            md(&wording(q, r.corpus, ids))
        )?;
    }
    outln!(out)?;
    Ok(())
}

/// Which articles report the same story.
fn events(r: &CorpusReport, ids: &[String], out: &mut CleanOut) -> anyhow::Result<()> {
    outln!(out, "## Events\n")?;
    outln!(
        out,
        "{}: the articles that report the same story, from the names, terms and \
         dates they share (`parallax events`).\n",
        crate::display::plural::counted(r.events.len(), "event")
    )?;
    if r.events.is_empty() {
        return Ok(());
    }
    outln!(out, "| # | Event | Articles | Shared topics |")?;
    outln!(out, "| --: | --- | --- | --- |")?;
    for (k, e) in r.events.iter().enumerate() {
        outln!(
            out,
            "| {} | {} | {} | {} |",
            k + 1,
            md(&e.label),
            md(&e.articles_named(ids)),
            md(&e.topics_shown())
        )?;
    }
    outln!(out)?;
    Ok(())
}

fn coverage(r: &CorpusReport, ids: &[String], out: &mut CleanOut) -> anyhow::Result<()> {
    outln!(out, "## Topic coverage\n")?;
    let scope = if r.topics_total > TOPIC_CAP {
        format!(
            "The {} topics covered by the most articles, of {} in the index \
             (`parallax topics` lists all)",
            r.topics.len(),
            r.topics_total
        )
    } else {
        format!(
            "All {} of the index",
            crate::display::plural::counted(r.topics.len(), "topic")
        )
    };
    outln!(
        out,
        "{scope}, most widely covered first. Each cell shows how much the \
         article says on the topic: █ most, ▓, ▒, ░ little, · nothing.\n"
    )?;
    if r.topics.is_empty() {
        return Ok(());
    }
    let heads: Vec<String> = ids.iter().map(|i| md(i)).collect();
    outln!(out, "| Topic | Kind | {} |", heads.join(" | "))?;
    let aligns = vec![":-:"; ids.len()];
    outln!(out, "| --- | --- | {} |", aligns.join(" | "))?;
    for t in &r.topics {
        let cells: Vec<&str> = t.weights.iter().map(|&w| shade(w)).collect();
        outln!(
            out,
            "| {} | {} | {} |",
            md(&t.label),
            t.kind.name(),
            cells.join(" | ")
        )?;
    }
    outln!(out)?;
    Ok(())
}
