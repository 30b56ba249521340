//! Word wrapping by display width over styled runs, shared by the CLI and
//! the reader. Breaks at spaces; a word wider than the line is split by
//! characters. Wide (CJK, emoji) characters count two columns.

use unicode_width::UnicodeWidthChar;

/// One wrapped line: runs of (text, style).
pub type Line<S> = Vec<(String, S)>;

/// Wrap styled runs to `width` columns. Spaces at a break are dropped;
/// everything else is kept, so joining the lines with spaces gives back the
/// text up to whitespace.
pub fn wrap_runs<S: Clone + PartialEq>(runs: &[(&str, S)], width: usize) -> Vec<Line<S>> {
    let width = width.max(1);
    let mut lines: Vec<Line<S>> = Vec::new();
    let mut line: Line<S> = Vec::new();
    let mut col = 0usize;
    // Words carry their own styled pieces so a word whose style changes
    // mid-way (a diff inside a word) still wraps as one word.
    let mut word: Line<S> = Vec::new();
    let mut word_w = 0usize;
    let mut pending_space: Option<S> = None;

    fn push<S: PartialEq + Clone>(line: &mut Line<S>, c: char, style: &S) {
        match line.last_mut() {
            Some((t, s)) if s == style => t.push(c),
            _ => line.push((c.to_string(), style.clone())),
        }
    }

    let flush_word = |word: &mut Line<S>,
                      word_w: &mut usize,
                      line: &mut Line<S>,
                      col: &mut usize,
                      lines: &mut Vec<Line<S>>,
                      pending_space: &mut Option<S>| {
        if word.is_empty() {
            return;
        }
        let space = usize::from(pending_space.is_some() && *col > 0);
        if *col + space + *word_w > width && *col > 0 {
            lines.push(std::mem::take(line));
            *col = 0;
        } else if let Some(s) = pending_space.as_ref().filter(|_| *col > 0) {
            push(line, ' ', s);
            *col += 1;
        }
        *pending_space = None;
        for (text, style) in word.drain(..) {
            for c in text.chars() {
                let w = c.width().unwrap_or(0);
                if *col + w > width && *col > 0 {
                    lines.push(std::mem::take(line));
                    *col = 0;
                }
                push(line, c, &style);
                *col += w;
            }
        }
        *word_w = 0;
    };

    for (text, style) in runs {
        for c in text.chars() {
            if c == ' ' || c == '\n' {
                flush_word(
                    &mut word,
                    &mut word_w,
                    &mut line,
                    &mut col,
                    &mut lines,
                    &mut pending_space,
                );
                if c == '\n' {
                    lines.push(std::mem::take(&mut line));
                    col = 0;
                    pending_space = None;
                } else if col > 0 {
                    pending_space = Some(style.clone());
                }
            } else {
                push(&mut word, c, style);
                word_w += c.width().unwrap_or(0);
            }
        }
    }
    flush_word(
        &mut word,
        &mut word_w,
        &mut line,
        &mut col,
        &mut lines,
        &mut pending_space,
    );
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Plain-text convenience: wrap one string.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    wrap_runs(&[(text, ())], width)
        .into_iter()
        .map(|l| l.into_iter().map(|(t, _)| t).collect())
        .collect()
}

/// Display width of a string.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` in a column exactly `cols` wide: cut as [`truncate`] cuts it,
/// or padded with spaces on the right.
pub fn in_column(text: &str, cols: usize) -> String {
    let mut out = truncate(text, cols);
    let pad = cols.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Cut `text` to at most `max` columns, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut col = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if col + w + 1 > max {
            break;
        }
        out.push(c);
        col += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Cut `text` to at most `max` columns keeping its start and its end,
/// "…" between: for ids, whose distinguishing characters are often the
/// last ones ("nyt-2025-08-15-summit-…" against "…-16-summit").
pub fn truncate_middle(text: &str, max: usize) -> String {
    if width(text) <= max || max < 5 {
        return truncate(text, max);
    }
    let tail_cols = max / 2;
    let mut tail: Vec<char> = Vec::new();
    let mut col = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if col + w > tail_cols {
            break;
        }
        tail.push(c);
        col += w;
    }
    let mut out = truncate(text, max - col);
    out.extend(tail.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_cut_keeps_both_ends() {
        assert_eq!(truncate_middle("long-file-name-000", 12), "long-…me-000");
        assert_eq!(truncate_middle("long-file-name-001", 12), "long-…me-001");
        assert_eq!(truncate_middle("short", 12), "short");
        assert!(width(&truncate_middle("日本語のながいなまえ-0001", 11)) <= 11);
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let lines = wrap_text("the quick brown fox jumps over the lazy dog", 10);
        assert_eq!(
            lines,
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert!(lines.iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn long_words_are_split_and_wide_chars_counted() {
        assert_eq!(wrap_text("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let lines = wrap_text("日本語のテキスト", 5);
        assert!(lines.iter().all(|l| width(l) <= 5));
        assert_eq!(lines.concat(), "日本語のテキスト");
    }

    #[test]
    fn styles_survive_wrapping() {
        let lines = wrap_runs(&[("aa b", 1), ("b cc", 2)], 3);
        assert_eq!(lines[0], [("aa".to_string(), 1)]);
        assert_eq!(lines[1], [("b".to_string(), 1), ("b".to_string(), 2)]);
        assert_eq!(lines[2], [("cc".to_string(), 2)]);
    }

    #[test]
    fn in_column_is_exactly_the_column_wide() {
        assert_eq!(in_column("Fox", 6), "Fox   ");
        assert_eq!(in_column("The New York Times", 8), "The New…");
        assert_eq!(width(&in_column("日本語の記事", 7)), 7);
        assert_eq!(in_column("", 2), "  ");
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
