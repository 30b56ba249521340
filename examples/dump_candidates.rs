//! Write every labelled pair the paragraph model is fitted and checked on
//! as one TSV row, with the model's inputs and the two texts, so that a
//! candidate signal computed outside parallax (a sentence-embedding model,
//! say) can be measured beside the model before anything is built into
//! parallax:
//!
//! `cargo run --release --example dump_candidates -- \
//!   [--gold DIR --corpus DIR]... [--check NAME=FILE[:EVERY]]... OUT.tsv`
//!
//! Columns: set, group (gold file, or 0), left block, right block, label
//! (1/0), the probability as compiled now, the inputs
//! (`model::paragraph_inputs`, comma-separated), left text, right text.
//! The built-in gold is always the first set. Tabs and line breaks in texts
//! become spaces.

#[path = "support/gold.rs"]
mod gold;
#[path = "support/pairs.rs"]
mod pairs;

use parallax::analysis::evidence::{PairEvidence, Signals, model};
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::{Corpus, load_builtin, load_paths};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn flat(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn row(out: &mut String, set: &str, group: usize, i: usize, j: usize, y: bool, s: &Signals) {
    let inputs: Vec<String> = model::paragraph_inputs(s)
        .iter()
        .map(|v| format!("{v:.6}"))
        .collect();
    let _ = write!(
        out,
        "{set}\t{group}\t{i}\t{j}\t{}\t{:.6}\t{}",
        u8::from(y),
        model::probability(s),
        inputs.join(",")
    );
}

fn gold_rows(out: &mut String, name: &str, dir: &Path, root: Option<&Path>) {
    let cases = gold::scored_cases(dir, root);
    let corpora: Vec<Corpus> = cases
        .iter()
        .map(|(g, _)| match root {
            Some(r) => load_paths(&[gold::folder_of(r, &g.left).expect("folder")]).expect("load"),
            None => load_builtin(),
        })
        .collect();
    gold::for_each_candidate(&cases, |c, i, j, signals, positive| {
        let (scores, corpus) = (&cases[c].1, &corpora[c]);
        row(out, name, c, i, j, positive, signals);
        let l = &corpus.articles[scores.left].blocks[i].text;
        let r = &corpus.articles[scores.right].blocks[j].text;
        let _ = writeln!(out, "\t{}\t{}", flat(l), flat(r));
    });
}

fn check_rows(out: &mut String, spec: &str) {
    let (name, path, every) = pairs::parse_spec(spec);
    let (corpus, labels) = pairs::read(path, every);
    let related = RelatedIndex::build(&corpus);
    for (k, label) in labels.into_iter().enumerate() {
        let signals = PairEvidence::build(&corpus, &related, 2 * k, 2 * k + 1).signals(0, 0);
        row(out, name, 0, k, 0, label, &signals);
        let text = |a: usize| flat(&corpus.articles[a].blocks[0].text);
        let _ = writeln!(out, "\t{}\t{}", text(2 * k), text(2 * k + 1));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| pairs::values(&args, flag);
    let Some(out_path) = args.last().filter(|a| !a.starts_with("--")) else {
        eprintln!("usage: dump_candidates [--gold DIR --corpus DIR]... [--check SPEC]... OUT.tsv");
        std::process::exit(2);
    };
    let mut out = String::new();
    gold_rows(&mut out, "built-in", &gold::builtin_dir(), None);
    for (dir, corpus) in value("--gold").into_iter().zip(value("--corpus")) {
        let name = Path::new(dir)
            .file_name()
            .map_or("gold".into(), |n| n.to_string_lossy().into_owned());
        gold_rows(
            &mut out,
            &name,
            &PathBuf::from(dir),
            Some(Path::new(corpus)),
        );
    }
    for spec in value("--check") {
        check_rows(&mut out, spec);
    }
    std::fs::write(out_path, out).expect("write");
}
