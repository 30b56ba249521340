//! The analysis cache: what the analysis found in a corpus, kept on disk so
//! the next launch on the same files reads it instead of working it out.
//!
//! - **Where**: `analysis/` in the cache folder (`location`).
//! - **Keyed by** the content of every article as loaded (`key`), the
//!   parallax version and cache format (in each file's header), and the
//!   options that change a result (near-duplicate threshold and scope, in
//!   the entry's name). A renamed or moved file still matches.
//! - **Entries** (`<corpus key>.<part>`): `dups-<options>`, `topics`,
//!   `related`, and `shingles` (each article's shingle sets), plus one
//!   pointer per set of inputs (`last-<inputs>`) to the corpus key last
//!   analysed from them.
//! - **What is incremental**: near-duplicates. When a corpus is new but its
//!   inputs were analysed before, the articles whose content is unchanged
//!   keep their shingle sets and their pairs with each other; only changed
//!   or new articles are shingled and joined against the rest
//!   (`analysis::dups::incremental`). Topics and the related index are
//!   whole-corpus (salience and IDF depend on every article): any change
//!   makes them again.
//! - **Trust**: every file is checksummed and checked against the corpus
//!   before use (`frame`, `codec`); a damaged, cut or stale file is made
//!   again, with one warning line for the whole launch. Large files are
//!   memory-mapped, not copied (`frame::read`).
//! - **Input files** are known by their content hash; a file whose stat
//!   (inode, size, modification and change times) is as when it was last
//!   hashed, and which had not changed just before, is not read again
//!   (`trust`, git's rule for its index; the inputs' `seen` entry).
//! - **Reading** a fully cached analysis decodes its parts on two threads
//!   (`Parts::at_hand`).
//! - **Concurrency**: files are replaced by rename, so two parallax
//!   processes at once leave complete files; at worst both do the work.
//! - Small corpora (under [`MIN_CACHED_BYTES`] of text) are analysed every
//!   time: that is faster than reading a cache.

mod blob;
mod bound;
mod codec;
mod frame;
mod key;
mod load;
mod location;
mod store;
mod trust;

pub use bound::Bound;
pub use frame::Damage;
pub use location::{CACHE_DIR_ENV, Usage, analysis_dir, clear, usage};

use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Corpora with less block text than this are not cached.
pub const MIN_CACHED_BYTES: usize = 128 * 1024;
/// When set (to anything), each part of the analysis says on standard
/// error whether it was read from the cache or made, and how much of it
/// was made again: `parallax: cache: …`.
pub const TRACE_ENV: &str = "PARALLAX_CACHE_TRACE";

/// The cache as one command uses it.
#[derive(Debug)]
pub struct Cache {
    /// `None`: off (`--no-cache`, or no cache folder known).
    dir: Option<PathBuf>,
    /// Names the inputs (see `key::lineage`), for incremental updates.
    lineage: Option<u128>,
    trace: bool,
    /// See `trust::RACY` (shorter in tests).
    racy: std::time::Duration,
    problems: Mutex<Problems>,
    /// The keys of the corpus loaded last, until it is bound (once).
    loaded: Mutex<Option<key::LoadedKeys>>,
    /// Set by the reader (`write_corpus_later`): a load leaves the corpus
    /// entry to `Bound::keep`, after the analysis is shown.
    corpus_later: std::sync::atomic::AtomicBool,
    /// The corpus entry a load left to write.
    corpus_unkept: Mutex<Option<load::UnkeptCorpus>>,
}

#[derive(Debug, Default)]
struct Problems {
    /// (file name, why it was not used), not yet said.
    found: Vec<(String, Damage)>,
}

impl Cache {
    /// No cache: everything is computed.
    pub fn off() -> Cache {
        Cache {
            dir: None,
            lineage: None,
            trace: false,
            racy: trust::RACY,
            problems: Mutex::default(),
            loaded: Mutex::default(),
            corpus_later: Default::default(),
            corpus_unkept: Mutex::default(),
        }
    }

    /// The cache in `dir` (its `analysis/` folder itself).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: Some(dir.into()),
            trace: std::env::var_os(TRACE_ENV).is_some(),
            ..Cache::off()
        }
    }

    /// The user's cache (see `location`), or off when `enabled` is false
    /// or no cache folder is known.
    pub fn from_env(enabled: bool) -> Cache {
        match analysis_dir().filter(|_| enabled) {
            Some(dir) => Cache::at(dir),
            None => Cache::off(),
        }
    }

    /// The cache for a corpus read from `paths`: the analysis of the
    /// previous version of the same inputs is a starting point.
    pub fn for_inputs(mut self, paths: &[PathBuf]) -> Cache {
        self.lineage = (!paths.is_empty()).then(|| key::lineage(paths));
        self
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Use the cache for `corpus`. When it is the corpus this cache
    /// loaded last (not a copy of it), its article keys are those found
    /// while loading; only the first bind takes them.
    pub fn bind<'c>(&'c self, corpus: &'c Corpus) -> Bound<'c> {
        let loaded = lock(&self.loaded).take();
        Bound::new(self, corpus, loaded.and_then(|k| k.of_corpus(corpus)))
    }

    /// Keep the article keys of the corpus just loaded for its `bind`.
    fn loaded_keys(&self, corpus: &Corpus, keys: Vec<u128>) {
        *lock(&self.loaded) = Some(key::LoadedKeys::of(corpus, keys));
    }

    fn damaged(&self, file: &str, why: Damage) {
        lock(&self.problems).found.push((file.to_string(), why));
    }

    /// One line saying which cache files could not be used (and were made
    /// again) since the last call; `None` if all was well.
    pub fn take_warning(&self) -> Option<Clean> {
        let found = std::mem::take(&mut lock(&self.problems).found);
        let (file, why) = found.first()?;
        let more = match found.len() {
            1 => String::new(),
            n => format!(
                " (and {} more file{})",
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        };
        Some(crate::clean!(
            "analysis cache: {file}: {why}{more}; analysed again"
        ))
    }

    /// Print the warning, if any, on standard error.
    pub fn warn(&self) {
        if let Some(w) = self.take_warning() {
            crate::diag::warn(&w);
        }
    }

    fn trace(&self, what: std::fmt::Arguments) {
        if self.trace {
            crate::diag::note(&crate::clean!("cache: {what}"));
        }
    }
}

/// A lock whose holder panicked still guards sound data here.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
