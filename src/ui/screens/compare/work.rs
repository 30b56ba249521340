//! The compare view's heavy work, off the UI thread: pairing two articles'
//! paragraphs, the word diff of every pair (seconds for big articles:
//! each diff may run to its deadline), then laying both panes out.
//!
//! A [`PairJob`] runs on the [`PairWorker`] thread, counts its progress,
//! stops at the next step once dropped (the user left, or asked for
//! another pair or threshold), and wakes the event loop when done. Without a waker
//! (tests, benchmarks) the same work runs inline ([`compute`]). The calls
//! into `analysis` are kept to one each, as that API will change.

pub use super::layout::PairKey;

use super::layout::{CompareLayout, PairData, layout_pair};
use crate::analysis::Analysis;
use crate::analysis::pair::PairComparison;
use crate::corpus::Corpus;
use crate::ui::signals::Waker;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// What to compute: the data for `key` (unless given) and its layout.
pub struct PairRequest {
    pub key: PairKey,
    pub width: usize,
    pub unfold: bool,
    /// The pair's data when only the layout is missing.
    pub data: Option<Arc<PairData>>,
    /// The comparison of these articles made for another threshold: its
    /// scores and the word diffs it made are reused.
    pub comparison: Option<Arc<PairComparison>>,
}

/// A finished request.
pub struct PairDone {
    pub key: PairKey,
    pub data: Arc<PairData>,
    pub layout: CompareLayout,
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Pairing,
    /// Word diffs: done, of total.
    Diffing(usize, usize),
    Layout,
}

/// Shared between a job and its handle.
#[derive(Debug, Default)]
pub struct Progress {
    cancelled: AtomicBool,
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Pairing,
            1 => Stage::Diffing(
                self.done.load(Ordering::Relaxed),
                self.total.load(Ordering::Relaxed),
            ),
            _ => Stage::Layout,
        }
    }

    fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Compute a request; `None` if cancelled on the way.
pub fn compute(
    corpus: &Corpus,
    analysis: &Analysis,
    request: PairRequest,
    progress: &Progress,
) -> Option<PairDone> {
    let (left, right, threshold) = request.key;
    let data = match request.data {
        Some(data) => data,
        None => {
            let comparison = request.comparison.unwrap_or_else(|| {
                Arc::new(PairComparison::new(corpus, &analysis.related, left, right))
            });
            let alignment = comparison.align(threshold);
            let total = alignment
                .rows
                .iter()
                .filter(|r| r.left.is_some() && r.right.is_some())
                .count();
            progress.total.store(total, Ordering::Relaxed);
            progress.stage.store(1, Ordering::Relaxed);
            let mut ops = Vec::with_capacity(alignment.rows.len());
            for row in &alignment.rows {
                if !row.kind.is_paired() {
                    ops.push(None);
                    continue;
                }
                if progress.cancelled() {
                    return None;
                }
                ops.push(comparison.row_ops(corpus, row));
                progress.done.fetch_add(1, Ordering::Relaxed);
            }
            Arc::new(PairData {
                alignment,
                ops,
                comparison,
            })
        }
    };
    if progress.cancelled() {
        return None;
    }
    progress.stage.store(2, Ordering::Relaxed);
    let layout = layout_pair(corpus, &data, request.key, request.width, request.unfold);
    Some(PairDone {
        key: request.key,
        data,
        layout,
    })
}

/// The compare worker: one thread, started on the first request, that
/// computes requests in turn. One thread, so work that cannot be
/// interrupted (the alignment itself) never runs twice at once when the
/// user changes the threshold again and again; requests cancelled while
/// waiting are skipped. The thread ends with the worker.
pub struct PairWorker {
    queue: Option<Sender<Queued>>,
    /// Wakes the event loop when a result is ready.
    waker: Waker,
}

/// A request waiting for the worker.
struct Queued {
    corpus: Arc<Corpus>,
    analysis: Arc<Analysis>,
    request: PairRequest,
    progress: Arc<Progress>,
    done: Sender<PairDone>,
}

impl PairWorker {
    pub fn new(waker: Waker) -> PairWorker {
        PairWorker { queue: None, waker }
    }

    fn start(&mut self) -> Option<&Sender<Queued>> {
        if self.queue.is_none() {
            let (queue, jobs) = channel::<Queued>();
            let wake = self.waker.clone();
            let spawned = std::thread::Builder::new()
                .name("compare".into())
                .spawn(move || {
                    for job in jobs {
                        if job.progress.cancelled() {
                            continue;
                        }
                        let done = compute(&job.corpus, &job.analysis, job.request, &job.progress);
                        if let Some(done) = done {
                            let _ = job.done.send(done);
                            wake.wake();
                        }
                    }
                });
            self.queue = spawned.ok().map(|_| queue);
        }
        self.queue.as_ref()
    }

    /// Queue `request`; it comes back if no worker thread can be had.
    pub fn submit(
        &mut self,
        corpus: Arc<Corpus>,
        analysis: Arc<Analysis>,
        request: PairRequest,
    ) -> Result<PairJob, PairRequest> {
        let progress = Arc::new(Progress::default());
        let (done, result) = channel();
        let job = PairJob {
            key: request.key,
            width: request.width,
            unfold: request.unfold,
            started: Instant::now(),
            progress: Arc::clone(&progress),
            done: result,
        };
        let queued = Queued {
            corpus,
            analysis,
            request,
            progress,
            done,
        };
        let Some(queue) = self.start() else {
            return Err(queued.request);
        };
        match queue.send(queued) {
            Ok(()) => Ok(job),
            Err(back) => {
                // The thread is gone (it panicked): the next request
                // starts another.
                self.queue = None;
                Err(back.0.request)
            }
        }
    }
}

/// A request given to the worker. Dropping it cancels the work.
pub struct PairJob {
    pub key: PairKey,
    pub width: usize,
    pub unfold: bool,
    pub started: Instant,
    progress: Arc<Progress>,
    done: Receiver<PairDone>,
}

impl PairJob {
    pub fn stage(&self) -> Stage {
        self.progress.stage()
    }

    /// The result, if the work is done.
    pub fn try_take(&self) -> Option<PairDone> {
        self.done.try_recv().ok()
    }

    /// Wait up to `budget` for the result (a small pair is done within a
    /// frame, and then shows without a progress frame first).
    pub fn wait(&self, budget: Duration) -> Option<PairDone> {
        self.done.recv_timeout(budget).ok()
    }
}

impl Drop for PairJob {
    fn drop(&mut self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pair::Threshold;

    fn request(key: PairKey, comparison: Option<Arc<PairComparison>>) -> PairRequest {
        PairRequest {
            key,
            width: 100,
            unfold: false,
            data: None,
            comparison,
        }
    }

    #[test]
    fn re_pairing_reuses_the_word_diffs_already_made_and_cancelling_stops_the_work() {
        let corpus = crate::corpus::load_builtin();
        let analysis = Analysis::build(&corpus);
        let at = Threshold::from_percent;
        let first = compute(
            &corpus,
            &analysis,
            request((0, 2, at(50)), None),
            &Progress::default(),
        )
        .expect("not cancelled");
        let progress = Progress::default();
        let second = compute(
            &corpus,
            &analysis,
            request((0, 2, at(30)), Some(Arc::clone(&first.data.comparison))),
            &progress,
        )
        .expect("not cancelled");
        assert!(Arc::ptr_eq(&first.data.comparison, &second.data.comparison));
        let mut reused = 0;
        for (row, ops) in first.data.alignment.rows.iter().zip(&first.data.ops) {
            let Some(old) = ops else { continue };
            let again = second
                .data
                .alignment
                .rows
                .iter()
                .zip(&second.data.ops)
                .find(|(r, _)| r.kind.is_paired() && (r.left, r.right) == (row.left, row.right));
            if let Some((_, Some(new))) = again {
                assert!(Arc::ptr_eq(old, new), "diff of {row:?} made again");
                reused += 1;
            }
        }
        // Rows paired at both thresholds (how many depends on the
        // alignment) take the earlier diff, never a new one.
        assert!(reused > 0, "some rows are paired at both thresholds");
        assert!(matches!(progress.stage(), Stage::Layout));

        let cancelled = Progress::default();
        cancelled.cancelled.store(true, Ordering::Relaxed);
        assert!(
            compute(
                &corpus,
                &analysis,
                request((0, 2, at(50)), None),
                &cancelled
            )
            .is_none()
        );
    }
}
