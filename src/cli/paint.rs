//! Colour for human output: on only for a terminal with NO_COLOR unset,
//! unless `--color` says otherwise.

use super::args::ColorChoice;
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

    pub fn paint(&self, tone: Tone, text: &str) -> String {
        if !self.enabled || text.is_empty() {
            return text.to_string();
        }
        let code = match tone {
            Tone::Bold => "1",
            Tone::Dim => "2",
            Tone::Heading => "1;36",
            Tone::Deleted => "9;31",
            Tone::Inserted => "4;32",
            Tone::Accent => "33",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
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
