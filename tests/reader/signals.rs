//! Signals from outside, end to end in a job-control shell: every catchable
//! signal whose default action ends the process restores the terminal and
//! saves the session; a stop from outside (SIGTSTP or SIGSTOP) and `fg`
//! leave the reader working in raw mode, as ctrl-z does.

use crate::support::shell::{Shell, binary};

use std::path::PathBuf;
use std::process::Command;

struct Reader {
    shell: Shell,
    pid: i32,
    data: tempfile::TempDir,
    _link_dir: tempfile::TempDir,
}

/// Start parallax in a shell through a uniquely named link (so the test
/// finds exactly its own process) and open the first article.
fn start(tag: &str) -> Reader {
    let data = tempfile::tempdir().unwrap();
    let link_dir = tempfile::tempdir().unwrap();
    let link: PathBuf = link_dir.path().join(format!("parallax-sig-{tag}"));
    std::os::unix::fs::symlink(binary(), &link).unwrap();
    let mut shell = Shell::start(100, 30, data.path(), &[]);
    shell.run(&format!("{} ; echo EXIT=$?", link.display()));
    shell.wait_for("Library · 5 articles");
    let out = Command::new("pgrep")
        .args(["-f", &link.display().to_string()])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .expect("the reader's pid");
    shell.key(b"\r");
    shell.wait_for("line 1/");
    Reader {
        shell,
        pid,
        data,
        _link_dir: link_dir,
    }
}

impl Reader {
    fn signal(&self, sig: i32) {
        // SAFETY: signalling the process this test started.
        assert_eq!(unsafe { libc::kill(self.pid, sig) }, 0);
    }

    fn saved_view(&self) -> Option<String> {
        let text = std::fs::read_to_string(self.data.path().join("default.json")).ok()?;
        let session: serde_json::Value = serde_json::from_str(&text).ok()?;
        session["view"].as_str().map(str::to_string)
    }
}

fn ends_restored_and_saved(tag: &str, sig: i32) {
    let mut r = start(tag);
    r.signal(sig);
    r.shell.wait_for(&format!("EXIT={}", 128 + sig));
    r.shell.assert_restored("line 1/");
    assert_eq!(
        r.saved_view().as_deref(),
        Some("reader"),
        "session saved on signal {sig}"
    );
}

#[test]
fn sigquit_restores_and_saves() {
    ends_restored_and_saved("quit", libc::SIGQUIT);
}

#[test]
fn sigusr1_restores_and_saves() {
    ends_restored_and_saved("usr1", libc::SIGUSR1);
}

#[test]
fn sigalrm_restores_and_saves() {
    ends_restored_and_saved("alrm", libc::SIGALRM);
}

#[test]
fn a_realtime_signal_restores_and_saves() {
    ends_restored_and_saved("rt", libc::SIGRTMIN() + 2);
}

/// Stopped from outside, then `fg`: the reader takes keys at once (raw
/// mode: no Enter needed, nothing echoed) and quits cleanly.
fn stopped_from_outside_then_fg(tag: &str, sig: i32) {
    let mut r = start(tag);
    r.signal(sig);
    r.shell.wait_for("Stopped");
    r.shell.run("fg");
    r.shell.wait_for("line 1/");
    // `j` scrolls one line in the reader, at once, with no Enter.
    r.shell.key(b"j");
    r.shell.wait_for("line 2/");
    r.shell.key(b"q");
    r.shell.wait_main_screen();
    r.shell.assert_restored("line 2/");
}

#[test]
fn sigtstp_from_outside_then_fg_keeps_the_reader_working() {
    stopped_from_outside_then_fg("tstp", libc::SIGTSTP);
}

#[test]
fn sigstop_from_outside_then_fg_keeps_the_reader_working() {
    stopped_from_outside_then_fg("stop", libc::SIGSTOP);
}
