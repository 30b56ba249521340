//! Terminal input bytes to events: xterm's keys (C0 controls, CSI and
//! SS3 sequences, Alt as an ESC prefix) and UTF-8 text, as crossterm
//! reports them, so the keymap sees the same keys whoever parsed them;
//! and SGR mouse reports (`ESC [ < b ; x ; y M`), which the terminal sends
//! only in mouse mode. Sequences the reader never asks for (focus, paste
//! markers, reports) are consumed and dropped.

use super::mouse::sgr_mouse;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent};

const ESC: u8 = 0x1b;

/// What one parse step found at the start of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A key and the bytes it took.
    Key(KeyEvent, usize),
    /// A mouse report and the bytes it took.
    Mouse(MouseEvent, usize),
    /// Bytes that are no key (an unrequested report, a stray byte).
    Skip(usize),
    /// The input ends inside a sequence or character: wait for more.
    Incomplete,
}

/// Parse as many keys as `bytes` holds. Returns the keys and how many bytes
/// they took; the rest is an unfinished sequence to keep for the next read.
/// With `at_end` (no more input is coming soon) nothing is kept: a lone
/// ESC is the Escape key and an unfinished sequence is taken apart.
pub fn parse(bytes: &[u8], at_end: bool) -> (Vec<Event>, usize) {
    let mut keys = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match step(&bytes[at..], at_end) {
            Step::Key(key, n) => {
                keys.push(Event::Key(key));
                at += n;
            }
            Step::Mouse(mouse, n) => {
                keys.push(Event::Mouse(mouse));
                at += n;
            }
            Step::Skip(n) => at += n,
            Step::Incomplete if at_end => {
                // Nothing more is coming: an unfinished sequence starts with
                // an Escape key of its own; a cut character is dropped.
                if bytes[at] == ESC {
                    keys.push(Event::Key(key(KeyCode::Esc)));
                }
                at += 1;
            }
            Step::Incomplete => break,
        }
    }
    (keys, at)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn step(b: &[u8], at_end: bool) -> Step {
    match b[0] {
        ESC => escape(b, at_end),
        c if c < 0x80 => Step::Key(single(c).unwrap_or(key(KeyCode::Null)), 1),
        _ => utf8(b),
    }
}

/// A one-byte key (not ESC): controls, DEL and ASCII characters.
fn single(c: u8) -> Option<KeyEvent> {
    let ctrl = |ch: char| KeyEvent::new(KeyCode::Char(ch), KeyModifiers::CONTROL);
    Some(match c {
        b'\r' => key(KeyCode::Enter),
        b'\t' => key(KeyCode::Tab),
        0x7f => key(KeyCode::Backspace),
        0 => ctrl(' '),
        0x01..=0x1a => ctrl(char::from(c - 1 + b'a')),
        0x1c..=0x1f => ctrl(char::from(c - 0x1c + b'4')),
        ESC => return None,
        _ => char_key(char::from(c)),
    })
}

/// A character key; uppercase letters carry Shift, as terminals report.
fn char_key(c: char) -> KeyEvent {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), shift)
}

fn utf8(b: &[u8]) -> Step {
    let len = match b[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    if b.len() < len {
        // A character cut by the read: the rest is on its way, unless a
        // byte already there says it is broken.
        return if b[1..].iter().all(|&x| x & 0xc0 == 0x80) {
            Step::Incomplete
        } else {
            Step::Skip(1)
        };
    }
    match std::str::from_utf8(&b[..len]) {
        Ok(s) => Step::Key(char_key(s.chars().next().unwrap_or('\u{fffd}')), len),
        Err(_) => Step::Skip(1),
    }
}

fn escape(b: &[u8], at_end: bool) -> Step {
    let Some(&next) = b.get(1) else {
        // A lone ESC is the Escape key, or the start of a sequence cut by
        // the read: the caller waits a moment to tell (see `Input`).
        return if at_end {
            Step::Key(key(KeyCode::Esc), 1)
        } else {
            Step::Incomplete
        };
    };
    match next {
        b'[' => csi(b),
        b'O' => ss3(b),
        ESC => Step::Key(key(KeyCode::Esc), 1),
        _ => match step(&b[1..], at_end) {
            Step::Key(mut k, n) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Key(k, n + 1)
            }
            Step::Mouse(_, n) | Step::Skip(n) => Step::Skip(n + 1),
            Step::Incomplete => Step::Incomplete,
        },
    }
}

/// ESC O x: the cursor and F1–F4 keys in application mode.
fn ss3(b: &[u8]) -> Step {
    let Some(&c) = b.get(2) else {
        return Step::Incomplete;
    };
    match final_key(c) {
        Some(code) => Step::Key(key(code), 3),
        None => Step::Skip(3),
    }
}

/// The key a CSI or SS3 final byte names with no number before it.
fn final_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return None,
    })
}

/// ESC [ params final. Parameters and intermediates run to a final byte
/// in 0x40–0x7e (ECMA-48); the Linux console's F1–F5 are ESC [ [ A–E.
fn csi(b: &[u8]) -> Step {
    if b.get(2) == Some(&b'[') {
        return match b.get(3) {
            None => Step::Incomplete,
            Some(&c @ b'A'..=b'E') => Step::Key(key(KeyCode::F(c - b'A' + 1)), 4),
            Some(_) => Step::Skip(4),
        };
    }
    let Some(end) = b[2..].iter().position(|c| (0x40..=0x7e).contains(c)) else {
        // No final byte yet; a control byte inside means it never comes.
        return match b[2..].iter().position(|c| !(0x20..=0x7e).contains(c)) {
            Some(bad) => Step::Skip(2 + bad),
            None => Step::Incomplete,
        };
    };
    let len = 2 + end + 1;
    let params = &b[2..2 + end];
    if let Some(mouse) = sgr_mouse(params, b[2 + end]) {
        return Step::Mouse(mouse, len);
    }
    match csi_key(params, b[2 + end]) {
        Some(k) => Step::Key(k, len),
        None => Step::Skip(len),
    }
}

fn csi_key(params: &[u8], fin: u8) -> Option<KeyEvent> {
    let text = std::str::from_utf8(params).ok()?;
    if text.starts_with(['?', '<', '>', '=']) {
        return None; // reports and private sequences
    }
    let mut nums = text.split(';').map(|p| p.split(':').next().unwrap_or(""));
    let first: u16 = nums.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let modifiers = nums
        .next()
        .and_then(|m| m.parse::<u8>().ok())
        .map_or(KeyModifiers::NONE, modifiers);
    let code = match fin {
        b'~' => tilde_key(first)?,
        b'Z' => return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        // The cursor keys carry only modifiers, after a 1.
        c if first == 1 => final_key(c)?,
        _ => return None,
    };
    Some(KeyEvent::new(code, modifiers))
}

/// ESC [ n ~ keys (vt220 and xterm numbering).
fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28 | 29 => KeyCode::F((n - 13) as u8),
        31..=34 => KeyCode::F((n - 14) as u8),
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + a bit mask (Shift 1, Alt 2, Ctrl 4,
/// Meta 8 and up, which the keymap cannot bind).
fn modifiers(m: u8) -> KeyModifiers {
    let bits = m.saturating_sub(1);
    let mut out = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if bits & bit != 0 {
            out |= modifier;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
        let (events, used) = parse(bytes, true);
        assert_eq!(used, bytes.len());
        events
            .into_iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k),
                _ => None,
            })
            .collect()
    }

    fn with(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn controls_text_and_alt() {
        assert_eq!(
            keys(b"a\r\t\x7f\x03G"),
            vec![
                key(KeyCode::Char('a')),
                key(KeyCode::Enter),
                key(KeyCode::Tab),
                key(KeyCode::Backspace),
                with(KeyCode::Char('c'), KeyModifiers::CONTROL),
                with(KeyCode::Char('G'), KeyModifiers::SHIFT),
            ]
        );
        assert_eq!(
            keys(b"\x1bx"),
            vec![with(KeyCode::Char('x'), KeyModifiers::ALT)]
        );
        assert_eq!(keys("é→".as_bytes()).len(), 2);
        assert_eq!(keys(b"\x1b\x1b"), vec![key(KeyCode::Esc); 2]);
    }

    #[test]
    fn cursor_function_and_editing_keys() {
        assert_eq!(
            keys(b"\x1b[A\x1bOB\x1b[6~\x1b[5~\x1b[H\x1b[4~\x1b[24~\x1bOP\x1b[[A\x1b[Z"),
            vec![
                key(KeyCode::Up),
                key(KeyCode::Down),
                key(KeyCode::PageDown),
                key(KeyCode::PageUp),
                key(KeyCode::Home),
                key(KeyCode::End),
                key(KeyCode::F(12)),
                key(KeyCode::F(1)),
                key(KeyCode::F(1)),
                with(KeyCode::BackTab, KeyModifiers::SHIFT),
            ]
        );
        assert_eq!(
            keys(b"\x1b[1;5C\x1b[3;2~"),
            vec![
                with(KeyCode::Right, KeyModifiers::CONTROL),
                with(KeyCode::Delete, KeyModifiers::SHIFT),
            ]
        );
    }

    #[test]
    fn reports_and_unknown_sequences_are_dropped() {
        assert_eq!(
            keys(b"\x1b[I\x1b[?1;2c\x1b[12;40R\x1b[200~x"),
            vec![key(KeyCode::Char('x'))]
        );
    }

    #[test]
    fn an_unfinished_sequence_waits_unless_input_ended() {
        assert_eq!(
            parse(b"j\x1b[1;", false),
            (vec![Event::Key(key(KeyCode::Char('j')))], 1)
        );
        assert_eq!(parse("é".as_bytes().split_at(1).0, false).1, 0);
        assert_eq!(parse(b"\x1b", false), (vec![], 0));
        assert_eq!(
            parse(b"\x1b", true),
            (vec![Event::Key(key(KeyCode::Esc))], 1)
        );
        let (ks, used) = parse(b"\x1b[1", true);
        assert_eq!(used, 3);
        assert_eq!(ks[0], Event::Key(key(KeyCode::Esc)));
    }

    #[test]
    fn any_bytes_parse_without_panicking_and_are_all_taken_at_the_end() {
        let mut rng = crate::dev::rng::Rng::new(7);
        // Mostly the bytes sequences are made of.
        let alphabet = [ESC, b'[', b'O', b';', b'1', b'~', b'A', 0xc3, 0xa9, 0x80];
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let (_, used) = parse(&bytes, false);
            assert!(used <= bytes.len());
            assert_eq!(parse(&bytes, true).1, bytes.len());
        }
    }
}
