//! The frame: a function from `&App` to what the terminal shows. It only
//! reads state; layouts were made by `update`, so a frame touches only the
//! visible lines. The title and status rows are drawn here, the body by
//! the screen shown, then the overlay's box over it.

use super::app::{App, Overlay};
use super::geometry::{Geometry, TITLE_START};
use super::overlays::bookmark_view;
use super::overlays::search_prompt::PromptFor;
use super::styled::Tag;
use crate::display::wrap::{truncate, width};
use ratatui::Frame;
use ratatui::text::{Line, Span};

/// What a terminal too small to draw in shows.
pub const TOO_SMALL: &str = "parallax: enlarge the terminal";

/// The notice in shorter and shorter forms, so that some whole form fits
/// any width down to one column (never a notice cut mid-word).
const TOO_SMALL_FORMS: [&str; 6] = [
    TOO_SMALL,
    "enlarge the terminal",
    "enlarge terminal",
    "too small",
    "enlarge",
    "+",
];

/// The longest form of the notice that fits `columns` (empty at 0).
pub fn too_small_notice(columns: usize) -> &'static str {
    TOO_SMALL_FORMS
        .into_iter()
        .find(|form| width(form) <= columns)
        .unwrap_or("")
}

pub fn draw(frame: &mut Frame, app: &App) {
    // The app's geometry is the frame's (the buffers are made for its
    // size); worked out again only for a frame of another size.
    let area = frame.area();
    let cx = app.shared();
    let g = if cx.geometry.area == area {
        cx.geometry
    } else {
        Geometry::of(area)
    };
    if g.too_small() {
        let notice = Line::from(too_small_notice(g.width()));
        frame.render_widget(notice, g.area);
        return;
    }
    let screen = app.current();
    let title = truncate(&format!("{TITLE_START}{}", screen.title(cx)), g.width());
    frame.render_widget(Line::styled(title, cx.theme.style(Tag::Title)), g.title);
    screen.draw(frame, &g, cx);
    match app.overlay() {
        Some(Overlay::Palette) => app.palette().draw(frame, &g, cx),
        Some(Overlay::Help) => {
            let below = app.screen().view_id();
            app.help().draw(frame, &g, cx, app.keymap(), below);
            // Help's search prompt takes the status row.
            if app.help().draw_prompt(frame, &g, cx) {
                return;
            }
        }
        Some(Overlay::Prompt) => bookmark_view::draw_prompt(frame, app.bookmarks(), &g, cx),
        Some(Overlay::Bookmarks) => bookmark_view::draw_list(frame, app.bookmarks(), &g, cx),
        Some(Overlay::Search) => {
            // The prompt takes the status row.
            app.prompt().draw(frame, &g, cx, &prompt_note(app));
            return;
        }
        None => {}
    }
    draw_status(frame, app, &g);
}

/// What the search prompt's phrase finds so far.
fn prompt_note(app: &App) -> String {
    match app.prompt().target() {
        PromptFor::View => app.current().find().map_or(String::new(), |f| f.note()),
        PromptFor::Library => format!(
            "{} of {}",
            app.library().shown().len(),
            crate::display::plural::counted(app.shared().articles(), "article")
        ),
        PromptFor::Corpus => "enter searches".into(),
        PromptFor::List => app.list_note(),
    }
}

fn draw_status(frame: &mut Frame, app: &App, g: &Geometry) {
    let cx = app.shared();
    let w = g.width();
    // The hint gives way to the status on narrow screens.
    let hint = cx.status_hint(app.view_id());
    let help = app
        .help()
        .status(cx)
        .filter(|_| app.overlay() == Some(Overlay::Help));
    let mut left = match (app.message(), help) {
        (Some(m), _) => m.as_str().to_string(),
        (None, Some(found)) => found.into_string(),
        (None, None) => app.current().status(cx),
    };
    if app.window() != app.size() {
        let (ww, wh) = app.window();
        let (dw, dh) = app.size();
        left = format!(" window {ww}×{wh} drawn at {dw}×{dh} ·{left}");
    }
    // A message (a path written, a key to press) is worth more than the
    // hint, which is the same every time: it takes the whole row if need be.
    let hint = if app.message().is_some() && width(&left) + 1 + width(&hint) > w {
        String::new()
    } else {
        hint
    };
    let room = w.saturating_sub(width(&hint) + 1);
    let left = truncate(&left, room);
    let pad = w.saturating_sub(width(&left) + width(&hint));
    let line = Line::from(vec![
        Span::styled(left, cx.theme.style(Tag::Accent)),
        Span::raw(" ".repeat(pad)),
        Span::styled(hint, cx.theme.style(Tag::Dim)),
    ]);
    frame.render_widget(line, g.status);
}
