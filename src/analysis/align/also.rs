//! One point, two blocks: when one outlet splits a point over two
//! paragraphs (or states it twice), the alignment pairs each block once, and
//! the second block would read as unpaired. Such a block is marked with the
//! block of the other side whose point it also makes.

use super::AlignedRow;
use super::scores::Scored;

/// Set `also` on unpaired rows whose block's best eligible partner is
/// paired elsewhere.
pub(super) fn mark(rows: &mut [AlignedRow], eligible: &[Scored], chosen: &[Scored]) {
    let best = |pick: &dyn Fn(&Scored) -> bool| -> Option<Scored> {
        eligible
            .iter()
            .filter(|p| pick(p))
            .max_by(|a, b| a.weight().total_cmp(&b.weight()))
            .copied()
    };
    let paired_left = |i: usize| chosen.iter().any(|c| c.i == i);
    let paired_right = |j: usize| chosen.iter().any(|c| c.j == j);
    for row in rows.iter_mut().filter(|r| !r.kind.is_paired()) {
        let partner = match (row.left, row.right) {
            (Some(i), None) => best(&|p| p.i == i)
                .filter(|p| paired_right(p.j))
                .map(|p| (p.j, p.similarity)),
            (None, Some(j)) => best(&|p| p.j == j)
                .filter(|p| paired_left(p.i))
                .map(|p| (p.i, p.similarity)),
            _ => None,
        };
        if let Some((k, similarity)) = partner {
            row.also = Some(k);
            row.similarity = similarity;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::align::RowKind;

    fn scored(i: usize, j: usize, similarity: f64) -> Scored {
        Scored {
            i,
            j,
            kind: RowKind::Related,
            similarity,
            excerpt: None,
        }
    }

    #[test]
    fn a_block_whose_best_partner_is_taken_names_it() {
        // Left 0 makes one point; right 0 and right 1 each make it.
        let eligible = [scored(0, 0, 0.9), scored(0, 1, 0.7), scored(1, 2, 0.6)];
        let chosen = [eligible[0], eligible[2]];
        let mut rows = vec![
            AlignedRow::bare(Some(0), Some(0), RowKind::Related),
            AlignedRow::bare(None, Some(1), RowKind::RightOnly),
            AlignedRow::bare(Some(1), Some(2), RowKind::Related),
            AlignedRow::bare(None, Some(3), RowKind::RightOnly),
        ];
        mark(&mut rows, &eligible, &chosen);
        assert_eq!(rows[1].also, Some(0));
        assert_eq!(rows[1].similarity, 0.7);
        // A block with no eligible partner, and paired rows, stay as they are.
        assert_eq!(rows[3].also, None);
        assert_eq!(rows[0].also, None);
    }
}
