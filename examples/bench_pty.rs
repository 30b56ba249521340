//! The reader's benchmarks of record, measured on the real binary in a
//! pseudo-terminal (see BENCHMARKS.md for the commands and figures):
//!
//! `cargo build --release && cargo run --release --example bench_pty -- [--runs N] [--corpus DIR]`
//!
//! Prints: cold start to first frame (median of N runs), bytes per action
//! at 200×50 (median of 100 one-line scrolls in compare, page downs,
//! palette keystrokes), and peak memory. With `--corpus DIR`, the first
//! frame and memory are measured on that corpus too.

#[path = "../tests/support/pty.rs"]
mod pty;

use pty::{DOWN, PAGE_DOWN, Pty};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let runs: usize = value("--runs").and_then(|r| r.parse().ok()).unwrap_or(20);
    let bin =
        std::fs::canonicalize(value("--bin").unwrap_or_else(|| "target/release/parallax".into()))
            .expect("the parallax binary (build it with cargo build --release)");
    let data = std::env::temp_dir().join(format!("parallax-bench-{}", std::process::id()));
    let data_dir = data.to_string_lossy().into_owned();
    let env = [("PARALLAX_DATA_DIR", OsStr::new(data_dir.as_str()))];

    println!("binary {}, {runs} runs", bin.display());
    // The harness's own floor: fork, exec and the pty round trip of a
    // program that writes one frame end and nothing else.
    let printf = Path::new("/usr/bin/printf");
    if printf.exists() {
        let floor = floor(printf, runs);
        println!(
            "harness floor (printf of one frame end): median {:.1} ms",
            ms(floor)
        );
    }
    let (start, mem) = cold_start(&bin, &[], runs, &env);
    println!(
        "cold start to first frame, built-in corpus: median {:.1} ms; peak RSS {} KiB",
        ms(start),
        mem
    );
    if let Some(dir) = value("--corpus") {
        let uncached = ["--no-cache".to_string(), dir.clone()];
        let (start, rows, landed, done, mem) = launch(&bin, &uncached, runs.min(5), &env);
        println!(
            "cold start, {dir}, no cache: first frame median {:.1} ms; library rows shown median {:.0} ms; analysis in the library median {:.0} ms; background done median {:.0} ms; peak RSS after analysis {} KiB",
            ms(start),
            ms(rows),
            ms(landed),
            ms(done),
            mem
        );
        // First launches, each filling an empty cache of its own (the
        // launch a user makes on a new corpus); then launches that find
        // the last of them.
        let args = [dir.clone()];
        let mut filled_landed = Vec::new();
        let mut filled_done = Vec::new();
        let mut filled_mem = Vec::new();
        let mut cache = String::new();
        for run in 0..runs.clamp(1, 5) {
            cache = data
                .join(format!("cache{run}"))
                .to_string_lossy()
                .into_owned();
            let mut filling_env = env.to_vec();
            filling_env.push(("PARALLAX_CACHE_DIR", OsStr::new(cache.as_str())));
            let (_, _, landed, done, mem) = launch(&bin, &args, 1, &filling_env);
            filled_landed.push(landed);
            filled_done.push(done);
            filled_mem.push(mem);
        }
        println!(
            "first launch, {dir}, filling an empty cache: analysis in the library median {:.0} ms; background done (cache written) median {:.0} ms; peak RSS {} KiB (runs: {:?})",
            ms(median_of(filled_landed)),
            ms(median_of(filled_done)),
            filled_mem.iter().max().unwrap_or(&0),
            filled_mem
        );
        let mut cached_env = env.to_vec();
        cached_env.push(("PARALLAX_CACHE_DIR", OsStr::new(cache.as_str())));
        let (start, rows, landed, done, mem) = launch(&bin, &args, runs.min(5), &cached_env);
        println!(
            "second launch, {dir}, cached: first frame median {:.1} ms; library rows shown median {:.0} ms; analysis in the library median {:.0} ms; background done median {:.0} ms; peak RSS {} KiB",
            ms(start),
            ms(rows),
            ms(landed),
            ms(done),
            mem
        );
    }
    let (line, page, palette) = bytes_per_action(&bin, &env);
    println!(
        "bytes at 200x50: one-line scroll in compare median {line}, page down median {page}, palette keystroke median {palette}"
    );
    let _ = std::fs::remove_dir_all(&data);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median time to the first frame, and the peak memory of the last run
/// once the analysis has filled in.
fn cold_start(bin: &Path, args: &[String], runs: usize, env: &[(&str, &OsStr)]) -> (Duration, u64) {
    let (first, _, _, _, mem) = launch(bin, args, runs, env);
    (first, mem)
}

/// Medians of spawn → first frame (while a large corpus is still read,
/// the library frame with the reading progress), spawn → the library's
/// rows shown (the corpus in), spawn → the analysis in the library (its
/// status line no longer says "analysing…": every column, topics, the
/// compare view answer) and spawn → background done (the thread gone,
/// polled every 5 ms: the palette's one-character tables are made after
/// the analysis is in), and the peak memory of the last run once the
/// analysis has filled in.
fn launch(
    bin: &Path,
    args: &[String],
    runs: usize,
    env: &[(&str, &OsStr)],
) -> (Duration, Duration, Duration, Duration, u64) {
    let mut times = Vec::new();
    let mut rows = Vec::new();
    let mut landed = Vec::new();
    let mut done = Vec::new();
    let mut mem = 0;
    for _ in 0..runs.max(1) {
        let spawned = std::time::Instant::now();
        let mut h = Pty::launch(bin, args, 200, 50, env);
        times.push(
            h.first_frame(Duration::from_secs(120))
                .expect("a first frame"),
        );
        let counted = |s: &str| {
            s.split("Library · ")
                .nth(1)
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        };
        assert!(
            h.wait_screen(Duration::from_secs(600), counted),
            "the library fills in"
        );
        rows.push(spawned.elapsed());
        assert!(
            h.wait_screen_every(Duration::from_secs(600), Duration::from_millis(5), |s| {
                !s.contains("analysing…")
            }),
            "the analysis lands"
        );
        landed.push(spawned.elapsed());
        while h.threads() != 1 {
            assert!(
                spawned.elapsed() < Duration::from_secs(600),
                "the analysis finishes"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        done.push(spawned.elapsed());
        h.settle(Duration::from_millis(200), Duration::from_secs(60));
        mem = h.peak_rss_kib().unwrap_or(0);
        h.quit();
    }
    times.sort();
    rows.sort();
    landed.sort();
    done.sort();
    let median = |v: &[Duration]| v[v.len() / 2];
    (
        median(&times),
        median(&rows),
        median(&landed),
        median(&done),
        mem,
    )
}

fn floor(printf: &Path, runs: usize) -> Duration {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let h = Pty::launch(printf, &["\\033[?2026l".to_string()], 200, 50, &[]);
        times.push(
            h.first_frame(Duration::from_secs(10))
                .expect("printf output"),
        );
        h.quit();
    }
    times.sort();
    times[times.len() / 2]
}

fn median_of(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

fn bytes_per_action(bin: &Path, env: &[(&str, &OsStr)]) -> (usize, usize, usize) {
    let mut h = Pty::launch(bin, &[] as &[&str], 200, 50, env);
    h.first_frame(Duration::from_secs(30));
    h.settle(Duration::from_millis(300), Duration::from_secs(30));
    h.send(b" j c");
    let lines: Vec<usize> = (0..100).map(|_| h.action(DOWN)).collect();
    h.send(b"g");
    let pages: Vec<usize> = (0..5).map(|_| h.action(PAGE_DOWN)).collect();
    h.send(b"t");
    let typed: Vec<usize> = b"media framing".iter().map(|c| h.action(&[*c])).collect();
    h.send(b"\x1b");
    h.quit();
    (median(lines), median(pages), median(typed))
}
