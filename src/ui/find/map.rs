//! From byte ranges of a text to the columns they take once the text is
//! wrapped. Wrapping (`wrap_runs`) keeps every character but the spaces
//! at a break and the extra spaces of a run, so walking the wrapped lines
//! and the source side by side names the source character behind every
//! column: a hit that a break cuts in two is drawn on both lines.

use unicode_width::UnicodeWidthChar;

/// Where a hit shows on one line: columns `start..end` of the line
/// `line` lines into the wrapped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cols {
    pub line: usize,
    pub start: u16,
    pub end: u16,
}

/// The columns each of `ranges` (byte ranges of `source`, in order, not
/// overlapping) takes on `lines`, the text `source` was wrapped into
/// (each line may start with a margin of spaces). `None` if the lines are
/// not a wrapping of `source`.
pub fn locate(source: &str, lines: &[String], ranges: &[(usize, usize)]) -> Option<Vec<Vec<Cols>>> {
    let mut out: Vec<Vec<Cols>> = vec![Vec::new(); ranges.len()];
    let mut from = source.char_indices();
    let mut r = 0;
    for (k, line) in lines.iter().enumerate() {
        let mut chars = line.chars().peekable();
        let mut col = 0usize;
        // The margin: wrapped text never starts a line with a space.
        while chars.next_if_eq(&' ').is_some() {
            col += 1;
        }
        for c in chars {
            let at = loop {
                let (i, s) = from.next()?;
                if s == c {
                    break i;
                }
                // Dropped at a break, or one of a run of spaces.
                if s != ' ' && s != '\n' {
                    return None;
                }
            };
            let w = c.width().unwrap_or(0);
            while r < ranges.len() && ranges[r].1 <= at {
                r += 1;
            }
            if r < ranges.len() && ranges[r].0 <= at {
                let (start, end) = (clamp(col), clamp(col + w));
                match out[r].last_mut() {
                    Some(last) if last.line == k && last.end == start => last.end = end,
                    _ => out[r].push(Cols {
                        line: k,
                        start,
                        end,
                    }),
                }
            }
            col += w;
        }
    }
    Some(out)
}

fn clamp(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::wrap::wrap_text;

    #[test]
    fn a_hit_cut_by_a_break_shows_on_both_lines() {
        let source = "the Alaska  summit was held";
        let lines: Vec<String> = wrap_text(source, 11)
            .into_iter()
            .map(|l| format!("  {l}"))
            .collect();
        assert_eq!(lines, ["  the Alaska", "  summit was", "  held"]);
        let start = source.find("Alaska").unwrap();
        let end = source.find(" was").unwrap();
        let cols = locate(source, &lines, &[(start, end)]).unwrap();
        assert_eq!(
            cols[0],
            [
                Cols {
                    line: 0,
                    start: 6,
                    end: 12
                },
                Cols {
                    line: 1,
                    start: 2,
                    end: 8
                }
            ]
        );
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let source = "日本 語";
        let lines = vec!["日本 語".to_string()];
        let at = source.find('語').unwrap();
        let cols = locate(source, &lines, &[(at, source.len())]).unwrap();
        assert_eq!(
            cols[0],
            [Cols {
                line: 0,
                start: 5,
                end: 7
            }]
        );
    }

    #[test]
    fn lines_of_another_text_are_refused() {
        assert!(locate("abc", &["abd".to_string()], &[(0, 1)]).is_none());
    }
}
