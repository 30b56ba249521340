//! The library: every article with its metadata and reuse counts; marks
//! the two articles to compare; a filter narrows the list to the
//! articles whose id, title or outlet hold the text typed (case-smart,
//! quotes and dashes read alike, as the search).

use super::library_columns::{Column, ColumnWidths, fit};
use super::screen::Screen;
use super::scroll::moved;
use crate::analysis::find::{Query, fold};
use crate::corpus::sanitize::Clean;
use crate::display::wrap::{in_column, truncate, truncate_middle, width};
use crate::session::View;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::place::Goto;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The article selected (one of `shown`, unless none is).
    selected: usize,
    /// Articles marked for comparison, oldest first (at most two).
    marked: Vec<usize>,
    /// How wide the columns' values are (measured once).
    widths: ColumnWidths,
    /// The filter typed, and the articles it lets through, in order.
    filter: String,
    shown: Vec<usize>,
}

impl Library {
    pub fn new(cx: &Shared) -> Library {
        Library {
            widths: ColumnWidths::of(&cx.corpus),
            shown: (0..cx.articles()).collect(),
            ..Library::default()
        }
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The articles listed, in order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// Narrow the list to the articles whose id, title or outlet hold
    /// `text` (all of them for no text); the selection stays on its
    /// article if it is still listed, else goes to the first listed.
    pub fn set_filter(&mut self, text: &str, cx: &Shared) {
        self.filter = text.to_string();
        self.shown = match Query::new(text) {
            None => (0..cx.articles()).collect(),
            Some(q) => {
                let mut hay = String::new();
                let needle = q.folded.as_str();
                (0..cx.articles())
                    .filter(|&i| {
                        let a = &cx.corpus.articles[i];
                        hay.clear();
                        for part in [
                            a.id.as_str(),
                            a.label(),
                            a.meta.outlet.as_deref().unwrap_or(""),
                        ] {
                            hay.push_str(&fold(part, !q.exact_case));
                            hay.push('\n');
                        }
                        hay.contains(needle)
                    })
                    .collect()
            }
        };
        if !self.shown.contains(&self.selected)
            && let Some(&first) = self.shown.first()
        {
            self.selected = first;
        }
    }

    /// Esc with a filter on: drop it. False if there was none.
    pub fn clear_filter(&mut self, cx: &Shared) -> bool {
        let had = !self.filter.is_empty();
        self.set_filter("", cx);
        had
    }

    /// Where the selection is in the list shown.
    fn position(&self) -> usize {
        self.shown
            .iter()
            .position(|&i| i == self.selected)
            .unwrap_or(0)
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn marked(&self) -> &[usize] {
        &self.marked
    }

    /// Mark or unmark the selected article and move on; a third mark
    /// drops the oldest and says so.
    fn toggle_mark(&mut self, ids: &[String], compare: &str) -> Clean {
        let sel = self.selected;
        let id = |i: usize| ids.get(i).map_or("?", String::as_str);
        let next = (self.position() + 1).min(self.shown.len().saturating_sub(1));
        if let Some(&a) = self.shown.get(next) {
            self.selected = a;
        }
        // Each mark is said: the cursor moves on (as fzf's tab does), so
        // the row marked is no longer the one under it (but on the last).
        if let Some(i) = self.marked.iter().position(|&m| m == sel) {
            self.marked.remove(i);
            return crate::clean!("Unmarked {}", id(sel));
        }
        self.marked.push(sel);
        match self.marked.as_slice() {
            [one] if self.selected == *one => {
                crate::clean!(
                    "Marked {} (left) · mark another to compare it with",
                    id(*one)
                )
            }
            [one] => crate::clean!(
                "Marked {} (left) · {compare} compares it with the row under the cursor",
                id(*one)
            ),
            [a, b] => crate::clean!(
                "Marked {} (right) · {compare} compares {} ⇄ {}",
                id(*b),
                id(*a),
                id(*b)
            ),
            _ => {
                let dropped = self.marked.remove(0);
                crate::clean!(
                    "Unmarked {}; marked {} and {} (two are compared)",
                    id(dropped),
                    id(self.marked[0]),
                    id(self.marked[1])
                )
            }
        }
    }
}

impl Screen for Library {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        let listed = self.shown.len();
        if let Some(p) = moved(self.position(), action, cx.geometry.page(true), listed) {
            if let Some(&a) = self.shown.get(p) {
                self.selected = a;
            }
            return Outcome::Done;
        }
        if self.shown.is_empty() && matches!(action, Action::Confirm | Action::ToggleMark) {
            return Outcome::Say(crate::clean!(
                "No article matches the filter {}",
                self.filter
            ));
        }
        match action {
            Action::Confirm => Outcome::Open(Open::Reader(Goto::start_of(self.selected))),
            Action::ToggleMark => {
                let compare = cx.key_for(ViewId::Library, Action::Compare);
                Outcome::Say(self.toggle_mark(&cx.short_ids, &compare))
            }
            Action::Compare => match cx.pair_to_compare(self.selected) {
                Some((left, right)) => Outcome::Open(Open::Compare {
                    left,
                    right,
                    at: None,
                }),
                None => Outcome::Say(cx.nothing_to_compare()),
            },
            _ => Outcome::Done,
        }
    }

    fn title(&self, cx: &Shared) -> String {
        // A load with no article is an error, never a library: none yet
        // means the files are still being read (`ui::loading`).
        if cx.articles() == 0 {
            return "Library · reading the files…".into();
        }
        if self.filter.is_empty() {
            return format!(
                "Library · {}",
                crate::display::plural::counted(cx.articles(), "article")
            );
        }
        let filter = truncate(&self.filter, 30);
        let n = self.shown.len();
        format!(
            "Library · {n} of {} · filter “{filter}”",
            crate::display::plural::counted(cx.articles(), "article")
        )
    }

    fn status(&self, cx: &Shared) -> String {
        // Until the analysis is in, comparing and topics wait: say so.
        let analysing = if cx.analysing { " · analysing…" } else { "" };
        if self.filter.is_empty() {
            let status = format!(
                " {}/{} · {} marked{analysing}",
                self.selected + 1,
                cx.articles(),
                self.marked.len(),
            );
            // What the load skipped matters more, and its note sends to
            // help too.
            return match load_note(cx) {
                note if note.is_empty() => with_columns_hint(status, cx),
                note => status + &note,
            };
        }
        let at = if self.shown.is_empty() {
            0
        } else {
            self.position() + 1
        };
        format!(
            " {at}/{} shown · {} marked · esc clears the filter",
            self.shown.len(),
            self.marked.len()
        )
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let (header_row, rows_area) = g.headed();
        let w = usize::from(g.body.width);
        let theme = &cx.theme;
        let id_w = cx.short_id_width.clamp(2, 12);
        let fitted = fit(w, id_w, &self.widths);
        let title_w = fitted.title;
        let header = format!(
            "  {:<id_w$} {}{}",
            "ID",
            in_column(&fitted.title_header(), title_w),
            fitted.tail(|c| c.header().to_string())
        );
        frame.render_widget(
            Line::styled(truncate(&header, w), theme.style(Tag::Dim)),
            header_row,
        );
        let rows = usize::from(rows_area.height);
        let first = self.position().saturating_sub(rows.saturating_sub(1));
        let articles = self.shown.iter().map(|&i| (i, &cx.corpus.articles[i]));
        for (row, (idx, article)) in articles.skip(first).take(rows).enumerate() {
            let mark = match self.marked.iter().position(|&m| m == idx) {
                Some(0) => "◀ ",
                Some(_) => "▶ ",
                None => "  ",
            };
            let stats = cx.analysis.stats.get(idx).copied().unwrap_or_default();
            let hidden = if article.hidden_chars > 0 {
                format!(" ⚠{}", article.hidden_chars)
            } else {
                String::new()
            };
            // The mark survives a cut title: the title gives way before it.
            let title = if hidden.is_empty() || width(&hidden) >= title_w {
                truncate(&format!("{}{hidden}", article.label()), title_w)
            } else {
                truncate(article.label(), title_w - width(&hidden)) + &hidden
            };
            let meta = &article.meta;
            // The event's number, as `parallax events` counts them.
            let none = Column::NONE.0;
            let event = cx
                .analysis
                .events
                .of(idx)
                .map_or(none.to_string(), |e| (e + 1).to_string());
            let text = format!(
                "{mark}{:<id_w$} {}{}{}",
                // Ids that differ only at the end stay told apart.
                in_column(&truncate_middle(&cx.short_ids[idx], id_w), id_w),
                title,
                " ".repeat(title_w.saturating_sub(width(&title))),
                fitted.tail(|c| match c {
                    Column::Outlet => meta.outlet.as_deref().unwrap_or(none).to_string(),
                    Column::Date => meta.date_in_column().unwrap_or_else(|| none.into()),
                    Column::Minutes => meta.read_minutes.map_or(none.into(), |m| m.to_string()),
                    Column::Words => meta.words.to_string(),
                    Column::Shared => stats.shared.to_string(),
                    Column::Repeats => stats.repeated.to_string(),
                    Column::Event => event.clone(),
                }),
            );
            let tag = if idx == self.selected {
                Tag::Selected
            } else {
                Tag::Text
            };
            let line = Line::from(Span::styled(truncate(&text, w), theme.style(tag)));
            let y = rows_area.y + row as u16;
            frame.render_widget(
                line,
                Rect {
                    y,
                    height: 1,
                    ..rows_area
                },
            );
        }
    }
}

/// The status and " · ? explains the columns" where the row has room for
/// both: MIN or REP mean nothing to a new user until help says.
fn with_columns_hint(status: String, cx: &Shared) -> String {
    let help = cx.key_for(ViewId::Library, Action::Help);
    let hinted = format!("{status} · {help} explains the columns");
    if width(&hinted) <= cx.status_room(ViewId::Library) {
        hinted
    } else {
        status
    }
}

/// " · 1 file skipped (? says why)": what the load left out or cut, which
/// it said on stderr where the reader's screen covers it; help lists it.
fn load_note(cx: &Shared) -> String {
    let warnings = cx.corpus.warnings.len();
    if warnings == 0 {
        return String::new();
    }
    let help = cx.key_for(ViewId::Library, Action::Help);
    if cx.skipped > 0 {
        let files = crate::display::plural::counted(cx.skipped, "file");
        return format!(" · {files} skipped ({help} says why)");
    }
    let said = crate::display::plural::counted(warnings, "load warning");
    let them = if warnings == 1 { "it" } else { "them" };
    format!(" · {said} ({help} lists {them})")
}
