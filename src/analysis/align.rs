//! Aligning two articles for side-by-side reading.
//!
//! Every block of each article lands in exactly one row on its side. Pairs
//! are chosen in passes, each keeping what earlier passes fixed:
//!
//! 1. **Section anchors**: headings that match (identical or near-duplicate
//!    words) are paired by a maximum-weight monotone chain.
//! 2. **Section bodies**: under each anchored pair of headings, the
//!    paragraphs up to the next heading are paired with each other first.
//! 3. **Everything else in order**: between the fixed pairs, a maximum-weight
//!    monotone chain over all eligible pairs (copied text weighs more than
//!    paraphrase).
//! 4. **Moved**: pairs left over cross the chain; copied text is paired
//!    greedily by score, paraphrase only when it is clearly related (see
//!    [`MOVED_RELATED_MARGIN`]) and each block is the other's best remaining
//!    match. These rows are marked `moved`.
//!
//! Metadata and boilerplate are never paired; headings pair only with
//! headings. The costly part (scoring block pairs) lives in [`PairScores`],
//! so the reader can re-align under a new `related_min` without rescoring.

mod chain;
mod overlap;
mod repeats;
mod rows;
mod scores;

pub use scores::{MAX_LEXICAL_PAIRS, PairScores};

use crate::analysis::related::RelatedIndex;
use crate::corpus::Corpus;
use chain::{Weighted, best_chain};
use scores::{Role, Scored};

/// How a row's blocks relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Same text, character for character.
    Identical,
    /// Copied with edits: either shingle score ≥ `near_min`.
    Near,
    /// Paraphrase: TF-IDF cosine ≥ `related_min`.
    Related,
    LeftOnly,
    RightOnly,
}

impl RowKind {
    pub const ALL: [RowKind; 5] = [
        RowKind::Identical,
        RowKind::Near,
        RowKind::Related,
        RowKind::LeftOnly,
        RowKind::RightOnly,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RowKind::Identical => "identical",
            RowKind::Near => "near",
            RowKind::Related => "related",
            RowKind::LeftOnly => "left_only",
            RowKind::RightOnly => "right_only",
        }
    }

    pub fn is_paired(self) -> bool {
        matches!(self, RowKind::Identical | RowKind::Near | RowKind::Related)
    }
}

/// The earlier block of the same article that a row's block repeats, per
/// side (a paired row can repeat on both sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RepeatOf {
    pub left: Option<usize>,
    pub right: Option<usize>,
}

/// One row of the side-by-side view: block indices into each article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AlignedRow {
    pub left: Option<usize>,
    pub right: Option<usize>,
    pub kind: RowKind,
    /// Shingle score for `near`, cosine for `related`, 1 for `identical`,
    /// 0 for unpaired rows.
    pub similarity: f64,
    /// Paired out of order: the right index breaks the right side's order.
    pub moved: bool,
    pub repeat_of: Option<RepeatOf>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Near-duplicate when either shingle score reaches this.
    pub near_min: f64,
    /// Related when the TF-IDF cosine reaches this. Default 0.2, set from
    /// the background level: paragraphs on the same story share its names
    /// and places, and that alone gives low cosines (built-in corpus, 6,285
    /// cross-article paragraph pairs: median 0.04, 99th percentile 0.15).
    /// 0.2 keeps the top 0.1% or so, the pairs that share the vocabulary
    /// of a specific point rather than of the story. The reader lowers it
    /// to see looser parallels and raises it to keep close paraphrase only.
    pub related_min: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            near_min: 0.5,
            related_min: 0.2,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Alignment {
    pub left: usize,
    pub right: usize,
    pub rows: Vec<AlignedRow>,
}

impl Alignment {
    /// Rows of one kind.
    pub fn count(&self, kind: RowKind) -> usize {
        self.rows.iter().filter(|r| r.kind == kind).count()
    }

    pub fn moved(&self) -> usize {
        self.rows.iter().filter(|r| r.moved).count()
    }
}

/// Align articles `left` and `right` (indices into `corpus.articles`).
pub fn align(
    corpus: &Corpus,
    related: &RelatedIndex,
    left: usize,
    right: usize,
    opts: &AlignOptions,
) -> Alignment {
    align_scores(&PairScores::compute(corpus, related, left, right), opts)
}

/// Align from precomputed scores (cheap: use it to re-align when the
/// thresholds change).
pub fn align_scores(scores: &PairScores, opts: &AlignOptions) -> Alignment {
    let eligible = scores.eligible(opts);
    let (n, m) = (scores.left_len(), scores.right_len());
    let mut fixed: Vec<Scored> = Vec::new();

    // 1. Matching headings anchor sections.
    let anchors: Vec<Scored> = eligible
        .iter()
        .filter(|p| {
            scores.left_roles[p.i] == Role::Heading
                && matches!(p.kind, RowKind::Identical | RowKind::Near)
        })
        .copied()
        .collect();
    let anchors = chain_of(&anchors);
    // 2. Each anchored section's paragraphs pair among themselves first.
    for a in &anchors {
        let body_l = a.i + 1..section_end(&scores.left_roles, a.i);
        let body_r = a.j + 1..section_end(&scores.right_roles, a.j);
        let inside: Vec<Scored> = eligible
            .iter()
            .filter(|p| body_l.contains(&p.i) && body_r.contains(&p.j))
            .copied()
            .collect();
        fixed.extend(chain_of(&inside));
    }
    fixed.extend(anchors);
    fixed.sort_by_key(|p| (p.i, p.j));

    // 3. In order, between the fixed pairs.
    let mut groups: Vec<Vec<Scored>> = vec![Vec::new(); fixed.len() + 1];
    for p in &eligible {
        let g = fixed.partition_point(|f| f.i < p.i);
        let above = g.checked_sub(1).map(|k| fixed[k]);
        let below = fixed.get(g);
        let fits = above.is_none_or(|f| f.i < p.i && f.j < p.j)
            && below.is_none_or(|f| p.i < f.i && p.j < f.j);
        if fits {
            groups[g].push(*p);
        }
    }
    let mut in_order = fixed;
    for g in &groups {
        in_order.extend(chain_of(g));
    }
    in_order.sort_by_key(|p| (p.i, p.j));

    // 4. What crosses the chain.
    let moved = moved_pairs(&eligible, &in_order, (n, m), opts);

    let left_repeats = repeats::earliest(&scores.left_echoes, opts.near_min);
    let right_repeats = repeats::earliest(&scores.right_echoes, opts.near_min);
    let chosen = rows::Chosen {
        in_order: &in_order,
        moved: &moved,
    };
    Alignment {
        left: scores.left,
        right: scores.right,
        rows: rows::assemble(n, m, &chosen, &left_repeats, &right_repeats),
    }
}

/// The best monotone chain among `pairs`.
fn chain_of(pairs: &[Scored]) -> Vec<Scored> {
    let weighted: Vec<Weighted> = pairs
        .iter()
        .map(|p| Weighted {
            i: p.i,
            j: p.j,
            weight: p.weight(),
        })
        .collect();
    best_chain(&weighted)
        .into_iter()
        .map(|k| pairs[k])
        .collect()
}

/// End (exclusive) of the section whose heading is at `heading`: the next
/// heading, or the end of the article.
fn section_end(roles: &[Role], heading: usize) -> usize {
    (heading + 1..roles.len())
        .find(|&k| roles[k] == Role::Heading)
        .unwrap_or(roles.len())
}

/// How far above `related_min` a paraphrase must score to be paired out of
/// order. In order, position backs up a modest score; out of order nothing
/// does, and on the built-in corpus moved pairs just above the threshold
/// were mostly coincidences (a caption against a table row).
pub const MOVED_RELATED_MARGIN: f64 = 0.1;

/// Pairs among blocks the chain left free. Copied text pairs greedily by
/// score; paraphrase only when it clears `related_min` by
/// [`MOVED_RELATED_MARGIN`] and each block is the other's best candidate.
fn moved_pairs(
    eligible: &[Scored],
    in_order: &[Scored],
    (n, m): (usize, usize),
    opts: &AlignOptions,
) -> Vec<Scored> {
    let mut left_free = vec![true; n];
    let mut right_free = vec![true; m];
    for p in in_order {
        left_free[p.i] = false;
        right_free[p.j] = false;
    }
    let mut rest: Vec<Scored> = eligible
        .iter()
        .filter(|p| left_free[p.i] && right_free[p.j])
        .filter(|p| {
            p.kind != RowKind::Related || p.similarity >= opts.related_min + MOVED_RELATED_MARGIN
        })
        .copied()
        .collect();
    rest.sort_by(|a, b| {
        b.weight()
            .total_cmp(&a.weight())
            .then((a.i, a.j).cmp(&(b.i, b.j)))
    });
    // First (best) candidate seen per block, for the mutual-best test.
    let mut best_left = vec![usize::MAX; n];
    let mut best_right = vec![usize::MAX; m];
    for (k, p) in rest.iter().enumerate() {
        if best_left[p.i] == usize::MAX {
            best_left[p.i] = k;
        }
        if best_right[p.j] == usize::MAX {
            best_right[p.j] = k;
        }
    }
    let mut moved = Vec::new();
    for (k, p) in rest.iter().enumerate() {
        let copied = matches!(p.kind, RowKind::Identical | RowKind::Near);
        let mutual = best_left[p.i] == k && best_right[p.j] == k;
        if left_free[p.i] && right_free[p.j] && (copied || mutual) {
            left_free[p.i] = false;
            right_free[p.j] = false;
            moved.push(*p);
        }
    }
    moved
}

#[cfg(test)]
mod tests;
