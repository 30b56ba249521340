//! Keymap errors. Each displays as one line, `FILE:LINE:COLUMN: problem`,
//! so the caller can print it before touching the terminal and exit 2.

use super::key_parse::KeyParseError;
use crate::ui::action::{Action, ViewId};
use std::fmt;
use std::io;
use std::path::PathBuf;

/// A keymap that could not be read or is not valid.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    /// The file is not a valid keymap; `position` points at the offending
    /// key, value or table name.
    #[error("{}:{}:{}: {problem}", path.display(), position.line, position.column)]
    Invalid {
        path: PathBuf,
        position: Position,
        problem: KeymapProblem,
    },
    /// The keymap leaves the library, where the reader opens, with no key
    /// that quits: the reader could then be left only by a signal.
    #[error(
        "{}: no key quits from the library (bind one to \"quit\", e.g. q = \"quit\" under [global])",
        path.display()
    )]
    NoQuit { path: PathBuf },
    /// The file could not be read (missing `--keymap FILE`, permissions,
    /// not UTF-8, a directory...).
    #[error("{}: cannot read keymap: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// What is wrong with a keymap file, without the location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapProblem {
    /// Not valid TOML; the message is the TOML parser's.
    #[error("TOML syntax error: {0}")]
    Syntax(String),
    #[error("unknown view \"{name}\" ({})", view_hint(*suggestion))]
    UnknownView {
        name: String,
        suggestion: Option<&'static str>,
    },
    #[error("\"{0}\" must be a table of key bindings, written [{0}]")]
    ViewNotATable(&'static str),
    #[error("the binding for \"{0}\" must be an action name in quotes, e.g. \"scroll_down\"")]
    ActionNotAString(String),
    #[error("unknown action \"{name}\"{}", did_you_mean(*suggestion))]
    UnknownAction {
        name: String,
        suggestion: Option<&'static str>,
    },
    #[error("action \"{action}\" does nothing in [{}] (it works in {})", view.name(), ViewList(action.views()))]
    ActionNotInView { action: Action, view: ViewId },
    #[error("bad key \"{key}\": {reason}")]
    BadKey { key: String, reason: KeyParseError },
    /// The same key twice in one table. `earlier` is the first spelling
    /// and its line, when the two spellings differ (`C-d` and `ctrl-d`).
    #[error("duplicate key \"{key}\" in this table{}", earlier_note(earlier))]
    DuplicateKey {
        key: String,
        earlier: Option<(String, usize)>,
    },
    #[error("table [{0}] is written twice")]
    DuplicateTable(String),
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean \"{s}\"?)"))
}

/// The likely view, or all of them when nothing is close.
fn view_hint(suggestion: Option<&str>) -> String {
    match suggestion {
        Some(view) => format!("did you mean \"{view}\"?"),
        None => format!("views are {}", ViewList(&ViewId::ALL)),
    }
}

fn earlier_note(earlier: &Option<(String, usize)>) -> String {
    match earlier {
        Some((spelling, line)) => format!(" (already bound as \"{spelling}\" on line {line})"),
        None => String::new(),
    }
}

/// Views as `[a], [b]`.
struct ViewList<'a>(&'a [ViewId]);

impl fmt::Display for ViewList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, view) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "[{}]", view.name())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\n«é» = x\n";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 3),
            Position { line: 2, column: 1 }
        );
        let x = text.find('x').unwrap_or(0);
        assert_eq!(
            Position::of_offset(text, x),
            Position { line: 2, column: 7 }
        );
        // Past the end or inside a character: clamped, never a panic.
        assert_eq!(
            Position::of_offset(text, 4),
            Position { line: 2, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 999),
            Position { line: 3, column: 1 }
        );
    }
}
