//! The help overlay: the keys in effect (after the user's overrides) for
//! the current view and everywhere, generated from the keymap.

use crate::ui::action::ViewId;
use crate::ui::app::App;
use crate::ui::styled::{StyledLine, Tag};
use crate::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

pub fn draw(frame: &mut Frame, app: &App, body: Rect) {
    let w = body.width.saturating_sub(4).min(90);
    let h = body.height.saturating_sub(1).max(1);
    let area = Rect {
        x: body.x + (body.width - w) / 2,
        y: body.y,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys · esc closes ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = help_lines(app, usize::from(inner.width));
    let scroll = app
        .help_scroll
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    super::text::draw_lines(frame, app, inner, &lines, scroll);
}

/// The screen under the overlay, then global bindings.
pub fn help_lines(app: &App, width: usize) -> Vec<StyledLine> {
    let mut out = Vec::new();
    for view in [app.screen.view_id(), ViewId::Palette, ViewId::Global] {
        out.push(vec![(view.title().to_string(), Tag::Heading)]);
        let bindings = app.keymap.bindings(view);
        let keys: Vec<String> = bindings
            .iter()
            .map(|(_, ks)| {
                ks.iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let key_w = keys
            .iter()
            .map(|k| crate::wrap::width(k))
            .max()
            .unwrap_or(0)
            .min(width / 3);
        for ((action, _), k) in bindings.iter().zip(keys) {
            let k = truncate(&k, key_w);
            let pad = key_w.saturating_sub(crate::wrap::width(&k));
            let doc = truncate(action.doc(), width.saturating_sub(key_w + 3));
            out.push(vec![
                (format!(" {k}{} ", " ".repeat(pad)), Tag::Key),
                (doc, Tag::Text),
            ]);
        }
        out.push(Vec::new());
    }
    out
}
