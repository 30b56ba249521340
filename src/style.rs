//! The one table of styles: every tone parallax draws text in, declared
//! once as an [`anstyle::Style`], for the CLI's coloured output
//! (`cli/paint.rs` writes them with `render()`) and for the reader
//! (`ui/theme.rs` turns them into ratatui styles). A tone names what text
//! is, so `diff` and the compare view mark an inserted word alike.
//!
//! In colour a tone sets text colours (the 16 of the terminal's palette)
//! and attributes, never a background, so it reads on dark and light
//! palettes alike. Without colour (NO_COLOR) the reader keeps every
//! distinction with attributes alone (`monochrome`); the CLI without
//! colour prints no escape at all and marks changes in the text itself.

use anstyle::{AnsiColor, Style};

/// What a run of styled text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Titles, ids, labels.
    Bold,
    Heading,
    Caption,
    /// Folded chrome and metadata, notes, secondary information.
    Dim,
    /// A within-article repeat marker.
    Repeat,
    /// Word diff: text only in the left article.
    Deleted,
    /// Word diff: text only in the right article.
    Inserted,
    /// A paragraph paired out of order.
    Moved,
    /// Pairing gutter marks (=, ≈, ~).
    Mark,
    /// Fuzzy-matched characters in the palette.
    Matched,
    /// Selected entry or focused element.
    Selected,
    /// Key names in hints and help.
    Key,
    Accent,
    /// A coverage cell with something in it.
    Coverage,
}

const fn fg(color: AnsiColor) -> Style {
    color.on_default()
}

// `Coverage` is the last tone: `ALL` holds them all.
const _: () = assert!(Tone::ALL.len() == Tone::Coverage as usize + 1);

impl Tone {
    /// Every tone, in declaration order (`ALL[t as usize] == t`).
    pub const ALL: [Tone; 14] = [
        Tone::Bold,
        Tone::Heading,
        Tone::Caption,
        Tone::Dim,
        Tone::Repeat,
        Tone::Deleted,
        Tone::Inserted,
        Tone::Moved,
        Tone::Mark,
        Tone::Matched,
        Tone::Selected,
        Tone::Key,
        Tone::Accent,
        Tone::Coverage,
    ];

    /// The tone in colour.
    pub const fn colored(self) -> Style {
        match self {
            Tone::Bold => Style::new().bold(),
            Tone::Heading => fg(AnsiColor::Cyan).bold(),
            Tone::Caption => Style::new().italic(),
            // Dim, not dark grey: in many 16-colour palettes (Solarized
            // dark among them) bright black is the background colour.
            Tone::Dim => Style::new().dimmed(),
            Tone::Repeat => fg(AnsiColor::Magenta),
            // As the README says: deleted struck through in red, inserted
            // underlined in green.
            Tone::Deleted => fg(AnsiColor::Red).strikethrough(),
            Tone::Inserted => fg(AnsiColor::Green).underline(),
            Tone::Moved => fg(AnsiColor::Yellow).bold(),
            Tone::Mark => fg(AnsiColor::Yellow),
            Tone::Matched => fg(AnsiColor::Yellow).bold(),
            Tone::Selected => Style::new().invert(),
            Tone::Key => fg(AnsiColor::Cyan),
            Tone::Accent => fg(AnsiColor::Yellow),
            Tone::Coverage => fg(AnsiColor::Cyan),
        }
    }

    /// The tone without colour, as the reader draws it under NO_COLOR:
    /// what must stay distinct stays so by bold, underline, reverse and
    /// italics; the rest is plain.
    pub const fn monochrome(self) -> Style {
        match self {
            Tone::Dim | Tone::Mark | Tone::Key | Tone::Accent | Tone::Coverage => Style::new(),
            Tone::Bold | Tone::Heading | Tone::Moved | Tone::Repeat => Style::new().bold(),
            Tone::Caption => Style::new().italic(),
            Tone::Deleted | Tone::Selected => Style::new().invert(),
            Tone::Inserted => Style::new().underline().bold(),
            Tone::Matched => Style::new().underline(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_tone_sets_a_background() {
        for tone in Tone::ALL {
            for style in [tone.colored(), tone.monochrome()] {
                assert_eq!(style.get_bg_color(), None, "{tone:?}");
            }
        }
    }

    #[test]
    fn every_tone_is_listed_at_its_own_index() {
        for (i, tone) in Tone::ALL.into_iter().enumerate() {
            assert_eq!(tone as usize, i, "{tone:?}");
        }
    }
}
