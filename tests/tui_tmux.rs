//! End to end: the real binary in tmux, driven with the keys the help
//! shows, read back with capture-pane. tmux is installed when missing (CI
//! machines are fresh); the test fails if it cannot be had.

#[path = "common/tmux.rs"]
mod tmux;

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;
use tmux::{Session, binary, tmux};

#[test]
fn a_new_user_compares_searches_and_quits_cleanly() {
    let s = Session::start("tour", 120, 40);
    s.type_literal(&format!("{} ; echo EXIT=$?", binary().display()));
    s.keys(&["Enter"]);
    s.wait_for("Library · 5 articles");
    s.wait_ready();
    // The help overlay lists the keys used below.
    s.keys(&["?"]);
    let help = s.wait_for("Keys");
    for doc in [
        "Mark or unmark the article",
        "Compare the two marked",
        "Open the topic palette",
        "Quit parallax",
    ] {
        assert!(help.contains(doc), "help lacks {doc:?}:\n{help}");
    }
    s.keys(&["Escape"]);
    // Open 000 and 002 side by side.
    s.keys(&["Space", "j", "Space", "c"]);
    let compare = s.wait_for("Compare 000 ⇄ 002");
    assert!(compare.contains("000 · US Russia"), "{compare}");
    // Jump to the next match.
    s.keys(&["n"]);
    s.wait_for("paired");
    // Topic palette: type, Enter, land on the section.
    s.keys(&["t"]);
    s.wait_for("Topics ·");
    s.type_literal("media framing");
    sleep(Duration::from_millis(200));
    s.keys(&["Enter"]);
    let reader = s.wait_for("line ");
    let second = reader.lines().nth(1).unwrap_or_default().to_lowercase();
    assert!(second.contains("media framing"), "reader top:\n{reader}");
    // Coverage matrix.
    s.keys(&["M"]);
    s.wait_for("Coverage · topics × articles");
    // Quit: the shell is back, the exit code is 0, the terminal is cooked.
    s.keys(&["q"]);
    let after = s.wait_for("EXIT=0");
    assert!(
        !after.contains("Coverage"),
        "alternate screen left:\n{after}"
    );
    s.type_literal(
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo; echo STTY-DONE",
    );
    s.keys(&["Enter"]);
    let stty = s.wait_for_line("STTY-DONE");
    let lines: Vec<&str> = stty.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"icanon") && lines.contains(&"echo"),
        "{stty}"
    );
    assert!(
        !lines.contains(&"-icanon") && !lines.contains(&"-echo"),
        "{stty}"
    );
}

#[test]
fn small_terminal_and_resize_do_not_break_it() {
    let s = Session::start("small", 80, 24);
    s.type_literal(&format!("{} ; echo EXIT=$?", binary().display()));
    s.keys(&["Enter"]);
    s.wait_for("Library");
    tmux(&["resize-window", "-t", &s.name, "-x", "30", "-y", "8"]);
    // Let the resize land before the key, then check the key took effect
    // at the small size (the status line shows the reader's position).
    sleep(Duration::from_millis(300));
    s.keys(&["Enter"]);
    s.wait_for("line ");
    tmux(&["resize-window", "-t", &s.name, "-x", "12", "-y", "3"]);
    sleep(Duration::from_millis(300));
    tmux(&["resize-window", "-t", &s.name, "-x", "80", "-y", "24"]);
    s.wait_for("line ");
    s.keys(&["C-c"]);
    s.wait_for("EXIT=0");
}

/// Start parallax in a shell through a uniquely named link, so a test can
/// signal exactly its own process.
fn start_linked(tag: &str, env: &str) -> (Session, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join(format!("parallax-{tag}"));
    std::os::unix::fs::symlink(binary(), &link).unwrap();
    let s = Session::start(tag, 100, 30);
    s.type_literal(&format!("{env} {} ; echo EXIT=$?", link.display()));
    s.keys(&["Enter"]);
    s.wait_for("Library · 5 articles");
    s.wait_ready();
    (s, link, dir)
}

fn assert_terminal_restored(s: &Session) {
    s.type_literal(
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo; echo STTY-DONE",
    );
    s.keys(&["Enter"]);
    let screen = s.wait_for_line("STTY-DONE");
    let lines: Vec<&str> = screen.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"icanon") && lines.contains(&"echo"),
        "{screen}"
    );
    assert!(
        !screen.contains("Library · 5"),
        "alternate screen left behind:\n{screen}"
    );
}

fn signal_exit(tag: &str, signal: &str, code: u8) {
    let (s, link, _dir) = start_linked(tag, "");
    let status = Command::new("pkill")
        .args([&format!("-{signal}"), "-f", link.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success(), "pkill found the process");
    s.wait_for(&format!("EXIT={code}"));
    assert_terminal_restored(&s);
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_exit("term", "TERM", 143);
}

#[test]
fn sighup_exits_promptly_and_restores() {
    signal_exit("hup", "HUP", 129);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_exit("int", "INT", 130);
}

#[test]
fn ctrl_c_quits_cleanly() {
    let (s, _link, _dir) = start_linked("ctrlc", "");
    s.keys(&["C-c"]);
    s.wait_for("EXIT=0");
    assert_terminal_restored(&s);
}

#[test]
fn a_panic_restores_the_terminal() {
    let (s, _link, _dir) = start_linked("panic", "PARALLAX_DEBUG_PANIC=1");
    s.keys(&["F12"]);
    let screen = s.wait_for("EXIT=101");
    assert!(
        screen.contains("debug panic"),
        "the panic message is readable:\n{screen}"
    );
    assert_terminal_restored(&s);
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let (s, _link, _dir) = start_linked("suspend", "");
    s.keys(&["Enter"]);
    s.wait_for("line 1/");
    s.keys(&["C-z"]);
    s.wait_for("Stopped");
    assert_terminal_restored(&s);
    // The shell moved on (its `echo EXIT` ran when the job stopped), so
    // after `fg` and `q` the proof is a cooked terminal and a main screen.
    s.type_literal("fg");
    s.keys(&["Enter"]);
    s.wait_for("line 1/");
    s.keys(&["q"]);
    assert_terminal_restored(&s);
}
