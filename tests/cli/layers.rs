//! The arrows between modules that the compiler does not check: the
//! reports, the output writer and the style table serve both the commands
//! and the reader, so they name neither.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, or `dir` itself when it is a file.
fn sources(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Lines of the files under `under` (relative to `src/`) that name a
/// module from `forbidden`.
fn uses_of(under: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&root.join(under));
    assert!(!files.is_empty(), "src/{under} holds no source");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            if forbidden.iter().any(|m| line.contains(m)) {
                found.push(format!("{}:{}: {line}", file.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn shared_modules_know_neither_the_commands_nor_the_reader() {
    let forbidden = ["crate::cli", "crate::ui", "super::super"];
    for under in ["report", "out.rs", "style.rs"] {
        let found = uses_of(under, &forbidden);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
