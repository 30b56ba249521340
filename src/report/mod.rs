//! Reports to share, in Markdown, HTML or JSON: of one pair (the two
//! articles' metadata, every aligned row with its word diff, the notes of
//! bookmarks anchored in either article) or of the whole corpus (the
//! articles, near-duplicates across and within articles, topic coverage,
//! every note).
//!
//! Both `parallax report` and the reader's report key make them, so this
//! module knows neither: it builds a report's model from the corpus, the
//! analysis and the bookmarks, and writes it into a [`CleanOut`] or
//! returns its bytes. Where the bytes go (standard output, a file replaced
//! atomically) is the caller's business. The JSON objects and the words
//! the commands print too (`json_rows`, `words`) are declared here once.

mod corpus_model;
mod escape;
mod fold;
mod html_corpus;
mod html_page;
mod html_pair;
mod json;
mod json_rows;
mod md_corpus;
mod md_pair;
mod model;
mod pair_model;
mod text;
mod words;

use crate::analysis::pair::Threshold;
use crate::analysis::related::RelatedIndex;
use crate::cache::Bound;
use crate::corpus::Corpus;
use crate::out::CleanOut;
use crate::session::Bookmark;
use corpus_model::CorpusReport;
pub use corpus_model::event_rows;
pub use fold::{Fold, Item as FoldedItem, items as folded_items};
pub use json::events_json;
pub use json_rows::{ArticleRow, DupJson, OptionsJson, RowJson};
pub use model::Provenance;
use pair_model::PairReport;
pub use words::{shade, side_name, summary};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown (GitHub flavour): ~~deleted~~ and **inserted** words.
    Markdown,
    /// One self-contained HTML page: `<del>`/`<ins>` marks, inline CSS, no
    /// scripts.
    Html,
    /// JSON: `diff --json` plus metadata and bookmarks, or the corpus
    /// tables.
    Json,
}

/// What a report is about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Subject {
    /// Two articles (by index), aligned at this threshold.
    Pair {
        left: usize,
        right: usize,
        threshold: Threshold,
    },
    /// The whole corpus.
    Corpus,
}

/// The report of `subject` with these bookmarks' notes, as `parallax
/// report` prints it. `analysis` supplies the related index of a pair and
/// the near-duplicates and topics of a corpus (from the analysis cache
/// when it is on).
pub fn render(
    corpus: &Corpus,
    analysis: &Bound,
    subject: Subject,
    bookmarks: &[Bookmark],
    format: Format,
    provenance: &Provenance,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    match subject {
        Subject::Pair {
            left,
            right,
            threshold,
        } => {
            let related = analysis.related();
            let pair = (left, right, threshold);
            let report = PairReport::build(corpus, &related, pair, bookmarks, provenance.clone());
            match format {
                Format::Markdown => md_pair::write(&report, out),
                Format::Html => html_pair::write(&report, out),
                Format::Json => json::pair(&report, out),
            }
        }
        Subject::Corpus => {
            let report = CorpusReport::build(corpus, analysis, bookmarks, provenance.clone());
            match format {
                Format::Markdown => md_corpus::write(&report, out),
                Format::Html => html_corpus::write(&report, out),
                Format::Json => json::corpus(&report, out),
            }
        }
    }
}

/// A Markdown report of one pair, as bytes: what the reader's report key
/// saves. `related` is the reader's own index when its analysis is done
/// (no corpus-wide work for one pair); without it the index is built here.
pub fn pair_markdown(
    corpus: &Corpus,
    related: Option<&RelatedIndex>,
    pair: (usize, usize, Threshold),
    bookmarks: &[Bookmark],
    provenance: Provenance,
) -> anyhow::Result<Vec<u8>> {
    let built;
    let related = match related {
        Some(r) => r,
        None => {
            built = RelatedIndex::build(corpus);
            &built
        }
    };
    let report = PairReport::build(corpus, related, pair, bookmarks, provenance);
    let mut buf = Vec::new();
    md_pair::write(&report, &mut CleanOut::new(&mut buf))?;
    Ok(buf)
}
