//! End to end: the real binary in an interactive shell on a pseudo-terminal,
//! driven with the keys the help shows, read back through a terminal
//! emulator; then the shell's own view of the terminal it got back.

use crate::support::shell::{Shell, binary};

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

fn shell(cols: u16, rows: u16) -> (Shell, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    (Shell::start(cols, rows, home.path(), &[]), home)
}

#[test]
fn a_new_user_compares_searches_and_quits_cleanly() {
    let (mut s, _home) = shell(120, 40);
    s.run(&format!("{} ; echo EXIT=$?", binary().display()));
    s.wait_for("Library · 5 articles");
    // The help overlay lists the keys used below.
    s.key(b"?");
    s.wait_for("Keys");
    // A frame may be read half written: wait for each line. The global
    // keys come a page down, under the library's columns and keys.
    for doc in ["Mark or unmark the article", "Compare the two marked"] {
        s.wait_for(doc);
    }
    s.key(b"\x1b[6~");
    for doc in ["Open the topic palette", "Quit parallax"] {
        s.wait_for(doc);
    }
    s.key(b"\x1b");
    // Open 000 and 002 side by side.
    for k in [b" ", b"j", b" "] {
        s.key(k);
    }
    let compare = s.press_until(b"c", "Compare 000 ⇄ 002");
    assert!(compare.contains("000 · US Russia"), "{compare}");
    s.wait_for("paired");
    // Jump to the next match.
    s.key(b"n");
    // Topic palette: type, Enter, land on the section.
    s.key(b"t");
    s.wait_for("Topics ·");
    s.pty.paste(b"media framing");
    sleep(Duration::from_millis(200));
    s.key(b"\r");
    let reader = s.wait_for("line ");
    let second = reader.lines().nth(1).unwrap_or_default().to_lowercase();
    assert!(second.contains("media framing"), "reader top:\n{reader}");
    // Coverage matrix.
    s.key(b"M");
    s.wait_for("Coverage · topics × articles");
    // Quit: the shell is back, the exit code is 0, the terminal is cooked.
    s.key(b"q");
    s.wait_for("EXIT=0");
    s.assert_restored("Coverage");
}

#[test]
fn small_terminal_and_resize_do_not_break_it() {
    let (mut s, _home) = shell(80, 24);
    s.run(&format!("{} ; echo EXIT=$?", binary().display()));
    s.wait_for("Library");
    s.pty.resize(30, 8);
    // Let the resize land before the key, then check the key took effect
    // at the small size (the status line shows the reader's position).
    sleep(Duration::from_millis(300));
    s.key(b"\r");
    s.wait_for("line ");
    s.pty.resize(12, 3);
    sleep(Duration::from_millis(300));
    s.pty.resize(80, 24);
    s.wait_for("line ");
    s.key(b"\x03");
    s.wait_for("EXIT=0");
}

/// Start parallax in a shell through a uniquely named link, so a test can
/// signal exactly its own process.
fn start_linked(tag: &str, env: &str) -> (Shell, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join(format!("parallax-{tag}"));
    std::os::unix::fs::symlink(binary(), &link).unwrap();
    let mut s = Shell::start(100, 30, dir.path(), &[]);
    s.run(&format!("{env} {} ; echo EXIT=$?", link.display()));
    s.wait_for("Library · 5 articles");
    (s, link, dir)
}

fn signal_exit(tag: &str, signal: &str, code: u8) {
    let (mut s, link, _dir) = start_linked(tag, "");
    let status = Command::new("pkill")
        .args([&format!("-{signal}"), "-f", link.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success(), "pkill found the process");
    s.wait_for(&format!("EXIT={code}"));
    s.assert_restored("Library · 5");
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
    let (mut s, _link, _dir) = start_linked("ctrlc", "");
    s.key(b"\x03");
    s.wait_for("EXIT=0");
    s.assert_restored("Library · 5");
}

#[test]
fn a_panic_restores_the_terminal() {
    let (mut s, _link, _dir) = start_linked("panic", "PARALLAX_DEBUG_PANIC=1");
    // F12, as xterm sends it.
    s.key(b"\x1b[24~");
    let screen = s.wait_for("EXIT=101");
    assert!(
        screen.contains("debug panic"),
        "the panic message is readable:\n{screen}"
    );
    s.assert_restored("Library · 5");
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let (mut s, _link, _dir) = start_linked("suspend", "");
    s.key(b"\r");
    s.wait_for("line 1/");
    s.key(b"\x1a");
    s.wait_for("Stopped");
    s.assert_restored("line 1/");
    // The shell moved on (its `echo EXIT` ran when the job stopped), so
    // after `fg` and `q` the proof is a cooked terminal and a main screen.
    s.run("fg");
    s.wait_for("line 1/");
    s.key(b"q");
    s.wait_main_screen();
    s.assert_restored("line 1/");
}
