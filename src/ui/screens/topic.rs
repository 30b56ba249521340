//! The topic across all articles: every article's paragraphs on the topic,
//! one section per article headed by how it names the topic (mentions and
//! forms), then the articles that use only an ambiguous short form, then
//! those with no form at all ("Not covered by"; for a heading "No heading
//! like this in", since they may discuss it under other headings).
//! Narrowed to a group (an event, an outlet, the marked articles), only
//! its articles.

use super::reader::{MARGIN, MAX_MEASURE};
use super::screen::{Screen, Scrolled};
use super::text::{Text, TextLayout, coverage_note};
use crate::analysis::topics::{Topic, TopicIndex, TopicKind, ambiguous_names};
use crate::corpus::{BlockKind, BlockRef, Corpus};
use crate::display::wrap::{truncate, wrap_runs};
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::find::{Find, TextUnit};
use crate::ui::geometry::Geometry;
use crate::ui::group::Group;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::{Goto, Place, Spans};
use crate::ui::shared::Shared;
use crate::ui::styled::{StyledLine, Tag, plain};
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct TopicScreen {
    topic: usize,
    text: Text<TopicLayout>,
}

#[derive(Debug, Clone, Default)]
pub struct TopicLayout {
    pub topic: usize,
    pub width: usize,
    /// The group it was laid out for.
    pub group: Option<Group>,
    pub lines: Vec<StyledLine>,
    /// First line of each article's section.
    pub section_lines: Vec<usize>,
    /// The blocks shown, in order, and their lines: a section's heading
    /// belongs to its first block, the blank line after a block to it.
    pub blocks: Vec<BlockRef>,
    pub spans: Spans,
    /// The text of each block shown and its lines, for the search.
    pub units: Vec<TextUnit>,
}

impl TopicLayout {
    /// The block that `line` belongs to, and how many lines into it.
    pub fn block_at(&self, line: usize) -> Option<(BlockRef, usize)> {
        let (i, offset) = self.spans.at(line)?;
        Some((self.blocks[i], offset))
    }

    /// The line `offset` lines into `block`, if the topic shows it.
    pub fn line_of(&self, block: BlockRef, offset: usize) -> Option<usize> {
        let i = self.blocks.iter().position(|&b| b == block)?;
        self.spans.line(i, offset)
    }
}

impl TextLayout for TopicLayout {
    fn lines(&self) -> &[StyledLine] {
        &self.lines
    }

    fn units(&self) -> &[TextUnit] {
        &self.units
    }

    fn heads(&self) -> &[usize] {
        &self.section_lines
    }

    fn place(&self, line: usize) -> Option<Place> {
        let (block, offset) = self.block_at(line)?;
        Some(Place::at(block, offset))
    }

    fn line_for(&self, goto: Goto) -> Option<usize> {
        self.line_of(goto.block, goto.offset)
    }

    fn content(&self) -> [usize; 5] {
        [self.topic, self.width, 0, 0, 0]
    }
}

impl TopicScreen {
    pub fn new(_cx: &Shared) -> TopicScreen {
        TopicScreen::default()
    }

    /// Show topic `topic`, at one of its blocks or from the top.
    pub fn open(&mut self, topic: usize, at: Option<Goto>) {
        self.topic = topic;
        self.text.open(at);
    }

    pub fn topic(&self) -> usize {
        self.topic
    }

    pub fn scroll(&self) -> usize {
        self.text.scroll()
    }

    pub fn layout(&self) -> Option<&TopicLayout> {
        self.text.layout()
    }

    /// The article at the top of the screen, for narrowing to its group.
    fn article_at_top(&self, cx: &Shared) -> Option<usize> {
        let layout = self.text.layout()?;
        let from_top = layout.block_at(self.text.scroll()).map(|(b, _)| b.article);
        from_top
            .or_else(|| layout.blocks.first().map(|b| b.article))
            .or_else(|| cx.in_view().first().copied())
    }
}

impl Screen for TopicScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        if action == Action::Narrow {
            let at = self.article_at_top(cx).unwrap_or(0);
            return Outcome::Narrow(cx.next_group(at));
        }
        let taken = self.text.handle(action, cx.geometry.page(false));
        taken.unwrap_or(Outcome::Done)
    }

    fn refresh(&mut self, cx: &Shared) {
        let width = cx.geometry.width();
        if let Some(topic) = cx.analysis.topics.topics.get(self.topic) {
            let current = self.text.layout();
            let stale =
                |l: &TopicLayout| l.topic != self.topic || l.width != width || l.group != cx.group;
            if current.is_none_or(stale) {
                // The same topic at another width: the block at the top
                // stays there.
                if current.is_some_and(|l| l.topic == self.topic) {
                    self.text.keep_top_block();
                }
                let topics = &cx.analysis.topics;
                let mut layout = layout_topic(&cx.corpus, topics, self.topic, topic, width, cx);
                layout.group = cx.group.clone();
                self.text.laid_out(layout);
            }
        }
        self.text.settle(cx.geometry.page(false));
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        // Topic indices change with the analysis: the session glue finds
        // the topic again by its label.
        self.text.drop_layout();
    }

    fn title(&self, cx: &Shared) -> String {
        let topics = &cx.analysis.topics.topics;
        let label = topics.get(self.topic).map_or("", |t| t.label.as_str());
        match &cx.group {
            Some(g) => format!("Topic · {label} · in {}", g.describe(&cx.analysis.events)),
            None => format!("Topic · {label}"),
        }
    }

    fn status(&self, _cx: &Shared) -> String {
        self.text.status("")
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        self.text.draw(frame, g, &cx.theme);
    }

    fn top(&self) -> Option<Place> {
        self.text.top()
    }

    fn shown(&self) -> Option<Place> {
        self.text.shown()
    }

    fn scrolled(&self, cx: &Shared) -> Option<Scrolled> {
        self.text.scrolled(&cx.geometry)
    }

    fn saved_as(&self) -> View {
        View::Topic
    }

    fn reopen(&self) -> Option<Open> {
        let (topic, at) = (self.topic, self.text.here());
        Some(Open::Topic { topic, at })
    }

    fn find(&self) -> Option<&Find> {
        Some(self.text.find())
    }

    fn find_mut(&mut self) -> Option<&mut Find> {
        Some(self.text.find_mut())
    }
}

/// "004 (MoneyOval)": an article as the lists at the end name it.
fn named(corpus: &Corpus, a: usize, cx: &Shared) -> String {
    let id = cx.short_ids.get(a).map_or("", String::as_str);
    match corpus.articles[a].meta.outlet.as_deref() {
        Some(o) => format!("{id} ({o})"),
        None => id.to_string(),
    }
}

pub fn layout_topic(
    corpus: &Corpus,
    index: &TopicIndex,
    topic_index: usize,
    topic: &Topic,
    width: usize,
    cx: &Shared,
) -> TopicLayout {
    let measure = width.saturating_sub(MARGIN * 2).clamp(1, MAX_MEASURE);
    let margin = " ".repeat(MARGIN.min(width.saturating_sub(1)));
    let mut out = TopicLayout {
        topic: topic_index,
        width,
        ..Default::default()
    };
    let articles = cx.in_view();
    let mut uncovered = Vec::new();
    for &a in &articles {
        let article = &corpus.articles[a];
        let blocks: Vec<usize> = topic.occurrences_in(a).map(|r| r.block).collect();
        if blocks.is_empty() {
            uncovered.push(a);
            continue;
        }
        let section = out.lines.len();
        out.section_lines.push(section);
        // A heading's note counts its blocks already.
        let blocks_note = match topic.kind {
            TopicKind::Heading => String::new(),
            _ if blocks.len() == 1 => " · 1 block".to_string(),
            _ => format!(" · {} blocks", blocks.len()),
        };
        // Headed as the search results head an article, with how it
        // names the topic.
        let head = cx.article_head(a, &format!("{}{blocks_note}", coverage_note(topic, a)));
        out.lines.push(vec![
            (margin.clone(), Tag::Text),
            (truncate(&head, measure), Tag::Accent),
        ]);
        out.lines.push(Vec::new());
        for (k, b) in blocks.into_iter().enumerate() {
            out.blocks.push(BlockRef::new(a, b));
            out.spans
                .push(if k == 0 { section } else { out.lines.len() });
            let block = &article.blocks[b];
            let tag = if block.kind == BlockKind::Heading {
                Tag::Heading
            } else {
                Tag::Text
            };
            let label = format!("{b:>3} ");
            let runs = [(label.as_str(), Tag::Dim), (block.text.as_str(), tag)];
            let first = out.lines.len();
            for l in wrap_runs(&runs, measure) {
                let mut line = vec![(margin.clone(), Tag::Text)];
                line.extend(l);
                out.lines.push(line);
            }
            out.units.push(TextUnit {
                source: format!("{label}{}", block.text),
                origin: label.len(),
                block: BlockRef::new(a, b),
                pane: 0,
                lines: first..out.lines.len(),
                decor: 0,
            });
            out.lines.push(Vec::new());
        }
    }
    let mut notes: Vec<String> = Vec::new();
    // Articles that name the person only by a surname two people share.
    if let Some(amb) = index.ambiguous_for(topic_index).and_then(|i| index.get(i)) {
        let unsure: Vec<usize> = uncovered
            .iter()
            .copied()
            .filter(|&a| amb.weight(a) > 0.0)
            .collect();
        if !unsure.is_empty() {
            let word = amb.label.split(" (").next().unwrap_or("");
            let who: Vec<&str> = ambiguous_names(&amb.label).collect();
            let list: Vec<String> = unsure
                .iter()
                .map(|&a| format!("{} ×{}", named(corpus, a, cx), amb.count(a)))
                .collect();
            notes.push(format!(
                "Only “{word}”, which may be {}: {}",
                who.join(" or "),
                list.join(", ")
            ));
            uncovered.retain(|a| !unsure.contains(a));
        }
    }
    if !uncovered.is_empty() {
        let list: Vec<String> = uncovered.iter().map(|&a| named(corpus, a, cx)).collect();
        let of = match &cx.group {
            Some(g) => format!(
                " ({} of {})",
                uncovered.len(),
                g.describe(&cx.analysis.events)
            ),
            None => String::new(),
        };
        // An article without this heading may still cover the subject
        // under another one: say only what is known.
        let none = match topic.kind {
            TopicKind::Heading => "No heading like this in",
            TopicKind::Term | TopicKind::Name => "Not covered by",
        };
        notes.push(format!("{none}{of}: {}", list.join(", ")));
    }
    for note in notes {
        for l in wrap_runs(&[(note.as_str(), Tag::Dim)], measure) {
            let mut line = plain(margin.clone(), Tag::Text);
            line.extend(l);
            out.lines.push(line);
        }
    }
    out.spans.close(out.lines.len());
    out
}
