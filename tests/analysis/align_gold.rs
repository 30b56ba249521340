//! The alignment against the gold alignments written by reading the
//! built-in corpus (`tests/fixtures/align_gold/`): floors on precision and
//! recall, so a change that loses same-point pairs, or pairs more of the
//! hard negatives, fails here. The figures themselves are printed by
//! `cargo run --release --example align_eval` and kept in BENCHMARKS.md.

#[path = "../../examples/support/gold.rs"]
mod gold;

use gold::{Gold, Tally};
use parallax::analysis::pair::{PairComparison, Threshold};
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::load_builtin;
use std::collections::BTreeSet;
use std::path::Path;

fn golds() -> Vec<Gold> {
    Gold::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align_gold"))
}

#[test]
fn same_point_pairs_are_found_at_the_default_threshold() {
    let c = load_builtin();
    let related = RelatedIndex::build(&c);
    let (mut all, mut sure, mut negatives_paired, mut negatives) =
        (Tally::default(), Tally::default(), 0, 0);
    let golds = golds();
    assert!(golds.len() >= 5, "gold files");
    for g in &golds {
        let (l, r) = (c.resolve(&g.left).unwrap(), c.resolve(&g.right).unwrap());
        let pair = PairComparison::new(&c, &related, l, r);
        let predicted: BTreeSet<(usize, usize)> =
            pair.align(Threshold::DEFAULT).pairs().into_iter().collect();
        all.add(Tally::of(&predicted, &g.set(false), &g.set(false)));
        sure.add(Tally::of(&predicted, &g.set(false), &g.set(true)));
        negatives += g.hard_negatives.len();
        negatives_paired += g
            .hard_negatives
            .iter()
            .filter(|p| predicted.contains(p))
            .count();
    }
    println!(
        "precision {:.3}  recall {:.3}  recall of sure {:.3}  hard negatives paired {negatives_paired}/{negatives}",
        all.precision(),
        all.recall(),
        sure.recall()
    );
    // Before the same-point evidence: precision 0.44, recall 0.05 (8 of
    // 167), sure recall 0.27. With the sentence trees alone as the score:
    // precision 0.27, recall 0.22, sure 0.46 (three wrong pairs in four).
    // With the calibrated paragraph model at 0.35: precision 0.48, recall
    // 0.07, sure 0.27 — fewer pairs, half of them right; this gold is
    // mostly `likely` pairs of vague claims, and on held-out real coverage
    // the same change raised precision from 0.11 to 0.58 and recall from
    // 0.09 to 0.17 (see BENCHMARKS.md). Fitted with paraphrase sentence
    // pairs beside the gold and without the trees, at the new 0.30
    // default: precision 0.455, recall 0.090, sure 0.31 (held out: 0.72 and
    // 0.20); with datelines and the attribution of quoted blocks left out of
    // the evidence: 0.467, 0.084, sure 0.27 (held out 0.75 and 0.18). With
    // word groups, letter trigrams, headings judged without their title's
    // words and by their sections, a standardised fit and the default at
    // 0.35: 0.486, 0.108, sure 0.35, 2 of 25 hard negatives (held out 0.81
    // and 0.20); the floors below were raised to hold that. The issue's
    // goal (recall 0.8 at precision 0.9) is not reached.
    assert!(all.precision() >= 0.47, "precision {:.3}", all.precision());
    assert!(all.recall() >= 0.09, "recall {:.3}", all.recall());
    assert!(sure.recall() >= 0.30, "sure recall {:.3}", sure.recall());
    assert!(
        negatives_paired * 5 <= negatives,
        "hard negatives paired: {negatives_paired}/{negatives}"
    );
}

#[test]
fn raising_the_threshold_never_adds_pairs_of_paraphrase() {
    let c = load_builtin();
    let related = RelatedIndex::build(&c);
    for g in golds() {
        let (l, r) = (c.resolve(&g.left).unwrap(), c.resolve(&g.right).unwrap());
        let pair = PairComparison::new(&c, &related, l, r);
        let mut last = usize::MAX;
        for p in (0..=100).step_by(5) {
            let n = pair.align(Threshold::from_percent(p)).pairs().len();
            assert!(n <= last, "{}: {n} pairs at {p}% after {last}", g.name);
            last = n;
        }
    }
}
