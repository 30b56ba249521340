//! Files and folders → `Corpus`. Reads regular files only, caps what it
//! reads, skips what it cannot use with one warning per file, and never
//! panics on odd input.

use super::budget::{DEFAULT_MAX_BYTES, Listing, LoadOptions, human_bytes};
use super::builtin;
use super::compress::decompress;
use super::input::{Format, InputOptions, OutletFrom, format_of, format_of_named};
use super::metadata;
use super::model::{Article, Corpus, LoadWarning, Metadata, OutletSource};
use super::outlet::outlet_from_path;
use super::prepare::{Outcome, Source, prepare, warn};
use super::sanitize::sanitize_line;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes read from one file at most (after decompression); the rest is
/// left out with a warning.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// A collection holds many articles, so it may be larger; the limit on
/// the whole load (`--max-bytes`) still applies.
pub const MAX_COLLECTION_BYTES: u64 = 1024 * 1024 * 1024;
pub use super::input::EXTENSIONS;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// More text than allowed: refused before anything is read.
    #[error(
        "{listing} is more text than the limit of {}; nothing was read \
         (--max-bytes SIZE raises the limit, e.g. --max-bytes 2G; 0 means no limit)",
        human_bytes(*.limit)
    )]
    TooBig { listing: Listing, limit: u64 },
    /// Nothing loaded; `warnings` says why for each file (a caller prints
    /// them before this one line, so no reason is lost).
    #[error("no readable article in {paths}")]
    Empty {
        paths: String,
        warnings: Vec<LoadWarning>,
    },
}

/// Load the built-in corpus (five articles embedded in the binary).
pub fn load_builtin() -> Corpus {
    let outcomes = builtin::ARTICLES
        .iter()
        .flat_map(|(name, bytes)| {
            let source = Source {
                name: name.to_string(),
                path: None,
                bytes: bytes.to_vec(),
                format: format_of_named(Path::new(name)).0,
                cut_at: None,
            };
            prepare(source, &InputOptions::default())
        })
        .collect();
    build(outcomes, Vec::new())
}

/// Load files and folders; folders are read recursively in sorted order.
pub fn load_paths(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    load_paths_with_progress(paths, &mut |_, _| {})
}

/// Files below this many are read on the calling thread: starting threads
/// costs more than it saves.
const PARALLEL_MIN_FILES: usize = 16;

/// As `load_paths`, calling `progress(files_read, files_total)` now and
/// then so a caller can show progress on long loads. The first call comes
/// after the folders are listed and before any file is read.
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Corpus, LoadError> {
    load_paths_with(
        paths,
        LoadOptions {
            max_bytes: Some(DEFAULT_MAX_BYTES),
            input: &InputOptions::default(),
            on_listing: &mut |_| {},
            progress,
        },
    )
}

/// As `load_paths_with_progress`, with a limit on the text read in all
/// (checked after listing, before anything is read) and a call saying
/// what is about to be read.
pub fn load_paths_with(paths: &[PathBuf], opts: LoadOptions) -> Result<Corpus, LoadError> {
    let mut warnings = Vec::new();
    let mut listed = Vec::new();
    let mut visited = HashSet::new();
    for p in paths {
        collect(p, true, &mut listed, &mut warnings, &mut visited);
    }
    let listing = Listing {
        files: listed.len(),
        bytes: listed.iter().map(|(p, n)| (*n).min(read_cap(p))).sum(),
    };
    if let Some(limit) = opts.max_bytes
        && listing.bytes > limit
    {
        return Err(LoadError::TooBig { listing, limit });
    }
    (opts.on_listing)(listing);
    let files: Vec<PathBuf> = listed.into_iter().map(|(p, _)| p).collect();
    let progress = opts.progress;
    let input = opts.input;
    let total = files.len();
    progress(0, total);
    // Files are read and taken apart on every core; what needs the whole
    // corpus (ids, repeated chrome, outlets) comes after, in file order.
    let outcomes = crate::parallel::map_with_progress(
        &files,
        PARALLEL_MIN_FILES,
        |f| read_one(f, input),
        &mut |done| progress(done, total),
    );
    progress(total, total);
    let outcomes = outcomes.into_iter().flatten().collect();
    let corpus = build(outcomes, warnings);
    if corpus.articles.is_empty() {
        let names: Vec<String> = paths
            .iter()
            .map(|p| sanitize_line(&p.display().to_string()))
            .collect();
        return Err(LoadError::Empty {
            paths: names.join(", "),
            warnings: corpus.warnings,
        });
    }
    Ok(corpus)
}

/// What `load_paths_with` would read, found as it finds it: the files in
/// order, the warnings of the listing, and its size.
#[derive(Debug, Clone)]
pub struct Listed {
    pub files: Vec<PathBuf>,
    /// Each file's size as listed (before the read cap).
    pub sizes: Vec<u64>,
    pub warnings: Vec<LoadWarning>,
    pub listing: Listing,
}

/// List `paths` as `load_paths_with` does, reading no file (the analysis
/// cache keys a loaded corpus by what it was read from).
pub fn list_inputs(paths: &[PathBuf]) -> Listed {
    let mut warnings = Vec::new();
    let mut listed = Vec::new();
    let mut visited = HashSet::new();
    for p in paths {
        collect(p, true, &mut listed, &mut warnings, &mut visited);
    }
    let listing = Listing {
        files: listed.len(),
        bytes: listed.iter().map(|(p, n)| (*n).min(read_cap(p))).sum(),
    };
    let (files, sizes) = listed.into_iter().unzip();
    Listed {
        files,
        sizes,
        warnings,
        listing,
    }
}

/// Bytes read from a file at most, by its kind.
fn read_cap(path: &Path) -> u64 {
    match format_of_named(path).0 {
        Format::JsonLines | Format::Csv => MAX_COLLECTION_BYTES,
        _ => MAX_FILE_BYTES,
    }
}

/// Read one listed file and take it apart: one outcome per article, or
/// per record of a collection.
fn read_one(f: &Path, input: &InputOptions) -> Vec<Outcome> {
    let (format, compression) = format_of_named(f);
    let cap = read_cap(f);
    let read = read_capped(f, cap)
        .map_err(|e| e.to_string())
        .and_then(|(bytes, cut)| {
            let (bytes, cut_inside) =
                decompress(bytes, compression, cap).map_err(|e| e.to_string())?;
            Ok((bytes, cut || cut_inside))
        });
    let (bytes, cut) = match read {
        Ok(read) => read,
        Err(e) => return vec![Outcome::Skipped(warn(f, e))],
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Outcome::Skipped(warn(f, "empty file".into()))];
    }
    if looks_binary(&bytes) {
        return vec![Outcome::Skipped(warn(f, "binary file (NUL bytes)".into()))];
    }
    let name = f
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The path is shown (list --json), so it is sanitised like every other
    // text that reaches a screen.
    let shown = PathBuf::from(sanitize_line(&f.display().to_string()));
    let source = Source {
        name,
        path: Some(shown),
        bytes,
        format,
        cut_at: cut.then_some(cap),
    };
    let mut outcomes = prepare(source, input);
    if let Some(from) = input.outlet_from {
        for o in &mut outcomes {
            if let Outcome::Loaded(p, _) = o {
                outlet_from_path_if_none(&mut p.meta, f, from);
            }
        }
    }
    outcomes
}

/// `--outlet-from`: the path names the outlet when nothing in the file did.
fn outlet_from_path_if_none(meta: &mut Metadata, path: &Path, from: OutletFrom) {
    if meta.outlet.is_some() {
        return;
    }
    meta.outlet = outlet_from_path(path, from);
    meta.outlet_source = meta.outlet.as_ref().map(|_| match from {
        OutletFrom::Parent => OutletSource::Parent,
        OutletFrom::Suffix => OutletSource::Suffix,
    });
}

/// Files to read, with their sizes as listed.
fn collect(
    path: &Path,
    named: bool,
    files: &mut Vec<(PathBuf, u64)>,
    warnings: &mut Vec<LoadWarning>,
    visited: &mut HashSet<PathBuf>,
) {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return warnings.push(warn(path, e.to_string())),
    };
    if meta.is_dir() {
        // Canonical paths guard against symlink loops and double visits.
        let Ok(canon) = fs::canonicalize(path) else {
            return warnings.push(warn(path, "cannot resolve folder".into()));
        };
        if !visited.insert(canon) {
            return;
        }
        let entries = match fs::read_dir(path) {
            Ok(rd) => rd,
            Err(e) => return warnings.push(warn(path, e.to_string())),
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for c in children {
            collect(&c, false, files, warnings, visited);
        }
    } else if meta.is_file() {
        if named || format_of(path).is_some() {
            files.push((path.to_path_buf(), meta.len()));
        }
    } else if named || has_text_extension(path) {
        warnings.push(warn(path, "not a regular file".into()));
    }
}

fn has_text_extension(path: &Path) -> bool {
    format_of(path).is_some()
}

fn read_capped(path: &Path, cap: u64) -> std::io::Result<(Vec<u8>, bool)> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking open: a FIFO swapped in after the type check must not
    // hang the loader; for regular files the flag changes nothing.
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    let truncated = bytes.len() as u64 > cap;
    bytes.truncate(cap as usize);
    Ok((bytes, truncated))
}

/// Outside a UTF-16 file, NUL bytes in the first 8 KiB mean binary, and so
/// does a NUL share above 1% anywhere: a text head on a sparse or padded
/// file would otherwise load as millions of placeholders.
fn looks_binary(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let nuls = || bytes.iter().filter(|&&b| b == 0).count();
    !utf16 && (bytes.iter().take(8192).any(|&b| b == 0) || nuls() > bytes.len() / 100)
}

/// The passes that need the whole corpus, in file order.
fn build(outcomes: Vec<Outcome>, mut warnings: Vec<LoadWarning>) -> Corpus {
    let mut ids = HashSet::new();
    let mut articles = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        let p = match outcome {
            Outcome::Skipped(w) => {
                warnings.push(w);
                continue;
            }
            Outcome::Loaded(p, cut) => {
                warnings.extend(cut);
                p
            }
        };
        if p.blocks.is_empty() {
            continue;
        }
        articles.push(Article {
            id: unique_id(&p.stem, &mut ids),
            path: p.path,
            meta: p.meta,
            blocks: p.blocks,
            hidden_chars: p.hidden,
        });
    }
    metadata::mark_repeated_chrome(&mut articles);
    metadata::infer_outlets(&mut articles);
    Corpus { articles, warnings }
}

/// The stem (a file stem or a record's id), sanitised, with "-2", "-3"...
/// added on a clash.
fn unique_id(stem: &str, taken: &mut HashSet<String>) -> String {
    let stem = sanitize_line(stem).replace(char::is_whitespace, "_");
    let stem = if stem.is_empty() {
        "article".to_string()
    } else {
        stem
    };
    let mut id = stem.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}
