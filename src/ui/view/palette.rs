//! The topic palette overlay: query line, then hits with matched characters
//! highlighted and the articles each topic occurs in.

use crate::analysis::topics::TopicKind;
use crate::ui::app::App;
use crate::ui::styled::Tag;
use crate::wrap::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App, body: Rect) {
    let rows = app.palette_rows() as u16;
    // "…" while a long list is still being scored: the count will grow.
    let title = format!(
        " Topics · {}{} of {} ",
        app.palette.hits.len(),
        if app.palette.is_filtering() {
            "…"
        } else {
            ""
        },
        app.analysis.topics.topics.len()
    );
    let inner = super::boxed(frame, body, rows + 3, title);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let query = Line::from(vec![
        Span::styled("› ", app.theme.style(Tag::Accent)),
        Span::raw(app.palette.query.as_str()),
        Span::styled("▏", app.theme.style(Tag::Accent)),
    ]);
    frame.render_widget(query, Rect { height: 1, ..inner });
    let iw = usize::from(inner.width);
    for (i, (topic, positions)) in app.palette.visible.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let t = &app.analysis.topics.topics[*topic];
        let selected = app.palette.offset + i == app.palette.selected;
        let base = if selected { Tag::Selected } else { Tag::Text };
        let kind = match t.kind {
            TopicKind::Heading => "§",
            TopicKind::Term => "#",
            TopicKind::Name => "@",
        };
        let coverage = coverage_text(app, *topic);
        let label_w = iw.saturating_sub(width(&coverage) + 4).max(4);
        let label = truncate(&t.label, label_w);
        let mut spans = vec![Span::styled(format!("{kind} "), app.theme.style(Tag::Dim))];
        // One span per run of matched or unmatched characters.
        let mut run = String::new();
        let mut run_matched = false;
        for (ci, ch) in label.chars().enumerate() {
            let matched = positions.contains(&ci);
            if matched != run_matched && !run.is_empty() {
                spans.push(label_span(
                    app,
                    std::mem::take(&mut run),
                    run_matched,
                    selected,
                ));
            }
            run_matched = matched;
            run.push(ch);
        }
        if !run.is_empty() {
            spans.push(label_span(app, run, run_matched, selected));
        }
        let pad = iw.saturating_sub(2 + width(&label) + width(&coverage));
        spans.push(Span::styled(" ".repeat(pad), app.theme.style(base)));
        spans.push(Span::styled(coverage, app.theme.style(Tag::Dim)));
        frame.render_widget(
            Line::from(spans),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}

fn label_span(app: &App, text: String, matched: bool, selected: bool) -> Span<'static> {
    let base = if selected { Tag::Selected } else { Tag::Text };
    let mut style = app.theme.style(if matched { Tag::Matched } else { base });
    if selected {
        style = style.patch(app.theme.style(Tag::Selected));
    }
    Span::styled(text, style)
}

/// Where a topic occurs: one dot per article for small corpora, else a count.
fn coverage_text(app: &App, topic: usize) -> String {
    let t = &app.analysis.topics.topics[topic];
    let n = app.corpus.articles.len();
    if n <= 12 {
        (0..n)
            .map(|a| if t.weight(a) > 0.0 { '●' } else { '·' })
            .collect()
    } else {
        format!("{} articles", t.weights.len())
    }
}
