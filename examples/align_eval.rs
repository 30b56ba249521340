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
//! `--top K` asks what a reader browsing a block's likeliest partners
//! finds: of the blocks with a gold partner (on either side), how many have
//! one among their K most probable partners, and how many of the top
//! partners shown are gold.

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
    if let Some(k) = arg_after(&args, "--top").and_then(|k| k.parse().ok()) {
        top_partners(&cases, k);
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

/// The K most probable partners of one block, best first (pairs that may
/// pair and share something).
fn ranked(scores: &PairScores, block: usize, left_side: bool, k: usize) -> Vec<(usize, f64)> {
    let others = if left_side {
        scores.right_len()
    } else {
        scores.left_len()
    };
    let mut out: Vec<(usize, f64)> = (0..others)
        .filter_map(|o| {
            let (i, j) = if left_side { (block, o) } else { (o, block) };
            let p = scores.probability(i, j);
            (scores.can_pair(i, j) && p > 0.0).then_some((o, p))
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(k);
    out
}

/// Recall at K of each block's partners, and the precision of the top K
/// shown, over every block with a gold partner.
fn top_partners(cases: &[(gold::Gold, PairScores)], k: usize) {
    let (mut blocks, mut hit, mut shown, mut right) = (0usize, 0usize, 0usize, 0usize);
    let mut hit_first = 0usize;
    for (g, s) in cases {
        let gold = g.set(false);
        for left_side in [true, false] {
            let mut with_partner: BTreeSet<usize> = BTreeSet::new();
            for &(i, j) in &gold {
                with_partner.insert(if left_side { i } else { j });
            }
            for &b in &with_partner {
                let is_gold = |o: usize| {
                    let pair = if left_side { (b, o) } else { (o, b) };
                    gold.contains(&pair)
                };
                let top = ranked(s, b, left_side, k);
                blocks += 1;
                shown += top.len();
                right += top.iter().filter(|t| is_gold(t.0)).count();
                hit += usize::from(top.iter().any(|t| is_gold(t.0)));
                hit_first += usize::from(top.first().is_some_and(|t| is_gold(t.0)));
            }
        }
    }
    let share = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "top {k}: {blocks} blocks with a gold partner; first is gold {:.3}; one of top {k} is gold {:.3}; {shown} shown, {:.3} of them gold",
        share(hit_first, blocks),
        share(hit, blocks),
        share(right, shown)
    );
}
