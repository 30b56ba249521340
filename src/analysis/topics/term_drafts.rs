//! The occurrence pass of term topics: every use of every selected word
//! and phrase, found in one walk over the term stream.

use super::draft::{Draft, PLAIN_SURFACE, WEAK_SURFACE};
use super::gram::{self, Gram};
use super::selection::Selection;
use super::stream::{StartCursor, TermStream};
use super::topic::TopicKind;
use super::usage::{Usage, Written};
use super::vocab::Vocab;
use crate::analysis::prefetch::prefetch;
use crate::corpus::Corpus;
use crate::parallel;

/// For each selected gram, how many entries its draft will hold: runs of
/// one block (occurrences) and runs of one article (amounts), as
/// `Draft::add` keeps them. Counted in a walk of its own so that each
/// draft is allocated once at its size: growing millions of occurrence
/// lists by doubling left a quarter of their memory spare at the peak of
/// the analysis (10,000 articles; BENCHMARKS.md).
///
/// Counted on the pool, `chunk` articles at a time, and summed: a run
/// never crosses an article, so none crosses a chunk either.
fn room_needed(
    stream: &TermStream,
    selection: &Selection,
    n: usize,
    chunk: usize,
) -> Vec<(usize, usize)> {
    let counted = parallel::map_chunks(stream.articles(), chunk, |articles| {
        // Per gram, in one place (each hit is a miss otherwise): blocks,
        // articles, and the numbers (from 1 in this chunk) of the last
        // block and article that used it.
        let mut room = vec![[0u32; 4]; n];
        let (mut block, mut article) = (0u32, 0u32);
        for a in articles {
            article += 1;
            for b in stream.blocks_of(a) {
                block += 1;
                selection.each_in(stream.terms(b), |_, _, id| {
                    let Some(r) = room.get_mut(id) else {
                        return;
                    };
                    if r[2] != block {
                        r[0] += 1;
                        r[1] += u32::from(r[3] != article);
                        (r[2], r[3]) = (block, article);
                    }
                });
            }
        }
        room
    });
    let mut room = vec![(0usize, 0usize); n];
    for part in counted {
        for (r, p) in room.iter_mut().zip(part) {
            r.0 += p[0] as usize;
            r.1 += p[1] as usize;
        }
    }
    room
}

/// Articles counted at a time by [`room_needed`]: each chunk keeps two
/// tables as long as the selection, so not too many chunks.
const ROOM_CHUNK: usize = 1024;

/// Drafts for the selected grams with every occurrence.
///
/// On a large corpus the grams are dealt out to several threads by number
/// (gram `g` to part `g % parts`), each walking the whole stream with a
/// selection of its own grams only: a gram meets its occurrences in the
/// same order as on one thread, so its surfaces, usage samples and draft
/// are the same, and the costly part (looking phrases up, finding a
/// surface in the text, sampling its use) is shared out; only the word
/// lookups are repeated.
pub fn term_drafts(
    corpus: &Corpus,
    stream: &TermStream,
    vocab: &Vocab,
    selected: &[Gram],
) -> Vec<Draft> {
    let parts = if stream.articles() >= ARTICLES_PER_PART {
        parallel::threads().clamp(1, MAX_PARTS)
    } else {
        1
    };
    drafts_in_parts(corpus, stream, vocab, selected, parts)
}

/// [`term_drafts`] with the grams dealt out to `parts` parts.
fn drafts_in_parts(
    corpus: &Corpus,
    stream: &TermStream,
    vocab: &Vocab,
    selected: &[Gram],
    parts: usize,
) -> Vec<Draft> {
    let parts = parts.max(1);
    let terms = selected
        .iter()
        .flat_map(|&g| gram::terms(g))
        .max()
        .map_or(0, |t| t as usize + 1);
    let room = room_needed(
        stream,
        &Selection::new(selected, terms, 0, 1),
        selected.len(),
        ROOM_CHUNK,
    );
    let walk = Walk {
        corpus,
        stream,
        vocab,
        selected,
        terms,
        room: &room,
    };
    let mut dealt: Vec<std::vec::IntoIter<Draft>> =
        parallel::map_chunks(parts, 1, |r| walk.drafts_of_part(r.start, parts))
            .into_iter()
            .map(Vec::into_iter)
            .collect();
    (0..selected.len())
        .filter_map(|g| dealt.get_mut(g % parts).and_then(Iterator::next))
        .collect()
}

/// Below this many articles the grams are not dealt out.
const ARTICLES_PER_PART: usize = 256;
/// Each part walks the whole stream: past a few, the repeated walks cost
/// more than the shared work saves.
const MAX_PARTS: usize = 4;

/// What every part of the occurrence pass reads.
struct Walk<'a> {
    corpus: &'a Corpus,
    stream: &'a TermStream,
    vocab: &'a Vocab,
    selected: &'a [Gram],
    /// Term ids in `selected` are below this.
    terms: usize,
    room: &'a [(usize, usize)],
}

impl Walk<'_> {
    /// The drafts of grams `part`, `part + parts`, … in that order.
    fn drafts_of_part(&self, part: usize, parts: usize) -> Vec<Draft> {
        let (stream, vocab) = (self.stream, self.vocab);
        let mut drafts: Vec<Draft> = self
            .room
            .iter()
            .skip(part)
            .step_by(parts)
            .map(|&(blocks, articles)| Draft::with_room(TopicKind::Term, blocks, articles))
            .collect();
        let mut usage: Vec<Usage> = vec![Usage::default(); drafts.len()];
        let selection = Selection::new(self.selected, self.terms, part, parts);
        // A block's uses of selected grams, gathered first so that each
        // gram's draft and usage, then the ends of its lists, can be asked
        // for before the uses are recorded (each is a miss otherwise: the
        // drafts of a large corpus are far larger than the caches).
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for article in 0..stream.articles() {
            for b in stream.blocks_of(article) {
                let ids = stream.terms(b);
                hits.clear();
                selection.each_in(ids, |i, len, mine| hits.push((i, len, mine)));
                if hits.is_empty() {
                    continue;
                }
                for &(_, _, mine) in &hits {
                    if let (Some(d), Some(u)) = (drafts.get(mine), usage.get(mine)) {
                        d.prefetch();
                        prefetch(u);
                    }
                }
                for &(_, _, mine) in &hits {
                    if let Some(d) = drafts.get(mine) {
                        d.prefetch_ends();
                    }
                }
                let text = self.corpus.get(b.at).map_or("", |blk| blk.text.as_str());
                let mut cursor = StartCursor::default();
                for &(i, len, mine) in &hits {
                    let (Some(d), Some(u)) = (drafts.get_mut(mine), usage.get_mut(mine)) else {
                        continue;
                    };
                    d.add(b.at, 1.0);
                    u.count(vocab, ids, i, len);
                    // The text is looked at for a sample of occurrences
                    // only: finding a word's place in its block walks the
                    // block.
                    let sample = u.wants_sample(len);
                    if d.surfaces.is_full() && !sample {
                        continue;
                    }
                    let Some((surface, opens)) = stream.surface_at(&mut cursor, text, b, i, len)
                    else {
                        continue;
                    };
                    if !d.surfaces.is_full() {
                        let plain = !b.heading && !opens;
                        d.surfaces
                            .add(surface, if plain { PLAIN_SURFACE } else { WEAK_SURFACE });
                    }
                    if sample {
                        u.sample(Written::of(text, surface));
                    }
                }
            }
        }
        // How each term is used (a modifier, a head, a verb) weighs on its
        // score: see `usage`.
        for (d, u) in drafts.iter_mut().zip(usage) {
            d.score_factor = u.factor(d.surfaces.best().unwrap_or(""));
        }
        drafts
    }
}

#[cfg(test)]
mod tests {
    use super::super::first_pass::first_pass;
    use super::super::phrases::select;
    use super::*;
    use crate::corpus::{Article, Block, BlockKind, Metadata};

    fn article(i: usize, blocks: &[&str]) -> Article {
        Article {
            id: format!("a{i}"),
            path: None,
            meta: Metadata::default(),
            blocks: blocks
                .iter()
                .map(|t| Block {
                    kind: BlockKind::Paragraph,
                    text: t.to_string(),
                    reason: None,
                    line: 1,
                })
                .collect(),
            hidden_chars: 0,
        }
    }

    #[test]
    fn each_draft_is_allocated_once_at_its_size() {
        // Terms used twice in a block, in several blocks of one article,
        // and across articles: runs of blocks and of articles differ.
        let texts: Vec<Vec<String>> = (0..6)
            .map(|a| {
                (0..4)
                    .map(|b| {
                        format!(
                            "Harbour tariffs and arms control talks, harbour tariffs again in round {b}; \
                             the ministers {} weighed arms control.",
                            if (a + b) % 2 == 0 { "quietly" } else { "openly" }
                        )
                    })
                    .collect()
            })
            .collect();
        let corpus = Corpus {
            articles: texts
                .iter()
                .enumerate()
                .map(|(i, t)| article(i, &t.iter().map(String::as_str).collect::<Vec<_>>()))
                .collect(),
            warnings: Vec::new(),
        };
        let pass = first_pass(&corpus);
        let selected = select(&pass.stream, &pass.vocab, &pass.counter);
        let drafts = term_drafts(&corpus, &pass.stream, &pass.vocab, &selected);
        assert!(drafts.len() >= 3, "{}", drafts.len());
        let used: usize = drafts.iter().map(|d| d.occurrences.len()).sum();
        assert!(used > drafts.len(), "{used}");
        for d in &drafts {
            assert_eq!(d.spare(), (0, 0), "{:?}", d.surfaces.best());
        }
        // Dealt out to three parts, every draft is the one a single walk
        // makes (occurrences, surfaces, usage factor), in gram order.
        let shown = |ds: &[Draft]| -> Vec<String> { ds.iter().map(|d| format!("{d:?}")).collect() };
        let dealt = drafts_in_parts(&corpus, &pass.stream, &pass.vocab, &selected, 3);
        assert_eq!(shown(&dealt), shown(&drafts));
        // Counted an article at a time and summed, the room is the same.
        let terms = 1 + selected.iter().flat_map(|&g| gram::terms(g)).max().unwrap() as usize;
        let selection = Selection::new(&selected, terms, 0, 1);
        let whole = room_needed(&pass.stream, &selection, selected.len(), usize::MAX);
        assert_eq!(
            room_needed(&pass.stream, &selection, selected.len(), 1),
            whole
        );
        assert!(
            whole
                .iter()
                .any(|&(blocks, articles)| blocks > articles && articles > 1)
        );
    }
}
