//! Layouts the current screen needs, brought up to date after each update:
//! wrapped once per width (and per article, pair, fold or topic), never per
//! frame.

use super::app::{App, Overlay, Screen};
use super::reader::layout_article;
use super::topic_view::layout_topic;

impl App {
    /// Bring the layouts the current screen needs up to date with the
    /// size, article, pair and fold settings; clamp scroll positions.
    pub fn refresh_layouts(&mut self) {
        let width = self.width();
        if self.screen != Screen::Compare {
            // Left the compare view: its work under way is dropped.
            self.compare.job = None;
        }

        match self.screen {
            Screen::Reader => {
                let r = &mut self.reader;
                let a = r.article.min(self.corpus.articles.len().saturating_sub(1));
                if !r
                    .layout
                    .as_ref()
                    .is_some_and(|l| l.is_for(a, width, r.unfold))
                {
                    let block = r.pending_block.or_else(|| {
                        r.layout
                            .as_ref()
                            .and_then(|l| l.block_line.iter().rposition(|&x| x <= r.scroll))
                    });
                    let same_article = r.layout.as_ref().is_some_and(|l| l.article == a);
                    r.layout = Some(layout_article(
                        a,
                        &self.corpus.articles[a],
                        &self.analysis,
                        width,
                        r.unfold,
                    ));
                    if same_article || r.pending_block.is_some() {
                        r.pending_block = block;
                    }
                }
                if let (Some(layout), Some(b)) = (&r.layout, r.pending_block.take()) {
                    let start = layout.block_line.get(b).copied().unwrap_or(0);
                    let end = layout.block_line.get(b + 1).copied().unwrap_or(start + 1);
                    let offset = std::mem::take(&mut self.pending_offset);
                    r.scroll = start + offset.min(end.saturating_sub(start + 1));
                }
                // Jumps may bring a late heading to the top, so the bound is
                // the last line rather than the last full page.
                let max = r
                    .layout
                    .as_ref()
                    .map_or(0, |l| l.lines.len().saturating_sub(1));
                r.scroll = r.scroll.min(max);
            }
            Screen::Compare => self.refresh_compare(width),
            Screen::Topic => {
                let t = &mut self.topic;
                if let Some(topic) = self.analysis.topics.topics.get(t.topic)
                    && t.layout
                        .as_ref()
                        .is_none_or(|l| l.topic != t.topic || l.width != width)
                {
                    t.layout = Some(layout_topic(&self.corpus, t.topic, topic, width));
                }
                let max = t
                    .layout
                    .as_ref()
                    .map_or(0, |l| l.lines.len().saturating_sub(1));
                t.scroll = t.scroll.min(max);
            }
            Screen::Library | Screen::Matrix => {}
        }
        if self.overlay == Some(Overlay::Palette) {
            let rows = self.palette_rows();
            self.palette.refresh_visible(&self.analysis.topics, rows);
        }
    }
}
