//! Corpora written for one test: articles as files in a temporary
//! folder, loaded as the reader loads a folder.

use parallax::corpus::{self, Corpus};

/// One file per `(name, text)`, named `NAME.txt` (a title line, then
/// paragraphs); the folder lives as long as the returned guard.
pub fn corpus_of(articles: &[(&str, &str)]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in articles {
        std::fs::write(dir.path().join(format!("{name}.txt")), text).expect("write");
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).expect("load");
    (dir, c)
}
