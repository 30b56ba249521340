//! While the files are still being read the reader already shows its
//! library frame, with the reading progress; quit works then, other keys
//! wait for the corpus (typeahead), and a load that fails ends the reader
//! with its one error line. The load is held back by a link whose
//! server answers only when the test says so: no timing is assumed.

use crate::support::pty::Pty;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

const HANG: Duration = Duration::from_secs(120);

/// A server for one request that answers with `reply` once told to.
fn held_server() -> (String, mpsc::Sender<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/story.html",
        listener.local_addr().unwrap().port()
    );
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let Ok((mut conn, _)) = listener.accept() else {
            return;
        };
        read_head(&mut conn);
        if let Ok(reply) = rx.recv() {
            let _ = conn.write_all(&reply);
        }
    });
    (url, tx)
}

fn read_head(conn: &mut TcpStream) {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
}

fn http(status: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

const PAGE: &str = "<html><head><title>Harbour reopens</title></head><body><article>\
    <h1>Harbour reopens</h1><p>The harbour reopened on Friday after months of repairs to the breakwater.</p>\
    <p>Boats left at dawn, and the fish market opens again next week.</p></article></body></html>";

fn spawn(url: &str, home: &OsStr) -> Pty {
    Pty::spawn(&[OsStr::new(url)], 100, 24, home)
}

#[test]
fn the_library_frame_shows_while_files_are_read_and_keys_typed_meanwhile_apply_after() {
    let home = tempfile::tempdir().unwrap();
    let (url, answer) = held_server();
    let mut p = spawn(&url, home.path().as_os_str());
    assert!(
        p.wait_screen(HANG, |s| s.contains("Library · reading the files…")),
        "the reader shows itself before the corpus is in:\n{}",
        p.screen()
    );
    // A key other than quit waits for the files, as typeahead does.
    p.key(b"\r");
    assert!(
        p.wait_screen(HANG, |s| s.contains("Keys wait for the files (q quits)")),
        "{}",
        p.screen()
    );
    answer.send(http("200 OK", PAGE)).unwrap();
    assert!(
        p.wait_screen(HANG, |s| s
            .lines()
            .next()
            .is_some_and(|t| t.contains("· Harbour reopens"))
            && s.contains("The harbour reopened on Friday")),
        "the key typed while reading opens the article once it is in:\n{}",
        p.screen()
    );
    p.key(b"q");
    assert_eq!(p.wait_exit(HANG), Some(0));
}

#[test]
fn quit_while_reading_ends_at_once_and_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let (url, _answer) = held_server();
    let mut p = spawn(&url, home.path().as_os_str());
    assert!(p.wait_screen(HANG, |s| s.contains("reading the files")));
    // Typeahead first: q is still read and quits.
    p.key(b"j");
    assert!(p.wait_screen(HANG, |s| s.contains("Keys wait for the files")));
    p.key(b"q");
    assert_eq!(
        p.wait_exit(HANG),
        Some(0),
        "quits without waiting for the load"
    );
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "the screen is given back");
}

#[test]
fn a_load_that_fails_in_the_reader_is_one_error_line_and_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let (url, answer) = held_server();
    let mut p = spawn(&url, home.path().as_os_str());
    assert!(p.wait_screen(HANG, |s| s.contains("reading the files")));
    answer.send(http("404 Not Found", "gone")).unwrap();
    assert_eq!(p.wait_exit(HANG), Some(2));
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    let after = &out[out.rfind("\x1b[?1049l").expect("the screen is given back")..];
    let errors: Vec<&str> = after
        .lines()
        .filter(|l| l.contains("parallax: error:"))
        .collect();
    assert_eq!(
        errors.len(),
        1,
        "one error line after the screen is given back:\n{after}"
    );
    assert!(errors[0].contains("no readable article"), "{after}");
    assert!(
        after.contains("404"),
        "the link's own warning comes first:\n{after}"
    );
}
