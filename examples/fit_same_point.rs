//! Measure how well boosted trees over the same-point inputs
//! (`model::features`) rank labelled pairs, beside a linear model: the
//! sentence-pair ranking that was the first stage of parallax's model and
//! is kept as a measurement (`src/analysis/evidence/model.rs` says why it
//! is no longer shipped):
//!
//! `cargo run --release --example fit_same_point -- [--gold fit|check|off]
//!  [--pairs NAME=FILE[:EVERY]]... [--check NAME=FILE[:EVERY]]...
//!  [--monotone] [--drop NAME,…]`
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
//! Prints, per data set, the ROC AUC of the paragraph model as compiled
//! and, under cross-validation (5 folds; the gold leave-one-file-out), of
//! a linear baseline and of the boosted trees (`--check` sets: fitted on
//! everything). The fit is deterministic.
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
#[path = "support/tree.rs"]
mod tree;

use parallax::analysis::evidence::{PairEvidence, model};
use parallax::analysis::related::RelatedIndex;

/// How each input may move the probability (in the order of
/// [`FEATURES`]): +1 only up (evidence), -1 only down (numbers one side
/// writes and the other does not, lengths far apart), 0 either way (the
/// shorter block's length, which only says how far to trust the rest).
/// With `--monotone` the trees keep to it, so more shared evidence never
/// lowers a pair's probability.
const MONOTONE: [i8; 23] = [
    1, 1, 1, 1, 1, 1, -1, 1, 1, -1, 1, 0, 1, 1, 1, 1, 1, -1, -1, 1, -1, -1, -1,
];

/// Labelled model inputs of one data set; `group` is the fold.
struct Set {
    name: String,
    x: Vec<Vec<f64>>,
    y: Vec<bool>,
    group: Vec<usize>,
    /// The paragraph model's probability as compiled.
    now: Vec<f64>,
}

fn gold_set() -> Set {
    let mut set = Set {
        name: "gold".into(),
        x: vec![],
        y: vec![],
        group: vec![],
        now: vec![],
    };
    let cases = gold::scored_cases(&gold::builtin_dir(), None);
    gold::for_each_candidate(&cases, |file, _, _, signals, positive| {
        set.x.push(model::features(signals).to_vec());
        set.now.push(model::probability(signals));
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
        now: vec![],
    };
    for (k, label) in labels.into_iter().enumerate() {
        let ev = PairEvidence::build(&corpus, &related, 2 * k, 2 * k + 1);
        let signals = ev.signals(0, 0);
        set.x.push(model::features(&signals).to_vec());
        set.now.push(model::probability(&signals));
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
        boost::fit_monotone(x, y, w, 2 * ROUNDS, RATE, &MONOTONE)
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
    let value = |flag: &str| pairs::values(&args, flag);
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
    let monotone = args.iter().any(|a| a == "--monotone");
    println!(
        "data set        pairs  positive  AUC cosine  AUC compiled  AUC linear (cv)  AUC trees (cv)"
    );
    for (s, set) in fitted.iter().enumerate() {
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
        row(set, &set.now, Some(&linear), Some(&trees));
    }
    let (x, y, from) = pooled(&fitted, |_, _| true);
    let w = logistic::balance(&from, &y);
    let model = fit(&x, &y, &w, monotone);
    for set in &checks {
        let refit: Vec<f64> = set.x.iter().map(|x| model.probability(x)).collect();
        row(set, &set.now, None, Some(&refit));
    }
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
