//! Knowing an input file is unchanged without reading it: its stat
//! (device, inode, size, modification and change times, to the
//! nanosecond) against the one recorded when it was last hashed, as git
//! trusts its index.
//!
//! Any write to a file moves its change time to "now", which no tool can
//! set back, so a file whose stat is as recorded was not written since,
//! with one exception git calls "racily clean": with a coarse file-system
//! clock, a write in the same clock tick as the recorded stat leaves the
//! times as they were. So a stat is only recorded as trustworthy when the
//! file's last change was [`RACY`] or more before hashing began; a file
//! changed more recently is hashed again at the next launch (and trusted
//! at the one after). A file replaced by a rename has another inode.
//!
//! Limits, as for git: a clock set back, or a file system that keeps no
//! change times, can defeat it. `--no-cache` always reads every file.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long before hashing began a file must have last changed for its
/// stat to be trusted next time.
pub const RACY: Duration = Duration::from_secs(2);

/// What a file's stat says of its identity and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    dev: u64,
    ino: u64,
    size: u64,
    /// Nanoseconds since the epoch.
    modified: i128,
    changed: i128,
}

impl FileStat {
    /// The stat of a regular file from its metadata (a link's target's:
    /// pointing the link elsewhere changes the inode).
    pub fn of(m: &std::fs::Metadata) -> Option<FileStat> {
        use std::os::unix::fs::MetadataExt;
        if !m.is_file() {
            return None;
        }
        let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
        Some(FileStat {
            dev: m.dev(),
            ino: m.ino(),
            size: m.size(),
            modified: ns(m.mtime(), m.mtime_nsec()),
            changed: ns(m.ctime(), m.ctime_nsec()),
        })
    }

    /// Whether the file last changed at least `racy` before `started`.
    fn settled(&self, started: i128, racy: Duration) -> bool {
        self.modified.max(self.changed) + racy.as_nanos() as i128 <= started
    }
}

/// Nanoseconds since the epoch now, on the clock file times are taken from.
pub fn now() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// One file as last hashed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    name: String,
    stat: FileStat,
    hash: u128,
}

/// The files of one set of inputs as last hashed, by name.
#[derive(Debug, Default)]
pub struct SeenFiles(HashMap<String, (FileStat, u128)>);

impl SeenFiles {
    pub fn from_records(records: Vec<Seen>) -> SeenFiles {
        SeenFiles(
            records
                .into_iter()
                .map(|s| (s.name, (s.stat, s.hash)))
                .collect(),
        )
    }

    /// The recorded hash of `name` if `stat` is the one recorded with it.
    pub fn hash_of(&self, name: &str, stat: &FileStat) -> Option<u128> {
        self.0
            .get(name)
            .and_then(|(seen, hash)| (seen == stat).then_some(*hash))
    }
}

/// What to record of files hashed (or trusted) in a launch that began at
/// `started`: those settled long enough to be trusted next time.
pub fn records<'a>(
    files: impl Iterator<Item = (&'a str, Option<FileStat>, u128)>,
    started: i128,
    racy: Duration,
) -> Vec<Seen> {
    files
        .filter_map(|(name, stat, hash)| {
            let stat = stat.filter(|s| s.settled(started, racy))?;
            Some(Seen {
                name: name.to_string(),
                stat,
                hash,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stat_vouches_only_for_the_same_file_settled_before_hashing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").unwrap();
        let stat = FileStat::of(&std::fs::metadata(&path).unwrap()).unwrap();
        assert_eq!(stat.size, 3);
        let name = "a.txt";
        // Changed just now: not settled two seconds before a launch now.
        assert!(records([(name, Some(stat), 7)].into_iter(), now(), RACY).is_empty());
        let kept = records([(name, Some(stat), 7)].into_iter(), now(), Duration::ZERO);
        let seen = SeenFiles::from_records(kept);
        assert_eq!(seen.hash_of(name, &stat), Some(7));
        assert_eq!(seen.hash_of("b.txt", &stat), None);
        // Written again: any time, size or identity that moved.
        for moved in [
            FileStat {
                changed: stat.changed + 1,
                ..stat
            },
            FileStat {
                modified: stat.modified - 1,
                ..stat
            },
            FileStat { size: 4, ..stat },
            FileStat {
                ino: stat.ino + 1,
                ..stat
            },
            FileStat {
                dev: stat.dev + 1,
                ..stat
            },
        ] {
            assert_eq!(seen.hash_of(name, &moved), None, "{moved:?}");
        }
        // Replaced by a rename: another inode.
        let other = dir.path().join("b.txt");
        std::fs::write(&other, "one").unwrap();
        std::fs::rename(&other, &path).unwrap();
        let now = FileStat::of(&std::fs::metadata(&path).unwrap()).unwrap();
        assert_ne!(now.ino, stat.ino);
        // Not a regular file.
        assert_eq!(FileStat::of(&std::fs::metadata(dir.path()).unwrap()), None);
    }
}
