//! What a cache entry is keyed by: the content of each article as loaded
//! (its blocks and metadata: exactly what the analysis reads, so loader
//! options and corpus-wide loading passes are covered too), hashed with
//! xxh3-128. The corpus key is the article keys in corpus order; the
//! article's id and path are left out (no analysis reads them), so a
//! renamed or moved file still matches.

use crate::corpus::{Article, Corpus};
use serde::Serialize;
use std::path::PathBuf;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// Articles hashed per work unit.
const CHUNK: usize = 256;

/// A writer that only hashes.
struct Hashing(Xxh3);

impl std::io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// xxh3-128 of a value's postcard encoding (a canonical form of it).
pub fn hash_of(value: &impl Serialize) -> u128 {
    let mut h = Hashing(Xxh3::new());
    // Writing into a hasher cannot fail; a value serde cannot encode
    // hashes as what was written before it.
    let _ = postcard::to_io(value, &mut h);
    h.0.digest128()
}

/// The key of one article's content.
#[cfg(test)]
pub fn article_key(a: &Article) -> u128 {
    article_key_in(a, &mut Vec::new())
}

/// [`article_key`], the encoding made in `room` (reused from article to
/// article) and hashed in one call: the same hash as [`hash_of`]'s
/// streaming one, without a hasher update for every field.
fn article_key_in(a: &Article, room: &mut Vec<u8>) -> u128 {
    let content = (&a.meta, &a.blocks, a.hidden_chars);
    room.clear();
    match postcard::to_extend(&content, std::mem::take(room)) {
        Ok(bytes) => {
            *room = bytes;
            xxh3_128(room)
        }
        Err(_) => hash_of(&content),
    }
}

/// Every article's key, in corpus order, on all cores.
pub fn article_keys(corpus: &Corpus) -> Vec<u128> {
    crate::parallel::map_chunks(corpus.articles.len(), CHUNK, |r| {
        let mut room = Vec::new();
        corpus.articles[r]
            .iter()
            .map(|a| article_key_in(a, &mut room))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The article keys of the corpus a [`super::Cache`] loaded last (read
/// with it, or made to write it), kept for binding that same corpus: the
/// reader's launch would otherwise hash every article again.
#[derive(Debug)]
pub struct LoadedKeys {
    /// Where that corpus's articles are: a corpus moved (into an `Arc`, to
    /// another thread) keeps them there; a copy is elsewhere.
    articles: usize,
    /// The corpus's outline ([`outline`]): an address can be reused by
    /// another corpus once the loaded one is dropped, and the wrong keys
    /// would bind another corpus's analysis.
    outline: u128,
    keys: Vec<u128>,
}

impl LoadedKeys {
    pub fn of(corpus: &Corpus, keys: Vec<u128>) -> LoadedKeys {
        LoadedKeys {
            articles: corpus.articles.as_ptr() as usize,
            outline: outline(corpus),
            keys,
        }
    }

    /// The keys, if they are `corpus`'s: the same articles, where they
    /// were loaded, with the same outline.
    pub fn of_corpus(self, corpus: &Corpus) -> Option<Vec<u128>> {
        (self.articles == corpus.articles.as_ptr() as usize
            && self.keys.len() == corpus.articles.len()
            && self.outline == outline(corpus))
        .then_some(self.keys)
    }
}

/// A cheap fingerprint of a corpus: each article's id, and each block's
/// kind and length (not the text, which the keys themselves hash).
fn outline(corpus: &Corpus) -> u128 {
    let mut h = Hashing(Xxh3::new());
    for a in &corpus.articles {
        h.0.update(a.id.as_bytes());
        h.0.update(&(a.blocks.len() as u64).to_le_bytes());
        for b in &a.blocks {
            h.0.update(&[b.kind as u8]);
            h.0.update(&(b.text.len() as u64).to_le_bytes());
        }
    }
    h.0.digest128()
}

/// The key of a corpus from its article keys.
pub fn corpus_key(articles: &[u128]) -> u128 {
    hash_of(&(super::frame::FORMAT, articles))
}

/// What names "the same inputs" across launches, so a changed corpus can
/// start from the analysis of its previous version: the paths asked for,
/// made absolute where they exist.
pub fn lineage(paths: &[PathBuf]) -> u128 {
    let resolved: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    hash_of(&("lineage", resolved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_keys_are_refused_for_another_corpus_at_the_same_address() {
        // What a corpus dropped and another made in its room looks like:
        // the same articles vector, other content.
        let mut corpus = crate::corpus::load_builtin();
        let kept = LoadedKeys::of(&corpus, article_keys(&corpus));
        corpus.articles[0].blocks[0].text.push_str(" and more");
        assert!(kept.of_corpus(&corpus).is_none());
        let kept = LoadedKeys::of(&corpus, article_keys(&corpus));
        assert_eq!(kept.of_corpus(&corpus), Some(article_keys(&corpus)));
    }

    #[test]
    fn keys_follow_content_not_names() {
        let c = crate::corpus::load_builtin();
        let mut renamed = c.articles[0].clone();
        renamed.id = "other".into();
        renamed.path = Some("/elsewhere/other.md".into());
        assert_eq!(article_key(&renamed), article_key(&c.articles[0]));
        let mut edited = c.articles[0].clone();
        edited.blocks[1].text.push('!');
        assert_ne!(article_key(&edited), article_key(&c.articles[0]));
        let keys = article_keys(&c);
        assert_eq!(keys.len(), c.articles.len());
        // Made in one call, as the streaming hash of the same encoding.
        for (a, &k) in c.articles.iter().zip(&keys) {
            assert_eq!(k, hash_of(&(&a.meta, &a.blocks, a.hidden_chars)));
        }
        let mut swapped = keys.clone();
        swapped.swap(0, 1);
        assert_ne!(corpus_key(&keys), corpus_key(&swapped));
    }
}
