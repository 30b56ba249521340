//! One feed item → an article: its title as the first heading, its text
//! from the full content or the summary, its metadata from the item's
//! fields (title, link, date, authors) and the feed's (outlet, language).
//! An item without full text becomes a `Follow`: its page is fetched by
//! the loader and the item's fields fill what the page does not say.

use super::FeedInfo;
use crate::corpus::classify::classify;
use crate::corpus::fetch::links::link_stem;
use crate::corpus::html::plain_text;
use crate::corpus::metadata;
use crate::corpus::model::{BlockKind, Metadata, OutletSource};
use crate::corpus::outlet::url_host;
use crate::corpus::prepared::{FieldsHidden, Follow, ItemMeta, Prepared};
use crate::corpus::sanitize::{sanitize, sanitize_line_counted};
use crate::corpus::segment::{RawBlock, segment_text};
use crate::corpus::words::word_count;
use feed_rs::model::{Entry, Text};

/// What an item gave.
pub enum ItemText {
    /// Its full text.
    Full(Box<Prepared>),
    /// A short summary or nothing, and a link to its page.
    Partial(Box<Follow>),
    /// No text and no link.
    Nothing,
}

impl Follow {
    /// The item's page, read: the item's title, date and byline win (the
    /// publisher wrote them for this item, like a record's fields); the
    /// feed's outlet fills in unless the page names its own site.
    pub fn merge_into(&self, page: &mut Prepared) {
        let m = &mut page.meta;
        let item = self.meta.clone();
        m.title = item.title.or(m.title.take());
        m.date = item.date.or(m.date.take());
        m.byline = item.byline.or(m.byline.take());
        let page_named = m.outlet_source.is_some_and(|s| s <= OutletSource::SiteName);
        if !page_named && let Some((outlet, source)) = item.outlet {
            m.outlet = Some(outlet);
            m.outlet_source = Some(source);
            page.hidden += item.hidden.outlet;
        }
        // The item's fields shown count as the page's own do (a title
        // of the page's they stand in for stays counted, as the page had
        // it).
        let h = item.hidden;
        page.hidden += h.title + h.byline;
        if m.language.is_none() {
            page.hidden += h.language;
        }
        m.language = m.language.take().or(item.language);
        page.stem = self.stem.clone();
    }
}

fn is_html(t: &Text) -> bool {
    t.content_type.to_string().contains("html") || looks_like_markup(&t.content)
}

/// Markup in text declared plain (RSS descriptions often are HTML).
fn looks_like_markup(s: &str) -> bool {
    ["<p", "<br", "</", "<div", "<img", "<a "]
        .iter()
        .any(|tag| s.contains(tag))
}

/// Text → raw blocks (sanitised) and the hidden characters found.
fn blocks_of(body: &str, html: bool) -> (Vec<RawBlock>, usize) {
    if html {
        crate::corpus::html::fragment_blocks(body)
    } else {
        let clean = sanitize(body);
        (segment_text(&clean.text), clean.hidden)
    }
}

/// A text field (a title) as the text it says. Markup is read as markup
/// only where the feed declares HTML or it plainly is some (`</`, `<p`…);
/// elsewhere the XML already decoded the field's escapes, so a `<` left is
/// the text's own ("Lighthouse &lt;restored&gt;" is "Lighthouse
/// <restored>", not a tag to drop).
pub(super) fn field_text(t: &Text) -> String {
    if is_html(t) {
        crate::corpus::html::fragment_text(&t.content)
    } else {
        plain_text(&t.content)
    }
}

/// A field on one line, sanitised; what sanitising hid is added to
/// `hidden`.
fn counted(s: &str, hidden: &mut usize) -> String {
    let clean = sanitize_line_counted(s);
    *hidden += clean.hidden;
    clean.text
}

fn one_line(s: &str, hidden: &mut usize) -> Option<String> {
    let clean = sanitize(s);
    *hidden += clean.hidden;
    let line = clean.text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

pub fn read(entry: &Entry, feed: &FeedInfo, fallback_stem: String, min_words: usize) -> ItemText {
    let mut hidden = FieldsHidden::default();
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|l| crate::corpus::fetch::links::parse_link(l).is_some());
    let named = feed
        .outlet
        .clone()
        .filter(|(_, s)| *s == OutletSource::Feed);
    if named.is_some() {
        hidden.outlet = feed.outlet_hidden;
    }
    let outlet = named.or_else(|| {
        let host = link.as_deref().and_then(url_host);
        host.map(|h| (h, OutletSource::UrlHost))
            .or(feed.outlet.clone())
    });
    let names: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|p| {
            // Markup only when the name plainly holds some ("<b>Ane</b>"):
            // "Ane <ane@example.org>" keeps its brackets.
            let raw = p.name.as_deref()?;
            let name = if looks_like_markup(raw) {
                crate::corpus::html::fragment_text(raw)
            } else {
                plain_text(raw)
            };
            one_line(&name, &mut hidden.byline)
        })
        .collect();
    let meta = ItemMeta {
        title: entry
            .title
            .as_ref()
            .and_then(|t| one_line(&field_text(t), &mut hidden.title)),
        date: entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%d").to_string()),
        byline: (!names.is_empty()).then(|| names.join(", ")),
        link: link.as_deref().map(|l| counted(l, &mut hidden.link)),
        language: match entry.language.as_deref() {
            Some(l) => Some(counted(l, &mut hidden.language)),
            None => {
                hidden.language = feed.language_hidden;
                feed.language.clone()
            }
        },
        outlet,
        hidden,
    };
    let stem = link.as_deref().map_or(fallback_stem, link_stem);
    let content = entry
        .content
        .as_ref()
        .and_then(|c| {
            c.body.as_deref().map(|b| {
                (
                    b,
                    c.content_type.to_string().contains("html") || looks_like_markup(b),
                )
            })
        })
        .filter(|(b, _)| !b.trim().is_empty());
    if let Some((body, html)) = content {
        let (raw, h) = blocks_of(body, html);
        if let Some(p) = article(raw, h, &meta, feed, &stem) {
            return ItemText::Full(Box::new(p));
        }
    }
    let summary = entry.summary.as_ref().and_then(|t| {
        let (raw, h) = blocks_of(&t.content, is_html(t));
        let words: usize = raw.iter().map(|b| word_count(&b.text)).sum();
        article(raw, h, &meta, feed, &stem).map(|p| (p, words))
    });
    match (summary, link) {
        (Some((p, words)), _) if words >= min_words => ItemText::Full(Box::new(p)),
        (summary, Some(link)) => ItemText::Partial(Box::new(Follow {
            link,
            stem,
            fallback: summary.map(|(p, _)| p),
            meta,
        })),
        (Some((p, _)), None) => ItemText::Full(Box::new(p)),
        (None, None) => ItemText::Nothing,
    }
}

/// An item's article from its text blocks (`hidden`: what sanitising
/// hid in them); `None` when there is no text.
fn article(
    mut raw: Vec<RawBlock>,
    hidden: usize,
    item: &ItemMeta,
    feed: &FeedInfo,
    stem: &str,
) -> Option<Prepared> {
    if raw.iter().all(|b| b.text.trim().is_empty()) {
        return None;
    }
    if let Some(t) = &item.title {
        raw.insert(
            0,
            RawBlock {
                text: t.clone(),
                line: 0,
                group: usize::MAX,
                hint: Some(BlockKind::Heading),
            },
        );
    }
    let blocks = classify(raw);
    if !blocks
        .iter()
        .any(|b| b.kind.is_content() && b.kind != BlockKind::Heading)
    {
        return None;
    }
    let mut meta: Metadata = metadata::extract(&blocks);
    if meta.outlet.is_some() {
        meta.outlet_source = Some(OutletSource::Text);
    }
    let item = item.clone();
    meta.title = item.title.or(meta.title);
    if let Some((outlet, source)) = item.outlet {
        meta.outlet = Some(outlet);
        meta.outlet_source = Some(source);
    }
    meta.date = item.date.or(meta.date);
    meta.byline = item.byline.or(meta.byline);
    meta.url = item.link;
    meta.language = item.language;
    Some(Prepared {
        stem: stem.to_string(),
        path: Some(feed.path.clone()),
        meta,
        blocks,
        // Every field of the item is shown: its hidden characters count.
        hidden: hidden + item.hidden.all(),
        stated_id: None,
    })
}
