//! Parsing a key as written in keymap.toml: optional modifiers joined by
//! `-` (`ctrl-d`, `C-d`, `alt-shift-up`), then one character (`j`, `G`,
//! `?`, `-`) or a key name (`enter`, `PageDown`, `f5`). Modifier and key
//! names are case-insensitive; single characters are not.

use super::key::{Key, KeyCode, Modifiers};
use std::str::FromStr;

/// Why a key string did not parse. Shown after the key in keymap errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    #[error("a key cannot be empty")]
    Empty,
    #[error(
        "unknown key name \"{0}\" (write one character, or a name such as enter, esc, tab, \
         space, backspace, up, pagedown, home, f1)"
    )]
    UnknownName(String),
    #[error("unknown modifier \"{0}\" (use ctrl-, alt- or shift-)")]
    UnknownModifier(String),
    #[error("a modifier needs a key after it, e.g. \"{0}-x\"")]
    MissingKey(&'static str),
    #[error("modifier {0} is given twice")]
    RepeatedModifier(&'static str),
    #[error(
        "terminals do not tell shift-{0} from {0}: write the shifted character itself \
         (e.g. \"?\" or \"G\")"
    )]
    ShiftedCharacter(String),
}

#[derive(Clone, Copy)]
enum Modifier {
    Ctrl,
    Alt,
    Shift,
}

fn modifier_named(name: &str) -> Option<Modifier> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "ctrl" | "control" | "c" => Some(Modifier::Ctrl),
        "alt" | "meta" | "a" | "m" => Some(Modifier::Alt),
        "shift" | "s" => Some(Modifier::Shift),
        _ => None,
    }
}

/// Key names, matched case-insensitively. The arrow glyphs are accepted so
/// that every form `Key`'s Display prints parses back.
fn code_named(name: &str) -> Option<KeyCode> {
    let lower = name.to_lowercase();
    let code = match lower.as_str() {
        "enter" | "return" | "cr" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" | "bs" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
        "space" | "spc" => KeyCode::Char(' '),
        _ => return function_key(&lower).or_else(|| code_point(&lower)),
    };
    Some(code)
}

/// `U+202E`: a character by code point, as `Key` shows one that cannot be
/// shown as itself.
fn code_point(lower: &str) -> Option<KeyCode> {
    let hex = lower.strip_prefix("u+")?;
    if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .map(KeyCode::Char)
}

fn function_key(lower: &str) -> Option<KeyCode> {
    let digits = lower.strip_prefix('f')?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u8 = digits.parse().ok()?;
    (1..=24).contains(&n).then_some(KeyCode::F(n))
}

impl FromStr for Key {
    type Err = KeyParseError;

    fn from_str(text: &str) -> Result<Key, KeyParseError> {
        if text.is_empty() {
            return Err(KeyParseError::Empty);
        }
        let mut modifiers = Modifiers::NONE;
        let mut rest = text;
        // Peel `mod-` prefixes; what follows the last one is the key, so
        // `ctrl--` is Ctrl with the `-` key.
        while let Some((head, tail)) = rest.split_once('-') {
            let Some(modifier) = modifier_named(head) else {
                break;
            };
            let (flag, name) = match modifier {
                Modifier::Ctrl => (&mut modifiers.ctrl, "ctrl"),
                Modifier::Alt => (&mut modifiers.alt, "alt"),
                Modifier::Shift => (&mut modifiers.shift, "shift"),
            };
            if tail.is_empty() {
                return Err(KeyParseError::MissingKey(name));
            }
            if *flag {
                return Err(KeyParseError::RepeatedModifier(name));
            }
            *flag = true;
            rest = tail;
        }
        let code = parse_code(rest)?;
        if let KeyCode::Char(c) = code
            && modifiers.shift
            && !c.is_lowercase()
            && !c.is_uppercase()
        {
            return Err(KeyParseError::ShiftedCharacter(
                Key::plain(code).to_string(),
            ));
        }
        Ok(Key::new(code, modifiers))
    }
}

fn parse_code(text: &str) -> Result<KeyCode, KeyParseError> {
    if let Some(code) = code_named(text) {
        return Ok(code);
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Err(KeyParseError::Empty),
        (Some(c), None) => Ok(KeyCode::Char(c)),
        _ => match text.split_once('-') {
            Some((head, _)) if !head.is_empty() => {
                Err(KeyParseError::UnknownModifier(head.to_string()))
            }
            _ => Err(KeyParseError::UnknownName(text.to_string())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        match text.parse() {
            Ok(key) => key,
            Err(err) => panic!("{text:?} should parse: {err}"),
        }
    }

    fn ctrl(c: char) -> Key {
        Key::new(
            KeyCode::Char(c),
            Modifiers {
                ctrl: true,
                ..Modifiers::NONE
            },
        )
    }

    #[test]
    fn spellings_of_the_same_key_are_equal() {
        assert_eq!(key("ctrl-d"), ctrl('d'));
        assert_eq!(key("C-d"), ctrl('d'));
        assert_eq!(key("Control-d"), ctrl('d'));
        assert_eq!(key("pagedown"), key("PageDown"));
        assert_eq!(key("PgDn"), Key::plain(KeyCode::PageDown));
        assert_eq!(key("shift-tab"), key("backtab"));
        assert_eq!(key("shift-g"), key("G"));
        assert_eq!(key("space"), Key::plain(KeyCode::Char(' ')));
        assert_eq!(key("F12"), Key::plain(KeyCode::F(12)));
    }

    #[test]
    fn characters_are_case_sensitive_and_dash_is_a_key() {
        assert_ne!(key("g"), key("G"));
        assert_ne!(key("ctrl-d"), key("ctrl-D"));
        assert_eq!(key("-"), Key::plain(KeyCode::Char('-')));
        assert_eq!(key("ctrl--"), ctrl('-'));
        assert_eq!(key("c"), Key::plain(KeyCode::Char('c')));
    }

    #[test]
    fn invisible_keys_are_shown_by_code_point() {
        // Bidi, zero-width, other whitespace and lone combining marks would
        // print nothing or reorder the help text around them.
        for (c, shown) in [
            ('\u{202E}', "U+202E"),
            ('\u{200B}', "U+200B"),
            ('\u{2066}', "U+2066"),
            ('\u{FEFF}', "U+FEFF"),
            ('\u{AD}', "U+00AD"),
            ('\u{3000}', "U+3000"),
            ('\u{301}', "U+0301"),
        ] {
            let k = key(&c.to_string());
            assert_eq!(k.to_string(), shown);
            assert_eq!(key(shown), k, "{shown} parses back");
            assert_eq!(key(&shown.to_lowercase()), k);
            assert_eq!(
                key(&format!("ctrl-{shown}")).to_string(),
                format!("ctrl-{shown}")
            );
        }
        assert_eq!(key("é").to_string(), "é");
        assert!("U+110000".parse::<Key>().is_err());
        assert!("U+".parse::<Key>().is_err());
    }

    #[test]
    fn display_parses_back_to_the_same_key() {
        let texts = [
            "j",
            "G",
            "?",
            "-",
            "space",
            "ctrl-space",
            "enter",
            "esc",
            "tab",
            "shift-tab",
            "backspace",
            "del",
            "ins",
            "up",
            "down",
            "left",
            "right",
            "home",
            "end",
            "pageup",
            "pagedown",
            "f1",
            "f24",
            "ctrl-d",
            "alt-x",
            "ctrl-alt-shift-home",
            "shift-up",
        ];
        for text in texts {
            let parsed = key(text);
            assert_eq!(
                key(&parsed.to_string()),
                parsed,
                "{text} displayed as {parsed}"
            );
        }
        assert_eq!(key("pagedown").to_string(), "PgDn");
        assert_eq!(key("C-d").to_string(), "ctrl-d");
        assert_eq!(key("down").to_string(), "↓");
    }

    #[test]
    fn bad_keys_say_why() {
        assert_eq!("".parse::<Key>(), Err(KeyParseError::Empty));
        assert_eq!(
            "jk".parse::<Key>(),
            Err(KeyParseError::UnknownName("jk".to_string()))
        );
        assert_eq!(
            "hyper-x".parse::<Key>(),
            Err(KeyParseError::UnknownModifier("hyper".to_string()))
        );
        assert_eq!(
            "ctrl-ctrl-x".parse::<Key>(),
            Err(KeyParseError::RepeatedModifier("ctrl"))
        );
        assert_eq!(
            "shift-1".parse::<Key>(),
            Err(KeyParseError::ShiftedCharacter("1".to_string()))
        );
        assert_eq!(
            "shift-space".parse::<Key>(),
            Err(KeyParseError::ShiftedCharacter("space".to_string()))
        );
        assert_eq!(
            "f25".parse::<Key>(),
            Err(KeyParseError::UnknownName("f25".to_string()))
        );
        assert_eq!(
            "ctrl-".parse::<Key>(),
            Err(KeyParseError::MissingKey("ctrl"))
        );
    }
}
