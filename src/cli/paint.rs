//! Colour for human output: on only for a terminal with NO_COLOR unset
//! and a TERM that can draw (not `dumb`, not unset: as git has it),
//! unless `--color` says otherwise. The tones are the style table's
//! (`crate::style`), written with `anstyle`.

use super::args::ColorChoice;
use crate::corpus::sanitize::Clean;
pub use crate::style::Tone;
use std::io::IsTerminal;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    pub fn detect(choice: ColorChoice) -> Paint {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // The reader's own test of a terminal that cannot draw.
        let dumb = crate::ui::terminal::unfit(std::env::var_os("TERM").as_deref()).is_some();
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && !dumb && std::io::stdout().is_terminal(),
        };
        Paint { enabled }
    }

    /// `text` in a colour: the only escape sequences parallax prints
    /// outside the reader, and only around [`Clean`] text.
    pub fn paint(&self, tone: Tone, text: &Clean) -> Clean {
        if !self.enabled || text.is_empty() {
            return text.clone();
        }
        let (open, close) = codes(tone);
        Clean::lit(open) + text + Clean::lit(close)
    }

    /// [`Paint::paint`] on one of parallax's own constants.
    pub fn lit(&self, tone: Tone, text: &'static str) -> Clean {
        self.paint(tone, &Clean::lit(text))
    }
}

/// The escape sequences that open and close a tone in colour, rendered
/// once from the style table: parallax's own constants, so
/// [`Clean::lit`] takes them.
fn codes(tone: Tone) -> (&'static str, &'static str) {
    static CODES: OnceLock<[(String, String); Tone::ALL.len()]> = OnceLock::new();
    let all = CODES.get_or_init(|| {
        Tone::ALL.map(|t| {
            let style = t.colored();
            (style.render().to_string(), style.render_reset().to_string())
        })
    });
    let (open, close) = &all[tone as usize];
    (open, close)
}

/// Output width: `COLUMNS` if set, else the terminal's, else 80.
pub fn output_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
    {
        return n.clamp(20, 1000);
    }
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
    {
        return usize::from(w).clamp(20, 1000);
    }
    80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes around each tone the CLI uses. Bold, dim and accent are
    /// as before the style table; heading, deleted and inserted are now
    /// one SGR sequence per attribute and colour (anstyle's spelling,
    /// `ESC[1m ESC[36m` for `ESC[1;36m`): the same look.
    #[test]
    fn each_tone_is_wrapped_in_its_sgr_codes() {
        let paint = Paint { enabled: true };
        let cases = [
            (Tone::Bold, "\x1b[1m"),
            (Tone::Dim, "\x1b[2m"),
            (Tone::Heading, "\x1b[1m\x1b[36m"),
            (Tone::Deleted, "\x1b[9m\x1b[31m"),
            (Tone::Inserted, "\x1b[4m\x1b[32m"),
            (Tone::Accent, "\x1b[33m"),
        ];
        for (tone, open) in cases {
            let painted = paint.lit(tone, "word");
            assert_eq!(painted, format!("{open}word\x1b[0m").as_str(), "{tone:?}");
        }
    }

    #[test]
    fn without_colour_or_text_nothing_is_added() {
        let off = Paint { enabled: false };
        assert_eq!(off.lit(Tone::Inserted, "word"), "word");
        assert_eq!(Paint { enabled: true }.lit(Tone::Heading, ""), "");
    }
}
