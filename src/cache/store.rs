//! Reading and writing one entry of the cache folder.

use super::Cache;
use super::frame::{self, Damage};
use super::location::{MAX_BYTES, prune, touch};
use serde::Serialize;
use std::path::{Path, PathBuf};

impl Cache {
    /// The file of entry `kind` for `key`.
    pub(super) fn entry_path(&self, kind: &str, key: u128) -> PathBuf {
        let dir = self.dir().map(PathBuf::from).unwrap_or_default();
        dir.join(format!("{key:032x}.{kind}"))
    }

    /// The entry at `path`, decoded: `None` when there is none or it is
    /// unusable (said once, see `Cache::take_warning`).
    pub(super) fn read_entry<T>(
        &self,
        path: &Path,
        decode: impl FnOnce(&[u8]) -> Result<T, Damage>,
    ) -> Option<T> {
        let found = frame::read(path).and_then(|bytes| bytes.map(|b| decode(&b)).transpose());
        match found {
            Ok(Some(value)) => {
                touch(path);
                Some(value)
            }
            Ok(None) => None,
            Err(why) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.damaged(&name, why);
                None
            }
        }
    }

    /// Keep `value` at `path` as entry `kind` for `key`. A cache that
    /// cannot be written (read-only, full disk) is only a cache: nothing is
    /// said.
    pub(super) fn write_entry(&self, path: &Path, kind: &str, key: u128, value: &impl Serialize) {
        let Some(dir) = self.dir() else {
            return;
        };
        if create_private_dir(dir).is_err() {
            return;
        }
        if let Err(e) = frame::write_value(path, kind, key, value) {
            self.trace(format_args!("{kind}: not written: {e}"));
        }
        prune(dir, MAX_BYTES);
    }
}

/// Create `dir` and its parents, private to the user where new.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

impl Cache {
    /// Point these inputs' `pointer` at entry `kind` of `key`, and remove
    /// the entries of the key it pointed at before (superseded: a corpus
    /// edited for days must not leave one entry per edit).
    pub(super) fn supersede(&self, pointer: &str, kind_prefix: &str, key: u128) {
        let (Some(lineage), Some(dir)) = (self.lineage, self.dir()) else {
            return;
        };
        let at = self.entry_path(pointer, lineage);
        let before = self.read_entry(&at, |b| frame::decode::<u128>(b, pointer, lineage));
        self.write_entry(&at, pointer, lineage, &key);
        let Some(before) = before.filter(|&b| b != key) else {
            return;
        };
        let prefix = format!("{before:032x}.{kind_prefix}");
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                if e.file_name().to_string_lossy().starts_with(&prefix) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}
