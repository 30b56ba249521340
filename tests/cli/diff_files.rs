//! `parallax diff FILE FILE`, as `diff` and `git diff --no-index` take
//! two files, and the one line that shows the order when a folder comes
//! before the ids.

use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .env(
            "PARALLAX_CACHE_DIR",
            std::env::temp_dir().join("parallax-tests-cache"),
        )
        .output()
        .expect("run parallax")
}

fn write_pair(dir: &Path) -> (String, String) {
    let (l, r) = (dir.join("harbour.txt"), dir.join("gazette.txt"));
    std::fs::write(
        &l,
        "Harbour reopens\n\nThe harbour reopened on Monday after the storm damaged its \
         eastern wall, the port authority said.\n",
    )
    .unwrap();
    std::fs::write(
        &r,
        "Port back in business\n\nThe harbour reopened on Monday after the storm damaged \
         its eastern wall, the authority said.\n",
    )
    .unwrap();
    let s = |p: &Path| p.to_str().unwrap().to_string();
    (s(&l), s(&r))
}

#[test]
fn two_files_are_the_two_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = write_pair(dir.path());
    let files = parallax(&["diff", &l, &r]);
    assert_eq!(
        files.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&files.stderr)
    );
    let folder = dir.path().to_str().unwrap();
    let ids = parallax(&["diff", "harbour", "gazette", folder]);
    assert_eq!(files.stdout, ids.stdout);
    assert!(String::from_utf8_lossy(&files.stdout).starts_with("left   harbour"));
}

#[test]
fn a_folder_before_the_ids_is_one_line_showing_the_order() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path());
    let folder = dir.path().to_str().unwrap();
    let out = parallax(&["diff", folder, "harbour", "gazette"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "parallax: error: '{folder}' is a file or folder: article ids come first, then \
             the paths (parallax diff harbour gazette {folder})\n"
        )
    );
}
