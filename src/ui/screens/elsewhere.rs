//! Elsewhere: one paragraph against every other article of its event,
//! each article's likeliest block for its point, most likely first, with
//! the evidence of the selected one in the status line; enter shows the
//! two side by side in the compare view. "Who reported this, and in
//! which words?" for one paragraph at a glance. `/` narrows the list to
//! the places whose article id, outlet or words hold the phrase.

use super::list_filter::FilteredList;
use super::screen::Screen;
use super::title::Part;
use crate::analysis::pair::Threshold;
use crate::analysis::partners::{Elsewhere, elsewhere};
use crate::corpus::BlockRef;
use crate::display::score::Score;
use crate::display::wrap::{in_column, truncate};
use crate::session::View;
use crate::ui::action::{Action, ViewId};
use crate::ui::geometry::Geometry;
use crate::ui::outcome::{Open, Outcome};
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

#[derive(Debug, Clone, Default)]
pub struct ElsewhereScreen {
    /// The paragraph asked about.
    at: Option<BlockRef>,
    /// Its rows, once computed for `at` (`computed` says for which
    /// paragraph and threshold).
    rows: Vec<Elsewhere>,
    computed: Option<(BlockRef, Threshold)>,
    /// Articles there were to compare (more than the rows past the cap).
    total: usize,
    /// The rows listed (entries: indices into `rows`), narrowed by `/`,
    /// and the one selected.
    list: FilteredList,
    /// The row to select once the rows are computed (a paragraph just
    /// opened).
    wanted: Option<usize>,
    /// The compare view's threshold: what "paired" means here.
    threshold: Threshold,
}

impl ElsewhereScreen {
    pub fn new(_cx: &Shared) -> ElsewhereScreen {
        ElsewhereScreen::default()
    }

    /// Look for `at`'s point in the other articles, the `row`th of them
    /// selected; pairs are those the compare view makes at `threshold`.
    /// The list as it was for the same paragraph keeps its filter (unless
    /// it hides that row); another paragraph's list starts unfiltered.
    pub fn open(&mut self, at: BlockRef, row: usize, threshold: Threshold) {
        if self.computed == Some((at, threshold)) {
            self.list.open(row);
        } else {
            self.list = FilteredList::default();
            self.wanted = Some(row);
        }
        self.at = Some(at);
        self.threshold = threshold;
    }

    /// Every row, the filter aside.
    pub fn rows(&self) -> &[Elsewhere] {
        &self.rows
    }

    /// The row selected, as an index of `rows`.
    pub fn selected(&self) -> usize {
        self.list.selected().unwrap_or(0)
    }

    fn row(&self) -> Option<&Elsewhere> {
        self.rows.get(self.list.selected()?)
    }

    fn refilter(&mut self, phrase: &str, cx: &Shared) {
        let rows = &self.rows;
        self.list.refilter(phrase, rows.len(), |i| {
            let r = &rows[i];
            let (place, text) = place_of(r, cx);
            let outlet = cx.corpus.articles[r.article].meta.outlet.as_deref();
            format!("{place} {} {text}", outlet.unwrap_or(""))
        });
    }
}

/// Where a row's article makes the point, as the list names it ("led
/// #4", or the article alone when nothing in it shares a word), and that
/// block's words.
fn place_of<'a>(r: &Elsewhere, cx: &'a Shared) -> (String, &'a str) {
    let id = &cx.short_ids[r.article];
    match r.partner {
        Some(p) => (
            format!("{id} #{}", p.block),
            cx.corpus
                .get(BlockRef::new(r.article, p.block))
                .map_or("", |b| b.text.as_str()),
        ),
        None => (id.clone(), ""),
    }
}

impl ElsewhereScreen {
    /// "why: names: … · words: …" of the selected row, wrapped to the
    /// width, at most two lines, and none when the body is too short to
    /// spare them beside the list.
    fn why_lines(&self, w: usize, height: u16) -> Vec<String> {
        let Some(e) = self.row().and_then(|r| r.explanation.as_ref()) else {
            return Vec::new();
        };
        let parts = super::compare::why_parts(e);
        if parts.is_empty() || height < 6 {
            return Vec::new();
        }
        let text = format!("why: {}", parts.join(" · "));
        let mut lines = crate::display::wrap::wrap_text(&text, w.saturating_sub(2).max(10));
        if lines.len() > 2 {
            lines.truncate(2);
            lines[1] = truncate(&format!("{}…", lines[1]), w.saturating_sub(2));
        }
        lines.into_iter().map(|l| format!("  {l}")).collect()
    }
}

impl Screen for ElsewhereScreen {
    fn handle(&mut self, action: Action, cx: &Shared) -> Outcome {
        if self.list.moved(action, cx.geometry.page(true)) {
            return Outcome::Done;
        }
        let (Some(at), Some(row)) = (self.at, self.row()) else {
            return Outcome::Done;
        };
        if action != Action::Confirm {
            return Outcome::Done;
        }
        match row.partner {
            Some(p) => Outcome::Open(Open::Beside {
                left: at,
                right: BlockRef::new(row.article, p.block),
            }),
            None => Outcome::Open(Open::Compare {
                left: at.article,
                right: row.article,
                at: Some(crate::ui::place::Goto::block(at)),
            }),
        }
    }

    fn refresh(&mut self, cx: &Shared) {
        let wanted = self.at.map(|at| (at, self.threshold));
        if cx.analysing || self.computed == wanted {
            return;
        }
        let Some(at) = self.at.filter(|b| cx.corpus.get(*b).is_some()) else {
            return;
        };
        let a = &cx.analysis;
        (self.rows, self.total) = elsewhere(&cx.corpus, &a.related, &a.events, at, self.threshold);
        self.computed = wanted;
        let phrase = self.list.text().to_string();
        self.refilter(&phrase, cx);
        if let Some(row) = self.wanted.take() {
            self.list.open(row);
        }
    }

    fn reanalysed(&mut self, _cx: &Shared) {
        self.computed = None;
        self.rows.clear();
    }

    fn list_filter(&self) -> Option<&FilteredList> {
        Some(&self.list)
    }

    fn set_list_filter(&mut self, text: &str, cx: &Shared) {
        self.refilter(text, cx);
    }

    fn title(&self, cx: &Shared) -> String {
        let Some(at) = self.at else {
            return "Elsewhere".into();
        };
        let text = cx.corpus.get(at).map_or("", |b| b.text.as_str());
        // A long paragraph is not copied whole first; what the title row
        // has no room for is cut from it, never from the filter note.
        let room = cx.geometry.title_room();
        let parts = vec![
            Part::Whole(format!(
                "Elsewhere · {} #{}: ",
                cx.short_ids[at.article], at.block
            )),
            Part::Cut(truncate(text, room)),
        ];
        self.list.title(parts, room)
    }

    fn status(&self, cx: &Shared) -> String {
        let Some(row) = self.row() else {
            return if cx.analysing {
                " Still analysing…".into()
            } else if self.list.is_on() {
                " No article matches the filter · esc shows all".into()
            } else {
                " No other article to look in".into()
            };
        };
        let of = if self.total > self.rows.len() {
            format!(" (the {} nearest of {})", self.rows.len(), self.total)
        } else {
            String::new()
        };
        let key = cx.key_for(ViewId::Elsewhere, Action::Confirm);
        let Some(p) = row.partner else {
            return format!(
                " {}{of} · {}: no paragraph shares a word · {key} compares the two",
                self.list.position(),
                cx.short_ids[row.article]
            );
        };
        let why = row
            .explanation
            .as_ref()
            .map(|e| super::compare::why_parts(e).join(" · "))
            .filter(|w| !w.is_empty())
            .map_or(String::new(), |w| format!(" · why: {w}"));
        format!(
            " {}{of} · {} #{} · {}{} · {key} side by side{why}",
            self.list.position(),
            cx.short_ids[row.article],
            p.block,
            Score(p.similarity),
            if row.paired { " paired" } else { "" }
        )
    }

    fn draw(&self, frame: &mut Frame, g: &Geometry, cx: &Shared) {
        let (header, area) = g.headed();
        let w = usize::from(g.body.width);
        let theme = &cx.theme;
        let outlet_w = (w / 5).clamp(8, 24);
        let head = format!(
            "  {:>4}  {}  {}  THEIR WORDS",
            "SIM",
            in_column("ARTICLE", 10),
            in_column("OUTLET", outlet_w)
        );
        frame.render_widget(
            Line::styled(truncate(&head, w), theme.style(Tag::Dim)),
            header,
        );
        let at = |k: u16| Rect {
            y: area.y + k,
            height: 1,
            ..area
        };
        if self.list.is_empty() {
            let note = if cx.analysing {
                "Still analysing…"
            } else if self.list.is_on() {
                "No article matches the filter (esc shows all)."
            } else {
                "No other article to look in."
            };
            if area.height > 0 {
                frame.render_widget(
                    Line::styled(truncate(note, w), theme.style(Tag::Dim)),
                    at(0),
                );
            }
            return;
        }
        // The selected row's evidence in full under the list (the status
        // line cuts it at 80 columns): what a reader trusts a row by.
        let why = self.why_lines(w, area.height);
        let rows = usize::from(area.height) - why.len();
        let selected = self.list.row();
        let first = selected.saturating_sub(rows.saturating_sub(1));
        // After a blank line under the last row, or at the foot when the
        // list fills the body.
        let drawn = self.list.len().saturating_sub(first).min(rows);
        let from = if drawn < rows { drawn + 1 } else { drawn }.min(rows) as u16;
        for (k, line) in why.iter().enumerate() {
            frame.render_widget(
                Line::styled(line.clone(), theme.style(Tag::Dim)),
                at(from + k as u16),
            );
        }
        for (k, i) in (first..self.list.len()).take(rows).enumerate() {
            let Some(r) = self.list.entry(i).and_then(|e| self.rows.get(e)) else {
                continue;
            };
            let article = &cx.corpus.articles[r.article];
            let (place, text) = place_of(r, cx);
            let (mark, sim, text) = match r.partner {
                Some(p) => (
                    if r.paired { "↔" } else { "·" },
                    Score(p.similarity).to_string(),
                    text,
                ),
                None => (" ", "–".to_string(), "(no paragraph shares a word)"),
            };
            let line = format!(
                "{mark} {sim:>4}  {}  {}  {text}",
                in_column(&place, 10),
                in_column(article.meta.outlet.as_deref().unwrap_or("—"), outlet_w)
            );
            let tag = if i == selected {
                Tag::Selected
            } else {
                Tag::Text
            };
            frame.render_widget(
                Line::styled(truncate(&line, w), theme.style(tag)),
                at(k as u16),
            );
        }
    }

    fn saved_as(&self) -> View {
        View::Library
    }

    fn reopen(&self) -> Option<Open> {
        let at = self.at?;
        let row = self.wanted.unwrap_or_else(|| self.selected());
        Some(Open::Elsewhere { at, row })
    }

    fn go_to_row(&mut self, row: usize, _cx: &Shared) -> bool {
        self.list.go_to(row)
    }
}
