//! Lay out the NewsWCL50 paragraphs (public: ten events, each covered by
//! five US outlets) as one corpus folder per event, for the real-coverage
//! gold alignments in `bench/gold/newswcl50/`:
//!
//! `cargo run --release --example newswcl50_corpus -- PARAGRAPHS.tsv OUT_DIR`
//!
//! `PARAGRAPHS.tsv` has a header row and the columns `event_id outlet
//! article_id paragraph_index text` (one paragraph per row). Each article
//! is written as `OUT_DIR/<event>/<event><first three letters of the
//! outlet>.md` (`wcl1/wcl1nyt.md`), a front matter with a title and the
//! outlet, then its paragraphs in order, one block each, so block N is
//! paragraph N. The text is third-party: keep it out of the repository.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn outlet_name(outlet: &str) -> &str {
    match outlet {
        "nytimes" => "The New York Times",
        "usatoday" => "USA Today",
        "foxnews" => "Fox News",
        "huffingtonpost" => "HuffPost",
        "breitbart" => "Breitbart",
        other => other,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out] = &args[..] else {
        eprintln!("usage: newswcl50_corpus PARAGRAPHS.tsv OUT_DIR");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let mut articles: BTreeMap<(String, String), Vec<(usize, String)>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [event, outlet, _, index, paragraph] = f[..] else {
            continue;
        };
        articles
            .entry((event.to_string(), outlet.to_string()))
            .or_default()
            .push((
                index.parse().expect("paragraph_index"),
                paragraph.to_string(),
            ));
    }
    for ((event, outlet), mut paragraphs) in articles {
        paragraphs.sort();
        let name = outlet_name(&outlet);
        let mut md = format!(
            "---\ntitle: {name} on story {}\noutlet: {name}\n---\n\n",
            event.trim_start_matches("wcl")
        );
        for (_, p) in &paragraphs {
            let _ = write!(md, "{p}\n\n");
        }
        let dir = Path::new(out).join(&event);
        std::fs::create_dir_all(&dir).expect("create folder");
        let short: String = outlet.chars().take(3).collect();
        std::fs::write(dir.join(format!("{event}{short}.md")), md).expect("write article");
    }
}
