//! Listing the saved sessions of a folder.

use super::error::{Problem, ProblemKind, SessionError};
use super::model::{Session, View};
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
    /// The corpus paths, as stored (empty: the built-in corpus).
    pub corpus: Vec<PathBuf>,
    /// Every article id the session names (the pair, the reader's, the
    /// anchors of its places and bookmarks), each once: what a listing
    /// can tell the ids apart by without loading the corpus.
    pub articles: Vec<Clean>,
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
        corpus: Vec::new(),
        articles: Vec::new(),
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
            info.articles = named_articles(&s);
            info.corpus = s.corpus;
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

/// The article ids `s` names, each once, in the order first named.
fn named_articles(s: &Session) -> Vec<Clean> {
    let scroll = &s.scroll;
    let anchors = [&scroll.reader, &scroll.left, &scroll.right, &scroll.topic]
        .into_iter()
        .chain(s.bookmarks.iter().flat_map(|b| [&b.left, &b.right]))
        .flatten()
        .map(|a| &a.article);
    let mut seen = std::collections::HashSet::new();
    [&s.left, &s.right, &s.reader]
        .into_iter()
        .flatten()
        .chain(anchors)
        .filter(|id| seen.insert(*id))
        .cloned()
        .collect()
}
