//! One number from the signals: the probability that two blocks make the
//! same point, in two stages.
//!
//! 1. **Sentence trees**: gradient-boosted depth-2 trees over a few
//!    transforms of the signals, fitted on sentence pairs (public
//!    paraphrase data) and the built-in gold with every set and class
//!    weighed equally. Trees because the evidence weighs differently by
//!    regime: two sentences sharing most of their words differ by a number
//!    or an added clause, two paragraphs of other outlets share a handful
//!    of rare words or nothing. Their output ranks sentence pairs well but
//!    is not a chance: fitted on balanced classes, it put 0.5 where one
//!    candidate paragraph pair in eight makes the same point.
//! 2. **Paragraph model**: a logistic regression over the same inputs plus
//!    the trees' log-odds, fitted on every block pair the alignment may
//!    make in gold alignments written by reading (the built-in corpus and
//!    real three-outlet coverage), not re-weighted, so its output reads as
//!    the chance a candidate pair makes the same point. This is every
//!    row's similarity.
//!
//! Both are fitted, not chosen: `fit_same_point` writes `trees.rs`,
//! `fit_paragraph_model` writes `weights.rs` (run it after the trees
//! change); BENCHMARKS.md records the data, the commands and the
//! cross-validated figures. Changing [`features`] means refitting both.

use super::signals::Signals;
pub use super::tree::Tree;
use super::trees;
pub use super::trees::{BASE, TREES};
use super::weights;

/// Names of the model's inputs, in the order of [`features`].
pub const FEATURES: [&str; 23] = [
    "cosine",
    "sqrt_cosine",
    "sentence",
    "coverage",
    "names",
    "numbers_shared",
    "numbers_unshared",
    "quote",
    "copy",
    "length_ratio",
    "ln_shared_terms",
    "ln_shorter_words",
    "coverage_long",
    "bigrams",
    "words_long",
    "words_short",
    "ln_shared_5grams",
    "unmatched_max",
    "unmatched_min",
    "prefixes",
    "negation_mismatch",
    "numbers_conflict",
    "content_ratio",
];

/// How each input may move the probability (in the order of
/// [`FEATURES`]): +1 only up (evidence), -1 only down (numbers one side
/// writes and the other does not, lengths far apart), 0 either way (the
/// shorter block's length, which only says how far to trust the rest).
/// The fit keeps to it, so more shared evidence never lowers a pair's
/// probability: a reader can follow the `why` to the number.
pub const MONOTONE: [i8; 23] = [
    1, 1, 1, 1, 1, 1, -1, 1, 1, -1, 1, 0, 1, 1, 1, 1, 1, -1, -1, 1, -1, -1, -1,
];

/// The model's inputs for one pair.
pub fn features(s: &Signals) -> [f64; 23] {
    [
        s.cosine,
        s.cosine.sqrt(),
        s.sentence,
        s.coverage,
        s.names,
        (s.numbers_shared as f64).min(3.0) / 3.0,
        (s.numbers_unshared as f64).min(3.0) / 3.0,
        s.quote,
        s.jaccard.max(s.containment),
        s.length_ratio.min(3.0),
        (1.0 + s.shared_terms as f64).ln(),
        (1.0 + s.shorter_words as f64).ln(),
        s.coverage_long,
        s.bigrams,
        s.words_long,
        s.words_short,
        (1.0 + s.shared_5grams as f64).ln(),
        s.unmatched_max,
        s.unmatched_min,
        s.prefixes,
        f64::from(u8::from(s.negation_mismatch)),
        f64::from(u8::from(s.numbers_conflict)),
        s.content_ratio.min(3.0),
    ]
}

/// Words in common, in one run, that make two blocks a quote or a copied
/// fact of each other whatever else they say (a 5-gram shingle per word
/// past the fourth).
pub const SHARED_PASSAGE_WORDS: usize = 10;
/// What such a shared passage makes the pair at least.
pub const SHARED_PASSAGE_FLOOR: f64 = 0.9;

/// The sentence trees' output (stage 1): a ranking of sentence pairs,
/// not calibrated for paragraph pairs.
pub fn sentence_probability(s: &Signals) -> f64 {
    probability_of(&features(s), &trees::TREES, trees::BASE)
}

/// The log-odds of a probability, bounded so a 0 or 1 stays finite.
pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// Inputs only the paragraph model reads, after [`FEATURES`] (the trees
/// were fitted before them).
pub const PARAGRAPH_EXTRA: [&str; 4] = [
    "ln_shared_idf",
    "rarest_shared_idf",
    "sentence_cover",
    "trees_logit",
];

/// How many inputs the paragraph model reads.
pub const PARAGRAPH_INPUTS: usize = FEATURES.len() + PARAGRAPH_EXTRA.len();

/// The paragraph model's inputs: [`features`], the evidence mass both
/// blocks share, and the trees' log-odds.
pub fn paragraph_inputs(s: &Signals) -> [f64; PARAGRAPH_INPUTS] {
    let mut x = [0.0; PARAGRAPH_INPUTS];
    let n = FEATURES.len();
    x[..n].copy_from_slice(&features(s));
    x[n] = (1.0 + s.shared_idf).ln();
    x[n + 1] = s.rarest_shared_idf.min(8.0);
    x[n + 2] = s.sentence_cover;
    x[n + 3] = logit(sentence_probability(s));
    x
}

/// Probability that the pair makes the same point, 0..=1: the paragraph
/// model (stage 2). A passage of ten words or more in common is taken as
/// the same point however the rest scores, as copied paragraphs are (one
/// quote shared by two long paragraphs would otherwise be out-voted by
/// the rest of their words).
pub fn probability(s: &Signals) -> f64 {
    let x = paragraph_inputs(s);
    let z = weights::INTERCEPT
        + x.iter()
            .zip(&weights::WEIGHTS)
            .map(|(a, w)| a * w)
            .sum::<f64>();
    let p = 1.0 / (1.0 + (-z).exp());
    if s.shared_5grams + 4 >= SHARED_PASSAGE_WORDS {
        p.max(SHARED_PASSAGE_FLOOR)
    } else {
        p
    }
}

/// The logistic function of the trees' summed log-odds (shared with the
/// fitting tool).
pub fn probability_of(x: &[f64], trees: &[Tree], base: f64) -> f64 {
    let z: f64 = base + trees.iter().map(|t| t.value(x)).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::evidence::Vocab;
    use crate::analysis::related::RelatedIndex;

    fn p(a: &str, b: &str) -> f64 {
        let related = RelatedIndex::default();
        let mut vocab = Vocab::default();
        let ps = super::super::profile::profiles(&[a, b], &related, &mut vocab);
        probability(&Signals::of(&ps[0], &ps[1]))
    }

    #[test]
    fn more_evidence_means_a_higher_probability() {
        let fact = "The two leaders agreed to reopen consulates in both capitals by March, officials said.";
        let copy = "The two leaders agreed to reopen consulates in both capitals by March, officials told reporters.";
        let rewrite =
            "Consulates in both capitals will reopen by March under the leaders' agreement.";
        let other = "Fishing crews in the harbour waited for the storm to pass before heading out.";
        let (p_copy, p_rewrite, p_other) = (p(fact, copy), p(fact, rewrite), p(fact, other));
        assert!(
            p_other < p_rewrite && p_rewrite < p_copy,
            "{p_other} {p_rewrite} {p_copy}"
        );
        // A quote shared by two otherwise different paragraphs.
        let quoted = "They do have my blessing to discuss the end of the war, he said on Tuesday at the estate.";
        let quoting = "Officials later briefed reporters. They do have my blessing to discuss the end of the war, the president told his guest.";
        assert!(p(quoted, quoting) >= SHARED_PASSAGE_FLOOR);
        // Nothing shared stays below the default threshold; a copy is sure
        // (the trees alone put this one at 0.9 or under since the
        // word-level inputs: MSRP labels many near-copies that change a
        // few words as different; its ten words in common keep it at the
        // floor).
        let default = crate::analysis::pair::Threshold::DEFAULT.as_f64();
        assert!(
            p_other < default && p_copy >= SHARED_PASSAGE_FLOOR,
            "{p_other} {p_copy}"
        );
    }

    #[test]
    fn one_shared_name_is_not_the_same_point() {
        // Two quotes of one official on different subjects: the name and
        // the title are all they share (a wrong pair the sentence trees
        // alone score 0.41 here, above the default threshold; 0.67 in its
        // real coverage).
        let a = "\"It is all part of the relationship,\" said Matthew Pottinger, the senior director for Asia. \"Sometimes they talk about the politics in each other's countries.\"";
        let b = "Matthew Pottinger, the senior director for Asia, said the president would raise the full range of threats at any meeting with the North.";
        let default = crate::analysis::pair::Threshold::DEFAULT.as_f64();
        assert!(p(a, b) < default, "{}", p(a, b));
    }
}
