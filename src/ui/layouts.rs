//! Layouts the current screen needs, brought up to date after each update:
//! wrapped once per width (and per article, pair, fold or topic), never per
//! frame.

use super::app::{App, Overlay, Screen};
use super::compare::{Side, layout_pair};
use super::reader::layout_article;
use super::topic_view::layout_topic;

impl App {
    /// Bring the layouts the current screen needs up to date with the
    /// size, article, pair and fold settings; clamp scroll positions.
    pub fn refresh_layouts(&mut self) {
        let width = self.width();

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
            Screen::Compare => {
                let data = self.compare.ensure_data(&self.corpus, &self.analysis);
                let c = &mut self.compare;
                let key = c.key();
                let full = (key.0, key.1, key.2, width, c.unfold);
                if c.layout.as_ref().is_none_or(|l| l.key != full) {
                    // Keep the row at the top of the focused pane in view.
                    let side = usize::from(c.focus == Side::Right && !c.locked);
                    let anchor = c
                        .layout
                        .as_ref()
                        .filter(|l| (l.key.0, l.key.1) == (key.0, key.1))
                        .and_then(|l| {
                            let row = l.lines.get(c.scroll[side]).and_then(|x| x.row)?;
                            let old = c.cache.get(&(l.key.0, l.key.1, l.key.2))?;
                            old.alignment.rows.get(row).map(|r| (r.left, r.right))
                        });
                    let layout = layout_pair(&self.corpus, &data, key, width, c.unfold);
                    if let Some((left, right)) = anchor {
                        let row = data.alignment.rows.iter().position(|r| {
                            (left.is_some() && r.left == left)
                                || (left.is_none() && r.right == right)
                        });
                        if let Some(line) = row.and_then(|r| layout.row_line.get(r)) {
                            c.scroll = [*line, *line];
                        }
                    }
                    c.layout = Some(layout);
                }
                if let (Some((l, r)), Some(layout)) = (c.pending_rows.take(), c.layout.as_ref()) {
                    let row = data.alignment.rows.iter().position(|x| {
                        (l.is_some() && x.left == l) || (l.is_none() && r.is_some() && x.right == r)
                    });
                    if let Some(&line) = row.and_then(|i| layout.row_line.get(i)) {
                        let rows_here = layout.lines[line..]
                            .iter()
                            .take_while(|x| x.row == layout.lines[line].row)
                            .count();
                        let offset = std::mem::take(&mut self.pending_offset)
                            .min(rows_here.saturating_sub(1));
                        c.scroll = [line + offset, line + offset];
                    }
                }
                let max = c
                    .layout
                    .as_ref()
                    .map_or(0, |l| l.lines.len().saturating_sub(1));
                c.scroll = [c.scroll[0].min(max), c.scroll[1].min(max)];
            }
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
