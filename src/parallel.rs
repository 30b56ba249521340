//! Work split over the machine's cores with scoped threads (no thread pool,
//! no extra dependency). Results always come back in input order, so the
//! output never depends on scheduling.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Worker threads to use: the available cores, capped.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(16)
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
    R: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, Range<usize>) -> R + Sync,
{
    let work = chunks(n, chunk);
    let workers = threads().min(work.len());
    if workers <= 1 {
        let mut state = init();
        return work.into_iter().map(|r| f(&mut state, r)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut state = init();
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(range) = work.get(i) else { break };
                        mine.push((i, f(&mut state, range.clone())));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            // A worker only fails if `f` panicked: pass that panic on.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
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

/// Apply `f` to every item, items handed out one at a time to the worker
/// threads, while the calling thread collects the results and calls
/// `progress(done)` now and then (so a caller can draw progress from its
/// own thread). Results in item order. Below `min_items` items, or on one
/// core, all runs on the calling thread.
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
    let workers = threads().min(items.len());
    if workers <= 1 || items.len() < min_items {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if i % EVERY == 0 && i > 0 {
                    progress(i);
                }
                f(item)
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, f) = (&next, &f);
            s.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, f(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Ends when every worker has dropped its sender: all done, or one
        // panicked (the scope then passes the panic on).
        for (done, (i, r)) in rx.into_iter().enumerate() {
            slots[i] = Some(r);
            if (done + 1) % EVERY == 0 {
                progress(done + 1);
            }
        }
    });
    slots
        .into_iter()
        .map(|r| r.expect("every item was mapped (a worker panic ends the scope)"))
        .collect()
}

/// Apply `f` to each item on its own thread (items own disjoint state);
/// results in item order.
pub fn map_mut<T, R, F>(items: &mut [T], f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut T) -> R + Sync,
{
    if items.len() <= 1 {
        return items.iter_mut().map(f).collect();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .iter_mut()
            .map(|item| {
                let f = &f;
                s.spawn(move || f(item))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert!(!seen.is_empty());
        }
        assert!(map_with_progress(&[] as &[u8], 0, |&b| b, &mut |_| {}).is_empty());
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
