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
//! indices match them (after the four edits `as_labelled` makes where the
//! raw text and the labelled TSV differ). Each article
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
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        for (i, line) in as_labelled(&format!("wcl{event}{}", &outlet[..3]), lines)
            .into_iter()
            .enumerate()
        {
            let line = line.replace('\t', " ");
            let _ = writeln!(tsv, "wcl{event}\t{outlet}\t{stem}\t{i}\t{line}");
        }
    }
    tsv
}

/// The raw articles' paragraphs as the TSV the labels were written on
/// numbers them. In four articles the two differ, each found by reading
/// the labels' reasons against the text, where every later label is one
/// index off its paragraph:
/// - `wcl2huf`: the TSV holds paragraph 3 ("North Korea will suspend…")
///   twice, cut short and then whole (label 4, "state media reported the
///   suspension", is raw paragraph 3);
/// - `wcl7huf`: the same for paragraph 7 (label 7 says "right truncated";
///   label 8 is the whole "postponed … until June 1");
/// - `wcl5nyt`: the TSV joins paragraph 21 (Boris Johnson's tweet) to the
///   paragraph before it (label 20, "Boris Johnson tweeted"; label 22 is
///   raw paragraph 23, Sadiq Khan's warning).
///
/// - `wcl1nyt`: the TSV splits paragraph 27 inside its quote (label 27,
///   "Trump called the hookers allegation nonsense"; label 28, "the same
///   quote about Putin boasting" and "Comey did not know when").
///
/// Here the doubled paragraph is written twice whole, the joined ones are
/// joined and the split one split, so block N is label N again.
fn as_labelled(article: &str, mut paragraphs: Vec<&str>) -> Vec<String> {
    const SPLIT_AFTER: &str = "is nonsense,";
    match article {
        "wcl1nyt" if paragraphs.get(27).is_some_and(|p| p.contains(SPLIT_AFTER)) => {
            let p = paragraphs[27];
            let at = p.find(SPLIT_AFTER).unwrap_or(0) + SPLIT_AFTER.len();
            let (first, rest) = p.split_at(at);
            paragraphs.splice(27..28, [first.trim(), rest.trim()]);
        }
        "wcl2huf" if paragraphs.len() > 3 => paragraphs.insert(3, paragraphs[3]),
        "wcl7huf" if paragraphs.len() > 7 => paragraphs.insert(7, paragraphs[7]),
        "wcl5nyt" if paragraphs.len() > 21 => {
            let joined = format!("{} {}", paragraphs[20], paragraphs[21]);
            let mut out: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
            out[20] = joined;
            out.remove(21);
            return out;
        }
        _ => {}
    }
    paragraphs.into_iter().map(str::to_string).collect()
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
