//! One file's bytes → articles taken apart (blocks and metadata), with
//! everything that needs only that file: decoding, sanitising, segmenting,
//! classifying. A text, Markdown or HTML file is one article; a collection
//! is one article per record.

use super::classify::classify_counted;
use super::decode::decode_owned;
use super::input::{Format, InputOptions};
use super::markdown::{FrontMatter, segment_markdown};
use super::metadata;
use super::model::{Block, Metadata, OutletSource};
use super::prepared::{Outcome, Prepared, Source, cut_warning, not_utf8_warning, warn};
use super::sanitize::{sanitize, sanitize_line, sanitize_owned};
use super::segment::segment_text;
use std::path::PathBuf;

/// Take one file apart according to its format. A text or HTML file
/// that is really a feed (an RSS document saved as `feed.txt`) is read as
/// one.
pub fn prepare(s: Source, opts: &InputOptions) -> Vec<Outcome> {
    match s.format {
        Format::Text | Format::Html if super::feed::looks_like_feed(&s.bytes) => {
            super::feed::prepare_feed(s, opts)
        }
        Format::Text | Format::Markdown => prepare_text(s),
        Format::JsonLines | Format::Csv => super::record::prepare_collection(s, &opts.fields),
        Format::Html => super::html::prepare_page(s),
        Format::Feed => super::feed::prepare_feed(s, opts),
    }
}

/// Decode, sanitise, segment, classify and read the metadata of a text or
/// Markdown file: the article, or why it was skipped; and a warning when
/// some of its bytes were not UTF-8.
pub fn prepare_text(mut s: Source) -> Vec<Outcome> {
    // The bytes become the text, and the text the clean text, in place
    // when nothing needs changing: no copies of the file.
    let (text, encoding) = decode_owned(std::mem::take(&mut s.bytes));
    let clean = sanitize_owned(text);
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
    let (blocks, words) = classify_counted(raw);
    let stem = s.stem();
    // One warning per file for each of: why it was skipped, that it was
    // cut, that some of it was not UTF-8.
    let Some(path) = s.path else {
        let p = prepared(stem, None, (blocks, words), front, hidden);
        return vec![Outcome::Loaded(p, None)];
    };
    if blocks.is_empty() {
        return vec![Outcome::Skipped(warn(&path, "no text".into()))];
    }
    let cut = cut_warning(&path, s.cut_at);
    let not_utf8 = not_utf8_warning(&path, encoding);
    let mut p = prepared(stem, Some(path), (blocks, words), front, hidden);
    if let Some(url) = s.fetched_from {
        with_link(&mut p.meta, url);
    }
    let mut out = vec![Outcome::Loaded(p, cut)];
    out.extend(not_utf8.map(Outcome::Skipped));
    out
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
    (blocks, content_words): (Vec<Block>, usize),
    front: FrontMatter,
    hidden: usize,
) -> Prepared {
    let mut meta = metadata::extract_counted(&blocks, content_words);
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
        stated_id: None,
    }
}
