//! Work split over the machine's cores on one persistent rayon pool: its
//! threads start on first use and stay, so a phase pays nothing to start
//! threads and the next phase runs on the same threads (and reuses what
//! their allocator arenas hold). Results always come back in input order,
//! so the output never depends on scheduling. Should the pool fail to
//! start, everything runs on the calling thread.

use rayon::prelude::*;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Worker threads to use: the available cores, capped.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(16)
}

/// The pool, started on first use; `None` on one core, or if its threads
/// could not be started.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        crate::heap::grow_in_large_steps();
        if threads() <= 1 {
            return None;
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads())
            .thread_name(|i| format!("parallax-worker-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// `a` and `b` side by side on the pool (where their allocations reuse
/// the pool threads' arenas: a thread started for one would make an arena
/// of its own, kept at its padded size after every trim), or one after
/// the other without one.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    match pool() {
        Some(pool) => pool.install(|| rayon::join(a, b)),
        None => (a(), b()),
    }
}

/// `0..n` cut into consecutive chunks of at most `chunk` items.
fn chunks(n: usize, chunk: usize) -> Vec<Range<usize>> {
    let chunk = chunk.max(1);
    (0..n.div_ceil(chunk))
        .map(|i| i * chunk..((i + 1) * chunk).min(n))
        .collect()
}

/// Apply `f` to consecutive chunks of `0..n`, handing chunks out to the
/// threads one at a time (so a few expensive chunks do not leave a core
/// idle). Returns the results in chunk order.
pub fn map_chunks<R, F>(n: usize, chunk: usize, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(Range<usize>) -> R + Sync,
{
    map_chunks_with(n, chunk, || (), |_, r| f(r))
}

/// `map_chunks` with per-thread scratch state made by `init` once per
/// worker thread and handed to every chunk that worker runs.
pub fn map_chunks_with<S, R, I, F>(n: usize, chunk: usize, init: I, f: F) -> Vec<R>
where
    S: Send,
    R: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, Range<usize>) -> R + Sync,
{
    let work = chunks(n, chunk);
    let Some(pool) = pool().filter(|_| work.len() > 1) else {
        let mut state = init();
        return work.into_iter().map(|r| f(&mut state, r)).collect();
    };
    // One slot per pool thread. A slot already in use means this thread
    // took up another chunk while `f` waited (a nested parallel call):
    // that chunk gets fresh state rather than waiting for its own.
    let states: Vec<Mutex<Option<S>>> = (0..pool.current_num_threads())
        .map(|_| Mutex::new(None))
        .collect();
    pool.install(|| {
        work.into_par_iter()
            .with_max_len(1)
            .map(|r| {
                let slot = rayon::current_thread_index().and_then(|i| states.get(i));
                match slot.and_then(|m| m.try_lock().ok()) {
                    Some(mut state) => f(state.get_or_insert_with(&init), r),
                    None => f(&mut init(), r),
                }
            })
            .collect()
    })
}

/// Cut `0..weights.len()` into at most `parts` consecutive ranges of about
/// equal total weight (for work proportional to a per-item size).
pub fn balanced_ranges(weights: &[usize], parts: usize) -> Vec<Range<usize>> {
    let parts = parts.max(1);
    let total: usize = weights.iter().sum();
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut acc) = (0, 0);
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        // Close a range once it holds its share of the total.
        if out.len() + 1 < parts && acc * parts >= total * (out.len() + 1) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < weights.len() || out.is_empty() {
        out.push(start..weights.len());
    }
    out
}

/// Apply `f` to every item, items handed out one at a time to the pool's
/// threads and the calling thread, which calls `progress(done)` now and
/// then between its own items (so a caller can draw progress from its own
/// thread), and once at the end with every item done (the pool's threads
/// may take every item before the caller takes one). Results in item order. Below `min_items` items, on one
/// core, or when called from a pool thread, all runs on the calling thread.
pub fn map_with_progress<T, R, F>(
    items: &[T],
    min_items: usize,
    f: F,
    progress: &mut dyn FnMut(usize),
) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    const EVERY: usize = 64;
    // A pool thread must not block on the channel below: the items it
    // waits for could be queued behind it.
    let pool = pool().filter(|_| rayon::current_thread_index().is_none());
    let workers = pool.map_or(1, |p| p.current_num_threads()).min(items.len());
    let (Some(pool), true) = (pool, workers > 1 && items.len() >= min_items) else {
        let out: Vec<R> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if i % EVERY == 0 && i > 0 {
                    progress(i);
                }
                f(item)
            })
            .collect();
        if !items.is_empty() {
            progress(items.len());
        }
        return out;
    };
    let (next, done) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // Each worker keeps its (index, result) pairs; the calling thread works
    // too, and tells progress as it goes. (Sending each result to a
    // waiting caller cost a wake-up per item: a third of `list`'s system
    // time on 10,000 files.)
    let work = |progress: &mut dyn FnMut(usize)| {
        let mut mine = Vec::new();
        let mut told = 0;
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            mine.push((i, f(item)));
            let now = done.fetch_add(1, Ordering::Relaxed) + 1;
            if now >= told + EVERY {
                progress(now);
                told = now;
            }
        }
        mine
    };
    let mut parts: Vec<Vec<(usize, R)>> = Vec::with_capacity(workers);
    let mut told_here = 0;
    // `in_place_scope` runs this closure on the calling thread and the
    // spawned jobs on the pool.
    pool.in_place_scope(|s| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 1..workers {
            let (tx, work) = (tx.clone(), &work);
            s.spawn(move |_| {
                let _ = tx.send(work(&mut |_| {}));
            });
        }
        drop(tx);
        parts.push(work(&mut |d| {
            told_here = d;
            progress(d);
        }));
        // Ends when every job has sent its part or dropped its sender
        // (panicked: the scope then passes the panic on).
        parts.extend(rx);
    });
    if told_here < items.len() {
        progress(items.len());
    }
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in parts.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every item was mapped (a job's panic ends the scope)"))
        .collect()
}

/// Apply `f` to each item, items on the pool's threads at once (items own
/// disjoint state); results in item order.
pub fn map_mut<T, R, F>(items: &mut [T], f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut T) -> R + Sync,
{
    match pool().filter(|_| items.len() > 1) {
        Some(pool) => pool.install(|| items.par_iter_mut().with_max_len(1).map(&f).collect()),
        None => items.iter_mut().map(f).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_gives_each_side_its_own_result_with_parallel_work_inside() {
        let (a, b) = join(
            || {
                map_chunks(10, 3, |r| r.sum::<usize>())
                    .iter()
                    .sum::<usize>()
            },
            || "beside".to_string(),
        );
        assert_eq!((a, b.as_str()), (45, "beside"));
    }

    #[test]
    fn map_chunks_keeps_order_and_covers_everything() {
        let sums = map_chunks(1000, 7, |r| r.clone().sum::<usize>());
        assert_eq!(sums.len(), 1000usize.div_ceil(7));
        assert_eq!(sums.iter().sum::<usize>(), (0..1000).sum::<usize>());
        assert_eq!(sums[0], (0..7).sum::<usize>());
        assert!(map_chunks(0, 7, |r| r.len()).is_empty());
    }

    #[test]
    fn map_with_progress_keeps_order_and_reports() {
        let items: Vec<usize> = (0..1000).collect();
        for min_items in [0, 5000] {
            let mut seen = Vec::new();
            let out = map_with_progress(&items, min_items, |&i| i * 2, &mut |d| seen.push(d));
            assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
            assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
            assert!(seen.iter().all(|&d| d <= 1000));
            assert_eq!(seen.last(), Some(&1000), "the end is told");
        }
        assert!(map_with_progress(&[] as &[u8], 0, |&b| b, &mut |_| {}).is_empty());
    }

    #[test]
    fn work_runs_on_one_persistent_pool_and_progress_on_the_caller() {
        use std::collections::HashSet;
        use std::thread::ThreadId;
        let items: Vec<usize> = (0..2000).collect();
        let me = std::thread::current().id();
        let mut workers: HashSet<ThreadId> = HashSet::new();
        for _ in 0..3 {
            let mut callers = HashSet::new();
            let ran = map_with_progress(&items, 0, |_| std::thread::current().id(), &mut |_| {
                callers.insert(std::thread::current().id());
            });
            assert_eq!(callers, HashSet::from([me]), "progress off the caller");
            workers.extend(ran);
            workers.extend(map_chunks(500, 1, |_| std::thread::current().id()));
            let mut pieces = vec![0u8; 4];
            workers.extend(map_mut(&mut pieces, |_| std::thread::current().id()));
        }
        // Threads started per call would show up as new ids on every call
        // (the caller itself works in `map_with_progress`).
        workers.remove(&me);
        assert!(workers.len() <= threads(), "{} threads", workers.len());
    }

    #[test]
    fn balanced_ranges_partition_by_weight() {
        let w = [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        let rs = balanced_ranges(&w, 2);
        assert_eq!(rs, vec![0..1, 1..11]);
        let rs = balanced_ranges(&[1; 9], 3);
        assert_eq!(rs, vec![0..3, 3..6, 6..9]);
        assert_eq!(balanced_ranges(&[], 4), vec![0..0]);
        let covered: usize = balanced_ranges(&[0, 0, 5, 0], 8)
            .iter()
            .map(|r| r.len())
            .sum();
        assert_eq!(covered, 4);
    }

    #[test]
    fn map_mut_updates_each_item() {
        let mut items = vec![1, 2, 3];
        let doubled = map_mut(&mut items, |x| {
            *x += 10;
            *x * 2
        });
        assert_eq!(items, vec![11, 12, 13]);
        assert_eq!(doubled, vec![22, 24, 26]);
    }
}
