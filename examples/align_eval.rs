//! How well the alignment finds blocks that make the same point, against
//! the gold alignments written by reading the built-in corpus:
//!
//! `cargo run --release --example align_eval [-- --sweep] [--features FILE]`
//!
//! Prints precision (a predicted pair is right when it is any gold pair,
//! sure or likely) and recall (of all gold pairs, and of the sure ones) per
//! file and in total at the default threshold; `--sweep` adds every
//! threshold from 0.05 to 0.95; `--features FILE` writes each scored block
//! pair's model inputs and gold label (for `fit_same_point`).

#[path = "support/gold.rs"]
mod gold;

use gold::{Gold, Tally};
use parallax::analysis::align::{AlignOptions, PairScores, align_scores};
use parallax::analysis::evidence::model;
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::{Corpus, load_builtin};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

fn index_of(corpus: &Corpus, prefix: &str) -> usize {
    corpus
        .articles
        .iter()
        .position(|a| a.id.starts_with(prefix))
        .expect("article in corpus")
}

/// The block pairs an alignment pairs (every paired row).
pub fn predicted(scores: &PairScores, threshold: f64) -> BTreeSet<(usize, usize)> {
    let opts = AlignOptions {
        related_min: threshold,
        ..AlignOptions::default()
    };
    align_scores(scores, &opts).pairs().into_iter().collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sweep = args.iter().any(|a| a == "--sweep");
    let features_out = args
        .iter()
        .position(|a| a == "--features")
        .and_then(|k| args.get(k + 1));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align_gold");
    let golds = Gold::read_dir(&dir);
    let corpus = load_builtin();
    let related = RelatedIndex::build(&corpus);
    let scored: Vec<(&Gold, PairScores)> = golds
        .iter()
        .map(|g| {
            let (l, r) = (index_of(&corpus, &g.left), index_of(&corpus, &g.right));
            (g, PairScores::compute(&corpus, &related, l, r))
        })
        .collect();
    let default = AlignOptions::default().related_min;
    let mut thresholds = vec![default];
    if sweep {
        thresholds.extend((1..20).map(|k| f64::from(k) * 0.05));
    }
    for (n, &t) in thresholds.iter().enumerate() {
        let (mut all, mut sure) = (Tally::default(), Tally::default());
        for (g, s) in &scored {
            let p = predicted(s, t);
            let a = Tally::of(&p, &g.set(false), &g.set(false));
            let su = Tally::of(&p, &g.set(false), &g.set(true));
            if n == 0 {
                println!(
                    "{}  predicted {:3}  precision {:.2}  recall {:.2} ({}/{})  recall of sure {:.2} ({}/{})",
                    g.name,
                    a.predicted,
                    a.precision(),
                    a.recall(),
                    a.found,
                    a.gold,
                    su.recall(),
                    su.found,
                    su.gold
                );
            }
            all.add(a);
            sure.add(su);
        }
        println!(
            "threshold {t:.2}  predicted {:3}  precision {:.3}  recall {:.3}  recall of sure {:.3}",
            all.predicted,
            all.precision(),
            all.recall(),
            sure.recall()
        );
    }
    if let Some(path) = features_out {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("features file"));
        writeln!(out, "set\ti\tj\tlabel\t{}", model::FEATURES.join("\t")).unwrap();
        for (g, s) in &scored {
            let positive = g.set(false);
            let evidence = &s.evidence;
            for i in 0..s.left_len() {
                for j in 0..s.right_len() {
                    if !s.can_pair(i, j) {
                        continue;
                    }
                    let x = model::features(&evidence.signals(i, j));
                    let label = u8::from(positive.contains(&(i, j)));
                    let row: Vec<String> = x.iter().map(|v| format!("{v:.5}")).collect();
                    writeln!(out, "{}\t{i}\t{j}\t{label}\t{}", g.name, row.join("\t")).unwrap();
                }
            }
        }
    }
}
