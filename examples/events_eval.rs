//! How well `parallax events` groups articles into the events they report,
//! against public same-event news data kept outside the repository:
//!
//! `cargo run --release --example events_eval -- FILE.tsv [--sweep] [--show]
//!  [--threshold T] [--min-paragraphs N] [--max-events N]`
//!
//! FILE is a TSV with a header row and the columns `event_id outlet
//! article_id paragraph_index text` (NewsWCL50 and ECB+ as prepared for
//! parallax: see BENCHMARKS.md). Each article is written as a Markdown file
//! (outlet in its front matter) into a temporary folder, loaded with the
//! real loader and grouped by the real `find_events`. Prints the number of
//! articles, gold events and found events, purity and completeness;
//! `--sweep` repeats at thresholds from 0.04 to 0.40, `--show` lists the
//! found events with their gold events. Tokenised text (ECB+: "Reid , 33
//! ,") is detokenised first. Articles with fewer than `--min-paragraphs`
//! paragraphs (default 1) are left out; `--max-events` keeps the first N
//! gold events in file order.

use parallax::analysis::events::{Events, THRESHOLD, find_events_at};
use parallax::analysis::topics::build_topics;
use parallax::corpus::{Corpus, load_paths};
use std::collections::BTreeMap;
use std::path::PathBuf;

struct Args {
    file: PathBuf,
    sweep: bool,
    show: bool,
    min_paragraphs: usize,
    max_events: usize,
    threshold: f32,
}

fn args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        file: PathBuf::new(),
        sweep: false,
        show: false,
        min_paragraphs: 1,
        max_events: usize::MAX,
        threshold: THRESHOLD,
    };
    let number = |v: Option<String>| -> Result<usize, String> {
        v.and_then(|v| v.parse().ok())
            .ok_or_else(|| "expected a number".to_string())
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sweep" => a.sweep = true,
            "--show" => a.show = true,
            "--min-paragraphs" => a.min_paragraphs = number(it.next())?,
            "--max-events" => a.max_events = number(it.next())?,
            "--threshold" => {
                a.threshold = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("expected a threshold")?
            }
            _ if a.file.as_os_str().is_empty() => a.file = PathBuf::from(arg),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    if a.file.as_os_str().is_empty() {
        return Err(
            "usage: events_eval FILE.tsv [--sweep] [--show] [--min-paragraphs N] [--max-events N]"
                .into(),
        );
    }
    Ok(a)
}

/// "Reid , 33 , who starred in `` American Pie ''" → "Reid, 33, who
/// starred in "American Pie"".
fn detokenise(text: &str) -> String {
    let mut out = text.replace("`` ", "\"").replace(" ''", "\"");
    for p in [
        " ,", " .", " ;", " :", " ?", " !", " 's", " n't", " 're", " 've", " )",
    ] {
        out = out.replace(p, p.trim_start());
    }
    out.replace("( ", "(")
}

struct Article {
    event: String,
    outlet: String,
    paragraphs: BTreeMap<usize, String>,
}

fn read(args: &Args) -> Result<BTreeMap<String, Article>, String> {
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    let mut events: Vec<String> = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [event, outlet, id, index, body] = f.as_slice() else {
            continue;
        };
        if !events.iter().any(|e| e == event) {
            if events.len() >= args.max_events {
                continue;
            }
            events.push(event.to_string());
        }
        let a = articles.entry(id.to_string()).or_insert_with(|| Article {
            event: event.to_string(),
            outlet: outlet.to_string(),
            paragraphs: BTreeMap::new(),
        });
        a.paragraphs
            .insert(index.parse().unwrap_or(0), detokenise(body));
    }
    articles.retain(|_, a| a.paragraphs.len() >= args.min_paragraphs);
    Ok(articles)
}

fn write_corpus(
    articles: &BTreeMap<String, Article>,
) -> Result<(tempfile::TempDir, Corpus), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for (id, a) in articles {
        let body: Vec<&str> = a.paragraphs.values().map(String::as_str).collect();
        let text = format!(
            "---\ntitle: {id}\noutlet: {}\n---\n\n{}\n",
            a.outlet,
            body.join("\n\n")
        );
        std::fs::write(dir.path().join(format!("{id}.md")), text).map_err(|e| e.to_string())?;
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]).map_err(|e| e.to_string())?;
    Ok((dir, corpus))
}

/// Purity: each found event counts its largest gold event; completeness:
/// each gold event counts its largest found event; both over all articles.
fn scores(gold: &[&str], found: &Events) -> (f64, f64) {
    let n = gold.len();
    let mut overlap: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (a, g) in gold.iter().enumerate() {
        *overlap
            .entry((found.of(a).unwrap_or(usize::MAX), g))
            .or_default() += 1;
    }
    let mut best_of_found: BTreeMap<usize, usize> = BTreeMap::new();
    let mut best_of_gold: BTreeMap<&str, usize> = BTreeMap::new();
    for (&(f, g), &k) in &overlap {
        let e = best_of_found.entry(f).or_default();
        *e = (*e).max(k);
        let e = best_of_gold.entry(g).or_default();
        *e = (*e).max(k);
    }
    let purity = best_of_found.values().sum::<usize>() as f64 / n.max(1) as f64;
    let completeness = best_of_gold.values().sum::<usize>() as f64 / n.max(1) as f64;
    (purity, completeness)
}

fn main() {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("events_eval: {e}");
            std::process::exit(2);
        }
    };
    let run = || -> Result<(), String> {
        let articles = read(&args)?;
        let (_dir, corpus) = write_corpus(&articles)?;
        let gold: Vec<&str> = corpus
            .articles
            .iter()
            .map(|a| articles.get(&a.id).map_or("", |x| x.event.as_str()))
            .collect();
        let golds: std::collections::BTreeSet<&&str> = gold.iter().collect();
        let topics = build_topics(&corpus);
        let thresholds: Vec<f32> = if args.sweep {
            (1..=10).map(|i| i as f32 * 0.04).collect()
        } else {
            vec![args.threshold]
        };
        println!(
            "{} articles, {} gold events",
            corpus.articles.len(),
            golds.len()
        );
        for t in thresholds {
            let events = find_events_at(&corpus, &topics, t);
            let (p, c) = scores(&gold, &events);
            println!(
                "threshold {t:.2}: {} events, purity {p:.3}, completeness {c:.3}",
                events.events.len()
            );
            if args.show {
                for (i, e) in events.events.iter().enumerate() {
                    let members: Vec<String> = e
                        .articles
                        .iter()
                        .map(|&a| format!("{}[{}]", corpus.articles[a].id, gold[a]))
                        .collect();
                    println!("  {} {}: {}", i + 1, e.label, members.join(" "));
                }
            }
        }
        Ok(())
    };
    if let Err(e) = run() {
        eprintln!("events_eval: {e}");
        std::process::exit(2);
    }
}
