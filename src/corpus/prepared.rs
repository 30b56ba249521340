//! What reading one input gives, shared by every reader of a format (text,
//! Markdown, HTML, collections, feeds) and the loader: the source bytes,
//! an article taken apart, or why it was skipped. A leaf: the format
//! readers and the dispatcher (`prepare.rs`) import it, never the reverse.

use super::decode::Encoding;
use super::input::Format;
use super::model::{Block, LoadWarning, Metadata, OutletSource};
use super::sanitize::sanitize_line;
use std::path::{Path, PathBuf};

/// A file's bytes (already decompressed) and what they are.
pub struct Source {
    pub name: String,
    pub path: Option<PathBuf>,
    pub bytes: Vec<u8>,
    pub format: Format,
    /// Cut at this many bytes (said in the file's one warning if it loads);
    /// `None` when read whole.
    pub cut_at: Option<u64>,
    /// The address a fetched page came from (after redirects): the
    /// article's `url`, and its host names the outlet. `None` for a file.
    pub fetched_from: Option<String>,
    /// What the article id starts from when it is not the stem of `name`
    /// (a link's last path part or host).
    pub stem: Option<String>,
}

impl Source {
    /// What the article id starts from.
    pub fn stem(&self) -> String {
        self.stem.clone().unwrap_or_else(|| stem_of(&self.name))
    }
}

/// One article or record after reading: taken apart (with a warning, if
/// there is one to give), or why it was skipped.
// `Loaded` is what nearly every file gives: boxing it would allocate once
// more per article to shrink the rare variants.
#[allow(clippy::large_enum_variant)]
pub enum Outcome {
    Loaded(Prepared, Option<LoadWarning>),
    /// Why it was skipped; or a warning about a file besides its articles.
    Skipped(LoadWarning),
    /// A feed item with no full text whose page is to be fetched.
    Follow(Box<Follow>),
}

/// An article before the passes over the whole corpus.
pub struct Prepared {
    /// The id before it is made unique: the file stem, or a record's id.
    pub stem: String,
    pub path: Option<PathBuf>,
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    pub hidden: usize,
    /// The line of the collection record whose own id `stem` is: that id
    /// changed to be unique is said, since the data meant it as a key.
    pub stated_id: Option<usize>,
}

pub fn warn(path: &Path, message: String) -> LoadWarning {
    LoadWarning {
        path: PathBuf::from(sanitize_line(&path.display().to_string())),
        message: sanitize_line(&message),
    }
}

/// The file stem of a name: what an article's id starts from.
pub fn stem_of(name: &str) -> String {
    let mut stem = Path::new(name);
    // "page.html.gz" → "page".
    for _ in 0..2 {
        match stem.file_stem() {
            Some(s) if stem.extension().is_some() => stem = Path::new(s),
            _ => break,
        }
        if super::input::format_of(stem).is_none() {
            break;
        }
    }
    stem.to_string_lossy().into_owned()
}

/// The warning that a file was cut, if it was.
pub fn cut_warning(path: &Path, cut_at: Option<u64>) -> Option<LoadWarning> {
    cut_at.map(|n| {
        warn(
            path,
            format!(
                "larger than {}; the rest was not read",
                super::budget::human_bytes(n)
            ),
        )
    })
}

/// The warning that some bytes of a UTF-8 file were not UTF-8 (and were
/// read as Windows-1252), if some were.
pub fn not_utf8_warning(path: &Path, encoding: Encoding) -> Option<LoadWarning> {
    let n = encoding.places_not_utf8();
    (n > 0).then(|| {
        let places = crate::display::plural::counted(n, "place");
        warn(
            path,
            format!("not valid UTF-8 in {places}; those bytes read as Windows-1252"),
        )
    })
}

/// The item fields that fill an article's metadata.
#[derive(Debug, Clone, Default)]
pub struct ItemMeta {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) byline: Option<String>,
    pub(crate) link: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) outlet: Option<(String, OutletSource)>,
    /// What sanitising hid in them, field by field: an article counts
    /// those of the fields it shows, as a page counts its metadata's.
    pub(crate) hidden: FieldsHidden,
}

/// Characters sanitising hid in each of an item's fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldsHidden {
    pub(crate) title: usize,
    pub(crate) byline: usize,
    pub(crate) link: usize,
    pub(crate) language: usize,
    pub(crate) outlet: usize,
}

impl FieldsHidden {
    pub fn all(self) -> usize {
        self.title + self.byline + self.link + self.language + self.outlet
    }
}

/// A feed item whose page is to be fetched.
pub struct Follow {
    /// The item's link.
    pub link: String,
    /// The article's id before it is made unique.
    pub stem: String,
    /// The item read from its summary, for when the page cannot be had.
    pub fallback: Option<Prepared>,
    pub(crate) meta: ItemMeta,
}
