//! The quotes view: every quote group, carried by most articles first,
//! with its speaker, the outlets that carry it and `≠` when their wording
//! differs; enter shows the copies side by side (`variants`).

use super::list::{List, ListRow, draw_list};
use super::list_filter::ListFilter;
use super::screen::Screen;
use super::scroll::moved;
use crate::analysis::quotes::QuoteGroup;
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Copies, GroupKind, Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct QuotesScreen {
    /// A row of the list as filtered.
    selected: usize,
    /// What `/` typed: the groups whose words, speaker or outlets hold it.
    filter: ListFilter,
}

impl QuotesScreen {
    pub fn new(_cx: &Shared) -> QuotesScreen {
        QuotesScreen::default()
    }

    /// Show the list at `group` (a group the filter hides clears it).
    pub fn open(&mut self, group: Option<usize>) {
        if let Some(g) = group {
            self.selected = self.filter.reveal(g);
        }
    }

    /// The group selected (an index of the analysis's quote groups).
    pub fn selected(&self) -> usize {
        self.filter.entry(self.selected).unwrap_or(self.selected)
    }

    fn listed(&self, cx: &Shared) -> usize {
        self.filter.len(cx.analysis.quotes.groups.len())
    }

    fn refilter(&mut self, phrase: &str, cx: &Shared) {
        let groups = &cx.analysis.quotes.groups;
        self.filter
            .set_keeping(phrase, groups.len(), &mut self.selected, |i| {
                let g = &groups[i];
                format!(
                    "{} {} {}",
                    g.text(),
                    g.speaker.as_deref().unwrap_or(""),
                    outlets(cx, g.quotes.iter().map(|q| q.at.article))
                )
            });
    }
}

/// The outlets carrying a group, each once, in corpus order (the short id
/// where an article names no outlet).
pub fn outlets(cx: &Shared, articles: impl Iterator<Item = usize>) -> String {
    let mut names: Vec<String> = Vec::new();
    for a in articles {
        let name = cx.corpus.articles[a]
            .meta
            .outlet
            .clone()
            .unwrap_or_else(|| cx.short_ids[a].clone());
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

fn row(cx: &Shared, g: &QuoteGroup) -> ListRow {
    ListRow {
        mark: if g.altered() { "≠" } else { "" }.to_string(),
        text: format!("“{}”", g.text()),
        who: g.speaker.clone().unwrap_or_else(|| "–".into()),
        count: g.articles(),
        outlets: outlets(cx, g.quotes.iter().map(|q| q.at.article)),
    }
}

impl Screen for QuotesScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let groups = &cx.analysis.quotes.groups;
        if let Some(p) = moved(
            self.selected,
            action,
            cx.geometry.page(true),
            self.listed(cx),
        ) {
            self.selected = p;
            return Outcome::Done;
        }
        let Some((index, g)) = self
            .filter
            .entry(self.selected)
            .and_then(|i| Some((i, groups.get(i)?)))
        else {
            return Outcome::Done;
        };
        match action {
            Action::Confirm if g.quotes.len() > 1 => Outcome::Open(Open::Copies(Copies {
                kind: GroupKind::Quote,
                group: index,
                member: None,
            })),
            Action::Confirm => Outcome::Open(Open::Reader(Goto::block(g.quotes[0].at))),
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
        (self.listed(cx), cx.analysis.quotes.groups.len())
    }

    fn title(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.quotes.groups;
        let altered = groups.iter().filter(|g| g.altered()).count();
        let shared = groups.iter().filter(|g| g.articles() > 1).count();
        let filtered = self.filter.title_note(groups.len());
        format!(
            "Quotes · {} · {shared} in several articles · {altered} altered{filtered}",
            groups.len()
        )
    }

    fn status(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.quotes.groups;
        if groups.is_empty() {
            return " No quotes found".into();
        }
        let Some(g) = self.filter.entry(self.selected).and_then(|i| groups.get(i)) else {
            return " No quote matches the filter · esc shows all".into();
        };
        let how = match (g.altered(), g.trimmed()) {
            (true, _) => " · wording altered",
            (false, true) => " · trimmed",
            _ => "",
        };
        format!(
            " {}/{} · {} copies in {} articles{how}",
            self.selected + 1,
            self.listed(cx),
            g.quotes.len(),
            g.articles()
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let groups = &cx.analysis.quotes.groups;
        let rows = |i: usize| row(cx, &groups[self.filter.entry(i).unwrap_or(i)]);
        let empty = if cx.analysing {
            "Still analysing…"
        } else if self.filter.is_on() {
            "No quote matches the filter (esc shows all)."
        } else {
            "No quotes in these articles."
        };
        let list = List {
            heads: ("QUOTE", "SPEAKER"),
            len: self.listed(cx),
            selected: self.selected,
            empty,
        };
        draw_list(frame, g, cx, &list, rows);
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Quotes(Some(self.selected())))
    }
}
