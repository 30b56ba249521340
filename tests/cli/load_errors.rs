//! Errors that say what happened: a missing path is "no such file or
//! directory" in one line; a folder of files parallax does not read says
//! which kinds it skipped.

use crate::support::run;

use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn one_error_line(args: &[&std::ffi::OsStr]) -> String {
    let ran = run::parallax(args, TIMEOUT);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr_text());
    let err = ran.stderr_text();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    lines[0].to_string()
}

#[test]
fn a_missing_path_is_no_such_file_or_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let shown = missing.display().to_string();
    for args in [
        vec![missing.as_os_str()],
        vec!["list".as_ref(), missing.as_os_str()],
        vec!["show".as_ref(), "000".as_ref(), missing.as_os_str()],
    ] {
        assert_eq!(
            one_error_line(&args),
            format!("parallax: error: {shown}: no such file or directory"),
            "{args:?}"
        );
    }
}

#[test]
fn a_folder_of_unread_kinds_says_what_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.pdf", "b.pdf", "c.PDF", "notes.docx"] {
        std::fs::write(dir.path().join(name), b"%PDF-1.4 not text").unwrap();
    }
    let line = one_error_line(&["list".as_ref(), dir.path().as_os_str()]);
    assert!(
        line.starts_with(&format!(
            "parallax: error: no readable article in {} (skipped: 3 .pdf, 1 .docx; parallax reads .txt",
            dir.path().display()
        )),
        "{line}"
    );
}

/// A typo in one of several paths would drop that article from the
/// comparison: nothing is read, in one line, exit 2, and a bare word
/// near a command's name is taken for that command mistyped.
#[test]
fn a_missing_path_beside_a_good_one_stops_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "A title\n\nA paragraph of text about the harbour.\n").unwrap();
    let missing = dir.path().join("gone.txt");
    let line = one_error_line(&["list".as_ref(), missing.as_os_str(), good.as_os_str()]);
    assert_eq!(
        line,
        format!(
            "parallax: error: {}: no such file or directory",
            missing.display()
        )
    );
    let typo = run::parallax(&["quote".as_ref(), good.as_os_str()], TIMEOUT);
    assert_eq!(typo.code, Some(2), "{}", typo.stderr_text());
    assert!(
        typo.stderr_text()
            .contains("quote: no such file or directory; did you mean the command 'quotes'?"),
        "{}",
        typo.stderr_text()
    );
}

/// `parallax diff led FOLDER` (RIGHT forgotten): the folder is taken for
/// RIGHT and the ids looked up in the built-in corpus; the line says so.
#[test]
fn a_path_given_where_an_article_id_goes_is_named_as_a_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("led.txt"), "A title\n\nA paragraph.\n").unwrap();
    let folder = dir.path().to_str().unwrap();
    let line = one_error_line(&["diff".as_ref(), "000".as_ref(), folder.as_ref()]);
    assert!(
        line.ends_with(&format!(
            "'{folder}' is a file or folder: article ids come first, then the paths"
        )),
        "{line}"
    );
}

/// A PDF beside articles was likely meant to be read: each document left
/// unread is one warning naming it, while a saved page's images and styles
/// say nothing; the articles load as ever.
#[test]
fn a_document_beside_articles_is_named_as_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "A title\n\nA paragraph of text about the harbour.\n",
    )
    .unwrap();
    for name in ["report.pdf", "Memo.DOCX", "photo.png", "style.css"] {
        std::fs::write(dir.path().join(name), b"not text").unwrap();
    }
    let ran = run::parallax(&["list".as_ref(), dir.path().as_os_str()], TIMEOUT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr_text());
    let err = ran.stderr_text();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    for (line, name, kind) in [
        (lines[0], "Memo.DOCX", "docx"),
        (lines[1], "report.pdf", "pdf"),
    ] {
        assert_eq!(
            line,
            format!(
                "parallax: warning: {}: a .{kind} file is not read (save it as text, Markdown or HTML)",
                dir.path().join(name).display()
            )
        );
    }
}
