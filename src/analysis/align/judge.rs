//! How one measured block pair is judged: identical, copied (near),
//! the same point in other words (related) or not paired, its similarity
//! on the one scale, and its weight in the one-to-one assignment.

use super::{AlignOptions, RowKind};
use crate::analysis::evidence::{Signals, model};

/// Scores of one (left block, right block) pair.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Cell {
    /// The better of the two shingle scores (Jaccard, containment) over
    /// normalised tokens: the copy signal.
    pub shingle: f32,
    /// The Jaccard alone: how much of both blocks the copy is.
    pub jaccard: f32,
    /// Probability that the two make the same point (the evidence model).
    pub probability: f32,
    pub identical: bool,
}

impl Cell {
    /// How surely the two make the same point, on the one scale every
    /// row, partner and elsewhere line gives: the model's probability,
    /// or the share of both blocks that is copied when that is surer.
    /// Not the containment: a quote found whole in a paragraph, or a
    /// paragraph cut short, is not "1.00" (that is identical text); the
    /// containment stays in the row's signals.
    pub fn similarity(&self) -> f64 {
        if self.identical {
            1.0
        } else {
            f64::from(self.probability.max(self.jaccard))
        }
    }
}

pub(super) fn cell(signals: &Signals, identical: bool) -> Cell {
    Cell {
        shingle: signals.jaccard.max(signals.containment) as f32,
        jaccard: signals.jaccard as f32,
        probability: if identical {
            1.0
        } else {
            model::probability(signals) as f32
        },
        identical,
    }
}

/// An eligible pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scored {
    pub i: usize,
    pub j: usize,
    pub kind: RowKind,
    pub similarity: f64,
    /// For an excerpt (copied, but a short block found whole in a longer
    /// one, see [`excerpt`]), what the model makes of the pair: its weight.
    pub excerpt: Option<f32>,
}

impl Scored {
    /// Weight for the alignment: copied text (identical, near) outranks
    /// any paraphrase, so one copied paragraph is not traded away for a
    /// couple of loosely related ones. An excerpt weighs what the model
    /// makes of the pair, as a paraphrase does: a one-line quote found in
    /// a paragraph does not outrank the paragraph that reports the same
    /// thing around it, yet pairs where nothing better does.
    pub fn weight(&self) -> f32 {
        match (self.kind, self.excerpt) {
            (RowKind::Identical | RowKind::Near, Some(p)) => p.max(f32::MIN_POSITIVE),
            (RowKind::Identical | RowKind::Near, None) => 1.0 + self.similarity as f32,
            _ => (self.similarity as f32).max(f32::MIN_POSITIVE),
        }
    }
}

/// Copied text that is most of neither block: the shorter block found in
/// the longer (containment reaches `near_min`), their Jaccard not. Its
/// weight when it is (`Scored::excerpt`).
pub(super) fn excerpt(c: &Cell, opts: &AlignOptions) -> Option<f32> {
    (!c.identical && f64::from(c.jaccard) < opts.near_min).then(|| c.probability.max(c.jaccard))
}

/// Identical text, then copied text (the shingle signal reaches
/// `near_min`), then the same point in other words (the probability
/// reaches `related_min`). The similarity is [`Cell::similarity`] for
/// every kind, so one pair reads the same figure wherever it is shown.
pub(super) fn judge_cell(c: &Cell, opts: &AlignOptions) -> Option<(RowKind, f64)> {
    let p = f64::from(c.probability);
    if c.identical {
        Some((RowKind::Identical, 1.0))
    } else if c.shingle > 0.0 && f64::from(c.shingle) >= opts.near_min {
        Some((RowKind::Near, c.similarity()))
    } else if p > 0.0 && p >= opts.related_min {
        Some((RowKind::Related, c.similarity()))
    } else {
        None
    }
}
