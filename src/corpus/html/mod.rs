//! Saved web pages: the article is found by a main-content extractor
//! (trafilatura), its blocks keep the kinds the markup gives them, and
//! what the extractor left out stays in the article as boilerplate with
//! the reason, in page order. Metadata comes from the page: title, byline,
//! date, site name, canonical URL, language. The page is untrusted:
//! nothing is fetched or run, nesting is capped, and all text (entities
//! decoded by the parser) passes the loader's sanitiser.

mod flattened;
mod guard;
mod json_text;
mod page_meta;
#[cfg(test)]
mod tests;
mod walk;

use super::classify::classify;
use super::dates::iso_date;
use super::metadata;
use super::model::{Block, BlockKind, Metadata, OutletSource};
use super::outlet::url_host;
use super::prepared::{Outcome, Prepared, Source, cut_warning, not_utf8_warning, warn};
use super::sanitize::{sanitize, sanitize_line_counted};
use super::segment::RawBlock;
pub use page_meta::clean_site_name;
use page_meta::{PageMeta, clean_title, loose};
use std::collections::HashMap;
use std::path::PathBuf;
use walk::PageBlock;

/// Why a block the extractor left out is boilerplate.
const DROPPED: &str = "left out by the main-content extractor";

/// What the extractor found, before sanitising.
struct Extracted {
    blocks: Vec<PageBlock>,
    title: Option<String>,
    site_name: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// The page's article, or why it was skipped; and a warning when some of
/// its bytes were not UTF-8.
pub fn prepare_page(s: Source) -> Vec<Outcome> {
    let path = s.path.clone().unwrap_or_else(|| PathBuf::from(&s.name));
    let (text, encoding) = guard::decode_page(&s.bytes);
    let html = guard::cap_nesting(&text, guard::MAX_NESTING);
    let doc = scraper::Html::parse_document(&html);
    let page = page_meta::read(&doc);
    let page_blocks = walk::blocks(doc.tree.root());
    let json_texts = json_text::texts(&doc);
    drop(doc);
    let mut found = extract(&html, &page_blocks);
    found.blocks = json_text::restore(found.blocks, &json_texts, &page_blocks);
    let mut hidden = 0;
    let mut clean = |t: &str| {
        let s = sanitize(t);
        hidden += s.hidden;
        s.text
    };
    let title = found
        .title
        .as_deref()
        .map(|t| page.headline_of_whole(t).unwrap_or(t))
        .map(|t| clean_title(t, found.site_name.as_deref(), &page.headlines))
        .or_else(|| page.headlines.first().cloned())
        .map(|t| clean(&t))
        .filter(|t| !t.trim().is_empty());
    let kept = with_title(&found.blocks, title.as_deref());
    let mut blocks = Vec::new();
    for part in interleave(&kept, &page_blocks) {
        match part {
            Part::Kept(run) => {
                let raw: Vec<RawBlock> = run
                    .iter()
                    .enumerate()
                    .map(|(i, b)| RawBlock {
                        text: clean(&b.text),
                        line: 0,
                        group: blocks.len() + i,
                        hint: Some(b.kind),
                    })
                    .collect();
                blocks.extend(classify(raw));
            }
            Part::Dropped(b) => blocks.push(Block {
                kind: BlockKind::Boilerplate,
                text: clean(&b.text),
                reason: Some(DROPPED.to_string()),
                line: 0,
            }),
        }
    }
    number_lines(&mut blocks, &text);
    if !blocks.iter().any(|b| b.kind.is_content()) {
        let why = "no article text found in the page";
        return vec![Outcome::Skipped(warn(&path, why.into()))];
    }
    let meta = page_metadata(
        &blocks,
        &found,
        &page,
        (title, s.fetched_from.as_deref()),
        &mut hidden,
    );
    let page = Prepared {
        stem: s.stem(),
        path: s.path,
        meta,
        blocks,
        hidden,
        stated_id: None,
    };
    let mut out = vec![Outcome::Loaded(page, cut_warning(&path, s.cut_at))];
    out.extend(not_utf8_warning(&path, encoding).map(Outcome::Skipped));
    out
}

/// An HTML fragment that is all article (a feed item's content): its
/// blocks with the kinds the markup gives, sanitised, before classifying;
/// and how many hidden characters sanitising found.
pub fn fragment_blocks(html: &str) -> (Vec<RawBlock>, usize) {
    let html = guard::cap_nesting(html, guard::MAX_NESTING);
    let doc = scraper::Html::parse_fragment(&html);
    let mut hidden = 0;
    let raw = walk::blocks(doc.tree.root())
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let s = sanitize(&b.text);
            hidden += s.hidden;
            RawBlock {
                text: s.text,
                line: 0,
                group: i,
                hint: Some(b.kind),
            }
        })
        .collect();
    (raw, hidden)
}

/// The text of a short HTML fragment (a feed's or item's title), on one
/// line, not yet sanitised: a `<br>` or a block between words is a space,
/// as in a page's text.
pub fn fragment_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return walk::collapse(html);
    }
    let html = guard::cap_nesting(html, guard::MAX_NESTING);
    let doc = scraper::Html::parse_fragment(&html);
    walk::one_line(*doc.root_element())
}

/// Plain text (not markup) as one line: character references decoded
/// (a feed's "&amp;amp;", JSON-LD's "&amp;"), every `<` kept as written.
pub fn plain_text(s: &str) -> String {
    fragment_text(&s.replace('<', "&lt;"))
}

/// Run the extractor; when it finds no article, the whole page is read
/// as text (the classifier still marks chrome).
fn extract(html: &str, page_blocks: &[PageBlock]) -> Extracted {
    let nonempty = |s: &str| {
        let s = walk::collapse(s);
        (!s.is_empty()).then_some(s)
    };
    // Images are kept so that their captions stay with the article (the
    // walk reads no image, only the caption text).
    let options = trafilatura::Options::default().with_images(true);
    match trafilatura::extract(html, &options) {
        Ok(r) => {
            let content = scraper::Html::parse_fragment(&r.content_html);
            let m = r.metadata;
            Extracted {
                blocks: flattened::unflatten(walk::blocks(content.tree.root()), page_blocks),
                title: nonempty(&m.title),
                site_name: nonempty(&m.sitename),
                byline: nonempty(&m.author),
                date: m.date.map(|d| d.format("%Y-%m-%d").to_string()),
                url: nonempty(&m.url),
                language: nonempty(&m.language),
            }
        }
        Err(_) => Extracted {
            blocks: page_blocks.to_vec(),
            title: None,
            site_name: None,
            byline: None,
            date: None,
            url: None,
            language: None,
        },
    }
}

/// The title as the first block, unless the article already opens with it
/// or has it as a heading (after the menu a short page's fallback keeps).
fn with_title(blocks: &[PageBlock], title: Option<&str>) -> Vec<PageBlock> {
    let mut out = Vec::with_capacity(blocks.len() + 1);
    let shown = |t: &str| {
        let t = loose(t);
        blocks.first().is_some_and(|b| loose(&b.text) == t)
            || blocks
                .iter()
                .any(|b| b.kind == BlockKind::Heading && loose(&b.text) == t)
    };
    if let Some(t) = title
        && !shown(t)
    {
        out.push(PageBlock {
            kind: BlockKind::Heading,
            text: t.to_string(),
            in_nav: false,
        });
    }
    out.extend_from_slice(blocks);
    out
}

enum Part<'a> {
    Kept(&'a [PageBlock]),
    Dropped(&'a PageBlock),
}

/// The extracted blocks in their order, with each page block the
/// extractor left out placed where it stood on the page; captions between
/// extracted blocks are kept as captions.
fn interleave<'a>(kept: &'a [PageBlock], page: &'a [PageBlock]) -> Vec<Part<'a>> {
    let mut at: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, b) in kept.iter().enumerate() {
        at.entry(loose(&b.text)).or_default().push(i);
    }
    let all_kept = loose(&kept.iter().map(|b| b.text.as_str()).collect::<String>());
    let mut parts = Vec::new();
    let mut next = 0;
    for b in page {
        let key = loose(&b.text);
        let found = at
            .get(&key)
            .and_then(|is| is.iter().copied().find(|&i| i >= next));
        if let Some(i) = found {
            parts.push(Part::Kept(&kept[next..=i]));
            next = i + 1;
        } else if b.kind == BlockKind::Caption && next > 0 && next < kept.len() {
            // A caption inside the article (extractors drop figures).
            parts.push(Part::Kept(std::slice::from_ref(b)));
        } else if key.is_empty() || key.len() > 4000 || !all_kept.contains(&key) {
            parts.push(Part::Dropped(b));
        }
    }
    if next < kept.len() {
        parts.push(Part::Kept(&kept[next..]));
    }
    parts
}

/// Each block's line in the page source, found by its first words (an
/// estimate: markup can split them); blocks not found keep the line before.
fn number_lines(blocks: &mut [Block], source: &str) {
    let mut from = 0;
    let mut line = 1;
    for b in blocks.iter_mut() {
        let probe: String = b
            .text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(at) = (!probe.is_empty())
            .then(|| source[from..].find(&probe))
            .flatten()
        {
            line += source[from..from + at].matches('\n').count();
            from += at;
        }
        b.line = line;
    }
}

/// The page's metadata, strongest signal first for each field. A page
/// fetched from a link has that link (after redirects) as its URL; a
/// saved page its canonical link. Hidden characters in the fields taken
/// from the markup (JSON-LD's author and publisher too) are counted.
fn page_metadata(
    blocks: &[Block],
    found: &Extracted,
    page: &PageMeta,
    (title, fetched_from): (Option<String>, Option<&str>),
    hidden: &mut usize,
) -> Metadata {
    let mut meta = metadata::extract(blocks);
    let text_outlet = meta.outlet.take();
    let url = fetched_from
        .map(str::to_string)
        .or_else(|| page.canonical_url.clone())
        .or_else(|| found.url.clone());
    let mut line = |s: &str| {
        let s = sanitize_line_counted(s);
        *hidden += s.hidden;
        (!s.text.trim().is_empty()).then(|| s.text.trim().to_string())
    };
    let site = found.site_name.as_deref().and_then(|s| {
        // Some pages give a URL as their site name.
        if s.contains("://") {
            url_host(s)
        } else {
            line(&page_meta::clean_site_name(s))
        }
    });
    let host = url.as_deref().and_then(url_host);
    // A "site name" that is only the URL's host says no more than the host.
    let site = site.filter(|s| host.as_deref().is_none_or(|h| loose(h) != loose(s)));
    (meta.outlet, meta.outlet_source) = if let Some(s) = site {
        (Some(s), Some(OutletSource::SiteName))
    } else if let Some(h) = host {
        (Some(h), Some(OutletSource::UrlHost))
    } else if let Some(t) = text_outlet {
        (
            Some(page_meta::clean_site_name(&t)),
            Some(OutletSource::Text),
        )
    } else {
        (None, None)
    };
    meta.title = title.or(meta.title);
    let date = page
        .published
        .as_deref()
        .and_then(iso_date)
        .or_else(|| found.date.clone().filter(|d| !copyright_year(d, blocks)));
    meta.date = date.or(meta.date);
    meta.byline = found.byline.as_deref().and_then(&mut line).or(meta.byline);
    meta.url = url.as_deref().and_then(&mut line);
    meta.language = page
        .language
        .as_deref()
        .or(found.language.as_deref())
        .and_then(&mut line);
    meta
}

/// Whether the extractor's `date` is only the year of the page's copyright
/// line ("© 2019 …" gives 2019-01-01): a guess, not the day the article
/// came out, so the page has no date rather than a false one. (An article
/// truly of 1 January in its copyright year loses its date too.)
fn copyright_year(date: &str, blocks: &[Block]) -> bool {
    let Some(year) = date.strip_suffix("-01-01") else {
        return false;
    };
    blocks
        .iter()
        .any(|b| crate::corpus::chrome::is_copyright(&b.text) && b.text.contains(year))
}
