//! The reader through the analysis cache: the cache that loads the corpus
//! is the one the analysis binds it with, so a launch takes the article
//! keys found while loading (read with the corpus, or made to keep it)
//! rather than hashing every article again. `PARALLAX_CACHE_TRACE` says
//! so on standard error, sent to a file here (on the terminal, its lines
//! could be cut by the reader's drawing).

use crate::support::pty::{Pty, analysed_library, binary};
use parallax::dev::synth;
use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

const HANG: Duration = Duration::from_secs(120);

/// Wait until the file at `path` holds every one of `lines`.
fn wait_for_lines(path: &Path, lines: &[&str]) -> Result<(), String> {
    let started = Instant::now();
    loop {
        let said = std::fs::read_to_string(path).unwrap_or_default();
        if lines.iter().all(|l| said.contains(l)) {
            return Ok(());
        }
        if started.elapsed() > HANG {
            return Err(said);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Wait until the cache folder `dir` holds the corpus entry and an entry
/// of every part of the analysis (each written whole, by rename, after its
/// trace line; the reader writes the corpus and the two indexes last).
fn wait_for_entries(dir: &Path) -> Result<(), Vec<String>> {
    let parts = [
        ".corpus",
        ".dups-",
        ".passages",
        ".topics",
        ".events",
        ".related",
        ".quotes",
    ];
    let started = Instant::now();
    loop {
        let names: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let tmp = names.iter().any(|n| n.starts_with('.'));
        if !tmp && parts.iter().all(|p| names.iter().any(|n| n.contains(p))) {
            return Ok(());
        }
        if started.elapsed() > HANG {
            return Err(names);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn each_launch_binds_the_corpus_with_the_keys_its_load_found() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    // Enough text to be cached (the cache skips tiny corpora).
    synth::write_corpus(&corpus, 40, 11).unwrap();
    std::fs::remove_file(corpus.join(synth::TRUTH_FILE)).unwrap();
    let cache = dir.path().join("cache");
    let parallax = binary();
    let env = [
        ("HOME", home.path().as_os_str()),
        ("PARALLAX_CONFIG_DIR", home.path().as_os_str()),
        ("PARALLAX_CACHE_DIR", cache.as_os_str()),
        ("PARALLAX_CACHE_TRACE", OsStr::new("1")),
    ];
    for (launch, corpus_said, topics_said) in [
        (
            "filling",
            "cache: corpus: loaded",
            "cache: topics: analysed",
        ),
        ("reading", "cache: corpus: read", "cache: topics: read"),
    ] {
        let said = dir.path().join(format!("{launch}.err"));
        let script = r#"exec "$0" "$1" 2>"$2""#;
        let args = [
            OsStr::new("-c"),
            OsStr::new(script),
            parallax.as_os_str(),
            corpus.as_os_str(),
            said.as_os_str(),
        ];
        let mut p = Pty::launch(Path::new("/bin/sh"), &args, 120, 30, &env);
        let lines = [
            corpus_said,
            "cache: article keys: from the load",
            topics_said,
        ];
        if let Err(said) = wait_for_lines(&said, &lines) {
            panic!("{launch}: {lines:?} not all said:\n{said}");
        }
        // The next launch reads what this one keeps: quit once it is kept.
        if let Err(names) = wait_for_entries(&cache.join("analysis")) {
            panic!("{launch}: not every part kept: {names:?}");
        }
        p.key(b"q");
        assert_eq!(p.wait_exit(HANG), Some(0), "{launch}");
    }
}

/// A synthetic corpus of `articles` (big enough to be cached) and a cache
/// folder of its own, in `dir`.
struct Launch {
    home: tempfile::TempDir,
    dir: tempfile::TempDir,
}

impl Launch {
    fn of(articles: usize, seed: u64) -> Launch {
        let launch = Launch {
            home: tempfile::tempdir().unwrap(),
            dir: tempfile::tempdir().unwrap(),
        };
        let corpus = launch.corpus();
        synth::write_corpus(&corpus, articles, seed).unwrap();
        std::fs::remove_file(corpus.join(synth::TRUTH_FILE)).unwrap();
        launch
    }

    fn corpus(&self) -> std::path::PathBuf {
        self.dir.path().join("corpus")
    }

    fn cache(&self) -> std::path::PathBuf {
        self.dir.path().join("cache")
    }

    /// The reader on the corpus, in a terminal of its own.
    fn reader(&self) -> Pty {
        let cache = self.cache();
        let env = [
            ("HOME", self.home.path().as_os_str()),
            ("PARALLAX_CONFIG_DIR", self.home.path().as_os_str()),
            ("PARALLAX_CACHE_DIR", cache.as_os_str()),
        ];
        Pty::launch(&binary(), &[self.corpus().as_os_str()], 120, 30, &env)
    }

    /// The names in the cache's analysis folder.
    fn kept(&self) -> Vec<String> {
        std::fs::read_dir(self.cache().join("analysis"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }
}

/// A quit as soon as the analysis shows, while the reader may still be
/// writing it to the cache, leaves every part written: the next launch
/// reads them all.
#[test]
fn a_quit_right_after_the_analysis_shows_leaves_the_cache_written() {
    let launch = Launch::of(60, 13);
    let mut p = launch.reader();
    assert!(p.wait_screen(HANG, analysed_library), "the analysis shows");
    p.key(b"q");
    assert_eq!(p.wait_exit(HANG), Some(0));
    // Nothing half written, nothing missing, at once after the exit.
    let names = launch.kept();
    for part in [".corpus", ".dups-", ".topics", ".related", ".quotes"] {
        assert!(names.iter().any(|n| n.contains(part)), "{part}: {names:?}");
    }
    assert!(!names.iter().any(|n| n.starts_with('.')), "{names:?}");
}

/// A quit as soon as the library shows, the analysis perhaps still
/// running, leaves the loaded corpus written: the next launch does not
/// read the files again.
#[test]
fn a_quit_at_the_first_frame_leaves_the_corpus_written() {
    let launch = Launch::of(200, 17);
    let mut p = launch.reader();
    // Every file read: the library counts its articles.
    let counted = |s: &str| {
        s.split("Library · ")
            .nth(1)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    };
    assert!(p.wait_screen(HANG, counted), "the library");
    p.key(b"q");
    assert_eq!(p.wait_exit(HANG), Some(0));
    let names = launch.kept();
    assert!(names.iter().any(|n| n.ends_with(".corpus")), "{names:?}");
}
