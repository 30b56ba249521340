//! The reader through the analysis cache: the cache that loads the corpus
//! is the one the analysis binds it with, so a launch takes the article
//! keys found while loading (read with the corpus, or made to keep it)
//! rather than hashing every article again. `PARALLAX_CACHE_TRACE` says
//! so on the terminal's output.

use crate::support::pty::Pty;
use parallax::dev::synth;
use std::ffi::OsStr;
use std::time::Duration;

const HANG: Duration = Duration::from_secs(120);

#[test]
fn each_launch_binds_the_corpus_with_the_keys_its_load_found() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    // Enough text to be cached (the cache skips tiny corpora).
    synth::write_corpus(&corpus, 40, 11).unwrap();
    std::fs::remove_file(corpus.join(synth::TRUTH_FILE)).unwrap();
    let cache = dir.path().join("cache");
    let env = [
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
        let mut p = Pty::spawn_with_env(&[&corpus], 120, 30, home.path().as_os_str(), &env);
        for said in [
            corpus_said,
            "cache: article keys: from the load",
            topics_said,
        ] {
            assert!(
                p.wait_for(said.as_bytes(), HANG),
                "{launch}: {said}:\n{}",
                String::from_utf8_lossy(&p.output())
            );
        }
        p.key(b"q");
        assert_eq!(p.wait_exit(HANG), Some(0), "{launch}");
    }
}
