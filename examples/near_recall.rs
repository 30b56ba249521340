//! Whether the side-by-side alignment still pairs copied paragraphs: the
//! planted copies of a synthetic corpus (`examples/synth.rs`, its
//! `truth.tsv`), across articles, whose shingle score reaches the near
//! threshold, each looked for among the rows of its article pair.
//!
//! `cargo run --release --example near_recall -- SYNTH_DIR [EVERY]`
//!
//! Takes every EVERY-th such copy (default 60) in the truth file's order,
//! so the sample is the same from run to run. Prints how many were paired,
//! how many of those as copied text (identical or near), and how many of
//! the rest have a block paired with another planted copy of it (a block
//! copied twice into the other article has one row; the other copy is its
//! `also` mark);
//! `NEAR_RECALL_MISSES=1` lists the copies left unpaired.

use parallax::analysis::align::RowKind;
use parallax::analysis::pair::{PairComparison, Threshold};
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::load_paths;
use std::collections::BTreeMap;

/// The near threshold the alignment uses by default (`AlignOptions`).
const NEAR_MIN: f64 = 0.5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(args.first().expect("SYNTH_DIR"));
    let every: usize = args.get(1).map_or(60, |n| n.parse().expect("EVERY"));
    let truth = std::fs::read_to_string(dir.join("truth.tsv")).expect("truth.tsv");
    let corpus = load_paths(std::slice::from_ref(&dir)).expect("corpus");
    let related = RelatedIndex::build(&corpus);
    // (left article, right article) → the copied block pairs to find.
    let mut wanted: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    let copies = truth
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 7 && f[6] == "across")
        .filter(|f| {
            let score = |k: usize| f[k].parse::<f64>().unwrap_or(0.0);
            score(4).max(score(5)) >= NEAR_MIN
        });
    for f in copies.step_by(every.max(1)) {
        let (Ok(a), Ok(b)) = (corpus.resolve(f[0]), corpus.resolve(f[2])) else {
            continue;
        };
        let block = |k: usize| f[k].parse::<usize>().expect("a block index");
        wanted.entry((a, b)).or_default().push((block(1), block(3)));
    }
    // Every planted copy of each sampled article pair: a block copied into
    // two places can have one row only (the other is an `also` mark).
    let mut planted: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for f in truth.lines().map(|l| l.split('\t').collect::<Vec<_>>()) {
        if f.len() < 7 || f[6] != "across" {
            continue;
        }
        let (Ok(a), Ok(b)) = (corpus.resolve(f[0]), corpus.resolve(f[2])) else {
            continue;
        };
        if let (true, Ok(i), Ok(j)) = (wanted.contains_key(&(a, b)), f[1].parse(), f[3].parse()) {
            planted.entry((a, b)).or_default().push((i, j));
        }
    }
    let (mut total, mut paired, mut as_copy, mut with_another) = (0, 0, 0, 0);
    for (&(a, b), pairs) in &wanted {
        let alignment = PairComparison::new(&corpus, &related, a, b).align(Threshold::DEFAULT);
        let is_row = |i: usize, j: usize| {
            alignment
                .rows
                .iter()
                .any(|r| r.left == Some(i) && r.right == Some(j))
        };
        for &(i, j) in pairs {
            total += 1;
            let others = planted.get(&(a, b)).map_or(&[][..], Vec::as_slice);
            if !is_row(i, j)
                && others
                    .iter()
                    .any(|&(x, y)| (x, y) != (i, j) && (x == i || y == j) && is_row(x, y))
            {
                with_another += 1;
            }
            let row = alignment
                .rows
                .iter()
                .find(|r| r.left == Some(i) && r.right == Some(j));
            if row.is_none() && std::env::var_os("NEAR_RECALL_MISSES").is_some() {
                let id = |k: usize| corpus.articles[k].id.as_str();
                println!("missed: {} #{i} ⇄ {} #{j}", id(a), id(b));
            }
            if let Some(row) = row {
                paired += 1;
                if matches!(row.kind, RowKind::Identical | RowKind::Near) {
                    as_copy += 1;
                }
            }
        }
    }
    println!(
        "{total} planted copies: {paired} paired, {as_copy} as copied text; \
         {with_another} more whose block is paired with another planted copy of it"
    );
}
