//! The topic palette overlay: fuzzy search over the topic index as the
//! user types (`state`, `matching`), drawn as a query line, then hits with
//! matched characters highlighted and the articles each topic occurs in;
//! enter opens the topic's first occurrence, tab the topic across articles.

mod matching;
mod state;

pub use matching::{Hit, MatchIndex};
pub use state::{PaletteState, STEP_CELLS};

use crate::analysis::topics::TopicKind;
use crate::corpus::sanitize::Clean;
use crate::display::wrap::{truncate, width};
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::screens::scroll::moved;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

impl PaletteState {
    /// Opened again: it starts fresh, with no query and the best topic
    /// selected, as fzf and helix's pickers do (typing after reopening
    /// never appends to the last search).
    pub fn open(&mut self, topics: &crate::analysis::topics::TopicIndex) {
        if self.query.is_empty() {
            self.selected = 0;
            self.offset = 0;
        } else {
            self.query.clear();
            self.refilter(topics);
        }
    }

    pub fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let topics = &cx.analysis.topics;
        let rows = cx.geometry.list_rows();
        if let Some(p) = moved(self.selected, action, rows, self.hits.len()) {
            self.selected = p;
            return Outcome::Done;
        }
        match action {
            Action::DeleteChar => {
                self.query.pop();
                self.refilter(topics);
            }
            Action::ClearQuery => {
                self.query.clear();
                self.refilter(topics);
            }
            Action::Confirm | Action::OpenAcross if self.hits.is_empty() => {
                return Outcome::Say(self.nothing_chosen(cx));
            }
            Action::Confirm => {
                if let Some(t) = self.selected_topic()
                    && let Some(first) = topics.topics[t].occurrences.first()
                {
                    return Outcome::Open(Open::Reader(Goto::block(first)));
                }
            }
            Action::OpenAcross => {
                if let Some(topic) = self.selected_topic() {
                    return Outcome::Open(Open::Topic { topic, at: None });
                }
            }
            _ => {}
        }
        Outcome::Done
    }

    /// Why enter or tab opened nothing (the list is empty): said in the
    /// status line, never silently ignored.
    fn nothing_chosen(&self, cx: &Shared) -> Clean {
        if self.is_filtering() {
            return Clean::lit("Still matching topics… press it again in a moment");
        }
        match self.no_match_line(cx) {
            Some(line) if !self.query.trim().is_empty() => crate::clean!(
                "{} · {} or {} edits the query",
                capitalised(&line),
                cx.key_for(ViewId::Palette, Action::DeleteChar),
                cx.key_for(ViewId::Palette, Action::ClearQuery)
            ),
            _ => Clean::lit("No topics in this corpus"),
        }
    }

    /// What the list shows when it is empty: "no topic matches “2016”"
    /// (nothing while the list is still being matched).
    fn no_match_line(&self, cx: &Shared) -> Option<String> {
        if !self.hits.is_empty() || self.is_filtering() {
            return None;
        }
        let query = self.query.trim();
        Some(if cx.analysis.topics.topics.is_empty() {
            "no topics in this corpus".to_string()
        } else {
            format!("no topic matches “{query}”")
        })
    }

    /// A character typed into the query.
    pub fn type_char(&mut self, c: char, cx: &Shared) {
        self.query.push(c);
        self.refilter(&cx.analysis.topics);
    }

    pub fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        draw(frame, self, g, cx);
    }
}

fn draw(frame: &mut Frame, palette: &PaletteState, g: &Geometry, cx: &Shared) {
    let theme = &cx.theme;
    // "…" while a long list is still being scored: the count will grow.
    let title = format!(
        " Topics · {}{} of {} ",
        palette.hits.len(),
        if palette.is_filtering() { "…" } else { "" },
        cx.analysis.topics.topics.len()
    );
    let inner = super::boxed(frame, g.list_box(), title);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let query = Line::from(vec![
        Span::styled("› ", theme.style(Tag::Accent)),
        Span::raw(palette.query.as_str()),
        Span::styled("▏", theme.style(Tag::Accent)),
    ]);
    frame.render_widget(query, Rect { height: 1, ..inner });
    let iw = usize::from(inner.width);
    if let Some(line) = palette.no_match_line(cx)
        && inner.height > 1
    {
        let line = Clean::line(&truncate(&line, iw));
        let row = Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        };
        frame.render_widget(Line::styled(line.into_string(), theme.style(Tag::Dim)), row);
    }
    for (i, shown) in palette.visible.iter().enumerate() {
        let (topic, positions) = (&shown.topic, &shown.positions);
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let t = &cx.analysis.topics.topics[*topic];
        let selected = palette.offset + i == palette.selected;
        let base = if selected { Tag::Selected } else { Tag::Text };
        let kind = match t.kind {
            TopicKind::Heading => "§",
            TopicKind::Term => "#",
            TopicKind::Name => "@",
        };
        let coverage = coverage_text(cx, *topic);
        let label_w = iw.saturating_sub(width(&coverage) + 4).max(4);
        let label = truncate(&shown.text, label_w);
        let mut spans = vec![Span::styled(format!("{kind} "), theme.style(Tag::Dim))];
        // One span per run of matched or unmatched characters.
        let mut run = String::new();
        let mut run_matched = false;
        for (ci, ch) in label.chars().enumerate() {
            let matched = positions.contains(&ci);
            if matched != run_matched && !run.is_empty() {
                spans.push(label_span(
                    cx,
                    std::mem::take(&mut run),
                    run_matched,
                    selected,
                ));
            }
            run_matched = matched;
            run.push(ch);
        }
        if !run.is_empty() {
            spans.push(label_span(cx, run, run_matched, selected));
        }
        let pad = iw.saturating_sub(2 + width(&label) + width(&coverage));
        spans.push(Span::styled(" ".repeat(pad), theme.style(base)));
        spans.push(Span::styled(coverage, theme.style(Tag::Dim)));
        frame.render_widget(
            Line::from(spans),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}

fn label_span(cx: &Shared, text: String, matched: bool, selected: bool) -> Span<'static> {
    let base = if selected { Tag::Selected } else { Tag::Text };
    let mut style = cx.theme.style(if matched { Tag::Matched } else { base });
    if selected {
        style = style.patch(cx.theme.style(Tag::Selected));
    }
    Span::styled(text, style)
}

/// Where a topic occurs: one dot per article for small corpora, else a count.
fn coverage_text(cx: &Shared, topic: usize) -> String {
    let t = &cx.analysis.topics.topics[topic];
    let n = cx.articles();
    if n <= 12 {
        (0..n)
            .map(|a| if t.weight(a) > 0.0 { '●' } else { '·' })
            .collect()
    } else {
        crate::display::plural::counted(t.weights.len(), "article")
    }
}

/// `text` with its first letter upper-case ("no topic…" as a message).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
