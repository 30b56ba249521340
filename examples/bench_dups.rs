//! The near-duplicate benchmark of record: load a synthetic corpus, time the
//! pass stage by stage and whole, and score it against the ground truth.
//!
//!     cargo run --release --example synth -- --articles 10000 --seed 7 /tmp/synth10k
//!     cargo run --release --example bench_dups -- /tmp/synth10k
//!
//! With `--generate N` the corpus is first written into DIR (or a temporary
//! folder) by a child process, so the peak memory reported here is the
//! pass's own and not the generator's.

use parallax::analysis::dups::{self, DupOptions, JoinIndex};
use parallax::corpus;
use parallax::dev::synth;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: bench_dups [--runs N] [--generate ARTICLES] [--seed S] [DIR]";

struct Args {
    dir: Option<PathBuf>,
    runs: usize,
    generate: Option<usize>,
    seed: u64,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        dir: None,
        runs: 3,
        generate: None,
        seed: 7,
    };
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} wants a number"))
        };
        match a.as_str() {
            "--runs" => out.runs = number("--runs")?.max(1) as usize,
            "--generate" => out.generate = Some(number("--generate")? as usize),
            "--seed" => out.seed = number("--seed")?,
            "-h" | "--help" => return Err(USAGE.into()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s => out.dir = Some(PathBuf::from(s)),
        }
    }
    if out.dir.is_none() && out.generate.is_none() {
        return Err(USAGE.into());
    }
    Ok(out)
}

/// A memory figure of this process from /proc/self/status (VmHWM: peak
/// resident set; VmRSS: resident now), in MiB.
fn memory(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status
        .lines()
        .find(|l| l.strip_prefix(field).is_some_and(|r| r.starts_with(':')))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// User + system CPU time of this process so far (all threads), from
/// /proc/self/stat (in clock ticks, assumed 100 per second as on Linux).
fn cpu() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name, which may hold spaces.
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<u64> = rest
                .split_whitespace()
                .skip(11)
                .take(2)
                .filter_map(|v| v.parse().ok())
                .collect();
            Some(f.iter().sum::<u64>())
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn rate(n: usize, d: Duration) -> String {
    format!("{:.0}/s", n as f64 / d.as_secs_f64().max(1e-9))
}

fn mib(m: Option<f64>) -> String {
    m.map_or("n/a".into(), |m| format!("{m:.0} MiB"))
}

/// Wall time and CPU time of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let (out, wall, _) = timed_cpu(f);
    (out, wall)
}

fn timed_cpu<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (start, cpu0) = (Instant::now(), cpu());
    let out = f();
    (out, start.elapsed(), cpu().saturating_sub(cpu0))
}

fn with_cpu(wall: Duration, cpu: Duration) -> String {
    format!("{}  (CPU {})", secs(wall), secs(cpu))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let temp = match (&args.dir, args.generate) {
        (None, _) => match tempfile::tempdir() {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("bench_dups: {e}");
                return ExitCode::FAILURE;
            }
        },
        _ => None,
    };
    let dir = args
        .dir
        .clone()
        .or_else(|| temp.as_ref().map(|t| t.path().to_path_buf()))
        .unwrap_or_default();
    if let Some(n) = args.generate {
        let start = Instant::now();
        if let Err(e) = synth::write_corpus(&dir, n, args.seed) {
            eprintln!("bench_dups: {e}");
            return ExitCode::FAILURE;
        }
        eprintln!(
            "generated {n} articles in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        // Measure in a fresh process so the generator's memory is not counted.
        let status = std::env::current_exe().and_then(|exe| {
            Command::new(exe)
                .arg("--runs")
                .arg(args.runs.to_string())
                .arg(&dir)
                .status()
        });
        return match status {
            Ok(s) if s.success() => ExitCode::SUCCESS,
            _ => ExitCode::FAILURE,
        };
    }
    match bench(&dir, args.runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_dups: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The 1-minute load average: how busy the machine was (other processes
/// compete for the same cores and inflate wall times).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "n/a".into())
}

fn bench(dir: &Path, runs: usize) -> Result<(), Box<dyn std::error::Error>> {
    let load_before = load_average();
    let (corpus, load) = timed(|| corpus::load_paths(&[dir.to_path_buf()]));
    let corpus = corpus?;
    let rss_loaded = memory("VmRSS");
    let peak_loaded = memory("VmHWM");
    let opts = DupOptions::default();

    // Whole pass, as `parallax dups` runs it; measured first so the peak
    // memory is the corpus plus the pass, nothing else.
    let mut times = Vec::new();
    let mut cpu_total = Duration::ZERO;
    let mut pairs = Vec::new();
    for _ in 0..runs {
        let (p, t, c) = timed_cpu(|| dups::find_duplicates(&corpus, &opts));
        times.push(t);
        cpu_total += c;
        pairs = p;
    }
    let first = times[0];
    times.sort();
    let median = times[times.len() / 2];
    let peak = memory("VmHWM");

    // Stage by stage.
    let refs = dups::content_blocks(&corpus);
    let (sets, shingling, shingling_cpu) = timed_cpu(|| dups::shingle_sets(&corpus, &refs));
    let shingles = sets.total();
    let sets = sets.slices();
    let (index, build, build_cpu) = timed_cpu(|| JoinIndex::build(&sets));
    let index = index?;
    let ((staged, stats), join, join_cpu) =
        timed_cpu(|| index.pairs_with_stats(&sets, opts.min_score, |_, _| true));
    let shared = index.shared_tokens();
    let distinct = index.distinct_sets();
    drop((index, sets));

    let truth = synth::read_truth(dir)?;
    let found: Vec<synth::TruthPair> = pairs.iter().map(|p| synth::to_truth(&corpus, p)).collect();
    let acc = synth::accuracy(&found, &truth);
    let within = pairs
        .iter()
        .filter(|p| p.scope == dups::Scope::Within)
        .count();

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "Near-duplicate pass on {} ({threads} threads)",
        dir.display()
    );
    let row = |k: &str, v: String| println!("  {k:<36} {v}");
    row(
        "load average before / after",
        format!("{load_before} / {}", load_average()),
    );
    row("articles", corpus.articles.len().to_string());
    row("content blocks (paragraphs)", refs.len().to_string());
    row("shingles", shingles.to_string());
    row("load (corpus::load_paths)", secs(load));
    row(
        "shingling",
        format!(
            "{}  ({} blocks)",
            with_cpu(shingling, shingling_cpu),
            rate(refs.len(), shingling)
        ),
    );
    row(
        "index build (sort, shared tokens)",
        format!(
            "{}  ({} blocks)",
            with_cpu(build, build_cpu),
            rate(refs.len(), build)
        ),
    );
    row(
        "  shingling + index build",
        format!(
            "{}  ({} blocks)",
            secs(shingling + build),
            rate(refs.len(), shingling + build)
        ),
    );
    row("  distinct blocks (copies once)", distinct.to_string());
    row("  shared tokens", shared.to_string());
    row("join (probe + verify)", with_cpu(join, join_cpu));
    row("  postings scanned", stats.postings_scanned.to_string());
    row("  candidates verified", stats.candidates.to_string());
    row("whole pass, first run", secs(first));
    row("  CPU per pass (mean)", secs(cpu_total / runs as u32));
    row(
        &format!("whole pass, median of {runs}"),
        format!(
            "{}  (min {}, max {})",
            secs(median),
            secs(times[0]),
            secs(times[times.len() - 1])
        ),
    );
    row(
        "pairs found",
        format!(
            "{} ({within} within, {} across)",
            pairs.len(),
            pairs.len() - within
        ),
    );
    row("true pairs", truth.len().to_string());
    row("recall", format!("{:.5}", acc.recall()));
    row("precision", format!("{:.5}", acc.precision()));
    row("score mismatches", acc.score_mismatches.to_string());
    row(
        "staged pass = whole pass",
        (staged.len() == pairs.len()).to_string(),
    );
    row("resident after load (VmRSS)", mib(rss_loaded));
    row("peak after load (VmHWM)", mib(peak_loaded));
    row("peak after whole pass (VmHWM)", mib(peak));
    Ok(())
}
