//! Aligning two articles for side-by-side reading.
//!
//! Every block of each article lands in exactly one row on its side.
//!
//! 1. **Scores**: every block pair that may pair (headings with headings,
//!    body text with body text; never metadata or boilerplate) gets the
//!    evidence signals and one same-point probability
//!    ([`crate::analysis::evidence`]), computed once in [`PairScores`].
//! 2. **Which blocks pair**: a global assignment, each block at most once:
//!    copied text first (identical, then near-duplicate), then the same
//!    point in other words, most probable first, down to `related_min`.
//!    Outlets reorder facts, so order is no condition.
//! 3. **In order or moved**: of the pairs chosen, matching headings anchor
//!    sections, section bodies chain among themselves, then the heaviest
//!    monotone chain between those reads in order; the rest are `moved`.
//! 4. **Also**: an unpaired block whose best partner is paired elsewhere
//!    (a point split over two paragraphs) names that partner.
//!
//! Re-aligning under a new threshold ([`align_scores`]) costs only steps
//! 2–4.

mod also;
mod candidates;
mod chain;
mod judge;
mod order;
mod overlap;
mod repeats;
mod role;
mod rows;
mod scores;

pub use scores::{MAX_LEXICAL_PAIRS, PairScores};

use crate::analysis::related::RelatedIndex;
use crate::analysis::threshold::Threshold;
use crate::corpus::Corpus;
use chain::{Weighted, best_chain};
use role::Role;
use scores::Scored;

/// How a row's blocks relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Same text, character for character.
    Identical,
    /// Copied with edits: either shingle score ≥ `near_min`.
    Near,
    /// The same point in other words: the same-point probability
    /// (`analysis::evidence`) ≥ `related_min`.
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
    /// How surely the two blocks make the same point, 0..=1, on one scale
    /// for every kind (1 for identical text); for an unpaired row with
    /// `also`, that pair's; otherwise 0.
    pub similarity: f64,
    /// Paired out of order: the right index breaks the right side's order.
    pub moved: bool,
    pub repeat_of: Option<RepeatOf>,
    /// On an unpaired row: the block of the other side whose point this
    /// block also makes (that block is paired in another row).
    pub also: Option<usize>,
}

impl AlignedRow {
    /// A row of `kind` with nothing measured on it: similarity 0, in
    /// order, no repeat, no `also`.
    pub fn bare(left: Option<usize>, right: Option<usize>, kind: RowKind) -> AlignedRow {
        AlignedRow {
            left,
            right,
            kind,
            similarity: 0.0,
            moved: false,
            repeat_of: None,
            also: None,
        }
    }

    /// The unpaired row of whichever side is given (the left when both
    /// are).
    pub fn unpaired(left: Option<usize>, right: Option<usize>) -> AlignedRow {
        let kind = if left.is_some() {
            RowKind::LeftOnly
        } else {
            RowKind::RightOnly
        };
        AlignedRow::bare(left, right, kind)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Near-duplicate when either shingle score reaches this.
    pub near_min: f64,
    /// Paired when the same-point probability reaches this (the pairing
    /// threshold, on the scale of every row's `similarity`). The reader
    /// lowers it to see looser parallels and raises it to keep only sure
    /// ones.
    pub related_min: f64,
}

impl AlignOptions {
    /// The default options at pairing threshold `threshold`.
    pub fn at(threshold: Threshold) -> AlignOptions {
        AlignOptions {
            related_min: threshold.as_f64(),
            ..AlignOptions::default()
        }
    }
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            near_min: 0.5,
            related_min: Threshold::DEFAULT.as_f64(),
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

    /// The (left block, right block) pairs the alignment makes.
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        self.rows
            .iter()
            .filter(|r| r.kind.is_paired())
            .filter_map(|r| Some((r.left?, r.right?)))
            .collect()
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
    // Which blocks pair: a global assignment, not a chain, since outlets
    // reorder facts. Then which of those pairs read in order.
    let chosen = assign(&eligible, n, m);
    let in_order = in_order(scores, &chosen);
    let mut taken = vec![false; chosen.len()];
    for p in &in_order {
        if let Some(k) = chosen.iter().position(|c| c == p) {
            taken[k] = true;
        }
    }
    let moved: Vec<Scored> = chosen
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(p, _)| *p)
        .collect();
    let left_repeats = repeats::earliest(&scores.left_echoes, opts.near_min);
    let right_repeats = repeats::earliest(&scores.right_echoes, opts.near_min);
    let chosen_rows = rows::Chosen {
        in_order: &in_order,
        moved: &moved,
    };
    let mut rows = rows::assemble(n, m, &chosen_rows, &left_repeats, &right_repeats);
    also::mark(&mut rows, &eligible, &chosen);
    Alignment {
        left: scores.left,
        right: scores.right,
        rows: order::shown_order(rows),
    }
}

/// Each block pairs at most once: copied text first (identical, then near,
/// best first), then the same point in other words, most probable first.
/// Taking the most probable pair still free is taking, at each step, a
/// pair that both blocks prefer to anything left: a block that merely
/// shares the story's vocabulary with many others loses to the one that
/// makes its point.
fn assign(eligible: &[Scored], n: usize, m: usize) -> Vec<Scored> {
    let mut order: Vec<&Scored> = eligible.iter().collect();
    order.sort_by(|a, b| {
        b.weight()
            .total_cmp(&a.weight())
            .then((a.i, a.j).cmp(&(b.i, b.j)))
    });
    let mut left_free = vec![true; n];
    let mut right_free = vec![true; m];
    // A block with a copy on the other side whose copy went to another
    // block (it repeats a paragraph of its own article) is that copy's
    // too, not some paraphrase's: it stays unpaired and `also` names it.
    let mut left_copied = vec![false; n];
    let mut right_copied = vec![false; m];
    for p in eligible.iter().filter(|p| p.kind != RowKind::Related) {
        left_copied[p.i] = true;
        right_copied[p.j] = true;
    }
    let mut chosen = Vec::new();
    for p in order {
        let loose_copy = p.kind == RowKind::Related && (left_copied[p.i] || right_copied[p.j]);
        if left_free[p.i] && right_free[p.j] && !loose_copy {
            left_free[p.i] = false;
            right_free[p.j] = false;
            chosen.push(*p);
        }
    }
    chosen.sort_by_key(|p| (p.i, p.j));
    chosen
}

/// The chosen pairs that read in order on both sides, in passes:
/// matching headings anchor sections; each anchored section's paragraphs
/// chain among themselves; then the heaviest monotone chain between those.
/// The others are shown as moved.
fn in_order(scores: &PairScores, chosen: &[Scored]) -> Vec<Scored> {
    let mut fixed: Vec<Scored> = Vec::new();
    let anchors: Vec<Scored> = chosen
        .iter()
        .filter(|p| scores.left_roles[p.i] == Role::Heading)
        .copied()
        .collect();
    let anchors = chain_of(&anchors);
    for a in &anchors {
        let body_l = a.i + 1..section_end(&scores.left_roles, a.i);
        let body_r = a.j + 1..section_end(&scores.right_roles, a.j);
        let inside: Vec<Scored> = chosen
            .iter()
            .filter(|p| body_l.contains(&p.i) && body_r.contains(&p.j))
            .copied()
            .collect();
        fixed.extend(chain_of(&inside));
    }
    fixed.extend(anchors);
    fixed.sort_by_key(|p| (p.i, p.j));
    let mut groups: Vec<Vec<Scored>> = vec![Vec::new(); fixed.len() + 1];
    for p in chosen {
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
    in_order
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

#[cfg(test)]
mod tests;
