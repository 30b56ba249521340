//! The shared-passages view: every group of near-duplicate paragraphs
//! (one per origin: repeats within an article and copies across
//! articles), widest spread first, with its scope, how many copies of
//! its origin, the lowest score of a copy with the origin and the
//! outlets; enter shows the origin beside each copy (`variants`).

use super::list::{List, ListRow, draw_list};
use super::list_filter::FilteredList;
use super::quotes::outlets;
use super::screen::Screen;
use crate::analysis::dups::GroupScope;
use crate::analysis::dups::passages::PassageGroup;
use crate::corpus::Corpus;
use crate::display::plural::{counted, counted_as};
use crate::display::score::Score;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Copies, GroupKind, Open, Outcome};
use crate::ui::shared::Shared;
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct PassagesScreen {
    /// The passage groups listed, narrowed by `/` to those whose origin
    /// text or outlets hold the phrase.
    list: FilteredList,
}

impl PassagesScreen {
    pub fn new(cx: &Shared) -> PassagesScreen {
        let list = FilteredList::new(cx.analysis.passages.groups.len());
        PassagesScreen { list }
    }

    /// Show the list at `group` (a group the filter hides clears it).
    pub fn open(&mut self, group: Option<usize>) {
        if let Some(g) = group {
            self.list.open(g);
        }
    }

    /// The group selected (an index of the analysis's passage groups).
    pub fn selected(&self) -> usize {
        self.list.selected().unwrap_or(0)
    }

    fn refilter(&mut self, phrase: &str, cx: &Shared) {
        let groups = &cx.analysis.passages.groups;
        self.list.refilter(phrase, groups.len(), |i| {
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

/// "3 copies": the members besides the origin, which is not a copy of
/// itself (the side by side shows it beside each of them in turn).
fn copies(g: &PassageGroup) -> String {
    counted_as(g.members.len().saturating_sub(1), "copy", "copies")
}

fn row(cx: &Shared, g: &PassageGroup) -> ListRow {
    let origin = g.members[g.origin].block;
    let text = cx.corpus.get(origin).map_or("", |b| b.text.as_str());
    ListRow {
        mark: scope_mark(&cx.corpus, g).to_string(),
        text: text.to_string(),
        who: format!("{} · {}", copies(g), Score(g.min_score)),
        count: g.articles,
        outlets: outlets(cx, g.members.iter().map(|m| m.block.article)),
    }
}

impl Screen for PassagesScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        if self.list.moved(action, cx.geometry.page(true)) {
            return Outcome::Done;
        }
        match (action, self.list.selected()) {
            (Action::Confirm, Some(group)) => Outcome::Open(Open::Copies(Copies {
                kind: GroupKind::Passage,
                group,
                member: None,
            })),
            _ => Outcome::Done,
        }
    }

    fn refresh(&mut self, _cx: &Shared) {
        self.list.fit();
    }

    fn reanalysed(&mut self, cx: &Shared) {
        let phrase = self.list.text().to_string();
        self.refilter(&phrase, cx);
    }

    fn list_filter(&self) -> Option<&FilteredList> {
        Some(&self.list)
    }

    fn set_list_filter(&mut self, text: &str, cx: &Shared) {
        self.refilter(text, cx);
    }

    fn title(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.passages.groups;
        let within = groups
            .iter()
            .filter(|g| g.scope == GroupScope::Within)
            .count();
        let across = groups.len() - within;
        let counts = [
            (across, "across articles", "across"),
            (within, "within one", "within"),
        ];
        let room = cx.geometry.title_room();
        (self.list).counted_title("Shared passages", groups.len(), counts, room)
    }

    fn status(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.passages.groups;
        if groups.is_empty() {
            return " No shared passages".into();
        }
        let Some(g) = self.list.selected().and_then(|i| groups.get(i)) else {
            return " No passage matches the filter · esc shows all".into();
        };
        // "origin and 1 copy within one article", "origin and 2 copies in
        // 3 articles".
        let spread = match g.scope {
            GroupScope::Within => " within one article".to_string(),
            GroupScope::Across => format!(" in {}", counted(g.articles, "article")),
            GroupScope::Both => format!(" in {}, repeated in some", counted(g.articles, "article")),
        };
        format!(
            " {} · origin and {}{spread} · lowest score {}",
            self.list.position(),
            copies(g),
            Score(g.min_score)
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let groups = &cx.analysis.passages.groups;
        let empty = if cx.analysing {
            "Still analysing…"
        } else if self.list.is_on() {
            "No passage matches the filter (esc shows all)."
        } else {
            "No paragraph repeats or is shared in these articles."
        };
        let list = List {
            heads: ("PASSAGE (ORIGIN)", "COPIES · MIN"),
            len: self.list.len(),
            selected: self.list.row(),
            empty,
        };
        let rows = |i: usize| row(cx, &groups[self.list.entry(i).unwrap_or(i)]);
        draw_list(frame, g, cx, &list, rows);
    }

    fn saved_as(&self) -> View {
        View::Passages
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Passages(self.list.selected()))
    }
}
