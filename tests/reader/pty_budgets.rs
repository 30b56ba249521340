//! The reader over a pseudo-terminal: bytes written per action stay within
//! the SSH budgets (counts, never timings).

use crate::support::pty::{DOWN, PAGE_DOWN, Pty};
use std::time::Duration;

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

#[test]
fn compare_scrolls_and_palette_keystrokes_fit_the_budgets() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let no_args: [&str; 0] = [];
    let mut h = Pty::spawn_with_env(
        &no_args,
        120,
        40,
        config.path().as_os_str(),
        &[("PARALLAX_DATA_DIR", data.path().as_os_str())],
    );
    assert!(
        h.first_frame(Duration::from_secs(20)).is_some(),
        "a first frame"
    );
    h.settle(Duration::from_millis(300), Duration::from_secs(20));
    h.send(b" j c");
    let lines: Vec<usize> = (0..30).map(|_| h.action(DOWN)).collect();
    let pages: Vec<usize> = (0..3).map(|_| h.action(PAGE_DOWN)).collect();
    h.send(b"\x1b");
    h.send(b"t");
    let typed: Vec<usize> = b"media framing".iter().map(|c| h.action(&[*c])).collect();
    let line = median(lines);
    assert!(
        line > 0 && line <= 600,
        "one-line scroll wrote {line} bytes"
    );
    assert!(
        *pages.iter().max().unwrap() <= 16 * 1024,
        "page down wrote {pages:?}"
    );
    assert!(
        median(typed.clone()) <= 2560,
        "palette keystrokes wrote {typed:?}"
    );
    h.send(b"\x1b");
    assert_eq!(h.quit(), Some(0));
}
