//! A loaded corpus: every article with its metadata and blocks, and the
//! loader's warnings, field by field (a field added to the model fails to
//! compile here until it is kept too). Articles are written in chunks of
//! [`CHUNK`], each its own byte string, so that they are decoded on every
//! core. Each article's content key (`key::article_keys`) is kept beside
//! it: the checksum vouches for the keys as for the articles, and a
//! launch reading the corpus back need not hash every article again.

use super::super::blob::{Blob, Lazy, bytes_of};
use crate::corpus::{Article, Block, BlockKind, Corpus, LoadWarning, Metadata, OutletSource};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::PathBuf;

/// Articles per chunk.
const CHUNK: usize = 256;

/// As read back; written by [`out`].
#[derive(Deserialize)]
pub struct CorpusIn<'a> {
    /// Each a postcard `Vec<ArticleWire>`.
    #[serde(borrow)]
    chunks: Vec<Blob<'a>>,
    #[serde(borrow)]
    warnings: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Each article's content key, in order (u128s).
    #[serde(borrow)]
    keys: Blob<'a>,
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

/// As written: the corpus and its article keys (`keys[i]` of article `i`).
pub fn out<'a>(c: &'a Corpus, keys: &'a [u128]) -> impl Serialize + 'a {
    let chunks: Vec<_> = c
        .articles
        .chunks(CHUNK)
        .map(|articles| {
            Lazy(move || {
                let wire: Vec<ArticleWire> = articles.iter().map(article_out).collect();
                // Encoding into memory cannot fail; an empty chunk would be
                // refused when read.
                postcard::to_stdvec(&wire).unwrap_or_default()
            })
        })
        .collect();
    let warnings: Vec<(Cow<str>, Cow<str>)> = c
        .warnings
        .iter()
        .map(|w| (w.path.to_string_lossy(), Cow::Borrowed(w.message.as_str())))
        .collect();
    let keys = Lazy(move || bytes_of(keys.iter().copied()));
    (chunks, warnings, keys)
}

fn article_out(a: &Article) -> ArticleWire<'_> {
    ArticleWire {
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
    }
}

impl CorpusIn<'_> {
    /// The corpus again, with its article keys; `None` if a chunk is
    /// undecodable, a code unknown, or the keys are not one per article.
    pub fn corpus(self) -> Option<(Corpus, Vec<u128>)> {
        let keys = self.keys.read::<u128>()?;
        let chunks = &self.chunks;
        let parts = crate::parallel::map_chunks(chunks.len(), 1, |range| {
            range
                .map(|i| {
                    let wire: Vec<ArticleWire> = postcard::from_bytes(&chunks[i].0).ok()?;
                    wire.into_iter().map(article_in).collect::<Option<Vec<_>>>()
                })
                .collect::<Option<Vec<_>>>()
        });
        let mut articles = Vec::new();
        for part in parts {
            articles.extend(part?.into_iter().flatten());
        }
        let warnings = self
            .warnings
            .into_iter()
            .map(|(path, message)| LoadWarning {
                path: PathBuf::from(path.into_owned()),
                message: message.into_owned(),
            })
            .collect();
        (keys.len() == articles.len()).then_some((Corpus { articles, warnings }, keys))
    }
}

fn article_in(a: ArticleWire) -> Option<Article> {
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
    Some(Article {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::frame::{decode, encode};

    #[test]
    fn many_chunks_come_back_in_order_and_a_bad_one_is_refused() {
        let builtin = crate::corpus::load_builtin();
        let mut c = Corpus::default();
        for i in 0..(2 * CHUNK + 3) {
            let mut a = builtin.articles[i % builtin.articles.len()].clone();
            a.id = format!("{i:04}");
            c.articles.push(a);
        }
        let keys: Vec<u128> = (0..c.articles.len() as u128).map(|k| k << 70 | k).collect();
        let bytes = encode("corpus", 1, &out(&c, &keys));
        let back: CorpusIn = decode(&bytes, "corpus", 1).unwrap();
        assert_eq!(back.chunks.len(), 3);
        let (again, keys_again) = back.corpus().unwrap();
        assert_eq!(
            (again.articles, keys_again),
            (c.articles.clone(), keys.clone())
        );
        let mut back: CorpusIn = decode(&bytes, "corpus", 1).unwrap();
        back.chunks[1] = Blob(b"\x05garbage".as_slice().into());
        assert!(back.corpus().is_none());
        // One key short, or a ragged key array: not this corpus's keys.
        let bytes = encode("corpus", 1, &out(&c, &keys[1..]));
        let back: CorpusIn = decode(&bytes, "corpus", 1).unwrap();
        assert!(back.corpus().is_none());
        let mut back: CorpusIn = decode(&bytes, "corpus", 1).unwrap();
        back.keys = Blob(vec![0u8; 16 * c.articles.len() + 3].into());
        assert!(back.corpus().is_none());
    }
}
