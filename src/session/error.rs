//! What can go wrong with the session store, each printable as one line.

use crate::corpus::sanitize::Clean;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(
        "bad session name '{0}': use 1–64 letters, digits, '-', '_' or '.', not starting with '.'"
    )]
    BadName(String),
    #[error("no folder for saved sessions (no home folder?); set PARALLAX_DATA_DIR")]
    NoDataDir,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Only from read-only look-ups; `Store::load` sets the file aside
    /// instead.
    #[error("{}", .0)]
    Unreadable(Problem),
}

impl SessionError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> SessionError {
        SessionError::Io {
            path: path.into(),
            source,
        }
    }
}

/// Why a session file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON, not a session, or cut short. The parser's message can
    /// quote the file (`unknown variant "…"`), so it is sanitised.
    Corrupt(Clean),
    /// Written by a newer parallax (its format version is given).
    FutureFormat(u64),
    /// Not opened at all (a link, a FIFO, another user's file, an I/O
    /// error): only listings report this; it is never set aside.
    Refused(Clean),
}

impl ProblemKind {
    /// Whether opening the session moves such a file aside.
    pub fn is_set_aside(&self) -> bool {
        !matches!(self, ProblemKind::Refused(_))
    }
}

/// A session file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub kind: ProblemKind,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            ProblemKind::Corrupt(why) => {
                write!(
                    f,
                    "{} is not a readable session ({why})",
                    self.path.display()
                )
            }
            ProblemKind::Refused(why) => write!(f, "{}: {why}", self.path.display()),
            ProblemKind::FutureFormat(v) => write!(
                f,
                "{} was written by a newer parallax (format {v}; this one reads up to {})",
                self.path.display(),
                super::FORMAT_VERSION
            ),
        }
    }
}

/// A session file that `Store::load` moved aside so the program could
/// start fresh. Its `Display` is the one line the caller should print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub problem: Problem,
    /// Where the file now is (`NAME.corrupt`, or `NAME.corrupt.N` when
    /// older ones exist).
    pub moved_to: PathBuf,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let to = self.moved_to.file_name().map_or_else(
            || self.moved_to.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        write!(
            f,
            "{}; moved it aside to {to} and started a fresh session",
            self.problem
        )
    }
}
