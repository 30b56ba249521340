//! What kind of input a file is (plain text, Markdown, a saved web page, a
//! collection of records, a feed), judged by its name, and the user's
//! choices that change how inputs are read (`--field`, `--outlet-from`,
//! `--refresh`, `--follow-links`).

use std::path::Path;

/// How a file's bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// JSON Lines: one JSON object per line, one article per object.
    JsonLines,
    /// CSV with a header row, one article per row.
    Csv,
    /// RSS, Atom or JSON Feed: one article per item (the content is
    /// sniffed; see `feed::looks_like_feed`).
    Feed,
}

/// A compression wrapper named by the last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Extensions (after any `.gz` / `.zst`) read from folders. Files named
/// explicitly are read whatever their extension (as plain text when it is
/// not one of these; `.json` as a JSON Feed).
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson", "csv", "rss", "atom", "xml",
];

/// The format and compression a file name says, e.g. `a.jsonl.gz` →
/// (JsonLines, Gzip); `None` when the name has no extension parallax reads.
pub fn format_of(path: &Path) -> Option<(Format, Compression)> {
    // Lossy: a file name that is not UTF-8 still has a readable extension.
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (inner, compression) = if let Some(s) = name.strip_suffix(".gz") {
        (s, Compression::Gzip)
    } else if let Some(s) = name.strip_suffix(".zst") {
        (s, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let ext = Path::new(inner).extension()?.to_str()?;
    let format = match ext {
        "txt" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" => Format::JsonLines,
        "csv" => Format::Csv,
        "rss" | "atom" | "xml" => Format::Feed,
        _ => return None,
    };
    Some((format, compression))
}

/// A file named explicitly: its format by name, else plain text (still
/// decompressed when the name ends in `.gz` / `.zst`). A `.json` file is
/// read only when named: as a JSON Feed. (Folders hold too many other
/// JSON files to read every one.)
pub fn format_of_named(path: &Path) -> (Format, Compression) {
    format_of(path).unwrap_or_else(|| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let (inner, compression) = if let Some(s) = name.strip_suffix(".gz") {
            (s, Compression::Gzip)
        } else if let Some(s) = name.strip_suffix(".zst") {
            (s, Compression::Zstd)
        } else {
            (name.as_str(), Compression::None)
        };
        let format = if inner.ends_with(".json") {
            Format::Feed
        } else {
            Format::Text
        };
        (format, compression)
    })
}

/// The article fields a collection record can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Text,
    Date,
    Url,
    Outlet,
    Author,
    Id,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Title,
        Field::Text,
        Field::Date,
        Field::Url,
        Field::Outlet,
        Field::Author,
        Field::Id,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Date => "date",
            Field::Url => "url",
            Field::Outlet => "outlet",
            Field::Author => "author",
            Field::Id => "id",
        }
    }

    /// Record keys recognised for this field, in order of preference
    /// (compared without regard to case).
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["title", "headline"],
            Field::Text => &[
                "text",
                "content",
                "body",
                "maintext",
                "article",
                "full_text",
            ],
            Field::Date => &[
                "date",
                "published",
                "date_publish",
                "published_at",
                "publish_date",
                "pubdate",
            ],
            Field::Url => &["url", "link", "uri"],
            Field::Outlet => &[
                "outlet",
                "source",
                "domain",
                "site_name",
                "sitename",
                "publisher",
                "source_domain",
            ],
            Field::Author => &["author", "authors", "byline"],
            Field::Id => &["id", "doc_id"],
        }
    }
}

/// Which record key fills each field: `--field text=maintext` replaces the
/// recognised names of one field by the key given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    overrides: Vec<(Field, String)>,
}

/// A `--field` value that does not read as `NAME=KEY`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("'{0}': use NAME=KEY, e.g. text=maintext")]
    Shape(String),
    #[error("'{0}' is not a field; use one of title, text, date, url, outlet, author, id")]
    Unknown(String),
}

impl FieldMap {
    /// Parse one `NAME=KEY` and add it (a later one for the same field wins).
    pub fn add(&mut self, spec: &str) -> Result<(), FieldError> {
        let (name, key) = spec
            .split_once('=')
            .map(|(n, k)| (n.trim(), k.trim()))
            .filter(|(n, k)| !n.is_empty() && !k.is_empty())
            .ok_or_else(|| FieldError::Shape(spec.to_string()))?;
        let field = Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| FieldError::Unknown(name.to_string()))?;
        self.overrides.retain(|(f, _)| *f != field);
        self.overrides.push((field, key.to_string()));
        Ok(())
    }

    /// The keys to look for, best first: the override alone, or the
    /// recognised names.
    pub fn keys(&self, field: Field) -> Vec<&str> {
        match self.overrides.iter().find(|(f, _)| *f == field) {
            Some((_, key)) => vec![key.as_str()],
            None => field.default_keys().to_vec(),
        }
    }

    /// Whether the user named a key for this field.
    pub fn is_overridden(&self, field: Field) -> bool {
        self.overrides.iter().any(|(f, _)| *f == field)
    }
}

/// Which part of a file's path may name its outlet, when the user opts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutletFrom {
    /// The folder holding the file: `bbc/2025-08-15-summit.html` → "bbc".
    Parent,
    /// The last `_`- or `-`-separated part of the file stem:
    /// `summit_reuters.txt` → "reuters".
    Suffix,
}

/// How inputs are read: chosen by the user, the same for every file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputOptions {
    pub fields: FieldMap,
    pub outlet_from: Option<OutletFrom>,
    /// Fetch links again even when the cache has them (`--refresh`).
    pub refresh: bool,
    /// Fetch the pages of feed items that carry no full text, also for a
    /// feed read from a file (`--follow-links`; a feed fetched from a link
    /// always does).
    pub follow_links: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_name_under_compression() {
        let f = |n: &str| format_of(Path::new(n));
        assert_eq!(
            f("a.jsonl.gz"),
            Some((Format::JsonLines, Compression::Gzip))
        );
        assert_eq!(f("A.HTM"), Some((Format::Html, Compression::None)));
        assert_eq!(f("x.csv.zst"), Some((Format::Csv, Compression::Zstd)));
        assert_eq!(f("notes.gz"), None);
        assert_eq!(f("world.rss"), Some((Format::Feed, Compression::None)));
        assert_eq!(f("feed.json"), None);
        assert_eq!(
            format_of_named(Path::new("feed.json")),
            (Format::Feed, Compression::None)
        );
        assert_eq!(f("photo.png"), None);
        use std::os::unix::ffi::OsStrExt;
        let odd = std::ffi::OsStr::from_bytes(b"h04-\x9b31m.txt");
        assert_eq!(
            format_of(Path::new(odd)),
            Some((Format::Text, Compression::None))
        );
        assert_eq!(
            format_of_named(Path::new("notes.gz")),
            (Format::Text, Compression::Gzip)
        );
    }

    #[test]
    fn a_field_override_replaces_the_recognised_names() {
        let mut m = FieldMap::default();
        assert_eq!(m.keys(Field::Text)[0], "text");
        m.add("text=maintext").unwrap();
        assert_eq!(m.keys(Field::Text), ["maintext"]);
        assert!(m.add("text").is_err());
        assert_eq!(
            m.add("body=x"),
            Err(FieldError::Unknown("body".to_string()))
        );
    }
}
