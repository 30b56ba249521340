//! Loading through the cache: the files are listed as the loader would and
//! hashed (read, at about the cost of `cat`, unless their stat shows them
//! unchanged since they were last hashed: `trust`), and when
//! a corpus was loaded from exactly these files, names, options and
//! parallax version before, it is read back instead of taking every file
//! apart again. Any difference (one byte of one file, a file added, a
//! listing warning) loads afresh: the corpus-wide loading passes (ids,
//! repeated chrome, outlets) depend on every file.

use super::frame::{self, Damage};
use super::key::{LoadedKeys, hash_of};
use super::trust::{self, FileStat, Seen, SeenFiles};
use super::{Cache, MIN_CACHED_BYTES, codec};
use crate::corpus::{Corpus, ListedInputs, LoadError, LoadOptions, list_inputs, load_paths_with};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use xxhash_rust::xxh3::xxh3_128;

const CORPUS: &str = "corpus";
/// Per set of inputs: the corpus entry last written for them.
const LAST_CORPUS: &str = "last-corpus";
/// Per set of inputs: each file's stat when it was last hashed.
const SEEN: &str = "seen";
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
        // Before listing: the stats taken then are the ones recorded.
        let started = trust::now();
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
        let names: Vec<String> = listed
            .files
            .iter()
            .map(|f| f.to_string_lossy().into_owned())
            .collect();
        let hashes = self.input_hashes(&listed, &names, started, &mut |done| progress(done, total));
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
        let Some(InputHashes { hashes, read }) = hashes else {
            return fresh(progress);
        };
        self.trace(format_args!(
            "inputs: {} of {total} files known by their stat, {read} read",
            total - read
        ));
        let warnings: Vec<String> = listed.warnings.iter().map(|w| w.to_string()).collect();
        let key = hash_of(&(
            frame::FORMAT,
            names,
            hashes,
            warnings,
            format!("{:?}", opts.input),
        ));
        let path = self.entry_path(CORPUS, key);
        if let Some((corpus, article_keys)) = self.read_entry(&path, |bytes| {
            let wire: codec::corpus::CorpusIn = frame::decode(bytes, CORPUS, key)?;
            wire.corpus().ok_or(Damage::Inconsistent)
        }) {
            self.trace(format_args!("corpus: read"));
            self.loaded_keys(&corpus, article_keys);
            return Ok(corpus);
        }
        let corpus = fresh(progress)?;
        self.trace(format_args!("corpus: loaded"));
        let article_keys = super::key::article_keys(&corpus);
        if self.corpus_later.load(Ordering::Relaxed) {
            *super::lock(&self.corpus_unkept) = Some(UnkeptCorpus {
                path,
                key,
                of: LoadedKeys::of(&corpus, article_keys.clone()),
            });
        } else {
            self.keep_corpus_entry(&path, key, &corpus, &article_keys);
        }
        self.loaded_keys(&corpus, article_keys);
        Ok(corpus)
    }

    /// The reader's loads leave the corpus entry (about the size of the
    /// text) to [`Cache::keep_corpus`]: written while loading, it held up
    /// the library's first rows and the analysis.
    pub fn write_corpus_later(&self) {
        self.corpus_later.store(true, Ordering::Relaxed);
    }

    /// Write the corpus entry a load left, if `corpus` is that load's
    /// (once: a second call, or one on another thread, finds it written).
    pub fn keep_corpus(&self, corpus: &Corpus) {
        let Some(unkept) = super::lock(&self.corpus_unkept).take() else {
            return;
        };
        if let Some(keys) = unkept.of.of_corpus(corpus) {
            self.keep_corpus_entry(&unkept.path, unkept.key, corpus, &keys);
        }
    }

    fn keep_corpus_entry(&self, path: &Path, key: u128, corpus: &Corpus, article_keys: &[u128]) {
        self.write_entry(path, CORPUS, key, &codec::corpus::out(corpus, article_keys));
        self.supersede(LAST_CORPUS, CORPUS, key);
    }
}

/// A corpus entry left to write: where, under which key, for which corpus.
#[derive(Debug)]
pub(super) struct UnkeptCorpus {
    path: PathBuf,
    key: u128,
    of: LoadedKeys,
}

/// Each input file's content hash, and how many were read to know it.
struct InputHashes {
    hashes: Vec<u128>,
    read: usize,
}

impl Cache {
    /// The content hash of each file listed (named `names`): a file whose
    /// stat is as when it was last hashed is not read again (see `trust`;
    /// `started`: when the listing began). `None` if one cannot be read
    /// now.
    fn input_hashes(
        &self,
        listed: &ListedInputs,
        names: &[String],
        started: i128,
        progress: &mut dyn FnMut(usize),
    ) -> Option<InputHashes> {
        let seen = self.seen_files();
        let files: Vec<(&PathBuf, &str, u64, Option<FileStat>)> = listed
            .files
            .iter()
            .zip(names)
            .zip(&listed.sizes)
            .zip(&listed.metadata)
            // Listed before reading: a write during the read moves it.
            .map(|(((f, name), &size), m)| (f, name.as_str(), size, FileStat::of(m)))
            .collect();
        let found = crate::parallel::map_with_progress(
            &files,
            PARALLEL_MIN_FILES,
            |&(f, name, size, stat)| {
                let trusted = stat.and_then(|s| seen.hash_of(name, &s));
                let hash = trusted.or_else(|| content_hash(f, size))?;
                Some((stat, hash, trusted.is_none()))
            },
            progress,
        );
        let found = found.into_iter().collect::<Option<Vec<_>>>()?;
        let read = found.iter().filter(|f| f.2).count();
        if read > 0 {
            self.keep_seen(trust::records(
                names
                    .iter()
                    .zip(&found)
                    .map(|(n, f)| (n.as_str(), f.0, f.1)),
                started,
                self.racy,
            ));
        }
        Some(InputHashes {
            hashes: found.into_iter().map(|f| f.1).collect(),
            read,
        })
    }

    /// The files of these inputs as last hashed (none without a lineage).
    fn seen_files(&self) -> SeenFiles {
        let Some(lineage) = self.lineage else {
            return SeenFiles::default();
        };
        let path = self.entry_path(SEEN, lineage);
        self.read_entry(&path, |bytes| {
            frame::decode::<Vec<Seen>>(bytes, SEEN, lineage)
        })
        .map(SeenFiles::from_records)
        .unwrap_or_default()
    }

    fn keep_seen(&self, records: Vec<Seen>) {
        if let Some(lineage) = self.lineage {
            let path = self.entry_path(SEEN, lineage);
            self.write_entry(&path, SEEN, lineage, &records);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A folder of `n` articles, each about 4 KB of its own text.
    fn folder(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            let para = format!("Article {i} reports on the harbour works in its own words. ");
            let text = format!("# Report {i}\n\n{}\n", para.repeat(64));
            std::fs::write(dir.path().join(format!("{i:03}.md")), text).unwrap();
        }
        dir
    }

    fn hashes(cache: &Cache, paths: &[PathBuf]) -> InputHashes {
        let started = trust::now();
        let listed = list_inputs(paths);
        let names: Vec<String> = listed
            .files
            .iter()
            .map(|f| f.to_string_lossy().into_owned())
            .collect();
        cache
            .input_hashes(&listed, &names, started, &mut |_| {})
            .unwrap()
    }

    fn load(cache: &Cache, paths: &[PathBuf]) -> Corpus {
        LoadOptions::silent(|o| cache.load(paths, o)).unwrap()
    }

    #[test]
    fn unchanged_files_are_known_by_their_stat_and_an_edit_is_read() {
        let (dir, cached) = (folder(40), tempfile::tempdir().unwrap());
        let paths = [dir.path().to_path_buf()];
        let mut cache = Cache::at(cached.path()).for_inputs(&paths);
        cache.racy = Duration::ZERO;
        let first = hashes(&cache, &paths);
        assert_eq!(first.read, 40);
        let again = hashes(&cache, &paths);
        assert_eq!((again.read, &again.hashes), (0, &first.hashes));
        assert!(
            load(&cache, &paths).articles[7].blocks[1]
                .text
                .contains("harbour")
        );

        // Past any coarse file-system clock tick, then an edit in place
        // that keeps the size and puts the modification time back.
        std::thread::sleep(Duration::from_millis(50));
        let edited = dir.path().join("007.md");
        let when = std::fs::metadata(&edited).unwrap().modified().unwrap();
        let text = std::fs::read_to_string(&edited)
            .unwrap()
            .replace("harbour", "airport");
        std::fs::write(&edited, text).unwrap();
        let file = std::fs::File::options().write(true).open(&edited).unwrap();
        file.set_modified(when).unwrap();
        drop(file);
        let after = hashes(&cache, &paths);
        assert_eq!(after.read, 1);
        let changed: Vec<usize> = (0..40)
            .filter(|&i| after.hashes[i] != first.hashes[i])
            .collect();
        assert_eq!(changed, vec![7]);
        let corpus = load(&cache, &paths);
        assert!(corpus.articles[7].blocks[1].text.contains("airport"));
        assert_eq!(hashes(&cache, &paths).read, 0, "the edit is known now");
    }

    /// The article keys the last load of `cache` kept, as `bind` of
    /// `corpus` would take them.
    fn kept_keys(cache: &Cache, corpus: &Corpus) -> Option<Vec<u128>> {
        let kept = cache.loaded.lock().unwrap().take()?;
        kept.of_corpus(corpus)
    }

    #[test]
    fn a_load_keeps_the_article_keys_for_binding_that_corpus_only() {
        let (dir, cached) = (folder(40), tempfile::tempdir().unwrap());
        let paths = [dir.path().to_path_buf()];
        let cache = Cache::at(cached.path()).for_inputs(&paths);
        for launch in ["filling", "reading"] {
            let corpus = load(&cache, &paths);
            let keys = super::super::key::article_keys(&corpus);
            assert_eq!(kept_keys(&cache, &corpus), Some(keys), "{launch}");
            assert_eq!(kept_keys(&cache, &corpus), None, "taken once");
            load(&cache, &paths);
            assert_eq!(kept_keys(&cache, &corpus), None, "another load's");
            let moved = std::sync::Arc::new(load(&cache, &paths));
            let copy = (*moved).clone();
            assert_eq!(kept_keys(&cache, &copy), None, "{launch}: a copy");
            load(&cache, &paths);
            assert!(kept_keys(&cache, &moved).is_none());
            let moved = std::sync::Arc::new(load(&cache, &paths));
            assert!(kept_keys(&cache, &moved).is_some(), "{launch}: moved");
        }
        assert!(cache.take_warning().is_none());
    }

    #[test]
    fn a_corpus_entry_whose_keys_do_not_fit_is_refused_and_made_again() {
        let (dir, cached) = (folder(40), tempfile::tempdir().unwrap());
        let paths = [dir.path().to_path_buf()];
        let cache = Cache::at(cached.path()).for_inputs(&paths);
        let corpus = load(&cache, &paths);
        let keys = super::super::key::article_keys(&corpus);
        let entry = std::fs::read_dir(cached.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == CORPUS))
            .unwrap();
        let name = entry.file_stem().unwrap().to_str().unwrap();
        let key = u128::from_str_radix(name, 16).unwrap();
        // Sound but for one key short: refused as not fitting the corpus.
        frame::write_value(
            &entry,
            CORPUS,
            key,
            &codec::corpus::out(&corpus, &keys[1..]),
        )
        .unwrap();
        assert_eq!(load(&cache, &paths).articles, corpus.articles);
        let said = cache.take_warning().expect("said").to_string();
        assert!(said.contains("does not fit the corpus"), "{said}");
        // Made again whole: the next launch reads it, keys and all.
        let again = load(&cache, &paths);
        assert!(cache.take_warning().is_none());
        assert_eq!(kept_keys(&cache, &again), Some(keys));
    }

    #[test]
    fn files_changed_just_before_hashing_are_read_again() {
        let (dir, cached) = (folder(40), tempfile::tempdir().unwrap());
        let paths = [dir.path().to_path_buf()];
        let cache = Cache::at(cached.path()).for_inputs(&paths);
        assert_eq!(hashes(&cache, &paths).read, 40);
        // Written within `RACY` of hashing: a write in the same clock
        // tick could leave their stat as it was.
        assert_eq!(hashes(&cache, &paths).read, 40);
        let no_lineage = Cache::at(cached.path());
        assert_eq!(hashes(&no_lineage, &paths).read, 40);
    }
}
