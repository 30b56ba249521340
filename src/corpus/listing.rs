//! Paths → the files to read: a folder's files recursively, in name order,
//! each folder once (symlink loops), kinds parallax does not read counted
//! for the one error line, what cannot be listed said in one warning.

use super::budget::Listing;
use super::input::format_of;
use super::model::LoadWarning;
use super::prepared::warn;
use super::read::read_cap;
use super::skipped::SkippedKinds;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What listing the paths found.
#[derive(Default)]
pub struct Listed {
    /// Files to read, with their sizes as listed.
    pub files: Vec<(PathBuf, u64)>,
    pub warnings: Vec<LoadWarning>,
    /// Files in folders left unread for their kind.
    pub skipped: SkippedKinds,
    /// Folders listed (canonical), against symlink loops and double visits.
    visited: HashSet<PathBuf>,
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
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for c in children {
            collect(&c, false, out);
        }
    } else if meta.is_file() {
        if named || format_of(path).is_some() {
            out.files.push((path.to_path_buf(), meta.len()));
        } else {
            out.skipped.add(path);
        }
    } else if named || format_of(path).is_some() {
        warnings.push(warn(path, "not a regular file".into()));
    }
}

/// What loading `paths` would read, listed as the loader lists them and
/// reading no file (the analysis cache keys a loaded corpus by what it
/// was read from).
#[derive(Debug, Clone)]
pub struct ListedInputs {
    pub files: Vec<PathBuf>,
    /// Each file's size as listed (before the read cap).
    pub sizes: Vec<u64>,
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
        warnings: found.warnings,
        listing,
    }
}
