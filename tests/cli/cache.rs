//! The analysis cache, through the real binary: a cached launch prints
//! exactly what an uncached one does; a touched file is all that is
//! analysed again; a damaged cache file is made again with one warning;
//! two launches at once leave a cache a third one reads; `parallax cache`
//! shows and clears it. The cache folder is a temporary one per test
//! (`PARALLAX_CACHE_DIR`); `PARALLAX_CACHE_TRACE` makes each part say on
//! stderr whether it was read or made.

use crate::support::run::{Ran, parallax_env};
use parallax::dev::synth;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(300);
/// Enough text to be cached (the cache skips tiny corpora).
const ARTICLES: usize = 40;

struct Setup {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    cache: PathBuf,
}

fn setup(seed: u64) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    synth::write_corpus(&corpus, ARTICLES, seed).expect("generate");
    // The truth file is not an article.
    std::fs::remove_file(corpus.join(synth::TRUTH_FILE)).expect("no truth file");
    let cache = dir.path().join("cache");
    Setup {
        _dir: dir,
        corpus,
        cache,
    }
}

impl Setup {
    fn run(&self, args: &[&str]) -> Ran {
        let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        all.push(self.corpus.as_os_str());
        let ran = parallax_env(
            &all,
            &[
                ("PARALLAX_CACHE_DIR", self.cache.as_os_str()),
                ("PARALLAX_CACHE_TRACE", OsStr::new("1")),
            ],
            TIMEOUT,
        );
        assert_eq!(ran.code, Some(0), "{args:?}: {}", ran.stderr_text());
        ran
    }

    fn entries(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(self.cache.join("analysis"))
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    fn entry(&self, part: &str) -> PathBuf {
        self.entries()
            .into_iter()
            .find(|p| name(p).contains(part))
            .unwrap_or_else(|| panic!("no {part} entry in {:?}", self.entries()))
    }
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn warnings(r: &Ran) -> usize {
    r.stderr_text().matches("parallax: warning:").count()
}

#[test]
fn a_cached_launch_prints_exactly_what_an_uncached_one_does() {
    let s = setup(7);
    for cmd in ["list", "dups", "topics", "events", "quotes"] {
        let fresh = s.run(&[cmd, "--json", "--no-cache"]);
        let first = s.run(&[cmd, "--json"]);
        let second = s.run(&[cmd, "--json"]);
        assert!(!fresh.stdout.is_empty());
        assert!(
            fresh.stdout == first.stdout,
            "{cmd}: first cached run differs"
        );
        assert!(fresh.stdout == second.stdout, "{cmd}: cache read differs");
        // The corpus itself is read back rather than taken apart again.
        assert!(second.stderr_text().contains("cache: corpus: read"));
        if cmd != "list" {
            let read = format!("cache: {cmd}: read");
            assert!(
                !first.stderr_text().contains(&read),
                "{cmd}: nothing to read yet"
            );
            assert!(
                second.stderr_text().contains(&read),
                "{}",
                second.stderr_text()
            );
            assert!(
                !fresh.stderr_text().contains("cache:"),
                "--no-cache reads nothing"
            );
            // The article keys come with the corpus, read or made to be
            // kept, rather than from hashing every article again.
            for ran in [&first, &second] {
                let said = ran.stderr_text();
                assert!(
                    said.contains("cache: article keys: from the load"),
                    "{said}"
                );
            }
        }
        assert_eq!(warnings(&second), 0);
    }
    // A pair weighs its words with the corpus's related index, read back.
    let diff = ["diff", "art000001", "art000002", "--json"];
    let fresh = s.run(&[&diff[..], &["--no-cache"]].concat());
    let first = s.run(&diff);
    let second = s.run(&diff);
    assert!(fresh.stdout == first.stdout && fresh.stdout == second.stdout);
    assert!(second.stderr_text().contains("related: read"));
    // The options that change the pairs key their own entry.
    let strict = s.run(&["dups", "--json", "--min", "0.9", "--no-cache"]);
    let cached = s.run(&["dups", "--json", "--min", "0.9"]);
    assert!(strict.stdout == cached.stdout);
    assert!(cached.stderr_text().contains("dups: 40 articles analysed"));
}

#[test]
fn touching_one_file_analyses_only_that_file_again() {
    let s = setup(3);
    s.run(&["dups", "--json"]);
    let file = s.corpus.join("art000005.txt");
    let mut text = std::fs::read_to_string(&file).expect("article");
    text.push_str("\n\nA closing paragraph added later, in words nobody else wrote.\n");
    std::fs::write(&file, text).expect("touch");
    let again = s.run(&["dups", "--json"]);
    let err = again.stderr_text();
    assert!(
        err.contains("corpus: loaded"),
        "a changed file loads afresh: {err}"
    );
    assert!(
        err.contains(&format!("dups: 1 of {ARTICLES} articles analysed again")),
        "{err}"
    );
    assert!(err.contains(&format!("{} reused", ARTICLES - 1)), "{err}");
    let fresh = s.run(&["dups", "--json", "--no-cache"]);
    assert!(
        again.stdout == fresh.stdout,
        "the update equals a fresh pass"
    );
    // Topics are whole-corpus: made again, and the same as uncached.
    let topics = s.run(&["topics", "--json"]);
    assert!(
        topics
            .stderr_text()
            .contains("topics: analysed (whole corpus)")
    );
    assert!(topics.stdout == s.run(&["topics", "--json", "--no-cache"]).stdout);
    // The superseded version's entries are gone: one set per input.
    for part in [".dups-", ".corpus", ".topics", ".shingles"] {
        let n = s
            .entries()
            .iter()
            .filter(|p| name(p).contains(part))
            .count();
        assert_eq!(n, 1, "{part}: {:?}", s.entries());
    }
}

#[test]
fn a_truncated_or_garbage_cache_file_is_made_again_with_one_warning() {
    let s = setup(5);
    let fresh_topics = s.run(&["topics", "--json", "--no-cache"]);
    let fresh_dups = s.run(&["dups", "--json", "--no-cache"]);
    s.run(&["topics", "--json"]);
    s.run(&["dups", "--json"]);
    let topics = s.entry(".topics");
    let len = std::fs::metadata(&topics).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&topics)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let ran = s.run(&["topics", "--json"]);
    assert_eq!(warnings(&ran), 1, "{}", ran.stderr_text());
    assert!(ran.stderr_text().contains("analysed again"));
    assert!(ran.stdout == fresh_topics.stdout);
    let again = s.run(&["topics", "--json"]);
    assert_eq!(warnings(&again), 0, "made again: {}", again.stderr_text());
    assert!(again.stderr_text().contains("topics: read"));

    // Garbage in three files at once: still one line.
    std::fs::write(s.entry(".dups-"), b"not a cache file").unwrap();
    std::fs::write(s.entry(".corpus"), b"").unwrap();
    let mut flipped = std::fs::read(s.entry(".topics")).unwrap();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    std::fs::write(s.entry(".topics"), flipped).unwrap();
    let ran = s.run(&["report", "--all", "--format", "json"]);
    assert_eq!(warnings(&ran), 1, "{}", ran.stderr_text());
    assert!(
        ran.stderr_text().contains("2 more files"),
        "{}",
        ran.stderr_text()
    );
    let dups = s.run(&["dups", "--json"]);
    assert_eq!(warnings(&dups), 0);
    assert!(dups.stdout == fresh_dups.stdout);
}

#[test]
fn two_launches_at_once_leave_a_cache_a_third_reads() {
    let s = setup(9);
    let fresh = s.run(&["topics", "--json", "--no-cache"]);
    let launch = || {
        let s = &s;
        move || s.run(&["topics", "--json"])
    };
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(launch());
        let b = scope.spawn(launch());
        (a.join().unwrap(), b.join().unwrap())
    });
    assert!(a.stdout == fresh.stdout && b.stdout == fresh.stdout);
    let third = s.run(&["topics", "--json"]);
    assert_eq!(warnings(&third), 0, "{}", third.stderr_text());
    assert!(third.stderr_text().contains("topics: read"));
    assert!(third.stdout == fresh.stdout);
    let leftovers: Vec<_> = s
        .entries()
        .into_iter()
        .filter(|p| name(p).starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporaries left: {leftovers:?}");
}

#[test]
fn cache_shows_where_it_is_and_clear_empties_it() {
    let s = setup(1);
    s.run(&["dups", "--json"]);
    let vars = [("PARALLAX_CACHE_DIR", s.cache.as_os_str())];
    let shown = parallax_env(&["cache"], &vars, TIMEOUT);
    assert_eq!(shown.code, Some(0));
    let text = String::from_utf8_lossy(&shown.stdout).into_owned();
    let dir = s.cache.join("analysis");
    assert!(text.contains(&dir.display().to_string()), "{text}");
    let files = s.entries().len();
    assert!(files >= 2);
    assert!(text.contains(&format!("in {files} files")), "{text}");
    let cleared = parallax_env(&["cache", "clear"], &vars, TIMEOUT);
    assert_eq!(cleared.code, Some(0));
    assert!(String::from_utf8_lossy(&cleared.stdout).contains(&format!("in {files} files")));
    assert!(s.entries().is_empty());
    let empty = parallax_env(&["cache"], &vars, TIMEOUT);
    assert!(String::from_utf8_lossy(&empty.stdout).contains("0 bytes in 0 files"));
}

#[test]
fn small_corpora_and_the_built_in_one_are_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let vars = [
        ("PARALLAX_CACHE_DIR", cache.as_os_str()),
        ("PARALLAX_CACHE_TRACE", OsStr::new("1")),
    ];
    let ran = parallax_env(&["topics", "--json"], &vars, TIMEOUT);
    assert_eq!(ran.code, Some(0));
    assert!(!ran.stderr_text().contains("cache:"));
    assert!(!cache.exists());
}
