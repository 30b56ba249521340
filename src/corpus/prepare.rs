//! One file's bytes → articles taken apart (blocks and metadata), with
//! everything that needs only that file: decoding, sanitising, segmenting,
//! classifying. A text, Markdown or HTML file is one article; a collection
//! is one article per record.

use super::classify::classify;
use super::decode::decode;
use super::input::{Format, InputOptions};
use super::markdown::{FrontMatter, segment_markdown};
use super::metadata;
use super::model::{Block, LoadWarning, Metadata, OutletSource};
use super::sanitize::{sanitize, sanitize_line};
use super::segment::segment_text;
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
pub enum Outcome {
    Loaded(Prepared, Option<LoadWarning>),
    Skipped(LoadWarning),
    /// A feed item with no full text whose page is to be fetched.
    Follow(Box<super::feed::Follow>),
}

/// An article before the passes over the whole corpus.
pub struct Prepared {
    /// The id before it is made unique: the file stem, or a record's id.
    pub stem: String,
    pub path: Option<PathBuf>,
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    pub hidden: usize,
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

/// Take one file apart according to its format. A text or HTML file
/// that is really a feed (an RSS document saved as `feed.txt`) is read as
/// one.
pub fn prepare(s: Source, opts: &InputOptions) -> Vec<Outcome> {
    match s.format {
        Format::Text | Format::Html if super::feed::looks_like_feed(&s.bytes) => {
            super::feed::prepare_feed(s, opts)
        }
        Format::Text | Format::Markdown => vec![prepare_text(s)],
        Format::JsonLines | Format::Csv => super::record::prepare_collection(s, &opts.fields),
        Format::Html => vec![super::html::prepare_page(s)],
        Format::Feed => super::feed::prepare_feed(s, opts),
    }
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

/// Decode, sanitise, segment, classify and read the metadata of a text or
/// Markdown file.
pub fn prepare_text(s: Source) -> Outcome {
    let (text, _) = decode(&s.bytes);
    let clean = sanitize(&text);
    let mut hidden = clean.hidden;
    let (raw, front) = if s.format == Format::Markdown {
        let (mut raw, front) = segment_markdown(&clean.text);
        // The parser decodes character references (`&#27;`, `&#x202E;`,
        // `&ZeroWidthSpace;`) after the text was sanitised, so what it
        // returns is sanitised again.
        for b in &mut raw {
            let s = sanitize(&b.text);
            hidden += s.hidden;
            b.text = s.text;
        }
        (raw, front)
    } else {
        (segment_text(&clean.text), Default::default())
    };
    let blocks = classify(&raw);
    let stem = s.stem();
    // One warning per file: why it was skipped, or that it was cut.
    let Some(path) = s.path else {
        return Outcome::Loaded(prepared(stem, None, blocks, front, hidden), None);
    };
    if blocks.is_empty() {
        return Outcome::Skipped(warn(&path, "no text".into()));
    }
    let cut = cut_warning(&path, s.cut_at);
    let mut p = prepared(stem, Some(path), blocks, front, hidden);
    if let Some(url) = s.fetched_from {
        with_link(&mut p.meta, url);
    }
    Outcome::Loaded(p, cut)
}

/// A fetched text's link is its `url`, and its host names the outlet
/// unless something stronger did (see `OutletSource`).
pub fn with_link(meta: &mut Metadata, url: String) {
    let weaker = meta.outlet_source.is_none_or(|s| s > OutletSource::UrlHost);
    if weaker && let Some(host) = super::outlet::url_host(&url) {
        meta.outlet = Some(host);
        meta.outlet_source = Some(OutletSource::UrlHost);
    }
    meta.url = Some(sanitize_line(&url));
}

fn prepared(
    stem: String,
    path: Option<PathBuf>,
    blocks: Vec<Block>,
    front: FrontMatter,
    hidden: usize,
) -> Prepared {
    let mut meta = metadata::extract(&blocks);
    if meta.outlet.is_some() {
        meta.outlet_source = Some(OutletSource::Text);
    }
    meta.title = front.title.or(meta.title);
    if front.outlet.is_some() {
        meta.outlet = front.outlet;
        meta.outlet_source = Some(OutletSource::FrontMatter);
    }
    meta.date = front.date.or(meta.date);
    meta.byline = front.byline.or(meta.byline);
    Prepared {
        stem,
        path,
        meta,
        blocks,
        hidden,
    }
}
