//! The reports as JSON.
//!
//! Pair: the keys of `parallax diff --json` (`left`, `right`, `options`,
//! `rows` with the same row objects) plus `metadata` (`left`, `right`: the
//! `parallax list --json` object of each article), `bookmarks`, `session`
//! and `generated`.
//!
//! Corpus: `articles` (the list object plus `shared` and `repeats`),
//! `across` and `within` (the `parallax dups --json` pair objects),
//! `topics` (`shown`, `total`, `rows` with `label`, `kind`, `covering`,
//! `weights` by article id), `quotes` (every group: `text`, `speaker`,
//! `articles`, `altered`, `trimmed`, `places` of `article`, `block` and
//! `wording`: `same`, `trimmed` or `altered` against the group's reference),
//! `events` (`id`, `label`, `articles`, `topics`, as `parallax events
//! --json` gives them), `bookmarks`, `session`, `generated`.

use super::corpus_model::{CorpusReport, EventRow};
use super::json_rows::{ArticleRow, BlockJson, DupJson, OptionsJson, RowJson};
use super::model::{Note, Place};
use super::pair_model::PairReport;
use crate::analysis::quotes::Variant;
use crate::analysis::topics::TopicKind;
use crate::corpus::Corpus;
use crate::out::CleanOut;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct PairJson<'a> {
    left: &'a str,
    right: &'a str,
    options: OptionsJson,
    rows: Vec<RowJson<'a>>,
    metadata: SidesJson<'a>,
    bookmarks: Vec<NoteJson<'a>>,
    session: Option<&'a str>,
    generated: u64,
}

#[derive(Serialize)]
struct SidesJson<'a> {
    left: ArticleRow<'a>,
    right: ArticleRow<'a>,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    id: u32,
    created: u64,
    view: &'static str,
    note: &'a str,
    excerpt: &'a str,
    left: Option<PlaceJson<'a>>,
    right: Option<PlaceJson<'a>>,
}

/// A bookmark's side: the saved article id, the block in this corpus, and
/// whether the article is in this corpus at all.
#[derive(Serialize)]
struct PlaceJson<'a> {
    article: &'a str,
    block: usize,
    found: bool,
}

fn notes_json(notes: &[Note]) -> Vec<NoteJson<'_>> {
    fn place(p: &Option<Place>) -> Option<PlaceJson<'_>> {
        p.as_ref().map(|p| PlaceJson {
            article: &p.article,
            block: p.block,
            found: p.at.is_some(),
        })
    }
    notes
        .iter()
        .map(|n| NoteJson {
            id: n.bookmark.id,
            created: n.bookmark.created,
            view: n.bookmark.view.name(),
            note: &n.bookmark.note,
            excerpt: &n.bookmark.excerpt,
            left: place(&n.left),
            right: place(&n.right),
        })
        .collect()
}

pub fn pair(r: &PairReport, out: &mut CleanOut) -> anyhow::Result<()> {
    let (la, ra) = (&r.corpus.articles[r.left], &r.corpus.articles[r.right]);
    let doc = PairJson {
        left: &la.id,
        right: &ra.id,
        options: OptionsJson::of(&r.opts),
        rows: r
            .alignment
            .rows
            .iter()
            .enumerate()
            .map(|(k, row)| {
                let ops = r.ops.get(k).map_or(&[][..], Vec::as_slice);
                RowJson::of(row, ops, r.pair.evidence(r.corpus, row))
            })
            .collect(),
        metadata: SidesJson {
            left: ArticleRow::new(la),
            right: ArticleRow::new(ra),
        },
        bookmarks: notes_json(&r.notes),
        session: r.provenance.session.as_deref(),
        generated: r.provenance.generated,
    };
    finish(&doc, out)
}

#[derive(Serialize)]
struct CorpusJson<'a> {
    articles: Vec<ArticleJson<'a>>,
    across: Vec<DupJson<'a>>,
    within: Vec<DupJson<'a>>,
    topics: TopicsJson<'a>,
    quotes: Vec<QuoteJson<'a>>,
    events: Vec<EventJson<'a>>,
    bookmarks: Vec<NoteJson<'a>>,
    /// The session's notes on articles of other corpora, left out.
    bookmarks_elsewhere: usize,
    session: Option<&'a str>,
    generated: u64,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    #[serde(flatten)]
    row: ArticleRow<'a>,
    shared: usize,
    repeats: usize,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    articles: usize,
    altered: bool,
    trimmed: bool,
    places: Vec<QuotePlaceJson<'a>>,
}

/// One place a quote stands, and how its words read there against the
/// group's reference wording ("same", "trimmed" or "altered").
#[derive(Serialize)]
struct QuotePlaceJson<'a> {
    #[serde(flatten)]
    at: BlockJson<'a>,
    wording: Variant,
}

/// An event as `parallax events --json` and the corpus report give it
/// (a contract: keep the keys).
#[derive(Serialize)]
pub struct EventJson<'a> {
    id: usize,
    label: &'a str,
    articles: Vec<&'a str>,
    topics: Vec<&'a str>,
}

/// The events numbered from 1, articles by id, topics by label.
pub fn events_json<'a>(corpus: &'a Corpus, events: &'a [EventRow]) -> Vec<EventJson<'a>> {
    events
        .iter()
        .enumerate()
        .map(|(k, e)| EventJson {
            id: k + 1,
            label: &e.label,
            articles: e
                .articles
                .iter()
                .filter_map(|&a| corpus.articles.get(a).map(|a| a.id.as_str()))
                .collect(),
            topics: e.topics.iter().map(String::as_str).collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct TopicsJson<'a> {
    shown: usize,
    total: usize,
    rows: Vec<TopicJson<'a>>,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    label: &'a str,
    kind: TopicKind,
    covering: usize,
    weights: BTreeMap<&'a str, f32>,
}

pub fn corpus(r: &CorpusReport, out: &mut CleanOut) -> anyhow::Result<()> {
    let c = r.corpus;
    let doc = CorpusJson {
        articles: c
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let s = r.stats.get(i).copied().unwrap_or_default();
                ArticleJson {
                    row: ArticleRow::new(a),
                    shared: s.shared,
                    repeats: s.repeated,
                }
            })
            .collect(),
        across: r.across.iter().map(|d| DupJson::of(c, d)).collect(),
        within: r.within.iter().map(|d| DupJson::of(c, d)).collect(),
        topics: TopicsJson {
            shown: r.topics.len(),
            total: r.topics_total,
            rows: r
                .topics
                .iter()
                .map(|t| TopicJson {
                    label: &t.label,
                    kind: t.kind,
                    covering: t.covering,
                    weights: c
                        .articles
                        .iter()
                        .zip(&t.weights)
                        .filter(|(_, w)| **w > 0.0)
                        .map(|(a, w)| (a.id.as_str(), *w))
                        .collect(),
                })
                .collect(),
        },
        quotes: r
            .quotes
            .iter()
            .map(|q| QuoteJson {
                text: q.text(),
                speaker: q.speaker.as_deref(),
                articles: q.articles(),
                altered: q.altered(),
                trimmed: q.trimmed(),
                places: q
                    .quotes
                    .iter()
                    .zip(&q.variants)
                    .map(|(o, &wording)| QuotePlaceJson {
                        at: BlockJson::of(c, o.at),
                        wording,
                    })
                    .collect(),
            })
            .collect(),
        events: events_json(c, &r.events),
        bookmarks: notes_json(&r.notes),
        bookmarks_elsewhere: r.notes_elsewhere,
        session: r.provenance.session.as_deref(),
        generated: r.provenance.generated,
    };
    finish(&doc, out)
}

/// Through [`CleanOut::json`]: every string sanitised, serialised first so
/// a closed pipe surfaces as a plain io error.
fn finish(doc: &impl Serialize, out: &mut CleanOut) -> anyhow::Result<()> {
    out.json(doc)
}
