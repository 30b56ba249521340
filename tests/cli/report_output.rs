//! `report -o PATH` with whatever is at PATH: a regular file is replaced
//! atomically keeping its mode (and owner); a link is written through,
//! never replaced; a device or FIFO is written to as a stream; `-` is
//! standard output; a file with other hard links, a dangling link, a
//! FIFO nobody reads, a socket or a block device is refused in one line.
//! Every special file here lives in a scratch folder: nothing outside it
//! can be harmed, whatever the binary does.

use crate::support::run;

use std::ffi::OsStr;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn report_to(out: &Path) -> run::Ran {
    run::parallax_env(
        &[
            OsStr::new("report"),
            OsStr::new("000"),
            OsStr::new("002"),
            OsStr::new("-o"),
            out.as_os_str(),
        ],
        &[(
            "PARALLAX_DATA_DIR",
            OsStr::new("/nonexistent-parallax-data"),
        )],
        TIMEOUT,
    )
}

fn is_report(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).starts_with("# Comparison: 000 ⇄ 002")
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

fn one_error_line(ran: &run::Ran, what: &str) {
    assert_eq!(ran.code, Some(2), "{what}: {}", ran.stderr_text());
    let err = ran.stderr_text();
    assert_eq!(err.lines().count(), 1, "{what}: {err}");
    assert!(err.starts_with("parallax: error: -o "), "{what}: {err}");
}

#[test]
fn dash_is_standard_output() {
    let ran = report_to(Path::new("-"));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(is_report(&ran.stdout));
    assert!(!Path::new("-").exists(), "no file named '-'");
}

#[test]
fn a_regular_file_keeps_its_mode_and_owner() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&out, Some(4242), Some(4343)).unwrap();
    }
    let ran = report_to(&out);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(is_report(&std::fs::read(&out).unwrap()));
    let meta = std::fs::metadata(&out).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o600, "mode kept");
    if is_root() {
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343), "owner kept");
    }
    // A new file gets the usual 0666 less the umask, not 0600.
    let fresh = dir.path().join("fresh.md");
    assert_eq!(report_to(&fresh).code, Some(0));
    assert!(is_report(&std::fs::read(&fresh).unwrap()));
}

#[test]
fn a_link_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    symlink("real.md", &link).unwrap();
    let ran = report_to(&link);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is not replaced"
    );
    assert!(is_report(&std::fs::read(&target).unwrap()));
    assert_eq!(std::fs::metadata(&target).unwrap().mode() & 0o7777, 0o640);
    // A dangling link is refused: nothing is created at its target.
    let dangling = dir.path().join("dangling.md");
    symlink("nowhere/x.md", &dangling).unwrap();
    one_error_line(&report_to(&dangling), "dangling link");
    assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());
}

#[test]
fn a_link_to_standard_output_prints_the_report() {
    // As `-o /dev/stdout`, through a link of our own (the system's is
    // never put at risk by a test).
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("stdout");
    symlink("/proc/self/fd/1", &link).unwrap();
    let ran = report_to(&link);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(is_report(&ran.stdout), "the report reached stdout");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}

#[test]
fn a_device_is_written_to_not_replaced() {
    if !is_root() {
        eprintln!("skipped: mknod needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    let c = std::ffi::CString::new(null.to_str().unwrap()).unwrap();
    let dev = libc::makedev(1, 3);
    assert_eq!(
        unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, dev) },
        0
    );
    let ran = report_to(&null);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let meta = std::fs::symlink_metadata(&null).unwrap();
    assert!(meta.file_type().is_char_device(), "still the device");
    assert_eq!(meta.rdev(), dev);
}

#[test]
fn a_fifo_is_a_stream_when_read_and_refused_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    // Nobody reading: refused at once (not a hang).
    let ran = report_to(&fifo);
    assert!(!ran.timed_out);
    one_error_line(&ran, "unread FIFO");
    // A reader: it gets the whole report.
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read(reader_path).unwrap());
    // Let the reader open its end first.
    std::thread::sleep(Duration::from_millis(300));
    let ran = report_to(&fifo);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    assert!(is_report(&reader.join().unwrap()));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn hard_links_and_sockets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(&a, "shared").unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    one_error_line(&report_to(&a), "hard link");
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "shared");
    assert_eq!(std::fs::metadata(&a).unwrap().nlink(), 2, "links not cut");
    let sock = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
    one_error_line(&report_to(&sock), "socket");
    assert!(
        std::fs::symlink_metadata(&sock)
            .unwrap()
            .file_type()
            .is_socket()
    );
}
