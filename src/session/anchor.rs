//! Anchors: a position in the corpus that survives a changed corpus and a
//! changed terminal width. An anchor names the article by id and the block
//! by index, plus a short fingerprint of the block's text so that a block
//! whose index shifted (a paragraph added above it) is still found.

use crate::corpus::sanitize::Clean;
use crate::corpus::{BlockRef, Corpus};
use serde::{Deserialize, Serialize};

/// A block named by article id and block index, with a fingerprint of its
/// text when it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Shown in reports and listings, so read through the sanitiser (ids
    /// of a loaded corpus are sanitised already, so they still match).
    pub article: Clean,
    pub block: usize,
    /// [`fingerprint`] of the block's text; absent in hand-written files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

impl Anchor {
    /// The anchor of a block of a loaded corpus (`None` when `at` does not
    /// name a block).
    pub fn at(corpus: &Corpus, at: BlockRef) -> Option<Anchor> {
        let article = corpus.articles.get(at.article)?;
        let block = article.blocks.get(at.block)?;
        Some(Anchor {
            article: Clean::line(&article.id),
            block: at.block,
            fingerprint: Some(fingerprint(&block.text)),
        })
    }

    /// The anchor of an article's first block (for an article that is open
    /// but not scrolled); `None` for an unknown index.
    pub fn start_of(corpus: &Corpus, article: usize) -> Option<Anchor> {
        let a = corpus.articles.get(article)?;
        Some(Anchor {
            article: Clean::line(&a.id),
            block: 0,
            fingerprint: a.blocks.first().map(|b| fingerprint(&b.text)),
        })
    }
}

/// A short, stable fingerprint of a block's text: 64-bit FNV-1a over the
/// lowercased text with runs of whitespace collapsed, as 16 hex digits.
/// Not cryptographic; it only has to tell paragraphs of one article apart.
pub fn fingerprint(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            feed(b" ");
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            feed(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    format!("{hash:016x}")
}

/// Find an anchor in a corpus that may have changed since it was saved:
/// - the article is looked up by exact id; gone → `None`;
/// - the block whose text has the anchor's fingerprint wins, the one
///   nearest the saved index when the text repeats;
/// - otherwise the saved index, or the article's last block when the
///   article got shorter; an article with no blocks → `None`.
pub fn resolve_anchor(corpus: &Corpus, anchor: &Anchor) -> Option<BlockRef> {
    let ai = corpus
        .articles
        .iter()
        .position(|a| anchor.article == a.id)?;
    let blocks = &corpus.articles[ai].blocks;
    let last = blocks.len().checked_sub(1)?;
    if let Some(fp) = &anchor.fingerprint
        && let Some(found) = nearest_with(blocks.len(), anchor.block, |i| {
            blocks.get(i).is_some_and(|b| fingerprint(&b.text) == *fp)
        })
    {
        return Some(BlockRef::new(ai, found));
    }
    Some(BlockRef::new(ai, anchor.block.min(last)))
}

/// The index nearest `from` (checking `from`, then `from+1`, `from-1`, …)
/// in `0..len` for which `hit` holds.
fn nearest_with(len: usize, from: usize, hit: impl Fn(usize) -> bool) -> Option<usize> {
    let from = from.min(len.saturating_sub(1));
    (0..len).find_map(|d| {
        [from.checked_add(d), from.checked_sub(d)]
            .into_iter()
            .flatten()
            .filter(|&i| i < len)
            .find(|&i| hit(i))
    })
}

/// The block index an anchor resolves to inside article `article` (an
/// index), or `None` when it resolves elsewhere or not at all: for
/// restoring a pane whose article is already chosen.
pub fn resolve_in(corpus: &Corpus, article: usize, anchor: &Anchor) -> Option<usize> {
    resolve_anchor(corpus, anchor)
        .filter(|r| r.article == article)
        .map(|r| r.block)
}

/// The first `max_chars` characters of a text on one line, with "…" when
/// cut: the excerpt a bookmark keeps.
pub fn excerpt(text: &str, max_chars: usize) -> Clean {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return Clean::line(&flat);
    }
    let mut cut: String = flat.chars().take(max_chars.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    Clean::line(&cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_case_and_spacing_but_not_words() {
        assert_eq!(
            fingerprint("The  talks\nended"),
            fingerprint("the talks ended")
        );
        assert_ne!(
            fingerprint("the talks ended"),
            fingerprint("the talks began")
        );
        assert_eq!(fingerprint("x").len(), 16);
    }

    #[test]
    fn nearest_prefers_the_closest_hit() {
        let hits = [2usize, 9];
        assert_eq!(nearest_with(12, 7, |i| hits.contains(&i)), Some(9));
        assert_eq!(nearest_with(12, 4, |i| hits.contains(&i)), Some(2));
        assert_eq!(nearest_with(12, 100, |i| hits.contains(&i)), Some(9));
        assert_eq!(nearest_with(0, 0, |_| true), None);
    }

    #[test]
    fn excerpts_are_cut_on_one_line() {
        assert_eq!(excerpt("a\nb  c", 10), "a b c");
        assert_eq!(excerpt("abcdef ghij", 8), "abcdef…");
        assert_eq!(excerpt("", 5), "");
    }
}
