//! Labelled sentence-pair files (`label<TAB>text1<TAB>text2`, a header
//! row), read as one corpus of one-paragraph articles so that the IDF
//! comes from the file: pair k is articles 2k and 2k + 1. Shared by the
//! fitting tools.

#![allow(dead_code)]

use parallax::corpus::{Article, Block, BlockKind, Corpus, Metadata};

/// Every value given to `flag` on the command line (`--flag VALUE`,
/// repeatable), in order.
pub fn values<'a>(args: &'a [String], flag: &str) -> Vec<&'a String> {
    args.windows(2)
        .filter(|w| w[0] == flag)
        .map(|w| &w[1])
        .collect()
}

/// A set named on the command line: `NAME=FILE[:EVERY]` (every EVERY-th
/// row kept), as (name, path, every).
pub fn parse_spec(spec: &str) -> (&str, &str, usize) {
    let (name, rest) = spec.split_once('=').expect("NAME=FILE[:EVERY]");
    match rest.rsplit_once(':') {
        Some((p, e)) if e.parse::<usize>().is_ok() => (name, p, e.parse().unwrap()),
        _ => (name, rest, 1),
    }
}

/// The pairs of `path` (every `every`-th row) as a corpus, and their
/// labels.
pub fn read(path: &str, every: usize) -> (Corpus, Vec<bool>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut corpus = Corpus::default();
    let mut labels = Vec::new();
    for (k, line) in text.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if k % every != 0 || f.len() < 3 {
            continue;
        }
        let n = labels.len();
        corpus.articles.push(article(format!("{n}a"), f[1]));
        corpus.articles.push(article(format!("{n}b"), f[2]));
        labels.push(f[0].trim() == "1");
    }
    (corpus, labels)
}

fn article(id: String, text: &str) -> Article {
    Article {
        id,
        path: None,
        meta: Metadata::default(),
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            reason: None,
            line: 1,
        }],
        hidden_chars: 0,
    }
}
