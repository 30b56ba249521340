//! Shingle sets kept per article, so the near-duplicate pass can be run
//! again after a few articles changed without shingling the others: the
//! sets of an unchanged article are the sets it had (its content is the
//! same), and `incremental` joins only what the changed articles touch.

use super::shingling::shingles_into;
use crate::corpus::Article;

/// The shingle sets of one article's content blocks, flat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleShingles {
    /// Index of each content block in the article, ascending.
    pub blocks: Vec<u32>,
    /// End of each block's set in `flat`.
    pub ends: Vec<u32>,
    /// The sets, one after another, each sorted and de-duplicated.
    pub flat: Vec<u64>,
}

impl ArticleShingles {
    /// Shingle the content blocks of `article`.
    pub fn of(article: &Article) -> ArticleShingles {
        let mut out = ArticleShingles::default();
        let mut words = Vec::new();
        for (i, block) in article.content_blocks() {
            shingles_into(&block.text, &mut words, &mut out.flat);
            out.blocks.push(narrow(i));
            out.ends.push(narrow(out.flat.len()));
        }
        out.flat.shrink_to_fit();
        out
    }

    /// Content blocks.
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// (block index, its set), in block order.
    pub fn sets(&self) -> impl Iterator<Item = (usize, &[u64])> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.blocks
            .iter()
            .zip(starts.zip(self.ends.iter().copied()))
            .map(|(&b, (s, e))| {
                let set = self.flat.get(s as usize..e as usize).unwrap_or(&[]);
                (b as usize, set)
            })
    }

    /// Whether the parts agree with each other (a decoded cache entry is
    /// checked before use): ends ascending within `flat`, blocks ascending,
    /// every set sorted and de-duplicated.
    pub fn is_consistent(&self) -> bool {
        self.blocks.len() == self.ends.len()
            && self.blocks.windows(2).all(|w| w[0] < w[1])
            && self.ends.windows(2).all(|w| w[0] <= w[1])
            && self.ends.last().map_or(0, |&e| e as usize) == self.flat.len()
            && self.sets().all(|(_, s)| s.windows(2).all(|w| w[0] < w[1]))
    }
}

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
