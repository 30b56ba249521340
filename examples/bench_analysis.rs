//! Time and memory of loading a corpus and building everything the reader
//! needs from it (`Analysis::build`: near-duplicates, topics, related
//! paragraphs), as the reader's background thread does:
//!
//! `cargo run --release --example bench_analysis -- DIR`
//!
//! Prints wall time and the process's resident memory (VmRSS) and peak
//! (VmHWM) after each step, from /proc (Linux).

use std::time::Instant;

fn status_mib(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? / 1024)
}

fn report(step: &str, started: Instant) {
    println!(
        "{step:10} {:8.0} ms   rss {:5} MiB   peak {:5} MiB",
        started.elapsed().as_secs_f64() * 1000.0,
        status_mib("VmRSS:").unwrap_or(0),
        status_mib("VmHWM:").unwrap_or(0)
    );
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bench_analysis DIR");
        std::process::exit(2);
    };
    let started = Instant::now();
    let corpus = match parallax::corpus::load_paths(&[dir.into()]) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bench_analysis: {e}");
            std::process::exit(2);
        }
    };
    report("loaded", started);
    let started = Instant::now();
    let analysis = parallax::analysis::Analysis::build(&corpus);
    report("analysed", started);
    println!(
        "{} articles, {} near-duplicate pairs, {} topics",
        corpus.articles.len(),
        analysis.dups.len(),
        analysis.topics.len()
    );
}
