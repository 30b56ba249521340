//! The session store: one JSON file per session in the data folder.
//!
//! - `NAME.json` the session (0600), in a folder created 0700 on the first
//!   save — never by a look-up;
//! - `NAME.lock` the advisory lock taken by every write (see `lock`);
//! - `.NAME.json.tmp.PID.N` a write in progress; one left by a killed
//!   writer is ignored by readers and removed by the next save;
//! - `NAME.corrupt`, `NAME.corrupt.1`, … unreadable files set aside.
//!
//! Writes replace the file atomically, so a reader never needs the lock:
//! it sees the old session or the new one.

use super::atomic::{is_temporary_of, write_atomic};
use super::error::{Problem, ProblemKind, SessionError, SetAside};
use super::lock::SessionLock;
use super::model::{FORMAT_VERSION, Session};
use super::name::SessionName;
use crate::corpus::sanitize::Clean;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Overrides the platform data folder (tests, portable set-ups).
pub const DATA_DIR_ENV: &str = "PARALLAX_DATA_DIR";
/// A session file larger than this is not a session parallax wrote.
const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Where sessions live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// The result of [`Store::load`]: the session if there was a usable one,
/// and the file set aside if there was an unusable one.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub session: Option<Session>,
    pub set_aside: Option<SetAside>,
}

impl Store {
    /// The store in `$PARALLAX_DATA_DIR` if set, else in the platform data
    /// folder (`~/.local/share/parallax` on Linux). Creates nothing.
    pub fn from_env() -> Result<Store, SessionError> {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Ok(Store::at(dir));
        }
        directories::ProjectDirs::from("", "", "parallax")
            .map(|d| Store::at(d.data_dir()))
            .ok_or(SessionError::NoDataDir)
    }

    /// The store in a given folder. Creates nothing.
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a session is stored in.
    pub fn path_of(&self, name: &SessionName) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    fn lock_path(&self, name: &SessionName) -> PathBuf {
        self.dir.join(format!("{name}.lock"))
    }

    /// Whether a file exists for this session (usable or not).
    pub fn exists(&self, name: &SessionName) -> bool {
        self.path_of(name).symlink_metadata().is_ok()
    }

    /// Read a session for use. A missing session is `session: None`; an
    /// unreadable or future-format one is moved aside (never overwritten,
    /// never deleted) and reported in `set_aside`, so the caller can print
    /// that one line and start fresh. Errors are I/O failures only.
    pub fn load(&self, name: &SessionName) -> Result<Loaded, SessionError> {
        let path = self.path_of(name);
        match read_session(&path)? {
            None => Ok(Loaded {
                session: None,
                set_aside: None,
            }),
            Some(Ok(session)) => Ok(Loaded {
                session: Some(session),
                set_aside: None,
            }),
            // Look again under the lock: another instance may have replaced
            // the file since, and a good file must never be moved aside.
            Some(Err(_)) => {
                let _lock = SessionLock::acquire(&self.lock_path(name))?;
                self.recover(name)
            }
        }
    }

    /// Read a session without changing anything: for reports and listings.
    /// An unusable file is an `Unreadable` error.
    pub fn read(&self, name: &SessionName) -> Result<Option<Session>, SessionError> {
        match read_session(&self.path_of(name))? {
            None => Ok(None),
            Some(Ok(s)) => Ok(Some(s)),
            Some(Err(problem)) => Err(SessionError::Unreadable(problem)),
        }
    }

    /// Write a session, stamping `saved` with the current time; returns
    /// what was written. Creates the folder (0700) if needed.
    pub fn save(&self, name: &SessionName, session: &Session) -> Result<Session, SessionError> {
        self.ensure_dir()?;
        let _lock = SessionLock::acquire(&self.lock_path(name))?;
        self.write_locked(name, session)
    }

    /// Read, change and write a session under one lock, so two instances
    /// adding bookmarks at once keep both. An unusable file is set aside
    /// first and `change` starts from a fresh session.
    pub fn update(
        &self,
        name: &SessionName,
        change: impl FnOnce(&mut Session),
    ) -> Result<(Session, Option<SetAside>), SessionError> {
        self.ensure_dir()?;
        let _lock = SessionLock::acquire(&self.lock_path(name))?;
        let loaded = self.recover(name)?;
        let mut session = loaded.session.unwrap_or_default();
        change(&mut session);
        Ok((self.write_locked(name, &session)?, loaded.set_aside))
    }

    /// Read under the lock, moving an unusable file aside.
    fn recover(&self, name: &SessionName) -> Result<Loaded, SessionError> {
        let path = self.path_of(name);
        match read_session(&path)? {
            None => Ok(Loaded {
                session: None,
                set_aside: None,
            }),
            Some(Ok(session)) => Ok(Loaded {
                session: Some(session),
                set_aside: None,
            }),
            Some(Err(problem)) => {
                let moved_to = self.move_aside(name, &path)?;
                Ok(Loaded {
                    session: None,
                    set_aside: Some(SetAside { problem, moved_to }),
                })
            }
        }
    }

    fn write_locked(&self, name: &SessionName, session: &Session) -> Result<Session, SessionError> {
        self.remove_stale_temporaries(name);
        let mut stamped = session.clone();
        stamped.version = FORMAT_VERSION;
        stamped.saved = super::now_secs();
        let mut bytes = serde_json::to_vec_pretty(&stamped)
            .map_err(|e| SessionError::io(self.path_of(name), e.into()))?;
        bytes.push(b'\n');
        write_atomic(&self.path_of(name), &bytes, 0o600)?;
        Ok(stamped)
    }

    /// `NAME.corrupt`, or the first free `NAME.corrupt.N`: an older file
    /// set aside is never overwritten.
    fn move_aside(&self, name: &SessionName, path: &Path) -> Result<PathBuf, SessionError> {
        let base = format!("{name}.corrupt");
        let free = (0u32..)
            .map(|n| match n {
                0 => self.dir.join(&base),
                n => self.dir.join(format!("{base}.{n}")),
            })
            .find(|p| p.symlink_metadata().is_err())
            .ok_or_else(|| {
                SessionError::io(path, std::io::Error::other("no free name to set it aside"))
            })?;
        std::fs::rename(path, &free).map_err(|e| SessionError::io(path, e))?;
        Ok(free)
    }

    /// Temporaries of this session left by a killed writer. Called under
    /// the lock, when no live writer of this session has one open.
    fn remove_stale_temporaries(&self, name: &SessionName) {
        let target = format!("{name}.json");
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            if is_temporary_of(&entry.file_name().to_string_lossy(), &target) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    fn ensure_dir(&self) -> Result<(), SessionError> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(&self.dir)
            .map_err(|e| SessionError::io(&self.dir, e))
    }
}

/// `None` when there is no file; `Some(Err)` when there is one that is not
/// a usable session; `Err` when it cannot be read at all.
pub(crate) fn read_session(path: &Path) -> Result<Option<Result<Session, Problem>>, SessionError> {
    // Never through a link, never blocking on a FIFO, only our own file.
    let Some(file) = super::open::open_existing(path)? else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    file.take(MAX_SESSION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SessionError::io(path, e))?;
    let problem = |kind| Problem {
        path: path.to_path_buf(),
        kind,
    };
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Ok(Some(Err(problem(ProblemKind::Corrupt(crate::clean!(
            "larger than {} MiB",
            MAX_SESSION_BYTES >> 20
        ))))));
    }
    Ok(Some(parse(&bytes).map_err(problem)))
}

/// Parse a session file: the version first, so a newer format is told
/// apart from damage.
pub fn parse(bytes: &[u8]) -> Result<Session, ProblemKind> {
    let one_line = |e: serde_json::Error| ProblemKind::Corrupt(Clean::line(&e.to_string()));
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(one_line)?;
    let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) else {
        return Err(ProblemKind::Corrupt(Clean::lit("no format version")));
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(ProblemKind::FutureFormat(version));
    }
    if version == 0 {
        return Err(ProblemKind::Corrupt(Clean::lit("format version 0")));
    }
    serde_json::from_value(value).map_err(one_line)
}
