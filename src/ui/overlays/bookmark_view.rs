//! The bookmark overlays: the one-line note prompt, and the list of
//! bookmarks filtered as the user types.

use super::bookmarks::BookmarkState;
use crate::corpus::sanitize::Clean;
use crate::display::plural::counted;
use crate::display::wrap::truncate;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Bookmark text reaches the screen only as [`Clean`].
fn clean_span(text: Clean, style: Style) -> Span<'static> {
    Span::styled(text.into_string(), style)
}

/// The note prompt's rows: the excerpt, the note, a border around.
const PROMPT_HEIGHT: u16 = 5;

pub fn draw_prompt(frame: &mut Frame, bookmarks: &BookmarkState, g: &Geometry, cx: &Shared) {
    let theme = &cx.theme;
    let inner = super::boxed(
        frame,
        g.overlay(PROMPT_HEIGHT),
        format!(
            " {} · {} saves · {} cancels ",
            if bookmarks.editing.is_some() {
                "Bookmarked already · its note"
            } else {
                "Bookmark · note (optional)"
            },
            cx.key_for(ViewId::Prompt, Action::Confirm),
            cx.key_for(ViewId::Prompt, Action::Back)
        ),
    );
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let excerpt = bookmarks
        .draft
        .as_ref()
        .map(|b| b.excerpt.truncated(w))
        .unwrap_or_default();
    frame.render_widget(
        Line::from(clean_span(excerpt, theme.style(Tag::Dim))),
        Rect { height: 1, ..inner },
    );
    if inner.height >= 2 {
        // Show the end of a long note: that is where the typing happens.
        let note = &bookmarks.note;
        let shown: String = {
            let room = w.saturating_sub(3);
            let chars: Vec<char> = note.chars().collect();
            chars[chars.len().saturating_sub(room)..].iter().collect()
        };
        let line = Line::from(vec![
            Span::styled("› ", theme.style(Tag::Accent)),
            clean_span(Clean::line(&shown), Style::default()),
            Span::styled("▏", theme.style(Tag::Accent)),
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

pub fn draw_list(frame: &mut Frame, bm: &BookmarkState, g: &Geometry, cx: &Shared) {
    let theme = &cx.theme;
    let title = format!(
        " Bookmarks · {} of {} · {} deletes ",
        bm.hits.len(),
        bm.in_corpus(),
        cx.key_for(ViewId::Bookmarks, Action::DeleteBookmark)
    );
    let inner = super::boxed(frame, g.list_box(), title);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let row = |k: u16| Rect {
        y: inner.y + k,
        height: 1,
        ..inner
    };
    let query = Line::from(vec![
        Span::styled("› ", theme.style(Tag::Accent)),
        // Typed or pasted: shown through the sanitiser.
        clean_span(Clean::line(&bm.query), Style::default()),
        Span::styled("▏", theme.style(Tag::Accent)),
    ]);
    frame.render_widget(query, row(0));
    // Bookmarks of other corpora are not listed (they cannot be opened
    // here) but counted on the last row, so none seems lost.
    let others = bm.of_other_corpora();
    let mut rows = inner.height.saturating_sub(1);
    if others > 0 && rows > 0 {
        rows -= 1;
        let note = format!(
            "{} of articles not in this corpus: listed when theirs is open",
            counted(others, "more bookmark")
        );
        frame.render_widget(
            Line::styled(truncate(&note, w), theme.style(Tag::Dim)),
            row(inner.height - 1),
        );
    }
    if bm.in_corpus() == 0 {
        let hint = format!(
            "No bookmarks here yet: press {} in the reader or compare view.",
            cx.key_for(ViewId::Reader, Action::Bookmark)
        );
        if rows > 0 {
            frame.render_widget(
                Line::styled(truncate(&hint, w), theme.style(Tag::Dim)),
                row(1),
            );
        }
        return;
    }
    if let Some(line) = bm.no_match_line()
        && rows > 0
    {
        let line = Clean::line(&truncate(&line, w));
        frame.render_widget(Line::from(clean_span(line, theme.style(Tag::Dim))), row(1));
        return;
    }
    let visible = usize::from(rows);
    let first = bm.selected.saturating_sub(visible.saturating_sub(1));
    for (k, b) in bm.shown().enumerate().skip(first).take(visible) {
        // Short ids as the library shows them; an article gone from the
        // corpus (the other side of a pair) by its whole id.
        let place = [&b.left, &b.right]
            .into_iter()
            .flatten()
            .map(|a| {
                let id = cx
                    .corpus
                    .articles
                    .iter()
                    .position(|x| a.article == x.id)
                    .map_or(a.article.as_str(), |x| cx.short_ids[x].as_str());
                format!("{id} #{}", a.block)
            })
            .collect::<Vec<_>>()
            .join(" ⇄ ");
        let place = crate::clean!("{place:<15} ");
        // Note and excerpt come from the session file: `Clean` already.
        let text = if b.note.is_empty() {
            b.excerpt.clone()
        } else {
            b.note.clone() + Clean::lit(" — ") + &b.excerpt
        };
        let tag = if k == bm.selected {
            Tag::Selected
        } else {
            Tag::Text
        };
        let room = w.saturating_sub(crate::display::wrap::width(place.as_str()));
        let line = Line::from(vec![
            clean_span(place, theme.style(Tag::Accent)),
            clean_span(text.truncated(room), theme.style(tag)),
        ]);
        frame.render_widget(line, row(1 + (k - first) as u16));
    }
}
