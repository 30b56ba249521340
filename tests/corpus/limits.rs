//! Big corpora: parallax says what it is about to read (size and files)
//! before reading it, and refuses more than the limit (512 MiB of text by
//! default, `--max-bytes` changes it) before reading anything.

use crate::support::run;

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);
const GOOD: &str = "A good article\n\nThe committee met on Tuesday and agreed on the budget.\n";

/// A 1 GiB file that takes no disk space (read at most 32 MiB of).
fn sparse(path: &Path) {
    std::fs::File::create(path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
}

fn list(dir: &Path, extra: &[&str]) -> run::Ran {
    let mut args: Vec<&OsStr> = vec![OsStr::new("list")];
    args.extend(extra.iter().map(OsStr::new));
    args.push(dir.as_os_str());
    run::parallax(&args, TIMEOUT)
}

#[test]
fn more_than_the_default_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    // 17 × 32 MiB read at most = 544 MiB > 512 MiB.
    for n in 0..17 {
        sparse(&dir.path().join(format!("big{n:02}.txt")));
    }
    let ran = list(dir.path(), &[]);
    assert!(!ran.timed_out);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr_text());
    let err = ran.stderr_text();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("parallax: error: "), "{err}");
    assert!(err.contains("544 MiB in 18 files"), "{err}");
    assert!(
        err.contains("512 MiB") && err.contains("--max-bytes"),
        "{err}"
    );
}

#[test]
fn a_large_load_is_announced_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    for n in 0..3 {
        sparse(&dir.path().join(format!("big{n}.txt")));
    }
    let ran = list(dir.path(), &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let err = ran.stderr_text();
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("parallax: reading 96 MiB in 4 files"),
        "said first, before the warnings: {err}"
    );
    assert_eq!(
        err.lines().count(),
        4,
        "the notice and three warnings: {err}"
    );
}

#[test]
fn max_bytes_lowers_raises_or_lifts_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..3 {
        std::fs::write(dir.path().join(format!("a{n}.txt")), GOOD.repeat(8)).unwrap();
    }
    let size = GOOD.len() * 8 * 3;
    let ran = list(dir.path(), &["--max-bytes", "1K"]);
    assert_eq!(ran.code, Some(2), "{size} bytes > 1 KiB");
    assert!(ran.stderr_text().contains("1 KiB"), "{}", ran.stderr_text());
    for ok in ["2K", "0", "1G", "4096"] {
        let ran = list(dir.path(), &["--max-bytes", ok]);
        assert_eq!(ran.code, Some(0), "--max-bytes {ok}: {}", ran.stderr_text());
        assert_eq!(String::from_utf8_lossy(&ran.stdout).lines().count(), 4);
    }
    let ran = list(dir.path(), &["--max-bytes", "12Q"]);
    assert_eq!(ran.code, Some(2), "a bad size is a usage error");
    let help = run::parallax(&["--help"], TIMEOUT);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--max-bytes"));
}
