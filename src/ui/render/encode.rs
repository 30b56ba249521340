//! A frame's changed cells to bytes, as few as the terminal needs: the
//! cursor is moved only over cells that stay, by column alone on the same
//! row (CHA, shorter than a full move), and a short run of unchanged cells
//! between two changes is written again when that is shorter than moving
//! over it (a word gap in a title is one space, not a cursor move). A row
//! that ends blank from a change on is erased to its end (EL) rather than
//! written in spaces. Styles change only where they differ (back to the
//! default in one reset), and the frame ends with the attributes reset
//! only when they are not already the default: every frame leaves the
//! terminal's pen at the default, which the scroll region relies on.

use crossterm::cursor::{MoveTo, MoveToColumn};
use crossterm::queue;
use crossterm::style::{Attribute, Colors, Print, SetAttribute, SetColors, SetUnderlineColor};
use crossterm::terminal::{Clear, ClearType};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

/// The style the terminal draws with: what the last cell written set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Write `updates` (cells of `next` that differ from the screen shown, in
/// row order, as `Buffer::diff` gives them) to `out`.
pub fn encode(out: &mut Vec<u8>, updates: &[(u16, u16, &Cell)], next: &Buffer) {
    let mut pen = Pen::DEFAULT;
    // The last cell written, if it was one column wide for certain (ASCII):
    // then the cursor stands just after it.
    let mut last: Option<(u16, u16, bool)> = None;
    // Changes on a row already erased to its end.
    let mut erased: Option<u16> = None;
    for (i, &(x, y, cell)) in updates.iter().enumerate() {
        if erased == Some(y) {
            continue;
        }
        match last {
            Some((lx, ly, _)) if ly == y && x == lx + 1 => {}
            Some((lx, ly, ascii)) if ly == y && x > lx => {
                let gap = lx + 1..x;
                if !(ascii && rewrite(out, next, y, gap, pen)) {
                    // Writing to a Vec cannot fail.
                    let _ = queue!(out, MoveToColumn(x));
                }
            }
            _ => {
                let _ = queue!(out, MoveTo(x, y));
            }
        }
        let to = Pen::of(cell);
        if to != pen {
            restyle(out, pen, to);
            pen = to;
        }
        if blank_to_end(next, x, y) && changes_on_row(&updates[i..], y) > ERASE_BYTES {
            // Erased cells take the pen's background: the default here.
            let _ = queue!(out, Clear(ClearType::UntilNewLine));
            erased = Some(y);
            last = None;
            continue;
        }
        let _ = queue!(out, Print(cell.symbol()));
        last = Some((x, y, one_column(cell)));
    }
    if pen != Pen::DEFAULT {
        let _ = queue!(out, SetAttribute(Attribute::Reset));
    }
}

/// The bytes of an erase to the end of the line (`ESC [ K`).
const ERASE_BYTES: usize = 3;

/// Row `y` of `next` is blank from column `x` on: default spaces only.
fn blank_to_end(next: &Buffer, x: u16, y: u16) -> bool {
    (x..next.area.width).all(|x| {
        next.cell((x, y)).is_some_and(|c| {
            c.symbol() == " " && Pen::of(c) == Pen::DEFAULT && c.diff_option == CellDiffOption::None
        })
    })
}

/// How many of `updates` (from the one at hand on) are on row `y`: each
/// is at least a byte to write.
fn changes_on_row(updates: &[(u16, u16, &Cell)], y: u16) -> usize {
    updates.iter().take_while(|&&(_, row, _)| row == y).count()
}

/// Write the unchanged cells `gap` of row `y` again instead of moving over
/// them, when that is shorter and needs no change of style; false if not.
fn rewrite(out: &mut Vec<u8>, next: &Buffer, y: u16, gap: std::ops::Range<u16>, pen: Pen) -> bool {
    let column = usize::from(gap.end) + 1;
    let move_bytes = 3 + column.to_string().len();
    if usize::from(gap.end - gap.start) > move_bytes {
        return false;
    }
    let cells: Option<Vec<&Cell>> = gap.map(|x| next.cell((x, y))).collect();
    let Some(cells) = cells else { return false };
    let same =
        |c: &&Cell| one_column(c) && Pen::of(c) == pen && c.diff_option == CellDiffOption::None;
    if !cells.iter().all(same) {
        return false;
    }
    for c in cells {
        out.extend_from_slice(c.symbol().as_bytes());
    }
    true
}

/// A cell the terminal draws one column wide for certain: one printable
/// ASCII character (wider or ambiguous ones are never rewritten).
fn one_column(cell: &Cell) -> bool {
    matches!(cell.symbol().as_bytes(), [b] if b.is_ascii_graphic() || *b == b' ')
}

/// From the style `from` to `to`: attributes turned off, then on, then the
/// colours (the attribute changes are ratatui's own, so the terminal shows
/// what ratatui's writer would).
fn restyle(out: &mut Vec<u8>, from: Pen, to: Pen) {
    if to == Pen::DEFAULT {
        // One reset undoes attributes and colours alike.
        let _ = queue!(out, SetAttribute(Attribute::Reset));
        return;
    }
    if from.modifier != to.modifier {
        attributes(out, from.modifier, to.modifier);
    }
    if (from.fg, from.bg) != (to.fg, to.bg) {
        let colors = Colors::new(to.fg.into_crossterm(), to.bg.into_crossterm());
        let _ = queue!(out, SetColors(colors));
    }
    if from.underline != to.underline {
        let _ = queue!(out, SetUnderlineColor(to.underline.into_crossterm()));
    }
}

fn attributes(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let set = |out: &mut Vec<u8>, a: Attribute| {
        let _ = queue!(out, SetAttribute(a));
    };
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        set(out, Attribute::NoReverse);
    }
    // Bold and dim are turned off together (normal intensity); what stays
    // of them is set again.
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity {
        set(out, Attribute::NormalIntensity);
        if to.contains(Modifier::DIM) {
            set(out, Attribute::Dim);
        }
        if to.contains(Modifier::BOLD) {
            set(out, Attribute::Bold);
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            set(out, off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(out, Attribute::NoBlink);
    }
    let added = to - from;
    for (m, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        let set_above = intensity && matches!(m, Modifier::BOLD | Modifier::DIM);
        if added.contains(m) && !set_above {
            set(out, on);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn row(text: &str, width: u16) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, width, 1));
        b.set_string(0, 0, text, Style::default());
        b
    }

    /// The bytes from `prev` to `next`, and what a terminal showing
    /// `prev` shows after them.
    fn encoded(prev: &Buffer, next: &Buffer) -> (String, String) {
        let mut bytes = Vec::new();
        encode(&mut bytes, &prev.diff(next), next);
        let mut first = Vec::new();
        let empty = Buffer::empty(prev.area);
        encode(&mut first, &empty.diff(prev), prev);
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("a size");
        let mut vt = vt100::Parser::new(nz(prev.area.height), nz(prev.area.width), 0);
        vt.process(&first);
        vt.process(&bytes);
        let shown = vt
            .screen()
            .rows(0, prev.area.width)
            .next()
            .unwrap_or_default();
        (String::from_utf8(bytes).unwrap(), shown)
    }

    #[test]
    fn a_short_gap_is_written_again_instead_of_moved_over() {
        let (bytes, shown) = encoded(&row("a b c", 10), &row("x b y", 10));
        assert_eq!(bytes, "\x1b[1;1Hx b y");
        assert_eq!(shown, "x b y");
    }

    #[test]
    fn a_long_gap_is_moved_over_by_column_alone() {
        let (bytes, shown) = encoded(&row("a123456789b", 12), &row("x123456789y", 12));
        assert_eq!(bytes, "\x1b[1;1Hx\x1b[11Gy");
        assert_eq!(shown, "x123456789y");
    }

    #[test]
    fn a_gap_in_another_style_is_moved_over() {
        let mut prev = row("a b c", 10);
        let mut next = row("x b y", 10);
        for b in [&mut prev, &mut next] {
            b.set_style(Rect::new(1, 0, 3, 1), Style::default().fg(Color::Red));
        }
        let (bytes, shown) = encoded(&prev, &next);
        assert_eq!(bytes, "\x1b[1;1Hx\x1b[5Gy");
        assert_eq!(shown, "x b y");
    }

    #[test]
    fn a_row_blank_to_its_end_is_erased_and_styles_end_in_one_reset() {
        let (bytes, shown) = encoded(&row("hello world", 12), &row("hi", 12));
        assert_eq!(bytes, "\x1b[1;2Hi\x1b[K");
        assert_eq!(shown, "hi");
        let mut next = row("hi", 12);
        next.set_style(
            Rect::new(0, 0, 2, 1),
            Style::default().fg(Color::Green).bold(),
        );
        let (bytes, shown) = encoded(&row("hello world", 12), &next);
        assert_eq!(bytes, "\x1b[1;1H\x1b[1m\x1b[38;5;2;49mhi\x1b[0m\x1b[K");
        assert_eq!(shown, "hi");
    }

    #[test]
    fn wide_characters_are_never_written_over_a_gap() {
        let (bytes, shown) = encoded(&row("a界 c", 10), &row("x界 y", 10));
        assert_eq!(bytes, "\x1b[1;1Hx\x1b[5Gy");
        assert_eq!(shown, "x界 y");
    }
}
