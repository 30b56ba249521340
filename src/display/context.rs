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
    // Only the text near the hit can be shown: a block with thousands of
    // hits would otherwise fold its whole text once per hit.
    fit(
        near_end(text.get(..start).unwrap_or(""), columns),
        text.get(start..end).unwrap_or(""),
        near_start(text.get(end..).unwrap_or(""), columns),
        columns,
    )
}

/// [`context`] of a hit between `before` and `after`.
fn fit(before: &str, hit: &str, after: &str, columns: usize) -> Context {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let pad = |s: &str, edge: bool| {
        let spaced = if edge {
            format!("{s} ")
        } else {
            format!(" {s}")
        };
        if s.is_empty() { String::new() } else { spaced }
    };
    let mut hit = one_line(hit);
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

/// The end of `text` that holds more than `columns` once whitespace runs
/// read as one space (so a cut still shows as cut), or all of it.
fn near_end(text: &str, columns: usize) -> &str {
    let mut shown = Shown::new(columns);
    for (i, c) in text.char_indices().rev() {
        if shown.enough_with(c) {
            return &text[i..];
        }
    }
    text
}

/// The start of `text`, as [`near_end`] keeps its end.
fn near_start(text: &str, columns: usize) -> &str {
    let mut shown = Shown::new(columns);
    for (i, c) in text.char_indices() {
        if shown.enough_with(c) {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

/// Columns a walk over characters has met, whitespace runs as one.
struct Shown {
    columns: usize,
    seen: usize,
    chars: usize,
    space: bool,
}

impl Shown {
    fn new(columns: usize) -> Shown {
        Shown {
            columns: columns + 2,
            seen: 0,
            chars: 0,
            space: false,
        }
    }

    /// Whether the text met so far, `c` included, fills more than the
    /// columns. Zero-width characters count only towards a bound on the
    /// walk (a run of them shows as nothing).
    fn enough_with(&mut self, c: char) -> bool {
        if c.is_whitespace() {
            self.seen += usize::from(!self.space);
            self.space = true;
        } else {
            self.seen += c.width().unwrap_or(0);
            self.space = false;
        }
        self.chars += 1;
        self.seen > self.columns || self.chars > 16 * self.columns
    }
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
    fn only_the_text_near_the_hit_is_read_and_it_shows_the_same() {
        // Against the whole text either side, long runs of spaces, wide
        // letters and zero-width marks included.
        let near = "alpha  beta\tgamma 東京 delta\u{301} HIT epsilon   zeta eta theta iota";
        let texts = [
            near.to_string(),
            format!("{} {near} {}", "lead ".repeat(2_000), "tail ".repeat(2_000)),
            format!("{}{near}{}", " ".repeat(500), "\n".repeat(500)),
        ];
        for text in &texts {
            let start = text.find("HIT").unwrap();
            for columns in [0, 1, 3, 8, 20, 40, 79, 200] {
                let whole = fit(&text[..start], "HIT", &text[start + 3..], columns);
                assert_eq!(context(text, start, start + 3, columns), whole, "{columns}");
            }
        }
        let long = format!("{}HIT", "word ".repeat(10_000));
        assert!(near_end(&long[..long.len() - 3], 80).len() < 100);
        assert_eq!(near_end("a    b", 80), "a    b");
    }

    #[test]
    fn short_text_is_shown_whole() {
        let c = context("an Alaska summit", 3, 9, 80);
        assert_eq!((c.before.as_str(), c.hit.as_str()), ("an ", "Alaska"));
        assert_eq!(c.after, " summit");
    }
}
