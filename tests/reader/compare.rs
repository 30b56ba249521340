//! A compare that takes long (two big articles of shuffled, reworded
//! paragraphs: hundreds of word diffs that each run to their deadline)
//! must not hold up keys or signals. Proved by order, not by time: the
//! reader shows the compare view with its progress, then quits on `q`,
//! `ctrl-c` or SIGTERM before the pairing is finished (a finished compare
//! says "N paired" in its status line, which must never have been drawn).
//! The times printed (`--nocapture`) are figures for HARDENING.md only.

use crate::support::pty;

use parallax::dev::rng::Rng;
use pty::Pty;
use std::time::{Duration, Instant};

/// Only a guard against a hang; nothing is asserted about time.
const WAIT: Duration = Duration::from_secs(120);
const PARAGRAPHS: usize = 300;
const WORDS: usize = 600;

/// Two articles with the same paragraphs: the right one has them in
/// another order, each with its words shuffled in runs of eight (same
/// vocabulary, so they pair as related, and a long word diff).
fn articles() -> tempfile::TempDir {
    let mut rng = Rng::new(0x00c0_ffee_d00d_f00d);
    let vocab: Vec<String> = (0..3000)
        .map(|_| {
            let len = 3 + rng.next_u64() % 7;
            (0..len)
                .map(|_| char::from(b'a' + (rng.next_u64() % 26) as u8))
                .collect()
        })
        .collect();
    let paragraphs: Vec<Vec<&str>> = (0..PARAGRAPHS)
        .map(|_| {
            (0..WORDS)
                .map(|_| vocab[(rng.next_u64() % 3000) as usize].as_str())
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..PARAGRAPHS).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
    }
    let left: Vec<String> = paragraphs.iter().map(|p| p.join(" ") + ".").collect();
    let right: Vec<String> = order
        .iter()
        .map(|&k| {
            let mut words = paragraphs[k].clone();
            for run in words.chunks_mut(8) {
                for i in (1..run.len()).rev() {
                    run.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
                }
            }
            words.join(" ") + "."
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, title: &str, body: &[String]| {
        std::fs::write(
            dir.path().join(name),
            format!("{title}\n\n{}\n", body.join("\n\n")),
        )
        .unwrap();
    };
    write("a.txt", "Left article", &left);
    write("b.txt", "Right article", &right);
    dir
}

/// Open the reader on the two articles, wait for the analysis, start the
/// compare and wait for its first frame.
fn start_compare(articles: &tempfile::TempDir, config: &tempfile::TempDir) -> Pty {
    let mut p = Pty::spawn(&[articles.path()], 120, 40, config.path().as_os_str());
    assert!(
        p.wait_screen(WAIT, |s| s.contains("Library · 2 articles")),
        "library"
    );
    assert!(p.wait_analysed(WAIT), "analysis finished");
    p.key(b"c");
    assert!(
        p.wait_screen(WAIT, |s| s
            .lines()
            .next()
            .unwrap_or_default()
            .contains("Compare")),
        "the compare view is shown:\n{}",
        p.screen()
    );
    p
}

fn assert_quit_before_the_pairing_finished(p: &Pty) {
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(
        !out.contains(" paired · threshold"),
        "the pairing finished before the reader quit"
    );
    assert!(
        out.contains("Comparing"),
        "progress was shown while pairing"
    );
}

#[test]
fn q_is_answered_while_a_big_pair_is_being_compared() {
    let (articles, config) = (articles(), tempfile::tempdir().unwrap());
    let mut p = start_compare(&articles, &config);
    let sent = Instant::now();
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
    println!("q while comparing: exited after {:?}", sent.elapsed());
    assert_quit_before_the_pairing_finished(&p);
}

#[test]
fn ctrl_c_and_threshold_keys_are_answered_while_comparing() {
    let (articles, config) = (articles(), tempfile::tempdir().unwrap());
    let mut p = start_compare(&articles, &config);
    // A new threshold drops the work under way and starts again.
    let sent = Instant::now();
    p.key(b"+");
    let raised = format!(
        "threshold {}",
        parallax::analysis::pair::Threshold::DEFAULT.raised()
    );
    assert!(
        p.wait_screen(WAIT, |s| s.contains(&raised)),
        "the threshold changed at once:\n{}",
        p.screen()
    );
    println!("+ while comparing: drawn after {:?}", sent.elapsed());
    // Changing it again and again queues work for the one worker thread
    // instead of starting a thread per change.
    p.paste(b"+-+-+-+-");
    p.settle(Duration::from_millis(200), WAIT);
    assert!(
        p.threads() <= 2,
        "{} threads: the reader and one compare worker at most",
        p.threads()
    );
    let sent = Instant::now();
    p.key(b"\x03");
    assert_eq!(p.wait_exit(WAIT), Some(0));
    println!("ctrl-c while comparing: exited after {:?}", sent.elapsed());
    assert_quit_before_the_pairing_finished(&p);
}

#[test]
fn sigterm_is_answered_while_comparing() {
    let (articles, config) = (articles(), tempfile::tempdir().unwrap());
    let p = start_compare(&articles, &config);
    let sent = Instant::now();
    // SAFETY: signalling the child this test started.
    unsafe { libc::kill(p.pid() as i32, libc::SIGTERM) };
    let mut p = p;
    assert_eq!(p.wait_exit(WAIT), Some(128 + libc::SIGTERM as u32));
    println!("SIGTERM while comparing: exited after {:?}", sent.elapsed());
    assert_quit_before_the_pairing_finished(&p);
}
