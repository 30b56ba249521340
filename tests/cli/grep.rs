//! `parallax grep PHRASE [PATH]... [--json]`: every hit of a phrase, with
//! its article, block, byte range and context; on files written here with
//! curly quotes, dashes and mixed case.

use crate::support::run;

use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

fn grep(args: &[&str]) -> run::Ran {
    let mut all = vec!["grep"];
    all.extend_from_slice(args);
    run::parallax_env(&all, &[("COLUMNS", "80".as_ref())], WAIT)
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "harbour.md",
        "# Harbour plan\n\nThe mayor said “it’s a fair deal” on Monday.\n\nCritics call it a fair  deal for nobody.\n",
    );
    write(
        "tribune.md",
        "# Council vote\n\nThe Mayor said \"it's a fair deal\" — and left.\n\nNothing else.\n",
    );
    dir
}

#[test]
fn json_lists_every_hit_with_its_offsets_and_context() {
    let dir = corpus();
    let path = dir.path().to_str().unwrap();
    let ran = grep(&["it's a fair deal", path, "--json"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let hits: Vec<Value> = serde_json::from_slice(&ran.stdout).unwrap();
    assert_eq!(hits.len(), 2, "curly and straight quotes alike: {hits:#?}");
    let articles: Vec<&str> = hits
        .iter()
        .map(|h| h["article"].as_str().unwrap())
        .collect();
    assert_eq!(articles, ["harbour", "tribune"]);
    // The offsets are bytes of the block's text, as `show --json` gives it.
    let show = run::parallax(&["show", "harbour", path, "--json"], WAIT);
    let article: Value = serde_json::from_slice(&show.stdout).unwrap();
    let h = &hits[0];
    let block = &article["blocks"][h["block"].as_u64().unwrap() as usize]["text"];
    let text = block.as_str().unwrap();
    let (s, e) = (
        h["start"].as_u64().unwrap() as usize,
        h["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "it’s a fair deal");
    assert!(
        h["context"]
            .as_str()
            .unwrap()
            .contains("The mayor said “it’s a fair deal” on Monday.")
    );
    for key in ["article", "block", "start", "end", "context"] {
        assert!(h.get(key).is_some(), "{key}");
    }
}

#[test]
fn case_counts_only_with_an_upper_case_letter_and_spaces_fold() {
    let dir = corpus();
    let path = dir.path().to_str().unwrap();
    let count = |phrase: &str| {
        let ran = grep(&[phrase, path, "--json"]);
        serde_json::from_slice::<Vec<Value>>(&ran.stdout)
            .unwrap()
            .len()
    };
    assert_eq!(count("mayor"), 2);
    assert_eq!(count("Mayor"), 1);
    assert_eq!(count("fair deal"), 3, "the double space reads as one");
    assert_eq!(count("nowhere at all"), 0);
}

#[test]
fn text_output_groups_hits_by_article_and_counts_them() {
    let ran = grep(&["alaska summit"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let out = String::from_utf8(ran.stdout).unwrap();
    assert!(!out.contains('\x1b'), "no colour into a pipe");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("000 · THE MAG POST · "), "{out}");
    assert!(lines[1].starts_with("  #0 "), "{out}");
    assert!(
        lines
            .iter()
            .all(|l| parallax::display::wrap::width(l) <= 80),
        "{out}"
    );
    let last = lines.last().unwrap();
    assert!(
        last.ends_with("in 3 articles") && last.contains(" hits "),
        "{last}"
    );
}

#[test]
fn an_empty_phrase_is_an_input_error() {
    let ran = grep(&["   "]);
    assert_eq!(ran.code, Some(2));
    let err = ran.stderr_text();
    assert!(err.starts_with("parallax: error: nothing to find"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

/// As grep(1): 1 when nothing is found (the count, or `[]`, still
/// printed; no error line), 0 with a hit, 2 for bad input.
#[test]
fn no_hit_exits_1_without_an_error_line() {
    let dir = corpus();
    let path = dir.path().to_str().unwrap();
    for args in [
        vec!["nowhere at all", path],
        vec!["nowhere at all", path, "--json"],
    ] {
        let ran = grep(&args);
        assert_eq!(ran.code, Some(1), "{args:?}: {}", ran.stderr_text());
        assert_eq!(ran.stderr_text(), "", "{args:?}");
        let out = String::from_utf8(ran.stdout).unwrap();
        assert!(
            out.contains("0 hits in 0 articles") || out.trim() == "[]",
            "{out}"
        );
    }
    assert_eq!(grep(&["mayor", path]).code, Some(0));
}

/// A full disk is an error (2) even when nothing was found (1 otherwise):
/// the count is flushed and its failure said.
#[test]
fn a_write_error_outranks_no_hit() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full on this system
    };
    let dir = corpus();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["grep", "nowhere at all", dir.path().to_str().unwrap()])
        .env("PARALLAX_CACHE_DIR", run::test_cache_dir())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
