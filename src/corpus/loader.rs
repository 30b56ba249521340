//! Files and folders → `Corpus`. Reads regular files only, caps what it
//! reads, skips what it cannot use with one warning per file, and never
//! panics on odd input.

use super::builtin;
use super::classify::classify;
use super::decode::decode;
use super::markdown::segment_markdown;
use super::metadata;
use super::model::{Article, Corpus, LoadWarning};
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
    #[error("no readable article in {}", .0)]
    Empty(String),
}

/// Load the built-in corpus (five articles embedded in the binary).
pub fn load_builtin() -> Corpus {
    let sources = builtin::ARTICLES
        .iter()
        .map(|(name, bytes)| Source {
            name: name.to_string(),
            path: None,
            bytes: bytes.to_vec(),
            truncated: false,
        })
        .collect();
    build(sources, Vec::new())
}

/// Load files and folders; folders are read recursively in sorted order.
pub fn load_paths(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    load_paths_with_progress(paths, &mut |_, _| {})
}

/// As `load_paths`, calling `progress(files_read, files_total)` now and
/// then so a caller can show progress on long loads.
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Corpus, LoadError> {
    let mut warnings = Vec::new();
    let mut files = Vec::new();
    let mut visited = HashSet::new();
    for p in paths {
        collect(p, true, &mut files, &mut warnings, &mut visited);
    }
    let mut sources = Vec::new();
    let total = files.len();
    for (n, f) in files.into_iter().enumerate() {
        if n % 256 == 0 {
            progress(n, total);
        }
        match read_capped(&f) {
            Ok((bytes, truncated)) => {
                if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                    warnings.push(warn(&f, "empty file".into()));
                } else if looks_binary(&bytes) {
                    warnings.push(warn(&f, "binary file (NUL bytes)".into()));
                } else {
                    let name = f
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    // The path is shown (list --json), so it is sanitised
                    // like every other text that reaches a screen.
                    let shown = PathBuf::from(sanitize_line(&f.display().to_string()));
                    sources.push(Source {
                        name,
                        path: Some(shown),
                        bytes,
                        truncated,
                    });
                }
            }
            Err(e) => warnings.push(warn(&f, e.to_string())),
        }
    }
    progress(total, total);
    let corpus = build(sources, warnings);
    if corpus.articles.is_empty() {
        let names: Vec<String> = paths
            .iter()
            .map(|p| sanitize_line(&p.display().to_string()))
            .collect();
        return Err(LoadError::Empty(names.join(", ")));
    }
    Ok(corpus)
}

fn warn(path: &Path, message: String) -> LoadWarning {
    LoadWarning {
        path: PathBuf::from(sanitize_line(&path.display().to_string())),
        message: sanitize_line(&message),
    }
}

fn collect(
    path: &Path,
    named: bool,
    files: &mut Vec<PathBuf>,
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
            files.push(path.to_path_buf());
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

fn build(sources: Vec<Source>, mut warnings: Vec<LoadWarning>) -> Corpus {
    let mut ids = HashSet::new();
    let mut articles = Vec::with_capacity(sources.len());
    for s in sources {
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
        if blocks.is_empty() {
            if let Some(p) = &s.path {
                warnings.push(warn(p, "no text".into()));
            }
            continue;
        }
        if let (true, Some(p)) = (s.truncated, &s.path) {
            let cut = format!(
                "larger than {} MiB; the rest was not read",
                MAX_FILE_BYTES >> 20
            );
            warnings.push(warn(p, cut));
        }
        let mut meta = metadata::extract(&blocks);
        meta.title = front.title.or(meta.title);
        meta.outlet = front.outlet.or(meta.outlet);
        meta.date = front.date.or(meta.date);
        meta.byline = front.byline.or(meta.byline);
        let id = unique_id(&s.name, &mut ids);
        articles.push(Article {
            id,
            path: s.path,
            meta,
            blocks,
            hidden_chars: hidden,
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
