//! The corpus report's content: per-article reuse, near-duplicate pairs
//! across and within articles, the quotes and who carries them, the most
//! widely covered topics, all notes.

use super::model::{Note, Provenance};
use crate::analysis::ArticleStats;
use crate::analysis::dups::{DupOptions, DupPair, Scope};
use crate::analysis::events::Events;
use crate::analysis::quotes::{QuoteGroup, Variant};
use crate::analysis::topics::{TopicIndex, TopicKind};
use crate::cache::Bound;
use crate::corpus::Corpus;
use crate::session::Bookmark;

/// Topics shown in the coverage table.
pub const TOPIC_CAP: usize = 50;

/// One row of the coverage table.
pub struct TopicRow {
    pub label: String,
    pub kind: TopicKind,
    /// Weight per article, in corpus order (0 when not covered).
    pub weights: Vec<f32>,
    pub covering: usize,
}

/// Quote groups listed in the Markdown and HTML corpus reports (JSON
/// lists all).
pub const QUOTE_CAP: usize = 50;

/// Places named per kind in the wording column before "and N more".
const WORDING_PLACES: usize = 3;

/// How a quote's copies read against its reference wording, and which
/// carry it otherwise: "as written", or "altered in 004 #12 (MoneyOval);
/// trimmed in 002 #3". The outlet is the answer a reader wants ("who
/// changed the words"), the place where to look.
pub fn wording(q: &QuoteGroup, corpus: &Corpus, ids: &[String]) -> String {
    let mut parts = Vec::new();
    for (kind, name) in [(Variant::Altered, "altered"), (Variant::Trimmed, "trimmed")] {
        let places: Vec<String> = q
            .quotes
            .iter()
            .zip(&q.variants)
            .filter(|(_, v)| **v == kind)
            .map(|(o, _)| {
                let id = ids.get(o.at.article).map_or("?", String::as_str);
                let outlet = corpus
                    .articles
                    .get(o.at.article)
                    .and_then(|a| a.meta.outlet.as_deref());
                match outlet {
                    Some(outlet) => format!("{id} #{} ({outlet})", o.at.block),
                    None => format!("{id} #{}", o.at.block),
                }
            })
            .collect();
        if places.is_empty() {
            continue;
        }
        let shown = places.len().min(WORDING_PLACES);
        let mut part = format!("{name} in {}", places[..shown].join(", "));
        if places.len() > shown {
            part.push_str(&format!(" and {} more", places.len() - shown));
        }
        parts.push(part);
    }
    if parts.is_empty() {
        "as written".to_string()
    } else {
        parts.join("; ")
    }
}

/// One event: the articles reporting one story, as `parallax events`
/// groups them (numbered from 1 in this order).
pub struct EventRow {
    pub label: String,
    pub articles: Vec<usize>,
    /// The topics the articles share, most telling first.
    pub topics: Vec<String>,
}

/// Each event with its topics by label, in `events`' order (numbered from
/// 1 as `parallax events` numbers them).
pub fn event_rows(events: &Events, index: &TopicIndex) -> Vec<EventRow> {
    events
        .events
        .iter()
        .map(|e| EventRow {
            label: e.label.clone(),
            articles: e.articles.clone(),
            topics: e
                .topics
                .iter()
                .filter_map(|&t| index.get(t).map(|t| t.label.clone()))
                .collect(),
        })
        .collect()
}

impl EventRow {
    /// "000, 002, 004": its articles by short id.
    pub fn articles_named(&self, ids: &[String]) -> String {
        let named: Vec<&str> = self
            .articles
            .iter()
            .filter_map(|&a| ids.get(a))
            .map(String::as_str)
            .collect();
        named.join(", ")
    }

    /// Its first eight shared topics, the ones that tell it best.
    pub fn topics_shown(&self) -> String {
        let shown: Vec<&str> = self.topics.iter().take(8).map(String::as_str).collect();
        shown.join(", ")
    }
}

/// The articles table's columns, each with whether it is a number (set
/// right), the same in every format.
pub const ARTICLE_COLUMNS: [(&str, bool); 9] = [
    ("ID", false),
    ("Title", false),
    ("Outlet", false),
    ("Date", false),
    ("Min", true),
    ("Words", true),
    ("Blocks", true),
    ("Shared", true),
    ("Repeats", true),
];

pub struct CorpusReport<'a> {
    pub corpus: &'a Corpus,
    pub stats: Vec<ArticleStats>,
    pub across: Vec<DupPair>,
    pub within: Vec<DupPair>,
    /// The top topics by coverage, at most [`TOPIC_CAP`].
    pub topics: Vec<TopicRow>,
    pub topics_total: usize,
    /// Every quote group, carried by most articles first.
    pub quotes: Vec<QuoteGroup>,
    pub events: Vec<EventRow>,
    /// The session's notes on articles of this corpus.
    pub notes: Vec<Note>,
    /// How many of its notes are on articles of other corpora: left out
    /// (a report on one story never carries notes on another), counted.
    pub notes_elsewhere: usize,
    pub provenance: Provenance,
}

impl<'a> CorpusReport<'a> {
    /// Article `i`'s cells of the articles table, as plain text ("–"
    /// where the page gives nothing); each format escapes them.
    pub fn article_cells(&self, i: usize, ids: &[String]) -> [String; 9] {
        let a = &self.corpus.articles[i];
        let s = self.stats.get(i).copied().unwrap_or_default();
        let dash = |v: Option<&str>| v.unwrap_or("–").to_string();
        [
            ids[i].clone(),
            a.label().to_string(),
            dash(a.meta.outlet.as_deref()),
            dash(a.meta.date.as_deref()),
            a.meta
                .read_minutes
                .map_or("–".to_string(), |m| m.to_string()),
            a.meta.words.to_string(),
            a.blocks.len().to_string(),
            s.shared.to_string(),
            s.repeated.to_string(),
        ]
    }

    pub fn build(
        corpus: &'a Corpus,
        cache: &Bound,
        bookmarks: &[Bookmark],
        provenance: Provenance,
    ) -> CorpusReport<'a> {
        let dups = cache.dups(&DupOptions::default());
        let stats = ArticleStats::of(corpus, &dups);
        // Heading echoes are layout, not repeats (as the Repeats column
        // counts them): left out of the list.
        let (within, across): (Vec<DupPair>, Vec<DupPair>) = dups
            .into_iter()
            .filter(|d| !d.is_heading_echo(corpus))
            .partition(|d| d.scope == Scope::Within);
        let index = cache.topics();
        let topics_total = index.topics.len();
        let topics = top_topics(corpus, &index);
        let events = event_rows(&cache.events(&index), &index);
        let quotes = cache.quotes().groups;
        let (notes, elsewhere): (Vec<Note>, Vec<Note>) = bookmarks
            .iter()
            .map(|b| Note::new(corpus, b.clone()))
            .partition(|n| n.places().any(|p| p.at.is_some()));
        let notes_elsewhere = elsewhere.len();
        CorpusReport {
            corpus,
            stats,
            across,
            within,
            topics,
            topics_total,
            quotes,
            events,
            notes,
            notes_elsewhere,
            provenance,
        }
    }
}

/// Topics covered by the most articles first, then by total weight, then
/// in index order; at most [`TOPIC_CAP`].
fn top_topics(corpus: &Corpus, index: &TopicIndex) -> Vec<TopicRow> {
    let n = corpus.articles.len();
    // Ranked on the sparse weights; only the rows shown are spread out
    // per article (a large corpus has tens of thousands of topics).
    let mut ranked: Vec<(usize, usize, f32)> = index
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.weights.len(), t.weights.iter().map(|(_, w)| w).sum()))
        .collect();
    ranked.sort_by(|(ia, ca, wa), (ib, cb, wb)| cb.cmp(ca).then(wb.total_cmp(wa)).then(ia.cmp(ib)));
    ranked
        .into_iter()
        .take(TOPIC_CAP)
        .map(|(i, covering, _)| {
            let t = &index.topics[i];
            TopicRow {
                label: t.label.clone(),
                kind: t.kind,
                covering,
                weights: (0..n).map(|a| t.weight(a)).collect(),
            }
        })
        .collect()
}

/// Near-duplicate pairs listed in the Markdown and HTML corpus reports
/// (JSON lists all).
pub const PAIR_CAP: usize = 200;

/// The pairs a corpus report lists: all of them in reading order, or past
/// [`PAIR_CAP`] the best-scoring ones (still in reading order).
pub fn shown_pairs(pairs: &[DupPair]) -> Vec<&DupPair> {
    let mut shown: Vec<&DupPair> = pairs.iter().collect();
    if shown.len() > PAIR_CAP {
        let score = |d: &DupPair| d.jaccard.max(d.containment);
        shown.sort_by(|x, y| score(y).total_cmp(&score(x)));
        shown.truncate(PAIR_CAP);
        shown.sort_by_key(|d| (d.a, d.b));
    }
    shown
}

/// "12 pairs across articles; the 200 with the highest scores are listed
/// (JSON lists all)": how many pairs of a kind there are, and whether all
/// are shown.
pub fn pairs_count(what: &str, all: &[DupPair], shown: usize) -> String {
    if shown < all.len() {
        format!(
            "{} {what}; the {PAIR_CAP} with the highest scores are listed (JSON lists all)",
            all.len()
        )
    } else {
        format!("{} {what}", all.len())
    }
}

/// "12 quotes, 5 carried by more than one article, 2 with altered wording
/// (the 50 carried by most articles listed; `parallax quotes` lists
/// all)": the line above the quotes table in every format.
pub fn quotes_summary(quotes: &[QuoteGroup]) -> String {
    let shared = quotes.iter().filter(|q| q.articles() > 1).count();
    let altered = quotes.iter().filter(|q| q.altered()).count();
    let listed = if quotes.len() > QUOTE_CAP {
        format!(" (the {QUOTE_CAP} carried by most articles listed; `parallax quotes` lists all)")
    } else {
        String::new()
    };
    format!(
        "{}, {shared} carried by more than one article, {altered} with altered wording{listed}",
        crate::display::plural::counted(quotes.len(), "quote")
    )
}

/// "cap #6, led #5": where a quote is, by short id and block.
pub fn quote_places(q: &QuoteGroup, ids: &[String]) -> String {
    let places: Vec<String> = q
        .quotes
        .iter()
        .map(|o| o.at)
        .map(|p| {
            format!(
                "{} #{}",
                ids.get(p.article).map_or("?", String::as_str),
                p.block
            )
        })
        .collect();
    places.join(", ")
}

/// What a report says of notes it leaves out: "2 notes on articles not in
/// this corpus are left out." (`None` for none).
pub fn notes_elsewhere_line(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("1 note on articles not in this corpus is left out.".into()),
        n => Some(format!(
            "{n} notes on articles not in this corpus are left out."
        )),
    }
}
