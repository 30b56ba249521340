//! Loading through the cache: the files are listed and read as the loader
//! would, hashed (the cost of reading them, about that of `cat`), and when
//! a corpus was loaded from exactly these files, names, options and
//! parallax version before, it is read back instead of taking every file
//! apart again. Any difference (one byte of one file, a file added, a
//! listing warning) loads afresh: the corpus-wide loading passes (ids,
//! repeated chrome, outlets) depend on every file.

use super::frame::{self, Damage};
use super::key::hash_of;
use super::{Cache, MIN_CACHED_BYTES, codec};
use crate::corpus::{Corpus, LoadError, LoadOptions, list_inputs, load_paths_with};
use std::io::Read;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_128;

const CORPUS: &str = "corpus";
/// Per set of inputs: the corpus entry last written for them.
const LAST_CORPUS: &str = "last-corpus";
/// Files below this many are hashed on the calling thread.
const PARALLEL_MIN_FILES: usize = 16;

impl Cache {
    /// `corpus::load_paths_with`, through the cache.
    pub fn load(&self, paths: &[PathBuf], opts: LoadOptions) -> Result<Corpus, LoadError> {
        // Only inputs on this machine's disk can be hashed here.
        // Links are fetched (and kept by the page cache), and `--refresh`
        // asks for every link again: such loads are not cached.
        if self.dir.is_none()
            || paths.is_empty()
            || opts.input.refresh
            || !paths.iter().all(|p| p.exists())
        {
            return load_paths_with(paths, opts);
        }
        let listed = list_inputs(paths);
        // A file past its read cap is read only in part by the loader;
        // hashing it whole could take as long as a huge (or sparse) file.
        let whole: u64 = listed.sizes.iter().sum();
        if listed.listing.bytes < MIN_CACHED_BYTES as u64 || whole != listed.listing.bytes {
            return load_paths_with(paths, opts);
        }
        if let Some(limit) = opts.max_bytes
            && listed.listing.bytes > limit
        {
            return Err(LoadError::TooBig {
                listing: listed.listing,
                limit,
            });
        }
        (opts.on_listing)(listed.listing);
        let total = listed.files.len();
        let progress = opts.progress;
        progress(0, total);
        let listed_files: Vec<(&PathBuf, u64)> = listed
            .files
            .iter()
            .zip(listed.sizes.iter().copied())
            .collect();
        let hashes = crate::parallel::map_with_progress(
            &listed_files,
            PARALLEL_MIN_FILES,
            |&(f, size)| content_hash(f, size),
            &mut |done| progress(done, total),
        );
        // Listed once already: the loader must not say it again.
        let fetching = opts.fetching;
        let mut fresh = |progress: &mut dyn FnMut(usize, usize)| {
            load_paths_with(
                paths,
                LoadOptions {
                    max_bytes: opts.max_bytes,
                    input: opts.input,
                    on_listing: &mut |_| {},
                    progress,
                    fetching: &mut *fetching,
                },
            )
        };
        // A file that cannot be read now is the loader's to report.
        let Some(hashes) = hashes.into_iter().collect::<Option<Vec<u128>>>() else {
            return fresh(progress);
        };
        let names: Vec<String> = listed
            .files
            .iter()
            .map(|f| f.to_string_lossy().into_owned())
            .collect();
        let warnings: Vec<String> = listed.warnings.iter().map(|w| w.to_string()).collect();
        let key = hash_of(&(
            frame::FORMAT,
            names,
            hashes,
            warnings,
            format!("{:?}", opts.input),
        ));
        let path = self.entry_path(CORPUS, key);
        if let Some(corpus) = self.read_entry(&path, |bytes| {
            let wire: codec::corpus::CorpusWire = frame::decode(bytes, CORPUS, key)?;
            wire.corpus().ok_or(Damage::Inconsistent)
        }) {
            self.trace(format_args!("corpus: read"));
            return Ok(corpus);
        }
        let corpus = fresh(progress)?;
        self.trace(format_args!("corpus: loaded"));
        self.write_entry(&path, CORPUS, key, &codec::corpus::out(&corpus));
        self.supersede(LAST_CORPUS, CORPUS, key);
        Ok(corpus)
    }
}

/// xxh3-128 of a file's bytes; `None` if it cannot be read as a regular
/// file of the size listed (opened without blocking: a FIFO swapped in
/// must not hang; a file grown since is the loader's to cut).
fn content_hash(path: &Path, size: u64) -> Option<u128> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(size.saturating_add(1))
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 == size).then(|| xxh3_128(&bytes))
}
