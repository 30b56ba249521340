//! Where a report goes, decided by what is at the path it was given.
//!
//! - `-`: standard output.
//! - nothing: a new file (0666 less the umask), written atomically.
//! - a regular file: replaced atomically, keeping its mode and, where
//!   allowed, its owner and group. One with other hard links is refused:
//!   replacing it would cut the links, and writing in place would not be
//!   atomic (a reader could see half a report).
//! - a symbolic link: written through, never replaced: a link to a
//!   regular file replaces that file (as above); a link to a device or
//!   FIFO writes to it; a link to this process's standard output
//!   (`/dev/stdout`) writes there; a dangling link is refused, so no file
//!   is ever created at a link's target.
//! - a character device or a FIFO: written to as a stream, never
//!   replaced (`/dev/null` stays a device); a FIFO no process reads is
//!   refused at once instead of blocking.
//! - a folder, a socket, a block device: refused.
//!
//! Every refusal is one line: `-o PATH: why`.

use crate::corpus::sanitize::sanitize_line;
use crate::session::atomic::{parent_of, replace_keeping, write_atomic};
use std::fs::{File, Metadata, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Where the bytes go.
#[derive(Debug)]
pub enum Destination {
    Stdout,
    /// A regular file, replaced atomically; `old` is what it replaces.
    File {
        path: PathBuf,
        old: Option<Metadata>,
    },
    /// A character device or a FIFO, written to in place.
    Stream(PathBuf),
}

/// Why the output path was refused or could not be written.
#[derive(Debug, thiserror::Error)]
#[error("-o {shown}: {why}")]
pub struct OutputError {
    shown: String,
    why: String,
}

impl OutputError {
    fn new(path: &Path, why: impl std::fmt::Display) -> OutputError {
        OutputError {
            shown: sanitize_line(&path.display().to_string()),
            why: sanitize_line(&why.to_string()),
        }
    }
}

/// Decide where `path` leads, refusing what must not be written.
pub fn destination(path: &Path) -> Result<Destination, OutputError> {
    if path.as_os_str() == "-" {
        return Ok(Destination::Stdout);
    }
    let here = match path.symlink_metadata() {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = parent_of(path);
            if !dir.is_dir() {
                return Err(OutputError::new(path, "no such folder"));
            }
            return Ok(Destination::File {
                path: path.to_path_buf(),
                old: None,
            });
        }
        Err(e) => return Err(OutputError::new(path, e)),
    };
    if !here.file_type().is_symlink() {
        return classify(path, path.to_path_buf(), here);
    }
    let target = match path.metadata() {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(OutputError::new(
                path,
                "is a symbolic link to nothing; parallax does not create files through links",
            ));
        }
        Err(e) => return Err(OutputError::new(path, e)),
    };
    if is_stdout(&target) {
        return Ok(Destination::Stdout);
    }
    // The file the link leads to is replaced in its own folder; the link
    // stays as it is.
    let real = std::fs::canonicalize(path).map_err(|e| OutputError::new(path, e))?;
    classify(path, real, target)
}

fn classify(given: &Path, real: PathBuf, meta: Metadata) -> Result<Destination, OutputError> {
    let kind = meta.file_type();
    if kind.is_file() {
        if meta.nlink() > 1 {
            return Err(OutputError::new(
                given,
                format!(
                    "has {} hard links; replacing it would cut them and writing in place \
                     would not be atomic, so it is left alone (write elsewhere)",
                    meta.nlink()
                ),
            ));
        }
        return Ok(Destination::File {
            path: real,
            old: Some(meta),
        });
    }
    if kind.is_char_device() || kind.is_fifo() {
        return Ok(if is_stdout(&meta) {
            Destination::Stdout
        } else {
            Destination::Stream(real)
        });
    }
    let why = if kind.is_dir() {
        "is a folder"
    } else if kind.is_block_device() {
        "is a block device; parallax does not write reports onto disks"
    } else if kind.is_socket() {
        "is a socket"
    } else {
        "is not a regular file"
    };
    Err(OutputError::new(given, why))
}

/// Whether `meta` is the file this process's standard output is.
fn is_stdout(meta: &Metadata) -> bool {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: fstat writes a whole `stat` on success, read only then.
    if unsafe { libc::fstat(libc::STDOUT_FILENO, st.as_mut_ptr()) } != 0 {
        return false;
    }
    let st = unsafe { st.assume_init() };
    // The field types differ between platforms (u64 here, i32 on others).
    #[allow(clippy::unnecessary_cast)]
    let same = st.st_dev as u64 == meta.dev() && st.st_ino as u64 == meta.ino();
    same
}

/// Write `bytes` to `path` as [`destination`] decides (looked at again
/// now: the file may have changed since the early check). Standard output
/// is the caller's: `Ok(false)` says the bytes were not written.
pub fn write(path: &Path, bytes: &[u8]) -> Result<bool, OutputError> {
    match destination(path)? {
        Destination::Stdout => Ok(false),
        Destination::File { path: real, old } => {
            let done = match &old {
                Some(old) => replace_keeping(&real, bytes, old),
                // Mode 0666 less the umask, as for any file a command creates.
                None => write_atomic(&real, bytes, 0o666),
            };
            done.map_err(|e| OutputError::new(path, e))?;
            Ok(true)
        }
        Destination::Stream(real) => {
            stream(&real, bytes).map_err(|why| OutputError::new(path, why))?;
            Ok(true)
        }
    }
}

/// Write to a device or FIFO in place: no create, no truncate.
fn stream(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let file = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ENXIO) => "is a FIFO that no process is reading".to_string(),
            _ => e.to_string(),
        })?;
    let kind = file.metadata().map_err(|e| e.to_string())?.file_type();
    if !(kind.is_char_device() || kind.is_fifo()) {
        return Err("changed while the report was made; nothing written".into());
    }
    blocking(&file).map_err(|e| e.to_string())?;
    let mut file = file;
    match file.write_all(bytes).and_then(|()| file.flush()) {
        // The reader went away (`| head`): as for standard output.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}

/// Clear O_NONBLOCK: it was only for the open.
fn blocking(file: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
