//! End to end: the real binary in tmux, driven with the keys the help
//! shows, read back with capture-pane. tmux is installed when missing (CI
//! machines are fresh); the test fails if it cannot be had.

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("run tmux");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn ensure_tmux() {
    if Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return;
    }
    let _ = Command::new("sh")
        .args(["-c", "apt-get update -qq && apt-get install -y -qq tmux"])
        .status();
    assert!(
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success()),
        "tmux is needed for the end-to-end tests and could not be installed"
    );
}

impl Session {
    fn start(tag: &str, w: u16, h: u16) -> Session {
        ensure_tmux();
        let name = format!("parallax-test-{tag}-{}", std::process::id());
        let shell = "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME=/tmp PS1='$ ' bash --norc --noprofile";
        tmux(&["kill-session", "-t", &name]);
        let status = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                shell,
            ])
            .status()
            .unwrap();
        assert!(status.success());
        Session { name }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            tmux(&["send-keys", "-t", &self.name, k]);
            sleep(Duration::from_millis(60));
        }
    }

    fn type_literal(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    /// Wait until the screen contains `needle` (or fail with the screen).
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {needle:?}; screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.name]);
    }
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}

#[test]
fn a_new_user_compares_searches_and_quits_cleanly() {
    let s = Session::start("tour", 120, 40);
    s.type_literal(&format!("{} ; echo EXIT=$?", binary().display()));
    s.keys(&["Enter"]);
    s.wait_for("Library · 5 articles");
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
    s.keys(&["/"]);
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
    s.type_literal("stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo");
    s.keys(&["Enter"]);
    let stty = s.wait_for("echo\n");
    let lines: Vec<&str> = stty.lines().map(str::trim).collect();
    assert!(lines.contains(&"icanon") && lines.contains(&"echo"), "{stty}");
    assert!(!lines.contains(&"-icanon") && !lines.contains(&"-echo"), "{stty}");
}

#[test]
fn small_terminal_and_resize_do_not_break_it() {
    let s = Session::start("small", 80, 24);
    s.type_literal(&format!("{} ; echo EXIT=$?", binary().display()));
    s.keys(&["Enter"]);
    s.wait_for("Library");
    tmux(&["resize-window", "-t", &s.name, "-x", "30", "-y", "8"]);
    s.keys(&["Enter"]);
    sleep(Duration::from_millis(300));
    tmux(&["resize-window", "-t", &s.name, "-x", "12", "-y", "3"]);
    sleep(Duration::from_millis(300));
    tmux(&["resize-window", "-t", &s.name, "-x", "80", "-y", "24"]);
    s.wait_for("line ");
    s.keys(&["C-c"]);
    s.wait_for("EXIT=0");
}
