//! One pair of articles compared: the scores computed once, an alignment
//! for any threshold, each paired row's word diff (computed when first
//! asked for and kept, within a bound) and its evidence. The compare view,
//! `parallax diff` and the pair report all go through here, so they give
//! the same rows for the same pair and threshold.

pub use crate::analysis::threshold::Threshold;

use crate::analysis::align::{AlignOptions, AlignedRow, Alignment, PairScores, align_scores};
use crate::analysis::diff::{DiffOp, word_diff};
use crate::analysis::evidence::{Explanation, Signals};
use crate::analysis::related::RelatedIndex;
use crate::corpus::Corpus;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Time one row's word diff may take before it settles for coarser (still
/// exact) operations.
pub const DIFF_DEADLINE: Duration = Duration::from_millis(100);

/// Word diffs kept per pair; past this the cache starts afresh (a pair of
/// huge articles must not keep every diff it ever showed).
const MAX_CACHED_DIFFS: usize = 4_096;

/// Each paired row's word diff by (left block, right block).
type DiffCache = HashMap<(usize, usize), Arc<Vec<DiffOp>>>;

pub struct PairComparison {
    pub scores: PairScores,
    diffs: Mutex<DiffCache>,
}

/// What a paired row rests on: the raw signals and the words a reader can
/// check.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct RowEvidence {
    pub signals: Signals,
    pub explanation: Explanation,
}

impl PairComparison {
    /// Score articles `left` and `right` (indices into `corpus.articles`).
    pub fn new(corpus: &Corpus, related: &RelatedIndex, left: usize, right: usize) -> Self {
        PairComparison {
            scores: PairScores::compute(corpus, related, left, right),
            diffs: Mutex::new(HashMap::new()),
        }
    }

    pub fn left(&self) -> usize {
        self.scores.left
    }

    pub fn right(&self) -> usize {
        self.scores.right
    }

    /// The alignment at `threshold` (cheap: the scores are kept).
    pub fn align(&self, threshold: Threshold) -> Alignment {
        align_scores(&self.scores, &AlignOptions::at(threshold))
    }

    /// The word diff of a paired row (None for unpaired rows).
    pub fn row_ops(&self, corpus: &Corpus, row: &AlignedRow) -> Option<Arc<Vec<DiffOp>>> {
        let (i, j) = (row.left?, row.right?);
        if !row.kind.is_paired() {
            return None;
        }
        let key = (i, j);
        if let Some(ops) = self.lock().get(&key) {
            return Some(ops.clone());
        }
        let (l, r) = (
            corpus.articles.get(self.left())?.blocks.get(i)?,
            corpus.articles.get(self.right())?.blocks.get(j)?,
        );
        let ops = Arc::new(word_diff(&l.text, &r.text, DIFF_DEADLINE));
        let mut cache = self.lock();
        if cache.len() >= MAX_CACHED_DIFFS {
            cache.clear();
        }
        cache.insert(key, ops.clone());
        Some(ops)
    }

    /// The word diff of every row, in order (empty for unpaired rows).
    pub fn all_ops(&self, corpus: &Corpus, alignment: &Alignment) -> Vec<Vec<DiffOp>> {
        alignment
            .rows
            .iter()
            .map(|r| {
                self.row_ops(corpus, r)
                    .map_or_else(Vec::new, |o| (*o).clone())
            })
            .collect()
    }

    /// How many word diffs are kept (each computed once): what a view
    /// asked for, for tests that count the work.
    pub fn diffs_kept(&self) -> usize {
        self.lock().len()
    }

    /// Why a row pairs (for a paired row, or an unpaired one with `also`).
    pub fn evidence(&self, corpus: &Corpus, row: &AlignedRow) -> Option<RowEvidence> {
        let (i, j) = match (row.left, row.right, row.also) {
            (Some(i), Some(j), _) if row.kind.is_paired() => (i, j),
            (Some(i), None, Some(j)) => (i, j),
            (None, Some(j), Some(i)) => (i, j),
            _ => return None,
        };
        Some(self.pair_evidence(corpus, i, j))
    }

    /// Why left block `i` and right block `j` would pair, paired or not
    /// (a block's partners below the threshold are explained the same way).
    pub fn pair_evidence(&self, corpus: &Corpus, i: usize, j: usize) -> RowEvidence {
        let text = |a: usize, b: usize| {
            corpus
                .articles
                .get(a)
                .and_then(|a| a.blocks.get(b))
                .map_or("", |b| b.text.as_str())
        };
        let ev = &self.scores.evidence;
        RowEvidence {
            signals: ev.signals(i, j),
            explanation: ev.explain(i, j, text(self.left(), i), text(self.right(), j)),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DiffCache> {
        // A panic while holding the lock leaves a cache that is still
        // valid (entries are inserted whole).
        self.diffs.lock().unwrap_or_else(|e| e.into_inner())
    }
}
