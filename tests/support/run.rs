//! Run the real binary headless with a generous timeout: a hang becomes a
//! test failure (the child is killed) instead of a stalled test run.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

pub struct Ran {
    /// Exit code; `None` when killed after the timeout (or by a signal).
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
}

impl Ran {
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// The cache folder of binaries run by the tests (shared by test runs;
/// tests of the cache itself set their own).
pub fn test_cache_dir() -> std::path::PathBuf {
    std::env::temp_dir().join("parallax-tests-cache")
}

/// `parallax ARGS...` with stdin closed and no colour or config from the
/// caller's environment.
pub fn parallax<S: AsRef<OsStr>>(args: &[S], timeout: Duration) -> Ran {
    parallax_env(args, &[], timeout)
}

/// As [`parallax`], with these variables set too.
pub fn parallax_env<S: AsRef<OsStr>>(
    args: &[S],
    vars: &[(&str, &OsStr)],
    timeout: Duration,
) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env_remove("NO_COLOR")
        .env("PARALLAX_CONFIG_DIR", "/nonexistent-parallax-config")
        // Big test inputs are cached like a user's: not in the user's cache.
        .env("PARALLAX_CACHE_DIR", test_cache_dir())
        .envs(vars.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn parallax");
    let drain = |mut r: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait");
        }
        thread::sleep(Duration::from_millis(10));
    };
    Ran {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        timed_out,
    }
}

/// `parallax ARGS...` as a reader at an 80-column terminal without colour
/// would run it headless (within a minute).
pub fn plain(args: &[&str]) -> Ran {
    let vars: [(&str, &OsStr); 2] = [("NO_COLOR", OsStr::new("1")), ("COLUMNS", OsStr::new("80"))];
    parallax_env(args, &vars, Duration::from_secs(60))
}

/// [`plain`], which must succeed, its standard output read as JSON.
pub fn plain_json(args: &[&str]) -> serde_json::Value {
    let ran = plain(args);
    assert_eq!(ran.code, Some(0), "{args:?}: {}", ran.stderr_text());
    serde_json::from_slice(&ran.stdout).expect("JSON")
}
