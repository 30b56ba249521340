//! Pipe tables drawn as aligned columns. A table is a run of table rows
//! (`Aspect | Summary |`); its column widths come from all its rows, so
//! every row lines up, and each cell wraps inside its column (no cell text
//! is lost). Rows are laid out from styled runs, so a word diff inside a
//! row keeps its highlighting cell by cell.

use super::wrap::{Line, width, wrap_runs};

/// Between two columns.
pub const SEPARATOR: &str = " │ ";
const SEPARATOR_WIDTH: usize = 3;
/// Below this many columns for a column, a table is drawn as plain text
/// with its cells joined by the separator: too narrow to line up.
const MIN_COLUMN: usize = 4;

/// The cells of one row's text: split at `|`, trimmed, without the empty
/// cells a leading or trailing pipe makes.
pub fn cells(text: &str) -> Vec<&str> {
    let mut cells: Vec<&str> = text.split('|').map(str::trim).collect();
    if cells.len() > 1 && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    if cells.len() > 1 && cells.first().is_some_and(|c| c.is_empty()) {
        cells.remove(0);
    }
    cells
}

/// A Markdown separator row (`|---|:--:|`), drawn as a rule.
pub fn is_rule(text: &str) -> bool {
    let cells = cells(text);
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | '=')))
}

/// The widest cell of each column over a table's rows (rules left out).
pub fn natural_widths<'a>(rows: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        if is_rule(row) {
            continue;
        }
        for (i, cell) in cells(row).iter().enumerate() {
            if widths.len() <= i {
                widths.push(0);
            }
            widths[i] = widths[i].max(width(cell));
        }
    }
    widths
}

/// Column widths for a table drawn `total` columns wide: the natural
/// widths when they fit, else the room shared out so that narrow columns
/// keep their width and wide ones share the rest equally. `None` when
/// there is not room enough to line columns up.
pub fn fit(natural: &[usize], total: usize) -> Option<Vec<usize>> {
    let n = natural.len();
    let avail = total.checked_sub(SEPARATOR_WIDTH * n.saturating_sub(1))?;
    if n == 0 || avail < MIN_COLUMN * n {
        return None;
    }
    let natural: Vec<usize> = natural.iter().map(|&w| w.max(1)).collect();
    if natural.iter().sum::<usize>() <= avail {
        return Some(natural);
    }
    let mut widths = vec![0; n];
    let mut open: Vec<usize> = (0..n).collect();
    open.sort_by_key(|&i| natural[i]);
    let mut left = avail;
    while let Some(&narrowest) = open.first() {
        let share = left / open.len();
        if natural[narrowest] <= share {
            widths[narrowest] = natural[narrowest];
            left -= natural[narrowest];
            open.remove(0);
            continue;
        }
        // The rest are all wider than their share: each gets it, the
        // columns further left one more while the remainder lasts.
        open.sort_unstable();
        let extra = left - share * open.len();
        for (k, &i) in open.iter().enumerate() {
            widths[i] = share + usize::from(k < extra);
        }
        break;
    }
    Some(widths)
}

/// One row laid out in columns of `widths`: each cell of `runs` (split at
/// `|`) wrapped in its column, padded, and the columns joined by the
/// separator in style `rule`. A row with more cells than columns keeps
/// the extra ones in its last column.
pub fn row_lines<S: Clone + PartialEq>(
    runs: &[(&str, S)],
    widths: &[usize],
    rule: S,
) -> Vec<Line<S>> {
    let mut cells = split_cells(runs);
    while cells.len() > widths.len().max(1) {
        let extra = cells.pop().unwrap_or_default();
        if let Some(last) = cells.last_mut() {
            last.push((" | ".to_string(), rule.clone()));
            last.extend(extra);
        }
    }
    let columns: Vec<Vec<Line<S>>> = widths
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            let cell = cells.get(i).map_or(&[][..], Vec::as_slice);
            let runs: Vec<(&str, S)> = cell.iter().map(|(t, s)| (t.as_str(), s.clone())).collect();
            wrap_runs(&runs, w)
        })
        .collect();
    let height = columns.iter().map(Vec::len).max().unwrap_or(1);
    (0..height)
        .map(|k| {
            let mut line: Line<S> = Vec::new();
            for (i, (column, &w)) in columns.iter().zip(widths).enumerate() {
                if i > 0 {
                    line.push((SEPARATOR.to_string(), rule.clone()));
                }
                let part = column.get(k).cloned().unwrap_or_default();
                let used: usize = part.iter().map(|(t, _)| width(t)).sum();
                line.extend(part);
                if i + 1 < widths.len() && used < w {
                    line.push((" ".repeat(w - used), rule.clone()));
                }
            }
            line
        })
        .collect()
}

/// A separator row drawn as a rule across the columns: `──────┼──────`.
pub fn rule_line<S: Clone>(widths: &[usize], rule: S) -> Line<S> {
    let text: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    vec![(text.join("─┼─"), rule)]
}

/// A row too narrow to line up: its cells joined by the separator and
/// wrapped as text.
pub fn plain_row<S: Clone + PartialEq>(runs: &[(&str, S)], total: usize, rule: S) -> Vec<Line<S>> {
    let cells = split_cells(runs);
    let mut joined: Vec<(String, S)> = Vec::new();
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            joined.push((SEPARATOR.to_string(), rule.clone()));
        }
        joined.extend(cell);
    }
    let runs: Vec<(&str, S)> = joined
        .iter()
        .map(|(t, s)| (t.as_str(), s.clone()))
        .collect();
    wrap_runs(&runs, total)
}

/// Styled runs cut into cells at `|`, as [`cells`] cuts text.
fn split_cells<S: Clone>(runs: &[(&str, S)]) -> Vec<Line<S>> {
    let mut cells: Vec<Line<S>> = vec![Vec::new()];
    for (text, style) in runs {
        let mut parts = text.split('|');
        if let Some(first) = parts.next()
            && !first.is_empty()
        {
            cells
                .last_mut()
                .unwrap()
                .push((first.to_string(), style.clone()));
        }
        for part in parts {
            cells.push(Vec::new());
            if !part.is_empty() {
                cells
                    .last_mut()
                    .unwrap()
                    .push((part.to_string(), style.clone()));
            }
        }
    }
    let blank = |cell: &Line<S>| cell.iter().all(|(t, _)| t.trim().is_empty());
    if cells.len() > 1 && cells.last().is_some_and(blank) {
        cells.pop();
    }
    if cells.len() > 1 && cells.first().is_some_and(blank) {
        cells.remove(0);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line<u8>) -> String {
        line.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn cells_drop_the_pipes_at_either_end() {
        assert_eq!(cells("Aspect | Summary |"), ["Aspect", "Summary"]);
        assert_eq!(cells("| a | b |"), ["a", "b"]);
        assert_eq!(
            cells("Key players | Putin and Trump"),
            ["Key players", "Putin and Trump"]
        );
        assert!(is_rule("|---|:--:|"));
        assert!(!is_rule("| a | - |"));
    }

    #[test]
    fn natural_widths_fit_when_there_is_room() {
        let w = natural_widths(["Aspect | Summary |", "Venue | Anchorage, Alaska |"]);
        assert_eq!(w, [6, 17]);
        assert_eq!(fit(&w, 80), Some(vec![6, 17]));
    }

    #[test]
    fn narrow_columns_keep_their_width_and_wide_ones_share() {
        assert_eq!(fit(&[10, 200], 40), Some(vec![10, 27]));
        assert_eq!(fit(&[30, 200], 40), Some(vec![19, 18]));
        assert_eq!(fit(&[30, 200, 5], 40), Some(vec![15, 14, 5]));
        assert_eq!(fit(&[10, 10], 8), None);
    }

    #[test]
    fn rows_line_up_and_cells_wrap_in_their_column() {
        let widths = [6, 12];
        let lines = row_lines(
            &[("Venue | Joint Base Elmendorf, Alaska |", 0u8)],
            &widths,
            9,
        );
        let shown: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(
            shown,
            [
                "Venue  │ Joint Base",
                "       │ Elmendorf,",
                "       │ Alaska"
            ]
        );
    }

    #[test]
    fn styles_survive_the_split_into_cells() {
        let runs = [("Key | the ", 0u8), ("new", 1), (" plan |", 0)];
        let lines = row_lines(&runs, &[3, 12], 9);
        assert_eq!(text(&lines[0]), "Key │ the new plan");
        assert!(lines[0].contains(&("new".to_string(), 1)));
    }
}
