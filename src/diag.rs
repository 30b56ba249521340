//! Diagnostics on standard error: `parallax: warning: …` and
//! `parallax: error: …`, one line each, [`Clean`] text only. Writing them never
//! panics and never fails the command: standard error may be a closed pipe
//! (`2>&1 | head -1`) or a full device (`2>/dev/full`), and the data on
//! standard output and the exit code matter more than a lost warning.

use crate::corpus::sanitize::Clean;
use std::io::Write;

/// `parallax: warning: MESSAGE`.
pub fn warn(message: &Clean) {
    line("warning", message);
}

/// `parallax: MESSAGE`: what parallax is about to do (a large load).
pub fn note(message: &Clean) {
    let message = message.replace('\n', " ");
    let _ = std::io::stderr()
        .lock()
        .write_all(format!("parallax: {message}\n").as_bytes());
}

/// `parallax: error: MESSAGE`.
pub fn error(message: &Clean) {
    line("error", message);
}

/// Write `text` to standard error as it is (progress counters, the
/// escape that erases them), ignoring failure.
pub fn raw(text: &Clean) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

fn line(level: &str, message: &Clean) {
    // A message is one line even if it was built from clean pieces with
    // newlines in them.
    let message = message.replace('\n', " ");
    // One write per line, so lines of concurrent writers do not interleave.
    let text = format!("parallax: {level}: {message}\n");
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
