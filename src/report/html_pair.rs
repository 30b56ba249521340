//! The pair report as one HTML page: metadata, notes, then the two
//! articles side by side, row by row, deleted words in `<del>` on the left
//! and inserted words in `<ins>` on the right.

use super::escape::html;
use super::fold::Item;
use super::html_page::page;
use super::model::{Note, note_place};
use super::pair_model::{PairReport, row_label};
use super::text::{generated_line, metadata_rows};
use crate::analysis::align::RowKind;
use crate::analysis::diff::{DiffOp, OpTag};
use crate::out::CleanOut;
use crate::session::format_utc;
use std::fmt::Write as _;

pub fn write(r: &PairReport, out: &mut CleanOut) -> anyhow::Result<()> {
    let ids = r.corpus.short_ids();
    let (la, ra) = (&r.corpus.articles[r.left], &r.corpus.articles[r.right]);
    let title = format!("Comparison: {} ⇄ {}", ids[r.left], ids[r.right]);
    let mut b = String::new();
    let _ = writeln!(b, "<header>\n<h1>{}</h1>", html(&title));
    let _ = writeln!(
        b,
        "<p class=\"lede\">{}</p>",
        html(&generated_line(&r.provenance, Some(&r.opts)))
    );
    let _ = writeln!(
        b,
        "<p class=\"legend\"><del>Struck</del> words are only in the left article \
         ({}); <ins>underlined</ins> words only in the right ({}).</p>\n</header>",
        html(&ids[r.left]),
        html(&ids[r.right])
    );
    b.push_str("<section>\n<h2>Articles</h2>\n<table class=\"meta\">\n");
    b.push_str("<thead><tr><th></th><th scope=\"col\">Left</th><th scope=\"col\">Right</th></tr></thead>\n<tbody>\n");
    for (field, l, rt) in metadata_rows(la, ra) {
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\">{field}</th><td>{}</td><td>{}</td></tr>",
            html(&l),
            html(&rt)
        );
    }
    b.push_str("</tbody>\n</table>\n</section>\n");
    if r.provenance.session.is_some() {
        notes(r, &ids, &mut b);
    }
    rows(r, &ids, &mut b);
    page(&title, &b, out)
}

fn notes(r: &PairReport, ids: &[String], b: &mut String) {
    b.push_str("<section>\n<h2>Notes</h2>\n");
    if r.notes.is_empty() {
        let session = r.provenance.session.as_deref().unwrap_or_default();
        let _ = writeln!(
            b,
            "<p>No notes on these two articles in session <code>{}</code>.</p>",
            html(session)
        );
    } else {
        b.push_str("<ol class=\"notes\">\n");
        for n in &r.notes {
            note_item(r, n, ids, b);
        }
        b.push_str("</ol>\n");
    }
    b.push_str("</section>\n");
}

fn note_item(r: &PairReport, n: &Note, ids: &[String], b: &mut String) {
    let bm = &n.bookmark;
    let places: Vec<String> = n
        .places()
        .map(|p| {
            let label = html(&note_place(ids, p));
            match p.at.and_then(|at| row_of(r, at.article, at.block)) {
                Some(k) => format!("<a href=\"#row-{k}\">{label}</a>"),
                None => label,
            }
        })
        .collect();
    let _ = writeln!(
        b,
        "<li id=\"note-{id}\"><p><strong>Note {id}</strong> · {} · {} · {}</p>\n<p>{}</p>",
        bm.view.name(),
        format_utc(bm.created),
        places.join(" ⇄ "),
        html(&bm.note),
        id = bm.id
    );
    if !n.quoted().is_empty() {
        let _ = writeln!(b, "<blockquote>{}</blockquote>", html(n.quoted()));
    }
    b.push_str("</li>\n");
}

/// The alignment row showing block `block` of article `article`.
fn row_of(r: &PairReport, article: usize, block: usize) -> Option<usize> {
    r.alignment.rows.iter().position(|row| {
        (article == r.left && row.left == Some(block))
            || (article == r.right && row.right == Some(block))
    })
}

fn rows(r: &PairReport, ids: &[String], b: &mut String) {
    let _ = writeln!(
        b,
        "<section>\n<h2>Rows</h2>\n<p class=\"summary\">{}</p>",
        html(&r.summary())
    );
    b.push_str("<table class=\"rows\">\n<thead><tr>");
    for i in [r.left, r.right] {
        let a = &r.corpus.articles[i];
        let _ = write!(
            b,
            "<th scope=\"col\">{} · {}</th>",
            html(&ids[i]),
            html(a.label())
        );
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for item in r.items() {
        match item {
            Item::Fold(fold) => {
                let _ = writeln!(
                    b,
                    "<tr class=\"fold\"><td colspan=\"2\">{}</td></tr>",
                    html(&fold.text())
                );
            }
            Item::Row(k) => row(r, k, b),
        }
    }
    b.push_str("</tbody>\n</table>\n</section>\n");
}

fn row(r: &PairReport, k: usize, b: &mut String) {
    let Some(row) = r.alignment.rows.get(k) else {
        return;
    };
    let (lb, rb) = r.blocks(row);
    let class = row.kind.name().replace('_', "-");
    let mut label = html(&row_label(row, lb, rb));
    for id in r.notes_at(row) {
        let _ = write!(
            label,
            "<a class=\"noteref\" href=\"#note-{id}\">note {id}</a>"
        );
    }
    if let Some(why) = r.why(row) {
        let _ = write!(label, "<span class=\"why\">why: {}</span>", html(&why));
    }
    let _ = writeln!(
        b,
        "<tr class=\"label {class}\" id=\"row-{k}\"><th colspan=\"2\">{label}</th></tr>"
    );
    let ops = r.ops.get(k).map_or(&[][..], Vec::as_slice);
    let (left, right) = match (lb, rb) {
        (Some(_), Some(_)) => (marked(ops, OpTag::Delete), marked(ops, OpTag::Insert)),
        (Some(l), None) => (html(&l.text), String::new()),
        (None, Some(rt)) => (String::new(), html(&rt.text)),
        (None, None) => return,
    };
    let cell = |text: &str, empty: bool| {
        if empty {
            "<td class=\"gap\"></td>".to_string()
        } else {
            format!("<td>{text}</td>")
        }
    };
    let _ = writeln!(
        b,
        "<tr class=\"{class}\">{}{}</tr>",
        cell(&left, row.kind == RowKind::RightOnly),
        cell(&right, row.kind == RowKind::LeftOnly)
    );
}

/// One side of a paired row: equal text plain, that side's changes marked.
fn marked(ops: &[DiffOp], side: OpTag) -> String {
    let mut out = String::new();
    for op in ops {
        match op.tag {
            OpTag::Equal => out.push_str(&html(&op.text)),
            t if t != side => {}
            OpTag::Delete => {
                let _ = write!(out, "<del>{}</del>", html(&op.text));
            }
            _ => {
                let _ = write!(out, "<ins>{}</ins>", html(&op.text));
            }
        }
    }
    out
}
