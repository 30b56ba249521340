//! Words and glyphs that `parallax diff`, `parallax topics` and the reports
//! all print: a row kind's name, an alignment's summary line, a run of
//! folded blocks, a coverage shade. They live with the reports (the full
//! account of a pair or a corpus) so the commands, which print parts of the
//! same account, borrow them from here and never the other way round.

use crate::analysis::align::{Alignment, RowKind};

/// "left only" for `LeftOnly`, the kind's name otherwise.
pub fn side_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::LeftOnly => "left only",
        RowKind::RightOnly => "right only",
        other => other.name(),
    }
}

/// "41 rows: 2 identical, 3 near, 6 related, 15 left only, 15 right only;
/// 1 moved": the same line in `diff` and the pair reports.
pub fn summary(a: &Alignment) -> String {
    let counts: Vec<String> = RowKind::ALL
        .iter()
        .map(|&k| format!("{} {}", a.count(k), side_name(k)))
        .collect();
    format!(
        "{}: {}; {} moved",
        crate::display::plural::counted(a.rows.len(), "row"),
        counts.join(", "),
        a.moved()
    )
}

/// "3 metadata blocks 1–3", "1 boilerplate block 7": a run of folded
/// blocks in `diff` and the pair reports.
pub fn folded_blocks(count: usize, kinds: &str, first: usize, last: usize) -> String {
    let blocks = crate::display::plural::counted(count, &format!("{kinds} block"));
    if first == last {
        format!("{blocks} {first}")
    } else {
        format!("{blocks} {first}–{last}")
    }
}

/// The shade of a coverage weight: more ink for more said (`topics` and
/// the corpus reports).
pub fn shade(w: f32) -> &'static str {
    match w {
        w if w >= 0.75 => "█",
        w if w >= 0.5 => "▓",
        w if w >= 0.25 => "▒",
        w if w > 0.0 => "░",
        _ => "·",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_folded_block_is_one_block() {
        assert_eq!(folded_blocks(1, "metadata", 4, 4), "1 metadata block 4");
        assert_eq!(
            folded_blocks(3, "boilerplate/metadata", 5, 7),
            "3 boilerplate/metadata blocks 5–7"
        );
    }

    #[test]
    fn shades_rise_with_weight() {
        assert_eq!(shade(0.0), "·");
        assert_eq!(shade(0.1), "░");
        assert_eq!(shade(1.0), "█");
    }
}
