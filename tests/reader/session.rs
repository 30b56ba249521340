//! A comparison session that lasts, end to end in a pseudo-terminal: open a
//! pair, scroll, bookmark with a note, quit, `--resume`, and the same screen
//! comes back; the note shows in `report --format md`. A note edited and a
//! bookmark deleted reach the session file as they are made.

use crate::support::pty::{ENTER, Pty};

use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Generous: only paces the test on a loaded machine, never measured.
const WAIT: Duration = Duration::from_secs(60);

fn start(args: &[&str], data: &Path, config: &Path) -> Pty {
    Pty::spawn_with_env(
        args,
        120,
        40,
        config.as_os_str(),
        &[("PARALLAX_DATA_DIR", data.as_os_str())],
    )
}

#[track_caller]
fn wait_for(p: &mut Pty, needle: &str) -> String {
    assert!(
        p.wait_screen(WAIT, |s| s.contains(needle)),
        "waited for {needle:?}; screen:\n{}",
        p.screen()
    );
    p.screen()
}

/// The compare body (everything under the title line), for comparing two
/// screens of the same pair.
fn body(screen: &str) -> String {
    screen
        .lines()
        .skip(1)
        .take(30)
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn bookmark_quit_resume_and_report() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let no_args: [&str; 0] = [];
    let mut p = start(&no_args, data.path(), config.path());
    wait_for(&mut p, "Library · 5 articles");
    for k in [b" ", b"j", b" "] {
        p.key(k);
    }
    // Until the analysis is in, `c` answers "Still analysing…": ask again,
    // as a user would.
    let asked = std::time::Instant::now();
    loop {
        p.key(b"c");
        if p.wait_screen(Duration::from_secs(2), |s| s.contains("Compare 000 ⇄ 002")) {
            break;
        }
        assert!(asked.elapsed() < WAIT, "no compare:\n{}", p.screen());
    }
    // The pair is compared on a worker; its rows land with "N paired".
    wait_for(&mut p, "paired");
    for k in [b"n", b"j", b"j", b"j", b"m"] {
        p.key(k);
    }
    wait_for(&mut p, "Bookmark · note");
    p.paste(b"same framing, different verbs");
    p.key(ENTER);
    wait_for(&mut p, "Bookmarked");
    p.key(b"j");
    p.settle(Duration::from_millis(300), WAIT);
    let before = wait_for(&mut p, "Compare 000 ⇄ 002");
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));

    let mut p = start(&["--resume"], data.path(), config.path());
    wait_for(&mut p, "Compare 000 ⇄ 002");
    let after = wait_for(&mut p, "paired");
    p.settle(Duration::from_millis(300), WAIT);
    let after = if after == p.screen() {
        after
    } else {
        p.screen()
    };
    assert_eq!(body(&before), body(&after), "same screen after --resume");
    // The bookmark is listed and filterable.
    p.key(b"'");
    wait_for(&mut p, "Bookmarks · 1 of 1");
    p.paste(b"verbs");
    wait_for(&mut p, "same framing, different verbs");
    p.key(b"\x1b");
    p.settle(Duration::from_millis(100), WAIT);
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));

    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["report", "000", "002", "--format", "md"])
        .env("PARALLAX_DATA_DIR", data.path())
        .env("PARALLAX_CONFIG_DIR", config.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("same framing, different verbs"),
        "note in the report:\n{md}"
    );
}

#[test]
fn a_corrupted_session_is_set_aside_with_one_line() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("default.json"), b"{ not json").unwrap();
    let mut p = start(&["--resume"], data.path(), config.path());
    wait_for(&mut p, "Library · 5 articles");
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
    // The one line goes to the terminal after the reader left it.
    let text = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(
        text.contains("corrupt"),
        "a line about the set-aside file:\n{text:?}"
    );
    let names: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert!(names.iter().any(|n| n.contains("corrupt")), "{names:?}");
    assert!(
        names.iter().any(|n| n == "default.json"),
        "a fresh session was saved: {names:?}"
    );
}

/// The notes of the session's bookmarks as stored in the data folder.
fn stored_notes(data: &Path) -> Vec<String> {
    let text = std::fs::read(data.join("default.json")).expect("the session file");
    let session: serde_json::Value = serde_json::from_slice(&text).unwrap();
    session["bookmarks"]
        .as_array()
        .expect("bookmarks")
        .iter()
        .map(|b| b["note"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_note_edited_and_a_bookmark_deleted_are_saved_as_they_are_made() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let no_args: [&str; 0] = [];
    let mut p = start(&no_args, data.path(), config.path());
    wait_for(&mut p, "Library · 5 articles");
    p.key(ENTER);
    wait_for(&mut p, "line 1/");
    p.key(b"m");
    wait_for(&mut p, "Bookmark · note");
    p.paste(b"one");
    p.key(ENTER);
    wait_for(&mut p, "Bookmarked");
    assert_eq!(stored_notes(data.path()), ["one"]);
    p.key(b"m");
    wait_for(&mut p, "› one");
    p.paste(b" two");
    p.key(ENTER);
    wait_for(&mut p, "Bookmark note saved");
    assert_eq!(
        stored_notes(data.path()),
        ["one two"],
        "one bookmark, noted again"
    );
    p.key(b"'");
    wait_for(&mut p, "Bookmarks · 1 of 1");
    // The Delete key, as terminals send it.
    p.key(b"\x1b[3~");
    wait_for(&mut p, "Bookmark deleted");
    assert!(
        stored_notes(data.path()).is_empty(),
        "deleted from the file"
    );
    p.key(b"\x1b");
    p.settle(Duration::from_millis(100), WAIT);
    p.key(b"q");
    assert_eq!(p.wait_exit(WAIT), Some(0));
}
