//! The immutable in-memory model: `Corpus` → `Article` → `Block`.
//!
//! Later layers never hold references into the model; they name a block by
//! [`BlockRef`] (article index, block index), which stays valid because the
//! model is never mutated after loading.

pub use super::outlet::OutletSource;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a block is, as judged by the segmenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableRow,
    Caption,
    /// A block quote (`<blockquote>`, Markdown `>`): body text that quotes
    /// someone; it pairs like a paragraph.
    Quote,
    /// Lines such as "- Sep 5", "4 min read", "By MoneyOval Bureau".
    Metadata,
    /// Site chrome; the block's `reason` says why it was judged so.
    Boilerplate,
}

impl BlockKind {
    pub const ALL: [BlockKind; 8] = [
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::ListItem,
        BlockKind::TableRow,
        BlockKind::Caption,
        BlockKind::Quote,
        BlockKind::Metadata,
        BlockKind::Boilerplate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::TableRow => "table_row",
            BlockKind::Caption => "caption",
            BlockKind::Quote => "quote",
            BlockKind::Metadata => "metadata",
            BlockKind::Boilerplate => "boilerplate",
        }
    }

    /// Blocks that carry the article's own text (what comparison looks at).
    pub fn is_content(self) -> bool {
        !matches!(self, BlockKind::Metadata | BlockKind::Boilerplate)
    }
}

/// One unit of text in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Sanitised text: no control characters, tabs expanded, one line.
    pub text: String,
    /// Why the block was judged boilerplate; `None` for every other kind.
    pub reason: Option<String>,
    /// 1-based line in the source file where the block starts.
    pub line: usize,
}

/// What the article says about itself; each field optional where the text
/// does not give it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// As printed, e.g. "Sep 5".
    pub date: Option<String>,
    pub read_minutes: Option<u32>,
    pub byline: Option<String>,
    /// Words in content blocks (not metadata, not boilerplate).
    pub words: usize,
    /// Where the outlet came from; `None` when there is no outlet.
    pub outlet_source: Option<OutletSource>,
    /// The article's address, from a record field or the page's canonical
    /// link.
    pub url: Option<String>,
    /// The language the page declares (`en`, `fr-CA`).
    pub language: Option<String>,
}

impl Metadata {
    /// The date as a column of articles shows it: as a day (2026-03-12)
    /// when the text gives year, month and day, so that it sorts and a
    /// narrow column never cuts its year off; else as printed ("Sep 5").
    pub fn date_in_column(&self) -> Option<String> {
        let date = self.date.as_deref()?;
        Some(super::iso_date(date).unwrap_or_else(|| date.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The file stem, made unique within the corpus.
    pub id: String,
    /// Where it was read from, sanitised for display like every file name
    /// (controls shown as placeholders); `None` for the built-in corpus.
    pub path: Option<PathBuf>,
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    /// Characters neutralised by the sanitiser (controls, escapes, bidi
    /// overrides, zero-width and tag characters).
    pub hidden_chars: usize,
}

impl Article {
    /// An article of `blocks` (kind, text) with no metadata: the unit
    /// tests' one way to make one.
    #[cfg(test)]
    pub fn of_blocks(id: &str, blocks: &[(BlockKind, &str)]) -> Article {
        Article {
            id: id.to_string(),
            path: None,
            meta: Metadata::default(),
            blocks: blocks
                .iter()
                .map(|&(kind, text)| Block {
                    kind,
                    text: text.to_string(),
                    reason: None,
                    line: 1,
                })
                .collect(),
            hidden_chars: 0,
        }
    }

    /// Title if known, else the id: what a human label should show.
    pub fn label(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.id)
    }

    pub fn content_blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind.is_content())
    }
}

/// A block named by position: stable for the life of a loaded corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct BlockRef {
    pub article: usize,
    pub block: usize,
}

impl BlockRef {
    pub fn new(article: usize, block: usize) -> Self {
        BlockRef { article, block }
    }
}

/// Something the loader skipped or changed, reported once per file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<LoadWarning>,
}

/// Why an article id did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("no article matches '{0}' (try `parallax list`)")]
    NotFound(String),
    #[error("'{query}' is ambiguous: it matches {}", candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

impl Corpus {
    /// For tests: an article ("a0", "a1", …) of plain paragraphs per text,
    /// split where `paragraph_break` stands.
    #[cfg(test)]
    pub fn of_texts(texts: &[&str], paragraph_break: &str) -> Corpus {
        Corpus {
            articles: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article {
                    id: format!("a{i}"),
                    path: None,
                    meta: Metadata::default(),
                    blocks: t
                        .split(paragraph_break)
                        .map(|p| Block {
                            kind: BlockKind::Paragraph,
                            text: p.to_string(),
                            reason: None,
                            line: 1,
                        })
                        .collect(),
                    hidden_chars: 0,
                })
                .collect(),
            warnings: Vec::new(),
        }
    }

    pub fn get(&self, r: BlockRef) -> Option<&Block> {
        self.articles.get(r.article)?.blocks.get(r.block)
    }

    /// The shortest prefix (at least 3 characters) that names each article
    /// uniquely: what tables show in their id column (`short_id`).
    pub fn short_ids(&self) -> Vec<String> {
        let ids: Vec<&str> = self.articles.iter().map(|a| a.id.as_str()).collect();
        super::short_id::unique_prefixes(&ids)
    }

    /// How many inputs the warnings name that gave no article (an empty,
    /// binary or unreadable file, a dead link): skipped whole, as against
    /// a file cut short or one that lost a record but loaded.
    pub fn skipped_inputs(&self) -> usize {
        let loaded: HashSet<&Path> = self
            .articles
            .iter()
            .filter_map(|a| a.path.as_deref())
            .collect();
        let skipped: HashSet<&Path> = self
            .warnings
            .iter()
            .map(|w| w.path.as_path())
            .filter(|p| !loaded.contains(p))
            .collect();
        skipped.len()
    }

    /// Resolve an id or a unique prefix of one to the article's index.
    /// An exact id wins over prefixes; a 1-based position ("#2") also works.
    pub fn resolve(&self, query: &str) -> Result<usize, ResolveError> {
        if let Some(i) = self.articles.iter().position(|a| a.id == query) {
            return Ok(i);
        }
        let hits: Vec<usize> = (0..self.articles.len())
            .filter(|&i| self.articles[i].id.starts_with(query))
            .collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(ResolveError::NotFound(query.to_string())),
            many => Err(ResolveError::Ambiguous {
                query: query.to_string(),
                candidates: many.iter().map(|&i| self.articles[i].id.clone()).collect(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(path: &str, message: &str) -> LoadWarning {
        LoadWarning {
            path: PathBuf::from(path),
            message: message.into(),
        }
    }

    #[test]
    fn only_inputs_that_gave_no_article_count_as_skipped() {
        let mut cut = Article::of_blocks("big", &[(BlockKind::Paragraph, "Kept.")]);
        cut.path = Some(PathBuf::from("news/big.txt"));
        let corpus = Corpus {
            articles: vec![cut],
            warnings: vec![
                warning("news/big.txt", "larger than 32 MiB; the rest was not read"),
                warning("news/empty.txt", "empty file"),
                warning("news/blob.txt", "binary file (NUL bytes)"),
            ],
        };
        assert_eq!(corpus.skipped_inputs(), 2);
        assert_eq!(Corpus::default().skipped_inputs(), 0);
    }

    #[test]
    fn a_column_shows_a_full_date_as_a_day_and_a_partial_one_as_printed() {
        let with = |date: &str| Metadata {
            date: Some(date.into()),
            ..Metadata::default()
        };
        assert_eq!(
            with("12 March 2026").date_in_column().as_deref(),
            Some("2026-03-12")
        );
        assert_eq!(with("Sep 5").date_in_column().as_deref(), Some("Sep 5"));
        assert_eq!(Metadata::default().date_in_column(), None);
    }
}
