//! Fit the paragraph same-point model (`src/analysis/evidence/weights.rs`):
//! a logistic regression over the evidence inputs (`model::FEATURES`, and
//! the sentence trees' log-odds: `model::paragraph_inputs`) of every block
//! pair the alignment may make, labelled by gold alignments
//! written by reading, so that a row's similarity reads as the chance the
//! two blocks make the same point.
//!
//! `cargo run --release --example fit_paragraph_model -- \
//!   [--gold DIR --corpus DIR]... [--fit-pairs NAME=FILE[:EVERY]]...
//!   [--check NAME=FILE[:EVERY]]... [--drop NAME,…] [--write FILE]`
//!
//! Fitted on the built-in gold (`tests/fixtures/align_gold/`) plus each
//! `--gold DIR` of `LEFT_RIGHT.tsv` files over the articles under the
//! `--corpus DIR` that follows it (see `support/gold.rs`). Samples are not
//! re-weighted: the fitted probability keeps the real share of same-point
//! pairs among candidate pairs (calibration). Prints per gold folder the
//! ROC AUC and, at 0.5, the precision and recall of the pairs above it
//! (all, not one-to-one) of the model as compiled and of the refit under
//! leave-one-file-out cross-validation; `--check` files
//! (`label<TAB>text1<TAB>text2`, for example a paraphrase corpus's training
//! split) are only scored, with the model fitted on everything.
//!
//! `--fit-pairs` files (same format) are fitted on beside the gold: their
//! pairs share the model's weights but get an intercept of their own
//! during the fit (an input that is 1 for their rows, dropped from the
//! shipped model). A sentence-pair set is picked to be hard (most of its
//! pairs are paraphrase candidates), so its share of positives says
//! nothing about paragraph pairs; its own intercept keeps the paragraph
//! calibration while its ranking still shapes the weights. Reported under
//! 5-fold cross-validation (row k in fold k mod 5). The fit is
//! deterministic; run `cargo fmt` after `--write`.

#[path = "support/gold.rs"]
mod gold;
#[path = "support/logistic.rs"]
mod logistic;
#[path = "support/pairs.rs"]
mod pairs;

use parallax::analysis::evidence::{PairEvidence, model};
use parallax::analysis::related::RelatedIndex;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Labelled inputs of one data set; `group` is its gold file.
struct Set {
    name: String,
    x: Vec<Vec<f64>>,
    y: Vec<bool>,
    group: Vec<usize>,
    /// The probability as compiled now.
    now: Vec<f64>,
    /// A sentence-pair set fitted on with an intercept of its own.
    own_intercept: bool,
}

fn gold_set(name: &str, dir: &Path, corpus: Option<&Path>) -> Set {
    let mut set = Set {
        name: name.into(),
        x: vec![],
        y: vec![],
        group: vec![],
        now: vec![],
        own_intercept: false,
    };
    let cases = gold::scored_cases(dir, corpus);
    gold::for_each_candidate(&cases, |file, _, _, signals, positive| {
        set.x.push(model::paragraph_inputs(signals).to_vec());
        set.y.push(positive);
        set.group.push(file);
        set.now.push(model::probability(signals));
    });
    set
}

fn pairs_set(spec: &str) -> Set {
    let (name, path, every) = pairs::parse_spec(spec);
    let (corpus, labels) = pairs::read(path, every);
    let related = RelatedIndex::build(&corpus);
    let mut set = Set {
        name: name.into(),
        x: vec![],
        y: vec![],
        group: vec![],
        now: vec![],
        own_intercept: false,
    };
    for (k, label) in labels.into_iter().enumerate() {
        let signals = PairEvidence::build(&corpus, &related, 2 * k, 2 * k + 1).signals(0, 0);
        set.x.push(model::paragraph_inputs(&signals).to_vec());
        set.y.push(label);
        set.group.push(k % 5);
        set.now.push(model::probability(&signals));
    }
    set
}

/// Precision and recall of the pairs scored at least 0.5.
fn at_half(p: &[f64], y: &[bool]) -> (f64, f64) {
    let made = p.iter().filter(|&&v| v >= 0.5).count();
    let right = p.iter().zip(y).filter(|(v, l)| **v >= 0.5 && **l).count();
    let gold = y.iter().filter(|&&l| l).count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(right, made), ratio(right, gold))
}

fn report(set: &Set, refit: &[f64], cv: bool) {
    let (pn, rn) = at_half(&set.now, &set.y);
    let (pf, rf) = at_half(refit, &set.y);
    println!(
        "{:12} {:6} {:5}  compiled: AUC {:.3} P {:.2} R {:.2}   {}: AUC {:.3} P {:.2} R {:.2}",
        set.name,
        set.y.len(),
        set.y.iter().filter(|&&l| l).count(),
        logistic::auc(&set.now, &set.y),
        pn,
        rn,
        if cv { "refit (cv)" } else { "refit     " },
        logistic::auc(refit, &set.y),
        pf,
        rf,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| pairs::values(&args, flag);
    let mut sets = vec![gold_set("built-in", &gold::builtin_dir(), None)];
    for (dir, corpus) in value("--gold").into_iter().zip(value("--corpus")) {
        let name = Path::new(dir)
            .file_name()
            .map_or("gold".into(), |n| n.to_string_lossy().into_owned());
        sets.push(gold_set(
            &name,
            &PathBuf::from(dir),
            Some(Path::new(corpus)),
        ));
    }
    for spec in value("--fit-pairs") {
        let mut set = pairs_set(spec);
        set.own_intercept = true;
        sets.push(set);
    }
    let mut checks: Vec<Set> = value("--check").into_iter().map(|s| pairs_set(s)).collect();
    // `--drop NAME,…` holds inputs at zero, to measure what each adds.
    let names: Vec<&str> = model::FEATURES
        .iter()
        .chain(&model::PARAGRAPH_EXTRA)
        .copied()
        .collect();
    let dropped: Vec<usize> = value("--drop")
        .iter()
        .flat_map(|d| d.split(','))
        .map(|n| {
            names
                .iter()
                .position(|f| *f == n)
                .unwrap_or_else(|| panic!("no input {n}"))
        })
        .collect();
    for set in sets.iter_mut().chain(checks.iter_mut()) {
        for x in &mut set.x {
            for &f in &dropped {
                x[f] = 0.0;
            }
        }
    }
    // One indicator input per set with an intercept of its own, after the
    // model's inputs; the fit keeps only the model's weights.
    let own: Vec<usize> = (0..sets.len()).filter(|&s| sets[s].own_intercept).collect();
    let inputs = names.len();
    let pooled = |keep: &dyn Fn(usize, usize) -> bool| {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        for (s, set) in sets.iter().enumerate() {
            for k in (0..set.x.len()).filter(|&k| keep(s, k)) {
                let mut row = set.x[k].clone();
                row.extend(own.iter().map(|&o| if o == s { 1.0 } else { 0.0 }));
                x.push(row);
                y.push(set.y[k]);
            }
        }
        let w = vec![1.0; y.len()];
        let mut fit = logistic::fit(&x, &y, &w);
        fit.weights.truncate(inputs);
        fit
    };
    for (s, set) in sets.iter().enumerate() {
        let files = set.group.iter().max().map_or(0, |g| g + 1);
        let mut cv = vec![0.0; set.x.len()];
        for f in 0..files {
            let fit = pooled(&|t, k| t != s || sets[t].group[k] != f);
            for k in (0..set.x.len()).filter(|&k| set.group[k] == f) {
                cv[k] = fit.probability(&set.x[k]);
            }
        }
        report(set, &cv, true);
    }
    let fit = pooled(&|_, _| true);
    for set in &checks {
        let p: Vec<f64> = set.x.iter().map(|x| fit.probability(x)).collect();
        report(set, &p, false);
    }
    if let Some(path) = value("--write").first() {
        let names: Vec<String> = sets
            .iter()
            .map(|s| match s.own_intercept {
                true => format!("{} sentence pairs, own intercept", s.name),
                false => s.name.clone(),
            })
            .collect();
        let rows: usize = sets.iter().map(|s| s.x.len()).sum();
        std::fs::write(path, generated(&fit, &names, rows)).expect("write weights");
        println!("wrote {path}");
    }
}

fn generated(fit: &logistic::Fit, sets: &[String], rows: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "//! The paragraph same-point model's weights, one per input of\n\
         //! `model::paragraph_inputs` in order, fitted by `examples/fit_paragraph_model.rs`\n\
         //! on {rows} labelled pairs ({}). Generated: do not edit.\n",
        sets.join(", ")
    );
    let _ = writeln!(s, "pub const INTERCEPT: f64 = {:?};\n", fit.intercept);
    let _ = writeln!(
        s,
        "pub const WEIGHTS: [f64; super::model::PARAGRAPH_INPUTS] = ["
    );
    for w in &fit.weights {
        let _ = writeln!(s, "    {w:?},");
    }
    let _ = writeln!(s, "];");
    s
}
