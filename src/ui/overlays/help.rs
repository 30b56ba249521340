//! The help overlay: the keys in effect (after the user's overrides) for
//! the current view and everywhere, generated from the keymap.

use super::help_loading::load_lines;
use super::search_prompt::SearchPrompt;
use crate::display::wrap::truncate;
use crate::ui::action::{Action, ViewId};
use crate::ui::find::Find;
use crate::ui::geometry::Geometry;
use crate::ui::keymap::Keymap;
use crate::ui::outcome::Outcome;
use crate::ui::screens::library_columns::Column;
use crate::ui::screens::scroll::moved;
use crate::ui::screens::text::draw_lines;
use crate::ui::shared::Shared;
use crate::ui::styled::{StyledLine, Tag};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

#[derive(Debug, Clone, Default)]
pub struct Help {
    pub(super) scroll: usize,
    /// `/` in help searches the help, as in less (`help_find.rs`).
    pub(super) find: Find,
    /// The phrase being typed, while the search prompt is open.
    pub(super) prompt: Option<SearchPrompt>,
}

impl Help {
    /// Opened again: from the top, no search.
    pub fn open(&mut self) {
        *self = Help::default();
    }

    /// Moves inside the lines there are for `screen` (the view under the
    /// overlay): an offset past the last page (the window changed) is brought
    /// back to it first, so a key up always moves what is seen. The
    /// search's keys (`help_find.rs`) otherwise.
    pub fn handle(&mut self, action: Action, cx: &Shared, screen: ViewId) -> Outcome {
        if self.prompt.is_some() {
            return self.prompt_action(action);
        }
        let (page, last_page) = self.pages(cx, screen);
        if let Some(p) = moved(self.scroll.min(last_page), action, page, last_page + 1) {
            self.scroll = p;
            return Outcome::Done;
        }
        match action {
            Action::NextMatch | Action::PrevMatch => {
                self.step(action == Action::NextMatch, cx, screen)
            }
            _ => Outcome::Done,
        }
    }

    /// The rows of a page of help, and the top line of its last page.
    pub(super) fn pages(&self, cx: &Shared, screen: ViewId) -> (usize, usize) {
        let inner = text_area(&cx.geometry);
        let lines = all_lines(cx, &cx.keymap, screen, usize::from(inner.width)).len();
        let page = usize::from(inner.height).max(1);
        (page, lines.saturating_sub(page))
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
        frame.render_widget(Block::default().borders(Borders::ALL).title(title), area);
        let inner = text_area(g);
        let lines = all_lines(cx, keymap, screen, usize::from(inner.width));
        // The window may have changed since the last key: its last page.
        let scroll = self
            .scroll
            .min(lines.len().saturating_sub(usize::from(inner.height)));
        draw_lines(frame, &cx.theme, inner, &lines, scroll);
        self.find.draw(frame, &cx.theme, inner, 0, scroll);
    }
}

/// Inside the help box's border: where its lines go.
pub(super) fn text_area(g: &Geometry) -> Rect {
    Block::default().borders(Borders::ALL).inner(g.help_box())
}

/// Every line of the help over `screen`: over the library first what the
/// load skipped (the library counts those files), then the keys.
pub(super) fn all_lines(
    cx: &Shared,
    keymap: &Keymap,
    screen: ViewId,
    width: usize,
) -> Vec<StyledLine> {
    let mut lines = match screen {
        ViewId::Library => load_lines(&cx.corpus.warnings, width),
        _ => Vec::new(),
    };
    lines.extend(help_lines(keymap, screen, width));
    lines
}

/// The screen under the overlay, then global bindings; over the library
/// what its columns hold comes first.
pub fn help_lines(keymap: &Keymap, screen: ViewId, width: usize) -> Vec<StyledLine> {
    let mut out = Vec::new();
    if screen == ViewId::Library {
        out.extend(column_lines(width));
    }
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
            let key = format!(" {k}{} ", " ".repeat(pad));
            out.extend(described(key, action.doc(), width));
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
    out.push(Vec::new());
    out.extend(super::help_search::search_help(keymap, screen, width));
    out.extend(mark_lines(screen, width));
    out
}

/// "Marks": what each symbol of the view under the overlay means, then
/// under a line of their own those of the palette (else they read as the
/// view's: the library has no § # @).
fn mark_lines(screen: ViewId, width: usize) -> Vec<StyledLine> {
    let mut out = vec![vec![("Marks".to_string(), Tag::Heading)]];
    for view in [screen, ViewId::Palette] {
        if view == ViewId::Palette && screen != ViewId::Palette {
            let title = ViewId::Palette.title();
            out.push(vec![(
                format!(" In the {}:", title.to_lowercase()),
                Tag::Dim,
            )]);
        }
        for (mark, meaning) in super::marks::marks(view) {
            out.extend(described(format!(" {mark} "), meaning, width));
        }
    }
    out
}

/// "Columns": each library column after the title, and what "–" in one
/// means. Headers such as MIN and REP do not explain themselves, so they
/// open the help rather than wait under the keys.
fn column_lines(width: usize) -> Vec<StyledLine> {
    let mut out = vec![vec![("Columns".to_string(), Tag::Heading)]];
    let named = Column::ALL.map(|c| (c.header(), c.meaning()));
    let w = named.iter().map(|(h, _)| h.len()).max().unwrap_or(0);
    for (header, meaning) in named.into_iter().chain([Column::NONE]) {
        out.extend(described(format!(" {header:<w$} "), meaning, width));
    }
    out.push(Vec::new());
    out
}

/// A key (or mark) and what it does: the description wrapped in its
/// column, never cut, continuation lines under its first word.
fn described(key: String, doc: &str, width: usize) -> Vec<StyledLine> {
    let indent = crate::display::wrap::width(&key);
    // One column spare on the right, as before.
    let room = width.saturating_sub(indent + 1).max(1);
    let mut lines = crate::display::wrap::wrap_text(doc, room).into_iter();
    let first = vec![
        (key, Tag::Key),
        (lines.next().unwrap_or_default(), Tag::Text),
    ];
    std::iter::once(first)
        .chain(lines.map(|l| vec![(" ".repeat(indent), Tag::Text), (l, Tag::Text)]))
        .collect()
}
