//! A deterministic synthetic corpus with planted near-duplicates, and its
//! brute-force ground truth: what the `synth` and `bench_dups` examples and
//! the accuracy tests run on.
//!
//! Block indices are defined by the real loader: the articles are written
//! to disk, read back with `corpus::load_paths`, and the truth is computed
//! over the content blocks it returns — the blocks `find_duplicates` sees.

mod text;
mod truth;
mod words;

pub use text::{Generator, SynthArticle, generate};
pub use truth::{
    Accuracy, PairKey, TSV_HEADER, TruthError, TruthPair, accuracy, brute_force, brute_force_sets,
    from_tsv, to_truth, to_tsv,
};
pub use words::Vocabulary;

use crate::corpus::{self, Corpus, LoadError};
use std::path::{Path, PathBuf};

/// The truth is computed at this threshold (the `dups` default).
pub const TRUTH_MIN_SCORE: f64 = 0.5;
/// File the truth is written to, beside the articles.
pub const TRUTH_FILE: &str = "truth.tsv";

#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Truth(#[from] TruthError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SynthError + '_ {
    move |source| SynthError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What `write_corpus` produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthSummary {
    pub articles: usize,
    pub content_blocks: usize,
    pub truth_pairs: usize,
    pub within: usize,
    pub across: usize,
}

/// Write `count` articles generated from `seed` into `dir` (created if
/// missing), load them back with the real loader, and write the brute-force
/// truth to `dir/truth.tsv`. Returns the loaded corpus too.
pub fn write_corpus(
    dir: &Path,
    count: usize,
    seed: u64,
) -> Result<(SynthSummary, Corpus), SynthError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut g = Generator::new(seed);
    for n in 0..count {
        let a = g.article(n);
        let path = dir.join(&a.file_name);
        std::fs::write(&path, a.text).map_err(io(&path))?;
    }
    let corpus = corpus::load_paths(&[dir.to_path_buf()])?;
    let truth = truth_of(&corpus);
    let path = dir.join(TRUTH_FILE);
    std::fs::write(&path, to_tsv(&truth)).map_err(io(&path))?;
    let within = truth.iter().filter(|p| p.a_article == p.b_article).count();
    let summary = SynthSummary {
        articles: corpus.articles.len(),
        content_blocks: crate::analysis::dups::content_blocks(&corpus).len(),
        truth_pairs: truth.len(),
        within,
        across: truth.len() - within,
    };
    Ok((summary, corpus))
}

/// Brute-force truth of a loaded corpus at `TRUTH_MIN_SCORE`.
pub fn truth_of(corpus: &Corpus) -> Vec<TruthPair> {
    brute_force(corpus, TRUTH_MIN_SCORE)
        .iter()
        .map(|p| to_truth(corpus, p))
        .collect()
}

/// Read `dir/truth.tsv`.
pub fn read_truth(dir: &Path) -> Result<Vec<TruthPair>, SynthError> {
    let path = dir.join(TRUTH_FILE);
    let text = std::fs::read_to_string(&path).map_err(io(&path))?;
    Ok(from_tsv(&text)?)
}
