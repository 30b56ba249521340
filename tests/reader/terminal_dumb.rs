//! A terminal that cannot draw (`TERM=dumb`, or no TERM at all) gets one
//! clear line and exit code 2, not a screen of escape sequences.

use crate::support::pty;

use pty::Pty;
use std::ffi::OsStr;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

/// `parallax ARGS` in an 80×24 pseudo-terminal named `term`: its exit
/// code and all it wrote.
fn run_in(term: &str, args: &[&str]) -> (Option<u32>, String) {
    let config = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_env(
        args,
        80,
        24,
        config.path().as_os_str(),
        &[("TERM", OsStr::new(term))],
    );
    let code = p.wait_exit(TIMEOUT);
    (code, String::from_utf8_lossy(&p.output()).into_owned())
}

#[test]
fn a_dumb_or_unnamed_terminal_gets_one_line_and_exit_2() {
    for term in ["dumb", ""] {
        let (code, out) = run_in(term, &[]);
        assert_eq!(code, Some(2), "TERM={term:?}");
        assert!(
            !out.contains('\x1b'),
            "TERM={term:?}: no escape sequences: {out:?}"
        );
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "TERM={term:?}: {out:?}");
        assert!(
            lines[0].starts_with("parallax: error: the reader needs a terminal that can draw"),
            "{out:?}"
        );
    }
}

#[test]
fn headless_output_on_a_dumb_terminal_has_no_colour() {
    // As git and less have it: a terminal named dumb gets plain text, one
    // that can draw gets colour (so the test can tell).
    let coloured = |term: &str| {
        let (code, out) = run_in(term, &["list"]);
        assert_eq!(code, Some(0), "TERM={term}");
        assert!(out.contains("ID"), "{out:?}");
        out.contains("\x1b[")
    };
    assert!(coloured("xterm-256color"));
    assert!(!coloured("dumb"));
}
