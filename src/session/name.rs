//! Session names: they become file names, so only a safe alphabet passes.

use super::error::SessionError;
use std::fmt;

/// The session used when none is named.
pub const DEFAULT_SESSION: &str = "default";
/// Longest name accepted (well under any file system's limit, with room
/// for the `.json`, `.lock` and `.corrupt.N` suffixes).
pub const MAX_NAME_LEN: usize = 64;

/// A validated session name: 1–64 ASCII letters, digits, `-`, `_` or `.`,
/// not starting with `.` (no hidden files, no `..`, no separators).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionName(String);

impl SessionName {
    pub fn parse(name: &str) -> Result<SessionName, SessionError> {
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        let valid = !name.is_empty()
            && name.len() <= MAX_NAME_LEN
            && !name.starts_with('.')
            && name.chars().all(ok_char);
        if valid {
            Ok(SessionName(name.to_string()))
        } else {
            Err(SessionError::BadName(printable(name)))
        }
    }

    pub fn default_name() -> SessionName {
        SessionName(DEFAULT_SESSION.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SessionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A rejected name as it can be shown on one line: controls escaped, long
/// names cut.
fn printable(name: &str) -> String {
    let escaped: String = name.chars().flat_map(char::escape_debug).collect();
    if escaped.chars().count() > 80 {
        let cut: String = escaped.chars().take(79).collect();
        format!("{cut}…")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_pass() {
        for n in ["default", "alaska-2025", "a.b_c", "X", &"n".repeat(64)] {
            assert_eq!(
                SessionName::parse(n).map(|s| s.to_string()).ok(),
                Some(n.to_string())
            );
        }
    }

    #[test]
    fn unsafe_names_fail_on_one_line() {
        for n in [
            "",
            ".",
            "..",
            ".hidden",
            "a/b",
            "a\\b",
            "new\nline",
            "ü",
            &"n".repeat(65),
        ] {
            let err = SessionName::parse(n).expect_err(n).to_string();
            assert!(!err.contains('\n'), "{err:?}");
        }
    }
}
