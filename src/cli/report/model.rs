//! What a report says, computed once and shown by each format: the pair
//! (alignment, word diffs, folded chrome, notes) or the corpus (articles,
//! near-duplicates, repeats, topic coverage, notes).

use crate::analysis::align::{AlignOptions, AlignedRow, Alignment, RowKind, align};
use crate::analysis::diff::{DiffOp, equal_share, word_diff};
use crate::analysis::dups::{DupPair, Scope};
use crate::analysis::related::RelatedIndex;
use crate::analysis::topics::TopicKind;
use crate::analysis::{Analysis, ArticleStats};
use crate::corpus::{Block, BlockRef, Corpus};
use crate::session::{Anchor, Bookmark, resolve_anchor};
use std::time::Duration;

/// Time allowed for one row's word diff (as `parallax diff`).
const DIFF_DEADLINE: Duration = Duration::from_millis(100);
/// Below this share of unchanged text a pair reads best as two texts.
pub const INLINE_MIN_SHARE: f64 = 0.5;
/// Topics shown in the coverage table.
pub const TOPIC_CAP: usize = 50;

/// When and from which session a report was made.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// Unix seconds (`SOURCE_DATE_EPOCH` when set, for reproducible output).
    pub generated: u64,
    /// The session whose notes are included, if one was read.
    pub session: Option<String>,
}

/// One side of a bookmark, found again in the current corpus.
#[derive(Debug, Clone)]
pub struct Place {
    /// The article id as saved.
    pub article: String,
    /// The block in the current corpus (the saved index when the article is
    /// gone).
    pub block: usize,
    /// Where it resolved; `None` when the article is not in this corpus.
    pub at: Option<BlockRef>,
}

/// A bookmark with its anchors resolved.
#[derive(Debug, Clone)]
pub struct Note {
    pub bookmark: Bookmark,
    pub left: Option<Place>,
    pub right: Option<Place>,
}

impl Note {
    pub fn new(corpus: &Corpus, bookmark: Bookmark) -> Note {
        let place = |a: &Option<Anchor>| {
            a.as_ref().map(|a| {
                let at = resolve_anchor(corpus, a);
                Place {
                    article: a.article.clone(),
                    block: at.map_or(a.block, |r| r.block),
                    at,
                }
            })
        };
        Note {
            left: place(&bookmark.left),
            right: place(&bookmark.right),
            bookmark,
        }
    }

    pub fn places(&self) -> impl Iterator<Item = &Place> {
        self.left.iter().chain(self.right.iter())
    }

    /// Whether the note is anchored at this block.
    pub fn is_at(&self, at: BlockRef) -> bool {
        self.places().any(|p| p.at == Some(at))
    }
}

/// What the pair report shows, row by row.
pub enum Item {
    /// An alignment row (index into `alignment.rows`).
    Row(usize),
    /// A run of unpaired metadata/boilerplate rows on one side.
    Fold {
        side: RowKind,
        count: usize,
        first: usize,
        last: usize,
        kinds: Vec<&'static str>,
    },
}

pub struct PairReport<'a> {
    pub corpus: &'a Corpus,
    pub left: usize,
    pub right: usize,
    pub opts: AlignOptions,
    pub alignment: Alignment,
    /// The word diff of each row; empty for unpaired rows.
    pub ops: Vec<Vec<DiffOp>>,
    pub notes: Vec<Note>,
    pub provenance: Provenance,
}

impl<'a> PairReport<'a> {
    pub fn build(
        corpus: &'a Corpus,
        left: usize,
        right: usize,
        bookmarks: &[Bookmark],
        provenance: Provenance,
    ) -> PairReport<'a> {
        let opts = AlignOptions::default();
        let related = RelatedIndex::build(corpus);
        let alignment = align(corpus, &related, left, right, &opts);
        let ops = alignment
            .rows
            .iter()
            .map(|row| match blocks_of(corpus, left, right, row) {
                (Some(l), Some(r)) => word_diff(&l.text, &r.text, DIFF_DEADLINE),
                _ => Vec::new(),
            })
            .collect();
        let ids = [
            corpus.articles[left].id.as_str(),
            corpus.articles[right].id.as_str(),
        ];
        let notes = bookmarks
            .iter()
            .filter(|b| ids.iter().any(|id| b.touches(id)))
            .map(|b| Note::new(corpus, b.clone()))
            .collect();
        PairReport {
            corpus,
            left,
            right,
            opts,
            alignment,
            ops,
            notes,
            provenance,
        }
    }

    /// The blocks of a row, left first.
    pub fn blocks(&self, row: &AlignedRow) -> (Option<&'a Block>, Option<&'a Block>) {
        blocks_of(self.corpus, self.left, self.right, row)
    }

    /// Whether a paired row reads best as one inline diff (copied text)
    /// rather than two texts (a rewrite).
    pub fn inline(&self, row_index: usize) -> bool {
        let (Some(row), Some(ops)) = (self.alignment.rows.get(row_index), self.ops.get(row_index))
        else {
            return true;
        };
        row.kind != RowKind::Related || equal_share(ops) >= INLINE_MIN_SHARE
    }

    /// Ids of the notes anchored at either block of a row.
    pub fn notes_at(&self, row: &AlignedRow) -> Vec<u32> {
        let places = [
            row.left.map(|b| BlockRef::new(self.left, b)),
            row.right.map(|b| BlockRef::new(self.right, b)),
        ];
        self.notes
            .iter()
            .filter(|n| places.iter().flatten().any(|&at| n.is_at(at)))
            .map(|n| n.bookmark.id)
            .collect()
    }

    /// Rows in order, runs of unpaired chrome folded into one item.
    pub fn items(&self) -> Vec<Item> {
        let rows = &self.alignment.rows;
        let chrome_side = |row: &AlignedRow| -> Option<RowKind> {
            match self.blocks(row) {
                (Some(b), None) | (None, Some(b)) if !b.kind.is_content() => Some(row.kind),
                _ => None,
            }
        };
        let mut items = Vec::new();
        let mut k = 0;
        while k < rows.len() {
            let Some(side) = chrome_side(&rows[k]) else {
                items.push(Item::Row(k));
                k += 1;
                continue;
            };
            let run = rows[k..]
                .iter()
                .take_while(|r| chrome_side(r) == Some(side))
                .count();
            if run == 1 {
                items.push(Item::Row(k));
            } else {
                let index = |r: &AlignedRow| r.left.or(r.right).unwrap_or(0);
                let mut kinds: Vec<&'static str> = Vec::new();
                for r in &rows[k..k + run] {
                    let (l, rt) = self.blocks(r);
                    if let Some(name) = l.or(rt).map(|b| b.kind.name())
                        && !kinds.contains(&name)
                    {
                        kinds.push(name);
                    }
                }
                items.push(Item::Fold {
                    side,
                    count: run,
                    first: index(&rows[k]),
                    last: index(&rows[k + run - 1]),
                    kinds,
                });
            }
            k += run;
        }
        items
    }

    /// "82 rows: 1 identical, 1 near, 0 related, 40 left only, 40 right
    /// only; 0 moved".
    pub fn summary(&self) -> String {
        let a = &self.alignment;
        let counts: Vec<String> = RowKind::ALL
            .iter()
            .map(|&k| format!("{} {}", a.count(k), side_name(k)))
            .collect();
        format!(
            "{} rows: {}; {} moved",
            a.rows.len(),
            counts.join(", "),
            a.moved()
        )
    }
}

fn blocks_of<'a>(
    corpus: &'a Corpus,
    left: usize,
    right: usize,
    row: &AlignedRow,
) -> (Option<&'a Block>, Option<&'a Block>) {
    let get = |a: usize, i: Option<usize>| corpus.articles.get(a)?.blocks.get(i?);
    (get(left, row.left), get(right, row.right))
}

/// "left only" for `LeftOnly`, the kind's name otherwise.
pub fn side_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::LeftOnly => "left only",
        RowKind::RightOnly => "right only",
        other => other.name(),
    }
}

/// "30 ↔ 27 · near 1.00 · heading · moved · left repeats 12", or
/// "– ↔ 27 · right only · paragraph": a row's header, the same in every
/// format.
pub fn row_label(row: &AlignedRow, left: Option<&Block>, right: Option<&Block>) -> String {
    let show = |i: Option<usize>| i.map_or(String::new(), |i| i.to_string());
    let kind = left.or(right).map_or("", |b| b.kind.name());
    let mut label = if row.kind.is_paired() {
        format!(
            "{} ↔ {} · {} {:.2} · {kind}",
            show(row.left),
            show(row.right),
            row.kind.name(),
            row.similarity
        )
    } else {
        let dash = |i: Option<usize>| i.map_or("–".to_string(), |i| i.to_string());
        format!(
            "{} ↔ {} · {} · {kind}",
            dash(row.left),
            dash(row.right),
            side_name(row.kind)
        )
    };
    if row.moved {
        label.push_str(" · moved");
    }
    if let Some(r) = row.repeat_of {
        if let Some(i) = r.left {
            label.push_str(&format!(" · left repeats {i}"));
        }
        if let Some(j) = r.right {
            label.push_str(&format!(" · right repeats {j}"));
        }
    }
    label
}

/// One row of the coverage table.
pub struct TopicRow {
    pub label: String,
    pub kind: TopicKind,
    /// Weight per article, in corpus order (0 when not covered).
    pub weights: Vec<f32>,
    pub covering: usize,
}

pub struct CorpusReport<'a> {
    pub corpus: &'a Corpus,
    pub stats: Vec<ArticleStats>,
    pub across: Vec<DupPair>,
    pub within: Vec<DupPair>,
    /// The top topics by coverage, at most [`TOPIC_CAP`].
    pub topics: Vec<TopicRow>,
    pub topics_total: usize,
    pub notes: Vec<Note>,
    pub provenance: Provenance,
}

impl<'a> CorpusReport<'a> {
    pub fn build(
        corpus: &'a Corpus,
        bookmarks: &[Bookmark],
        provenance: Provenance,
    ) -> CorpusReport<'a> {
        let analysis = Analysis::build(corpus);
        let (within, across): (Vec<DupPair>, Vec<DupPair>) = analysis
            .dups
            .iter()
            .cloned()
            .partition(|d| d.scope == Scope::Within);
        let topics_total = analysis.topics.topics.len();
        let topics = top_topics(corpus, &analysis);
        CorpusReport {
            corpus,
            stats: analysis.stats,
            across,
            within,
            topics,
            topics_total,
            notes: bookmarks
                .iter()
                .map(|b| Note::new(corpus, b.clone()))
                .collect(),
            provenance,
        }
    }
}

/// Topics covered by the most articles first, then by total weight, then
/// in index order; at most [`TOPIC_CAP`].
fn top_topics(corpus: &Corpus, analysis: &Analysis) -> Vec<TopicRow> {
    let n = corpus.articles.len();
    let mut rows: Vec<(usize, f32, TopicRow)> = analysis
        .topics
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let weights: Vec<f32> = (0..n).map(|a| t.weight(a)).collect();
            let total: f32 = weights.iter().sum();
            let row = TopicRow {
                label: t.label.clone(),
                kind: t.kind,
                covering: t.weights.len(),
                weights,
            };
            (i, total, row)
        })
        .collect();
    rows.sort_by(|(ia, wa, a), (ib, wb, b)| {
        b.covering
            .cmp(&a.covering)
            .then(wb.total_cmp(wa))
            .then(ia.cmp(ib))
    });
    rows.into_iter()
        .take(TOPIC_CAP)
        .map(|(_, _, r)| r)
        .collect()
}

/// Shade of a coverage weight, as `parallax topics` draws it.
pub fn shade(w: f32) -> &'static str {
    match w {
        w if w >= 0.75 => "█",
        w if w >= 0.5 => "▓",
        w if w >= 0.25 => "▒",
        w if w > 0.0 => "░",
        _ => "·",
    }
}

/// "000 ¶12": an article's short id and a block index.
pub fn place_label(short_ids: &[String], at: BlockRef) -> String {
    let id = short_ids.get(at.article).map_or("?", String::as_str);
    format!("{id} ¶{}", at.block)
}

/// How a note's place reads: "000 ¶12", or "gone-id ¶12 (not in this
/// corpus)".
pub fn note_place(short_ids: &[String], p: &Place) -> String {
    match p.at {
        Some(at) => place_label(short_ids, at),
        None => format!("{} ¶{} (not in this corpus)", p.article, p.block),
    }
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
