//! "parallax: fetching 3/12 example.org/news/…" on standard error while
//! links are fetched over the network, on a terminal only, erased when
//! done. Links found in the cache are not fetched and not shown.

use crate::corpus::sanitize::Clean;
use crate::display::wrap::truncate;

pub struct FetchProgress {
    enabled: bool,
    shown: bool,
}

impl FetchProgress {
    pub fn new() -> FetchProgress {
        use std::io::IsTerminal;
        FetchProgress {
            enabled: std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    /// `done` of `total` links fetched, `link` the last one.
    pub fn show(&mut self, done: usize, total: usize, link: &str) {
        if !self.enabled {
            return;
        }
        let short = link
            .split_once("://")
            .map_or(link, |(_, rest)| rest)
            .trim_start_matches("www.");
        let head = format!("parallax: fetching {done}/{total} ");
        let room = crate::cli::output_width().saturating_sub(head.chars().count() + 1);
        let line = format!("{head}{}", truncate(short, room.max(8)));
        crate::diag::raw(&(Clean::lit("\r\x1b[2K") + crate::clean!("{line}")));
        self.shown = true;
    }

    /// Erase the progress line.
    pub fn finish(&mut self) {
        if self.shown {
            crate::diag::raw(&Clean::lit("\r\x1b[2K"));
            self.shown = false;
        }
    }
}
