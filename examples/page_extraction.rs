//! How well saved web pages are read, against a gold file written by hand:
//!
//! `cargo run --release --example page_extraction -- PAGES_DIR`
//! `cargo run --release --features extractor-comparison --example page_extraction -- PAGES_DIR`
//!
//! PAGES_DIR holds the pages and `gold.tsv` (columns: page, title, outlets,
//! date, body). A title is right when it equals the gold one (or one of
//! several written `A||B`) ignoring case, spacing and punctuation; an
//! outlet when it equals one of the gold's `|`-separated names or hosts in
//! the same loose sense; a date when it is the gold ISO date (or both are
//! missing). Body F1 is word-level: words are runs of letters and digits,
//! lower-cased, counted with multiplicity; precision is the share of the
//! extracted words found in the gold body, recall the share of gold words
//! found in the extraction; the mean over pages is printed. parallax's body
//! is the text of its content blocks (not metadata, not boilerplate), less
//! the title heading it adds. With `extractor-comparison`, dom_smoothie (a
//! readability.js port) is measured on the same pages from its plain text.
//! Third-party pages are not kept in the repository: point this at a copy.

use parallax::corpus::{Article, BlockKind, load_paths};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct Gold {
    page: String,
    titles: Vec<String>,
    outlets: Vec<String>,
    date: String,
    body: String,
}

/// One extractor's answer for one page.
#[derive(Default)]
struct Answer {
    title: String,
    outlet: String,
    date: String,
    body: String,
}

#[derive(Default)]
struct Score {
    pages: usize,
    f1: f64,
    precision: f64,
    recall: f64,
    title: usize,
    outlet: usize,
    date: usize,
}

fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// (precision, recall, F1) of `got` against `gold`, words as a multiset.
fn body_f1(gold: &str, got: &str) -> (f64, f64, f64) {
    let mut want: HashMap<String, usize> = HashMap::new();
    for w in words(gold) {
        *want.entry(w).or_default() += 1;
    }
    let total_gold: usize = want.values().sum();
    let got = words(got);
    let mut common = 0;
    for w in &got {
        if let Some(n) = want.get_mut(w)
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    let p = if got.is_empty() {
        0.0
    } else {
        common as f64 / got.len() as f64
    };
    let r = if total_gold == 0 {
        0.0
    } else {
        common as f64 / total_gold as f64
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn read_gold(dir: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(dir.join("gold.tsv")).expect("PAGES_DIR/gold.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 5, "gold line with fewer than 5 columns: {l}");
            Gold {
                page: c[0].to_string(),
                titles: c[1].split("||").map(str::to_string).collect(),
                outlets: c[2].split('|').map(str::to_string).collect(),
                date: c[3].to_string(),
                body: c[4].to_string(),
            }
        })
        .collect()
}

fn parallax_answer(a: &Article) -> Answer {
    let title = a.meta.title.clone().unwrap_or_default();
    let body: Vec<&str> = a
        .content_blocks()
        .enumerate()
        .filter(|(n, (_, b))| !(*n == 0 && b.kind == BlockKind::Heading && b.text == title))
        .map(|(_, (_, b))| b.text.as_str())
        .collect();
    Answer {
        title,
        outlet: a.meta.outlet.clone().unwrap_or_default(),
        date: a.meta.date.clone().unwrap_or_default(),
        body: body.join("\n"),
    }
}

#[cfg(feature = "extractor-comparison")]
fn dom_smoothie_answer(path: &Path) -> Answer {
    let bytes = std::fs::read(path).expect("page");
    let html = String::from_utf8_lossy(&bytes);
    let parsed =
        dom_smoothie::Readability::new(html.as_ref(), None, None).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => Answer {
            title: a.title.clone(),
            outlet: a.site_name.clone().unwrap_or_default(),
            date: a
                .published_time
                .clone()
                .unwrap_or_default()
                .chars()
                .take(10)
                .collect(),
            body: a.text_content.to_string(),
        },
        Err(_) => Answer::default(),
    }
}

fn score(total: &mut Score, g: &Gold, a: &Answer, show: bool, name: &str) {
    let (p, r, f) = body_f1(&g.body, &a.body);
    let title_ok = g.titles.iter().any(|t| loose(t) == loose(&a.title));
    let outlet_ok = g.outlets.iter().any(|o| loose(o) == loose(&a.outlet));
    let date_ok = g.date == a.date;
    total.pages += 1;
    total.f1 += f;
    total.precision += p;
    total.recall += r;
    total.title += usize::from(title_ok);
    total.outlet += usize::from(outlet_ok);
    total.date += usize::from(date_ok);
    if show {
        let mark = |ok: bool| if ok { "ok" } else { "--" };
        println!(
            "{name:<13} {:<24} F1 {f:.3}  title {}  outlet {}  date {}{}",
            g.page,
            mark(title_ok),
            mark(outlet_ok),
            mark(date_ok),
            if title_ok && outlet_ok && date_ok {
                String::new()
            } else {
                format!("   [{} | {} | {}]", a.title, a.outlet, a.date)
            }
        );
    }
}

fn summary(name: &str, s: &Score) {
    let n = s.pages.max(1) as f64;
    println!(
        "{name:<13} pages {:>3}  body F1 {:.3} (P {:.3} R {:.3})  title {:.3}  outlet {:.3}  date {:.3}",
        s.pages,
        s.f1 / n,
        s.precision / n,
        s.recall / n,
        s.title as f64 / n,
        s.outlet as f64 / n,
        s.date as f64 / n
    );
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: page_extraction PAGES_DIR"),
    );
    let gold = read_gold(&dir);
    let paths: Vec<PathBuf> = gold.iter().map(|g| dir.join(&g.page)).collect();
    let started = std::time::Instant::now();
    let corpus = load_paths(&paths).expect("pages load");
    let load_time = started.elapsed();
    let by_file: HashMap<String, &Article> = corpus
        .articles
        .iter()
        .filter_map(|a| {
            let name = a.path.as_ref()?.file_name()?.to_string_lossy().into_owned();
            Some((name, a))
        })
        .collect();
    let mut ours = Score::default();
    #[cfg(feature = "extractor-comparison")]
    let mut theirs = Score::default();
    for g in &gold {
        let answer = by_file
            .get(&g.page)
            .map_or_else(Answer::default, |a| parallax_answer(a));
        score(&mut ours, g, &answer, true, "parallax");
        #[cfg(feature = "extractor-comparison")]
        score(
            &mut theirs,
            g,
            &dom_smoothie_answer(&dir.join(&g.page)),
            true,
            "dom_smoothie",
        );
    }
    println!();
    summary("parallax", &ours);
    #[cfg(feature = "extractor-comparison")]
    summary("dom_smoothie", &theirs);
    let sites: std::collections::HashSet<&str> = gold
        .iter()
        .filter_map(|g| g.outlets.last().map(String::as_str))
        .collect();
    println!(
        "{} pages from {} sites loaded in {:.2} s",
        gold.len(),
        sites.len(),
        load_time.as_secs_f64()
    );
}
