//! Files in a folder that parallax does not read (a `.pdf`, a `.docx`),
//! counted by kind so that a folder with nothing readable can say what it
//! held instead of only that it held nothing.

use super::model::LoadWarning;
use super::prepared::warn;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Unread files of a load, by kind (`.pdf`; files without an extension
/// count together).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkippedKinds {
    counts: BTreeMap<String, usize>,
}

/// The kind of a file without an extension.
const NO_EXTENSION: &str = "without extension";

/// Kinds of document a reader may drop among articles and expect read
/// (where a saved page's images, scripts and styles are expected not to
/// be): each one left unread is said by name when the rest loads.
const DOCUMENTS: &[&str] = &["doc", "docx", "epub", "odt", "pages", "pdf", "rtf", "wpd"];

/// A file's kind: its extension in lower case ("pdf").
fn kind_of(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// The warning for a file left unread that is a document (`.pdf`,
/// `.docx`…), as its kind names it; `None` for any other kind.
pub fn unread_document(path: &Path) -> Option<LoadWarning> {
    let kind = kind_of(path).filter(|k| DOCUMENTS.contains(&k.as_str()))?;
    let why = format!("a .{kind} file is not read (save it as text, Markdown or HTML)");
    Some(warn(path, why))
}

impl SkippedKinds {
    /// Count one file left unread because of its kind.
    pub fn add(&mut self, path: &Path) {
        let kind = kind_of(path).map_or_else(|| NO_EXTENSION.to_string(), |k| format!(".{k}"));
        *self.counts.entry(kind).or_default() += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// "3 .pdf, 1 .docx": the most frequent kind first, at most five kinds.
impl fmt::Display for SkippedKinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut kinds: Vec<(&String, &usize)> = self.counts.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        const SHOWN: usize = 5;
        let parts: Vec<String> = kinds
            .iter()
            .take(SHOWN)
            .map(|(kind, n)| crate::corpus::sanitize::sanitize_line(&format!("{n} {kind}")))
            .collect();
        f.write_str(&parts.join(", "))?;
        let rest: usize = kinds.iter().skip(SHOWN).map(|(_, n)| **n).sum();
        if rest > 0 {
            write!(f, ", {rest} other")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_counted_most_frequent_first() {
        let mut s = SkippedKinds::default();
        for name in ["a.pdf", "b.PDF", "c.docx", "d.pdf", "README"] {
            s.add(Path::new(name));
        }
        assert_eq!(s.to_string(), "3 .pdf, 1 .docx, 1 without extension");
    }

    #[test]
    fn many_kinds_end_in_a_count_of_the_rest() {
        let mut s = SkippedKinds::default();
        for ext in ["a", "b", "c", "d", "e", "f", "g"] {
            s.add(Path::new(&format!("x.{ext}")));
        }
        assert_eq!(s.to_string(), "1 .a, 1 .b, 1 .c, 1 .d, 1 .e, 2 other");
    }
}
