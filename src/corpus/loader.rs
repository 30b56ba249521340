//! Files and folders → `Corpus`. Reads regular files only, caps what it
//! reads, skips what it cannot use with one warning per file, and never
//! panics on odd input.

use super::budget::{DEFAULT_MAX_BYTES, Listing, LoadOptions, human_bytes};
use super::builtin;
use super::compress::decompress;
use super::decode::drop_cut_character;
use super::fetch::Fetcher;
use super::input::{InputOptions, OutletFrom, format_of_named};
use super::listing::{Listed, collect};
use super::metadata;
use super::model::{Article, Corpus, LoadWarning, Metadata, OutletSource};
use super::outlet::outlet_from_path;
use super::prepare::prepare;
use super::prepared::{Outcome, Source, warn};
pub use super::read::MAX_FILE_BYTES;
use super::read::{looks_binary, read_cap, read_capped};
use super::remote::{self, Arg};
use super::renamed::{RenamedIds, unique_id};
use super::sanitize::sanitize_line;
use super::skipped::SkippedKinds;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

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
    /// them before this one line, so no reason is lost), and `skipped`
    /// which kinds of file the folders held that parallax does not read.
    #[error("no readable article in {paths}{}", skipped_note(skipped))]
    Empty {
        paths: String,
        warnings: Vec<LoadWarning>,
        skipped: SkippedKinds,
    },
    /// The one list of links named, none of which could be fetched: one
    /// line counting them; `warnings` as for `Empty` (its lines that
    /// were not links).
    #[error("{line}")]
    Unfetched {
        line: String,
        warnings: Vec<LoadWarning>,
    },
    /// A path named is missing: said as the shell says it.
    #[error("{paths}: no such file or directory")]
    Missing { paths: String },
}

impl LoadError {
    /// What the load warned of before it failed: a caller prints these
    /// before the error's one line.
    pub fn warnings(&self) -> &[LoadWarning] {
        match self {
            LoadError::Empty { warnings, .. } | LoadError::Unfetched { warnings, .. } => warnings,
            _ => &[],
        }
    }
}

/// " (skipped: 3 .pdf, 1 .docx; parallax reads …)" when folders held
/// files of kinds parallax does not read.
fn skipped_note(skipped: &SkippedKinds) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    // From the list the loader reads by, so the note never falls behind it.
    let kinds: Vec<String> = EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    format!(
        " (skipped: {skipped}; parallax reads {}, also .gz or .zst)",
        kinds.join(", ")
    )
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
                fetched_from: None,
                stem: None,
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
            fetching: &mut |_, _, _| {},
        },
    )
}

/// A path that is not there (a symbolic link to nothing is not there
/// either): what stops a load. Links (http, https) are never missing
/// here; they fail when fetched.
pub fn is_missing(path: &Path) -> bool {
    let link = path.to_str().is_some_and(super::fetch::links::is_link);
    !link && fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
}

/// As `load_paths_with_progress`, with a limit on the text read in all
/// (checked after listing, before anything is read) and a call saying
/// what is about to be read. Arguments that are links (or lists of
/// links) are fetched, cache first, before the files are read; articles
/// come in the order of the arguments.
pub fn load_paths_with(paths: &[PathBuf], opts: LoadOptions) -> Result<Corpus, LoadError> {
    let shown = |ps: &[&PathBuf]| -> String {
        let names: Vec<String> = ps
            .iter()
            .map(|p| sanitize_line(&p.display().to_string()))
            .collect();
        names.join(", ")
    };
    let mut warnings = Vec::new();
    let args = remote::sort_args(paths, &mut warnings);
    // A path that is not there stops the load, said as the shell says it
    // (a link is never "missing" here; it fails when fetched): a typo in
    // one of several paths would otherwise drop that coverage from a
    // comparison with only a warning and exit 0.
    let missing: Vec<&PathBuf> = args
        .iter()
        .filter_map(|a| match a {
            Arg::Path(p) if is_missing(p) => Some(p),
            _ => None,
        })
        .collect();
    if !missing.is_empty() {
        return Err(LoadError::Missing {
            paths: shown(&missing),
        });
    }
    // (argument, file, size as listed)
    let mut listed: Vec<(usize, PathBuf, u64)> = Vec::new();
    let mut found = Listed::default();
    for (i, arg) in args.iter().enumerate() {
        if let Arg::Path(p) = arg {
            collect(p, true, &mut found);
            listed.extend(found.files.drain(..).map(|(f, n)| (i, f, n)));
        }
    }
    warnings.append(&mut found.warnings);
    let skipped = std::mem::take(&mut found.skipped);
    let documents = std::mem::take(&mut found.documents);
    let mut listing = Listing {
        files: listed.len(),
        bytes: listed.iter().map(|(_, p, n)| (*n).min(read_cap(p))).sum(),
    };
    let over = |listing: Listing| match opts.max_bytes {
        Some(limit) if listing.bytes > limit => Err(LoadError::TooBig { listing, limit }),
        _ => Ok(()),
    };
    // Refused before anything is fetched or read.
    over(listing)?;
    let input = opts.input;
    // Made only when something is to be fetched.
    let made = std::cell::OnceCell::new();
    let fetcher = || made.get_or_init(|| Fetcher::new(remote::trusted(&args), input.refresh));
    let (mut from_links, mut unfetched) = (Vec::new(), Vec::new());
    let urls = remote::links_of(&args);
    if !urls.is_empty() {
        let fetched = fetcher().fetch_all(&urls, opts.fetching);
        (from_links, unfetched) =
            remote::take_apart(&args, fetched, input, &mut listing, &mut warnings);
        over(listing)?;
    }
    (opts.on_listing)(listing);
    let files: Vec<PathBuf> = listed.iter().map(|(_, p, _)| p.clone()).collect();
    let progress = opts.progress;
    let total = files.len();
    progress(0, total);
    // Files are read and taken apart on every core; what needs the whole
    // corpus (ids, repeated chrome, outlets) comes after, in file order.
    let from_files = crate::parallel::map_with_progress(
        &files,
        PARALLEL_MIN_FILES,
        |f| read_one(f, input),
        &mut |done| progress(done, total),
    );
    let mut by_arg: Vec<(usize, Vec<Outcome>)> = listed
        .iter()
        .map(|(i, _, _)| *i)
        .zip(from_files)
        .chain(from_links)
        .collect();
    by_arg.sort_by_key(|(i, _)| *i);
    let mut outcomes: Vec<Outcome> = by_arg.into_iter().flat_map(|(_, o)| o).collect();
    if outcomes.iter().any(|o| matches!(o, Outcome::Follow(_))) {
        outcomes = remote::follow(outcomes, fetcher(), input, opts.fetching);
    }
    let mut corpus = build(outcomes, warnings);
    if !corpus.articles.is_empty() {
        // A PDF beside the text files was likely meant to be read: each is
        // said by name (with nothing loaded, the error line counts them).
        corpus.warnings.extend(documents);
    }
    if corpus.articles.is_empty() {
        // One list of links named alone, none of them fetched: that line
        // says it all.
        if let ([_], [list]) = (paths, &unfetched[..]) {
            corpus.warnings.retain(|w| *w != list.warning());
            return Err(LoadError::Unfetched {
                line: list.error(),
                warnings: corpus.warnings,
            });
        }
        return Err(LoadError::Empty {
            paths: shown(&paths.iter().collect::<Vec<_>>()),
            warnings: corpus.warnings,
            skipped,
        });
    }
    Ok(corpus)
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
    let (mut bytes, cut) = match read {
        Ok(read) => read,
        Err(e) => return vec![Outcome::Skipped(warn(f, e))],
    };
    if cut {
        drop_cut_character(&mut bytes);
    }
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
        fetched_from: None,
        stem: None,
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

/// The passes that need the whole corpus, in file order.
fn build(outcomes: Vec<Outcome>, mut warnings: Vec<LoadWarning>) -> Corpus {
    let mut ids = HashSet::new();
    let mut renamed = RenamedIds::default();
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
            // Followed by `remote::follow` before; its summary otherwise.
            Outcome::Follow(f) => match f.fallback {
                Some(p) => p,
                None => continue,
            },
        };
        if p.blocks.is_empty() {
            continue;
        }
        let (id, was) = unique_id(&p.stem, &mut ids);
        if let Some(was) = was {
            renamed.add(p.path.as_deref(), p.stated_id, was, &id);
        }
        articles.push(Article {
            id,
            path: p.path,
            meta: p.meta,
            blocks: p.blocks,
            hidden_chars: p.hidden,
        });
    }
    warnings.extend(renamed.warnings());
    metadata::mark_repeated_chrome(&mut articles);
    metadata::infer_outlets(&mut articles);
    Corpus { articles, warnings }
}
