//! The signals and same-point probability of chosen block pairs, paired or
//! not — to see why two blocks do (or do not) pair:
//!
//! `cargo run --release --example pair_signals -- PATH LEFT RIGHT I J [I J]...`
//!
//! PATH is a file or folder as `parallax` takes it; LEFT and RIGHT are
//! article ids (or prefixes); each I J is a left and a right block index.

use parallax::analysis::align::PairScores;
use parallax::analysis::evidence::model;
use parallax::analysis::related::RelatedIndex;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 5 || !(args.len() - 3).is_multiple_of(2) {
        eprintln!("usage: pair_signals PATH LEFT RIGHT I J [I J]...");
        std::process::exit(2);
    }
    let corpus = match parallax::corpus::load_paths(&[args[0].clone().into()]) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("pair_signals: {e}");
            std::process::exit(2);
        }
    };
    let resolve = |id: &str| {
        corpus.resolve(id).unwrap_or_else(|e| {
            eprintln!("pair_signals: {e}");
            std::process::exit(2)
        })
    };
    let (left, right) = (resolve(&args[1]), resolve(&args[2]));
    let related = RelatedIndex::build(&corpus);
    let scores = PairScores::compute(&corpus, &related, left, right);
    for pair in args[3..].chunks(2) {
        let (Ok(i), Ok(j)) = (pair[0].parse::<usize>(), pair[1].parse::<usize>()) else {
            eprintln!("pair_signals: block indices are numbers");
            std::process::exit(2);
        };
        let signals = scores.evidence.signals(i, j);
        println!(
            "{i} ↔ {j}  probability {:.3}\n  {}",
            model::probability(&signals),
            serde_json::to_string(&signals).unwrap_or_default()
        );
    }
}
