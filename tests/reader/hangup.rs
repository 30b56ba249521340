//! A terminal that goes away under the reader: closed like an SSH
//! connection that drops (the kernel sends SIGHUP to the session leader),
//! or without any SIGHUP reaching the reader (not the terminal's session
//! leader or foreground job: started under a supervisor, by `setsid`, or
//! its shell was killed outright). Either way the reader must notice and
//! exit instead of running on.
//!
//! Before the fix the reader kept running and spun at full speed inside
//! crossterm's `event::poll` (its read loop retries a 0-byte or EIO read
//! forever and never returns, so even the SIGHUP flag was never looked
//! at). Now the reader reads the terminal itself, and end of file or a
//! read error is a hang-up. See HARDENING.md.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A pty pair (master, slave) that is nobody's controlling terminal.
fn openpty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
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
    // Close-on-exec: a child that inherited the master would keep its own
    // terminal alive and never see the hang-up.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

#[test]
fn the_reader_exits_when_its_terminal_is_closed() {
    assert_exits_after_hangup(true);
}

#[test]
fn the_reader_exits_when_its_terminal_hangs_up_without_sighup() {
    assert_exits_after_hangup(false);
}

/// Start the reader on a fresh pty (its controlling terminal or not), let
/// it draw, close the master side, and wait for the reader to exit.
fn assert_exits_after_hangup(controlling: bool) {
    let (master, slave) = openpty();
    let stdio = || Stdio::from(slave.try_clone().unwrap());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color")
        .env("PARALLAX_CONFIG_DIR", "/nonexistent-parallax-config")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio());
    // A session of its own; with the pty as its controlling terminal the
    // hangup sends it SIGHUP, without it no signal at all.
    unsafe {
        cmd.pre_exec(move || {
            libc::setsid();
            if controlling && libc::ioctl(0, libc::TIOCSCTTY, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(slave);
    // Let it draw (drain what it writes so it never blocks), then hang up.
    let start = Instant::now();
    let mut buf = [0u8; 65536];
    unsafe {
        libc::fcntl(master.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK);
    }
    // A frame ends with the end of its synchronized update.
    let frame_end = b"\x1b[?2026l";
    let mut drawn: Vec<u8> = Vec::new();
    let framed = |d: &[u8]| d.windows(frame_end.len()).any(|w| w == frame_end);
    while start.elapsed() < Duration::from_secs(30) && !framed(&drawn) {
        let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            drawn.extend_from_slice(&buf[..n as usize]);
        } else {
            sleep(Duration::from_millis(20));
        }
    }
    assert!(framed(&drawn), "the reader drew its first frame");
    drop(master);
    let gone = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if gone.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        sleep(Duration::from_millis(50));
    };
    assert!(
        status.is_some(),
        "still running 30 s after its terminal hung up"
    );
}
