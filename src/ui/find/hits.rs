//! Finding the hits of a screen's layout: the phrase in each unit's text,
//! each hit mapped to the columns it was wrapped into, all in reading
//! order (line, then pane, then column).

use super::{Cols, Find, Hit, Segment, TextUnit, locate};
use crate::corpus::BlockRef;

impl Find {
    pub(super) fn find_hits(
        &mut self,
        units: &[TextUnit],
        line_text: impl Fn(usize, usize) -> String,
    ) {
        let kept = self.current_place_and_pane();
        self.hits.clear();
        self.segments = Default::default();
        self.current = None;
        let Some(q) = &self.query else { return };
        let mut found: Vec<(Hit, Vec<Cols>)> = Vec::new();
        for unit in units {
            let ranges = q.find_in(&unit.source);
            if ranges.is_empty() {
                continue;
            }
            let lines: Vec<String> = unit
                .lines
                .clone()
                .map(|l| {
                    let text = line_text(unit.pane, l);
                    let n = unit.decor;
                    // Same width: every decoration glyph takes one column.
                    " ".repeat(text.chars().take(n).count())
                        + &text.chars().skip(n).collect::<String>()
                })
                .collect();
            let Some(cols) = locate(&unit.source, &lines, &ranges) else {
                debug_assert!(false, "lines are not a wrapping of {:?}", unit.source);
                continue;
            };
            for (&(start, _), cols) in ranges.iter().zip(cols) {
                let (Some(first), Some(last)) = (cols.first(), cols.last()) else {
                    continue;
                };
                let hit = Hit {
                    pane: unit.pane,
                    line: unit.lines.start + first.line,
                    last_line: unit.lines.start + last.line,
                    col: first.start,
                    block: unit.block,
                    offset: start.saturating_sub(unit.origin),
                };
                let cols = cols
                    .into_iter()
                    .map(|c| Cols {
                        line: unit.lines.start + c.line,
                        ..c
                    })
                    .collect();
                found.push((hit, cols));
            }
        }
        found.sort_by_key(|(h, _)| (h.line, h.pane, h.col));
        for (i, (hit, cols)) in found.into_iter().enumerate() {
            for c in cols {
                self.segments[hit.pane.min(1)].push(Segment {
                    line: c.line,
                    start: c.start,
                    end: c.end,
                    hit: i,
                });
            }
            self.hits.push(hit);
        }
        for s in &mut self.segments {
            s.sort_by_key(|s| (s.line, s.start));
        }
        // The same hit stays current across a new width or fold.
        self.current = kept.and_then(|k| {
            self.hits
                .iter()
                .position(|h| (h.pane, h.block, h.offset) == k)
        });
    }

    fn current_place_and_pane(&self) -> Option<(usize, BlockRef, usize)> {
        let h = self.hits.get(self.current?)?;
        Some((h.pane, h.block, h.offset))
    }
}
