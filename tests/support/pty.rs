//! The real binary in a pseudo-terminal: every byte it writes is kept, so a
//! test can parse the whole stream afterwards. A background thread drains
//! the master side, because a full pty buffer would block the child.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle, sleep};
use std::time::{Duration, Instant};

/// Keys as a terminal sends them (xterm).
pub const PAGE_DOWN: &[u8] = b"\x1b[6~";
pub const DOWN: &[u8] = b"\x1b[B";
pub const ENTER: &[u8] = b"\r";
pub const TAB: &[u8] = b"\t";

/// The end of every frame parallax writes (synchronized update off).
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

/// The binary under test: Cargo's for tests, the release build for the
/// benchmarks that include this file.
pub fn binary() -> PathBuf {
    option_env!("CARGO_BIN_EXE_parallax")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/release/parallax"))
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    drain: Option<JoinHandle<()>>,
    /// A terminal emulator fed with the output, to read the screen back.
    screen: vt100::Parser,
    fed: usize,
    started: Instant,
    // Kept so the pty stays open until the child is gone.
    master: Box<dyn MasterPty + Send>,
}

impl Pty {
    /// Start `parallax ARGS...` at `cols`×`rows` with a small fixed
    /// environment (no colour preferences or config from the caller).
    pub fn spawn<S: AsRef<OsStr>>(args: &[S], cols: u16, rows: u16, config_dir: &OsStr) -> Pty {
        Pty::spawn_with_env(args, cols, rows, config_dir, &[])
    }

    /// [`Pty::spawn`] with extra environment variables.
    pub fn spawn_with_env<S: AsRef<OsStr>>(
        args: &[S],
        cols: u16,
        rows: u16,
        config_dir: &OsStr,
        env: &[(&str, &OsStr)],
    ) -> Pty {
        let mut all: Vec<(&str, &OsStr)> = vec![
            ("HOME", config_dir),
            ("PARALLAX_CONFIG_DIR", config_dir),
            ("XDG_CONFIG_HOME", config_dir),
        ];
        all.extend_from_slice(env);
        Pty::launch(&binary(), args, cols, rows, &all)
    }

    /// Start any program at `cols`×`rows` with only TERM, PATH and `env`
    /// (benchmarks start a given build, or `printf` for the harness floor).
    pub fn launch<S: AsRef<OsStr>>(
        program: &Path,
        args: &[S],
        cols: u16,
        rows: u16,
        env: &[(&str, &OsStr)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", "/usr/bin:/bin");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        // The child holds its own copy; ours would keep the pty open forever.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let drain = thread::spawn(move || {
            let mut buf = [0u8; 65536];
            // EOF or EIO once the child has exited and closed the slave.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let size = |n: u16| std::num::NonZero::new(n.max(1)).unwrap();
        Pty {
            child,
            writer,
            output,
            drain: Some(drain),
            screen: vt100::Parser::new(size(rows), size(cols), 0),
            fed: 0,
            started,
            master: pair.master,
        }
    }

    /// Resize the terminal, as a window manager would: the child
    /// gets SIGWINCH; the emulator takes the new size for what follows.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let _ = self.screen();
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        let size = |n: u16| std::num::NonZero::new(n.max(1)).unwrap();
        self.screen.screen_mut().set_size(size(rows), size(cols));
    }

    /// Everything written so far.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    pub fn output_len(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    /// Send one key (or typed text) and give the reader a moment, so keys
    /// that share a prefix with escape sequences are not read together.
    pub fn key(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
        sleep(Duration::from_millis(15));
    }

    /// Send many bytes at once, as a paste or key repeat over a slow link
    /// delivers them: no pause between keys.
    pub fn paste(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// CPU time the child has used so far (user + system), in clock ticks
    /// (`/proc/PID/stat`); counts, not wall-clock time.
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("stat");
        // Fields after the command name (which may hold spaces) in parens.
        let rest = &stat[stat.rfind(')').expect("comm") + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }

    /// How many threads the child runs now.
    /// The child's own threads: the worker pool's threads (named
    /// `parallax-worker-N`, idle between jobs and kept for the process's
    /// life) are not counted, so this says what work is under way.
    pub fn threads(&self) -> usize {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{}/task", self.pid())) else {
            return 0;
        };
        tasks
            .filter_map(|t| t.ok())
            .filter(|t| {
                let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
                !comm.starts_with("parallax-worke")
            })
            .count()
    }

    /// Wait until the child runs on one thread of its own only (its
    /// background work, such as the analysis, is done; see [`threads`]);
    /// false on timeout.
    pub fn wait_single_thread(&self, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.threads() == 1 {
                return true;
            }
            sleep(Duration::from_millis(50));
        }
        false
    }

    /// Wait until the library says the analysis is in (its status line no
    /// longer ends "analysing…") and the child is back to its own thread;
    /// false on timeout. The thread count alone is not enough: just after
    /// the library's first frame the analysis thread may not have started
    /// yet, and a key that needs the analysis would then be answered
    /// "Still analysing…" instead of acted on.
    pub fn wait_analysed(&mut self, timeout: Duration) -> bool {
        self.wait_screen(timeout, analysed_library) && self.wait_single_thread(timeout)
    }

    /// Frames written so far (each ends its synchronized update).
    pub fn frames(&self) -> usize {
        count(&self.output.lock().unwrap(), FRAME_END)
    }

    /// Time from spawn to the end of the first frame (benchmarks only).
    pub fn first_frame(&self, timeout: Duration) -> Option<Duration> {
        while self.started.elapsed() < timeout {
            if self.frames() > 0 {
                return Some(self.started.elapsed());
            }
            sleep(Duration::from_micros(200));
        }
        None
    }

    /// Send a key and return the bytes written in response: its frame and
    /// anything that follows within a short quiet period.
    pub fn action(&mut self, key: &[u8]) -> usize {
        let before = self.output_len();
        let frames = self.frames();
        self.paste(key);
        let start = Instant::now();
        while self.frames() == frames && start.elapsed() < Duration::from_secs(5) {
            sleep(Duration::from_micros(200));
        }
        self.settle(Duration::from_millis(15), Duration::from_secs(5));
        self.output_len() - before
    }

    /// Send keys without measuring, then wait until the screen is quiet.
    pub fn send(&mut self, keys: &[u8]) {
        self.paste(keys);
        self.settle(Duration::from_millis(40), Duration::from_secs(10));
    }

    /// Peak resident memory of the child (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Quit with `q` and wait for the exit status.
    pub fn quit(mut self) -> Option<u32> {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        self.wait_exit(Duration::from_secs(10))
    }

    /// CPU ticks used over one quiet second (nothing sent, nothing to do).
    pub fn idle_ticks(&self) -> u64 {
        let before = self.cpu_ticks();
        sleep(Duration::from_secs(1));
        self.cpu_ticks() - before
    }

    pub fn keys(&mut self, bytes: &[u8], times: usize) {
        for _ in 0..times {
            self.key(bytes);
        }
    }

    /// The screen as a terminal would show it now, one line per row.
    pub fn screen(&mut self) -> String {
        let out = self.output.lock().unwrap();
        self.screen.process(&out[self.fed..]);
        self.fed = out.len();
        self.screen.screen().contents()
    }

    /// Whether the emulator shows the alternate screen now.
    pub fn on_alternate_screen(&mut self) -> bool {
        let _ = self.screen();
        self.screen.screen().alternate_screen()
    }

    /// One screen row as (column, cell text) for each cell that starts a
    /// character, so a wide character's second column is left out.
    pub fn row_cells(&mut self, row: u16) -> Vec<(u16, String)> {
        self.screen();
        let screen = self.screen.screen();
        let (_, cols) = screen.size();
        (0..cols.get())
            .filter_map(|c| {
                let cell = screen.cell(row, c)?;
                (!cell.is_wide_continuation()).then(|| (c, cell.contents().to_string()))
            })
            .collect()
    }

    pub fn rows(&mut self) -> u16 {
        self.screen();
        self.screen.screen().size().0.get()
    }

    /// The top row of the screen (the reader's title line).
    pub fn title(&mut self) -> String {
        self.screen().lines().next().unwrap_or_default().to_string()
    }

    /// Wait until the output contains `needle` (as bytes); false on timeout.
    pub fn wait_for(&self, needle: &[u8], timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self
                .output
                .lock()
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                return true;
            }
            sleep(Duration::from_millis(20));
        }
        false
    }

    /// Wait until the emulated screen satisfies `done`; false on timeout.
    pub fn wait_screen(&mut self, timeout: Duration, done: impl Fn(&str) -> bool) -> bool {
        self.wait_screen_every(timeout, Duration::from_millis(50), done)
    }

    /// [`Self::wait_screen`], looking every `every` (benchmarks look often).
    pub fn wait_screen_every(
        &mut self,
        timeout: Duration,
        every: Duration,
        done: impl Fn(&str) -> bool,
    ) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if done(&self.screen()) {
                return true;
            }
            sleep(every);
        }
        false
    }

    /// Wait until nothing new was written for `quiet`, or `timeout` passed.
    /// Only paces the test; nothing is asserted about how long it took.
    pub fn settle(&self, quiet: Duration, timeout: Duration) {
        let start = Instant::now();
        let mut last = (self.output_len(), Instant::now());
        while start.elapsed() < timeout {
            sleep(Duration::from_millis(10));
            let n = self.output_len();
            if n != last.0 {
                last = (n, Instant::now());
            } else if last.1.elapsed() >= quiet {
                return;
            }
        }
    }

    /// Wait for the child to exit; its exit code, or `None` if it was still
    /// running after `timeout` (it is killed then, so a hang fails the test
    /// instead of stalling it).
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                if let Some(d) = self.drain.take() {
                    let _ = d.join();
                }
                return Some(status.exit_code());
            }
            sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        None
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Whether `screen` shows the library with its analysis in: its own status
/// line (the loading screen's says "read N of M files", and a frame still
/// being written keeps the last one at the bottom) without "analysing…".
pub fn analysed_library(screen: &str) -> bool {
    let status = screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    status.contains(" marked") && !status.contains("analysing…")
}
