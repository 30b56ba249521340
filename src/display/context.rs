//! A hit in its context on one line: the words before and after a range
//! of a text, cut to fit a width, as a search result shows it.

use super::wrap::width;
use unicode_width::UnicodeWidthChar;

/// A line of context: what comes before the hit, the hit, what follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// `text[start..end]` with as much around it as fits in `columns`: about
/// a third of the room before it, the rest after; "…" where text is cut.
/// Runs of whitespace read as one space.
pub fn context(text: &str, start: usize, end: usize, columns: usize) -> Context {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let pad = |s: &str, edge: bool| {
        let spaced = if edge {
            format!("{s} ")
        } else {
            format!(" {s}")
        };
        if s.is_empty() { String::new() } else { spaced }
    };
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let mut hit = one_line(text.get(start..end).unwrap_or(""));
    let hit_w = width(&hit);
    if hit_w >= columns {
        hit = super::wrap::truncate(&hit, columns);
        return Context {
            before: String::new(),
            hit,
            after: String::new(),
        };
    }
    let room = columns - hit_w;
    // Spaces next to the hit stay (one), so words are not glued to it.
    let space_before = before.ends_with(char::is_whitespace);
    let space_after = after.starts_with(char::is_whitespace);
    let before = one_line(before);
    let after = one_line(after);
    let before = if space_before {
        pad(&before, true)
    } else {
        before
    };
    let after = if space_after {
        pad(&after, false)
    } else {
        after
    };
    let before_room = (room / 3).max(room.saturating_sub(width(&after)));
    let before = tail(&before, before_room.min(room));
    let after = super::wrap::truncate(&after, room - width(&before));
    Context { before, hit, after }
}

/// The end of `text` in at most `columns`, "…" first when cut.
fn tail(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    if columns == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > columns {
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.push('…');
    kept.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hit_sits_in_its_words_cut_to_the_width() {
        let text = "one two three four five six seven eight nine ten";
        let start = text.find("five").unwrap();
        let c = context(text, start, start + 4, 24);
        assert_eq!(c.hit, "five");
        let line = format!("{}{}{}", c.before, c.hit, c.after);
        assert!(width(&line) <= 24, "{line}");
        assert!(
            c.before.starts_with('…') && c.before.ends_with("four "),
            "{c:?}"
        );
        assert!(
            c.after.starts_with(" six") && c.after.ends_with('…'),
            "{c:?}"
        );
    }

    #[test]
    fn short_text_is_shown_whole() {
        let c = context("an Alaska summit", 3, 9, 80);
        assert_eq!((c.before.as_str(), c.hit.as_str()), ("an ", "Alaska"));
        assert_eq!(c.after, " summit");
    }
}
