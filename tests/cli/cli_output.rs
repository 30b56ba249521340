//! The headless commands on the hostile corpus, with and without colour:
//! stdout and stderr may hold SGR colour codes and nothing else — no other
//! escape, no C0 control but tab/CR/LF, no C1 control, no bidi, zero-width
//! or tag character. `list --json` reports each article's `hidden_chars`.

use crate::support::hostile;
use crate::support::run;
use crate::support::scan;

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    hostile::write(dir.path());
    dir
}

fn args(words: &[&str], dir: &Path, tail: &[&str]) -> Vec<OsString> {
    words
        .iter()
        .map(OsString::from)
        .chain([dir.as_os_str().to_owned()])
        .chain(tail.iter().map(OsString::from))
        .collect()
}

#[test]
fn list_json_counts_hidden_chars_per_article() {
    let dir = corpus();
    let ran = run::parallax(&args(&["list"], dir.path(), &["--json"]), TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let rows: serde_json::Value = serde_json::from_slice(&ran.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    let planted = hostile::articles();
    assert_eq!(rows.len(), planted.len());
    for h in &planted {
        let row = rows
            .iter()
            .find(|r| r["id"].as_str().unwrap().starts_with(h.marker))
            .unwrap_or_else(|| panic!("{} listed", h.marker));
        assert_eq!(row["hidden_chars"], h.hidden, "{}", h.marker);
    }
}

#[test]
fn every_command_prints_only_sgr_escapes() {
    let dir = corpus();
    let mut runs: Vec<(String, Vec<OsString>)> = Vec::new();
    for color in ["always", "never"] {
        let c = ["--color", color];
        runs.push(("list".into(), args(&["list"], dir.path(), &c)));
        runs.push(("dups".into(), args(&["dups"], dir.path(), &c)));
        runs.push(("topics".into(), args(&["topics"], dir.path(), &c)));
        for h in hostile::articles() {
            let show = args(&["show", h.marker], dir.path(), &c);
            runs.push((format!("show {}", h.marker), show));
        }
        // Each article against the next, so every one is diffed.
        let markers: Vec<&str> = hostile::articles().iter().map(|h| h.marker).collect();
        for w in markers.windows(2) {
            let diff = args(&["diff", w[0], w[1]], dir.path(), &c);
            runs.push((format!("diff {} {}", w[0], w[1]), diff));
        }
    }
    for json in [
        args(&["list"], dir.path(), &["--json"]),
        args(&["dups"], dir.path(), &["--json"]),
        args(&["topics"], dir.path(), &["--json"]),
        args(&["show", "h01"], dir.path(), &["--json"]),
        args(&["show", "h03"], dir.path(), &["--json"]),
        args(&["diff", "h01", "h02"], dir.path(), &["--json"]),
    ] {
        runs.push(("json".into(), json));
    }
    let mut total = 0;
    for (name, a) in &runs {
        let ran = run::parallax(a, TIMEOUT);
        assert_eq!(ran.code, Some(0), "{name}: {}", ran.stderr_text());
        assert!(!ran.stdout.is_empty(), "{name} printed something");
        for (stream, bytes) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
            let bad = scan::check_plain_output(bytes);
            assert!(bad.is_empty(), "{name} {stream}: {bad:?}");
        }
        total += ran.stdout.len() + ran.stderr.len();
    }
    // The skipped files were named on stderr (sanitised, checked above).
    let ran = run::parallax(&args(&["list"], dir.path(), &[]), TIMEOUT);
    let warnings = ran.stderr_text();
    assert_eq!(warnings.matches("warning").count(), 2, "{warnings}");
    assert!(warnings.contains("s01-␛]52;c;SGVsbG8=␇-empty.txt: empty file"));
    eprintln!("{} runs, {total} bytes checked", runs.len());
}

#[test]
fn errors_naming_hostile_input_are_sanitised() {
    let dir = corpus();
    // An unknown article id with an OSC 52 in it.
    let ran = run::parallax(
        &args(&["show", "\x1b]52;c;SGVsbG8=\x07"], dir.path(), &[]),
        TIMEOUT,
    );
    assert_eq!(ran.code, Some(2));
    assert!(
        scan::check_plain_output(&ran.stderr).is_empty(),
        "{:?}",
        ran.stderr_text()
    );
    assert_eq!(
        ran.stderr_text().lines().count(),
        3,
        "two warnings, one error"
    );
    // No readable article, under a hostile folder name.
    let empty = dir.path().join("e\x1b]0;x\x07\u{9b}2J");
    std::fs::create_dir(&empty).unwrap();
    let ran = run::parallax(&args(&["list"], &empty, &[]), TIMEOUT);
    assert_eq!(ran.code, Some(2));
    assert_eq!(
        ran.stderr_text().lines().count(),
        1,
        "{}",
        ran.stderr_text()
    );
    assert!(
        scan::check_plain_output(&ran.stderr).is_empty(),
        "{:?}",
        ran.stderr_text()
    );
}

#[test]
fn invisible_format_characters_are_counted_and_marked_in_a_diff() {
    // Two words that look identical: in each pair of articles the right
    // one holds a soft hyphen, U+206A–206F, a variation selector, a
    // musical format character, a Hangul filler or a tag character.
    let plain = "Talks in Anchorage\n\nThey said the talks would resume in March, \
                 after both delegations had consulted their capitals.\n";
    for c in [
        '\u{AD}',
        '\u{206A}',
        '\u{206F}',
        '\u{FE01}',
        '\u{1D173}',
        '\u{3164}',
        '\u{E0041}',
    ] {
        let what = format!("U+{:04X}", c as u32);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), plain).unwrap();
        let text = plain.replace("would", &format!("wo{c}uld"));
        std::fs::write(dir.path().join("b.txt"), text).unwrap();
        let ran = run::parallax(&args(&["list", "--json"], dir.path(), &[]), TIMEOUT);
        let rows: serde_json::Value = serde_json::from_slice(&ran.stdout).unwrap();
        let hidden: Vec<_> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["hidden_chars"].as_u64())
            .collect();
        assert_eq!(hidden, [Some(0), Some(1)], "{what} is counted");
        let ran = run::parallax(
            &args(&["diff", "--color", "never", "a", "b"], dir.path(), &[]),
            TIMEOUT,
        );
        assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
        let out = String::from_utf8_lossy(&ran.stdout);
        assert!(
            out.contains("[-would-]{+wo\u{FFFD}uld+}"),
            "{what}: the difference is visible where it is:\n{out}"
        );
    }
}
