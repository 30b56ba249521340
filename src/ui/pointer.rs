//! The mouse, in mouse mode only (`--mouse`, or `mouse = true` in
//! config.toml; off by default so the terminal's own selection keeps
//! working): the wheel scrolls what is in front, a click focuses the pane
//! under the pointer.

use super::update::Msg;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// Lines one wheel notch scrolls, as most terminals' own scrollback does.
pub const WHEEL_LINES: usize = 3;

/// What the pointer did, and where (column and row from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pointer {
    pub kind: PointerKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerKind {
    /// The left button went down.
    Click,
    WheelUp,
    WheelDown,
}

/// The message for a mouse report the reader answers (a left click, the
/// wheel); `None` for the rest (releases, drags, other buttons).
pub fn message(mouse: &MouseEvent) -> Option<Msg> {
    let kind = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => PointerKind::Click,
        MouseEventKind::ScrollUp => PointerKind::WheelUp,
        MouseEventKind::ScrollDown => PointerKind::WheelDown,
        _ => return None,
    };
    Some(Msg::Mouse(Pointer {
        kind,
        column: mouse.column,
        row: mouse.row,
    }))
}
