//! Views: functions from `&App` to a frame. They only read state; layouts
//! were computed by `update`, so a frame touches only the visible lines.

mod bookmarks;
mod compare;
mod help;
mod library;
mod matrix;
mod palette;
mod text;

use super::app::{App, Overlay, Screen};
use super::styled::{StyledLine, Tag};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Below this size only a short notice is drawn.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// At most this much of a larger window is drawn (its top-left corner),
/// and the status line says so. Screen buffers cost about 40 bytes a
/// cell, several times over, so a window's area is never trusted: a
/// 65535×65535 window would ask for hundreds of gigabytes. 1000×500 is
/// beyond any real screen (an 8K monitor with a tiny font is about
/// 1000×300) and costs tens of megabytes.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// The size drawn for a window of `window` (columns, rows).
pub fn drawn_size(window: (u16, u16)) -> (u16, u16) {
    (window.0.min(MAX_WIDTH), window.1.min(MAX_HEIGHT))
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = crate::wrap::truncate("parallax: enlarge the terminal", usize::from(area.width));
        frame.render_widget(Line::from(msg), area);
        return;
    }
    let title = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    draw_title(frame, app, title);
    match app.screen {
        Screen::Library => library::draw(frame, app, body),
        Screen::Reader => text::draw_reader(frame, app, body),
        Screen::Compare => compare::draw(frame, app, body),
        Screen::Topic => text::draw_topic(frame, app, body),
        Screen::Matrix => matrix::draw(frame, app, body),
    }
    match app.overlay {
        Some(Overlay::Palette) => palette::draw(frame, app, body),
        Some(Overlay::Help) => help::draw(frame, app, body),
        Some(Overlay::Prompt) => bookmarks::draw_prompt(frame, app, body),
        Some(Overlay::Bookmarks) => bookmarks::draw_list(frame, app, body),
        None => {}
    }
    draw_status(frame, app, status);
}

/// A styled line as a ratatui line, through the theme.
pub fn to_line<'a>(app: &App, line: &'a StyledLine) -> Line<'a> {
    Line::from(
        line.iter()
            .map(|(t, tag)| Span::styled(t.as_str(), app.theme.style(*tag)))
            .collect::<Vec<_>>(),
    )
}

fn draw_title(frame: &mut Frame, app: &App, area: Rect) {
    let what = match app.screen {
        Screen::Library => format!("Library · {} articles", app.corpus.articles.len()),
        Screen::Reader => {
            let a = &app.corpus.articles[app.reader.article];
            format!(
                "{} · {}",
                a.meta.outlet.as_deref().unwrap_or("–"),
                a.label()
            )
        }
        Screen::Compare => {
            let pair = format!(
                "Compare {} ⇄ {}",
                app.short_ids[app.compare.left], app.short_ids[app.compare.right]
            );
            match compare::why(app) {
                Some(why) => format!("{pair} · {why}"),
                None => pair,
            }
        }
        Screen::Topic => {
            let label = app
                .analysis
                .topics
                .topics
                .get(app.topic.topic)
                .map_or("", |t| t.label.as_str());
            format!("Topic · {label}")
        }
        Screen::Matrix => "Coverage · topics × articles".to_string(),
    };
    let text = crate::wrap::truncate(&format!(" parallax │ {what}"), usize::from(area.width));
    frame.render_widget(Line::styled(text, app.theme.style(Tag::Title)), area);
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    // The hint gives way to the status on narrow screens.
    let hint = if width >= 100 {
        hint_text(app)
    } else {
        hint_text(app).split("  ").next().unwrap_or("").to_string()
    };
    let mut left = app
        .message
        .clone()
        .map_or_else(|| status_text(app), |m| m.into_string());
    if app.window != app.size {
        let (w, h) = app.window;
        let (dw, dh) = app.size;
        left = format!(" window {w}×{h} drawn at {dw}×{dh} ·{left}");
    }
    let room = width.saturating_sub(crate::wrap::width(&hint) + 1);
    let left = crate::wrap::truncate(&left, room);
    let pad = width.saturating_sub(crate::wrap::width(&left) + crate::wrap::width(&hint));
    let line = Line::from(vec![
        Span::styled(left, app.theme.style(Tag::Accent)),
        Span::raw(" ".repeat(pad)),
        Span::styled(hint, app.theme.style(Tag::Dim)),
    ]);
    frame.render_widget(line, area);
}

/// "? help  q quit", from the bindings in effect.
fn hint_text(app: &App) -> String {
    use super::action::Action;
    let view = app.view_id();
    let key = |a: Action| app.keymap.keys_for(view, a).first().map(|k| k.to_string());
    let mut parts = Vec::new();
    for (a, label) in [
        (Action::Help, "help"),
        (Action::Topics, "topics"),
        (Action::Quit, "quit"),
    ] {
        if let Some(k) = key(a) {
            parts.push(format!("{k} {label}"));
        }
    }
    parts.join("  ")
}

fn status_text(app: &App) -> String {
    match app.screen {
        Screen::Library => {
            let marked = app.library.marked.len();
            format!(
                " {}/{} · {marked} marked",
                app.library.selected + 1,
                app.corpus.articles.len()
            )
        }
        Screen::Reader => {
            let total = app.reader.layout.as_ref().map_or(0, |l| l.lines.len());
            format!(
                " line {}/{}{}",
                app.reader.scroll + 1,
                total,
                if app.reader.unfold {
                    " · unfolded"
                } else {
                    ""
                }
            )
        }
        Screen::Compare => compare::status(app),
        Screen::Topic => {
            let total = app.topic.layout.as_ref().map_or(0, |l| l.lines.len());
            format!(" line {}/{}", app.topic.scroll + 1, total)
        }
        Screen::Matrix => format!(" topic {}/{}", app.matrix.row + 1, app.matrix.rows.len()),
    }
}

/// A bordered overlay box at most 100 columns wide, near the top of the
/// body (the palette and the bookmark windows): cleared, titled, and its
/// inner area returned.
pub(super) fn boxed(frame: &mut Frame, body: Rect, height: u16, title: String) -> Rect {
    let w = body.width.saturating_sub(4).min(100);
    let h = height.min(body.height);
    let area = Rect {
        x: body.x + (body.width - w) / 2,
        y: body.y + 1.min(body.height - h),
        width: w,
        height: h,
    };
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
