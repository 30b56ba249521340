//! Fit the same-point model (`src/analysis/evidence/model.rs`) and report
//! how well it ranks labelled pairs:
//!
//! `cargo run --release --example fit_same_point -- [--gold fit|check|off]
//!  [--pairs NAME=FILE[:EVERY]]... [--check NAME=FILE[:EVERY]]...
//!  [--write src/analysis/evidence/trees.rs] [--monotone] [--drop NAME,…]`
//!
//! Fitted on: every block pair the alignment may make in the gold
//! alignments of the built-in corpus (`tests/fixtures/align_gold/`; a pair
//! is positive when the gold lists it; `--gold check` only scores it,
//! `--gold off` leaves it out), plus each `--pairs` file of
//! `label<TAB>text1<TAB>text2` rows (for example a public paraphrase
//! corpus's training split; `:EVERY` keeps every EVERY-th row). `--check`
//! files are only scored, never fitted on. Each file's texts form one
//! corpus for the IDF.
//!
//! Prints, per data set, the ROC AUC of the model as compiled and, under
//! cross-validation (5 folds; the gold leave-one-file-out), of a linear
//! baseline and of the boosted trees; `--write` saves the trees fitted on
//! everything as Rust (run `cargo fmt` after). The fit is deterministic.
//! `--drop` holds the named inputs (`model::FEATURES`) at zero, to measure
//! what each one adds.

#[path = "support/boost.rs"]
mod boost;
#[path = "support/gold.rs"]
mod gold;
#[path = "support/logistic.rs"]
mod logistic;
#[path = "support/pairs.rs"]
mod pairs;

use parallax::analysis::evidence::{PairEvidence, model};
use parallax::analysis::related::RelatedIndex;

/// Labelled model inputs of one data set; `group` is the fold.
struct Set {
    name: String,
    x: Vec<Vec<f64>>,
    y: Vec<bool>,
    group: Vec<usize>,
}

fn gold_set() -> Set {
    let mut set = Set {
        name: "gold".into(),
        x: vec![],
        y: vec![],
        group: vec![],
    };
    let cases = gold::scored_cases(&gold::builtin_dir(), None);
    gold::for_each_candidate(&cases, |file, _, _, signals, positive| {
        set.x.push(model::features(signals).to_vec());
        set.y.push(positive);
        set.group.push(file);
    });
    set
}

fn pairs_set(name: &str, path: &str, every: usize) -> Set {
    let (corpus, labels) = pairs::read(path, every);
    let related = RelatedIndex::build(&corpus);
    let mut set = Set {
        name: name.into(),
        x: vec![],
        y: vec![],
        group: vec![],
    };
    for (k, label) in labels.into_iter().enumerate() {
        let ev = PairEvidence::build(&corpus, &related, 2 * k, 2 * k + 1);
        set.x.push(model::features(&ev.signals(0, 0)).to_vec());
        set.y.push(label);
        set.group.push(k % 5);
    }
    set
}

/// Rounds and learning rate of the boosting.
const ROUNDS: usize = 150;
const RATE: f64 = 0.2;

/// The boosted trees, or with `monotone` the monotone stumps (an
/// alternative measured in BENCHMARKS.md: every input moves the
/// probability one way only, at a cost in ranking).
fn fit(x: &[Vec<f64>], y: &[bool], w: &[f64], monotone: bool) -> boost::Model {
    if monotone {
        boost::fit_monotone(x, y, w, 2 * ROUNDS, RATE, &model::MONOTONE)
    } else {
        boost::fit(x, y, w, ROUNDS, RATE)
    }
}

fn parse_set(spec: &str) -> Set {
    let (name, path, every) = pairs::parse_spec(spec);
    pairs_set(name, path, every)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| -> Vec<&String> {
        args.windows(2)
            .filter(|w| w[0] == flag)
            .map(|w| &w[1])
            .collect()
    };
    let gold = value("--gold").first().map_or("fit", |g| g.as_str());
    let mut fitted = Vec::new();
    let mut checks: Vec<Set> = Vec::new();
    match gold {
        "fit" => fitted.push(gold_set()),
        "check" => checks.push(gold_set()),
        _ => {}
    }
    fitted.extend(value("--pairs").into_iter().map(|s| parse_set(s)));
    checks.extend(value("--check").into_iter().map(|s| parse_set(s)));
    let dropped: Vec<usize> = value("--drop")
        .iter()
        .flat_map(|d| d.split(','))
        .map(|name| {
            model::FEATURES
                .iter()
                .position(|f| *f == name)
                .unwrap_or_else(|| panic!("--drop: no input named {name}"))
        })
        .collect();
    for set in fitted.iter_mut().chain(checks.iter_mut()) {
        for x in &mut set.x {
            for &f in &dropped {
                x[f] = 0.0;
            }
        }
    }
    let write = value("--write").first().map(|p| p.to_string());
    let monotone = args.iter().any(|a| a == "--monotone");
    println!(
        "data set        pairs  positive  AUC cosine  AUC compiled  AUC linear (cv)  AUC trees (cv)"
    );
    for (s, set) in fitted.iter().enumerate() {
        let now: Vec<f64> = set.x.iter().map(|x| current(x)).collect();
        // Cross-validation: fit on every other set plus this set's other
        // folds, score this fold.
        let folds = set.group.iter().max().map_or(0, |g| g + 1);
        let (mut linear, mut trees) = (vec![0.0; set.x.len()], vec![0.0; set.x.len()]);
        for f in 0..folds {
            let (x, y, from) = pooled(&fitted, |t, k| t != s || fitted[t].group[k] != f);
            let w = logistic::balance(&from, &y);
            let lin = logistic::fit(&x, &y, &w);
            let boosted = fit(&x, &y, &w, monotone);
            for k in (0..set.x.len()).filter(|&k| set.group[k] == f) {
                linear[k] = lin.probability(&set.x[k]);
                trees[k] = boosted.probability(&set.x[k]);
            }
        }
        row(set, &now, Some(&linear), Some(&trees));
    }
    let (x, y, from) = pooled(&fitted, |_, _| true);
    let w = logistic::balance(&from, &y);
    let model = fit(&x, &y, &w, monotone);
    for set in &checks {
        let now: Vec<f64> = set.x.iter().map(|x| current(x)).collect();
        let refit: Vec<f64> = set.x.iter().map(|x| model.probability(x)).collect();
        row(set, &now, None, Some(&refit));
    }
    if let Some(path) = write {
        let names: Vec<&str> = fitted.iter().map(|s| s.name.as_str()).collect();
        std::fs::write(&path, generated(&model, &names, x.len())).expect("write trees");
        println!("wrote {path}");
    }
}

/// The model as compiled into parallax now.
fn current(x: &[f64]) -> f64 {
    model::probability_of(x, &model_trees(), model_base())
}

fn model_trees() -> Vec<model::Tree> {
    parallax::analysis::evidence::model::TREES.to_vec()
}

fn model_base() -> f64 {
    parallax::analysis::evidence::model::BASE
}

/// Every row of `sets` that `keep(set, row)` accepts: inputs, labels and
/// the set each came from.
fn pooled(
    sets: &[Set],
    keep: impl Fn(usize, usize) -> bool,
) -> (Vec<Vec<f64>>, Vec<bool>, Vec<usize>) {
    let (mut x, mut y, mut from) = (Vec::new(), Vec::new(), Vec::new());
    for (t, set) in sets.iter().enumerate() {
        for k in 0..set.x.len() {
            if keep(t, k) {
                x.push(set.x[k].clone());
                y.push(set.y[k]);
                from.push(t);
            }
        }
    }
    (x, y, from)
}

fn row(set: &Set, now: &[f64], linear: Option<&[f64]>, trees: Option<&[f64]>) {
    let fmt = |v: Option<&[f64]>| {
        v.map_or("-".to_string(), |v| {
            format!("{:.3}", logistic::auc(v, &set.y))
        })
    };
    // The plain TF-IDF cosine alone, for comparison.
    let cosine = model::FEATURES
        .iter()
        .position(|f| *f == "cosine")
        .unwrap_or(0);
    let plain: Vec<f64> = set.x.iter().map(|x| x[cosine]).collect();
    println!(
        "{:14} {:6}  {:8}  {:10.3}  {:12.3}  {:>15}  {:>14}",
        set.name,
        set.x.len(),
        set.y.iter().filter(|&&y| y).count(),
        logistic::auc(&plain, &set.y),
        logistic::auc(now, &set.y),
        fmt(linear),
        fmt(trees),
    );
}

/// `trees.rs` for the fitted model.
fn generated(model: &boost::Model, sets: &[&str], rows: usize) -> String {
    let mut s = String::new();
    s.push_str("//! Generated by `cargo run --release --example fit_same_point` (see\n");
    s.push_str("//! BENCHMARKS.md for the command and data): do not edit by hand.\n");
    s.push_str(&format!(
        "//! Fitted on {rows} labelled pairs from: {}.\n\n",
        sets.join(", ")
    ));
    // Thresholds are data: one may happen to equal ln 2.
    s.push_str("#![allow(clippy::approx_constant)]\n\n");
    s.push_str("use super::tree::Tree;\n\n");
    s.push_str(&format!("pub const BASE: f64 = {:?};\n\n", model.base));
    // One tree a line, whatever `cargo fmt` would make of it.
    s.push_str("#[rustfmt::skip]\n");
    s.push_str(&format!(
        "pub const TREES: [Tree; {}] = [\n",
        model.trees.len()
    ));
    for t in &model.trees {
        s.push_str(&format!(
            "    Tree {{ root: ({}, {:?}), low: ({}, {:?}), high: ({}, {:?}), leaves: [{:?}, {:?}, {:?}, {:?}] }},\n",
            t.root.0, t.root.1, t.low.0, t.low.1, t.high.0, t.high.1,
            t.leaves[0], t.leaves[1], t.leaves[2], t.leaves[3]
        ));
    }
    s.push_str("];\n");
    s
}
