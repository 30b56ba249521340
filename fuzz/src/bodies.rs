//! What each fuzz target checks, on any input. A violated invariant panics,
//! which libFuzzer reports as a crash; the same functions replay saved
//! crash inputs in `tests/fuzz_regressions.rs` and run over random inputs
//! there on the stable toolchain.
//!
//! Std and `parallax` only, so this file can be included by path.
#![allow(dead_code)]

use parallax::analysis::diff::{OpTag, equal_share, sides, word_diff as diff};
use parallax::corpus::decode::decode;
use parallax::corpus::sanitize::{is_invisible, sanitize as clean, sanitize_line};
use parallax::corpus::{Article, load_paths};
use parallax::ui::action::ViewId;
use parallax::ui::keymap::Keymap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A character that must never survive sanitising: controls (other than
/// newline) and every invisible one (Default_Ignorable_Code_Point or Cf,
/// by Unicode property), but the joiner and presentation selectors that
/// the sanitiser keeps inside emoji sequences.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || (is_invisible(c) && !matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}'))
}

/// What the sanitiser shows in place of a hidden character.
fn is_placeholder(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{2400}'..='\u{2421}' | '\u{2424}')
}

/// Sanitiser: nothing forbidden or tab survives, the count is bounded by
/// the input, the result is a fixed point (so sanitising twice, as Markdown
/// blocks are, never double-counts), and the one-line form has no newline.
pub fn sanitize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let s = clean(&text);
    assert!(
        !s.text.chars().any(|c| forbidden(c) || c == '\t'),
        "{:?}",
        s.text
    );
    assert!(s.hidden <= text.chars().count());
    let again = clean(&s.text);
    assert_eq!(again.text, s.text, "sanitising is idempotent");
    assert_eq!(again.hidden, 0, "nothing left to hide");
    let line = sanitize_line(&text);
    assert!(!line.chars().any(|c| forbidden(c) || c == '\n'), "{line:?}");
}

/// An input written as a file `name` in a scratch folder of this process
/// and thread; the file and the folder are removed when it is dropped
/// (a panic included), so runs leave nothing in the temporary folder.
struct ScratchFile(PathBuf);

impl ScratchFile {
    fn write(name: &str, bytes: &[u8]) -> ScratchFile {
        let dir = std::env::temp_dir().join(format!(
            "parallax-fuzz-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write input");
        ScratchFile(path)
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Loader: any bytes as a `.txt` or `.md` file (the first byte picks)
/// load or fail cleanly; nothing forbidden reaches any shown string; and
/// for plain text every visible character of the input survives in order,
/// as itself or as a placeholder, except those counted as hidden.
pub fn loader(data: &[u8]) {
    let (markdown, bytes) = match data.split_first() {
        Some((b, rest)) => (b & 1 == 1, rest),
        None => (false, data),
    };
    let file = ScratchFile::write(if markdown { "input.md" } else { "input.txt" }, bytes);
    let Ok(corpus) = load_paths(std::slice::from_ref(&file.0)) else {
        return;
    };
    assert_eq!(corpus.articles.len(), 1);
    let a = &corpus.articles[0];
    for s in shown(a) {
        assert!(!s.chars().any(|c| forbidden(c) || c == '\n'), "{s:?}");
    }
    let (text, _) = decode(bytes);
    assert!(a.hidden_chars <= text.chars().count());
    if !markdown {
        accounted(&text, a);
    }
}

fn shown(a: &Article) -> Vec<&str> {
    let m = &a.meta;
    let mut v = vec![a.id.as_str()];
    v.extend(
        [&m.title, &m.outlet, &m.date, &m.byline]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    for b in &a.blocks {
        v.push(&b.text);
        v.extend(b.reason.as_deref());
    }
    v
}

/// Plain text: the input's visible characters (not whitespace, or a
/// control) map in order onto the blocks' characters, each kept or shown
/// as a placeholder; those missing were dropped from over-long graphemes
/// and are within `hidden_chars`. `|` is left out on both sides because
/// rebuilt two-column tables add " | " between cells.
fn accounted(decoded: &str, a: &Article) {
    let input: Vec<char> = decoded
        .chars()
        .filter(|&c| (!c.is_whitespace() || c.is_control()) && c != '\n' && c != '\t')
        .filter(|&c| c != '|')
        .collect();
    let blocks: Vec<char> = a
        .blocks
        .iter()
        .flat_map(|b| b.text.chars())
        .filter(|&c| !c.is_whitespace() && c != '|')
        .collect();
    let mut i = 0;
    for (k, &b) in blocks.iter().enumerate() {
        while i < input.len() && !(input[i] == b || is_placeholder(b)) {
            i += 1;
        }
        assert!(
            i < input.len(),
            "block character {k} ({b:?}) does not come from the input"
        );
        i += 1;
    }
    let missing = input.len() - blocks.len().min(input.len());
    assert!(
        blocks.len() <= input.len() && missing <= a.hidden_chars,
        "{} input characters, {} in blocks, {} hidden",
        input.len(),
        blocks.len(),
        a.hidden_chars
    );
}

/// Keymap parser: any text parses or fails with a located, one-line-able
/// message; a parsed keymap answers for every view.
pub fn keymap(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Keymap::from_user_str(&text, Path::new("fuzz.toml")) {
        Ok(k) => {
            for v in ViewId::ALL {
                let _ = k.bindings(v);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// Word diff: the ops rebuild both texts exactly, none is empty, no two
/// neighbours share a tag, and the equal share is a fraction. Input: two
/// texts split at the first 0xFF byte (never part of UTF-8).
pub fn word_diff(data: &[u8]) {
    let cut = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let left = String::from_utf8_lossy(&data[..cut]);
    let right = String::from_utf8_lossy(data.get(cut + 1..).unwrap_or_default());
    let ops = diff(&left, &right, Duration::from_millis(100));
    let (l, r) = sides(&ops);
    assert_eq!((l.as_str(), r.as_str()), (&*left, &*right));
    assert!(ops.iter().all(|o| !o.text.is_empty()));
    assert!(ops.windows(2).all(|w| w[0].tag != w[1].tag));
    assert!(
        ops.windows(2)
            .all(|w| !(w[0].tag == OpTag::Insert && w[1].tag == OpTag::Delete)),
        "deletions come before insertions"
    );
    let share = equal_share(&ops);
    assert!((0.0..=1.0).contains(&share));
}
