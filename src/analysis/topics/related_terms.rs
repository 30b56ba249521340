//! The related-paragraph index made from the first pass's term stream
//! instead of from the text read again: the stream holds the term ids of
//! every content block (`TermStream::into_term_ids`), and the vocabulary numbers its stems as the
//! related index does (lower-cased, filtered and stemmed alike, numbered
//! in order of first use), so the index's rows are the stream's blocks
//! counted.

use super::gram;
use super::vocab::{TermId, Vocab};
use crate::analysis::related::RelatedIndex;
use crate::corpus::{BlockRef, Corpus};
use std::ops::Range;

/// The related index of `corpus`, the one `RelatedIndex::build` makes;
/// `None` where the stream leaves terms out (past the term ids a gram
/// holds, or past 4 GiB into a block).
pub fn related_index(
    corpus: &Corpus,
    (ids, blocks): (Vec<TermId>, Vec<(BlockRef, Range<usize>)>),
    vocab: &Vocab,
) -> Option<RelatedIndex> {
    let complete = vocab.terms() <= gram::MAX_TERM as usize + 1
        && corpus
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .all(|b| u32::try_from(b.text.len()).is_ok());
    if !complete {
        return None;
    }
    RelatedIndex::from_term_ids(corpus, vocab.stems(), ids, blocks)
}

#[cfg(test)]
mod tests {
    use super::super::first_pass::first_pass;
    use super::*;
    use crate::corpus::{Article, BlockKind};

    fn from_stream(corpus: &Corpus) -> Option<RelatedIndex> {
        let pass = first_pass(corpus);
        related_index(corpus, pass.stream.into_term_ids(), &pass.vocab)
    }

    #[test]
    fn the_stream_gives_the_index_the_text_gives() {
        let builtin = crate::corpus::load_builtin();
        assert_eq!(from_stream(&builtin), Some(RelatedIndex::build(&builtin)));
        // Enough articles to be read on several threads by both.
        let dir = tempfile::tempdir().expect("temp dir");
        let synth = crate::dev::synth::write_corpus(dir.path(), 1100, 5)
            .expect("generate")
            .1;
        assert_eq!(from_stream(&synth), Some(RelatedIndex::build(&synth)));
    }

    #[test]
    fn cases_and_scripts_number_stems_alike() {
        use BlockKind::*;
        let c = Corpus {
            articles: vec![
                Article::of_blocks(
                    "a",
                    &[
                        (Metadata, "By Someone in İstanbul"),
                        (Heading, "ΣΟΦΟΣ talks in İSTANBUL"),
                        (
                            Paragraph,
                            "The σοφοσ and σοφος \u{212a}ilo kilo 2025 talks, TALKS.",
                        ),
                        (Boilerplate, "Subscribe now"),
                    ],
                ),
                Article::of_blocks(
                    "b",
                    &[
                        (
                            Paragraph,
                            "Négociations NÉGOCIATIONS élargies 日本語 i̇stanbul",
                        ),
                        (TableRow, "Kilos | talks | ΣΟΦΟΣ"),
                    ],
                ),
            ],
            warnings: Vec::new(),
        };
        assert_eq!(from_stream(&c), Some(RelatedIndex::build(&c)));
    }
}
