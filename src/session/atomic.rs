//! Atomic file replacement: a reader of the target sees the old content or
//! the new, never a mix, even if the writer is killed or the machine loses
//! power. Write a temporary file in the same folder, fsync it, rename it
//! over the target, fsync the folder (so the rename itself is durable).

use super::error::SessionError;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Temporaries are named `.TARGET.tmp.PID.N`: hidden, and recognisable as
/// leftovers of a writer that was killed (see [`is_temporary_of`]).
const TMP_MARK: &str = ".tmp.";

/// Replace `target` with `bytes`. `mode` is the new file's permission bits
/// on Unix (subject to the umask). The folder must exist.
pub fn write_atomic(target: &Path, bytes: &[u8], mode: u32) -> Result<(), SessionError> {
    replace(target, bytes, Perms::New(mode))
}

/// Replace the regular file `target`, whose metadata is `old`, with
/// `bytes`, keeping its exact mode (not subject to the umask) and, where
/// this process may, its owner and group.
#[cfg(unix)]
pub fn replace_keeping(
    target: &Path,
    bytes: &[u8],
    old: &std::fs::Metadata,
) -> Result<(), SessionError> {
    use std::os::unix::fs::MetadataExt;
    replace(
        target,
        bytes,
        Perms::Keep {
            mode: old.mode() & 0o7777,
            uid: old.uid(),
            gid: old.gid(),
        },
    )
}

/// The permissions of the new file.
#[derive(Clone, Copy)]
enum Perms {
    /// Created with this mode, less the umask.
    New(u32),
    /// Exactly these, as the file being replaced had.
    #[cfg_attr(not(unix), allow(dead_code))]
    Keep { mode: u32, uid: u32, gid: u32 },
}

fn replace(target: &Path, bytes: &[u8], perms: Perms) -> Result<(), SessionError> {
    let dir = parent_of(target);
    let tmp = temporary_for(target);
    let result = write_new(&tmp, bytes, perms)
        .and_then(|()| std::fs::rename(&tmp, target))
        .map_err(|e| SessionError::io(target, e));
    if result.is_err() {
        // Best effort: a leftover temporary is harmless but untidy.
        let _ = std::fs::remove_file(&tmp);
        return result;
    }
    sync_dir(&dir).map_err(|e| SessionError::io(&dir, e))
}

/// The folder holding `path` ("." for a bare file name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn temporary_for(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    parent_of(target).join(format!(".{name}{TMP_MARK}{}.{n}", std::process::id()))
}

/// Whether `file_name` is a temporary of an atomic write of `target_name`.
pub fn is_temporary_of(file_name: &str, target_name: &str) -> bool {
    file_name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(target_name))
        .is_some_and(|rest| rest.starts_with(TMP_MARK))
}

fn write_new(path: &Path, bytes: &[u8], perms: Perms) -> std::io::Result<()> {
    let mut opts = OpenOptions::new();
    // `create_new` is O_EXCL: a link planted at the temporary's name is
    // never followed.
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(match perms {
            Perms::New(mode) => mode,
            // Private until the mode is set exactly below.
            Perms::Keep { .. } => 0o600,
        });
    }
    let mut file = opts.open(path)?;
    #[cfg(unix)]
    if let Perms::Keep { mode, uid, gid } = perms {
        use std::os::unix::fs::PermissionsExt;
        // Owner first (a change of owner may clear set-id bits), each only
        // where allowed: an ordinary user keeps a file of their own, and
        // root keeps anyone's.
        if std::os::unix::fs::fchown(&file, Some(uid), Some(gid)).is_err() {
            let _ = std::os::unix::fs::fchown(&file, None, Some(gid));
        }
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = perms;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Make a rename in `dir` durable. Only Unix can open a folder for this;
/// elsewhere the rename is as durable as the platform makes it.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_recognised() {
        let t = temporary_for(Path::new("/x/default.json"));
        let name = t.file_name().unwrap().to_string_lossy().into_owned();
        assert!(is_temporary_of(&name, "default.json"), "{name}");
        assert!(!is_temporary_of(&name, "default"));
        assert!(!is_temporary_of("default.json", "default.json"));
    }
}
