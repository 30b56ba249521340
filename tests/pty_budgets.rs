//! The reader over a pseudo-terminal: bytes written per action stay within
//! the SSH budgets (counts, never timings).

#[path = "../examples/support/pty_harness.rs"]
mod harness;

use harness::{Harness, keys};
use std::path::Path;
use std::time::Duration;

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

#[test]
fn compare_scrolls_and_palette_keystrokes_fit_the_budgets() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_string_lossy().into_owned();
    let bin = Path::new(env!("CARGO_BIN_EXE_parallax"));
    let mut h = Harness::spawn(bin, &[], 120, 40, &[("PARALLAX_DATA_DIR", &data_dir)]);
    assert!(
        h.first_frame(Duration::from_secs(20)).is_some(),
        "a first frame"
    );
    h.settle(Duration::from_millis(300), Duration::from_secs(20));
    h.send(b" j c");
    let lines: Vec<usize> = (0..30).map(|_| h.action(keys::DOWN)).collect();
    let pages: Vec<usize> = (0..3).map(|_| h.action(keys::PAGE_DOWN)).collect();
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
