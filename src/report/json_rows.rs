//! The JSON objects that both a command and a report write: an article
//! row (`list --json`, `show --json`, the reports' `metadata` and
//! `articles`), an alignment's thresholds and its rows (`diff --json`, the
//! JSON pair report), a near-duplicate pair (`dups --json`, the corpus
//! report's `across` and `within`). One declaration each, here with the reports, so the
//! keys cannot drift apart between the two; the commands borrow them.
//! Their keys are a contract: keep them.

use crate::analysis::align::{AlignOptions, AlignedRow, RepeatOf, RowKind};
use crate::analysis::diff::DiffOp;
use crate::analysis::dups::{DupPair, Scope};
use crate::analysis::evidence::{Explanation, Signals};
use crate::analysis::pair::RowEvidence;
use crate::analysis::partners::Partner;
use crate::corpus::{Article, BlockRef, Corpus, OutletSource};
use serde::Serialize;

/// The JSON shape of one article row (a contract: keep the keys).
#[derive(Debug, Serialize)]
pub struct ArticleRow<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    /// Where the outlet came from (see `OutletSource`).
    pub outlet_source: Option<OutletSource>,
    pub date: Option<&'a str>,
    /// `date` as an ISO date (`2025-08-15`) when it names a day with its
    /// year; `null` otherwise ("Sep 5"). `date` stays as the source wrote
    /// it, for the reader and for forms this does not read.
    pub date_iso: Option<String>,
    pub read_minutes: Option<u32>,
    pub words: usize,
    /// The number of blocks. `show --json` leaves it out (its `blocks` is
    /// the list of blocks, and a JSON object must not name a key twice)
    /// and writes `block_count` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocks: Option<usize>,
    pub path: Option<String>,
    pub byline: Option<&'a str>,
    pub hidden_chars: usize,
    pub url: Option<&'a str>,
    pub language: Option<&'a str>,
}

impl<'a> ArticleRow<'a> {
    pub fn new(a: &'a Article) -> Self {
        ArticleRow {
            id: &a.id,
            title: a.meta.title.as_deref(),
            outlet: a.meta.outlet.as_deref(),
            outlet_source: a.meta.outlet_source,
            date: a.meta.date.as_deref(),
            date_iso: a.meta.date.as_deref().and_then(crate::corpus::iso_date),
            read_minutes: a.meta.read_minutes,
            words: a.meta.words,
            blocks: Some(a.blocks.len()),
            path: a.path.as_ref().map(|p| p.display().to_string()),
            byline: a.meta.byline.as_deref(),
            hidden_chars: a.hidden_chars,
            url: a.meta.url.as_deref(),
            language: a.meta.language.as_deref(),
        }
    }
}

/// The thresholds an alignment used, as `diff --json` and the JSON pair
/// report both write them.
#[derive(Serialize)]
pub struct OptionsJson {
    near_min: f64,
    related_min: f64,
}

impl OptionsJson {
    pub fn of(opts: &AlignOptions) -> Self {
        OptionsJson {
            near_min: opts.near_min,
            related_min: opts.related_min,
        }
    }
}

/// One aligned row with its word diff, as `diff --json` and the JSON pair
/// report both write it.
#[derive(Serialize)]
pub struct RowJson<'a> {
    left: Option<usize>,
    right: Option<usize>,
    kind: RowKind,
    similarity: f64,
    moved: bool,
    repeat_of: Option<RepeatOf>,
    also: Option<usize>,
    signals: Option<Signals>,
    evidence: Option<Explanation>,
    ops: &'a [DiffOp],
    /// Only when asked for (`diff --partners N`): an unpaired block's
    /// likeliest partners in the other article.
    #[serde(skip_serializing_if = "Option::is_none")]
    partners: Option<Vec<Partner>>,
}

impl<'a> RowJson<'a> {
    pub fn of(row: &AlignedRow, ops: &'a [DiffOp], evidence: Option<RowEvidence>) -> Self {
        let (signals, evidence) = evidence.map(|e| (e.signals, e.explanation)).unzip();
        RowJson {
            left: row.left,
            right: row.right,
            kind: row.kind,
            similarity: row.similarity,
            moved: row.moved,
            repeat_of: row.repeat_of,
            also: row.also,
            signals,
            evidence,
            ops,
            partners: None,
        }
    }

    /// The row with its block's likeliest partners (`None` leaves the key
    /// out).
    pub fn with_partners(self, partners: Option<Vec<Partner>>) -> Self {
        RowJson { partners, ..self }
    }
}

/// One block of a pair or a place: the article's full id and the block
/// index `parallax show` prints.
#[derive(Debug, Serialize)]
pub struct BlockJson<'a> {
    pub article: &'a str,
    pub block: usize,
}

impl<'a> BlockJson<'a> {
    pub fn of(corpus: &'a Corpus, r: BlockRef) -> Self {
        BlockJson {
            article: corpus.articles.get(r.article).map_or("", |a| a.id.as_str()),
            block: r.block,
        }
    }
}

/// A near-duplicate pair.
#[derive(Debug, Serialize)]
pub struct DupJson<'a> {
    a: BlockJson<'a>,
    b: BlockJson<'a>,
    jaccard: f64,
    containment: f64,
    scope: Scope,
    /// A heading and a non-heading of one article
    /// (`DupPair::is_heading_echo`): the layout echoing a title, not a
    /// repeated passage.
    heading_echo: bool,
}

impl<'a> DupJson<'a> {
    pub fn of(corpus: &'a Corpus, d: &DupPair) -> Self {
        DupJson {
            a: BlockJson::of(corpus, d.a),
            b: BlockJson::of(corpus, d.b),
            jaccard: d.jaccard,
            containment: d.containment,
            scope: d.scope,
            heading_echo: d.is_heading_echo(corpus),
        }
    }
}
