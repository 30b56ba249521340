//! Big inputs: a single 10 MB paragraph (`show` prints it; the reader
//! opens it, pages through and quits), and a folder of 100,000 tiny files
//! (about 20 s in a debug build, the files read on every core). Timeouts
//! are generous and only catch hangs; nothing here asserts how long
//! anything took.

use crate::support::pty;
use crate::support::run;

use pty::{ENTER, PAGE_DOWN, Pty};
use std::path::Path;
use std::time::Duration;

const HANG: Duration = Duration::from_secs(300);

/// About 10 MB of words with no line break: one paragraph.
fn ten_megabytes(path: &Path) {
    let words = [
        "summit",
        "talks",
        "anchorage",
        "diplomacy",
        "sanctions",
        "energy",
        "security",
        "statement",
        "leaders",
        "ceasefire",
        "agreement",
        "press",
        "Ukraine",
        "Moscow",
    ];
    let mut text = String::with_capacity(10_600_000);
    text.push_str("Ten megabyte paragraph\n\n");
    let mut k = 7usize;
    while text.len() < 10 * 1024 * 1024 {
        // A cheap deterministic walk over the words (no two runs alike).
        k = (k * 31 + 17) % 1009;
        text.push_str(words[k % words.len()]);
        text.push(' ');
    }
    text.push_str("THE-END.\n");
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_ten_megabyte_paragraph_shows_and_scrolls_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("para.txt");
    ten_megabytes(&file);

    let ran = run::parallax(&["show".as_ref(), "para".as_ref(), file.as_os_str()], HANG);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let out = String::from_utf8_lossy(&ran.stdout);
    assert!(out.contains("Ten megabyte paragraph"));
    assert!(
        out.trim_end().ends_with("THE-END."),
        "the whole paragraph is printed"
    );
    assert!(out.len() > 10 * 1024 * 1024);

    let mut p = Pty::spawn(&[file.as_os_str()], 120, 40, dir.path().as_os_str());
    assert!(p.wait_for(b"Library", HANG), "the library appears");
    // The reader may take a while to lay out 10 MB: wait on the screen,
    // not on the clock.
    p.key(ENTER);
    assert!(
        p.wait_screen(HANG, |s| s
            .lines()
            .next()
            .is_some_and(|t| t.contains("· Ten megabyte"))),
        "the reader opens:\n{}",
        p.screen()
    );
    p.keys(PAGE_DOWN, 60);
    p.key(b"G");
    assert!(
        p.wait_screen(HANG, |s| s.contains("THE-END.")),
        "the reader reached the end:\n{}",
        p.screen()
    );
    p.key(b"q");
    assert_eq!(p.wait_exit(HANG), Some(0), "quits cleanly");
}

fn many_tiny_files(n: usize) {
    // 100,000 files take about 400 MB of blocks. They go beside the build
    // (cargo's temporary folder for integration tests), not into /tmp,
    // which may be a small memory file system; a full disk is named as
    // such rather than as a panic deep in the loop.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    // Spread over folders, as a real archive would be.
    for i in 0..n {
        let sub = dir.path().join(format!("d{:03}", i % 200));
        if i < 200 {
            std::fs::create_dir(&sub).unwrap();
        }
        let text = format!("Tiny article {i}\n\nItem {i} says one short thing.\n");
        if let Err(e) = std::fs::write(sub.join(format!("a{i:06}.txt")), text) {
            panic!(
                "writing tiny file {i} of {n} under {}: {e}",
                dir.path().display()
            );
        }
    }
    let ran = run::parallax(&["list".as_ref(), dir.path().as_os_str()], HANG);
    assert!(!ran.timed_out);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(ran.stderr.is_empty(), "no warnings: {}", ran.stderr_text());
    let rows = String::from_utf8_lossy(&ran.stdout).lines().count();
    assert_eq!(rows, n + 1, "a header and one row per file");
}

#[test]
fn a_hundred_thousand_tiny_files_load() {
    many_tiny_files(100_000);
}
