//! The shared-passages view: every group of near-duplicate paragraphs
//! (one per origin: repeats within an article and copies across
//! articles), widest spread first, with its scope, how many copies, the
//! lowest score of a copy with the origin and the outlets; enter shows
//! the copies side by side (`variants`).

use super::list::{List, ListRow, draw_list};
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
    selected: usize,
}

impl PassagesScreen {
    pub fn new(_cx: &Shared) -> PassagesScreen {
        PassagesScreen::default()
    }

    /// Show the list at `group`.
    pub fn open(&mut self, group: Option<usize>) {
        if let Some(g) = group {
            self.selected = g;
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
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
        if let Some(p) = moved(self.selected, action, cx.geometry.page(true), groups.len()) {
            self.selected = p;
            return Outcome::Done;
        }
        match action {
            Action::Confirm if self.selected < groups.len() => {
                Outcome::Open(Open::Copies(Copies {
                    kind: GroupKind::Passage,
                    group: self.selected,
                    member: None,
                }))
            }
            _ => Outcome::Done,
        }
    }

    fn refresh(&mut self, cx: &Shared) {
        let n = cx.analysis.passages.groups.len();
        self.selected = self.selected.min(n.saturating_sub(1));
    }

    fn title(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.passages.groups;
        let within = groups
            .iter()
            .filter(|g| g.scope == GroupScope::Within)
            .count();
        format!(
            "Shared passages · {} · {} across articles · {within} within one",
            groups.len(),
            groups.len() - within
        )
    }

    fn status(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.passages.groups;
        let Some(g) = groups.get(self.selected) else {
            return " No shared passages".into();
        };
        format!(
            " {}/{} · {} copies in {} articles, {} · lowest score {}",
            self.selected + 1,
            groups.len(),
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
        } else {
            "No paragraph repeats or is shared in these articles."
        };
        let list = List {
            heads: ("PASSAGE (ORIGIN)", "COPIES · MIN"),
            len: groups.len(),
            selected: self.selected,
            empty,
        };
        draw_list(frame, g, cx, &list, |i| row(cx, &groups[i]));
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Passages(Some(self.selected)))
    }
}
