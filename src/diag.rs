//! Diagnostics on standard error: `parallax: warning: …` and
//! `parallax: error: …`, one line each, sanitised. Writing them never
//! panics and never fails the command: standard error may be a closed pipe
//! (`2>&1 | head -1`) or a full device (`2>/dev/full`), and the data on
//! standard output and the exit code matter more than a lost warning.

use std::io::Write;

/// `parallax: warning: MESSAGE`.
pub fn warn(message: &str) {
    line("warning", message);
}

/// `parallax: error: MESSAGE`.
pub fn error(message: &str) {
    line("error", message);
}

/// Write `text` to standard error as it is (progress counters), ignoring
/// failure. Only parallax's own text goes here.
pub fn raw(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

fn line(level: &str, message: &str) {
    let message = crate::corpus::sanitize::sanitize_line(message);
    // One write per line, so lines of concurrent writers do not interleave.
    let text = format!("parallax: {level}: {message}\n");
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
