//! Time and memory of loading a corpus and building everything the reader
//! needs from it (`Analysis::build`: near-duplicates, topics, related
//! paragraphs), as the reader's background thread does:
//!
//! `cargo run --release --example bench_analysis -- DIR [--cached | --cache-dir CACHE]`
//!
//! Prints wall time and the process's resident memory (VmRSS) and peak
//! (VmHWM) after each step, from /proc (Linux). With `--cached`, then the
//! same through the analysis cache (in a temporary folder) twice: the
//! first time fills it, the second is a launch that finds everything
//! cached (the peak then includes the uncached steps before it; run a
//! second process for the cached peak alone).
//!
//! With `--cache-dir CACHE`, only one load and analysis through the cache
//! in CACHE (kept): the first run fills it, every later run is a launch
//! that finds everything cached, alone in its process (for a profiler's
//! count of it, or its peak).

use std::time::Instant;

fn status_mib(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? / 1024)
}

fn report(step: &str, started: Instant) {
    println!(
        "{step:24} {:8.0} ms   rss {:5} MiB   peak {:5} MiB",
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
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--cache-dir") {
        let Some(folder) = args.get(at + 1) else {
            eprintln!("usage: bench_analysis DIR --cache-dir CACHE");
            std::process::exit(2);
        };
        through_cache(&dir, std::path::Path::new(folder), "through the cache");
        return;
    }
    let started = Instant::now();
    let corpus = match parallax::corpus::load_paths(&[dir.clone().into()]) {
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
    if std::env::args().any(|a| a == "--cached") {
        drop((analysis, corpus));
        cached(&dir);
    }
}

/// Load and analyse through a fresh cache, twice.
fn cached(dir: &str) {
    let folder = std::env::temp_dir().join(format!("parallax-bench-{}", std::process::id()));
    for round in ["cache filled", "cached"] {
        through_cache(dir, &folder, round);
    }
    let _ = std::fs::remove_dir_all(&folder);
}

/// Load `dir` and analyse it through the cache in `folder`, once.
fn through_cache(dir: &str, folder: &std::path::Path, round: &str) {
    use parallax::cache::Cache;
    use parallax::corpus::LoadOptions;
    let paths = [std::path::PathBuf::from(dir)];
    let cache = Cache::at(folder).for_inputs(&paths);
    let started = Instant::now();
    let corpus = LoadOptions::silent(|o| cache.load(&paths, o)).expect("load");
    report(&format!("{round}: loaded"), started);
    let analysis = cache.bind(&corpus).analysis(&mut |_| {});
    report(&format!("{round}: analysed"), started);
    assert!(!analysis.topics.is_empty() || corpus.articles.is_empty());
}
