//! Files and folders → `Corpus`. Reads regular files only, caps what it
//! reads, skips what it cannot use with one warning per file, and never
//! panics on odd input.

use super::budget::{DEFAULT_MAX_BYTES, Listing, LoadOptions, human_bytes};
use super::builtin;
use super::classify::classify;
use super::decode::decode;
use super::markdown::FrontMatter;
use super::markdown::segment_markdown;
use super::metadata;
use super::model::{Article, Block, Corpus, LoadWarning, Metadata};
use super::sanitize::{sanitize, sanitize_line};
use super::segment::segment_text;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes read from one file at most; the rest is left out with a warning.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Extensions read from folders. Files named explicitly are read whatever
/// their extension.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

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
        .map(|(name, bytes)| {
            prepare(Source {
                name: name.to_string(),
                path: None,
                bytes: bytes.to_vec(),
                truncated: false,
            })
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
        bytes: listed.iter().map(|(_, n)| (*n).min(MAX_FILE_BYTES)).sum(),
    };
    if let Some(limit) = opts.max_bytes
        && listing.bytes > limit
    {
        return Err(LoadError::TooBig { listing, limit });
    }
    (opts.on_listing)(listing);
    let files: Vec<PathBuf> = listed.into_iter().map(|(p, _)| p).collect();
    let progress = opts.progress;
    let total = files.len();
    progress(0, total);
    // Files are read and taken apart on every core; what needs the whole
    // corpus (ids, repeated chrome, outlets) comes after, in file order.
    let outcomes = crate::parallel::map_with_progress(
        &files,
        PARALLEL_MIN_FILES,
        |f| read_one(f),
        &mut |done| progress(done, total),
    );
    progress(total, total);
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

/// Read one listed file and take it apart.
fn read_one(f: &Path) -> Outcome {
    match read_capped(f) {
        Ok((bytes, truncated)) => {
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                Outcome::Skipped(warn(f, "empty file".into()))
            } else if looks_binary(&bytes) {
                Outcome::Skipped(warn(f, "binary file (NUL bytes)".into()))
            } else {
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The path is shown (list --json), so it is sanitised like
                // every other text that reaches a screen.
                let shown = PathBuf::from(sanitize_line(&f.display().to_string()));
                prepare(Source {
                    name,
                    path: Some(shown),
                    bytes,
                    truncated,
                })
            }
        }
        Err(e) => Outcome::Skipped(warn(f, e.to_string())),
    }
}

fn warn(path: &Path, message: String) -> LoadWarning {
    LoadWarning {
        path: PathBuf::from(sanitize_line(&path.display().to_string())),
        message: sanitize_line(&message),
    }
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
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if named || ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            files.push((path.to_path_buf(), meta.len()));
        }
    } else if named || has_text_extension(path) {
        warnings.push(warn(path, "not a regular file".into()));
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn read_capped(path: &Path) -> std::io::Result<(Vec<u8>, bool)> {
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
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let truncated = bytes.len() as u64 > MAX_FILE_BYTES;
    bytes.truncate(MAX_FILE_BYTES as usize);
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

struct Source {
    name: String,
    path: Option<PathBuf>,
    bytes: Vec<u8>,
    /// Cut at `MAX_FILE_BYTES`: said in the file's one warning if it loads.
    truncated: bool,
}

/// One file after reading: an article taken apart (with the warning that
/// it was cut, if it was), or why it was skipped.
enum Outcome {
    Loaded(Prepared, Option<LoadWarning>),
    Skipped(LoadWarning),
}

/// An article before the passes over the whole corpus.
struct Prepared {
    name: String,
    path: Option<PathBuf>,
    meta: Metadata,
    blocks: Vec<Block>,
    hidden: usize,
}

/// Decode, sanitise, segment, classify and read the metadata of one file:
/// everything that needs only the file itself.
fn prepare(s: Source) -> Outcome {
    let (text, _) = decode(&s.bytes);
    let clean = sanitize(&text);
    let is_markdown = Path::new(&s.name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let mut hidden = clean.hidden;
    let (raw, front) = if is_markdown {
        let (mut raw, front) = segment_markdown(&clean.text);
        // The parser decodes character references (`&#27;`, `&#x202E;`,
        // `&ZeroWidthSpace;`) after the text was sanitised, so what it
        // returns is sanitised again.
        for b in &mut raw {
            let s = sanitize(&b.text);
            hidden += s.hidden;
            b.text = s.text;
        }
        (raw, front)
    } else {
        (segment_text(&clean.text), Default::default())
    };
    let blocks = classify(&raw);
    // One warning per file: why it was skipped, or that it was cut.
    let Some(path) = s.path else {
        return Outcome::Loaded(prepared(s.name, None, blocks, front, hidden), None);
    };
    if blocks.is_empty() {
        return Outcome::Skipped(warn(&path, "no text".into()));
    }
    let cut = s.truncated.then(|| {
        let why = format!(
            "larger than {} MiB; the rest was not read",
            MAX_FILE_BYTES >> 20
        );
        warn(&path, why)
    });
    Outcome::Loaded(prepared(s.name, Some(path), blocks, front, hidden), cut)
}

fn prepared(
    name: String,
    path: Option<PathBuf>,
    blocks: Vec<Block>,
    front: FrontMatter,
    hidden: usize,
) -> Prepared {
    let mut meta = metadata::extract(&blocks);
    meta.title = front.title.or(meta.title);
    meta.outlet = front.outlet.or(meta.outlet);
    meta.date = front.date.or(meta.date);
    meta.byline = front.byline.or(meta.byline);
    Prepared {
        name,
        path,
        meta,
        blocks,
        hidden,
    }
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
            id: unique_id(&p.name, &mut ids),
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

/// The file stem, sanitised, with "-2", "-3"... added on a clash.
fn unique_id(name: &str, taken: &mut HashSet<String>) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = sanitize_line(&stem).replace(char::is_whitespace, "_");
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
