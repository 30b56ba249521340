//! Overlays drawn over a screen, taking the keys while open: the topic
//! palette, the help, the bookmark note prompt, the bookmark list, and the
//! search prompt on the status line. Each owns its state, takes its
//! actions and draws its box.

pub mod bookmark_view;
pub mod bookmarks;
pub mod help;
pub mod help_find;
pub mod help_loading;
pub mod help_search;
pub mod marks;
pub mod palette;
pub mod search_prompt;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Palette,
    Help,
    /// The note for a bookmark being made.
    Prompt,
    Bookmarks,
    /// The search prompt on the status line (`/`, `F`).
    Search,
}

/// Clear `area`, draw a border titled `title`, return the inside.
pub fn boxed(frame: &mut Frame, area: Rect, title: String) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
