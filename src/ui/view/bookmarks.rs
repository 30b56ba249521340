//! The bookmark overlays: the one-line note prompt, and the list of
//! bookmarks filtered as the user types.

use crate::corpus::sanitize::Clean;
use crate::ui::app::App;
use crate::ui::styled::Tag;
use crate::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Bookmark text reaches the screen only as [`Clean`].
fn clean_span(text: Clean, style: Style) -> Span<'static> {
    Span::styled(text.into_string(), style)
}

pub fn draw_prompt(frame: &mut Frame, app: &App, body: Rect) {
    let inner = super::boxed(
        frame,
        body,
        5,
        " Bookmark · note (optional) · enter saves · esc cancels ".into(),
    );
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let excerpt = app
        .bookmarks
        .draft
        .as_ref()
        .map(|b| b.excerpt.truncated(w))
        .unwrap_or_default();
    frame.render_widget(
        Line::from(clean_span(excerpt, app.theme.style(Tag::Dim))),
        Rect { height: 1, ..inner },
    );
    if inner.height >= 2 {
        // Show the end of a long note: that is where the typing happens.
        let note = &app.bookmarks.note;
        let shown: String = {
            let room = w.saturating_sub(3);
            let chars: Vec<char> = note.chars().collect();
            chars[chars.len().saturating_sub(room)..].iter().collect()
        };
        let line = Line::from(vec![
            Span::styled("› ", app.theme.style(Tag::Accent)),
            clean_span(Clean::line(&shown), Style::default()),
            Span::styled("▏", app.theme.style(Tag::Accent)),
        ]);
        frame.render_widget(
            line,
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
    }
}

pub fn draw_list(frame: &mut Frame, app: &App, body: Rect) {
    let rows = app.palette_rows() as u16;
    let bm = &app.bookmarks;
    let title = format!(" Bookmarks · {} of {} ", bm.hits.len(), bm.list.len());
    let inner = super::boxed(frame, body, rows + 3, title);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let query = Line::from(vec![
        Span::styled("› ", app.theme.style(Tag::Accent)),
        // Typed or pasted: shown through the sanitiser.
        clean_span(Clean::line(&bm.query), Style::default()),
        Span::styled("▏", app.theme.style(Tag::Accent)),
    ]);
    frame.render_widget(query, Rect { height: 1, ..inner });
    if bm.list.is_empty() {
        let hint = "No bookmarks yet: press the bookmark key (m) in the reader or compare view.";
        frame.render_widget(
            Line::styled(truncate(hint, w), app.theme.style(Tag::Dim)),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
        return;
    }
    let visible = usize::from(inner.height.saturating_sub(1));
    let first = bm.selected.saturating_sub(visible.saturating_sub(1));
    for (row, &i) in bm.hits.iter().enumerate().skip(first).take(visible) {
        let b = &bm.list[i];
        let place = [&b.left, &b.right]
            .into_iter()
            .flatten()
            .map(|a| {
                let id = app
                    .corpus
                    .resolve(&a.article)
                    .map_or(a.article.as_str(), |x| app.short_ids[x].as_str());
                format!("{id}#{}", a.block)
            })
            .collect::<Vec<_>>()
            .join(" ⇄ ");
        let place = crate::clean!("{place:<14} ");
        // Note and excerpt come from the session file: `Clean` already.
        let text = if b.note.is_empty() {
            b.excerpt.clone()
        } else {
            b.note.clone() + Clean::lit(" — ") + &b.excerpt
        };
        let tag = if row == bm.selected {
            Tag::Selected
        } else {
            Tag::Text
        };
        let line = Line::from(vec![
            clean_span(place, app.theme.style(Tag::Accent)),
            clean_span(text.truncated(w.saturating_sub(15)), app.theme.style(tag)),
        ]);
        let y = inner.y + 1 + (row - first) as u16;
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}
