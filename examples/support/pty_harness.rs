//! The real `parallax` binary in a pseudo-terminal at a fixed size: send
//! keys, count the bytes each action writes, time the first frame, read the
//! peak memory. Shared by `examples/bench_pty.rs` (BENCHMARKS.md) and
//! `tests/pty_budgets.rs` (byte budgets, no timings).
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The end of every frame parallax writes (synchronized update off).
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

pub struct Harness {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    out: Arc<Mutex<Vec<u8>>>,
    started: Instant,
    _master: Box<dyn MasterPty + Send>,
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

impl Harness {
    pub fn spawn(
        bin: &Path,
        args: &[String],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Harness {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", "/usr/bin:/bin");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("output lock")
                    .extend_from_slice(&buf[..n]);
            }
        });
        Harness {
            child,
            writer,
            out,
            started,
            _master: pair.master,
        }
    }

    pub fn bytes(&self) -> usize {
        self.out.lock().expect("output lock").len()
    }

    pub fn frames(&self) -> usize {
        count(&self.out.lock().expect("output lock"), FRAME_END)
    }

    pub fn output(&self) -> Vec<u8> {
        self.out.lock().expect("output lock").clone()
    }

    /// Time from spawn to the end of the first frame.
    pub fn first_frame(&self, timeout: Duration) -> Option<Duration> {
        while self.started.elapsed() < timeout {
            if self.frames() > 0 {
                return Some(self.started.elapsed());
            }
            sleep(Duration::from_micros(200));
        }
        None
    }

    /// Wait until nothing has been written for `quiet`.
    pub fn settle(&self, quiet: Duration, timeout: Duration) {
        let start = Instant::now();
        let mut last = self.bytes();
        let mut since = Instant::now();
        while start.elapsed() < timeout {
            sleep(Duration::from_millis(2));
            let now = self.bytes();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return;
            }
        }
    }

    /// Send a key and return the bytes written in response (its frame and
    /// anything that follows within a short quiet period).
    pub fn action(&mut self, key: &[u8]) -> usize {
        let before = self.bytes();
        let frames = self.frames();
        self.writer.write_all(key).expect("send key");
        self.writer.flush().expect("flush key");
        let start = Instant::now();
        while self.frames() == frames && start.elapsed() < Duration::from_secs(5) {
            sleep(Duration::from_micros(200));
        }
        self.settle(Duration::from_millis(15), Duration::from_secs(5));
        self.bytes() - before
    }

    /// Send keys without measuring.
    pub fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("send keys");
        self.writer.flush().expect("flush keys");
        self.settle(Duration::from_millis(40), Duration::from_secs(10));
    }

    /// Peak resident memory of the child (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Wait until the child runs on one thread of its own only: the
    /// background analysis has finished (the worker pool's idle threads,
    /// named `parallax-worker-N` and kept for the process's life, do not
    /// count). False on timeout.
    pub fn wait_single_threaded(&self, timeout: Duration) -> bool {
        let Some(pid) = self.child.process_id() else {
            return false;
        };
        let own_threads = || -> Option<usize> {
            let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
            Some(
                tasks
                    .filter_map(|t| t.ok())
                    .filter(|t| {
                        let comm =
                            std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
                        !comm.starts_with("parallax-worke")
                    })
                    .count(),
            )
        };
        let start = Instant::now();
        while start.elapsed() < timeout {
            if own_threads() == Some(1) {
                return true;
            }
            sleep(Duration::from_millis(20));
        }
        false
    }

    /// Quit with `q` and wait for the exit status.
    pub fn quit(mut self) -> Option<u32> {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            sleep(Duration::from_millis(5));
        }
        let _ = self.child.kill();
        None
    }
}

/// Keys as an xterm sends them.
pub mod keys {
    pub const DOWN: &[u8] = b"\x1b[B";
    pub const PAGE_DOWN: &[u8] = b"\x1b[6~";
}
