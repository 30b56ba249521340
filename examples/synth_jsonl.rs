//! Write a JSON Lines collection of synthetic news records (the synthetic
//! corpus's articles cut to their first paragraphs, with a source, a date
//! and a url per record), for timing how a large collection opens:
//!
//!     cargo run --release --example synth_jsonl -- --records 10000 --paragraphs 8 --seed 7 big.jsonl
//!     cargo run --release --example bench_pty -- --runs 5 --corpus big.jsonl

use parallax::dev::synth::generate;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: synth_jsonl [--records N] [--paragraphs P] [--seed S] OUT.jsonl";
const OUTLETS: [&str; 12] = [
    "Northern Times",
    "Harbour Gazette",
    "Example Wire",
    "Coast Daily",
    "The Courier",
    "Evening Post",
    "Daily Ledger",
    "Morning Star",
    "Valley News",
    "City Herald",
    "The Observer",
    "Capital Report",
];

struct Args {
    records: usize,
    paragraphs: usize,
    seed: u64,
    out: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut records, mut paragraphs, mut seed, mut out) = (10_000, 8, 7, None);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--records" => records = value("--records")?.parse().map_err(|_| USAGE)?,
            "--paragraphs" => paragraphs = value("--paragraphs")?.parse().map_err(|_| USAGE)?,
            "--seed" => seed = value("--seed")?.parse().map_err(|_| USAGE)?,
            _ if out.is_none() && !a.starts_with('-') => out = Some(PathBuf::from(a)),
            _ => return Err(USAGE.to_string()),
        }
    }
    Ok(Args {
        records,
        paragraphs,
        seed,
        out: out.ok_or(USAGE)?,
    })
}

fn main() -> ExitCode {
    let Args {
        records,
        paragraphs,
        seed,
        out,
    } = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let write = || -> std::io::Result<u64> {
        let mut w = BufWriter::new(std::fs::File::create(&out)?);
        let mut bytes = 0;
        for (n, a) in generate(records, seed).into_iter().enumerate() {
            let (title, text) = a.text.split_once('\n').unwrap_or((&a.text, ""));
            let text: Vec<&str> = text
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .take(paragraphs)
                .collect();
            let outlet = OUTLETS[n % OUTLETS.len()];
            let slug = outlet.to_lowercase().replace(' ', "-");
            let record = serde_json::json!({
                "id": format!("r{n:05}"),
                "title": title.trim(),
                "text": text.join("\n\n"),
                "source": outlet,
                "date": format!("2025-08-{:02}", 1 + n % 28),
                "url": format!("https://{slug}.example/news/{n}"),
            });
            let line = format!("{record}\n");
            bytes += line.len() as u64;
            w.write_all(line.as_bytes())?;
        }
        w.flush()?;
        Ok(bytes)
    };
    match write() {
        Ok(bytes) => {
            println!("{records} records, {bytes} bytes in {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth_jsonl: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
