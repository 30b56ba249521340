//! Signals from outside, end to end in tmux: every catchable signal whose
//! default action ends the process restores the terminal and saves the
//! session; a stop from outside (SIGTSTP or SIGSTOP) and `fg` leave the
//! reader working in raw mode, as ctrl-z does.

use crate::support::tmux;

use std::path::PathBuf;
use std::process::Command;
use tmux::{Session, binary};

struct Reader {
    shell: Session,
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
    let shell = Session::start_in(&format!("sig-{tag}"), 100, 30, data.path());
    shell.type_literal(&format!("{} ; echo EXIT=$?", link.display()));
    shell.keys(&["Enter"]);
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
    shell.keys(&["Enter"]);
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

/// Raw mode off (the shell's `stty` sees canonical input and echo) and
/// the alternate screen left.
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
        !screen.contains("line 1/"),
        "alternate screen left behind:\n{screen}"
    );
}

fn ends_restored_and_saved(tag: &str, sig: i32) {
    let r = start(tag);
    r.signal(sig);
    r.shell.wait_for(&format!("EXIT={}", 128 + sig));
    assert_terminal_restored(&r.shell);
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
    let r = start(tag);
    r.signal(sig);
    r.shell.wait_for("Stopped");
    r.shell.type_literal("fg");
    r.shell.keys(&["Enter"]);
    r.shell.wait_for("line 1/");
    // `j` scrolls one line in the reader, at once, with no Enter.
    r.shell.keys(&["j"]);
    r.shell.wait_for("line 2/");
    r.shell.keys(&["q"]);
    assert_terminal_restored(&r.shell);
}

#[test]
fn sigtstp_from_outside_then_fg_keeps_the_reader_working() {
    stopped_from_outside_then_fg("tstp", libc::SIGTSTP);
}

#[test]
fn sigstop_from_outside_then_fg_keeps_the_reader_working() {
    stopped_from_outside_then_fg("stop", libc::SIGSTOP);
}
