//! The quotes view: every quote group, carried by most articles first,
//! with its speaker, the outlets that carry it and `≠` when their wording
//! differs; enter shows the copies side by side (`variants`).

use super::list::{List, ListRow, draw_list};
use super::list_filter::FilteredList;
use super::screen::Screen;
use crate::analysis::quotes::QuoteGroup;
use crate::display::plural::{counted, counted_as};
use crate::session::View;
use crate::ui::action::Action;
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Copies, GroupKind, Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use ratatui::Frame;

#[derive(Debug, Clone, Default)]
pub struct QuotesScreen {
    /// The quote groups listed, narrowed by `/` to those whose words,
    /// speaker or outlets hold the phrase.
    list: FilteredList,
}

impl QuotesScreen {
    pub fn new(cx: &Shared) -> QuotesScreen {
        let list = FilteredList::new(cx.analysis.quotes.groups.len());
        QuotesScreen { list }
    }

    /// Show the list at `group` (a group the filter hides clears it).
    pub fn open(&mut self, group: Option<usize>) {
        if let Some(g) = group {
            self.list.open(g);
        }
    }

    /// The group selected (an index of the analysis's quote groups).
    pub fn selected(&self) -> usize {
        self.list.selected().unwrap_or(0)
    }

    fn refilter(&mut self, phrase: &str, cx: &Shared) {
        let groups = &cx.analysis.quotes.groups;
        self.list.refilter(phrase, groups.len(), |i| {
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
        if self.list.moved(action, cx.geometry.page(true)) {
            return Outcome::Done;
        }
        let groups = &cx.analysis.quotes.groups;
        let Some((index, g)) = self.list.selected().and_then(|i| Some((i, groups.get(i)?))) else {
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
        let groups = &cx.analysis.quotes.groups;
        let altered = groups.iter().filter(|g| g.altered()).count();
        let shared = groups.iter().filter(|g| g.articles() > 1).count();
        let counts = [
            (shared, "in several articles", "shared"),
            (altered, "altered", "altered"),
        ];
        let room = cx.geometry.title_room();
        (self.list).counted_title("Quotes", groups.len(), counts, room)
    }

    fn status(&self, cx: &Shared) -> String {
        let groups = &cx.analysis.quotes.groups;
        if groups.is_empty() {
            return " No quotes found".into();
        }
        let Some(g) = self.list.selected().and_then(|i| groups.get(i)) else {
            return " No quote matches the filter · esc shows all".into();
        };
        let how = match (g.altered(), g.trimmed()) {
            (true, _) => " · wording altered",
            (false, true) => " · trimmed",
            _ => "",
        };
        format!(
            " {} · {} in {}{how}",
            self.list.position(),
            counted_as(g.quotes.len(), "copy", "copies"),
            counted(g.articles(), "article")
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let groups = &cx.analysis.quotes.groups;
        let rows = |i: usize| row(cx, &groups[self.list.entry(i).unwrap_or(i)]);
        let empty = if cx.analysing {
            "Still analysing…"
        } else if self.list.is_on() {
            "No quote matches the filter (esc shows all)."
        } else {
            "No quotes in these articles."
        };
        let list = List {
            heads: ("QUOTE", "SPEAKER"),
            len: self.list.len(),
            selected: self.list.row(),
            empty,
        };
        draw_list(frame, g, cx, &list, rows);
    }

    fn saved_as(&self) -> View {
        View::Quotes
    }

    fn reopen(&self) -> Option<Open> {
        Some(Open::Quotes(self.list.selected()))
    }
}
