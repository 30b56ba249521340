//! Write a deterministic synthetic corpus with planted near-duplicates and
//! its brute-force ground truth (`OUT/truth.tsv`).
//!
//!     cargo run --release --example synth -- --articles 10000 --seed 7 OUT

use parallax::dev::synth;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: synth [--articles N] [--seed S] OUT";

struct Args {
    articles: usize,
    seed: u64,
    out: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut articles, mut seed, mut out) = (10_000, 7, None);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--articles" => {
                articles = value("--articles")?
                    .parse()
                    .map_err(|_| "--articles wants a number".to_string())?
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed wants a number".to_string())?
            }
            "-h" | "--help" => return Err(USAGE.into()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s => out = Some(PathBuf::from(s)),
        }
    }
    let out = out.ok_or_else(|| USAGE.to_string())?;
    Ok(Args {
        articles,
        seed,
        out,
    })
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match synth::write_corpus(&args.out, args.articles, args.seed) {
        Ok((s, _)) => {
            println!(
                "{} articles, {} content blocks, {} true pairs ({} within, {} across) in {} ({:.1} s)",
                s.articles,
                s.content_blocks,
                s.truth_pairs,
                s.within,
                s.across,
                args.out.display(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
