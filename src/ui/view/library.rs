//! The library: every article with its metadata and reuse counts.

use crate::ui::app::App;
use crate::ui::styled::Tag;
use crate::wrap::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let w = usize::from(area.width);
    let id_w = app.short_id_width.clamp(2, 12);
    // mark(2) id outlet(12) date(6) min(3) words(6) shared(6) rep(4) gaps
    let fixed = 2 + id_w + 1 + 13 + 7 + 4 + 7 + 7 + 5;
    let title_w = w.saturating_sub(fixed).max(8);
    let header = format!(
        "  {:<id_w$} {:<title_w$} {:<12} {:<6} {:>3} {:>6} {:>6} {:>4}",
        "ID", "TITLE", "OUTLET", "DATE", "MIN", "WORDS", "SHARED", "REP"
    );
    frame.render_widget(
        Line::styled(truncate(&header, w), app.theme.style(Tag::Dim)),
        Rect { height: 1, ..area },
    );
    let rows = usize::from(area.height).saturating_sub(1);
    let first = app.library.selected.saturating_sub(rows.saturating_sub(1));
    for (i, (a, article)) in app
        .corpus
        .articles
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + a as u16;
        let idx = i;
        let mark = match app.library.marked.iter().position(|&m| m == idx) {
            Some(0) => "◀ ",
            Some(_) => "▶ ",
            None => "  ",
        };
        let stats = app.analysis.stats.get(idx).copied().unwrap_or_default();
        let hidden = if article.hidden_chars > 0 {
            format!(" ⚠{}", article.hidden_chars)
        } else {
            String::new()
        };
        let title = truncate(&format!("{}{hidden}", article.label()), title_w);
        let text = format!(
            "{mark}{:<id_w$} {}{} {:<12} {:<6} {:>3} {:>6} {:>6} {:>4}",
            truncate(&app.short_ids[idx], id_w),
            title,
            " ".repeat(title_w.saturating_sub(width(&title))),
            truncate(article.meta.outlet.as_deref().unwrap_or("–"), 12),
            truncate(article.meta.date.as_deref().unwrap_or("–"), 6),
            article
                .meta
                .read_minutes
                .map_or("–".into(), |m| m.to_string()),
            article.meta.words,
            stats.shared,
            stats.repeated,
        );
        let tag = if idx == app.library.selected {
            Tag::Selected
        } else {
            Tag::Text
        };
        let line = Line::from(Span::styled(truncate(&text, w), app.theme.style(tag)));
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}
