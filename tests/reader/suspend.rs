//! Suspended, then the connection drops: the reader is stopped with
//! ctrl-z in a job-control shell, the terminal hangs up (as when an SSH
//! connection drops) and the shell's signals arrive (HUP, TERM, CONT). The
//! reader must wake, save its session and exit cleanly: no panic while
//! writing to a terminal that is gone.
//!
//! The shell is bash on a pseudo-terminal. When it exits, the reader is
//! handed to this test process (a child subreaper), so its exit status can
//! be read. One test in this file: the subreaper setting is per process.

use crate::support::raw_pty;

use raw_pty::RawPty;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < WAIT, "timed out waiting for {what}");
        sleep(Duration::from_millis(20));
    }
}

/// The process state letter from `/proc/PID/stat` (`T` when stopped).
fn state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 2..].chars().next()
}

/// The pid of a process named `parallax` among the children of `parent`.
fn parallax_child(parent: u32) -> Option<i32> {
    let children =
        std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children")).ok()?;
    children
        .split_whitespace()
        .filter_map(|p| p.parse::<i32>().ok())
        .find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim() == "parallax")
        })
}

#[test]
fn a_suspended_reader_saves_and_exits_cleanly_when_the_connection_drops() {
    // SAFETY: a plain prctl on this process.
    assert_eq!(
        unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) },
        0
    );
    let data = tempfile::tempdir().unwrap();
    let mut term = RawPty::open(100, 30);
    let mut cmd = Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm-256color")
        .env("PS1", "$ ")
        .env("HOME", data.path())
        .env("PARALLAX_CONFIG_DIR", data.path())
        .env("PARALLAX_DATA_DIR", data.path());
    // The shell leads a session on the pty, as a login over SSH does.
    let mut shell = term.spawn(cmd);
    let shell_pid = shell.0.id();
    wait_until("the shell prompt", || term.shows(b"$ "));
    term.send(format!("{}\r", env!("CARGO_BIN_EXE_parallax")).as_bytes());
    wait_until("the library", || {
        term.shows("Library · 5 articles".as_bytes())
    });
    let pid = parallax_child(shell_pid).expect("parallax runs under the shell");
    term.send(b"\r");
    wait_until("the reader", || term.shows(b"line 1/"));
    term.send(b"\x1a");
    wait_until("the reader to stop", || state(pid) == Some('T'));

    // The connection drops: the terminal hangs up, and the shell's
    // signals reach the stopped job.
    drop(term);
    for sig in [libc::SIGHUP, libc::SIGTERM, libc::SIGCONT] {
        // SAFETY: signalling a process this test started.
        unsafe { libc::kill(pid, sig) };
    }
    let _ = shell.0.wait();
    // Once the shell is gone the reader is this process's child.
    let mut status = 0;
    wait_until("the reader to exit", || {
        // SAFETY: status is a valid out pointer.
        unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) == pid }
    });
    assert!(
        libc::WIFEXITED(status),
        "exited normally, not killed (status {status:#x})"
    );
    let code = libc::WEXITSTATUS(status);
    assert!(
        code == 128 + libc::SIGHUP || code == 128 + libc::SIGTERM,
        "exit code {code} (101 is a panic)"
    );
    let saved = std::fs::read_to_string(data.path().join("default.json")).expect("session saved");
    let session: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(session["view"], "reader", "{saved}");
}
