//! Fuzz bodies for what parallax reads back and writes out: session files
//! (outside input: a shared data folder, synced dotfiles, a file handed
//! over) and the reports made from their notes. Shared with
//! `tests/fuzz_regressions.rs` like `bodies`.
//!
//! Std, `serde_json` and `parallax` only, so this file can be included by
//! path.
#![allow(dead_code)]

use crate::bodies::forbidden;
use parallax::analysis::pair::Threshold;
use parallax::cache::Cache;
use parallax::corpus::sanitize::Clean;
use parallax::corpus::{Corpus, load_paths};
use parallax::out::CleanOut;
use parallax::report::{Format, Provenance, Subject, render};
use parallax::session::{Anchor, Bookmark, Session, View, parse};
use std::sync::OnceLock;

/// Nothing a terminal would act on, and nothing invisible.
fn shows_clean(s: &str) -> bool {
    !s.chars().any(|c| forbidden(c) || c == '\n')
}

/// Every string of a session that is ever shown.
fn stored_strings(s: &Session) -> Vec<&str> {
    let mut v: Vec<&str> = [&s.left, &s.right, &s.reader]
        .into_iter()
        .flatten()
        .map(Clean::as_str)
        .collect();
    v.extend(s.topic.as_ref().map(|t| t.label.as_str()));
    for b in &s.bookmarks {
        v.push(&b.note);
        v.push(&b.excerpt);
        for a in [&b.left, &b.right].into_iter().flatten() {
            v.push(&a.article);
        }
    }
    v
}

/// Session file: any bytes parse or are refused with a one-line, clean
/// reason; a parsed session holds only clean strings, and writing it and
/// reading it back gives the same session (sanitising is a fixed point).
pub fn session(data: &[u8]) {
    match parse(data) {
        Ok(s) => {
            for text in stored_strings(&s) {
                assert!(shows_clean(text), "{text:?}");
            }
            let written = serde_json::to_vec(&s).expect("a session serialises");
            let back = parse(&written).expect("what parallax writes it reads");
            assert_eq!(back, s, "read, written and read again: the same session");
        }
        Err(kind) => {
            let line = format!("{kind:?}");
            assert!(!line.contains('\n'));
            let shown = parallax::session::Problem {
                path: "fuzz.json".into(),
                kind,
            }
            .to_string();
            assert!(shows_clean(&shown), "{shown:?}");
        }
    }
}

/// Two short articles, ids `a` and `b`, loaded once.
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("parallax-fuzz-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let text = "Talks in Anchorage\n\nThe two delegations met for three hours and \
                    agreed to meet again in March.\n\nObservers called it a first step.\n";
        std::fs::write(dir.join("a.txt"), text).expect("write a");
        std::fs::write(dir.join("b.txt"), text.replace("three", "four")).expect("write b");
        let corpus =
            load_paths(&[dir.join("a.txt"), dir.join("b.txt")]).expect("the two articles load");
        // Loaded whole: the files are no longer needed.
        let _ = std::fs::remove_dir_all(&dir);
        corpus
    })
}

/// Bookmarks from the input: the session's, when it parses; else pieces of
/// the input (split at `|`) as notes, excerpts and article ids, anchored at
/// any block number, so reports meet every kind of stored string.
fn bookmarks_from(data: &[u8]) -> Vec<Bookmark> {
    if let Ok(s) = parse(data) {
        return s.bookmarks;
    }
    let text = String::from_utf8_lossy(data);
    let pieces: Vec<&str> = text.split('|').collect();
    let piece = |i: usize| pieces.get(i % pieces.len().max(1)).copied().unwrap_or("");
    (0..pieces.len().min(8))
        .map(|i| {
            let article = match i % 3 {
                0 => Clean::lit("a"),
                1 => Clean::lit("b"),
                _ => Clean::line(piece(i + 3)),
            };
            let block =
                piece(i).len().wrapping_mul(7919) % 7 + if i == 5 { usize::MAX - 7 } else { 0 };
            Bookmark {
                id: i as u32 + 1,
                created: (piece(i).len() as u64) << (i * 7),
                view: if i % 2 == 0 {
                    View::Compare
                } else {
                    View::Reader
                },
                left: Some(Anchor {
                    article,
                    block,
                    fingerprint: Some(piece(i + 1).to_string()),
                }),
                right: (i % 2 == 0).then(|| Anchor {
                    article: Clean::lit("b"),
                    block: i,
                    fingerprint: None,
                }),
                note: Clean::line(piece(i)),
                excerpt: Clean::line(piece(i + 2)),
            }
        })
        .collect()
}

/// Reports: with any notes, every format, of the pair and of the corpus,
/// renders without panicking to UTF-8 holding no control but newline and
/// no invisible character; JSON parses and every string in it, decoded,
/// is clean too.
pub fn report(data: &[u8]) {
    let corpus = corpus();
    let bookmarks = bookmarks_from(data);
    let provenance = Provenance {
        generated: 1_755_284_400,
        session: Some(String::from_utf8_lossy(&data[..data.len().min(40)]).into_owned()),
    };
    let cache = Cache::off();
    let analysis = cache.bind(corpus);
    let pair = Subject::Pair {
        left: 0,
        right: 1,
        threshold: Threshold::DEFAULT,
    };
    for format in [Format::Markdown, Format::Html, Format::Json] {
        for subject in [pair, Subject::Corpus] {
            let mut out = Vec::new();
            render(
                corpus,
                &analysis,
                subject,
                &bookmarks,
                format,
                &provenance,
                &mut CleanOut::new(&mut out),
            )
            .expect("a report renders");
            let text = String::from_utf8(out).expect("UTF-8");
            for line in text.lines() {
                assert!(shows_clean(line), "{format:?} {subject:?}: {line:?}");
            }
            if format == Format::Json {
                let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
                json_strings_clean(&v);
            }
        }
    }
}

fn json_strings_clean(v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => {
            assert!(!s.chars().any(forbidden), "{s:?}")
        }
        serde_json::Value::Array(a) => a.iter().for_each(json_strings_clean),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                assert!(!k.chars().any(forbidden), "{k:?}");
                json_strings_clean(x);
            }
        }
        _ => {}
    }
}
