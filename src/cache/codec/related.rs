//! The related-paragraph index: its arrays as they are, stems as one
//! string with ends.

use super::super::blob::{Blob, Lazy, Raw, bytes_of, read_sizes, sizes};
use crate::analysis::related::{RelatedIndex, RelatedParts};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// As written; read back as [`RelatedIn`].
pub fn out(index: &RelatedIndex) -> impl Serialize + '_ {
    let v = index.view();
    let mut stems = String::new();
    let mut stem_ends = Vec::new();
    let mut stem_ids = Vec::new();
    for (s, id) in v.stems() {
        stems.push_str(s);
        stem_ends.push(stems.len() as u64);
        stem_ids.push(id);
    }
    (
        (
            Lazy(move || sizes(v.article_start)),
            Lazy(move || sizes(v.row_start)),
            Raw(v.term_ids),
            Raw(v.weights),
        ),
        v.vocabulary as u64,
        v.content_blocks as u64,
        stems,
        Lazy(move || bytes_of(stem_ends.iter().copied())),
        Lazy(move || bytes_of(stem_ids.iter().copied())),
        Raw(v.idf),
    )
}

#[derive(Deserialize)]
pub struct RelatedIn<'a> {
    #[serde(borrow)]
    arrays: (Blob<'a>, Blob<'a>, Blob<'a>, Blob<'a>),
    vocabulary: u64,
    content_blocks: u64,
    #[serde(borrow)]
    stems: Cow<'a, str>,
    #[serde(borrow)]
    stem_ends: Blob<'a>,
    #[serde(borrow)]
    stem_ids: Blob<'a>,
    #[serde(borrow)]
    idf: Blob<'a>,
}

impl RelatedIn<'_> {
    /// The index, if consistent with a corpus of these block counts.
    pub fn index(&self, counts: &[usize]) -> Option<RelatedIndex> {
        let stem_ends = read_sizes(&self.stem_ends)?;
        let stem_ids = self.stem_ids.read::<u32>()?;
        if stem_ends.len() != stem_ids.len() {
            return None;
        }
        let mut stems = Vec::with_capacity(stem_ids.len());
        let mut start = 0usize;
        for (&e, &id) in stem_ends.iter().zip(&stem_ids) {
            stems.push((self.stems.get(start..e)?.to_string(), id));
            start = e;
        }
        let (article_start, row_start, term_ids, weights) = &self.arrays;
        let parts = RelatedParts {
            article_start: read_sizes(article_start)?,
            row_start: read_sizes(row_start)?,
            term_ids: term_ids.read::<u32>()?,
            weights: weights.read::<f32>()?,
            vocabulary: usize::try_from(self.vocabulary).ok()?,
            content_blocks: usize::try_from(self.content_blocks).ok()?,
            stems,
            idf: self.idf.read::<f32>()?,
        };
        RelatedIndex::from_parts(parts, counts)
    }
}
