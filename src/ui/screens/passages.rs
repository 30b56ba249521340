//! The shared-passages view: every group of near-duplicate paragraphs
//! (one per origin: repeats within an article and copies across
//! articles), widest spread first, with its scope, how many copies, the
//! lowest score of a copy with the origin and the outlets; enter shows
//! the copies side by side (`variants`).

use super::list::{List, ListRow, draw_list};
use super::list_filter::ListFilter;
use super::quotes::outlets;
use super::screen::Screen;
use super::scroll::moved;
use crate::analysis::dups::GroupScope;
use crate::analysis::dups::passages::PassageGroup;
use crate::corpus::Corpus;
use crate::display::score::Score;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Copies, GroupKind, Open, Outcome};
use crate::ui::shared::Shared;
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct PassagesScreen {
    /// A row of the list as filtered.
    selected: usize,
    /// What `/` typed: the groups whose origin text or outlets hold it.
    filter: ListFilter,
}

impl PassagesScreen {
    pub fn new(_cx: &Shared) -> PassagesScreen {
        PassagesScreen::default()
    }

    /// Show the list at `group` (a group the filter hides clears it).
    pub fn open(&mut self, group: Option<usize>) {
        if let Some(g) = group {
            self.selected = self.filter.reveal(g);
        }
    }

    /// The group selected (an index of the analysis's passage groups).
    pub fn selected(&self) -> usize {
        self.filter.entry(self.selected).unwrap_or(self.selected)
    }

    fn listed(&self, cx: &Shared) -> usize {
        self.filter.len(cx.analysis.passages.groups.len())
    }

    fn refilter(&mut self, phrase: &str, cx: &Shared) {
        let groups = &cx.analysis.passages.groups;
        self.filter
            .set_keeping(phrase, groups.len(), &mut self.selected, |i| {
                let g = &groups[i];
                let origin = g.members[g.origin].block;
                let text = cx.corpus.get(origin).map_or("", |b| b.text.as_str());
                let outlets = outlets(cx, g.members.iter().map(|m| m.block.article));
                format!("{text} {outlets}")
            });
    }
}

/// The gutter mark of a group: ↻ repeats within one article, = every copy
/// reads as the origin does (`PassageGroup::as_written`, as `diff` calls
/// rows identical), ≈ some copy is edited.
pub fn scope_mark(corpus: &Corpus, g: &PassageGroup) -> &'static str {
    match g.scope {
        GroupScope::Within => "↻",
        _ if g.as_written(corpus) => "=",
        _ => "≈",
    }
}

fn scope_name(s: GroupScope) -> &'static str {
    match s {
        GroupScope::Within => "within one article",
        GroupScope::Across => "across articles",
        GroupScope::Both => "across articles, repeated in some",
    }
}

fn row(cx: &Shared, g: &PassageGroup) -> ListRow {
    let origin = g.members[g.origin].block;
    let text = cx.corpus.get(origin).map_or("", |b| b.text.as_str());
    ListRow {
        mark: scope_mark(&cx.corpus, g).to_string(),
        text: text.to_string(),
        who: format!("{} copies · {}", g.members.len(), Score(g.min_score)),
        count: g.articles,
        outlets: outlets(cx, g.members.iter().map(|m| m.block.article)),
    }
}

impl Screen for PassagesScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let groups = &cx.analysis.passages.groups;
        let listed = self.listed(cx);
        if let Some(p) = moved(self.selected, action, cx.geometry.page(true), listed) {
            self.selected = p;
            return Outcome::Done;
        }
        let group = self
            .filter
            .entry(self.selected)
            .filter(|&g| g < groups.len());
        match (action, group) {
            (Action::Confirm, Some(group)) => Outcome::Open(Open::Copies(Copies {
                kind: GroupKind::Passage,
                group,
                member: None,
            })),
            _ => Outcome::Done,
        }
    }

    fn refresh(&mut self, cx: &Shared) {
        let n = self.listed(cx);
        self.selected = self.selected.min(n.saturating_sub(1));
    }

    fn reanalysed(&mut self, cx: &Shared) {
        let phrase = self.filter.text().to_string();
        self.refilter(&phrase, cx);
    }

    fn list_filter(&self) -> Option<&str> {
        Some(self.filter.text())
    }

    fn set_list_filter(&mut self, text: &str, cx: &Shared) {
        self.refilter(text, cx);
    }

    fn list_counts(&self, cx: &Shared) -> (usize, usize) {
        (self.listed(cx), cx.analysis.passages.groups.len())
    }

    fn title(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.passages.groups;
        let within = groups
            .iter()
            .filter(|g| g.scope == GroupScope::Within)
            .count();
        let filtered = self.filter.title_note(groups.len());
        format!(
            "Shared passages · {} · {} across articles · {within} within one{filtered}",
            groups.len(),
            groups.len() - within
        )
    }

    fn status(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.passages.groups;
        if groups.is_empty() {
            return " No shared passages".into();
        }
        let Some(g) = self.filter.entry(self.selected).and_then(|i| groups.get(i)) else {
            return " No passage matches the filter · esc shows all".into();
        };
        format!(
            " {}/{} · {} copies in {} articles, {} · lowest score {}",
            self.selected + 1,
            self.listed(cx),
            g.members.len(),
            g.articles,
            scope_name(g.scope),
            Score(g.min_score)
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let groups = &cx.analysis.passages.groups;
        let empty = if cx.analysing {
            "Still analysing…"
        } else if self.filter.is_on() {
            "No passage matches the filter (esc shows all)."
        } else {
            "No paragraph repeats or is shared in these articles."
        };
        let list = List {
            heads: ("PASSAGE (ORIGIN)", "COPIES · MIN"),
            len: self.listed(cx),
            selected: self.selected,
            empty,
        };
        let rows = |i: usize| row(cx, &groups[self.filter.entry(i).unwrap_or(i)]);
        draw_list(frame, g, cx, &list, rows);
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Passages(Some(self.selected())))
    }
}
