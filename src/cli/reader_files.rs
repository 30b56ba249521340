//! Files the reader writes for the user outside its session store: the
//! copy key's clipboard file, and how a written file's path is said in the
//! status line (in full, the home folder as `~`, so it fits).

use std::path::Path;

/// Where the copy key keeps text without OSC 52: in the data folder.
pub const CLIPBOARD_FILE_NAME: &str = "clipboard.txt";

/// Replace the clipboard file with `text` (its folder made 0700 if need
/// be); returns the path as the status line says it.
pub fn write_clipboard(path: &Path, text: &str) -> Result<String, String> {
    let folder = crate::session::atomic::parent_of(path);
    let made = {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&folder)
    };
    made.map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(b'\n');
    crate::session::atomic::write_atomic(path, &bytes, 0o600).map_err(|e| e.to_string())?;
    Ok(shown(path))
}

/// `path` in full, with the home folder written `~` (as shells do), so a
/// status line of 80 columns has room for it.
pub fn shown(path: &Path) -> String {
    shown_from(path, std::env::var_os("HOME").as_deref())
}

fn shown_from(path: &Path, home: Option<&std::ffi::OsStr>) -> String {
    // A home of "/" would turn every path into "~/…".
    let home = home.filter(|h| h.len() > 1);
    match home.and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) => Path::new("~").join(rest).display().to_string(),
        None => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_folder_is_said_as_a_tilde() {
        let home = Some(std::ffi::OsStr::new("/home/ana"));
        let data = Path::new("/home/ana/.local/share/parallax/clipboard.txt");
        assert_eq!(
            shown_from(data, home),
            "~/.local/share/parallax/clipboard.txt"
        );
        assert_eq!(shown_from(Path::new("/srv/r/a.md"), home), "/srv/r/a.md");
        let root = Some(std::ffi::OsStr::new("/"));
        assert_eq!(shown_from(Path::new("/srv/r/a.md"), root), "/srv/r/a.md");
    }
}
