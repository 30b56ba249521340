//! Bursts of input: a paste, or key repeat over a slow SSH link, delivers
//! thousands of bytes at once. Every key must be applied, the reader must
//! go back to idle afterwards (CPU time over a quiet second is counted in
//! clock ticks, not timed), and a long pasted note must be saved whole.
//! The figures printed (`--nocapture`) are for HARDENING.md only.

use crate::support::pty;

use parallax::dev::rng::Rng;
use pty::{DOWN, ENTER, Pty};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

const UP: &[u8] = b"\x1b[A";
const BACKSPACE: &[u8] = b"\x7f";
/// CPU ticks (1/100 s on Linux) an idle reader may use in a quiet second:
/// a spinning one uses about 100.
const IDLE_TICKS: u64 = 5;
const WAIT: Duration = Duration::from_secs(60);

/// A Markdown article of 5,000 one-line paragraphs (about 10,000 lines in
/// the reader) with a heading every 500 and one findable heading.
fn long_article() -> String {
    let words = [
        "harbour", "council", "ledger", "quarry", "tidal", "meadow", "signal", "ferry", "granite",
        "orchard", "lantern", "census", "vintage", "bridge", "cobalt", "pasture", "beacon",
        "timber", "glacier", "market", "parish", "canal", "furnace", "saddle", "thistle",
    ];
    let mut rng = Rng::new(0x5eed_1234_abcd_ef01);
    let mut text = String::from("# The long ledger\n\n");
    for p in 0..5000 {
        if p % 500 == 0 {
            let _ = write!(text, "## Section {}\n\n", p / 500);
        }
        if p == 2500 {
            text.push_str("## Lighthouse keepers survey\n\n");
        }
        let _ = write!(text, "Paragraph {p}:");
        for _ in 0..10 {
            let _ = write!(text, " {}", rng.pick(&words).expect("words"));
        }
        text.push_str(".\n\n");
    }
    text
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-long.md"), long_article()).unwrap();
    std::fs::write(
        dir.path().join("b-short.txt"),
        "A short note\n\nOne paragraph about a harbour ledger and a ferry.\n",
    )
    .unwrap();
    dir
}

/// Frames written so far (each ends its synchronized update).
fn frames(p: &Pty) -> usize {
    p.output()
        .windows(8)
        .filter(|w| w == b"\x1b[?2026l")
        .count()
}

fn status(p: &mut Pty) -> String {
    p.screen().lines().last().unwrap_or_default().to_string()
}

#[test]
fn bursts_of_keys_and_text_are_all_applied_and_the_reader_goes_idle() {
    let articles = corpus();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let args = [articles.path().as_os_str()];
    // Sessions go to a temporary store.
    let mut p = Pty::spawn_with_env(
        &args,
        120,
        40,
        config.path().as_os_str(),
        &[("PARALLAX_DATA_DIR", data.path().as_os_str())],
    );
    assert!(
        p.wait_screen(WAIT, |s| s.contains("Library · 2 articles")),
        "library:\n{}",
        p.screen()
    );
    // The analysis thread is done: what follows is the reader's own work.
    assert!(p.wait_analysed(WAIT), "analysis finished");
    p.key(ENTER);
    assert!(p.wait_screen(WAIT, |s| s.contains("line 1/")), "reader");

    // 1. The reader: 11,200 bytes of mixed scroll keys, net 3,000 lines
    // down, never touching the top or the bottom (so a lost key shows).
    let mut burst = Vec::new();
    for _ in 0..100 {
        burst.extend(b"j".repeat(30));
        burst.extend(DOWN.repeat(8));
        burst.extend(b"k".repeat(5));
        burst.extend(UP.repeat(3));
        burst.extend(b"jk".repeat(10));
        burst.extend([DOWN, UP].concat().repeat(4));
    }
    assert!(burst.len() > 10_000);
    let frames_before = frames(&p);
    let sent = Instant::now();
    p.paste(&burst);
    assert!(
        p.wait_screen(WAIT, |s| s
            .lines()
            .last()
            .unwrap_or_default()
            .contains("line 3001/")),
        "every scroll key applied; status: {}",
        status(&mut p)
    );
    println!(
        "reader burst of {} bytes: all applied and drawn within {:?}",
        burst.len(),
        sent.elapsed()
    );
    // Keys read together are drawn together: a handful of frames for
    // 3,900 keys, not one each.
    let drawn = frames(&p) - frames_before;
    println!("reader burst: {drawn} frames");
    assert!(drawn <= 50, "{drawn} frames for one burst");
    p.settle(Duration::from_millis(200), WAIT);
    let idle = p.idle_ticks();
    println!("after the reader burst: {idle} CPU ticks in a quiet second");
    assert!(
        idle <= IDLE_TICKS,
        "after the reader burst: {idle} CPU ticks"
    );

    // 2. A 5 KB note pasted into the bookmark prompt, then Enter.
    p.key(b"m");
    assert!(
        p.wait_screen(WAIT, |s| s.contains("Bookmark · note")),
        "prompt"
    );
    let mut note = String::new();
    let mut n = 0;
    while note.len() < 5000 {
        let _ = write!(note, "word{n:04} ");
        n += 1;
    }
    let note = note.trim_end().to_string();
    let mut pasted = note.clone().into_bytes();
    pasted.extend_from_slice(ENTER);
    p.paste(&pasted);
    assert!(
        p.wait_screen(WAIT, |s| s.contains("Bookmarked")),
        "the note's Enter was read; status: {}",
        status(&mut p)
    );
    p.settle(Duration::from_millis(200), WAIT);
    let idle = p.idle_ticks();
    println!("after the pasted note: {idle} CPU ticks in a quiet second");
    assert!(
        idle <= IDLE_TICKS,
        "after the pasted note: {idle} CPU ticks"
    );

    // 3. The palette: 10,000 bytes of typing, moving and deleting that
    // leave the query empty, then a query and Enter.
    p.key(b"t");
    assert!(p.wait_screen(WAIT, |s| s.contains("Topics ·")), "palette");
    let mut burst = Vec::new();
    for _ in 0..1000 {
        burst.extend(b"zq");
        burst.extend(DOWN);
        burst.extend(UP);
        burst.extend(BACKSPACE.repeat(2));
    }
    burst.extend(b"lighthouse keepers");
    assert_eq!(burst.len(), 10_018);
    p.paste(&burst);
    assert!(
        p.wait_screen(WAIT, |s| s.contains("Lighthouse keepers survey")),
        "the query after the burst finds the heading:\n{}",
        p.screen()
    );
    p.settle(Duration::from_millis(200), WAIT);
    let idle = p.idle_ticks();
    println!("after the palette burst: {idle} CPU ticks in a quiet second");
    assert!(
        idle <= IDLE_TICKS,
        "after the palette burst: {idle} CPU ticks"
    );
    p.key(ENTER);
    assert!(
        p.wait_screen(WAIT, |s| s
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("Lighthouse keepers survey"))),
        "Enter jumped to the heading:\n{}",
        p.screen()
    );

    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
    let saved = std::fs::read_to_string(data.path().join("default.json")).expect("session saved");
    let session: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let notes: Vec<&str> = session["bookmarks"]
        .as_array()
        .expect("bookmarks")
        .iter()
        .filter_map(|b| b["note"].as_str())
        .collect();
    assert_eq!(notes.len(), 1, "one bookmark");
    assert_eq!(notes[0].len(), note.len(), "the note saved whole");
    assert_eq!(notes[0], note);
}
