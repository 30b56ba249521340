//! An interactive bash on the pseudo-terminal harness, for end-to-end
//! tests that need what a user's terminal has around the reader: job
//! control (ctrl-z, `fg`), `stty` in the terminal the reader gave back, the
//! exit code a shell prints. The screen is read back through vt100, which
//! tracks the alternate screen, so "the reader left it" is checkable.
#![allow(dead_code)]

use super::pty::Pty;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Generous: only paces a test on a loaded machine, never measured.
pub const WAIT: Duration = Duration::from_secs(60);

pub struct Shell {
    pub pty: Pty,
}

/// The binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}

impl Shell {
    /// bash without rc files, prompt `$ `, HOME and parallax's folders in
    /// `home`, plus `env`.
    pub fn start(cols: u16, rows: u16, home: &Path, env: &[(&str, &OsStr)]) -> Shell {
        let mut all: Vec<(&str, &OsStr)> = vec![
            ("PS1", OsStr::new("$ ")),
            ("HOME", home.as_os_str()),
            ("PARALLAX_CONFIG_DIR", home.as_os_str()),
            ("PARALLAX_DATA_DIR", home.as_os_str()),
        ];
        all.extend_from_slice(env);
        let pty = Pty::launch(
            Path::new("/bin/bash"),
            &["--norc", "--noprofile", "-i"],
            cols,
            rows,
            &all,
        );
        let mut shell = Shell { pty };
        shell.wait_for("$ ");
        shell
    }

    /// Type a command line and press enter.
    pub fn run(&mut self, line: &str) {
        self.pty.paste(line.as_bytes());
        self.pty.key(b"\r");
    }

    /// Send key bytes (`b"\x1a"` is ctrl-z).
    pub fn key(&mut self, bytes: &[u8]) {
        self.pty.key(bytes);
    }

    pub fn screen(&mut self) -> String {
        self.pty.screen()
    }

    /// Wait until the screen shows `needle`, or fail with the screen.
    #[track_caller]
    pub fn wait_for(&mut self, needle: &str) -> String {
        if !self.pty.wait_screen(WAIT, |s| s.contains(needle)) {
            panic!("waited for {needle:?}; screen:\n{}", self.pty.screen());
        }
        self.pty.screen()
    }

    /// Wait until a line of the screen is exactly `line` (trailing spaces
    /// aside): the command line that prints it does not count.
    #[track_caller]
    pub fn wait_for_line(&mut self, line: &str) -> String {
        let found = |s: &str| s.lines().any(|l| l.trim_end() == line);
        if !self.pty.wait_screen(WAIT, found) {
            panic!(
                "waited for the line {line:?}; screen:\n{}",
                self.pty.screen()
            );
        }
        self.pty.screen()
    }

    /// Wait until the reader has left the alternate screen (after `q` in a
    /// job that `fg` brought back, the shell prints nothing to wait for).
    #[track_caller]
    pub fn wait_main_screen(&mut self) {
        let start = Instant::now();
        while self.pty.on_alternate_screen() {
            assert!(start.elapsed() < WAIT, "still on the alternate screen");
            std::thread::sleep(Duration::from_millis(20));
        }
        // The shell's prompt follows the reader's exit.
        self.wait_for("$ ");
    }

    /// Raw mode off (the shell's `stty` sees canonical input and echo) and
    /// the alternate screen left: `gone` is something only the reader drew.
    #[track_caller]
    pub fn assert_restored(&mut self, gone: &str) {
        self.run("stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo; echo STTY-DONE");
        let screen = self.wait_for_line("STTY-DONE");
        let lines: Vec<&str> = screen.lines().map(str::trim).collect();
        assert!(
            lines.contains(&"icanon") && lines.contains(&"echo"),
            "{screen}"
        );
        assert!(
            !lines.contains(&"-icanon") && !lines.contains(&"-echo"),
            "{screen}"
        );
        assert!(
            !self.pty.on_alternate_screen() && !screen.contains(gone),
            "alternate screen left behind:\n{screen}"
        );
    }

    /// Press `key` until the screen shows `needle`: while the analysis is
    /// still running some keys answer "Still analysing…", and a user would
    /// simply press again.
    #[track_caller]
    pub fn press_until(&mut self, key: &[u8], needle: &str) -> String {
        let start = Instant::now();
        loop {
            self.pty.key(key);
            if self
                .pty
                .wait_screen(Duration::from_secs(2), |s| s.contains(needle))
            {
                return self.pty.screen();
            }
            assert!(
                start.elapsed() < WAIT,
                "no {needle:?}:\n{}",
                self.pty.screen()
            );
        }
    }
}
