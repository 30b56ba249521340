//! A standard error that fails — a closed pipe (`2>&1 | head -1`), a full
//! device (`2>/dev/full`) — never makes parallax panic: warnings are
//! dropped, stdout is still complete, the exit code is the command's own.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

const GOOD: &str = "A good article\n\nThe committee met on Tuesday and agreed on the budget.\n";

/// A folder with one article and two files that each get a warning.
fn folder_with_warnings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x7fELF\0\0\0").unwrap();
    dir
}

fn list(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.arg("list")
        .arg(dir)
        .env("PARALLAX_CONFIG_DIR", "/nonexistent-parallax-config")
        .stdin(Stdio::null());
    cmd
}

#[test]
fn warnings_to_a_full_device_do_not_panic() {
    let dir = folder_with_warnings();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = list(dir.path()).stderr(full).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "no panic (101)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("A good article"),
        "stdout complete: {stdout}"
    );
}

#[test]
fn warnings_to_a_closed_pipe_do_not_panic() {
    let dir = folder_with_warnings();
    let mut child = list(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end of stderr before anything is written to it.
    drop(child.stderr.take());
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "no panic (101)");
    assert!(
        stdout.contains("A good article"),
        "stdout complete: {stdout}"
    );
}

#[test]
fn an_error_to_a_full_device_still_exits_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["show", "no-such-article"])
        .env("PARALLAX_CONFIG_DIR", "/nonexistent-parallax-config")
        .stdin(Stdio::null())
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
