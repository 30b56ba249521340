//! The topic across all articles: every article's paragraphs on the topic,
//! one section per article, so coverage can be compared at a glance.

use super::reader::{MARGIN, MAX_MEASURE};
use super::styled::{StyledLine, Tag, plain};
use crate::analysis::topics::Topic;
use crate::corpus::{BlockKind, Corpus};
use crate::wrap::{truncate, wrap_runs};

#[derive(Debug, Clone, Default)]
pub struct TopicState {
    pub topic: usize,
    pub scroll: usize,
    pub layout: Option<TopicLayout>,
}

#[derive(Debug, Clone, Default)]
pub struct TopicLayout {
    pub topic: usize,
    pub width: usize,
    pub lines: Vec<StyledLine>,
    /// First line of each article's section.
    pub section_lines: Vec<usize>,
}

pub fn layout_topic(
    corpus: &Corpus,
    topic_index: usize,
    topic: &Topic,
    width: usize,
) -> TopicLayout {
    let measure = width.saturating_sub(MARGIN * 2).clamp(1, MAX_MEASURE);
    let margin = " ".repeat(MARGIN.min(width.saturating_sub(1)));
    let mut out = TopicLayout {
        topic: topic_index,
        width,
        ..Default::default()
    };
    let mut uncovered = Vec::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        let blocks: Vec<usize> = topic.occurrences_in(a).map(|r| r.block).collect();
        if blocks.is_empty() {
            uncovered.push(article.id.as_str());
            continue;
        }
        out.section_lines.push(out.lines.len());
        let weight = topic.weight(a);
        let head = format!(
            "■ {} · {} · {} blocks · weight {:.2}",
            article.meta.outlet.as_deref().unwrap_or("–"),
            article.label(),
            blocks.len(),
            weight
        );
        out.lines.push(vec![
            (margin.clone(), Tag::Text),
            (truncate(&head, measure), Tag::Accent),
        ]);
        out.lines.push(Vec::new());
        for b in blocks {
            let block = &article.blocks[b];
            let tag = if block.kind == BlockKind::Heading {
                Tag::Heading
            } else {
                Tag::Text
            };
            let label = format!("{b:>3} ");
            let runs = [(label.as_str(), Tag::Dim), (block.text.as_str(), tag)];
            for l in wrap_runs(&runs, measure) {
                let mut line = vec![(margin.clone(), Tag::Text)];
                line.extend(l);
                out.lines.push(line);
            }
            out.lines.push(Vec::new());
        }
    }
    if !uncovered.is_empty() {
        let text = format!("Not covered by: {}", uncovered.join(", "));
        for l in wrap_runs(&[(text.as_str(), Tag::Dim)], measure) {
            let mut line = plain(margin.clone(), Tag::Text);
            line.extend(l);
            out.lines.push(line);
        }
    }
    out
}
