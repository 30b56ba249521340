//! A loaded corpus: every article with its metadata and blocks, and the
//! loader's warnings, field by field (a field added to the model fails to
//! compile here until it is kept too).

use crate::corpus::{Article, Block, BlockKind, Corpus, LoadWarning, Metadata, OutletSource};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::PathBuf;

#[derive(Serialize, Deserialize)]
pub struct CorpusWire<'a> {
    articles: Vec<ArticleWire<'a>>,
    warnings: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

#[derive(Serialize, Deserialize)]
struct ArticleWire<'a> {
    id: Cow<'a, str>,
    path: Option<Cow<'a, str>>,
    meta: MetaWire<'a>,
    blocks: Vec<BlockWire<'a>>,
    hidden_chars: u64,
}

#[derive(Serialize, Deserialize)]
struct MetaWire<'a> {
    title: Option<Cow<'a, str>>,
    outlet: Option<Cow<'a, str>>,
    date: Option<Cow<'a, str>>,
    read_minutes: Option<u32>,
    byline: Option<Cow<'a, str>>,
    words: u64,
    outlet_source: Option<u8>,
    url: Option<Cow<'a, str>>,
    language: Option<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
struct BlockWire<'a> {
    kind: u8,
    text: Cow<'a, str>,
    reason: Option<Cow<'a, str>>,
    line: u64,
}

const SOURCES: [OutletSource; 9] = [
    OutletSource::FrontMatter,
    OutletSource::Record,
    OutletSource::SiteName,
    OutletSource::UrlHost,
    OutletSource::Text,
    OutletSource::Parent,
    OutletSource::Suffix,
    OutletSource::SharedChrome,
    OutletSource::Feed,
];

fn source_code(s: OutletSource) -> u8 {
    // Every variant is in SOURCES: the match below makes a new one a
    // compile error here.
    match s {
        OutletSource::FrontMatter
        | OutletSource::Record
        | OutletSource::SiteName
        | OutletSource::UrlHost
        | OutletSource::Text
        | OutletSource::Parent
        | OutletSource::Suffix
        | OutletSource::SharedChrome
        | OutletSource::Feed => SOURCES.iter().position(|&x| x == s).unwrap_or(0) as u8,
    }
}

fn kind_code(k: BlockKind) -> u8 {
    BlockKind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8
}

fn text(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

fn owned(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

/// As written.
pub fn out(c: &Corpus) -> CorpusWire<'_> {
    CorpusWire {
        articles: c
            .articles
            .iter()
            .map(|a| ArticleWire {
                id: Cow::Borrowed(&a.id),
                path: a.path.as_ref().map(|p| p.to_string_lossy()),
                meta: MetaWire {
                    title: text(&a.meta.title),
                    outlet: text(&a.meta.outlet),
                    date: text(&a.meta.date),
                    read_minutes: a.meta.read_minutes,
                    byline: text(&a.meta.byline),
                    words: a.meta.words as u64,
                    outlet_source: a.meta.outlet_source.map(source_code),
                    url: text(&a.meta.url),
                    language: text(&a.meta.language),
                },
                blocks: a
                    .blocks
                    .iter()
                    .map(|b| BlockWire {
                        kind: kind_code(b.kind),
                        text: Cow::Borrowed(&b.text),
                        reason: text(&b.reason),
                        line: b.line as u64,
                    })
                    .collect(),
                hidden_chars: a.hidden_chars as u64,
            })
            .collect(),
        warnings: c
            .warnings
            .iter()
            .map(|w| (w.path.to_string_lossy(), Cow::Borrowed(w.message.as_str())))
            .collect(),
    }
}

impl CorpusWire<'_> {
    /// The corpus again; `None` if a code is unknown.
    pub fn corpus(self) -> Option<Corpus> {
        let mut articles = Vec::with_capacity(self.articles.len());
        for a in self.articles {
            let m = a.meta;
            let blocks = a
                .blocks
                .into_iter()
                .map(|b| {
                    Some(Block {
                        kind: *BlockKind::ALL.get(b.kind as usize)?,
                        text: b.text.into_owned(),
                        reason: owned(b.reason),
                        line: usize::try_from(b.line).ok()?,
                    })
                })
                .collect::<Option<Vec<Block>>>()?;
            let outlet_source = match m.outlet_source {
                Some(code) => Some(*SOURCES.get(code as usize)?),
                None => None,
            };
            articles.push(Article {
                id: a.id.into_owned(),
                path: a.path.map(|p| PathBuf::from(p.into_owned())),
                meta: Metadata {
                    title: owned(m.title),
                    outlet: owned(m.outlet),
                    date: owned(m.date),
                    read_minutes: m.read_minutes,
                    byline: owned(m.byline),
                    words: usize::try_from(m.words).ok()?,
                    outlet_source,
                    url: owned(m.url),
                    language: owned(m.language),
                },
                blocks,
                hidden_chars: usize::try_from(a.hidden_chars).ok()?,
            });
        }
        let warnings = self
            .warnings
            .into_iter()
            .map(|(path, message)| LoadWarning {
                path: PathBuf::from(path.into_owned()),
                message: message.into_owned(),
            })
            .collect();
        Some(Corpus { articles, warnings })
    }
}
