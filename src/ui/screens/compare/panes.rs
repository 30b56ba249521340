//! Two texts side by side with their word diff: the pieces the compare
//! view is made of, shared with the views that show a quote's or a
//! passage's copies (`variants`), so both draw alike.

use crate::analysis::diff::{DiffOp, OpTag};
use crate::corpus::BlockKind;
use crate::display::wrap::{truncate, wrap_runs};
use crate::ui::geometry::Geometry;
use crate::ui::shared::Shared;
use crate::ui::styled::{StyledLine, Tag};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Columns between the panes: " ≈ ".
pub const GUTTER: usize = 3;

/// One display line of the compare body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareLine {
    pub left: StyledLine,
    pub right: StyledLine,
    pub mark: StyledLine,
    /// Index of the alignment row this line belongs to (None for spacers).
    pub row: Option<usize>,
}

impl CompareLine {
    /// The text of `pane` (0 left, 1 right) on this line.
    pub fn pane(&self, pane: usize) -> &StyledLine {
        if pane == 0 { &self.left } else { &self.right }
    }
}

/// Width of each pane for a screen `width` columns wide.
pub fn pane_width(width: usize) -> usize {
    (width.saturating_sub(GUTTER) / 2).max(1)
}

/// How a block's text is styled by its kind.
pub fn base_tag(kind: BlockKind) -> Tag {
    match kind {
        BlockKind::Heading => Tag::Heading,
        BlockKind::Caption => Tag::Caption,
        BlockKind::Metadata | BlockKind::Boilerplate => Tag::Dim,
        _ => Tag::Text,
    }
}

/// `text` wrapped to `width`, with this side's half of the word diff
/// (`own`: `Delete` on the left, `Insert` on the right) marked.
pub fn diff_lines(
    text: &str,
    base: Tag,
    ops: Option<&[DiffOp]>,
    own: OpTag,
    width: usize,
) -> Vec<StyledLine> {
    let Some(ops) = ops else {
        return wrap_runs(&[(text, base)], width);
    };
    let changed = if own == OpTag::Delete {
        Tag::Deleted
    } else {
        Tag::Inserted
    };
    let runs: Vec<(&str, Tag)> = ops
        .iter()
        .filter(|op| op.tag == OpTag::Equal || op.tag == own)
        .map(|op| {
            let tag = if op.tag == OpTag::Equal {
                base
            } else {
                changed
            };
            (op.text.as_str(), tag)
        })
        .collect();
    wrap_runs(&runs, width)
}

/// One row of the two panes: both sides padded to the same height, the
/// mark on its first line, and a blank line after.
pub fn row_lines(
    left: Vec<StyledLine>,
    right: Vec<StyledLine>,
    mark: StyledLine,
    row: Option<usize>,
) -> Vec<CompareLine> {
    let height = left.len().max(right.len()).max(1);
    let mut l = left.into_iter();
    let mut r = right.into_iter();
    let mut out: Vec<CompareLine> = (0..height)
        .map(|k| CompareLine {
            left: l.next().unwrap_or_default(),
            right: r.next().unwrap_or_default(),
            mark: if k == 0 { mark.clone() } else { Vec::new() },
            row,
        })
        .collect();
    out.push(CompareLine::default());
    out
}

/// The areas of the two panes and the gutter between them in `area`.
pub fn pane_areas(area: Rect) -> [Rect; 3] {
    let pane = pane_width(usize::from(area.width)) as u16;
    let split = |x: u16, width: u16| Rect { x, width, ..area };
    let gutter_x = area.x + pane;
    let right_x = gutter_x + GUTTER as u16;
    [
        split(area.x, pane.min(area.width)),
        split(right_x, area.right().saturating_sub(right_x)),
        split(gutter_x, GUTTER as u16),
    ]
}

/// The header row over each pane: its text and style.
pub fn draw_heads(frame: &mut Frame, g: &Geometry, cx: &Shared, heads: [(&str, Tag); 2]) {
    let (header, _) = g.headed();
    let [left, right, _] = pane_areas(g.body);
    for ((text, tag), rect) in heads.into_iter().zip([left, right]) {
        let text = truncate(text, usize::from(rect.width));
        let at = Rect {
            x: rect.x,
            width: rect.width,
            ..header
        };
        frame.render_widget(Line::styled(text, cx.theme.style(tag)), at);
    }
}

/// The lines of both panes under the header, each pane from its own
/// scroll position; the gutter's marks only when both scroll together.
pub fn draw_rows(
    frame: &mut Frame,
    g: &Geometry,
    cx: &Shared,
    lines: &[CompareLine],
    scroll: [usize; 2],
    gutter: bool,
) {
    let (_, rows) = g.headed();
    let [left_area, right_area, gutter_area] = pane_areas(g.body);
    let row_of = |pane: Rect, y: u16| Rect {
        y,
        height: 1,
        ..pane
    };
    for i in 0..rows.height {
        let y = rows.y + i;
        let i = usize::from(i);
        if let Some(line) = lines.get(scroll[0] + i) {
            frame.render_widget(cx.theme.line(&line.left), row_of(left_area, y));
            if gutter {
                frame.render_widget(cx.theme.line(&line.mark), row_of(gutter_area, y));
            }
        }
        if let Some(line) = lines.get(scroll[1] + i) {
            frame.render_widget(cx.theme.line(&line.right), row_of(right_area, y));
        }
    }
}
