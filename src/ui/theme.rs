//! Tags → ratatui styles. Two themes: 16-colour, and NO_COLOR, which keeps
//! every distinction with bold, underline, reverse and italics alone. Both
//! are the style table's (`crate::style`, shared with the CLI's colours):
//! a tag names its tone there, and [`ratatui_style`] is the one place an
//! `anstyle` style becomes a ratatui one. Only a search hit is styled here,
//! over what lies under it, and it alone has a background.

use super::styled::{StyledLine, Tag};
use crate::style::Tone;
use anstyle::{AnsiColor, Effects};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to a non-empty value.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    /// A tone of the style table in this theme.
    pub fn tone(&self, tone: Tone) -> Style {
        ratatui_style(if self.color {
            tone.colored()
        } else {
            tone.monochrome()
        })
    }

    pub fn style(&self, tag: Tag) -> Style {
        tone_of(tag).map_or(Style::default(), |tone| self.tone(tone))
    }

    /// A search hit over text drawn in `under`: black on yellow (the
    /// current hit on cyan, bold); without colour, reverse video flipped
    /// (so a hit shows inside reversed text too) and bold, the current
    /// hit underlined as well.
    pub fn hit(&self, under: Style, current: bool) -> Style {
        if self.color {
            let bg = if current { Color::Cyan } else { Color::Yellow };
            let s = Style::default().fg(Color::Black).bg(bg);
            return if current {
                s.add_modifier(Modifier::BOLD)
            } else {
                s
            };
        }
        let mut s = if under.add_modifier.contains(Modifier::REVERSED) {
            Style::default().remove_modifier(Modifier::REVERSED)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        };
        s = s.add_modifier(Modifier::BOLD);
        if current {
            s = s.add_modifier(Modifier::UNDERLINED);
        }
        s
    }

    /// A styled line as a ratatui line.
    pub fn line<'a>(&self, line: &'a StyledLine) -> Line<'a> {
        Line::from(
            line.iter()
                .map(|(t, tag)| Span::styled(t.as_str(), self.style(*tag)))
                .collect::<Vec<_>>(),
        )
    }

    /// Shade for a coverage cell, 0..=1: a glyph that shows in any theme,
    /// and a style that deepens with colour.
    pub fn shade(&self, weight: f32) -> (&'static str, Style) {
        let glyph = match weight {
            w if w <= 0.0 => " · ",
            w if w < 0.25 => "░░░",
            w if w < 0.5 => "▒▒▒",
            w if w < 0.75 => "▓▓▓",
            _ => "███",
        };
        let style = if weight > 0.0 {
            self.tone(Tone::Coverage)
        } else {
            Style::default()
        };
        (glyph, style)
    }
}

/// The tone a tag is drawn in; plain text has none.
fn tone_of(tag: Tag) -> Option<Tone> {
    Some(match tag {
        Tag::Text | Tag::TableRow => return None,
        Tag::Title => Tone::Bold,
        Tag::Heading => Tone::Heading,
        Tag::Caption => Tone::Caption,
        Tag::Dim => Tone::Dim,
        Tag::Repeat => Tone::Repeat,
        Tag::Deleted => Tone::Deleted,
        Tag::Inserted => Tone::Inserted,
        Tag::Moved => Tone::Moved,
        Tag::Mark => Tone::Mark,
        Tag::Matched => Tone::Matched,
        Tag::Selected => Tone::Selected,
        Tag::Key => Tone::Key,
        Tag::Accent => Tone::Accent,
    })
}

/// An `anstyle` style as ratatui draws it: its text colour and
/// attributes (the table sets no background; one would be kept too).
pub fn ratatui_style(style: anstyle::Style) -> Style {
    let mut out = Style::default();
    if let Some(c) = style.get_fg_color() {
        out = out.fg(ratatui_color(c));
    }
    if let Some(c) = style.get_bg_color() {
        out = out.bg(ratatui_color(c));
    }
    let effects = style.get_effects();
    let pairs = [
        (Effects::BOLD, Modifier::BOLD),
        (Effects::DIMMED, Modifier::DIM),
        (Effects::ITALIC, Modifier::ITALIC),
        (Effects::UNDERLINE, Modifier::UNDERLINED),
        (Effects::DOUBLE_UNDERLINE, Modifier::UNDERLINED),
        (Effects::CURLY_UNDERLINE, Modifier::UNDERLINED),
        (Effects::DOTTED_UNDERLINE, Modifier::UNDERLINED),
        (Effects::DASHED_UNDERLINE, Modifier::UNDERLINED),
        (Effects::BLINK, Modifier::SLOW_BLINK),
        (Effects::INVERT, Modifier::REVERSED),
        (Effects::HIDDEN, Modifier::HIDDEN),
        (Effects::STRIKETHROUGH, Modifier::CROSSED_OUT),
    ];
    for (effect, modifier) in pairs {
        if effects.contains(effect) {
            out = out.add_modifier(modifier);
        }
    }
    out
}

fn ratatui_color(color: anstyle::Color) -> Color {
    match color {
        anstyle::Color::Ansi(c) => match c {
            AnsiColor::Black => Color::Black,
            AnsiColor::Red => Color::Red,
            AnsiColor::Green => Color::Green,
            AnsiColor::Yellow => Color::Yellow,
            AnsiColor::Blue => Color::Blue,
            AnsiColor::Magenta => Color::Magenta,
            AnsiColor::Cyan => Color::Cyan,
            AnsiColor::White => Color::Gray,
            AnsiColor::BrightBlack => Color::DarkGray,
            AnsiColor::BrightRed => Color::LightRed,
            AnsiColor::BrightGreen => Color::LightGreen,
            AnsiColor::BrightYellow => Color::LightYellow,
            AnsiColor::BrightBlue => Color::LightBlue,
            AnsiColor::BrightMagenta => Color::LightMagenta,
            AnsiColor::BrightCyan => Color::LightCyan,
            AnsiColor::BrightWhite => Color::White,
        },
        anstyle::Color::Ansi256(c) => Color::Indexed(c.index()),
        anstyle::Color::Rgb(c) => Color::Rgb(c.r(), c.g(), c.b()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAGS: [Tag; 15] = Tag::ALL;

    /// The reader's styles as they were written out before the style
    /// table: the table must draw every tag the same.
    fn written_out(color: bool, tag: Tag) -> Style {
        let s = Style::default();
        if color {
            match tag {
                Tag::Text | Tag::TableRow => s,
                Tag::Title => s.add_modifier(Modifier::BOLD),
                Tag::Heading => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                Tag::Caption => s.add_modifier(Modifier::ITALIC),
                Tag::Dim => s.add_modifier(Modifier::DIM),
                Tag::Repeat => s.fg(Color::Magenta),
                Tag::Deleted => s.fg(Color::Red).add_modifier(Modifier::CROSSED_OUT),
                Tag::Inserted => s.fg(Color::Green).add_modifier(Modifier::UNDERLINED),
                Tag::Moved => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                Tag::Mark => s.fg(Color::Yellow),
                Tag::Matched => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                Tag::Selected => s.add_modifier(Modifier::REVERSED),
                Tag::Key => s.fg(Color::Cyan),
                Tag::Accent => s.fg(Color::Yellow),
            }
        } else {
            match tag {
                Tag::Text | Tag::TableRow | Tag::Dim | Tag::Mark | Tag::Key | Tag::Accent => s,
                Tag::Title | Tag::Heading | Tag::Moved | Tag::Repeat => {
                    s.add_modifier(Modifier::BOLD)
                }
                Tag::Caption => s.add_modifier(Modifier::ITALIC),
                Tag::Deleted => s.add_modifier(Modifier::REVERSED),
                Tag::Inserted => s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                Tag::Matched => s.add_modifier(Modifier::UNDERLINED),
                Tag::Selected => s.add_modifier(Modifier::REVERSED),
            }
        }
    }

    #[test]
    fn the_style_table_draws_every_tag_as_before() {
        for color in [true, false] {
            let theme = Theme { color };
            for tag in TAGS {
                assert_eq!(theme.style(tag), written_out(color, tag), "{color} {tag:?}");
            }
        }
    }

    #[test]
    fn coverage_is_cyan_in_colour_and_plain_without() {
        assert_eq!(
            Theme { color: true }.shade(0.6).1,
            Style::default().fg(Color::Cyan)
        );
        assert_eq!(Theme { color: false }.shade(0.6).1, Style::default());
        assert_eq!(Theme { color: true }.shade(0.0), (" · ", Style::default()));
    }

    #[test]
    fn every_attribute_and_colour_form_converts() {
        let style = anstyle::Style::new()
            .fg_color(Some(anstyle::Ansi256Color(208).into()))
            .bg_color(Some(anstyle::RgbColor(1, 2, 3).into()))
            .effects(Effects::INVERT | Effects::CURLY_UNDERLINE | Effects::HIDDEN);
        let want = Style::default()
            .fg(Color::Indexed(208))
            .bg(Color::Rgb(1, 2, 3))
            .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::HIDDEN);
        assert_eq!(ratatui_style(style), want);
        assert_eq!(
            ratatui_color(AnsiColor::BrightBlack.into()),
            Color::DarkGray
        );
    }
}
