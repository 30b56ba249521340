//! Opening files in the data folder. The folder may be shared, synced or
//! handed over, so what sits at `NAME.json` or `NAME.lock` is input too:
//! a link is never followed (a dangling `NAME.lock` link would otherwise
//! make parallax create a file at its target), a FIFO never blocks an
//! `open()`, and only a regular file owned by this user is used. Each
//! refusal is an I/O error that reads as one line.

use super::error::SessionError;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

/// Flags for every open here: no link at the last component, no blocking
/// on a FIFO or device (for a regular file the flag changes nothing).
const FLAGS: i32 = libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;

/// Open an existing file for reading; `None` when there is none.
pub(crate) fn open_existing(path: &Path) -> Result<Option<File>, SessionError> {
    match OpenOptions::new().read(true).custom_flags(FLAGS).open(path) {
        Ok(file) => {
            check(&file, path)?;
            Ok(Some(file))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(refusal(path, e)),
    }
}

/// Open the file at `path` for reading and writing, creating it with
/// `mode` (exclusively: never through a link) when there is none.
pub(crate) fn open_or_create(path: &Path, mode: u32) -> Result<File, SessionError> {
    // Another instance may create or remove it between the two opens:
    // a few tries settle that race.
    for _ in 0..8 {
        let existing = OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(FLAGS)
            .open(path);
        match existing {
            Ok(file) => {
                check(&file, path)?;
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(refusal(path, e)),
        }
        let created = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(mode)
            .custom_flags(FLAGS)
            .open(path);
        match created {
            Ok(file) => return Ok(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(refusal(path, e)),
        }
    }
    Err(SessionError::io(
        path,
        io::Error::other("keeps appearing and disappearing; try again"),
    ))
}

/// A regular file owned by this user, or a one-line refusal.
fn check(file: &File, path: &Path) -> Result<(), SessionError> {
    let meta = file.metadata().map_err(|e| SessionError::io(path, e))?;
    if !meta.is_file() {
        return Err(SessionError::io(
            path,
            io::Error::other("not a regular file"),
        ));
    }
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        return Err(SessionError::io(
            path,
            io::Error::other(format!(
                "owned by uid {}, not by this user (uid {me}); refusing to use it",
                meta.uid()
            )),
        ));
    }
    Ok(())
}

/// An open error, said plainly: `O_NOFOLLOW` on a link fails with ELOOP,
/// whose own message ("Too many levels of symbolic links") misleads.
fn refusal(path: &Path, e: io::Error) -> SessionError {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if e.raw_os_error() == Some(libc::ELOOP) && is_link {
        return SessionError::io(
            path,
            io::Error::other(
                "is a symbolic link; parallax does not follow links in its data folder",
            ),
        );
    }
    SessionError::io(path, e)
}
