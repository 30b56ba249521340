//! Scores for every candidate block pair of two articles, computed once so
//! that re-aligning under new thresholds (the reader's live `related_min`)
//! costs only the alignment itself.

use super::candidates::{EXACT_PAIRS, likely_pairs};
pub(super) use super::judge::Scored;
use super::judge::{Cell, cell, excerpt, judge_cell};
use super::overlap::Overlaps;
use super::repeats::{Echoes, echoes};
use super::role::Role;
use super::{AlignOptions, RowKind};
use crate::analysis::dups::shingling::shingles_into;
use crate::analysis::evidence::{LeftBlock, Marks, PairEvidence};
use crate::analysis::related::RelatedIndex;
use crate::analysis::text::same_as_written;
use crate::corpus::{Block, Corpus};

/// A pair with some signal: a shared shingle, a shared term, equal text.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    i: usize,
    j: usize,
    cell: Cell,
}

/// Above this many (left content × right content) block pairs, only pairs
/// sharing a shingle are scored (copied text is still found; paraphrase is
/// not). Real articles are far below it: 2,000 × 2,000 blocks.
pub const MAX_LEXICAL_PAIRS: usize = 4_000_000;

/// In the shingle-only path, a shingle found in more right-hand blocks
/// than this is boilerplate-like and ignored, so the work stays linear.
const MAX_POSTING: usize = 64;

/// Pairwise scores of two articles' blocks, plus what repeat detection
/// needs (each side's shingles). Build once per article pair; re-align with
/// [`super::align_scores`] as often as the thresholds change.
#[derive(Clone)]
pub struct PairScores {
    pub left: usize,
    pub right: usize,
    /// False when the articles were too long to compare every block pair
    /// lexically (see [`MAX_LEXICAL_PAIRS`]): only copied text is paired.
    pub lexical: bool,
    pub(super) left_roles: Vec<Role>,
    pub(super) right_roles: Vec<Role>,
    /// Within-article shingle overlaps, for repeats under any `near_min`.
    pub(super) left_echoes: Echoes,
    pub(super) right_echoes: Echoes,
    /// Each block's evidence, for signals and explanations on demand.
    pub evidence: std::sync::Arc<PairEvidence>,
    /// Sorted by (i, j).
    cands: Vec<Candidate>,
}

impl std::fmt::Debug for PairScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PairScores")
            .field("left", &self.left)
            .field("right", &self.right)
            .field("candidates", &self.cands.len())
            .finish()
    }
}

impl PairScores {
    /// Score the compatible block pairs of articles `left` and `right`
    /// (indices into `corpus.articles`; an index out of range counts as an
    /// empty article).
    pub fn compute(corpus: &Corpus, related: &RelatedIndex, left: usize, right: usize) -> Self {
        Self::compute_with(corpus, related, (left, right), EXACT_PAIRS)
    }

    /// [`PairScores::compute`] measuring every compatible pair, however
    /// many: what the candidate search on long articles is checked
    /// against.
    #[cfg(test)]
    pub(super) fn compute_exhaustive(corpus: &Corpus, related: &RelatedIndex) -> Self {
        Self::compute_with(corpus, related, (0, 1), usize::MAX)
    }

    /// Past `exact_pairs` compatible pairs, only likely ones are measured.
    fn compute_with(
        corpus: &Corpus,
        related: &RelatedIndex,
        (left, right): (usize, usize),
        exact_pairs: usize,
    ) -> Self {
        let blocks = |a: usize| corpus.articles.get(a).map_or(&[][..], |a| &a.blocks[..]);
        let (lb, rb) = (blocks(left), blocks(right));
        let left_roles: Vec<Role> = lb.iter().map(|b| Role::of(b.kind)).collect();
        let right_roles: Vec<Role> = rb.iter().map(|b| Role::of(b.kind)).collect();
        let evidence = PairEvidence::build(corpus, related, left, right);
        let mut scores = PairScores {
            left,
            right,
            lexical: true,
            left_echoes: echoes(&shingles_of(lb, &left_roles), &left_roles),
            right_echoes: echoes(&shingles_of(rb, &right_roles), &right_roles),
            left_roles,
            right_roles,
            evidence: std::sync::Arc::new(evidence),
            cands: Vec::new(),
        };
        let content = |roles: &[Role]| roles.iter().filter(|r| **r != Role::Unpaired).count();
        let pairs = content(&scores.left_roles).saturating_mul(content(&scores.right_roles));
        if pairs <= MAX_LEXICAL_PAIRS {
            scores.score_all(lb, rb, exact_pairs);
        } else {
            scores.lexical = false;
            scores.score_shared_shingles(lb, rb);
        }
        scores
    }

    /// Every compatible pair that shares a content word or a shingle (on
    /// long articles, each block's likely partners: see `candidates`).
    fn score_all(&mut self, lb: &[Block], rb: &[Block], exact_pairs: usize) {
        let ev = self.evidence.clone();
        let content = |roles: &[Role]| roles.iter().filter(|r| **r != Role::Unpaired).count();
        let pairs = content(&self.left_roles).saturating_mul(content(&self.right_roles));
        if pairs > exact_pairs {
            let roles = (&self.left_roles[..], &self.right_roles[..]);
            let likely = likely_pairs(&ev, roles, (lb, rb), MAX_POSTING);
            let mut marks = Marks::default();
            for run in likely.chunk_by(|a, b| a.0 == b.0) {
                let block = ev.left_block_reusing(run[0].0, marks);
                for &(i, j) in run {
                    self.consider(&block, i, j, same_as_written(&lb[i].text, &rb[j].text));
                }
                marks = block.into_marks();
            }
            return;
        }
        let (left, right) = (self.left_roles.clone(), self.right_roles.clone());
        let mut marks = Marks::default();
        for (i, lrole) in left.iter().enumerate() {
            if *lrole == Role::Unpaired {
                continue;
            }
            let block = ev.left_block_reusing(i, marks);
            for (j, rrole) in right.iter().enumerate() {
                if rrole == lrole {
                    self.consider(&block, i, j, same_as_written(&lb[i].text, &rb[j].text));
                }
            }
            marks = block.into_marks();
        }
    }

    /// Measure blocks `i` and `j`; keep them if they share anything.
    fn consider(&mut self, block: &LeftBlock, i: usize, j: usize, identical: bool) {
        let signals = block.signals(j);
        if identical || signals.cosine > 0.0 || signals.jaccard > 0.0 {
            self.cands.push(Candidate {
                i,
                j,
                cell: cell(&signals, identical),
            });
        }
    }

    /// Only pairs sharing a shingle, found through the inverted index with
    /// boilerplate-like shingles skipped; scores of the pairs found are
    /// exact.
    fn score_shared_shingles(&mut self, lb: &[Block], rb: &[Block]) {
        let ev = self.evidence.clone();
        let right: Vec<Vec<u32>> = ev.right.iter().map(|p| p.shingles.clone()).collect();
        let mut overlaps = Overlaps::new(&right, MAX_POSTING);
        for (i, p) in ev.left.iter().enumerate() {
            if self.left_roles[i] == Role::Unpaired {
                continue;
            }
            let block = ev.left_block(i);
            for (j, _) in overlaps.shared(&p.shingles) {
                if self.right_roles[j] != self.left_roles[i] {
                    continue;
                }
                let identical = same_as_written(&lb[i].text, &rb[j].text);
                self.cands.push(Candidate {
                    i,
                    j,
                    cell: cell(&block.signals(j), identical),
                });
            }
        }
    }

    /// Whether blocks `i` and `j` may pair at all (heading with heading,
    /// body text with body text).
    pub fn can_pair(&self, i: usize, j: usize) -> bool {
        match (self.left_roles.get(i), self.right_roles.get(j)) {
            (Some(a), Some(b)) => a == b && *a != Role::Unpaired,
            _ => false,
        }
    }

    /// Block pairs measured and kept (they share something).
    pub fn measured(&self) -> usize {
        self.cands.len()
    }

    pub fn left_len(&self) -> usize {
        self.left_roles.len()
    }

    pub fn right_len(&self) -> usize {
        self.right_roles.len()
    }

    /// How blocks `i` (left) and `j` (right) pair under `opts`, if at all:
    /// the strongest kind that applies and its similarity.
    pub fn judge(&self, i: usize, j: usize, opts: &AlignOptions) -> Option<(RowKind, f64)> {
        let k = self
            .cands
            .binary_search_by(|c| (c.i, c.j).cmp(&(i, j)))
            .ok()?;
        judge_cell(&self.cands[k].cell, opts)
    }

    /// The probability that blocks `i` and `j` make the same point (0 for
    /// pairs that share nothing or cannot pair).
    pub fn probability(&self, i: usize, j: usize) -> f64 {
        self.cands
            .binary_search_by(|c| (c.i, c.j).cmp(&(i, j)))
            .map_or(0.0, |k| f64::from(self.cands[k].cell.probability))
    }

    /// How surely blocks `i` and `j` make the same point, as their row
    /// would say it ([`super::judge::Cell::similarity`]; 0 for pairs that
    /// share nothing or cannot pair).
    pub fn similarity(&self, i: usize, j: usize) -> f64 {
        self.cands
            .binary_search_by(|c| (c.i, c.j).cmp(&(i, j)))
            .map_or(0.0, |k| self.cands[k].cell.similarity())
    }

    /// Every pair eligible under `opts`, with its kind, similarity and
    /// alignment weight, in (i, j) order.
    pub(super) fn eligible(&self, opts: &AlignOptions) -> Vec<Scored> {
        self.cands
            .iter()
            .filter_map(|c| {
                let (kind, similarity) = judge_cell(&c.cell, opts)?;
                Some(Scored {
                    i: c.i,
                    j: c.j,
                    kind,
                    similarity,
                    excerpt: if kind == RowKind::Near {
                        excerpt(&c.cell, opts)
                    } else {
                        None
                    },
                })
            })
            .collect()
    }
}

/// Each block's `shingle::shingles` (none for blocks that never pair),
/// hashed in place as the duplicate finder does: no string per word.
pub(super) fn shingles_of(blocks: &[Block], roles: &[Role]) -> Vec<Vec<u64>> {
    let mut words = Vec::new();
    blocks
        .iter()
        .zip(roles)
        .map(|(b, r)| {
            let mut out = Vec::new();
            if *r != Role::Unpaired {
                shingles_into(&b.text, &mut words, &mut out);
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, BlockKind, Metadata};

    fn article(blocks: &[(BlockKind, &str)]) -> Article {
        Article {
            id: "x".into(),
            path: None,
            meta: Metadata::default(),
            blocks: blocks
                .iter()
                .map(|&(kind, text)| Block {
                    kind,
                    text: text.into(),
                    reason: None,
                    line: 1,
                })
                .collect(),
            hidden_chars: 0,
        }
    }

    #[test]
    fn kinds_follow_the_thresholds_and_roles() {
        use BlockKind::*;
        let corpus = Corpus {
            articles: vec![
                article(&[
                    (Heading, "Sanctions and energy"),
                    (
                        Paragraph,
                        "Officials weighed sanctions relief for energy exports this week.",
                    ),
                    (Metadata, "By Staff"),
                ]),
                article(&[
                    (Heading, "sanctions AND energy"),
                    (
                        Paragraph,
                        "Officials weighed sanctions relief for energy exports this week.",
                    ),
                    (
                        Paragraph,
                        "Energy exports and sanctions relief were weighed by officials.",
                    ),
                    (Metadata, "By Staff"),
                ]),
            ],
            warnings: Vec::new(),
        };
        let related = RelatedIndex::build(&corpus);
        let s = PairScores::compute(&corpus, &related, 0, 1);
        let opts = AlignOptions::default();
        // Copied heading: near, and on the one scale a sure pair.
        let (kind, p) = s.judge(0, 0, &opts).unwrap();
        assert_eq!(kind, RowKind::Near);
        assert!(p > 0.8 && p <= 1.0, "{p}");
        assert_eq!(s.judge(1, 1, &opts), Some((RowKind::Identical, 1.0)));
        assert_eq!(s.judge(1, 2, &opts).map(|k| k.0), Some(RowKind::Related));
        // Headings never pair with body text; metadata never pairs.
        assert_eq!(s.judge(0, 1, &opts), None);
        assert_eq!(s.judge(2, 3, &opts), None);
        // Out of range is no pair, not a panic.
        assert_eq!(s.judge(9, 0, &opts), None);
        let strict = AlignOptions {
            related_min: 1.0,
            ..opts
        };
        assert_eq!(s.judge(1, 2, &strict), None);
    }
}
