//! Drawing the coverage matrix: two header rows (outlet, then the short id
//! that tells articles of one outlet apart), a row per topic with a cell
//! per article (shade and count), and the status line.

use super::super::text::coverage_note;
use super::super::title::{Part, fit};
use super::{CELL, HEADER_ROWS, Matrix};
use crate::analysis::topics::Topic;
use crate::display::wrap::{truncate, width};
use crate::ui::action::ViewId;
use crate::ui::geometry::Geometry;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The label column's width, and how many article columns fit beside it.
fn layout(w: usize) -> (usize, usize) {
    let label_w = (w / 3).clamp(10, 40);
    let cols = (w.saturating_sub(label_w + 1) / CELL).max(1);
    (label_w, cols)
}

/// A cell: the shade, then the count ("███  12 "); a dot when the article
/// says nothing on the topic.
fn cell(topic: &Topic, article: usize, glyph: &str) -> String {
    match topic.count(article) {
        0 => format!("{glyph}{:w$}", "", w = CELL - 3),
        n => format!("{glyph}{:>4} ", n.min(9999)),
    }
}

pub fn draw(m: &Matrix, frame: &mut Frame, g: &Geometry, cx: &Shared) {
    let (header_row, under) = g.headed();
    let theme = &cx.theme;
    let w = usize::from(g.body.width);
    let (label_w, fit) = layout(w);
    let first_col = m.col.saturating_sub(fit - 1);
    let shown: Vec<(usize, usize)> = m
        .cols
        .iter()
        .copied()
        .enumerate()
        .skip(first_col)
        .take(fit)
        .collect();
    // Header rows: outlet, then id.
    let heads: [Box<dyn Fn(usize) -> String>; HEADER_ROWS] = [
        Box::new(|a: usize| m.outlets.get(a).cloned().unwrap_or_default()),
        Box::new(|a: usize| m.ids.get(a).cloned().unwrap_or_default()),
    ];
    let id_row = Rect { height: 1, ..under };
    for (k, (head, area)) in heads.iter().zip([header_row, id_row]).enumerate() {
        let caption = if k == 0 { "OUTLET" } else { "ID" };
        let mut spans = vec![Span::styled(
            format!("{caption:>label_w$} "),
            theme.style(Tag::Dim),
        )];
        for &(i, a) in &shown {
            let text = truncate(&head(a), CELL - 1);
            let tag = if i == m.col {
                Tag::Selected
            } else {
                Tag::Accent
            };
            let pad = " ".repeat(CELL - 1 - width(&text));
            spans.push(Span::styled(format!("{text}{pad}"), theme.style(tag)));
            spans.push(Span::raw(" "));
        }
        frame.render_widget(Line::from(spans), area);
    }
    let rows_area = Rect {
        y: under.y + 1,
        height: under.height.saturating_sub(1),
        ..under
    };
    let rows = usize::from(rows_area.height);
    if m.list.is_empty() && m.list.is_on() && rows > 0 {
        let note = "No topic matches the filter (esc shows all).";
        let area = Rect {
            height: 1,
            ..rows_area
        };
        frame.render_widget(Line::styled(truncate(note, w), theme.style(Tag::Dim)), area);
    }
    let selected = m.list.row();
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for i in (first..m.list.len()).take(rows) {
        let Some(t) = m.topic_at(i) else { continue };
        let topic = &cx.analysis.topics.topics[t];
        let y = rows_area.y + (i - first) as u16;
        let label = truncate(&topic.label, label_w);
        let row_tag = if i == selected {
            Tag::Selected
        } else {
            Tag::Text
        };
        let mut spans = vec![
            Span::styled(label.clone(), theme.style(row_tag)),
            Span::raw(" ".repeat(label_w + 1 - width(&label))),
        ];
        for &(c, a) in &shown {
            let (glyph, mut style) = theme.shade(topic.weight(a));
            if i == selected && c == m.col {
                style = style.patch(theme.style(Tag::Selected));
            }
            spans.push(Span::styled(cell(topic, a, glyph), style));
        }
        frame.render_widget(
            Line::from(spans),
            Rect {
                y,
                height: 1,
                ..rows_area
            },
        );
    }
}

/// "topic 3/120 · 002 THE MAG POST “Trump Putin…” · 4 mentions: Putin ×3,
/// Vladimir Putin ×1", fitted to the status row once: the article's
/// title cut first, then the mentions.
pub fn status(m: &Matrix, cx: &Shared) -> String {
    if m.list.is_on() && m.list.is_empty() {
        return " No topic matches the filter · esc shows all".into();
    }
    let head = format!(" topic {}", m.list.position());
    let Some(a) = m.article() else { return head };
    let id = cx.short_ids.get(a).map_or("", String::as_str);
    let outlet = cx.corpus.articles[a].meta.outlet.as_deref().unwrap_or("–");
    let mut parts = titled(cx, a, format!("{head} · {id} {outlet} ")).to_vec();
    if let Some(topic) = m.topic().and_then(|t| cx.analysis.topics.get(t)) {
        parts.push(Part::Whole(" · ".into()));
        parts.push(Part::Cut(coverage_note(topic, a)));
    }
    fit(&parts, cx.status_room(ViewId::Matrix))
}

/// `before`, then article `a`'s title in quotes, to be cut first (at
/// most 40 columns).
pub fn titled(cx: &Shared, a: usize, before: String) -> [Part; 3] {
    let label = cx.corpus.articles[a].label();
    [
        Part::Whole(format!("{before}“")),
        Part::Cut(truncate(label, 40)),
        Part::Whole("”".into()),
    ]
}
