//! SGR mouse reports (`ESC [ < button ; column ; row M`), which a terminal
//! sends only once mouse mode is on (DEC modes 1000 and 1006): presses,
//! releases, drags and the wheel, as crossterm's mouse events.

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// An SGR mouse report, `< button ; column ; row` then `M` (press, wheel)
/// or `m` (release); columns and rows from 1.
pub fn sgr_mouse(params: &[u8], fin: u8) -> Option<MouseEvent> {
    let text = std::str::from_utf8(params).ok()?.strip_prefix('<')?;
    let mut nums = text.split(';').map(|n| n.parse::<u16>().ok());
    let (b, x, y) = (nums.next()??, nums.next()??, nums.next()??);
    let button = match b & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = match (b & 64 != 0, b & 32 != 0, fin) {
        (true, _, _) => match b & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        },
        (false, true, _) => MouseEventKind::Drag(button),
        (false, false, b'M') => MouseEventKind::Down(button),
        (false, false, b'm') => MouseEventKind::Up(button),
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if b & bit != 0 {
            modifiers |= m;
        }
    }
    Some(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers,
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;
    use crossterm::event::{Event, KeyCode, KeyEvent};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn sgr_mouse_reports_are_mouse_events() {
        let (events, used) = parse(b"\x1b[<65;10;5M\x1b[<0;3;4Mj\x1b[<0;3;4m", true);
        assert_eq!(used, 30);
        let at = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            events,
            vec![
                at(MouseEventKind::ScrollDown, 9, 4),
                at(MouseEventKind::Down(MouseButton::Left), 2, 3),
                Event::Key(key(KeyCode::Char('j'))),
                at(MouseEventKind::Up(MouseButton::Left), 2, 3),
            ]
        );
    }
}
