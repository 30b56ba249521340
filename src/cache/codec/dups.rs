//! Near-duplicate pairs: articles and blocks of both sides, and two
//! scores; the scope follows from the articles.

use super::super::blob::{Blob, Lazy, bytes_of};
use crate::analysis::dups::{DupPair, Scope};
use crate::corpus::BlockRef;
use serde::{Deserialize, Serialize};

/// As written; read back as [`DupsIn`].
pub fn out(pairs: &[DupPair]) -> impl Serialize + '_ {
    (
        Lazy(move || {
            bytes_of(
                pairs
                    .iter()
                    .flat_map(|p| [p.a.article, p.a.block, p.b.article, p.b.block].map(narrow)),
            )
        }),
        Lazy(move || bytes_of(pairs.iter().map(|p| p.jaccard))),
        Lazy(move || bytes_of(pairs.iter().map(|p| p.containment))),
    )
}

#[derive(Deserialize)]
pub struct DupsIn<'a> {
    /// a.article, a.block, b.article, b.block per pair.
    #[serde(borrow)]
    refs: Blob<'a>,
    #[serde(borrow)]
    jaccard: Blob<'a>,
    #[serde(borrow)]
    containment: Blob<'a>,
}

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl DupsIn<'_> {
    /// The pairs, if `exists(article, block)` holds for every block named
    /// and the pairs are in the order the pass gives.
    pub fn pairs(&self, exists: impl Fn(u32, u32) -> bool) -> Option<Vec<DupPair>> {
        let refs = self.refs.read::<u32>()?;
        let jaccard = self.jaccard.read::<f64>()?;
        let containment = self.containment.read::<f64>()?;
        let n = jaccard.len();
        if refs.len() != 4 * n || containment.len() != n {
            return None;
        }
        let mut out = Vec::with_capacity(n);
        for ((r, &j), &c) in refs.chunks_exact(4).zip(&jaccard).zip(&containment) {
            if !exists(r[0], r[1]) || !exists(r[2], r[3]) {
                return None;
            }
            let a = BlockRef::new(r[0] as usize, r[1] as usize);
            let b = BlockRef::new(r[2] as usize, r[3] as usize);
            let scores_sound = (0.0..=1.0).contains(&j) && (0.0..=1.0).contains(&c);
            if a >= b || !scores_sound {
                return None;
            }
            out.push(DupPair {
                a,
                b,
                jaccard: j,
                containment: c,
                scope: if a.article == b.article {
                    Scope::Within
                } else {
                    Scope::Across
                },
            });
        }
        out.windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b))
            .then_some(out)
    }
}
