//! A launch that fills the analysis cache makes the same near-duplicates
//! and shared passages as an uncached one (they come from one join when
//! nothing is cached), and the next launch reads the same back.

use parallax::analysis::Parts;
use parallax::analysis::bundle::Fresh;
use parallax::cache::Cache;
use parallax::corpus::LoadOptions;
use parallax::dev::synth;

/// A synthetic corpus and an empty cache folder of its own.
struct Folders {
    _corpus: tempfile::TempDir,
    cache: tempfile::TempDir,
    paths: [std::path::PathBuf; 1],
}

impl Folders {
    fn of(articles: usize, seed: u64) -> Folders {
        let corpus = tempfile::tempdir().expect("temp dir");
        synth::write_corpus(corpus.path(), articles, seed).expect("generate");
        Folders {
            paths: [corpus.path().to_path_buf()],
            _corpus: corpus,
            cache: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn cache(&self) -> Cache {
        Cache::at(self.cache.path()).for_inputs(&self.paths)
    }

    /// How many cache entries end with `ending`.
    fn entries(&self, ending: &str) -> usize {
        std::fs::read_dir(self.cache.path())
            .expect("cache folder")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(ending))
            .count()
    }
}

#[test]
fn a_filling_launch_and_a_reading_launch_give_the_uncached_passages() {
    let folders = Folders::of(40, 3);
    let cache = folders.cache();
    let load = || LoadOptions::silent(|o| cache.load(&folders.paths, o)).expect("load");
    let corpus = load();
    let (fresh_pairs, fresh_passages) = Fresh::new(&corpus).dups_and_passages();
    let shown = |p: &[parallax::analysis::dups::DupPair]| -> Vec<String> {
        p.iter().map(|p| format!("{p:?}")).collect()
    };
    assert!(!fresh_passages.groups.is_empty());
    for launch in ["filling", "reading"] {
        let corpus = load();
        let bound = cache.bind(&corpus);
        assert!(bound.is_on(), "the corpus is large enough to be cached");
        let (pairs, passages) = bound.dups_and_passages();
        assert_eq!(shown(&pairs), shown(&fresh_pairs), "{launch}");
        assert_eq!(passages.groups, fresh_passages.groups, "{launch}");
    }
    let kept = folders.entries(".passages");
    assert_eq!(kept, 1, "the passages were kept for the next launch");
}

/// The reader's launch: the corpus entry and the two indexes the analysis
/// made are written only when it keeps them (after it has shown the
/// analysis), and then the next launch reads every part back to the
/// uncached analysis.
#[test]
fn the_made_indexes_are_written_when_kept_and_read_back_whole() {
    use parallax::analysis::Analysis;
    let folders = Folders::of(40, 5);
    let cache = folders.cache();
    let load = || LoadOptions::silent(|o| cache.load(&folders.paths, o)).expect("load");
    let entries = |ending: &str| folders.entries(ending);
    cache.write_corpus_later();
    let corpus = load();
    assert_eq!(entries(".corpus"), 0, "the reader's load leaves it");
    let fresh = Analysis::build(&corpus);
    let bound = cache.bind(&corpus);
    let made = bound.analysis_unkept(&mut |_| {});
    assert_eq!((entries(".topics"), entries(".related")), (0, 0));
    assert_eq!(entries(".quotes"), 1, "the small parts are written as made");
    assert!(
        !cache.bind(&corpus).at_hand(),
        "not every part is there yet"
    );
    let kept = || (entries(".corpus"), entries(".topics"), entries(".related"));
    bound.keep(&made);
    assert_eq!(kept(), (1, 1, 1));
    bound.keep(&made);
    assert_eq!(kept(), (1, 1, 1));

    let corpus = load();
    let again = cache.bind(&corpus);
    assert!(again.at_hand(), "every part is read back");
    let read = again.analysis(&mut |_| {});
    for (analysis, launch) in [(&made, "filling"), (&read, "reading")] {
        assert_eq!(
            format!("{:?}", analysis.topics),
            format!("{:?}", fresh.topics),
            "{launch}"
        );
        assert!(analysis.related == fresh.related, "{launch}");
        assert_eq!(analysis.events, fresh.events, "{launch}");
        assert_eq!(
            format!("{:?}", analysis.quotes),
            format!("{:?}", fresh.quotes),
            "{launch}"
        );
    }
}
