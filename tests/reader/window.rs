//! Absurd window sizes: 65535×65535 from the start, and 10000×10000 by a
//! resize while running. The reader draws at most a capped area (and says
//! so), never allocates by the window's area, answers keys, and quits
//! with the terminal restored.

use crate::support::raw_pty;

use raw_pty::{RawPty, Spawned, wait_exit};
use std::process::Command;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);
/// The notice in the status line when the window is larger than drawn.
const NOTICE: &[u8] = b"drawn at 1000";

/// The reader on `pty`, saving its session in `data`.
fn reader(pty: &mut RawPty, data: &tempfile::TempDir) -> Spawned {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm-256color")
        .env("PARALLAX_CONFIG_DIR", "/nonexistent-parallax-config")
        .env("PARALLAX_DATA_DIR", data.path());
    pty.spawn(cmd)
}

/// Peak resident memory of a process, in MiB.
fn peak_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |kib| kib / 1024)
}

#[test]
fn a_65535_square_window_is_drawn_capped_and_quits() {
    let mut pty = RawPty::open(65535, 65535);
    let data = tempfile::tempdir().unwrap();
    let mut child = reader(&mut pty, &data);
    assert!(
        pty.wait_for(NOTICE, WAIT),
        "the capped frame and its notice"
    );
    assert!(pty.shows(b"Library"), "the library is drawn");
    let peak = peak_mib(child.0.id());
    println!("65535x65535: peak {peak} MiB");
    pty.send(b"j");
    pty.send(b"q");
    assert_eq!(wait_exit(&mut pty, &mut child, WAIT), Some(0), "q quits");
    assert!(pty.shows(b"\x1b[?1049l"), "alternate screen left");
}

#[test]
fn a_resize_to_10000_square_is_capped_and_keys_are_answered() {
    let mut pty = RawPty::open(120, 40);
    let data = tempfile::tempdir().unwrap();
    let mut child = reader(&mut pty, &data);
    assert!(pty.wait_for(b"Library", WAIT), "first frame");
    pty.resize(10000, 10000);
    assert!(
        pty.wait_for(NOTICE, WAIT),
        "the capped frame after the resize"
    );
    // Keys still work at the capped size: open the first article.
    pty.send(b"\r");
    assert!(pty.wait_for(b"line 1/", WAIT), "enter opened the reader");
    let peak = peak_mib(child.0.id());
    println!("10000x10000: peak {peak} MiB");
    assert!(peak < 400, "peak memory {peak} MiB");
    pty.send(b"q");
    assert_eq!(wait_exit(&mut pty, &mut child, WAIT), Some(0), "q quits");
    assert!(pty.shows(b"\x1b[?1049l"), "alternate screen left");
}
