//! The table the quotes and shared-passages views draw: one row per group
//! with a mark, its text, who or where it is from, how many articles carry
//! it and their outlets; the selected row reversed.

use crate::display::wrap::{in_column, truncate};
use crate::ui::geometry::Geometry;
use crate::ui::shared::Shared;
use crate::ui::styled::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// One row of the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListRow {
    /// One column: ≠, =, ≈, ↻ or nothing.
    pub mark: String,
    pub text: String,
    pub who: String,
    /// Articles carrying it.
    pub count: usize,
    pub outlets: String,
}

/// What to draw: column headings (text, who), how many rows, which one is
/// selected, and what to say when there are none.
pub struct List<'a> {
    pub heads: (&'a str, &'a str),
    pub len: usize,
    pub selected: usize,
    pub empty: &'a str,
}

/// The "who" column: 18 at 80 columns, more on a wide screen (a
/// speaker's name with its role, "chief engineer Tomas Berg").
fn who_width(w: usize) -> usize {
    (w / 8).clamp(18, 30)
}
const COUNT: usize = 4;

/// Draw the rows around the selected one (only those shown are made).
pub fn draw_list(
    frame: &mut Frame,
    g: &Geometry,
    cx: &Shared,
    list: &List,
    row: impl Fn(usize) -> ListRow,
) {
    let (header, area) = g.headed();
    let w = usize::from(g.body.width);
    let outlets_w = (w / 4).clamp(8, 48);
    let who_w = who_width(w);
    let text_w = w.saturating_sub(2 + who_w + COUNT + outlets_w + 3).max(8);
    let head = format!(
        "  {} {} {:>3} {}",
        in_column(list.heads.0, text_w),
        in_column(list.heads.1, who_w),
        "ART",
        "OUTLETS"
    );
    frame.render_widget(
        Line::styled(truncate(&head, w), cx.theme.style(Tag::Dim)),
        header,
    );
    let at = |k: u16| Rect {
        y: area.y + k,
        height: 1,
        ..area
    };
    if list.len == 0 {
        if area.height > 0 {
            let note = truncate(list.empty, w);
            frame.render_widget(Line::styled(note, cx.theme.style(Tag::Dim)), at(0));
        }
        return;
    }
    let rows = usize::from(area.height);
    let first = list.selected.saturating_sub(rows.saturating_sub(1));
    for (k, i) in (first..list.len).take(rows).enumerate() {
        let r = row(i);
        let text = format!(
            "{} {} {} {:>3} {}",
            in_column(&r.mark, 1),
            in_column(&r.text, text_w),
            in_column(&r.who, who_w),
            r.count,
            r.outlets
        );
        let tag = if i == list.selected {
            Tag::Selected
        } else {
            Tag::Text
        };
        let line = Line::styled(truncate(&text, w), cx.theme.style(tag));
        frame.render_widget(line, at(k as u16));
    }
}
