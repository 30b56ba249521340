//! Files in the data folder are input too: a link planted at `NAME.lock`
//! or `NAME.json`, a FIFO named `NAME.json`, files owned by someone else.
//! parallax never follows a link there, never blocks on a FIFO, and uses
//! only regular files owned by its own user; each refusal is one line.

use crate::support::run;

use parallax::session::{Session, SessionName, Store};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::Duration;

/// Only a blocked `open()` comes near this.
const TIMEOUT: Duration = Duration::from_secs(30);

fn name(s: &str) -> SessionName {
    SessionName::parse(s).unwrap()
}

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

fn chown(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), None).expect("chown (tests run as root)");
}

/// `parallax ARGS` with this data folder, under the timeout.
fn parallax_in(data: &Path, args: &[&str]) -> run::Ran {
    run::parallax_env(args, &[("PARALLAX_DATA_DIR", data.as_os_str())], TIMEOUT)
}

#[test]
fn a_dangling_link_at_the_lock_creates_nothing_at_its_target() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("planted");
    symlink(&target, data.path().join("default.lock")).unwrap();
    let store = Store::at(data.path());
    let err = store
        .save(&name("default"), &Session::default())
        .expect_err("a linked lock is refused");
    let line = err.to_string();
    assert!(line.contains("symbolic link"), "{line}");
    assert!(!line.contains('\n'));
    assert!(!target.exists(), "nothing created at the link's target");
}

#[test]
fn a_linked_session_file_is_refused_not_read() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = Store::at(elsewhere.path());
    real.save(&name("default"), &Session::default()).unwrap();
    symlink(
        real.path_of(&name("default")),
        data.path().join("default.json"),
    )
    .unwrap();
    let store = Store::at(data.path());
    let err = store.read(&name("default")).expect_err("refused");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert!(store.load(&name("default")).is_err());
}

#[test]
fn files_owned_by_another_user_are_refused_with_one_line() {
    if !is_root() {
        eprintln!("skipped: needs root to give a file to another user");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let store = Store::at(data.path());
    store.save(&name("mine"), &Session::default()).unwrap();
    store.save(&name("theirs"), &Session::default()).unwrap();
    chown(&store.path_of(&name("theirs")), 4242);
    let err = store.read(&name("theirs")).expect_err("refused");
    let line = err.to_string();
    assert!(line.contains("owned by"), "{line}");
    assert!(!line.contains('\n'));
    // A lock owned by someone else is refused too.
    chown(&data.path().join("mine.lock"), 4242);
    let err = store
        .save(&name("mine"), &Session::default())
        .expect_err("lock refused");
    assert!(err.to_string().contains("owned by"), "{err}");
}

#[test]
fn a_fifo_named_json_hangs_nothing() {
    let data = tempfile::tempdir().unwrap();
    Store::at(data.path())
        .save(&name("good"), &Session::default())
        .unwrap();
    mkfifo(&data.path().join("default.json"));
    mkfifo(&data.path().join("other.json"));
    // Listing: the good session, one line for each FIFO.
    let ran = parallax_in(data.path(), &["sessions"]);
    assert!(!ran.timed_out, "sessions does not block on a FIFO");
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(String::from_utf8_lossy(&ran.stdout).contains("good"));
    let err = ran.stderr_text();
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines().all(|l| l.contains("not a regular file")),
        "{err}"
    );
    // A report reads the default session's notes: one warning, no notes.
    let ran = parallax_in(data.path(), &["report", "--all", "--format", "json"]);
    assert!(!ran.timed_out, "report does not block on a FIFO");
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(ran.stderr_text().contains("not a regular file"));
    // Start-up reads the session before it needs a terminal.
    let ran = parallax_in(data.path(), &[]);
    assert!(!ran.timed_out, "start-up does not block on a FIFO");
    assert_eq!(ran.code, Some(2), "no terminal here");
    assert!(
        ran.stderr_text().contains("not a regular file"),
        "{}",
        ran.stderr_text()
    );
}
