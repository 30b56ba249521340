//! Tags → ratatui styles. Two themes: 16-colour, and NO_COLOR, which keeps
//! every distinction with bold, underline, reverse and italics alone. The
//! colour theme sets text colours and attributes only, never a background
//! colour, so it reads on dark and light palettes alike.

use super::styled::{StyledLine, Tag};
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

    pub fn style(&self, tag: Tag) -> Style {
        let s = Style::default();
        if self.color {
            match tag {
                Tag::Text | Tag::TableRow => s,
                Tag::Title => s.add_modifier(Modifier::BOLD),
                Tag::Heading => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                Tag::Caption => s.add_modifier(Modifier::ITALIC),
                // Dim, not dark grey: in many 16-colour palettes (Solarized
                // dark among them) bright black is the background colour.
                Tag::Dim => s.add_modifier(Modifier::DIM),
                Tag::Repeat => s.fg(Color::Magenta),
                // As `parallax diff` prints them, and as the README says:
                // deleted struck through in red, inserted underlined in
                // green. Text colours only, never a fixed background, so
                // no palette turns them into black on a dark colour.
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
        let style = if self.color && weight > 0.0 {
            Style::default().fg(Color::Cyan)
        } else {
            Style::default()
        };
        (glyph, style)
    }
}
