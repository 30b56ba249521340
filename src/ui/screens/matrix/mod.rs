//! The coverage matrix: topics × articles, each cell shaded by how much the
//! article says on the topic, with the count of mentions (uses of a term,
//! blocks of a heading's section); enter opens the article at the topic.
//! Columns are headed by outlet and a short id; the status line names the
//! article under the cursor and how it writes the topic. Narrowed to a
//! group (an event, an outlet, the marked articles), only its articles are
//! columns and only the topics they cover are rows, ranked within it. `/`
//! narrows the rows to the topics whose label or forms hold the phrase.

mod draw;

use super::list_filter::FilteredList;
use super::screen::Screen;
use super::title::{Part, fit};
use crate::analysis::Analysis;
use crate::analysis::topics::OTHER_FORMS;
use crate::corpus::Corpus;
use crate::display::wrap::{truncate, width};
use crate::session::View;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::group::Group;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use ratatui::Frame;
use std::collections::{BTreeMap, BTreeSet};

/// Columns per article cell: a shade, a count, gaps.
pub const CELL: usize = 8;
/// Rows of column headers: outlet, then id.
pub const HEADER_ROWS: usize = 2;

#[derive(Debug, Clone, Default)]
pub struct Matrix {
    /// Topic indices in display order: the best at telling the shown
    /// articles apart first.
    rows: Vec<usize>,
    /// Article indices shown as columns, in corpus order.
    cols: Vec<usize>,
    /// The group the rows and columns were made for.
    group: Option<Group>,
    /// The rows listed (entries: indices into `rows`), narrowed by `/`,
    /// and the one selected.
    list: FilteredList,
    /// Index into `cols`.
    col: usize,
    /// Per article: the part of its id that tells it from the others.
    ids: Vec<String>,
    /// Per article: its outlet, short enough for a column.
    outlets: Vec<String>,
}

impl Matrix {
    pub fn new(cx: &Shared) -> Matrix {
        let cols = cx.in_view();
        let rows = rows_of(&cx.analysis, &cols, cx.articles());
        Matrix {
            list: FilteredList::new(rows.len()),
            rows,
            cols,
            ids: column_ids(&cx.short_ids),
            outlets: column_outlets(&cx.corpus),
            ..Matrix::default()
        }
    }

    /// Topic indices in display order (the filter aside).
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The topic of the row at `row` of the list as filtered.
    fn topic_at(&self, row: usize) -> Option<usize> {
        self.rows.get(self.list.entry(row)?).copied()
    }

    /// The topics of the rows listed (the filter's), in order.
    pub fn listed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.list.len()).filter_map(|row| self.topic_at(row))
    }

    /// The topic selected.
    pub fn topic(&self) -> Option<usize> {
        self.topic_at(self.list.row())
    }

    /// What `/` looks in for a row: its topic's label and the forms the
    /// articles write it in (not the stand-in for the rarest, which names
    /// none), as the palette matches a topic.
    fn row_text<'a>(&'a self, cx: &'a Shared) -> impl Fn(usize) -> String + 'a {
        let topics = &cx.analysis.topics.topics;
        move |i| {
            let t = &topics[self.rows[i]];
            let forms = t.coverage.forms.names().filter(|&f| f != OTHER_FORMS);
            std::iter::once(t.label.as_str())
                .chain(forms)
                .collect::<Vec<_>>()
                .join(" · ")
        }
    }

    fn refilter(&mut self, phrase: &str, cx: &Shared) {
        let mut list = std::mem::take(&mut self.list);
        list.refilter(phrase, self.rows.len(), self.row_text(cx));
        self.list = list;
    }

    /// Article indices of the columns.
    pub fn columns(&self) -> &[usize] {
        &self.cols
    }

    /// The article under the cursor.
    pub fn article(&self) -> Option<usize> {
        self.cols.get(self.col).copied()
    }

    fn regroup(&mut self, cx: &Shared) {
        let keep = self.article();
        self.cols = cx.in_view();
        self.rows = rows_of(&cx.analysis, &self.cols, cx.articles());
        self.group = cx.group.clone();
        let mut list = std::mem::take(&mut self.list);
        list.renew(self.rows.len(), self.row_text(cx));
        self.list = list;
        self.col = keep
            .and_then(|a| self.cols.iter().position(|&c| c == a))
            .unwrap_or(0);
    }

    /// Open the selected article at the selected topic's first block in it.
    fn open(&self, cx: &Shared) -> Outcome {
        let (Some(t), Some(article)) = (self.topic(), self.article()) else {
            return Outcome::Done;
        };
        let topic = &cx.analysis.topics.topics[t];
        match topic.occurrences_in(article).next() {
            Some(r) => Outcome::Open(Open::Reader(Goto::block(r))),
            None => {
                // By its outlet and title, as the column's header and the
                // status line show them: the header's id may be cut short.
                let outlet = cx.corpus.articles[article].meta.outlet.as_deref();
                let before = outlet.map_or(String::new(), |o| format!("{o} "));
                let mut parts = draw::titled(cx, article, before).to_vec();
                parts.push(Part::Whole(format!(" does not cover “{}”", topic.label)));
                let said = fit(&parts, cx.status_room(ViewId::Matrix));
                Outcome::Say(crate::clean!("{said}"))
            }
        }
    }

    /// Lines a page moves by: the rows under both header rows.
    fn page(cx: &Shared) -> usize {
        cx.geometry
            .page(true)
            .saturating_sub(HEADER_ROWS - 1)
            .max(1)
    }
}

/// The topics covering any of `cols`, best first: on the whole corpus by
/// their score (how well they tell articles apart); within a group by the
/// part of that score its articles make, so what the group shares comes
/// first and what only other articles say is left out.
fn rows_of(analysis: &Analysis, cols: &[usize], articles: usize) -> Vec<usize> {
    let topics = &analysis.topics.topics;
    let whole = cols.len() == articles;
    let mut shown = vec![false; articles];
    for &a in cols {
        if let Some(s) = shown.get_mut(a) {
            *s = true;
        }
    }
    let mut scored: Vec<(f32, usize)> = topics
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if whole {
                return Some((t.coverage.score, i));
            }
            let part = |a: usize| 1.0 + (t.count(a).max(1) as f32).ln();
            let (mut mine, mut all) = (0.0f32, 0.0f32);
            for (a, _) in t.weights.iter() {
                let p = part(a);
                all += p;
                if shown.get(a).copied().unwrap_or(false) {
                    mine += p;
                }
            }
            (mine > 0.0).then(|| (t.coverage.score * mine / all.max(f32::MIN_POSITIVE), i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// The end of each short id, past what every id begins with ("art000123"
/// → "123"), at least three characters: what tells the columns apart.
fn column_ids(short_ids: &[String]) -> Vec<String> {
    let common = short_ids.iter().skip(1).fold(
        short_ids.first().map_or(0, |s| s.chars().count()),
        |n, s| {
            let first = short_ids.first().map_or("", String::as_str);
            n.min(
                first
                    .chars()
                    .zip(s.chars())
                    .take_while(|(a, b)| a == b)
                    .count(),
            )
        },
    );
    short_ids
        .iter()
        .map(|s| {
            let len = s.chars().count();
            let keep = len.saturating_sub(common).max(3).min(len);
            s.chars().skip(len - keep).collect()
        })
        .collect()
}

/// Each article's outlet in at most `CELL - 1` columns, telling the
/// corpus's outlets apart: the name if it fits, else its first word (past
/// "The") if no other outlet shares it, else its initials if no other
/// outlet shares those, else the name cut short; "–" for none.
fn column_outlets(corpus: &Corpus) -> Vec<String> {
    let room = CELL - 1;
    let names: BTreeSet<&str> = corpus
        .articles
        .iter()
        .filter_map(|a| a.meta.outlet.as_deref())
        .collect();
    let first_word = |n: &str| -> String {
        let mut words = n.split_whitespace();
        let first = words.next().unwrap_or("");
        if first.eq_ignore_ascii_case("the") {
            words.next().unwrap_or(first).to_string()
        } else {
            first.to_string()
        }
    };
    let initials = |n: &str| -> String {
        n.split_whitespace()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let unique = |f: &dyn Fn(&str) -> String, n: &str| {
        let mine = f(n);
        names.iter().filter(|o| f(o) == mine).count() == 1
    };
    let short: BTreeMap<&str, String> = names
        .iter()
        .map(|&n| {
            let label = if width(n) <= room {
                n.to_string()
            } else if width(&first_word(n)) <= room && unique(&first_word, n) {
                first_word(n)
            } else if n.contains(' ') && width(&initials(n)) <= room && unique(&initials, n) {
                initials(n)
            } else {
                truncate(n, room)
            };
            (n, label)
        })
        .collect();
    corpus
        .articles
        .iter()
        .map(|a| {
            a.meta
                .outlet
                .as_deref()
                .and_then(|o| short.get(o).cloned())
                .unwrap_or_else(|| "–".to_string())
        })
        .collect()
}

impl Screen for Matrix {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let cols = self.cols.len();
        if self.list.moved(action, Self::page(cx)) {
            return Outcome::Done;
        }
        match action {
            // At the edge the key says so, as a scroll past the end does.
            Action::Left if self.col == 0 => {
                return Outcome::Say("Already at the first column".into());
            }
            Action::Right if self.col + 1 >= cols => {
                return Outcome::Say("Already at the last column".into());
            }
            Action::Left => self.col -= 1,
            Action::Right => self.col += 1,
            Action::Confirm => return self.open(cx),
            Action::Narrow => {
                let at = self.article().unwrap_or(0);
                return Outcome::Narrow(cx.next_group(at));
            }
            _ => {}
        }
        Outcome::Done
    }

    fn refresh(&mut self, cx: &Shared) {
        if self.group != cx.group {
            self.regroup(cx);
        }
    }

    fn reanalysed(&mut self, cx: &Shared) {
        self.regroup(cx);
    }

    fn title(&self, cx: &Shared) -> String {
        let parts = match &self.group {
            Some(g) => {
                let (before, name, after) = g.described(&cx.analysis.events);
                let before = Part::Whole(format!("Coverage · {before}"));
                vec![before, Part::Cut(name), Part::Whole(after)]
            }
            None => vec![Part::Whole("Coverage · topics × articles".into())],
        };
        self.list.title(parts, cx.geometry.title_room())
    }

    fn list_filter(&self) -> Option<&FilteredList> {
        Some(&self.list)
    }

    fn set_list_filter(&mut self, text: &str, cx: &Shared) {
        self.refilter(text, cx);
    }

    fn status(&self, cx: &Shared) -> String {
        draw::status(self, cx)
    }

    fn saved_as(&self) -> View {
        View::Matrix
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        draw::draw(self, frame, g, cx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_ids_drop_what_all_ids_share() {
        let ids: Vec<String> = ["art000123", "art000124", "art000200"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(column_ids(&ids), ["123", "124", "200"]);
        let ids: Vec<String> = ["000", "001", "002"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(column_ids(&ids), ["000", "001", "002"]);
        let ids: Vec<String> = ["summit-2", "summit-3"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(column_ids(&ids), ["t-2", "t-3"]);
    }

    #[test]
    fn outlets_are_shortened_to_what_tells_them_apart() {
        let mut c = crate::corpus::load_builtin();
        let outlets = [
            "The Capitol Courier",
            "Capitol Times",
            "Daily Ledger",
            "Wire",
            "MoneyOvalNews",
        ];
        for (a, o) in c.articles.iter_mut().zip(outlets) {
            a.meta.outlet = Some(o.to_string());
        }
        assert_eq!(
            column_outlets(&c),
            ["TCC", "CT", "Daily", "Wire", "MoneyO…"]
        );
    }
}
