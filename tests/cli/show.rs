//! `parallax show ID` and `parallax list` fit the width asked for,
//! however long the id (a built-in id is 20 characters) or the article.

use crate::support::run;

use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

#[test]
fn every_line_fits_80_columns_and_the_header_keeps_every_fact() {
    for id in ["000", "001", "002", "003", "004"] {
        let ran = run::parallax_env(&["show", id], &[("COLUMNS", "80".as_ref())], WAIT);
        assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
        let text = String::from_utf8(ran.stdout).unwrap();
        for line in text.lines() {
            let w = parallax::display::wrap::width(line);
            assert!(w <= 80, "{id}: {w} columns: {line:?}");
        }
        // The facts under the title: outlet, date, reading time, words and
        // the whole id, on one line or two.
        let head: String = text.lines().skip(1).take(2).collect::<Vec<_>>().join(" ");
        assert!(
            head.contains("words") && head.contains(&format!("id {id}_")),
            "{head}"
        );
        assert!(!head.contains('…'), "{head}");
    }
}

#[test]
fn list_fits_80_columns_with_an_article_of_100000_words() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("Long record\n\n{}\n", "word ".repeat(120_000));
    std::fs::write(dir.path().join("long.txt"), long).unwrap();
    std::fs::write(dir.path().join("short.txt"), "Short\n\nA few words.\n").unwrap();
    let path = dir.path().to_str().unwrap();
    let ran = run::parallax_env(&["list", path], &[("COLUMNS", "80".as_ref())], WAIT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let text = String::from_utf8(ran.stdout).unwrap();
    assert!(text.contains("12000"), "{text}");
    for line in text.lines() {
        let w = parallax::display::wrap::width(line);
        assert!(w <= 80, "{w} columns: {line:?}");
    }
}
