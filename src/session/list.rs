//! Listing the saved sessions of a folder.

use super::error::{Problem, ProblemKind, SessionError};
use super::model::View;
use super::name::SessionName;
use super::store::read_session;
use crate::corpus::sanitize::Clean;
use std::path::{Path, PathBuf};

/// One saved session, as `parallax sessions` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub name: String,
    pub path: PathBuf,
    /// Unix seconds of the last save.
    pub saved: u64,
    pub view: View,
    /// The compare pair, by article id.
    pub left: Option<Clean>,
    pub right: Option<Clean>,
    pub bookmarks: usize,
    /// Set when the file is not a usable session (the other fields are then
    /// defaults); such a file is set aside when the session is next opened.
    pub problem: Option<Problem>,
}

/// Every `NAME.json` in `dir` with a valid session name, by name. A missing
/// folder has no sessions; temporaries, locks and set-aside files are not
/// sessions.
pub fn list_sessions(dir: &Path) -> Result<Vec<SessionInfo>, SessionError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(SessionError::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = file_name.strip_suffix(".json") else {
            continue;
        };
        if SessionName::parse(stem).is_err() {
            continue;
        }
        if let Some(info) = info_of(stem, &entry.path()) {
            out.push(info);
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// `None` when the file vanished; a file that cannot be opened or used
/// is listed with its problem.
fn info_of(name: &str, path: &Path) -> Option<SessionInfo> {
    let mut info = SessionInfo {
        name: name.to_string(),
        path: path.to_path_buf(),
        saved: 0,
        view: View::Library,
        left: None,
        right: None,
        bookmarks: 0,
        problem: None,
    };
    let read = match read_session(path) {
        Ok(read) => read?,
        // Refused or unreadable: listed as a problem, so the listing says
        // so in one line instead of leaving it out silently.
        Err(SessionError::Io { source, .. }) => Err(Problem {
            path: path.to_path_buf(),
            kind: ProblemKind::Refused(crate::clean!("{source}")),
        }),
        Err(e) => Err(Problem {
            path: path.to_path_buf(),
            kind: ProblemKind::Refused(crate::clean!("{e}")),
        }),
    };
    match read {
        Ok(s) => {
            info.saved = s.saved;
            info.view = s.view;
            info.left = s.left;
            info.right = s.right;
            info.bookmarks = s.bookmarks.len();
        }
        Err(problem) => info.problem = Some(problem),
    }
    Some(info)
}
