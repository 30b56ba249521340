//! Lay out the NewsWCL50 paragraphs (public: ten events, each covered by
//! five US outlets) as one corpus folder per event, for the real-coverage
//! gold alignments in `bench/gold/newswcl50/`:
//!
//! `cargo run --release --example newswcl50_corpus -- PARAGRAPHS.tsv OUT_DIR`
//!
//! `PARAGRAPHS.tsv` has a header row and the columns `event_id outlet
//! article_id paragraph_index text` (one paragraph per row). Instead of
//! it, a folder of the data set's raw articles may be given
//! (`event_N/N_O.txt`, O the outlet's orientation code: LL HuffPost, L The
//! New York Times, M USA Today, R Fox News, RR Breitbart); each non-empty
//! line is a paragraph, numbered from 0 in the file's order, and the gold
//! indices match them. Each article
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

/// The paragraphs TSV (with its header row) of a folder of raw articles.
fn paragraphs_of_raw_articles(dir: &Path) -> String {
    let mut tsv = String::from("event_id\toutlet\tarticle_id\tparagraph_index\ttext\n");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|e| std::fs::read_dir(e.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = name.split('.').next().unwrap_or("");
        let Some((event, code)) = stem.split_once('_') else {
            continue;
        };
        let outlet = match code {
            "LL" => "huffingtonpost",
            "L" => "nytimes",
            "M" => "usatoday",
            "R" => "foxnews",
            "RR" => "breitbart",
            _ => continue,
        };
        let text =
            String::from_utf8_lossy(&std::fs::read(&path).expect("read article")).into_owned();
        let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        for (i, line) in lines.enumerate() {
            let line = line.replace('\t', " ");
            let _ = writeln!(tsv, "wcl{event}\t{outlet}\t{stem}\t{i}\t{line}");
        }
    }
    tsv
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out] = &args[..] else {
        eprintln!("usage: newswcl50_corpus PARAGRAPHS.tsv|RAW_ARTICLES_DIR OUT_DIR");
        std::process::exit(2);
    };
    let text = if Path::new(input).is_dir() {
        paragraphs_of_raw_articles(Path::new(input))
    } else {
        std::fs::read_to_string(input).unwrap_or_else(|e| panic!("{input}: {e}"))
    };
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
