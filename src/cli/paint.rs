//! Colour for human output: on only for a terminal with NO_COLOR unset,
//! unless `--color` says otherwise.

use super::args::ColorChoice;
use crate::corpus::sanitize::Clean;
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub enabled: bool,
}

/// SGR codes used by the CLI.
#[derive(Debug, Clone, Copy)]
pub enum Tone {
    Bold,
    Dim,
    Heading,
    Deleted,
    Inserted,
    Accent,
}

impl Paint {
    pub fn detect(choice: ColorChoice) -> Paint {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Paint { enabled }
    }

    /// `text` in a colour: the only escape sequences parallax prints
    /// outside the reader, and only around [`Clean`] text.
    pub fn paint(&self, tone: Tone, text: &Clean) -> Clean {
        if !self.enabled || text.is_empty() {
            return text.clone();
        }
        let code = match tone {
            Tone::Bold => "\x1b[1m",
            Tone::Dim => "\x1b[2m",
            Tone::Heading => "\x1b[1;36m",
            Tone::Deleted => "\x1b[9;31m",
            Tone::Inserted => "\x1b[4;32m",
            Tone::Accent => "\x1b[33m",
        };
        Clean::lit(code) + text + Clean::lit("\x1b[0m")
    }

    /// [`Paint::paint`] on one of parallax's own constants.
    pub fn lit(&self, tone: Tone, text: &'static str) -> Clean {
        self.paint(tone, &Clean::lit(text))
    }
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
