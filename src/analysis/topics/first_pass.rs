//! The first pass over the text, the costly one: every content block is
//! scanned once into the vocabulary (with case counts), the term stream
//! and its counts, and the capitalised runs. On a large corpus the articles
//! are split into contiguous ranges read on several threads, then merged
//! in corpus order, which gives the same vocabulary, stream and runs as one
//! thread would (only the pruned counts of very large corpora may differ).

use super::counts::{MAX_GRAMS, PhraseCounter, RepeatFilter};
use super::runs::Runs;
use super::scan::scan;
use super::stream::{StreamWord, TermStream};
use super::vocab::{NO_TERM, Vocab};
use crate::corpus::{BlockKind, BlockRef, Corpus};
use crate::parallel;
use std::ops::Range;
use std::panic::AssertUnwindSafe;

/// Below this many articles per thread, threads cost more than they save.
const ARTICLES_PER_THREAD: usize = 64;
const MAX_THREADS: usize = 8;

pub struct FirstPass {
    pub vocab: Vocab,
    pub runs: Runs,
    pub stream: TermStream,
    pub counter: PhraseCounter,
}

pub fn first_pass(corpus: &Corpus) -> FirstPass {
    let n = corpus.articles.len();
    let threads = parallel::threads()
        .min(MAX_THREADS)
        .min(n / ARTICLES_PER_THREAD)
        .max(1);
    let mut pass = if threads == 1 {
        read(corpus, 0..n, MAX_GRAMS)
    } else {
        read_in_parallel(corpus, threads)
    };
    pass.vocab.finish_case_counts();
    pass
}

fn read_in_parallel(corpus: &Corpus, threads: usize) -> FirstPass {
    let mut ranges = balanced_ranges(corpus, threads);
    let parts: Option<Vec<FirstPass>> = parallel::map_mut(&mut ranges, |r| {
        let read_range = AssertUnwindSafe(|| read(corpus, r.clone(), MAX_GRAMS / threads));
        std::panic::catch_unwind(read_range).ok()
    })
    .into_iter()
    .collect();
    // A range that failed (it cannot, short of running out of memory) is
    // no reason to fail: read everything on this thread.
    let Some(parts) = parts else {
        return read(corpus, 0..corpus.articles.len(), MAX_GRAMS);
    };
    let mut parts = parts.into_iter();
    let Some(mut whole) = parts.next() else {
        return read(corpus, 0..corpus.articles.len(), MAX_GRAMS);
    };
    let mut offset = whole.stream.articles();
    for part in parts {
        let remap = whole.vocab.absorb(part.vocab);
        whole.stream.append(part.stream, &remap);
        whole.counter.absorb(part.counter, &remap, offset);
        whole.runs.absorb(part.runs);
        offset = whole.stream.articles();
    }
    whole.counter.prune();
    whole
}

/// Contiguous article ranges with about the same amount of text each.
fn balanced_ranges(corpus: &Corpus, parts: usize) -> Vec<Range<usize>> {
    let sizes: Vec<usize> = corpus
        .articles
        .iter()
        .map(|a| a.blocks.iter().map(|b| b.text.len() + 1).sum())
        .collect();
    let total: usize = sizes.iter().sum();
    let mut ranges = Vec::with_capacity(parts);
    let (mut start, mut acc) = (0, 0);
    for (i, size) in sizes.iter().enumerate() {
        acc += size;
        let done = ranges.len() + 1;
        if done < parts && acc * parts >= total * done {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    ranges.push(start..sizes.len());
    ranges.retain(|r| !r.is_empty());
    ranges
}

/// Read the articles of `range` (stream and counter indices count from the
/// range's start; block references are corpus-wide).
fn read(corpus: &Corpus, range: Range<usize>, max_grams: usize) -> FirstPass {
    let articles = corpus.articles.get(range.clone()).unwrap_or(&[]);
    let mut vocab = Vocab::default();
    let mut runs = Runs::default();
    let mut stream = TermStream::default();
    // Distinct phrases run at about a word in five on news text (a word is
    // some six bytes).
    let bytes: usize = articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.text.len()))
        .sum();
    let mut counter = PhraseCounter::with_capacity_limit(max_grams, bytes / 30);
    let mut words = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut repeats = RepeatFilter::default();
    for (local, article) in articles.iter().enumerate() {
        let ai = range.start + local;
        repeats.new_article();
        stream.start_article();
        for (bi, block) in article.content_blocks() {
            let at = BlockRef::new(ai, bi);
            let heading = block.kind == BlockKind::Heading;
            let text = block.text.as_str();
            scan(text, &mut words);
            // One walk over the words: their ids, how each is written, and
            // the block's fingerprint for spotting repeats.
            ids.clear();
            let mut fingerprint = RepeatFilter::fingerprint();
            for w in &words {
                let surface = w.text(text);
                let id = vocab.word_id(surface);
                vocab.note_case(id, surface, w.gap, heading);
                RepeatFilter::add_word(&mut fingerprint, surface);
                ids.push(id);
            }
            let repeat = repeats.is_repeat(fingerprint);
            let stream_words = words.iter().zip(&ids).map(|(w, &id)| StreamWord {
                term: vocab.word_info.get(id as usize).map_or(NO_TERM, |i| i.term),
                tight: w.gap.is_tight(),
                start: w.start,
                opens_sentence: w.gap.starts_sentence(),
            });
            stream.push_block(at, heading, repeat, stream_words);
            // Headings and table cells are title-cased: no evidence of names.
            let discover = !heading && block.kind != BlockKind::TableRow;
            runs.add_block(text, &words, at, discover);
        }
        counter.count_article(&stream, local);
    }
    FirstPass {
        vocab,
        runs,
        stream,
        counter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Block, Metadata};

    fn corpus(articles: usize) -> Corpus {
        let text = |i: usize| {
            format!(
                "Officials in Port Ellery met Ilse Varga about water quality {i}. \
                 The water quality report {} came from the harbour office.",
                i % 7
            )
        };
        Corpus {
            articles: (0..articles)
                .map(|i| Article {
                    id: format!("a{i}"),
                    path: None,
                    meta: Metadata::default(),
                    blocks: vec![Block {
                        kind: BlockKind::Paragraph,
                        text: text(i),
                        reason: None,
                        line: 1,
                    }],
                    hidden_chars: 0,
                })
                .collect(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn ranges_cover_every_article_once_in_order() {
        let c = corpus(50);
        for parts in 1..6 {
            let r = balanced_ranges(&c, parts);
            assert_eq!(r.len(), parts);
            assert_eq!(r.first().map(|r| r.start), Some(0));
            assert_eq!(r.last().map(|r| r.end), Some(50));
            assert!(r.windows(2).all(|w| w[0].end == w[1].start));
        }
    }

    #[test]
    fn a_word_ending_in_capital_sigma_is_one_word_in_every_part() {
        // Its stored spelling ends in "ς": merging parts looks it up by
        // that spelling, which must find the word the text gave.
        let mut c = corpus(300);
        for a in &mut c.articles {
            a.blocks[0].text.push_str(" Ο ΣΟΦΟΣ λογος.");
        }
        let one = read(&c, 0..300, MAX_GRAMS);
        let many = read_in_parallel(&c, 3);
        assert_eq!(one.vocab.word_info.len(), many.vocab.word_info.len());
        let sofos = |p: &FirstPass| p.vocab.find("ΣΟΦΟΣ").map(|w| (w.term, w.lower));
        assert_eq!(sofos(&one), sofos(&many));
    }

    #[test]
    fn parallel_reading_matches_one_thread() {
        let c = corpus(300);
        let one = read(&c, 0..300, MAX_GRAMS);
        let many = read_in_parallel(&c, 3);
        assert_eq!(one.stream.articles(), many.stream.articles());
        for a in [0, 150, 299] {
            let (x, y) = (one.stream.blocks_of(a), many.stream.blocks_of(a));
            assert_eq!(x.len(), y.len());
            for (bx, by) in x.iter().zip(y) {
                assert_eq!(bx.at, by.at);
                assert_eq!(one.stream.terms(bx), many.stream.terms(by));
            }
        }
        assert_eq!(one.counter.unigrams.len(), many.counter.unigrams.len());
        for (a, b) in one.counter.unigrams.iter().zip(&many.counter.unigrams) {
            assert_eq!((a.total, a.df), (b.total, b.df));
        }
        assert_eq!(one.counter.grams.len(), many.counter.grams.len());
        for (g, s) in one.counter.grams.iter() {
            let t = many.counter.grams.get(g).map(|t| (t.total, t.df));
            assert_eq!(t, Some((s.total, s.df)));
        }
        let runs = |p: &FirstPass| {
            let mut v: Vec<(String, Vec<BlockRef>)> = p
                .runs
                .iter()
                .map(|(k, occ)| (format!("{k:?}"), occ.to_vec()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(runs(&one), runs(&many));
    }
}
