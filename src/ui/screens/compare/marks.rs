//! The gutter between the compare view's panes: a paired row's glyph
//! (`=` `≈` `~`), `↕` for a pair out of order, and `↻` against the pane
//! whose paragraph repeats an earlier one of its own article (left or
//! right column), so a repeat is never read as the other article's.

use crate::analysis::align::{AlignedRow, RepeatOf, RowKind};
use crate::ui::styled::{StyledLine, Tag};

/// The gutter glyph of a paired kind. Unpaired kinds have none: their
/// blocks share rows with the other side's unpaired ones, unmarked.
pub(super) fn paired_glyph(kind: RowKind) -> Option<&'static str> {
    match kind {
        RowKind::Identical => Some("="),
        RowKind::Near => Some("≈"),
        RowKind::Related => Some("~"),
        RowKind::LeftOnly | RowKind::RightOnly => None,
    }
}

/// A row drawn as a pair: a block of each side and a paired kind.
pub(super) fn is_drawn_paired(row: &AlignedRow) -> bool {
    row.left.is_some() && row.right.is_some() && paired_glyph(row.kind).is_some()
}

/// The gutter of a paired row: `↻` beside the pane whose paragraph
/// repeats an earlier one of its article, `↕` on the right of the glyph
/// when the pair is out of order (a right repeat then goes a line down).
pub(super) fn row_mark(
    glyph: &str,
    moved: bool,
    repeat: Option<RepeatOf>,
) -> (StyledLine, Option<StyledLine>) {
    let [left, right] = [0, 1].map(|side| repeats(repeat, side));
    let after = if moved {
        Some(("↕", Tag::Moved))
    } else {
        right.then_some(("↻", Tag::Repeat))
    };
    let under = (moved && right).then(|| gutter(false, (" ", Tag::Mark), Some(("↻", Tag::Repeat))));
    (gutter(left, (glyph, Tag::Mark), after), under)
}

/// Whether the block of `side` (0 left, 1 right) repeats.
pub(super) fn repeats(repeat: Option<RepeatOf>, side: usize) -> bool {
    repeat.is_some_and(|r| [r.left, r.right][side].is_some())
}

/// Three gutter columns: `↻` against the left pane when its paragraph
/// repeats, then `middle`, then `after` against the right pane.
pub(super) fn gutter(left: bool, middle: (&str, Tag), after: Option<(&str, Tag)>) -> StyledLine {
    let mut mark = vec![(
        if left { "↻" } else { " " }.to_string(),
        if left { Tag::Repeat } else { Tag::Mark },
    )];
    mark.push((middle.0.to_string(), middle.1));
    if let Some((text, tag)) = after {
        mark.push((text.to_string(), tag));
    }
    mark
}
