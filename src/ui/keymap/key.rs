//! `Key`: one key press with its modifiers, normalised so that a key written
//! in keymap.toml and the same key reported by the terminal compare equal.
//! Parsing from keymap text lives in `key_parse.rs`.

use crossterm::event::{KeyCode as TermCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use std::fmt;

/// The key itself, without modifiers. A subset of crossterm's codes: the
/// keys a keymap can bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A character, case-sensitive (`G` is not `g`). Space is `Char(' ')`.
    Char(char),
    /// A function key, `F(1)` to `F(24)`.
    F(u8),
    Enter,
    Esc,
    Tab,
    /// Shift-Tab.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

/// Ctrl, Alt and Shift. Shift is only kept for non-character keys:
/// for characters the case (or the shifted symbol) already says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Modifiers {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Modifiers {
    pub const NONE: Modifiers = Modifiers {
        ctrl: false,
        alt: false,
        shift: false,
    };
}

/// A key with modifiers, always in normal form (see [`Key::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCode,
    modifiers: Modifiers,
}

impl Key {
    /// Builds a key in normal form: Shift on a character is folded into
    /// the character (`shift` + `g` is `G`; `shift` + `?` is `?`), and
    /// Shift-Tab is `BackTab`. Terminals disagree on whether they report
    /// Shift with an uppercase letter; this makes both forms match.
    pub fn new(code: KeyCode, modifiers: Modifiers) -> Key {
        let mut modifiers = modifiers;
        let code = match code {
            KeyCode::Char(c) if modifiers.shift => {
                modifiers.shift = false;
                KeyCode::Char(single_uppercase(c).unwrap_or(c))
            }
            KeyCode::Tab | KeyCode::BackTab if modifiers.shift => {
                modifiers.shift = false;
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// A key with no modifiers.
    pub fn plain(code: KeyCode) -> Key {
        Key::new(code, Modifiers::NONE)
    }

    pub fn code(self) -> KeyCode {
        self.code
    }

    pub fn modifiers(self) -> Modifiers {
        self.modifiers
    }

    /// The key for a terminal key event, or `None` for key releases and
    /// for keys a keymap cannot bind (modifier keys alone, media keys,
    /// Super/Hyper/Meta chords).
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let unsupported = KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META;
        if event.modifiers.intersects(unsupported) {
            return None;
        }
        let code = match event.code {
            TermCode::Char(c) => KeyCode::Char(c),
            TermCode::F(n) => KeyCode::F(n),
            TermCode::Enter => KeyCode::Enter,
            TermCode::Esc => KeyCode::Esc,
            TermCode::Tab => KeyCode::Tab,
            TermCode::BackTab => KeyCode::BackTab,
            TermCode::Backspace => KeyCode::Backspace,
            TermCode::Delete => KeyCode::Delete,
            TermCode::Insert => KeyCode::Insert,
            TermCode::Up => KeyCode::Up,
            TermCode::Down => KeyCode::Down,
            TermCode::Left => KeyCode::Left,
            TermCode::Right => KeyCode::Right,
            TermCode::Home => KeyCode::Home,
            TermCode::End => KeyCode::End,
            TermCode::PageUp => KeyCode::PageUp,
            TermCode::PageDown => KeyCode::PageDown,
            _ => return None,
        };
        let modifiers = Modifiers {
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
            shift: event.modifiers.contains(KeyModifiers::SHIFT),
        };
        Some(Key::new(code, modifiers))
    }

    /// A key press event for this key, as a typical terminal reports it
    /// (an uppercase letter comes with Shift). Handy in tests.
    pub fn to_event(self) -> KeyEvent {
        let code = match self.code {
            KeyCode::Char(c) => TermCode::Char(c),
            KeyCode::F(n) => TermCode::F(n),
            KeyCode::Enter => TermCode::Enter,
            KeyCode::Esc => TermCode::Esc,
            KeyCode::Tab => TermCode::Tab,
            KeyCode::BackTab => TermCode::BackTab,
            KeyCode::Backspace => TermCode::Backspace,
            KeyCode::Delete => TermCode::Delete,
            KeyCode::Insert => TermCode::Insert,
            KeyCode::Up => TermCode::Up,
            KeyCode::Down => TermCode::Down,
            KeyCode::Left => TermCode::Left,
            KeyCode::Right => TermCode::Right,
            KeyCode::Home => TermCode::Home,
            KeyCode::End => TermCode::End,
            KeyCode::PageUp => TermCode::PageUp,
            KeyCode::PageDown => TermCode::PageDown,
        };
        let mut modifiers = KeyModifiers::NONE;
        modifiers.set(KeyModifiers::CONTROL, self.modifiers.ctrl);
        modifiers.set(KeyModifiers::ALT, self.modifiers.alt);
        let shifted = match self.code {
            KeyCode::Char(c) => c.is_uppercase(),
            KeyCode::BackTab => true,
            _ => self.modifiers.shift,
        };
        modifiers.set(KeyModifiers::SHIFT, shifted);
        KeyEvent::new_with_kind_and_state(code, modifiers, KeyEventKind::Press, KeyEventState::NONE)
    }

    /// The character this key types into a text field: a character
    /// (space included) without Ctrl or Alt.
    pub fn text_char(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.modifiers.ctrl && !self.modifiers.alt => Some(c),
            _ => None,
        }
    }

    /// Whether the key types text (see [`Key::text_char`]).
    pub fn is_text_input(self) -> bool {
        self.text_char().is_some()
    }
}

/// The uppercase form of `c` when it is a single character.
fn single_uppercase(c: char) -> Option<char> {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => Some(u),
        _ => None,
    }
}

/// Whether a character key can be shown as the character: not a control,
/// not invisible (Default_Ignorable or Cf: bidi, zero-width…), not other
/// whitespace, not a zero-width mark that would join the text before it.
fn shows_as_itself(c: char) -> bool {
    !(c.is_control()
        || c.is_whitespace()
        || crate::corpus::sanitize::is_invisible(c)
        || unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) == 0)
}

/// The short form shown in the help overlay and the README: `ctrl-d`,
/// `G`, `?`, `space`, `enter`, `↓`, `PgDn`, `shift-tab`, `f1`. Every form
/// parses back to the same key.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.alt {
            f.write_str("alt-")?;
        }
        if self.modifiers.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            // A key that would print nothing, reorder the help text or
            // drive the terminal is named by its code point instead.
            KeyCode::Char(c) if !shows_as_itself(c) => write!(f, "U+{:04X}", c as u32),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("del"),
            KeyCode::Insert => f.write_str("ins"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(code: TermCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn shifted_letter_matches_with_or_without_shift_reported() {
        let g = Key::plain(KeyCode::Char('G'));
        let with_shift = event(TermCode::Char('G'), KeyModifiers::SHIFT);
        let without_shift = event(TermCode::Char('G'), KeyModifiers::NONE);
        let lowercase_with_shift = event(TermCode::Char('g'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&with_shift), Some(g));
        assert_eq!(Key::from_event(&without_shift), Some(g));
        assert_eq!(Key::from_event(&lowercase_with_shift), Some(g));
        assert_ne!(Key::plain(KeyCode::Char('g')), g);
    }

    #[test]
    fn shifted_symbol_drops_shift_and_shift_tab_is_backtab() {
        let question = event(TermCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(
            Key::from_event(&question),
            Some(Key::plain(KeyCode::Char('?')))
        );
        let backtab = event(TermCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Key::from_event(&backtab),
            Some(Key::plain(KeyCode::BackTab))
        );
        let shift_tab = event(TermCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(
            Key::from_event(&shift_tab),
            Some(Key::plain(KeyCode::BackTab))
        );
    }

    #[test]
    fn releases_and_unbindable_keys_are_not_keys() {
        let mut release = event(TermCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(Key::from_event(&release), None);
        let super_q = event(TermCode::Char('q'), KeyModifiers::SUPER);
        assert_eq!(Key::from_event(&super_q), None);
        assert_eq!(
            Key::from_event(&event(TermCode::CapsLock, KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn shift_is_kept_on_non_character_keys() {
        let shift_down = event(TermCode::Down, KeyModifiers::SHIFT);
        let key = Key::from_event(&shift_down).map(|k| k.to_string());
        assert_eq!(key.as_deref(), Some("shift-↓"));
    }

    #[test]
    fn to_event_round_trips_through_from_event() {
        let keys = [
            Key::plain(KeyCode::Char('G')),
            Key::new(
                KeyCode::Char('d'),
                Modifiers {
                    ctrl: true,
                    ..Modifiers::NONE
                },
            ),
            Key::plain(KeyCode::BackTab),
            Key::new(
                KeyCode::End,
                Modifiers {
                    shift: true,
                    ..Modifiers::NONE
                },
            ),
        ];
        for key in keys {
            assert_eq!(Key::from_event(&key.to_event()), Some(key), "{key}");
        }
    }

    #[test]
    fn text_input_is_characters_without_ctrl_or_alt() {
        assert_eq!(Key::plain(KeyCode::Char(' ')).text_char(), Some(' '));
        let ctrl_u = Key::new(
            KeyCode::Char('u'),
            Modifiers {
                ctrl: true,
                ..Modifiers::NONE
            },
        );
        assert!(!ctrl_u.is_text_input());
        assert!(!Key::plain(KeyCode::Enter).is_text_input());
    }
}
