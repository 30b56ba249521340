//! The corpus report as one HTML page: articles, shared paragraphs,
//! repeats, the topic coverage table (shaded cells) and notes.

use super::corpus_model::{
    ARTICLE_COLUMNS, CorpusReport, QUOTE_CAP, TOPIC_CAP, notes_elsewhere_line, pairs_count,
    quote_places, quotes_summary, shown_pairs, wording,
};
use super::escape::html;
use super::html_page::page;
use super::md_corpus::EXCERPT_CHARS;
use super::model::{note_place, place_label};
use super::text::generated_line;
use super::words::shade;
use crate::analysis::dups::DupPair;
use crate::out::CleanOut;
use crate::session::{excerpt, format_utc};
use std::fmt::Write as _;

pub fn write(r: &CorpusReport, out: &mut CleanOut) -> anyhow::Result<()> {
    let ids = r.corpus.short_ids();
    let n = r.corpus.articles.len();
    let title = format!(
        "Corpus report: {n} article{}",
        if n == 1 { "" } else { "s" }
    );
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<header>\n<h1>{}</h1>\n<p class=\"lede\">{}</p>\n</header>",
        html(&title),
        html(&generated_line(&r.provenance, None))
    );
    articles(r, &ids, &mut b);
    pairs(
        r,
        &ids,
        "Shared across articles",
        "near-duplicate paragraph pairs across articles",
        &r.across,
        &mut b,
    );
    pairs(
        r,
        &ids,
        "Repeats within articles",
        "paragraphs that repeat an earlier paragraph of the same article",
        &r.within,
        &mut b,
    );
    quotes(r, &ids, &mut b);
    events(r, &ids, &mut b);
    coverage(r, &ids, &mut b);
    if let Some(session) = &r.provenance.session {
        notes(r, session, &ids, &mut b);
    }
    page(&title, &b, out)
}

fn articles(r: &CorpusReport, ids: &[String], b: &mut String) {
    b.push_str("<section>\n<h2>Articles</h2>\n<table class=\"articles\">\n<thead><tr>");
    for (h, num) in ARTICLE_COLUMNS {
        let class = if num { " class=\"num\"" } else { "" };
        let _ = write!(b, "<th scope=\"col\"{class}>{h}</th>");
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for i in 0..r.corpus.articles.len() {
        b.push_str("<tr>");
        for (k, (cell, (_, num))) in r
            .article_cells(i, ids)
            .iter()
            .zip(ARTICLE_COLUMNS)
            .enumerate()
        {
            let class = if num { " class=\"num\"" } else { "" };
            // The id is code: what a command takes.
            let (open, close) = if k == 0 {
                ("<code>", "</code>")
            } else {
                ("", "")
            };
            let _ = write!(b, "<td{class}>{open}{}{close}</td>", html(cell));
        }
        b.push_str("</tr>\n");
    }
    b.push_str(
        "</tbody>\n</table>\n<p class=\"summary\">Shared: paragraphs that near-duplicate a \
         paragraph of another article. Repeats: paragraphs that repeat an earlier one of \
         the same article.</p>\n</section>\n",
    );
}

fn pairs(
    r: &CorpusReport,
    ids: &[String],
    title: &str,
    what: &str,
    all: &[DupPair],
    b: &mut String,
) {
    let shown = shown_pairs(all);
    let count = pairs_count(what, all, shown.len());
    let _ = writeln!(
        b,
        "<section>\n<h2>{title}</h2>\n<p class=\"summary\">{} (Jaccard or containment of \
         word 5-grams ≥ 0.50).</p>",
        html(&count)
    );
    if shown.is_empty() {
        b.push_str("</section>\n");
        return;
    }
    b.push_str(
        "<table class=\"pairs\">\n<thead><tr><th scope=\"col\">Blocks</th>\
         <th scope=\"col\" class=\"num\">Jaccard</th><th scope=\"col\" class=\"num\">Containment</th>\
         <th scope=\"col\">Text</th></tr></thead>\n<tbody>\n",
    );
    for d in shown {
        let quote = |at| {
            let text = r.corpus.get(at).map_or("", |bl| bl.text.as_str());
            format!(
                "<p><strong>{}</strong>: {}</p>",
                html(&place_label(ids, at)),
                html(&excerpt(text, EXCERPT_CHARS))
            )
        };
        let _ = writeln!(
            b,
            "<tr><td>{} ⇄ {}</td><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td><td>{}{}</td></tr>",
            html(&place_label(ids, d.a)),
            html(&place_label(ids, d.b)),
            d.jaccard,
            d.containment,
            quote(d.a),
            quote(d.b)
        );
    }
    b.push_str("</tbody>\n</table>\n</section>\n");
}

/// Who is quoted, by whom, in whose words.
fn quotes(r: &CorpusReport, ids: &[String], b: &mut String) {
    let _ = writeln!(
        b,
        "<section>\n<h2>Quotes</h2>\n<p class=\"summary\">{}.</p>",
        html(&quotes_summary(&r.quotes))
    );
    if r.quotes.is_empty() {
        b.push_str("</section>\n");
        return;
    }
    b.push_str(
        "<table class=\"quotes\">\n<thead><tr><th scope=\"col\">Quote</th>\
         <th scope=\"col\">Speaker</th><th scope=\"col\">Carried by</th>\
         <th scope=\"col\">Wording</th></tr></thead>\n<tbody>\n",
    );
    for q in r.quotes.iter().take(QUOTE_CAP) {
        let _ = writeln!(
            b,
            "<tr><td>“{}”</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html(q.text()),
            html(q.speaker.as_deref().unwrap_or("–")),
            html(&quote_places(q, ids)),
            html(&wording(q, r.corpus, ids))
        );
    }
    b.push_str("</tbody>\n</table>\n</section>\n");
}

/// Which articles report the same story.
fn events(r: &CorpusReport, ids: &[String], b: &mut String) {
    let _ = writeln!(
        b,
        "<section>\n<h2>Events</h2>\n<p class=\"summary\">{}: the articles that report \
         the same story, from the names, terms and dates they share.</p>",
        html(&crate::display::plural::counted(r.events.len(), "event"))
    );
    if r.events.is_empty() {
        b.push_str("</section>\n");
        return;
    }
    b.push_str(
        "<table class=\"events\">\n<thead><tr><th scope=\"col\">#</th>\
         <th scope=\"col\">Event</th><th scope=\"col\">Articles</th>\
         <th scope=\"col\">Shared topics</th></tr></thead>\n<tbody>\n",
    );
    for (k, e) in r.events.iter().enumerate() {
        let _ = writeln!(
            b,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            k + 1,
            html(&e.label),
            html(&e.articles_named(ids)),
            html(&e.topics_shown())
        );
    }
    b.push_str("</tbody>\n</table>\n</section>\n");
}

fn coverage(r: &CorpusReport, ids: &[String], b: &mut String) {
    let scope = if r.topics_total > TOPIC_CAP {
        format!(
            "The {} topics covered by the most articles, of {} in the index \
             (parallax topics lists all)",
            r.topics.len(),
            r.topics_total
        )
    } else {
        format!(
            "All {} of the index",
            crate::display::plural::counted(r.topics.len(), "topic")
        )
    };
    let _ = writeln!(
        b,
        "<section>\n<h2>Topic coverage</h2>\n<p class=\"summary\">{}, most widely covered \
         first. Each cell shows how much the article says on the topic: █ most, ▓, ▒, \
         ░ little, · nothing.</p>",
        html(&scope)
    );
    if r.topics.is_empty() {
        b.push_str("</section>\n");
        return;
    }
    b.push_str("<table class=\"coverage\">\n<thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Kind</th>");
    for (i, a) in r.corpus.articles.iter().enumerate() {
        let _ = write!(
            b,
            "<th scope=\"col\" class=\"art\" title=\"{}\">{}</th>",
            html(a.label()),
            html(&ids[i])
        );
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for t in &r.topics {
        let _ = write!(
            b,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            html(&t.label),
            t.kind.name()
        );
        for &w in &t.weights {
            let level = match w {
                w if w >= 0.75 => 4,
                w if w >= 0.5 => 3,
                w if w >= 0.25 => 2,
                w if w > 0.0 => 1,
                _ => 0,
            };
            let _ = write!(
                b,
                "<td class=\"cell w{level}\" title=\"{w:.2}\">{}</td>",
                shade(w)
            );
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</tbody>\n</table>\n</section>\n");
}

fn notes(r: &CorpusReport, session: &str, ids: &[String], b: &mut String) {
    b.push_str("<section>\n<h2>Notes</h2>\n");
    if let Some(line) = notes_elsewhere_line(r.notes_elsewhere) {
        let _ = writeln!(b, "<p>{}</p>", html(&line));
    }
    if r.notes.is_empty() {
        let _ = writeln!(
            b,
            "<p>Session <code>{}</code> has no notes on these articles.</p>",
            html(session)
        );
        b.push_str("</section>\n");
        return;
    }
    b.push_str("<ol class=\"notes\">\n");
    for n in &r.notes {
        let bm = &n.bookmark;
        let places: Vec<String> = n.places().map(|p| note_place(ids, p)).collect();
        let _ = writeln!(
            b,
            "<li id=\"note-{id}\"><p><strong>Note {id}</strong> · {} · {} · {}</p>\n<p>{}</p>",
            bm.view.name(),
            format_utc(bm.created),
            html(&places.join(" ⇄ ")),
            html(&bm.note),
            id = bm.id
        );
        if !n.quoted().is_empty() {
            let _ = writeln!(b, "<blockquote>{}</blockquote>", html(n.quoted()));
        }
        b.push_str("</li>\n");
    }
    b.push_str("</ol>\n</section>\n");
}
