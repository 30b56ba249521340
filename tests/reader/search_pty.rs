//! The real binary in a pseudo-terminal: open an article, `/` and a phrase,
//! enter, `n`; the status line counts the hits, the current one moves on,
//! and the hits are drawn in their own colour.

use crate::support::pty;

use pty::{ENTER, Pty};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn slash_a_phrase_enter_and_n_in_the_real_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn::<&str>(&[], 100, 30, dir.path().as_os_str());
    assert!(p.wait_for(b"Library", WAIT), "the library appears");
    // 004, the fifth article.
    p.keys(b"j", 4);
    p.key(ENTER);
    let reader = |s: &str| {
        s.lines()
            .next()
            .unwrap_or_default()
            .contains("Putin Trump meeting")
    };
    assert!(p.wait_screen(WAIT, reader), "reader:\n{}", p.screen());
    let before = p.output_len();
    p.key(b"/");
    for c in b"alaska" {
        p.key(&[*c]);
    }
    let prompt = |s: &str| s.lines().last().unwrap_or_default().starts_with("/alaska▏");
    assert!(p.wait_screen(WAIT, prompt), "prompt:\n{}", p.screen());
    p.key(ENTER);
    let first = |s: &str| s.lines().last().unwrap_or_default().contains("/alaska 1/");
    assert!(p.wait_screen(WAIT, first), "first hit:\n{}", p.screen());
    p.key(b"n");
    let second = |s: &str| s.lines().last().unwrap_or_default().contains("/alaska 2/");
    assert!(p.wait_screen(WAIT, second), "second hit:\n{}", p.screen());
    // Hits are drawn black on yellow, the current one on cyan.
    let drawn = String::from_utf8_lossy(&p.output()[before..]).into_owned();
    assert!(
        drawn.contains("\x1b[43m") || drawn.contains("48;5;3m"),
        "a yellow background"
    );
    assert!(
        drawn.contains("\x1b[46m") || drawn.contains("48;5;6m"),
        "a cyan background"
    );
    // esc clears the search; q quits.
    p.key(b"\x1b");
    let cleared = |s: &str| {
        let last = s.lines().last().unwrap_or_default().to_string();
        last.contains("line ") && !last.contains("/alaska")
    };
    assert!(p.wait_screen(WAIT, cleared), "cleared:\n{}", p.screen());
    p.key(b"q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(60)),
        Some(0),
        "quits cleanly"
    );
}
