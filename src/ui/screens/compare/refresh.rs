//! Keeping the compare view's layout up to date without blocking: what
//! is missing for the current pair, threshold, width and fold setting is
//! asked of a [`PairJob`] (or computed inline when there is no worker),
//! and taken in when done, keeping the reader's place.

use super::Compare;
use super::work::{PairDone, PairJob, PairRequest, compute};
use crate::ui::shared::Shared;
use std::sync::Arc;
use std::time::Duration;

impl Compare {
    /// Make sure the layout for the current state exists or is being
    /// made; go to the place asked for once it exists.
    pub(super) fn refresh_pair(&mut self, cx: &Shared) {
        // Pairs need the analysis; `reanalysed` comes back here.
        if cx.analysing {
            return;
        }
        let width = cx.geometry.width();
        let key = self.key();
        let want = (key.0, key.1, key.2, width, self.unfold);
        if let Some(job) = &self.job {
            if job.key == key {
                // The data under way is still wanted: let it finish (a
                // different width or fold is laid out afterwards).
                return;
            }
            self.job = None;
        }
        if self.layout.as_ref().is_some_and(|l| l.key == want) {
            self.go_to_place();
            self.replay_held(cx);
            return;
        }
        let data = self.cache.get(&key).cloned();
        // The scores and diffs made for these articles at another
        // threshold are reused: only the alignment is redone.
        let comparison = self
            .cache
            .iter()
            .find(|(k, _)| (k.0, k.1) == (key.0, key.1))
            .map(|(_, d)| Arc::clone(&d.comparison));
        let mut request = PairRequest {
            key,
            width,
            unfold: self.unfold,
            data,
            comparison,
        };
        if let Some(worker) = &mut self.background {
            let (corpus, analysis) = (Arc::clone(&cx.corpus), Arc::clone(&cx.analysis));
            match worker.submit(corpus, analysis, request) {
                Ok(job) => {
                    self.job = Some(job);
                    return;
                }
                Err(back) => request = back,
            }
        }
        let progress = Default::default();
        if let Some(done) = compute(&cx.corpus, &cx.analysis, request, &progress) {
            self.accept(done);
            self.replay_held(cx);
        }
    }

    /// Take in a finished job, if any; true if something changed (then
    /// the caller refreshes: the layout may be for a width or fold asked
    /// for meanwhile).
    pub fn poll(&mut self) -> bool {
        let done = self.job.as_ref().and_then(PairJob::try_take);
        self.finish(done)
    }

    /// Wait up to `budget` (from the job's start) for the current job, so
    /// a pair that takes less than a frame shows without a progress frame.
    pub fn settle(&mut self, budget: Duration) -> bool {
        let done = self.job.as_ref().and_then(|job| {
            let left = budget.saturating_sub(job.started.elapsed());
            if left.is_zero() {
                job.try_take()
            } else {
                job.wait(left)
            }
        });
        self.finish(done)
    }

    fn finish(&mut self, done: Option<PairDone>) -> bool {
        let Some(done) = done else {
            return false;
        };
        self.job = None;
        self.accept(done);
        true
    }

    /// Put a finished pair in: cache its data and show its layout, with
    /// the block that was at the top of the focused pane kept at the top.
    fn accept(&mut self, done: PairDone) {
        let key = done.key;
        self.cache.insert(key, Arc::clone(&done.data));
        if key != self.key() {
            return;
        }
        let side = self.side();
        let old = self
            .layout
            .as_ref()
            .filter(|l| (l.key.0, l.key.1) == (key.0, key.1));
        // The partner shown stays shown (and its evidence in the title).
        let partner = self.partner_step.filter(|s| s.scroll == self.scroll);
        if let (Some(old), false) = (old, self.locked) {
            // Unlocked, each pane keeps its own top block (a partner or
            // a paragraph beside its counterpart from elsewhere).
            let tops = self.tops_kept(old, &done.layout, &done.data);
            for (scroll, top) in self.scroll.iter_mut().zip(tops) {
                *scroll = top.unwrap_or(*scroll);
            }
        } else {
            let kept = old
                .and_then(|l| self.place_in(l, self.scroll[side]))
                .and_then(|p| p.block_start());
            if let Some(line) = kept.and_then(|g| self.line_of(&done.layout, &done.data, g)) {
                self.scroll = [line, line];
            }
        }
        if let Some(mut step) = partner {
            step.scroll = self.scroll;
            self.partner_step = Some(step);
        }
        self.layout = Some(done.layout);
        self.generation += 1;
        self.go_to_place();
    }

    /// With the current layout: go to a place asked for (a restored
    /// session, a bookmark), and keep the scroll positions inside it.
    fn go_to_place(&mut self) {
        let (Some(layout), Some(data)) = (self.layout.as_ref(), self.cache.get(&self.key())) else {
            return;
        };
        if let Some(goto) = self.goto.take()
            && let Some(line) = self.line_of(layout, data, goto)
        {
            self.scroll = [line, line];
        }
        let max = layout.lines.len().saturating_sub(1);
        if let Some(lines) = self.beside.take().and_then(|pair| self.lines_beside(pair)) {
            self.locked = false;
            self.scroll = lines;
        }
        self.scroll = [self.scroll[0].min(max), self.scroll[1].min(max)];
    }
}
