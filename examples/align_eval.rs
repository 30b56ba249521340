//! How well the alignment finds blocks that make the same point, against
//! gold alignments written by reading:
//!
//! `cargo run --release --example align_eval [-- --sweep] [--features FILE]
//!  [--gold DIR --corpus DIR] [--rules] [--also]`
//!
//! Prints precision (a predicted pair is right when it is any gold pair,
//! sure or likely) and recall (of all gold pairs, and of the sure ones) per
//! file and in total at the default threshold; `--sweep` adds every
//! threshold from 0.05 to 0.95; `--features FILE` writes each scored block
//! pair's model inputs and gold label (for `fit_same_point`).
//!
//! By default the gold is `tests/fixtures/align_gold` over the built-in
//! corpus. `--gold DIR --corpus DIR` reads other gold files
//! (`LEFT_RIGHT.tsv`, the same format) over articles found under the
//! corpus folder: each pair is aligned within the folder that holds the
//! file named `LEFT.*` (so IDF comes from that folder, as when a reader
//! opens it). `--rules` compares pairing rules on the same scores (see
//! `support/rules.rs`). `--also` counts an unpaired block's `also` mark
//! (it makes the point of that block, which is paired elsewhere) as a pair.

#[path = "support/gold.rs"]
mod gold;
#[path = "support/rules.rs"]
mod rules;

use gold::Tally;
use parallax::analysis::align::{AlignOptions, PairScores, align_scores};
use parallax::analysis::evidence::model;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

/// The block pairs an alignment pairs (every paired row); with `also`,
/// an unpaired block's `also` mark counts as a pair too (it is shown as
/// making that block's point).
pub fn predicted(scores: &PairScores, threshold: f64, also: bool) -> BTreeSet<(usize, usize)> {
    let opts = AlignOptions {
        related_min: threshold,
        ..AlignOptions::default()
    };
    let alignment = align_scores(scores, &opts);
    let mut pairs: BTreeSet<(usize, usize)> = alignment.pairs().into_iter().collect();
    if also {
        for row in &alignment.rows {
            match (row.left, row.right, row.also) {
                (Some(i), None, Some(j)) | (None, Some(j), Some(i)) => {
                    pairs.insert((i, j));
                }
                _ => {}
            }
        }
    }
    pairs
}

fn arg_after<'a>(args: &'a [String], flag: &str) -> Option<&'a String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|k| args.get(k + 1))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sweep = args.iter().any(|a| a == "--sweep");
    let also = args.iter().any(|a| a == "--also");
    let features_out = arg_after(&args, "--features");
    let gold_dir = arg_after(&args, "--gold").map_or_else(gold::builtin_dir, PathBuf::from);
    let corpus_root = arg_after(&args, "--corpus").map(PathBuf::from);
    let cases = gold::scored_cases(&gold_dir, corpus_root.as_deref());
    let default = AlignOptions::default().related_min;
    let mut thresholds = vec![default];
    if sweep {
        thresholds.extend((1..20).map(|k| f64::from(k) * 0.05));
    }
    for (n, &t) in thresholds.iter().enumerate() {
        let (mut all, mut sure) = (Tally::default(), Tally::default());
        for (g, s) in &cases {
            let p = predicted(s, t, also);
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
    if args.iter().any(|a| a == "--rules") {
        rules::compare(&cases);
    }
    if let Some(path) = features_out {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("features file"));
        writeln!(
            out,
            "set\ti\tj\tlabel\t{}\tpair_probability",
            model::FEATURES.join("\t")
        )
        .unwrap();
        gold::for_each_candidate(&cases, |c, i, j, signals, positive| {
            let mut row: Vec<String> = model::features(signals)
                .iter()
                .map(|v| format!("{v:.5}"))
                .collect();
            row.push(format!("{:.5}", model::probability(signals)));
            let (name, label) = (&cases[c].0.name, u8::from(positive));
            writeln!(out, "{name}\t{i}\t{j}\t{label}\t{}", row.join("\t")).unwrap();
        });
    }
}
