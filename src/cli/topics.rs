//! `parallax topics`: the topic index as a table grouped by kind, with a
//! coverage strip (one shade per article), or as JSON.

use super::CleanOut;
use super::paint::{Paint, Tone, output_width};
use super::short_ids;
use super::topics_json::{IndexJson, TopicJson};
use crate::analysis::topics::{Topic, TopicIndex, TopicKind};
use crate::cache::Bound;
use crate::corpus::Corpus;
use crate::corpus::sanitize::Clean;
use crate::display::wrap::{truncate, width, wrap_text};
use crate::report::shade;
use crate::{clean, outln};

/// How `parallax topics` prints the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The table, at most this many topics.
    Table(usize),
    /// One compact JSON array.
    Json(usize),
    /// One compact JSON object per line.
    JsonLines(usize),
}

impl Form {
    pub fn of(json: bool, jsonl: bool, limit: Option<usize>) -> Form {
        let limit = limit.unwrap_or(usize::MAX);
        match (json, jsonl) {
            (_, true) => Form::JsonLines(limit),
            (true, false) => Form::Json(limit),
            (false, false) => Form::Table(limit),
        }
    }
}

pub fn print(
    corpus: &Corpus,
    cache: &Bound,
    form: Form,
    paint: Paint,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let mut index = cache.topics();
    match form {
        // Compact and streamed: on a large corpus the index is hundreds of
        // megabytes of JSON, which pretty-printing would double.
        Form::Json(limit) => out.json_compact(&IndexJson {
            corpus,
            index: &index,
            limit,
        }),
        Form::JsonLines(limit) => {
            for topic in index.topics.iter().take(limit) {
                out.json_compact(&TopicJson::of(corpus, topic))?;
            }
            Ok(())
        }
        Form::Table(limit) => {
            // Said of the whole index, so that a limit never reads as a
            // corpus with few topics.
            let summary = summary(corpus, &index, limit);
            index.topics.truncate(limit);
            print_table(corpus, &index, &summary, paint, output_width(), out)
        }
    }
}

/// Columns besides the label and the strip: ARTS(4), BLOCKS(6) and three
/// two-space gaps. BLOCKS counts the blocks the topic occurs in (the
/// JSON's `occurrences`), not its mentions (the JSON's `counts`).
const FIXED: usize = 4 + 6 + 6;

/// How the per-article coverage is shown, by how many articles fit.
enum Strip {
    /// One column per article headed by its short id.
    Columns { ids: Vec<String>, cell: usize },
    /// One character per article, in `list` order.
    Compact,
    /// Too many articles: counts only.
    None,
}

impl Strip {
    /// The richest strip that leaves the label column readable.
    fn choose(corpus: &Corpus, total_width: usize) -> Strip {
        let n = corpus.articles.len();
        let ids = short_ids(corpus);
        let id_w = ids.iter().map(|i| width(i)).max().unwrap_or(1);
        let room = total_width.saturating_sub(FIXED);
        if n > 0 && room >= n * (id_w + 1) + 24 {
            Strip::Columns {
                ids,
                cell: id_w + 1,
            }
        } else if n > 0 && room >= n.max(8) + 16 && n <= total_width / 2 {
            Strip::Compact
        } else {
            Strip::None
        }
    }

    fn width(&self, articles: usize) -> usize {
        match self {
            Strip::Columns { cell, .. } => articles * cell,
            Strip::Compact => articles.max(8),
            Strip::None => 0,
        }
    }

    fn header(&self) -> String {
        match self {
            Strip::Columns { ids, cell } => ids.iter().map(|i| format!("{i:<cell$}")).collect(),
            Strip::Compact => "COVERAGE".to_string(),
            Strip::None => String::new(),
        }
    }

    fn cells(&self, t: &Topic, articles: usize, paint: Paint) -> Clean {
        let cell = match self {
            Strip::Columns { cell, .. } => *cell,
            Strip::Compact => 1,
            Strip::None => return Clean::default(),
        };
        (0..articles)
            .map(|a| {
                let w = t.weight(a);
                let glyph = shade(w);
                let glyph = if w > 0.0 {
                    paint.lit(Tone::Accent, glyph)
                } else {
                    paint.lit(Tone::Dim, glyph)
                };
                glyph + Clean::spaces(cell - 1)
            })
            .collect()
    }
}

const SECTIONS: [(TopicKind, &str); 3] = [
    (TopicKind::Heading, "HEADINGS"),
    (TopicKind::Name, "NAMES"),
    (TopicKind::Term, "TERMS AND PHRASES"),
];

/// "42 topics in 5 articles: 12 headings, …", and which are shown when
/// `limit` leaves some out.
fn summary(corpus: &Corpus, index: &TopicIndex, limit: usize) -> String {
    let count = |k: TopicKind| index.of_kind(k).count();
    use crate::display::plural::{counted, counted_as};
    let shown = if limit < index.len() {
        format!("; the first {limit} shown (--limit)")
    } else {
        String::new()
    };
    format!(
        "{} in {}: {}, {}, {}{shown}",
        counted(index.len(), "topic"),
        counted(corpus.articles.len(), "article"),
        counted(count(TopicKind::Heading), "heading"),
        counted(count(TopicKind::Name), "name"),
        counted_as(
            count(TopicKind::Term),
            "term or phrase",
            "terms and phrases"
        ),
    )
}

fn print_table(
    corpus: &Corpus,
    index: &TopicIndex,
    summary: &str,
    paint: Paint,
    total_width: usize,
    out: &mut CleanOut,
) -> anyhow::Result<()> {
    let n = corpus.articles.len();
    let count = |k: TopicKind| index.of_kind(k).count();
    for line in wrap_text(summary, total_width) {
        outln!(out, "{line}")?;
    }
    let strip = Strip::choose(corpus, total_width);
    let legend = match strip {
        Strip::Columns { .. } => {
            "Shade: how much each article says on the topic (█ most … ░ little, · nothing)."
        }
        Strip::Compact => {
            "Coverage: one column per article, in `parallax list` order; shade: how much it says (█ most … ░ little, · nothing)."
        }
        Strip::None => "",
    };
    for line in wrap_text(legend, total_width) {
        out.line(&paint.paint(Tone::Dim, &clean!("{line}")))?;
    }
    // label, ARTS, BLOCKS, strip; under 60 columns BLOCKS is "BLKS", as
    // wide as ARTS, so that the section titles keep their room.
    let (blocks, blocks_w) = if total_width >= 60 {
        ("BLOCKS", 6)
    } else {
        ("BLKS", 4)
    };
    let strip_w = strip.width(n);
    let label_w = total_width
        .saturating_sub(FIXED - 6 + blocks_w + strip_w)
        .max(16);
    for (kind, title) in SECTIONS {
        if count(kind) == 0 {
            continue;
        }
        out.blank()?;
        let header = format!(
            "{:<label_w$}  {:>4}  {:>blocks_w$}  {}",
            title,
            "ARTS",
            blocks,
            strip.header()
        );
        out.line(&paint.paint(Tone::Bold, &clean!("{}", header.trim_end())))?;
        for (_, t) in index.of_kind(kind) {
            let label = truncate(&t.label, label_w);
            let pad = " ".repeat(label_w.saturating_sub(width(&label)));
            let line = clean!(
                "{label}{pad}  {:>4}  {:>blocks_w$}  ",
                t.weights.len(),
                t.occurrences.len()
            ) + strip.cells(t, n, paint);
            out.line(&line.trimmed_end())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::topics::build_topics;

    #[test]
    fn table_fits_the_width() {
        let corpus = crate::corpus::load_builtin();
        let index = build_topics(&corpus);
        let mut out = Vec::new();
        print_table(
            &corpus,
            &index,
            &summary(&corpus, &index, usize::MAX),
            Paint { enabled: false },
            80,
            &mut CleanOut::new(&mut out),
        )
        .expect("table");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.lines().all(|l| width(l) <= 80), "{text}");
        assert!(text.contains("HEADINGS") && text.contains("NAMES"));
        assert!(text.lines().any(|l| l.contains('█')));
    }

    #[test]
    fn narrow_and_many_article_tables_fit_too() {
        let corpus = crate::corpus::load_builtin();
        let index = build_topics(&corpus);
        for w in [40, 60, 120] {
            let mut out = Vec::new();
            print_table(
                &corpus,
                &index,
                &summary(&corpus, &index, usize::MAX),
                Paint { enabled: false },
                w,
                &mut CleanOut::new(&mut out),
            )
            .expect("table");
            let text = String::from_utf8(out).expect("utf-8");
            assert!(text.lines().all(|l| width(l) <= w.max(40)), "{w}: {text}");
        }
    }
}
