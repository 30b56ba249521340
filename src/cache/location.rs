//! Where the cache lives and how big it is: `analysis/` in
//! `$PARALLAX_CACHE_DIR` if set, else in the platform cache folder
//! (`~/.cache/parallax` on Linux). Other kinds of cached data may share the
//! parent folder; only `analysis/` is ours.

use super::frame::TMP_MARK;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Overrides the platform cache folder (tests, portable set-ups).
pub const CACHE_DIR_ENV: &str = "PARALLAX_CACHE_DIR";
/// The analysis cache's own folder inside the cache folder.
pub const SUBDIR: &str = "analysis";
/// Past this the least recently used entries go.
pub const MAX_BYTES: u64 = 4 << 30;
/// A temporary older than this is a killed writer's, not a running one's.
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// The analysis cache folder (which may not exist yet); `None` when no
/// cache folder is known (no home folder).
pub fn analysis_dir() -> Option<PathBuf> {
    let base = match std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("", "", "parallax")?
            .cache_dir()
            .to_path_buf(),
    };
    Some(base.join(SUBDIR))
}

/// Files in the cache and their size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    pub files: usize,
    pub bytes: u64,
}

/// The regular files directly in `dir`, with size and last use.
fn entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, u64, SystemTime)>> {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for e in rd.flatten() {
        // Not followed: a link or folder planted here is not ours.
        let Ok(meta) = e.path().symlink_metadata() else {
            continue;
        };
        if meta.is_file() {
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            out.push((e.path(), meta.len(), used));
        }
    }
    Ok(out)
}

/// How much the cache in `dir` holds.
pub fn usage(dir: &Path) -> std::io::Result<Usage> {
    let list = entries(dir)?;
    Ok(Usage {
        files: list.len(),
        bytes: list.iter().map(|(_, n, _)| n).sum(),
    })
}

/// Remove every file of the cache in `dir`; what was removed.
pub fn clear(dir: &Path) -> std::io::Result<Usage> {
    let mut removed = Usage::default();
    for (path, bytes, _) in entries(dir)? {
        match std::fs::remove_file(&path) {
            Ok(()) => {
                removed.files += 1;
                removed.bytes += bytes;
            }
            // Gone already (another parallax pruning at the same time).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

/// Remove temporaries left by killed writers and, while the cache is over
/// `max_bytes`, its least recently used files. Failures are ignored: a
/// file another parallax removed first is gone either way.
pub fn prune(dir: &Path, max_bytes: u64) {
    let Ok(mut list) = entries(dir) else {
        return;
    };
    let now = SystemTime::now();
    list.retain(|(path, _, used)| {
        let temporary = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains(TMP_MARK));
        let old = now.duration_since(*used).unwrap_or_default() > STALE_TEMPORARY;
        if temporary && old {
            let _ = std::fs::remove_file(path);
        }
        !temporary
    });
    let mut total: u64 = list.iter().map(|(_, n, _)| n).sum();
    list.sort_by_key(|(_, _, used)| *used);
    for (path, bytes, _) in list {
        if total <= max_bytes {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total = total.saturating_sub(bytes);
        }
    }
}

/// Mark a file as just used (for pruning by last use).
pub fn touch(path: &Path) {
    use std::os::unix::fs::OpenOptionsExt;
    let opened = std::fs::File::options()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path);
    if let Ok(f) = opened {
        let _ = f.set_modified(SystemTime::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_clear_and_prune() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(usage(&d.join("missing")).unwrap(), Usage::default());
        std::fs::write(d.join("a"), vec![0u8; 100]).unwrap();
        std::fs::write(d.join("b"), vec![0u8; 50]).unwrap();
        std::fs::create_dir(d.join("folder")).unwrap();
        assert_eq!(
            usage(d).unwrap(),
            Usage {
                files: 2,
                bytes: 150
            }
        );
        let old = SystemTime::now() - Duration::from_secs(10);
        std::fs::File::options()
            .write(true)
            .open(d.join("a"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        prune(d, 60);
        assert!(!d.join("a").exists(), "the least recently used goes first");
        assert!(d.join("b").exists());
        assert_eq!(clear(d).unwrap().files, 1);
        assert!(d.join("folder").is_dir(), "only files are removed");
    }
}
