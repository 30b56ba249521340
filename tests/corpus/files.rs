//! Hostile files and folders: FIFOs, sockets, device files behind `.txt`
//! links, symlink loops, dangling links, empty and binary files, sparse
//! gigabyte files, a folder named like a file, files that change between
//! listing and reading. Everything readable loads, nothing blocks, each
//! skipped file is warned about exactly once with its reason, and the exit
//! code is 0 when something loaded, 2 with one line when nothing did.

use crate::support::run;

use parallax::corpus::{load_paths, load_paths_with_progress};
use std::os::unix::fs::symlink;
use std::os::unix::net::UnixListener;
use std::path::Path;
use std::time::Duration;

/// Only a blocked read or a hang comes near this.
const TIMEOUT: Duration = Duration::from_secs(60);

const GOOD: &str = "A good article\n\nThe committee met on Tuesday and agreed on the budget.\n";

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// A 1 GiB file that takes no disk space, optionally with text up front.
fn sparse(path: &Path, head: &[u8]) {
    let f = std::fs::File::create(path).unwrap();
    std::io::Write::write_all(&mut &f, head).unwrap();
    f.set_len(1 << 30).unwrap();
}

/// Build the hostile folder; returns (file name, reason expected in its
/// one warning) for every file that must be skipped.
fn hostile_tree(dir: &Path) -> (Vec<(&'static str, &'static str)>, UnixListener) {
    std::fs::write(dir.join("good.txt"), GOOD).unwrap();
    std::fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 au lait\n\nUn caf\xe9 tr\xe8s fort.\n",
    )
    .unwrap();
    mkfifo(&dir.join("fifo.txt"));
    let socket = UnixListener::bind(dir.join("socket.txt")).unwrap();
    symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    symlink("/dev/null", dir.join("null.md")).unwrap();
    symlink("loop.txt", dir.join("loop.txt")).unwrap();
    symlink("ping.txt", dir.join("pong.txt")).unwrap();
    symlink("pong.txt", dir.join("ping.txt")).unwrap();
    symlink("/nonexistent/parallax/x.txt", dir.join("dangling.txt")).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("blank.txt"), b" \n\t\r\n  \n").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\x02\x01\x01\0\0\0\0\0text").unwrap();
    std::fs::write(dir.join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    sparse(&dir.join("sparse.txt"), b"");
    let head = "Sparse head\n\nSome real text before a gigabyte of holes.\n".repeat(300);
    sparse(&dir.join("sparse-head.txt"), head.as_bytes());
    // A folder named like a file is a folder: its article loads.
    let fake = dir.join("folder.txt");
    std::fs::create_dir(&fake).unwrap();
    std::fs::write(fake.join("inside.txt"), GOOD).unwrap();
    // Folder loops through links are visited once, silently.
    symlink("..", fake.join("up")).unwrap();
    symlink(".", fake.join("me")).unwrap();
    // Files without a text extension are not read from folders at all.
    mkfifo(&dir.join("fifo.dat"));
    symlink("/dev/zero", dir.join("zero.bin")).unwrap();
    let skipped = vec![
        ("fifo.txt", "not a regular file"),
        ("socket.txt", "not a regular file"),
        ("zero.txt", "not a regular file"),
        ("null.md", "not a regular file"),
        ("loop.txt", "symbolic links"),
        ("ping.txt", "symbolic links"),
        ("pong.txt", "symbolic links"),
        ("dangling.txt", "No such file"),
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("image.md", "binary file"),
        ("sparse.txt", "binary file"),
        ("sparse-head.txt", "binary file"),
    ];
    (skipped, socket)
}

#[test]
fn a_hostile_folder_loads_what_it_can_and_warns_once_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let (skipped, _socket) = hostile_tree(dir.path());
    let ran = run::parallax(&["list".as_ref(), dir.path().as_os_str()], TIMEOUT);
    assert!(!ran.timed_out, "no read blocks");
    let err = ran.stderr_text();
    assert_eq!(ran.code, Some(0), "{err}");
    let out = String::from_utf8_lossy(&ran.stdout);
    for title in ["A good article", "Café au lait"] {
        assert!(out.contains(title), "{title} listed:\n{out}");
    }
    assert_eq!(
        out.matches("A good article").count(),
        2,
        "good + folder.txt/inside, once each"
    );
    for (name, reason) in &skipped {
        let lines: Vec<&str> = err
            .lines()
            .filter(|l| l.contains(&format!("/{name}:")))
            .collect();
        assert_eq!(lines.len(), 1, "{name} warned once:\n{err}");
        assert!(
            lines[0].contains(reason),
            "{name}: {reason} in {}",
            lines[0]
        );
        assert!(lines[0].starts_with("parallax: warning: "), "{}", lines[0]);
    }
    // The two sparse files count 32 MiB each (what would be read), so the
    // load is announced first.
    assert!(
        err.starts_with("parallax: reading 64 MiB in "),
        "the load is announced before reading:\n{err}"
    );
    assert_eq!(
        err.lines().count(),
        skipped.len() + 1,
        "nothing else on stderr:\n{err}"
    );
}

#[test]
fn nothing_readable_is_exit_2_after_each_files_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (skipped, _socket) = hostile_tree(dir.path());
    // Each bad file named on its own: its reason on one line, then the
    // final error on one line.
    for (name, reason) in &skipped {
        let path = dir.path().join(name);
        let ran = run::parallax(&["list".as_ref(), path.as_os_str()], TIMEOUT);
        assert!(!ran.timed_out, "{name}: no read blocks");
        assert_eq!(ran.code, Some(2), "{name}: {}", ran.stderr_text());
        let err = ran.stderr_text();
        let lines: Vec<&str> = err.lines().collect();
        if *reason == "No such file" {
            // A path that is not there (a dangling link) is said as the
            // shell says it, in the one error line.
            let said = format!(
                "parallax: error: {}: no such file or directory",
                path.display()
            );
            assert_eq!(lines, [said.as_str()], "{name}");
            continue;
        }
        assert_eq!(lines.len(), 2, "{name}: {err}");
        assert!(
            lines[0].starts_with("parallax: warning: ") && lines[0].contains(reason),
            "{name}: the reason is given: {err}"
        );
        assert!(lines[1].starts_with("parallax: error: "), "{name}: {err}");
    }
    for good in ["good.txt", "latin1.txt"] {
        std::fs::remove_file(dir.path().join(good)).unwrap();
    }
    std::fs::remove_dir_all(dir.path().join("folder.txt")).unwrap();
    let ran = run::parallax(&["list".as_ref(), dir.path().as_os_str()], TIMEOUT);
    assert_eq!(ran.code, Some(2));
    let err = ran.stderr_text();
    let lines: Vec<&str> = err.lines().collect();
    let (last, reasons) = lines.split_last().expect("stderr");
    // Announced first (the sparse files count 32 MiB each).
    let reasons = match reasons.split_first() {
        Some((first, rest)) if first.starts_with("parallax: reading 64 MiB in ") => rest,
        _ => panic!("the load is announced first: {err}"),
    };
    assert!(
        last.starts_with("parallax: error: no readable article"),
        "{err}"
    );
    assert!(
        reasons.iter().all(|l| l.starts_with("parallax: warning: ")),
        "{err}"
    );
    for (name, reason) in &skipped {
        assert!(
            reasons
                .iter()
                .any(|l| l.contains(name) && l.contains(reason)),
            "{name}: its reason is given when nothing loads: {err}"
        );
    }
    // The case from the issue: a UTF-16 file without a byte-order mark.
    let utf16: Vec<u8> = "Plain words\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let bomless = dir.path().join("utf16-no-bom.txt");
    std::fs::write(&bomless, utf16).unwrap();
    let ran = run::parallax(&["list".as_ref(), bomless.as_os_str()], TIMEOUT);
    assert_eq!(ran.code, Some(2));
    let err = ran.stderr_text();
    assert!(
        err.lines()
            .next()
            .is_some_and(|l| l.contains("utf16-no-bom.txt: binary file")),
        "{err}"
    );
    // A device named explicitly is not read either.
    let ran = run::parallax(&["show", "x", "/dev/zero"], TIMEOUT);
    assert_eq!(
        (ran.code, ran.timed_out),
        (Some(2), false),
        "{}",
        ran.stderr_text()
    );
}

#[test]
fn files_that_change_between_listing_and_reading_are_skipped_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [
        "a-good.txt",
        "b-vanishes.txt",
        "c-becomes-fifo.txt",
        "d-becomes-dir.txt",
    ] {
        std::fs::write(d.join(name), GOOD).unwrap();
    }
    // A link to a file outside the folder: one to a-good.txt is that file
    // again, listed once.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("other.txt"), GOOD).unwrap();
    symlink(
        elsewhere.path().join("other.txt"),
        d.join("e-link-retargeted.txt"),
    )
    .unwrap();
    let mut swapped = false;
    // The first progress call comes after listing, before any read.
    let corpus = load_paths_with_progress(&[d.to_path_buf()], &mut |_, _| {
        if !swapped {
            swapped = true;
            std::fs::remove_file(d.join("b-vanishes.txt")).unwrap();
            std::fs::remove_file(d.join("c-becomes-fifo.txt")).unwrap();
            mkfifo(&d.join("c-becomes-fifo.txt"));
            std::fs::remove_file(d.join("d-becomes-dir.txt")).unwrap();
            std::fs::create_dir(d.join("d-becomes-dir.txt")).unwrap();
            std::fs::remove_file(d.join("e-link-retargeted.txt")).unwrap();
            symlink("/dev/zero", d.join("e-link-retargeted.txt")).unwrap();
        }
    })
    .expect("the good file loads");
    assert!(swapped);
    assert_eq!(corpus.articles.len(), 1);
    let warned: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 4, "{warned:#?}");
    for (name, reason) in [
        ("b-vanishes.txt", "No such file"),
        ("c-becomes-fifo.txt", "not a regular file"),
        ("d-becomes-dir.txt", "not a regular file"),
        ("e-link-retargeted.txt", "not a regular file"),
    ] {
        let w: Vec<&String> = warned.iter().filter(|w| w.contains(name)).collect();
        assert_eq!(w.len(), 1, "{name}: {warned:#?}");
        assert!(w[0].contains(reason), "{name}: {}", w[0]);
    }
}

#[test]
fn an_unreadable_file_is_skipped_or_read_but_never_fatal() {
    // Root reads a mode-000 file anyway; anyone else gets one warning.
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&locked).is_ok();
    let corpus = load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(corpus.articles.len(), if readable { 2 } else { 1 });
    assert_eq!(corpus.warnings.len(), if readable { 0 } else { 1 });
}
