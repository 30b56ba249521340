//! The quote groups: every occurrence (block, place, text, speaker), how
//! it compares with the group's reference wording, and the group's
//! speaker; the per-block lookup is made again from them.

use super::in_range;
use crate::analysis::quotes::{Quote, QuoteGroup, Quotes, Variant};
use crate::corpus::{BlockRef, Corpus};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct QuoteWire {
    article: u32,
    block: u32,
    start: u32,
    end: u32,
    text: String,
    speaker: Option<String>,
    continued: bool,
    variant: u8,
}

#[derive(Serialize, Deserialize)]
pub struct GroupWire {
    quotes: Vec<QuoteWire>,
    reference: u32,
    speaker: Option<String>,
}

const VARIANTS: [Variant; 3] = [Variant::Same, Variant::Trimmed, Variant::Altered];

fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// As written (and read back).
pub fn out(quotes: &Quotes) -> Vec<GroupWire> {
    quotes
        .groups
        .iter()
        .map(|g| GroupWire {
            quotes: g
                .quotes
                .iter()
                .zip(&g.variants)
                .map(|(q, v)| QuoteWire {
                    article: narrow(q.at.article),
                    block: narrow(q.at.block),
                    start: narrow(q.start),
                    end: narrow(q.end),
                    text: q.text.clone(),
                    speaker: q.speaker.clone(),
                    continued: q.continued,
                    variant: VARIANTS.iter().position(|x| x == v).unwrap_or(0) as u8,
                })
                .collect(),
            reference: narrow(g.reference),
            speaker: g.speaker.clone(),
        })
        .collect()
}

/// The quotes of `corpus`, if every occurrence is a stretch of one of its
/// blocks and every group is whole.
pub fn quotes(wire: Vec<GroupWire>, corpus: &Corpus, counts: &[usize]) -> Option<Quotes> {
    let groups = wire
        .into_iter()
        .map(|g| {
            let n = g.quotes.len();
            if n == 0 || g.reference as usize >= n {
                return None;
            }
            let mut quotes = Vec::with_capacity(n);
            let mut variants = Vec::with_capacity(n);
            for q in g.quotes {
                let at = BlockRef::new(q.article as usize, q.block as usize);
                let text = in_range(counts, q.article, q.block)
                    .then(|| corpus.get(at))
                    .flatten()?
                    .text
                    .as_str();
                let (start, end) = (q.start as usize, q.end as usize);
                text.get(start..end)?;
                variants.push(*VARIANTS.get(q.variant as usize)?);
                quotes.push(Quote {
                    at,
                    start,
                    end,
                    text: q.text,
                    speaker: q.speaker,
                    continued: q.continued,
                });
            }
            Some(QuoteGroup {
                quotes,
                variants,
                reference: g.reference as usize,
                speaker: g.speaker,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Quotes::of_groups(groups))
}
