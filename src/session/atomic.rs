//! Atomic file replacement: a reader of the target sees the old content or
//! the new, never a mix, even if the writer is killed or the machine loses
//! power. Write a temporary file in the same folder (`tempfile`, created
//! with O_EXCL so a link planted at its name is never followed, and removed
//! again if anything fails), fsync it, rename it over the target, fsync the
//! folder (so the rename itself is durable).

use super::error::SessionError;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Temporaries are named `.TARGET.tmp.RANDOM`: hidden, and recognisable as
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
    let failed = |e| SessionError::io(target, e);
    let mut tmp = temporary_for(target, perms).map_err(failed)?;
    fill(tmp.as_file_mut(), bytes, perms).map_err(failed)?;
    // On failure the temporary comes back in the error and is removed as
    // it is dropped.
    tmp.persist(target).map_err(|e| failed(e.error))?;
    sync_dir(&dir).map_err(|e| SessionError::io(&dir, e))
}

/// The folder holding `path` ("." for a bare file name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new, empty temporary beside `target`, with the mode `perms` asks for
/// (`Keep`: private until `fill` sets it exactly).
fn temporary_for(target: &Path, perms: Perms) -> std::io::Result<NamedTempFile> {
    let name = target
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}{TMP_MARK}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(match perms {
            Perms::New(mode) => mode,
            Perms::Keep { .. } => 0o600,
        }));
    }
    #[cfg(not(unix))]
    let _ = perms;
    builder.tempfile_in(parent_of(target))
}

/// Whether `file_name` is a temporary of an atomic write of `target_name`.
pub fn is_temporary_of(file_name: &str, target_name: &str) -> bool {
    file_name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(target_name))
        .is_some_and(|rest| rest.starts_with(TMP_MARK))
}

/// Write `bytes` to the temporary `file` and make them durable, after
/// giving it the owner, group and exact mode that `Perms::Keep` asks for.
fn fill(file: &mut std::fs::File, bytes: &[u8], perms: Perms) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Perms::Keep { mode, uid, gid } = perms {
        use std::os::unix::fs::PermissionsExt;
        // Owner first (a change of owner may clear set-id bits), each only
        // where allowed: an ordinary user keeps a file of their own, and
        // root keeps anyone's.
        if std::os::unix::fs::fchown(&*file, Some(uid), Some(gid)).is_err() {
            let _ = std::os::unix::fs::fchown(&*file, None, Some(gid));
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
        let dir = tempfile::tempdir().unwrap();
        let t = temporary_for(&dir.path().join("default.json"), Perms::New(0o600)).unwrap();
        let name = t.path().file_name().unwrap().to_string_lossy().into_owned();
        assert!(is_temporary_of(&name, "default.json"), "{name}");
        assert!(!is_temporary_of(&name, "default"));
        assert!(!is_temporary_of("default.json", "default.json"));
    }

    #[test]
    fn a_failed_replace_leaves_the_target_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // A folder with something in it: the rename over it fails.
        let target = dir.path().join("busy");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), "kept").unwrap();
        assert!(write_atomic(&target, b"new", 0o600).is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("inside")).unwrap(),
            "kept"
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["busy"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_mode_asked_for_less_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("default.json");
        write_atomic(&target, b"{}", 0o600).unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read(&target).unwrap(), b"{}");
    }
}
