//! Gold block alignments (`tests/fixtures/align_gold/*.tsv`): reading them
//! and scoring an alignment against them. Shared by the evaluation example
//! and the gold tests.

#![allow(dead_code)]

use parallax::analysis::align::PairScores;
use parallax::analysis::evidence::Signals;
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::{Corpus, load_builtin, load_paths};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One gold file: the article pair and the block pairs that make the same
/// point.
pub struct Gold {
    pub name: String,
    pub left: String,
    pub right: String,
    /// (left block, right block, sure).
    pub pairs: Vec<(usize, usize, bool)>,
    /// Pairs that share words but not the point.
    pub hard_negatives: Vec<(usize, usize)>,
}

impl Gold {
    pub fn read(path: &Path) -> Gold {
        let text = std::fs::read_to_string(path).expect("gold file");
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (left, right) = name.split_once('_').expect("LEFT_RIGHT.tsv");
        let mut gold = Gold {
            name: name.clone(),
            left: left.to_string(),
            right: right.to_string(),
            pairs: Vec::new(),
            hard_negatives: Vec::new(),
        };
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("# hard-negative:") {
                let mut f = rest.split_whitespace();
                let l = f.next().and_then(|x| x.parse().ok());
                let r = f.next().and_then(|x| x.parse().ok());
                if let (Some(l), Some(r)) = (l, r) {
                    gold.hard_negatives.push((l, r));
                }
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            gold.pairs.push((
                f[0].parse().expect("left index"),
                f[1].parse().expect("right index"),
                f[2] == "sure",
            ));
        }
        gold
    }

    /// Every gold file in a folder, by name.
    pub fn read_dir(dir: &Path) -> Vec<Gold> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("gold folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        paths.sort();
        paths.iter().map(|p| Gold::read(p)).collect()
    }

    pub fn set(&self, sure_only: bool) -> BTreeSet<(usize, usize)> {
        self.pairs
            .iter()
            .filter(|p| p.2 || !sure_only)
            .map(|p| (p.0, p.1))
            .collect()
    }
}

/// Counts for precision and recall.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub predicted: usize,
    pub correct: usize,
    pub gold: usize,
    pub found: usize,
}

impl Tally {
    /// Score predicted pairs: a prediction is correct when it is any gold
    /// pair (sure or likely); recall is over `recall_set`.
    pub fn of(
        predicted: &BTreeSet<(usize, usize)>,
        all_gold: &BTreeSet<(usize, usize)>,
        recall_set: &BTreeSet<(usize, usize)>,
    ) -> Tally {
        Tally {
            predicted: predicted.len(),
            correct: predicted.intersection(all_gold).count(),
            gold: recall_set.len(),
            found: recall_set.intersection(predicted).count(),
        }
    }

    pub fn add(&mut self, o: Tally) {
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.gold += o.gold;
        self.found += o.found;
    }

    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
}

/// Every block pair the alignment may make in each case, with its
/// signals and whether the gold lists it: `visit(case, i, j, signals,
/// positive)`. What the fitting tools and `align_eval --features` read.
pub fn for_each_candidate(
    cases: &[(Gold, PairScores)],
    mut visit: impl FnMut(usize, usize, usize, &Signals, bool),
) {
    for (c, (gold, s)) in cases.iter().enumerate() {
        let positive = gold.set(false);
        for i in 0..s.left_len() {
            for j in 0..s.right_len() {
                if s.can_pair(i, j) {
                    let signals = s.evidence.signals(i, j);
                    visit(c, i, j, &signals, positive.contains(&(i, j)));
                }
            }
        }
    }
}

/// The built-in gold (`tests/fixtures/align_gold` over the built-in corpus).
pub fn builtin_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align_gold")
}

/// Every gold file of `gold_dir` with the scores of its article pair. With
/// `corpus_root`, each pair is scored within the folder under it that holds
/// the file named `LEFT.*` (IDF from that folder, as when a reader opens
/// it); without, within the built-in corpus.
pub fn scored_cases(gold_dir: &Path, corpus_root: Option<&Path>) -> Vec<(Gold, PairScores)> {
    let mut corpora: BTreeMap<PathBuf, (Corpus, RelatedIndex)> = BTreeMap::new();
    let mut out = Vec::new();
    for g in Gold::read_dir(gold_dir) {
        let folder = match corpus_root {
            Some(root) => {
                folder_of(root, &g.left).unwrap_or_else(|| panic!("{} under the corpus", g.left))
            }
            None => PathBuf::new(),
        };
        let (corpus, related) = corpora.entry(folder.clone()).or_insert_with(|| {
            let corpus = if folder.as_os_str().is_empty() {
                load_builtin()
            } else {
                load_paths(std::slice::from_ref(&folder)).expect("corpus folder")
            };
            let related = RelatedIndex::build(&corpus);
            (corpus, related)
        });
        let (l, r) = (index_of(corpus, &g.left), index_of(corpus, &g.right));
        let scores = PairScores::compute(corpus, related, l, r);
        out.push((g, scores));
    }
    out
}

fn index_of(corpus: &Corpus, id: &str) -> usize {
    corpus
        .articles
        .iter()
        .position(|a| a.id == id)
        .or_else(|| corpus.articles.iter().position(|a| a.id.starts_with(id)))
        .unwrap_or_else(|| panic!("article {id} in corpus"))
}

/// The folder under `root` holding a file whose stem is `stem`.
pub fn folder_of(root: &Path, stem: &str) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if let Some(found) = folder_of(&path, stem) {
                return Some(found);
            }
        } else if path.file_stem().is_some_and(|s| s == stem) {
            return Some(root.to_path_buf());
        }
    }
    None
}
