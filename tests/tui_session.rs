//! A comparison session that lasts, end to end in tmux: open a pair,
//! scroll, bookmark with a note, quit, `--resume`, and the same screen comes
//! back; the note shows in `report --format md`.

#[path = "common/tmux.rs"]
mod tmux;

use std::process::Command;
use tmux::{Session, binary};

/// The compare body (everything under the title line), for comparing two
/// screens of the same pair.
fn body(screen: &str) -> String {
    screen
        .lines()
        .skip(1)
        .take(30)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn bookmark_quit_resume_and_report() {
    let data = tempfile::tempdir().unwrap();
    let s = Session::start_in("resume", 120, 40, data.path());
    s.type_literal(&format!("{} ; echo EXIT=$?", binary().display()));
    s.keys(&["Enter"]);
    s.wait_for("Library · 5 articles");
    s.wait_ready();
    s.keys(&["Space", "j", "Space", "c"]);
    s.wait_for("Compare 000 ⇄ 002");
    s.keys(&["n", "j", "j", "j"]);
    s.keys(&["m"]);
    s.wait_for("Bookmark · note");
    s.type_literal("same framing, different verbs");
    s.keys(&["Enter"]);
    s.wait_for("Bookmarked");
    s.keys(&["j"]);
    let before = s.wait_for("Compare 000 ⇄ 002");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");

    s.type_literal(&format!(
        "clear; {} --resume ; echo EXIT2=$?",
        binary().display()
    ));
    s.keys(&["Enter"]);
    let after = s.wait_for("Compare 000 ⇄ 002");
    // Wait for the analysis to fill in, then compare the screens.
    std::thread::sleep(std::time::Duration::from_millis(800));
    let after = if after.contains("paired") {
        s.screen()
    } else {
        s.wait_for("paired")
    };
    assert_eq!(body(&before), body(&after), "same screen after --resume");
    // The bookmark is listed and filterable.
    s.keys(&["'"]);
    s.wait_for("Bookmarks · 1 of 1");
    s.type_literal("verbs");
    s.wait_for("same framing, different verbs");
    s.keys(&["Escape", "q"]);
    s.wait_for("EXIT2=0");

    let out = Command::new(binary())
        .args(["report", "000", "002", "--format", "md"])
        .env("PARALLAX_DATA_DIR", data.path())
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
    std::fs::write(data.path().join("default.json"), b"{ not json").unwrap();
    let s = Session::start_in("corrupt", 100, 30, data.path());
    s.type_literal(&format!("{} --resume ; echo EXIT=$?", binary().display()));
    s.keys(&["Enter"]);
    s.wait_for("Library · 5 articles");
    s.keys(&["q"]);
    let screen = s.wait_for("EXIT=0");
    assert!(
        screen.contains("corrupt"),
        "one line about the set-aside file:\n{screen}"
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
