//! Time to compare one pair of articles (score every block pair, align,
//! word-diff every paired row), as the compare view and `parallax diff` do:
//!
//! `cargo run --release --example bench_pair -- [LEFT RIGHT [PATH]...]`
//!
//! Default: the two longest articles of the built-in corpus. Prints the
//! blocks per side and the median and maximum of 21 runs (one thread).

use parallax::analysis::pair::{PairComparison, Threshold};
use parallax::analysis::related::RelatedIndex;
use parallax::corpus::{load_builtin, load_paths};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = if args.len() > 2 {
        let paths: Vec<std::path::PathBuf> = args[2..].iter().map(Into::into).collect();
        load_paths(&paths).expect("corpus")
    } else {
        load_builtin()
    };
    let (l, r) = if args.len() >= 2 {
        (
            corpus.resolve(&args[0]).expect("left"),
            corpus.resolve(&args[1]).expect("right"),
        )
    } else {
        let mut by_len: Vec<usize> = (0..corpus.articles.len()).collect();
        by_len.sort_by_key(|&k| std::cmp::Reverse(corpus.articles[k].blocks.len()));
        (by_len[0], by_len[1])
    };
    let related = RelatedIndex::build(&corpus);
    let (mut times, mut scoring, mut diffs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..21 {
        let t = Instant::now();
        let pair = PairComparison::new(&corpus, &related, l, r);
        let scored = t.elapsed();
        let alignment = pair.align(Threshold::DEFAULT);
        let aligned = t.elapsed();
        let ops = pair.all_ops(&corpus, &alignment);
        std::hint::black_box(ops);
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        times.push(ms(t.elapsed()));
        scoring.push(ms(scored));
        diffs.push(ms(t.elapsed() - aligned));
    }
    for v in [&mut times, &mut scoring, &mut diffs] {
        v.sort_by(f64::total_cmp);
    }
    println!(
        "{} ({} blocks) × {} ({} blocks): median {:.2} ms, max {:.2} ms over 21 runs",
        corpus.articles[l].id,
        corpus.articles[l].blocks.len(),
        corpus.articles[r].id,
        corpus.articles[r].blocks.len(),
        times[10],
        times[20]
    );
    println!(
        "  of which scoring {:.2} ms, word diffs {:.2} ms (medians)",
        scoring[10], diffs[10]
    );
}
