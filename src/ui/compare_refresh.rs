//! Keeping the compare view's layout up to date without blocking: what
//! is missing for the current pair, threshold, width and fold setting is
//! asked of a [`PairJob`] (or computed inline when there is no worker),
//! and taken in when done, keeping the reader's place.

use super::app::App;
use super::compare::Side;
use super::compare_work::{PairDone, PairJob, PairRequest, Stage, compute};
use std::sync::Arc;
use std::time::Duration;

impl App {
    /// Make sure the compare layout for the current state exists or is
    /// being made; place the scroll position once it exists.
    pub(super) fn refresh_compare(&mut self, width: usize) {
        // Pairs need the analysis; `set_analysis` comes back here.
        if self.analysing {
            return;
        }
        let c = &mut self.compare;
        let key = c.key();
        let want = (key.0, key.1, key.2, width, c.unfold);
        if let Some(job) = &c.job {
            if job.key == key {
                // The data under way is still wanted: let it finish (a
                // different width or fold is laid out afterwards).
                return;
            }
            c.job = None;
        }
        if c.layout.as_ref().is_some_and(|l| l.key == want) {
            self.place_compare();
            return;
        }
        let data = c.cache.get(&key).cloned();
        // The scores and diffs made for these articles at another
        // threshold are reused: only the alignment is redone.
        let comparison = c
            .cache
            .iter()
            .find(|(k, _)| (k.0, k.1) == (key.0, key.1))
            .map(|(_, d)| Arc::clone(&d.comparison));
        let mut request = PairRequest {
            key,
            width,
            unfold: c.unfold,
            data,
            comparison,
        };
        if let Some(worker) = &mut c.background {
            match worker.submit(
                Arc::clone(&self.corpus),
                Arc::clone(&self.analysis),
                request,
            ) {
                Ok(job) => {
                    c.job = Some(job);
                    return;
                }
                Err(back) => request = back,
            }
        }
        let progress = Default::default();
        if let Some(done) = compute(&self.corpus, &self.analysis, request, &progress) {
            self.accept_pair(done);
        }
    }

    /// Take in a finished job, if any; true if something changed.
    pub fn poll_compare(&mut self) -> bool {
        let done = self.compare.job.as_ref().and_then(PairJob::try_take);
        self.finish_pair(done)
    }

    /// Wait up to `budget` (from the job's start) for the current job, so
    /// a pair that takes less than a frame shows without a progress frame.
    pub fn settle_compare(&mut self, budget: Duration) -> bool {
        let done = self.compare.job.as_ref().and_then(|job| {
            let left = budget.saturating_sub(job.started.elapsed());
            if left.is_zero() {
                job.try_take()
            } else {
                job.wait(left)
            }
        });
        self.finish_pair(done)
    }

    /// Where the compare work is, while it runs.
    pub fn compare_stage(&self) -> Option<Stage> {
        self.compare.job.as_ref().map(PairJob::stage)
    }

    fn finish_pair(&mut self, done: Option<PairDone>) -> bool {
        let Some(done) = done else {
            return false;
        };
        self.compare.job = None;
        self.accept_pair(done);
        // The layout may be for a width or fold asked for meanwhile.
        self.refresh_layouts();
        true
    }

    /// Put a finished pair in: cache its data and show its layout, with
    /// the row that was at the top of the focused pane kept in view.
    fn accept_pair(&mut self, done: PairDone) {
        let c = &mut self.compare;
        let key = done.key;
        c.cache.insert(key, Arc::clone(&done.data));
        if key != c.key() {
            return;
        }
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
        let layout = done.layout;
        if let Some((left, right)) = anchor {
            let row = done.data.alignment.rows.iter().position(|r| {
                (left.is_some() && r.left == left) || (left.is_none() && r.right == right)
            });
            if let Some(line) = row.and_then(|r| layout.row_line.get(r)) {
                c.scroll = [*line, *line];
            }
        }
        c.layout = Some(layout);
        self.place_compare();
    }

    /// With the current layout: go to a row asked for (a restored session,
    /// a bookmark), and keep the scroll positions inside the layout.
    fn place_compare(&mut self) {
        let c = &mut self.compare;
        let (Some(layout), Some(data)) = (c.layout.as_ref(), c.cache.get(&c.key())) else {
            return;
        };
        if let Some((l, r)) = c.pending_rows.take() {
            let row = data.alignment.rows.iter().position(|x| {
                (l.is_some() && x.left == l) || (l.is_none() && r.is_some() && x.right == r)
            });
            if let Some(&line) = row.and_then(|i| layout.row_line.get(i)) {
                let rows_here = layout.lines[line..]
                    .iter()
                    .take_while(|x| x.row == layout.lines[line].row)
                    .count();
                let offset =
                    std::mem::take(&mut self.pending_offset).min(rows_here.saturating_sub(1));
                c.scroll = [line + offset, line + offset];
            }
        }
        let max = layout.lines.len().saturating_sub(1);
        c.scroll = [c.scroll[0].min(max), c.scroll[1].min(max)];
    }
}
