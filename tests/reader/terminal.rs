//! The real binary in a pseudo-terminal on the hostile corpus: drive it
//! through the library, every article in the reader (scrolled to the end,
//! chrome folded and unfolded), the compare view, the topic palette, the
//! topic view, the matrix and help, quit, then parse every byte it wrote.
//! Nothing may originate from content: no OSC, DCS, SOS, PM or APC at all,
//! only the CSI sequences the renderer uses, no stray controls, and no
//! bidi, zero-width or tag character printed.

use crate::support::hostile;
use crate::support::pty;
use crate::support::scan;

use pty::{DOWN, ENTER, PAGE_DOWN, Pty, TAB};
use std::time::Duration;

/// Generous: only a hang should ever hit these.
const START: Duration = Duration::from_secs(30);
const EXIT: Duration = Duration::from_secs(60);

/// How the hostile pieces that are plain enough to pair begin.
const PIECE_STARTS: &[&str] = &[
    "SGR colour",
    "Clipboard OSC",
    "Eight-bit CSI",
    "Eight-bit DCS",
    "C0 bell",
    "Bidi ",
    "Zero width",
    "Tag characters",
    "Tab separated",
    "Wide ",
    "Combining flood",
];

/// The column where `text` begins for the second time in a row (the right
/// pane's copy), if it does.
fn second_start(cells: &[(u16, String)], text: &str) -> Option<u16> {
    let starts: Vec<u16> = (0..cells.len())
        .filter(|&i| {
            let mut s = String::new();
            for (_, c) in &cells[i..] {
                s.push_str(if c.is_empty() { " " } else { c });
                if s.len() >= text.len() {
                    break;
                }
            }
            s.starts_with(text)
        })
        .map(|i| cells[i].0)
        .collect();
    starts.get(1).copied()
}

/// Press `key` until the screen shows `needle`: the analysis runs in the
/// background, and until it is done the compare view and the palette only
/// say so.
fn open_when_ready(p: &mut Pty, key: &[u8], needle: &str) {
    let start = std::time::Instant::now();
    while start.elapsed() < START {
        p.key(key);
        if p.wait_screen(Duration::from_secs(2), |s| s.contains(needle)) {
            return;
        }
    }
    panic!("{needle:?} never appeared:\n{}", p.screen());
}

fn settle(p: &Pty) {
    p.settle(Duration::from_millis(40), Duration::from_secs(5));
}

#[test]
fn hostile_corpus_never_reaches_the_terminal_as_control() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    hostile::write(&corpus);
    let n = hostile::articles().len();

    let mut p = Pty::spawn(&[corpus.as_os_str()], 120, 40, dir.path().as_os_str());
    assert!(p.wait_for(b"Library", START), "the library appears");

    // Every article in the reader, scrolled through to the end, with the
    // folded chrome opened once.
    for i in 0..n {
        p.key(b"g");
        p.keys(b"j", i);
        p.key(ENTER);
        let in_reader = |s: &str| {
            let title = s.lines().next().unwrap_or_default();
            title.contains(" parallax │ ")
                && !["Library", "Compare", "Topic", "Coverage"]
                    .iter()
                    .any(|v| title.contains(&format!("│ {v}")))
        };
        assert!(
            p.wait_screen(START, in_reader),
            "article {i} opens in the reader:\n{}",
            p.screen()
        );
        p.keys(PAGE_DOWN, 12);
        p.key(b"G");
        p.key(b"z");
        p.key(b"g");
        p.keys(PAGE_DOWN, 12);
        p.key(b"L");
        settle(&p);
    }

    // Side by side, h01 and h02 share every piece: the right pane must
    // start in the same column on every row, whatever wide, combining or
    // placeholder characters the left pane holds.
    // (Unfolded: pieces repeated on three pages count as site chrome.)
    p.key(b"g");
    open_when_ready(&mut p, b"c", "│ Compare");
    p.key(b"z");
    settle(&p);
    let mut columns = std::collections::BTreeMap::new();
    for _ in 0..12 {
        for row in 2..p.rows().saturating_sub(1) {
            let cells = p.row_cells(row);
            for piece in PIECE_STARTS {
                if let Some(col) = second_start(&cells, piece) {
                    columns.insert(*piece, col);
                }
            }
        }
        p.key(PAGE_DOWN);
        settle(&p);
    }
    assert!(
        columns.len() >= 9
            && columns.contains_key("Wide ")
            && columns.contains_key("Combining flood"),
        "paired rows seen: {columns:?}"
    );
    let distinct: std::collections::BTreeSet<_> = columns.values().collect();
    assert_eq!(distinct.len(), 1, "right pane columns: {columns:?}");
    p.key(b"L");

    // Compare each article with the next, moving through paired rows,
    // swapping panes and changing articles and the threshold. The pairs
    // are marked: these articles report different events, and "this one
    // with the next" stays within one.
    let mark = |p: &mut Pty, article: usize| {
        p.key(b"g");
        p.keys(b"j", article);
        p.key(b" ");
    };
    for i in 0..n {
        mark(&mut p, i);
        mark(&mut p, (i + 1) % n);
        p.key(b"c");
        let compare = |s: &str| s.lines().next().unwrap_or_default().contains("│ Compare");
        assert!(
            p.wait_screen(START, compare),
            "compare {i}:\n{}",
            p.screen()
        );
        p.keys(b"n", 3);
        p.keys(PAGE_DOWN, 4);
        for k in [b"s", b")", b"]", b"+", b"-", b"z", b"G"] {
            p.key(k);
        }
        p.key(b"L");
        // Unmark the pair.
        mark(&mut p, i);
        mark(&mut p, (i + 1) % n);
        settle(&p);
    }

    // The topic palette (empty query: every topic), jump to one; then a
    // topic across articles.
    open_when_ready(&mut p, b"t", "Topics ·");
    p.keys(DOWN, 2);
    p.key(ENTER);
    assert!(
        p.wait_screen(START, |s| !s.contains("Topics ·")),
        "palette closed"
    );
    p.keys(PAGE_DOWN, 3);
    p.key(b"t");
    p.keys(DOWN, 6);
    p.key(TAB);
    let topic = |s: &str| s.lines().next().unwrap_or_default().contains("│ Topic ·");
    assert!(p.wait_screen(START, topic), "topic view:\n{}", p.screen());
    p.keys(PAGE_DOWN, 5);
    // Matrix, into an article from it, help.
    p.key(b"M");
    let matrix = |s: &str| s.lines().next().unwrap_or_default().contains("│ Coverage");
    assert!(p.wait_screen(START, matrix), "matrix:\n{}", p.screen());
    p.keys(b"l", 3);
    p.keys(b"j", 3);
    p.key(ENTER);
    p.key(b"?");
    p.keys(PAGE_DOWN, 2);
    p.key(b"q");
    settle(&p);
    p.key(b"q");
    assert_eq!(p.wait_exit(EXIT), Some(0), "quits cleanly");

    let out = p.output();
    let s = scan::scan(&out);
    assert!(
        s.violations.is_empty(),
        "{} leaked bytes in {} bytes written: {:?}",
        s.leaked_bytes,
        out.len(),
        &s.violations[..s.violations.len().min(20)]
    );
    assert_eq!(s.leaked_bytes, 0);
    // The stream was really drawn and restored: text, cursor moves, the
    // alternate screen entered and left.
    assert!(s.printed > 10_000, "printed {}", s.printed);
    assert!(s.csi.iter().any(|c| c == "CSI ?1049h"));
    assert!(s.csi.iter().any(|c| c == "CSI ?1049l"));
    // Placeholders, not the raw characters, were drawn.
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains('\u{241B}'), "␛ placeholder shown");
    eprintln!(
        "hostile pty run: {} bytes written, {} CSI sequences, {} leaked bytes",
        out.len(),
        s.csi.len(),
        s.leaked_bytes
    );
}

#[test]
fn characters_typed_into_the_palette_are_shown_sanitised() {
    // Typed or pasted text is input, not content, but it reaches the
    // screen the same way.
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn::<&str>(&[], 100, 30, dir.path().as_os_str());
    assert!(p.wait_for(b"Library", START), "the library appears");
    open_when_ready(&mut p, b"t", "Topics ·");
    p.key("a\u{202e}b\u{200b}c\u{9b}d\u{e0041}e".as_bytes());
    settle(&p);
    // ctrl-c closes the palette, as esc does; from the view it quits.
    p.key(b"\x03");
    settle(&p);
    p.key(b"\x03");
    assert_eq!(p.wait_exit(EXIT), Some(0), "ctrl-c quits");
    let s = scan::scan(&p.output());
    assert!(s.violations.is_empty(), "{:?}", s.violations);
}
