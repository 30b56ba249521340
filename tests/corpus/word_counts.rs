//! `Metadata::words` is the words of the article's content blocks, however
//! it was loaded: each block's words are counted once while classifying,
//! and the corpus-wide chrome pass counts again only the articles it
//! changed. Checked on every input format and on pages that share chrome.

use parallax::corpus::{BlockKind, Corpus, load_builtin, load_paths, word_count};
use std::path::PathBuf;

fn check(corpus: &Corpus) {
    assert!(!corpus.articles.is_empty());
    for a in &corpus.articles {
        let words: usize = a
            .blocks
            .iter()
            .filter(|b| b.kind.is_content())
            .map(|b| word_count(&b.text))
            .sum();
        assert_eq!(a.meta.words, words, "{}", a.id);
    }
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn words_are_the_content_blocks_words_in_every_format() {
    check(&load_builtin());
    for name in ["inputs", "events", "names", "quotes"] {
        check(&load_paths(&[fixture(name)]).unwrap());
    }
}

#[test]
fn words_are_recounted_where_shared_chrome_was_found_and_kept_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The harbour reopened on Friday after four months of repairs.";
    // Two pages share a short footer line (chrome on both); the third has
    // none and keeps its words as first counted.
    for (name, extra) in [
        ("a", "Subscribe to our free weekly briefing"),
        ("b", "Subscribe to our free weekly briefing"),
        ("c", ""),
    ] {
        let text = format!("Title {name}\n\n{body} Unicode\u{a0}spaces\u{3000}too.\n\n{extra}\n");
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]).unwrap();
    check(&corpus);
    let footer = |id: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .unwrap()
            .blocks
            .iter()
            .any(|b| {
                b.kind == BlockKind::Boilerplate
                    && b.reason.as_deref() == Some("repeated on 2 pages")
            })
    };
    assert!(footer("a") && footer("b") && !footer("c"));
}
