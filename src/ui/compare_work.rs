//! The compare view's heavy work, off the UI thread: pairing two articles'
//! paragraphs, the word diff of every pair (seconds for big articles:
//! each diff may run to its deadline), then laying both panes out.
//!
//! A [`PairJob`] runs on the [`PairWorker`] thread, counts its progress,
//! stops at the next step once dropped (the user left, or asked for
//! another pair or threshold), and wakes the event loop when done. Without a waker
//! (tests, benchmarks) the same work runs inline ([`compute`]). The calls
//! into `analysis` are kept to one each, as that API will change.

use super::compare::{CompareLayout, PairData, layout_pair};
use super::signals::Waker;
use crate::analysis::Analysis;
use crate::analysis::align::{AlignOptions, align};
use crate::analysis::diff::{DiffOp, word_diff};
use crate::corpus::Corpus;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Word diffs give up (exactly, but coarsely) after this long per pair.
const DIFF_DEADLINE: Duration = Duration::from_millis(50);

/// (left article, right article, threshold in hundredths).
pub type PairKey = (usize, usize, u32);

/// What to compute: the data for `key` (unless given) and its layout.
pub struct PairRequest {
    pub key: PairKey,
    pub width: usize,
    pub unfold: bool,
    /// The pair's data when only the layout is missing.
    pub data: Option<Arc<PairData>>,
    /// Word diffs already made for this pair of articles (at another
    /// threshold), by (left block, right block): re-pairing reuses them.
    pub known: HashMap<(usize, usize), Arc<Vec<DiffOp>>>,
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
            let opts = AlignOptions {
                related_min: f64::from(threshold) / 100.0,
                ..AlignOptions::default()
            };
            let alignment = align(corpus, &analysis.related, left, right, &opts);
            let total = alignment
                .rows
                .iter()
                .filter(|r| r.left.is_some() && r.right.is_some())
                .count();
            progress.total.store(total, Ordering::Relaxed);
            progress.stage.store(1, Ordering::Relaxed);
            let mut ops = Vec::with_capacity(alignment.rows.len());
            for row in &alignment.rows {
                let (Some(l), Some(r)) = (row.left, row.right) else {
                    ops.push(None);
                    continue;
                };
                if progress.cancelled() {
                    return None;
                }
                let diff = request.known.get(&(l, r)).cloned().unwrap_or_else(|| {
                    Arc::new(word_diff(
                        &corpus.articles[left].blocks[l].text,
                        &corpus.articles[right].blocks[r].text,
                        DIFF_DEADLINE,
                    ))
                });
                ops.push(Some(diff));
                progress.done.fetch_add(1, Ordering::Relaxed);
            }
            Arc::new(PairData { alignment, ops })
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

    fn request(key: PairKey, known: HashMap<(usize, usize), Arc<Vec<DiffOp>>>) -> PairRequest {
        PairRequest {
            key,
            width: 100,
            unfold: false,
            data: None,
            known,
        }
    }

    #[test]
    fn re_pairing_reuses_the_word_diffs_already_made_and_cancelling_stops_the_work() {
        let corpus = crate::corpus::load_builtin();
        let analysis = Analysis::build(&corpus);
        let first = compute(
            &corpus,
            &analysis,
            request((0, 2, 20), HashMap::new()),
            &Progress::default(),
        )
        .expect("not cancelled");
        let mut known = HashMap::new();
        for (row, ops) in first.data.alignment.rows.iter().zip(&first.data.ops) {
            if let (Some(l), Some(r), Some(ops)) = (row.left, row.right, ops) {
                known.insert((l, r), Arc::clone(ops));
            }
        }
        assert!(!known.is_empty(), "the pair has paired rows");
        let progress = Progress::default();
        let second = compute(
            &corpus,
            &analysis,
            request((0, 2, 10), known.clone()),
            &progress,
        )
        .expect("not cancelled");
        let mut reused = 0;
        for (row, ops) in second.data.alignment.rows.iter().zip(&second.data.ops) {
            if let (Some(l), Some(r), Some(ops)) = (row.left, row.right, ops)
                && let Some(old) = known.get(&(l, r))
            {
                assert!(Arc::ptr_eq(old, ops), "diff of ({l}, {r}) made again");
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
                request((0, 2, 20), HashMap::new()),
                &cancelled
            )
            .is_none()
        );
    }
}
