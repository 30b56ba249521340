//! An advisory lock per session (`NAME.lock` beside `NAME.json`), held
//! while a session is read-and-moved-aside or written, so two parallax
//! instances never interleave their writes or lose each other's updates.
//! It is a `flock` on Unix: the kernel drops it when the holder dies, so a
//! killed instance never leaves the session locked.

use super::error::SessionError;
use std::fs::File;
use std::path::Path;

/// Held until dropped.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
}

impl SessionLock {
    /// Wait for the lock at `path`, creating the lock file (0600) if needed.
    /// The folder must exist. A link, a FIFO or a file of another user at
    /// `path` is refused (see `open`).
    pub fn acquire(path: &Path) -> Result<SessionLock, SessionError> {
        let file = super::open::open_or_create(path, 0o600)?;
        match file.lock() {
            Ok(()) => Ok(SessionLock { file }),
            // A file system without locks (some network mounts): carry on
            // unlocked rather than refuse to save at all.
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(SessionLock { file }),
            Err(e) => Err(SessionError::io(path, e)),
        }
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; unlocking first just
        // makes the release not depend on other handles to the file.
        let _ = self.file.unlock();
    }
}
