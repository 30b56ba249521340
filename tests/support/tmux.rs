//! A tmux session for end-to-end tests: start a shell at a fixed size,
//! type into it, read the screen back. tmux is installed when missing (CI
//! machines are fresh); a test fails if it cannot be had.
//!
//! Only two modules still use it, `reader/end_to_end.rs` and
//! `reader/signals.rs`: they need an interactive shell with job control
//! around the reader (ctrl-z, `fg`, `stty` in the terminal the reader gave
//! back) and a second, independent terminal emulator reading the result.
//! Everything else runs on the pseudo-terminal harness (`pty.rs`).
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Session {
    pub name: String,
}

pub fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("run tmux");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn ensure_tmux() {
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
    pub fn start(tag: &str, w: u16, h: u16) -> Session {
        Session::start_in(
            tag,
            w,
            h,
            &std::env::temp_dir().join(format!("parallax-data-{tag}-{}", std::process::id())),
        )
    }

    /// Start with `PARALLAX_DATA_DIR` set to `data`, so saved sessions stay
    /// inside the test.
    pub fn start_in(tag: &str, w: u16, h: u16, data: &std::path::Path) -> Session {
        ensure_tmux();
        let name = format!("parallax-test-{tag}-{}", std::process::id());
        let shell = format!(
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME=/tmp PARALLAX_DATA_DIR={} PS1='$ ' bash --norc --noprofile",
            data.display()
        );
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
                &shell,
            ])
            .status()
            .unwrap();
        assert!(status.success());
        Session { name }
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            tmux(&["send-keys", "-t", &self.name, k]);
            sleep(Duration::from_millis(60));
        }
    }

    pub fn type_literal(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    pub fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    /// Wait until the background analysis has filled in the library.
    pub fn wait_ready(&self) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains("Library · ") && !s.contains("analysing") {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "analysis never finished:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Wait until a line of the screen is exactly `line` (trailing spaces
    /// aside), or fail with the screen. Unlike [`Session::wait_for`], the
    /// command line that prints `line` does not count.
    pub fn wait_for_line(&self, line: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.lines().any(|l| l.trim_end() == line) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for the line {line:?}; screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen contains `needle` (or fail with the screen).
    pub fn wait_for(&self, needle: &str) -> String {
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

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}
