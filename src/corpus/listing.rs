//! Paths → the files to read: a folder's files recursively, in name order,
//! each folder once (symlink loops), each file once, kinds parallax does not read counted
//! for the one error line, what cannot be listed said in one warning.

use super::budget::Listing;
use super::input::format_of;
use super::model::LoadWarning;
use super::prepared::warn;
use super::read::read_cap;
use super::skipped::{SkippedKinds, unread_document};
use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// What listing the paths found.
#[derive(Default)]
pub struct Listed {
    /// Files to read, with their sizes as listed.
    pub files: Vec<(PathBuf, u64)>,
    /// Each file's metadata as listed (links followed), beside `files`.
    pub metadata: Vec<fs::Metadata>,
    pub warnings: Vec<LoadWarning>,
    /// Files in folders left unread for their kind.
    pub skipped: SkippedKinds,
    /// Of those, the documents (`.pdf`, `.docx`…): what to say of each
    /// when the rest loads.
    pub documents: Vec<LoadWarning>,
    /// Folders listed (canonical), against symlink loops and double visits.
    visited: HashSet<PathBuf>,
    /// Files listed, by device and inode: a file named and also inside a
    /// folder named, or reached by a link or another name, is one article,
    /// not two that read as a perfect copy. Known from the metadata already
    /// at hand, without resolving every path.
    files_seen: HashSet<(u64, u64)>,
}

/// List `path` into `out`: a file, or a folder's files recursively.
pub fn collect(path: &Path, named: bool, out: &mut Listed) {
    let warnings = &mut out.warnings;
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return warnings.push(warn(path, e.to_string())),
    };
    if meta.is_dir() {
        // Canonical paths guard against symlink loops and double visits.
        let Ok(canon) = fs::canonicalize(path) else {
            return warnings.push(warn(path, "cannot resolve folder".into()));
        };
        if !out.visited.insert(canon) {
            return;
        }
        let entries = match fs::read_dir(path) {
            Ok(rd) => rd,
            Err(e) => return warnings.push(warn(path, e.to_string())),
        };
        let children = sorted_children(
            entries
                .filter_map(|e| e.ok().map(|e| (e.file_name(), e.path())))
                .collect(),
        );
        for c in children {
            collect(&c, false, out);
        }
    } else if meta.is_file() {
        if named || format_of(path).is_some() {
            // Inode 0 is no identity (some network file systems).
            if meta.ino() != 0 && !out.files_seen.insert((meta.dev(), meta.ino())) {
                return;
            }
            out.files.push((path.to_path_buf(), meta.len()));
            out.metadata.push(meta);
        } else {
            out.skipped.add(path);
            out.documents.extend(unread_document(path));
        }
    } else if named || format_of(path).is_some() {
        warnings.push(warn(path, "not a regular file".into()));
    }
}

/// A folder's entries (name, path) in the order of their paths. Every path
/// is the folder joined with one name (no separator in it), so paths order
/// as their names' bytes do: compared so, without splitting each path into
/// components at every comparison (a tenth of listing a big folder).
fn sorted_children(mut children: Vec<(OsString, PathBuf)>) -> Vec<PathBuf> {
    children.sort_by(|(a, _), (b, _)| a.as_bytes().cmp(b.as_bytes()));
    children.into_iter().map(|(_, path)| path).collect()
}

/// What loading `paths` would read, listed as the loader lists them and
/// reading no file (the analysis cache keys a loaded corpus by what it
/// was read from).
#[derive(Debug, Clone)]
pub struct ListedInputs {
    pub files: Vec<PathBuf>,
    /// Each file's size as listed (before the read cap).
    pub sizes: Vec<u64>,
    /// Each file's metadata as listed (links followed).
    pub metadata: Vec<fs::Metadata>,
    pub warnings: Vec<LoadWarning>,
    pub listing: Listing,
}

/// List `paths` (files and folders, no links) as the loader does.
pub fn list_inputs(paths: &[PathBuf]) -> ListedInputs {
    let mut found = Listed::default();
    for p in paths {
        collect(p, true, &mut found);
    }
    let listing = Listing {
        files: found.files.len(),
        bytes: found.files.iter().map(|(p, n)| (*n).min(read_cap(p))).sum(),
    };
    let (files, sizes) = found.files.into_iter().unzip();
    ListedInputs {
        files,
        sizes,
        metadata: found.metadata,
        warnings: found.warnings,
        listing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::os::unix::ffi::OsStringExt;

    #[test]
    fn a_file_named_and_in_a_folder_named_is_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("spill");
        fs::create_dir(&folder).unwrap();
        for name in ["ledger.txt", "wire.txt"] {
            fs::write(folder.join(name), "Title\n\nA paragraph of text.\n").unwrap();
        }
        std::os::unix::fs::symlink(folder.join("wire.txt"), dir.path().join("link.txt")).unwrap();
        let named = folder.join("ledger.txt");
        let dotted = dir.path().join("spill/./ledger.txt");
        let listed = list_inputs(&[
            named.clone(),
            folder.clone(),
            dotted,
            dir.path().join("link.txt"),
        ]);
        assert_eq!(listed.files, [named, folder.join("wire.txt")]);
        assert_eq!(listed.sizes.len(), 2);
        assert_eq!(listed.metadata.len(), 2);
    }

    proptest! {
        #[test]
        fn children_sort_as_their_paths_do(
            dir in prop::sample::select(vec!["", "/", "a", "./b", "c/./d/", "../e", "f//g"]),
            names in prop::collection::hash_set(
                prop::collection::vec(
                    prop_oneof![
                        4 => prop::sample::select(b"aAbz09.-_ ~".to_vec()),
                        1 => (1u8..=255).prop_filter("no separator", |&b| b != b'/'),
                    ],
                    1..8,
                ),
                0..12,
            ),
        ) {
            let names: Vec<OsString> = names
                .into_iter()
                .map(OsString::from_vec)
                .filter(|n| n != "." && n != "..")
                .collect();
            let entries: Vec<(OsString, PathBuf)> = names
                .iter()
                .map(|n| (n.clone(), Path::new(dir).join(n)))
                .collect();
            let mut plain: Vec<PathBuf> = entries.iter().map(|(_, p)| p.clone()).collect();
            plain.sort();
            prop_assert_eq!(sorted_children(entries), plain);
        }
    }
}
