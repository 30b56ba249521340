//! The help overlay: the keys in effect (after the user's overrides) for
//! the current view and everywhere, generated from the keymap.

use super::help_loading::load_lines;
use crate::display::wrap::truncate;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::keymap::Keymap;
use crate::ui::screens::text::{draw_lines, moved};
use crate::ui::shared::Shared;
use crate::ui::styled::{StyledLine, Tag};
use ratatui::Frame;
use ratatui::widgets::{Block, Borders, Clear};

#[derive(Debug, Clone, Copy, Default)]
pub struct Help {
    scroll: usize,
}

impl Help {
    /// Opened again: from the top.
    pub fn open(&mut self) {
        self.scroll = 0;
    }

    pub fn handle(&mut self, action: Action, cx: &Shared) {
        // Not bounded here: drawing stops at the last page.
        let page = cx.geometry.page(false);
        if let Some(p) = moved(self.scroll, action, page, usize::MAX) {
            self.scroll = p;
        }
    }

    /// The keys of `screen` (the view under the overlay), the palette's
    /// and the global ones.
    pub fn draw(
        &self,
        frame: &mut Frame,
        g: &Geometry,
        cx: &Shared,
        keymap: &Keymap,
        screen: ViewId,
    ) {
        let area = g.help_box();
        frame.render_widget(Clear, area);
        let closes = keymap.keys_for(ViewId::Help, Action::Back);
        let closes: Vec<String> = closes.iter().take(2).map(|k| k.to_string()).collect();
        let title = match closes.as_slice() {
            [] => " Keys ".to_string(),
            keys => format!(" Keys · {} closes ", keys.join(" or ")),
        };
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        // The library counts the files the load skipped; its help lists them.
        let mut lines = match screen {
            ViewId::Library => load_lines(&cx.corpus.warnings, width),
            _ => Vec::new(),
        };
        lines.extend(help_lines(keymap, screen, width));
        let scroll = self
            .scroll
            .min(lines.len().saturating_sub(usize::from(inner.height)));
        draw_lines(frame, &cx.theme, inner, &lines, scroll);
    }
}

/// The screen under the overlay, then global bindings.
pub fn help_lines(keymap: &Keymap, screen: ViewId, width: usize) -> Vec<StyledLine> {
    let mut out = Vec::new();
    for view in [screen, ViewId::Palette, ViewId::Global] {
        out.push(vec![(view.title().to_string(), Tag::Heading)]);
        let bindings = keymap.bindings(view);
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
            .map(|k| crate::display::wrap::width(k))
            .max()
            .unwrap_or(0)
            .min(width / 3);
        for ((action, _), k) in bindings.iter().zip(keys) {
            let k = truncate(&k, key_w);
            let pad = key_w.saturating_sub(crate::display::wrap::width(&k));
            let doc = truncate(action.doc(), width.saturating_sub(key_w + 3));
            out.push(vec![
                (format!(" {k}{} ", " ".repeat(pad)), Tag::Key),
                (doc, Tag::Text),
            ]);
        }
        out.push(Vec::new());
    }
    // Counts are typed, not bound: said here so help shows every habit.
    out.push(vec![("Counts".to_string(), Tag::Heading)]);
    let note =
        "Digits before a key repeat it: 5j, 3n; 10G goes to line 10 (compare: row 10); esc cancels";
    for line in crate::display::wrap::wrap_text(note, width.saturating_sub(1).max(1)) {
        out.push(vec![(format!(" {line}"), Tag::Text)]);
    }
    out.extend(super::help_search::search_help(keymap, screen, width));
    out.extend(mark_lines(screen, width));
    out
}

/// "Marks": what each symbol of the view under the overlay and of the
/// palette means.
fn mark_lines(screen: ViewId, width: usize) -> Vec<StyledLine> {
    let mut out = vec![vec![("Marks".to_string(), Tag::Heading)]];
    for view in [screen, ViewId::Palette] {
        for (mark, meaning) in super::marks::marks(view) {
            let doc = truncate(
                meaning,
                width.saturating_sub(crate::display::wrap::width(mark) + 3),
            );
            out.push(vec![(format!(" {mark} "), Tag::Key), (doc, Tag::Text)]);
        }
    }
    out
}
