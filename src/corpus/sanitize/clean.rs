//! [`Clean`]: text that is safe to show. Only the sanitiser builds one
//! from outside text ([`Clean::line`], [`Clean::text`]); parallax's own
//! constants become one through [`Clean::lit`], which takes only
//! `&'static str` (string literals, colour codes). Every output — command
//! output and reports on stdout or in a file, warnings and errors on
//! stderr, the reader's messages, the bookmark list — takes `Clean`, so
//! text from an article, a file name, a session file or an error message
//! cannot reach a terminal or a report without passing the sanitiser:
//! the compiler checks it.
//!
//! Session files are input like any other: the session model holds
//! `Clean` strings, which deserialise through the sanitiser.

use super::{sanitize, sanitize_line};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Sanitised text, or one of parallax's own constants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Clean(String);

impl Clean {
    /// One line of outside text: controls, escapes, invisible characters
    /// and newlines neutralised.
    pub fn line(text: &str) -> Clean {
        Clean(sanitize_line(text))
    }

    /// Outside text of several lines: as [`Clean::line`], newlines kept.
    pub fn text(text: &str) -> Clean {
        Clean(sanitize(text).text)
    }

    /// One of parallax's own constants, as written (colour codes too).
    pub fn lit(text: &'static str) -> Clean {
        Clean(text.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Append more clean text.
    pub fn push(&mut self, more: &Clean) {
        self.0.push_str(&more.0);
    }

    /// Append one of parallax's own constants.
    pub fn push_lit(&mut self, more: &'static str) {
        self.0.push_str(more);
    }

    /// `n` spaces (padding).
    pub fn spaces(n: usize) -> Clean {
        Clean(" ".repeat(n))
    }

    /// Without trailing whitespace.
    pub fn trimmed_end(&self) -> Clean {
        Clean(self.0.trim_end().to_string())
    }

    /// Clean text cut to a display width (see `display::wrap::truncate`), still
    /// clean: cutting never makes a character.
    pub fn truncated(&self, width: usize) -> Clean {
        Clean(crate::display::wrap::truncate(&self.0, width))
    }
}

/// Format outside text into one clean line: `clean!("{id}: {why}")`.
/// Everything formatted passes the sanitiser, so colour codes must be
/// added after, with [`Clean::lit`] or `+`.
#[macro_export]
macro_rules! clean {
    ($($arg:tt)*) => {
        $crate::corpus::sanitize::Clean::line(&format!($($arg)*))
    };
}

/// As [`clean!`], newlines kept.
#[macro_export]
macro_rules! clean_text {
    ($($arg:tt)*) => {
        $crate::corpus::sanitize::Clean::text(&format!($($arg)*))
    };
}

impl std::ops::Deref for Clean {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Clean {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Clean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&'static str> for Clean {
    fn from(text: &'static str) -> Clean {
        Clean::lit(text)
    }
}

impl std::ops::Add<&Clean> for Clean {
    type Output = Clean;
    fn add(mut self, more: &Clean) -> Clean {
        self.push(more);
        self
    }
}

impl std::ops::Add<Clean> for Clean {
    type Output = Clean;
    fn add(mut self, more: Clean) -> Clean {
        self.push(&more);
        self
    }
}

impl FromIterator<Clean> for Clean {
    fn from_iter<I: IntoIterator<Item = Clean>>(iter: I) -> Clean {
        let mut out = Clean::default();
        for c in iter {
            out.push(&c);
        }
        out
    }
}

impl PartialEq<str> for Clean {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Clean {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Clean {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl Serialize for Clean {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A stored string is outside text: it is read through the sanitiser.
impl<'de> Deserialize<'de> for Clean {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Clean, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(Clean::line(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_text_is_sanitised_and_constants_are_kept() {
        assert_eq!(
            Clean::line("a\x1b[2Jb\u{202E}\n"),
            "a\u{241B}[2Jb\u{FFFD}\u{2424}"
        );
        assert_eq!(Clean::text("a\nb"), "a\nb");
        assert_eq!(Clean::lit("\x1b[1m"), "\x1b[1m");
        let joined = Clean::lit("\x1b[1m") + &clean!("{}", "\u{9B}6n") + Clean::lit("\x1b[0m");
        assert_eq!(joined, "\x1b[1m\u{FFFD}6n\x1b[0m");
    }

    #[test]
    fn stored_strings_deserialise_through_the_sanitiser() {
        let c: Clean = serde_json::from_str(r#""\u001b]52;c;SGk=\u0007\u202e\u200b""#).unwrap();
        assert!(
            !c.chars()
                .any(|c| c.is_control() || super::super::is_invisible(c))
        );
        assert_eq!(serde_json::to_string(&c).unwrap().len(), c.len() + 2);
    }
}
