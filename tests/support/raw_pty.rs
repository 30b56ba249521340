//! A pseudo-terminal opened with libc, for what portable-pty and vt100
//! cannot do: a window of any size (up to 65535×65535, which no emulator
//! should allocate), a child that leads its own session on it, and a
//! master closed for real (no reader thread keeping a copy open). The
//! master is non-blocking and read on demand.
#![allow(dead_code)]

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct RawPty {
    master: OwnedFd,
    slave: Option<OwnedFd>,
    /// Everything the child wrote so far (as far as read).
    pub seen: Vec<u8>,
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl RawPty {
    pub fn open(cols: u16, rows: u16) -> RawPty {
        let (mut master, mut slave) = (0, 0);
        let size = winsize(cols, rows);
        // SAFETY: valid out pointers; the fds are owned below.
        let ok = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(ok, 0, "openpty");
        // SAFETY: plain fcntl calls on fds we own. Close-on-exec: a child
        // that inherited the master would keep its own terminal alive.
        unsafe {
            libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
            libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
            libc::fcntl(master, libc::F_SETFL, libc::O_NONBLOCK);
        }
        // SAFETY: openpty returned two new fds.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        RawPty {
            master,
            slave: Some(slave),
            seen: Vec::new(),
        }
    }

    /// Start `cmd` on the pty as the leader of a new session whose
    /// controlling terminal the pty is (as a login shell is). The child
    /// is killed when the returned handle is dropped (a failed test leaves
    /// nothing running) and may map at most 4 GiB (a runaway allocation
    /// fails instead of filling the machine).
    pub fn spawn(&mut self, mut cmd: Command) -> Spawned {
        let slave = self.slave.take().expect("one child per pty");
        let stdio = || Stdio::from(slave.try_clone().unwrap());
        cmd.stdin(stdio()).stdout(stdio()).stderr(stdio());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 4 << 30,
                    rlim_max: 4 << 30,
                };
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                libc::setsid();
                if libc::ioctl(0, libc::TIOCSCTTY, 0) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        Spawned(cmd.spawn().expect("spawn on the pty"))
    }

    /// Read what is waiting; true if `needle` was written at any time.
    pub fn shows(&mut self, needle: &[u8]) -> bool {
        let mut buf = [0u8; 65536];
        loop {
            // SAFETY: buf is valid for its length.
            let n =
                unsafe { libc::read(self.master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                break;
            }
            self.seen.extend_from_slice(&buf[..n as usize]);
        }
        needle.is_empty() || self.seen.windows(needle.len()).any(|w| w == needle)
    }

    /// Wait (reading) until `needle` was written; false on timeout.
    pub fn wait_for(&mut self, needle: &[u8], timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.shows(needle) {
                return true;
            }
            sleep(Duration::from_millis(20));
        }
        false
    }

    pub fn send(&mut self, bytes: &[u8]) {
        // SAFETY: bytes is valid for its length.
        let n = unsafe { libc::write(self.master.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
        assert_eq!(n, bytes.len() as isize, "write to the terminal");
        sleep(Duration::from_millis(50));
    }

    /// Change the window size; the kernel sends SIGWINCH to the
    /// terminal's foreground process group.
    pub fn resize(&self, cols: u16, rows: u16) {
        let size = winsize(cols, rows);
        // SAFETY: a valid winsize for TIOCSWINSZ.
        assert_eq!(
            unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) },
            0
        );
    }
}

/// A child that is killed if still running when dropped.
pub struct Spawned(pub Child);

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Wait for `child` to exit, reading the pty meanwhile so its writes never
/// block; its exit code, or `None` if it was killed by a signal or still
/// ran after `timeout` (then it is killed, so a hang fails the test).
pub fn wait_exit(pty: &mut RawPty, child: &mut Spawned, timeout: Duration) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        pty.shows(b"");
        if let Some(status) = child.0.try_wait().unwrap() {
            return status.code();
        }
        sleep(Duration::from_millis(20));
    }
    let _ = child.0.kill();
    let _ = child.0.wait();
    None
}
