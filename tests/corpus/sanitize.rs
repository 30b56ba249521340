//! Hostile text through the public loader: every hostile article is loaded,
//! its `hidden_chars` is exactly the number of characters planted in it,
//! and nothing that reaches a screen (block text, reasons, metadata, ids,
//! paths, warnings) holds a control, bidi, zero-width or tag character.

use crate::support::hostile;
use crate::support::scan;

use parallax::corpus::{Article, load_paths};

/// A character that must not survive sanitising.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n') || scan::must_not_print(c)
}

fn shown_strings(a: &Article) -> Vec<String> {
    let mut v = vec![a.id.clone(), a.label().to_string()];
    v.extend(a.path.as_ref().map(|p| p.display().to_string()));
    let m = &a.meta;
    v.extend(
        [&m.title, &m.outlet, &m.date, &m.byline]
            .into_iter()
            .flatten()
            .cloned(),
    );
    for b in &a.blocks {
        v.push(b.text.clone());
        v.extend(b.reason.clone());
    }
    v
}

#[test]
fn hidden_chars_are_counted_exactly_and_nothing_survives() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write(dir.path());
    let corpus = load_paths(&[dir.path().to_path_buf()]).expect("hostile corpus loads");
    let planted = hostile::articles();
    assert_eq!(
        corpus.articles.len(),
        planted.len(),
        "every hostile article loads"
    );
    for h in &planted {
        let a = corpus
            .articles
            .iter()
            .find(|a| a.id.starts_with(h.marker))
            .unwrap_or_else(|| panic!("article {} not found", h.marker));
        assert_eq!(a.hidden_chars, h.hidden, "hidden_chars of {}", h.marker);
        for s in shown_strings(a) {
            assert!(
                !s.chars().any(|c| forbidden(c) || c == '\n'),
                "{}: {s:?}",
                h.marker
            );
        }
    }
    // Skipped files warn once each, with sanitised names.
    assert_eq!(corpus.warnings.len(), hostile::skipped().len());
    for w in &corpus.warnings {
        let line = w.to_string();
        assert!(!line.chars().any(forbidden), "{line:?}");
    }
}

#[test]
fn markdown_character_references_cannot_smuggle_controls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refs.md");
    std::fs::write(
        &path,
        "# Title\n\nA &#27;[31m B &#x9b;2J C &#x202e; D &#8203; E &#7; F &Tab;tab.\n",
    )
    .unwrap();
    let corpus = load_paths(&[path]).unwrap();
    let a = &corpus.articles[0];
    let text: String = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(!text.chars().any(forbidden), "{text:?}");
    assert_eq!(a.hidden_chars, 5, "{text:?}");
}

#[test]
fn the_scanner_sees_what_it_must_reject() {
    // The checks below would pass vacuously if the scanner saw nothing.
    let bad: &[&[u8]] = &[
        b"\x1b]52;c;SGVsbG8=\x07",
        b"\x1b]8;;http://x\x1b\\",
        b"\x1bP1$qm\x1b\\",
        b"\x1b_Ga=T\x1b\\",
        b"\x1b^pm\x1b\\",
        b"\x1bXsos\x1b\\",
        b"\x1b[6n",
        b"\x1b[?1h",
        b"\x1bc",
        "\u{9b}2J".as_bytes(),
        b"\x9d0;x\x07",
        b"\x07",
        "a\u{202e}b".as_bytes(),
    ];
    for b in bad {
        assert!(!scan::scan(b).violations.is_empty(), "{b:?}");
        assert!(!scan::check_plain_output(b).is_empty(), "{b:?}");
    }
    let good = b"\x1b[?1049h\x1b[?25l\x1b[?2026h\x1b[1;1H\x1b[38;5;3mhi\x1b[0m\x1b[2J\x1b[2;10r\x1b[3S\x1b[r\x1b[?2026l";
    let s = scan::scan(good);
    assert!(s.violations.is_empty(), "{:?}", s.violations);
    assert!(check_sgr_only_accepts_colour());
}

fn check_sgr_only_accepts_colour() -> bool {
    scan::check_plain_output(b"\x1b[1;31mred\x1b[0m\n").is_empty()
        && !scan::check_plain_output(b"\x1b[2J").is_empty()
}
