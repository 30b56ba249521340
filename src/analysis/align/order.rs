//! The order an alignment's rows are read in (the compare view, `diff`,
//! reports). [`super::rows::assemble`] keeps the left article's order, a
//! moved pair at its left block's place, and puts the right blocks no pair
//! took just before the next pair in order: behind every moved row in
//! between. A right article whose first
//! pair in order comes late then shows its title and metadata below the
//! moved paragraphs, in the middle of its pane. Here such right blocks
//! come up to just after the pair in order before them (or to the top),
//! ahead of the moved rows, beside the left blocks no pair took there:
//! each pane reads its article in order but for the moved paragraphs.

use super::AlignedRow;

/// `rows` (an alignment's) in the order they are read:
/// between two pairs in order, the rows of right blocks no pair took come
/// before the first moved row; every other row keeps its place.
pub fn shown_order(rows: Vec<AlignedRow>) -> Vec<AlignedRow> {
    let mut out = Vec::with_capacity(rows.len());
    // From the first moved row since the last pair in order: the rows the
    // right blocks no pair took go ahead of these.
    let mut behind: Vec<AlignedRow> = Vec::new();
    for row in rows {
        let in_order = row.left.is_some() && row.right.is_some() && !row.moved;
        if in_order {
            out.append(&mut behind);
            out.push(row);
        } else if row.moved || (!behind.is_empty() && row.left.is_some()) {
            behind.push(row);
        } else {
            out.push(row);
        }
    }
    out.append(&mut behind);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::RowKind;

    fn row(left: Option<usize>, right: Option<usize>, moved: bool) -> AlignedRow {
        let kind = match (left, right) {
            (Some(_), Some(_)) => RowKind::Near,
            (Some(_), None) => RowKind::LeftOnly,
            _ => RowKind::RightOnly,
        };
        AlignedRow {
            moved,
            ..AlignedRow::bare(left, right, kind)
        }
    }

    fn shape(rows: &[AlignedRow]) -> Vec<(Option<usize>, Option<usize>)> {
        rows.iter().map(|r| (r.left, r.right)).collect()
    }

    #[test]
    fn right_blocks_no_pair_took_come_ahead_of_the_moved_rows() {
        // As two articles of one story align: the titles pair, the left
        // metadata is unpaired, two paragraphs pair out of order, and the
        // right metadata waits for the next pair in order.
        let rows = vec![
            row(Some(0), Some(0), false),
            row(Some(1), None, false),
            row(Some(2), Some(7), true),
            row(Some(3), None, false),
            row(Some(4), Some(8), true),
            row(None, Some(1), false),
            row(None, Some(2), false),
            row(Some(5), Some(3), false),
            row(Some(6), Some(9), true),
            row(None, Some(4), false),
            row(Some(7), None, false),
            row(None, Some(5), false),
        ];
        assert_eq!(
            shape(&shown_order(rows)),
            [
                (Some(0), Some(0)),
                (Some(1), None),
                (None, Some(1)),
                (None, Some(2)),
                (Some(2), Some(7)),
                (Some(3), None),
                (Some(4), Some(8)),
                (Some(5), Some(3)),
                (None, Some(4)),
                (None, Some(5)),
                (Some(6), Some(9)),
                (Some(7), None),
            ]
        );
    }

    #[test]
    fn without_moved_rows_nothing_moves() {
        let rows = vec![
            row(None, Some(0), false),
            row(Some(0), None, false),
            row(Some(1), Some(1), false),
            row(Some(2), None, false),
            row(None, Some(2), false),
        ];
        let before = shape(&rows);
        assert_eq!(shape(&shown_order(rows)), before);
    }
}
